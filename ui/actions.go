package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// action is something the user can do from a menu, a key or both. The
// menus, the canvas's shortcuts and the shortcuts dialog are all made
// from the one list of actions, and so is the test that runs every action
// on every tab.
type action struct {
	id    string           // "export-csv"
	label string           // the menu item: "Export as CSV…"
	what  string           // the shortcuts dialog: "Export the view as CSV"
	key   fyne.KeyName     // "" for none
	mod   fyne.KeyModifier // 0 for a key alone (F11, Esc)
	keys  string           // the key as people write it: "Ctrl+E"
	alias bool             // a second key for an action, kept off the menus
	run   func()

	// can says whether the action applies to a view; nil: to every view.
	// When it does not, the menu item is greyed and the key says why in
	// the status line: cannot is the key of that message, with {{.Tab}}
	// for "The Projects tab".
	can    func(view) bool
	cannot string

	// anytime: the action works while the folder opened at start is
	// read and no data is shown yet; the others wait for the data.
	anytime bool
}

func hasCSV(v view) bool    { _, ok := v.(csvExporter); return ok }
func hasFilter(v view) bool { _, ok := v.(filterer); return ok }

// actions lists everything the menus and keys do.
func (u *UI) actions() []action {
	ctrl := fyne.KeyModifierShortcutDefault
	var out []action
	digits := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, r := range registry {
		name := r.id
		a := action{id: "tab-" + name, label: r.title(), what: tr("action.tab.what", "Title", r.title()), run: func() { u.ShowTab(name) }}
		if i < len(digits) {
			a.key, a.mod, a.keys = digits[i], ctrl, "Ctrl+"+strconv.Itoa(i+1)
		}
		out = append(out, a)
	}
	return append(out,
		action{id: "filter", label: tr("action.filter.label"), what: tr("action.filter.what"), key: fyne.KeyF, mod: ctrl, keys: "Ctrl+F",
			run: u.focusFilter, can: hasFilter, cannot: "action.filter.cannot"},
		action{id: "clear", label: tr("action.clear.label"), what: tr("action.clear.what"), key: fyne.KeyEscape, keys: "Esc",
			run: u.clearFilters, can: hasFilter, cannot: "action.clear.cannot"},
		action{id: "back", label: tr("action.back.label"), what: tr("action.back.what"), key: fyne.KeyLeft, mod: fyne.KeyModifierAlt, keys: "Alt+Left",
			run: u.back},
		action{id: "open", anytime: true, label: tr("action.open.label"), what: tr("action.open.what"), key: fyne.KeyO, mod: ctrl, keys: "Ctrl+O", run: u.showOpenFolder},
		action{id: "bundled", anytime: true, label: tr("action.bundled.label"), what: tr("action.bundled.what"), run: u.useBundled},
		action{id: "template", anytime: true, label: tr("action.template.label"), what: tr("action.template.what"), run: u.showSaveTemplate},
		action{id: "reload", label: tr("action.reload.label"), what: tr("action.reload.what"), key: fyne.KeyR, mod: ctrl, keys: "Ctrl+R", run: u.reload},
		action{id: "export-csv", label: tr("action.export-csv.label"), what: tr("action.export-csv.what"), key: fyne.KeyE, mod: ctrl, keys: "Ctrl+E",
			run: u.showExportCSV, can: hasCSV, cannot: "action.export-csv.cannot"},
		action{id: "export-xlsx", label: tr("action.export-xlsx.label"), what: tr("action.export-xlsx.what"), run: u.showExportXLSX, can: hasXLSX, cannot: "action.export-xlsx.cannot"},
		action{id: "export-all", label: tr("action.export-all.label"), what: tr("action.export-all.what"), run: u.showExportAll},
		action{id: "export-image", label: tr("action.export-image.label"), what: tr("action.export-image.what"), key: fyne.KeyE, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+E",
			run: u.showExportImage},
		action{id: "export-briefing", label: tr("action.export-briefing.label"), what: tr("action.export-briefing.what"),
			run: u.showExportBriefing},
		action{id: "zoom-in", anytime: true, label: tr("action.zoom-in.label"), what: tr("action.zoom-in.what"), key: fyne.KeyEqual, mod: ctrl, keys: "Ctrl+Plus", run: func() { u.zoom(+1) }},
		action{id: "zoom-in-shift", anytime: true, label: tr("action.zoom-in-shift.label"), what: tr("action.zoom-in-shift.what"), key: fyne.KeyEqual, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+=", alias: true, run: func() { u.zoom(+1) }},
		action{id: "zoom-out", anytime: true, label: tr("action.zoom-out.label"), what: tr("action.zoom-out.what"), key: fyne.KeyMinus, mod: ctrl, keys: "Ctrl+Minus", run: func() { u.zoom(-1) }},
		action{id: "zoom-reset", anytime: true, label: tr("action.zoom-reset.label"), what: tr("action.zoom-reset.what"), key: fyne.Key0, mod: ctrl, keys: "Ctrl+0", run: func() { u.zoom(0) }},
		action{id: "present", label: tr("action.present.label"), what: tr("action.present.what"), key: fyne.KeyF11, keys: "F11", run: u.present},
		action{id: "presenter-view", label: tr("action.presenter-view.label"), what: tr("action.presenter-view.what"), key: fyne.KeyF11, mod: ctrl, keys: "Ctrl+F11",
			run: u.presenterView},
		action{id: "deck-add", label: tr("action.deck-add.label"), what: tr("action.deck-add.what"), key: fyne.KeyD, mod: ctrl, keys: "Ctrl+D",
			run: u.addToDeck, can: hasSlides, cannot: "action.deck-add.cannot"},
		action{id: "deck", label: tr("action.deck.label"), what: tr("action.deck.what"), key: fyne.KeyD, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+D",
			run: u.showDeck},
		action{id: "shortcuts", anytime: true, label: tr("action.shortcuts.label"), what: tr("action.shortcuts.what"), run: u.showShortcuts},
		action{id: "about", anytime: true, label: tr("action.about.label"), what: tr("action.about.what"), run: u.showAbout},
		action{id: "quit", anytime: true, label: tr("action.quit.label"), what: tr("action.quit.what"), key: fyne.KeyQ, mod: ctrl, keys: "Ctrl+Q", run: u.quit},
	)
}

// action finds an action by id.
func (u *UI) action(id string) action {
	for _, a := range u.actions() {
		if a.id == id {
			return a
		}
	}
	panic("ui: no action " + id)
}

// do runs an action on the view shown, or says in the status line why it
// does not apply there. While slides are shown only Quit works: the keys
// belong to the slides.
func (u *UI) do(a action) {
	if u.presenting != nil && a.id != "quit" {
		return
	}
	if u.waiting && !a.anytime {
		u.status(tr("status.waits", "Action", a.label))
		return
	}
	if a.can != nil {
		if v := u.current(); v == nil || !a.can(v) {
			title := tr("action.this-tab")
			if v != nil {
				title = tr("action.the-tab", "Title", v.title())
			}
			u.status(tr(a.cannot, "Tab", title))
			return
		}
	}
	a.run()
}

// shortcut is the key of an action as Fyne takes it.
func (a action) shortcut() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: a.key, Modifier: a.mod}
}

// addShortcuts puts every action's key on the canvas: those with Ctrl as
// shortcuts, the keys alone (Esc, F11) through the canvas's key handler.
func (u *UI) addShortcuts(c fyne.Canvas) {
	alone := map[fyne.KeyName]action{}
	for _, a := range u.actions() {
		if a.key == "" {
			continue
		}
		if a.mod == 0 {
			alone[a.key] = a
			continue
		}
		c.AddShortcut(a.shortcut(), func(fyne.Shortcut) { u.do(u.action(a.id)) })
	}
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if con := u.talk.console; con != nil {
			con.TypedKey(k) // the console shows: keys drive the slides
			return
		}
		if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && u.enterDialog() {
			return
		}
		if a, ok := alone[k.Name]; ok {
			if k.Name == fyne.KeyEscape && u.closeDialog() {
				return
			}
			u.do(a)
			return
		}
		if prev != nil {
			prev(k)
		}
	})
}

// closeDialog hides the dialog on top, if one is open, and reports
// whether it did: Esc closes a dialog before it clears filters.
func (u *UI) closeDialog() bool {
	if u.win == nil {
		return false
	}
	if d, ok := u.topDialog(); ok {
		d.Hide()
		return true
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	top.Hide()
	if u.win.Canvas().Overlays().Top() == top {
		u.win.Canvas().Overlays().Remove(top)
	}
	return true
}

// focusFilter puts the cursor in the filter box of the view shown.
func (u *UI) focusFilter() {
	if f, ok := u.current().(filterer); ok && u.win != nil {
		u.win.Canvas().Focus(f.filterBox())
	}
}

// clearFilters clears the filters of the view shown.
func (u *UI) clearFilters() {
	if f, ok := u.current().(filterer); ok {
		f.clearFilters()
	}
}
