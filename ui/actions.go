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
	// the status line: cannot, with %s for the view's title.
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
		a := action{id: "tab-" + name, label: r.title(), what: "Show " + r.title(), run: func() { u.ShowTab(name) }}
		if i < len(digits) {
			a.key, a.mod, a.keys = digits[i], ctrl, "Ctrl+"+strconv.Itoa(i+1)
		}
		out = append(out, a)
	}
	return append(out,
		action{id: "filter", label: "Filter the view shown", what: "Put the cursor in the filter box", key: fyne.KeyF, mod: ctrl, keys: "Ctrl+F",
			run: u.focusFilter, can: hasFilter, cannot: "%s has no filter box"},
		action{id: "clear", label: "Clear filters", what: "Clear the filters of the view shown", key: fyne.KeyEscape, keys: "Esc",
			run: u.clearFilters, can: hasFilter, cannot: "%s has no filters to clear"},
		action{id: "back", label: "Back", what: "Go back to where a link was followed from", key: fyne.KeyLeft, mod: fyne.KeyModifierAlt, keys: "Alt+Left",
			run: u.back},
		action{id: "open", anytime: true, label: "Open data folder…", what: "Open a data folder", key: fyne.KeyO, mod: ctrl, keys: "Ctrl+O", run: u.showOpenFolder},
		action{id: "bundled", anytime: true, label: "Use bundled data", what: "Go back to the data bundled with the app", run: u.useBundled},
		action{id: "template", anytime: true, label: "Save data template…", what: "Save the bundled files as a starting point", run: u.showSaveTemplate},
		action{id: "reload", label: "Reload", what: "Read the data again", key: fyne.KeyR, mod: ctrl, keys: "Ctrl+R", run: u.reload},
		action{id: "export-csv", label: "Export as CSV…", what: "Export the view as CSV", key: fyne.KeyE, mod: ctrl, keys: "Ctrl+E",
			run: u.showExportCSV, can: hasCSV, cannot: "%s has nothing to export as CSV"},
		action{id: "export-xlsx", label: "Export as Excel…", what: "Export the view as an Excel workbook", run: u.showExportXLSX, can: hasXLSX, cannot: "%s has nothing to export as a workbook"},
		action{id: "export-all", label: "Export all data as a workbook…", what: "Export every table of the data as one Excel workbook", run: u.showExportAll},
		action{id: "export-image", label: "Export as image…", what: "Export the view as an image", key: fyne.KeyE, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+E",
			run: u.showExportImage},
		action{id: "export-briefing", label: "Export briefing (PDF)…", what: "Export a sourced briefing of the partnership, or of the filtered list shown, as PDF",
			run: u.showExportBriefing},
		action{id: "zoom-in", anytime: true, label: "Zoom in", what: "Zoom in", key: fyne.KeyEqual, mod: ctrl, keys: "Ctrl+Plus", run: func() { u.zoom(+1) }},
		action{id: "zoom-in-shift", anytime: true, label: "Zoom in", what: "Zoom in (Ctrl+Plus on most keyboards)", key: fyne.KeyEqual, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+=", alias: true, run: func() { u.zoom(+1) }},
		action{id: "zoom-out", anytime: true, label: "Zoom out", what: "Zoom out", key: fyne.KeyMinus, mod: ctrl, keys: "Ctrl+Minus", run: func() { u.zoom(-1) }},
		action{id: "zoom-reset", anytime: true, label: "Actual size", what: "Actual size", key: fyne.Key0, mod: ctrl, keys: "Ctrl+0", run: func() { u.zoom(0) }},
		action{id: "present", label: "Present", what: "Present full screen (on a second display when there is one); Esc or F11 leaves", key: fyne.KeyF11, keys: "F11", run: u.present},
		action{id: "presenter-view", label: "Presenter view", what: "Present with the presenter console here and the slides in a window of their own", key: fyne.KeyF11, mod: ctrl, keys: "Ctrl+F11",
			run: u.presenterView},
		action{id: "deck-add", label: "Add this view to the deck", what: "Add the view shown (a list as it is, or a slide of the view) to your deck", key: fyne.KeyD, mod: ctrl, keys: "Ctrl+D",
			run: u.addToDeck, can: hasSlides, cannot: "%s has no slides to add to the deck"},
		action{id: "deck", label: "Deck…", what: "Order, rename, remove, save and open the slides of your deck", key: fyne.KeyD, mod: ctrl | fyne.KeyModifierShift, keys: "Ctrl+Shift+D",
			run: u.showDeck},
		action{id: "shortcuts", anytime: true, label: "Keyboard shortcuts", what: "List the keyboard shortcuts", run: u.showShortcuts},
		action{id: "about", anytime: true, label: "About", what: "About the dashboard and its data", run: u.showAbout},
		action{id: "quit", anytime: true, label: "Quit", what: "Quit", key: fyne.KeyQ, mod: ctrl, keys: "Ctrl+Q", run: u.quit},
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
		u.status(a.label + " waits for the data being opened")
		return
	}
	if a.can != nil {
		if v := u.current(); v == nil || !a.can(v) {
			title := "This tab"
			if v != nil {
				title = "The " + v.title() + " tab"
			}
			u.status(sprintf(a.cannot, title))
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
