package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// setMenu gives the window its menus, made afresh from the actions (the
// theme's tick marks change with it).
func (u *UI) setMenu() {
	if u.win == nil {
		return
	}
	u.menu = u.mainMenu()
	u.win.SetMainMenu(u.menu)
}

// mainMenu builds File, View and Help from the actions. Items with a key
// show it; items that depend on the tab shown are greyed where it cannot
// do them (updateMenu).
func (u *UI) mainMenu() *fyne.MainMenu {
	u.greyed = nil
	byID := map[string]action{}
	for _, a := range u.actions() {
		byID[a.id] = a
	}
	item := func(id string) *fyne.MenuItem {
		a, ok := byID[id]
		if !ok {
			panic("ui: no action " + id)
		}
		mi := &fyne.MenuItem{Label: a.label, Action: func() { u.do(u.action(id)) }}
		if a.key != "" && a.mod != 0 {
			mi.Shortcut = a.shortcut()
		} else if a.keys != "" {
			mi.Label += " (" + a.keys + ")"
		}
		if a.can != nil {
			u.greyed = append(u.greyed, greyable{mi, a.can})
		}
		return mi
	}
	sep := fyne.NewMenuItemSeparator
	quit := item("quit")
	quit.IsQuit = true
	file := fyne.NewMenu(tr("menu.file"),
		item("export-csv"), item("export-xlsx"), item("export-all"), item("export-image"), item("export-briefing"), sep(),
		item("open"), item("bundled"), item("template"), sep(),
		quit)

	var views []*fyne.MenuItem
	for _, r := range registry {
		views = append(views, item("tab-"+r.id))
	}
	themes := fyne.NewMenu(tr("menu.theme"))
	for _, t := range []struct{ mode, label string }{{themeSystem, tr("menu.theme-system")}, {themeLight, tr("menu.theme-light")}, {themeDark, tr("menu.theme-dark")}, {themeProjector, tr("menu.theme-projector")}} {
		mi := fyne.NewMenuItem(t.label, func() { u.setTheme(t.mode) })
		mi.Checked = u.theme.mode == t.mode
		themes.Items = append(themes.Items, mi)
	}
	themeItem := fyne.NewMenuItem(tr("menu.theme"), nil)
	themeItem.ChildMenu = themes
	presentTheme := fyne.NewMenu(tr("menu.present-theme"))
	for _, t := range []struct{ mode, label string }{{themeProjector, tr("menu.present-projector")}, {"window", tr("menu.present-window")}} {
		mi := fyne.NewMenuItem(t.label, func() {
			u.pref().setStr("present.theme", t.mode)
			u.setMenu()
		})
		mi.Checked = u.pref().str("present.theme", themeProjector) == t.mode
		presentTheme.Items = append(presentTheme.Items, mi)
	}
	presentThemeItem := fyne.NewMenuItem(tr("menu.present-theme"), nil)
	presentThemeItem.ChildMenu = presentTheme
	languageItem := fyne.NewMenuItem(tr("menu.language"), nil)
	languageItem.ChildMenu = u.languageMenu()
	views = append(views, sep(),
		item("zoom-in"), item("zoom-out"), item("zoom-reset"), sep(),
		item("back"), item("reload"), item("filter"), item("clear"), sep(),
		themeItem, presentThemeItem, languageItem, sep(),
		item("present"), item("presenter-view"), item("deck-add"), item("deck"))
	view := fyne.NewMenu(tr("menu.view"), views...)
	help := fyne.NewMenu(tr("menu.help"), item("shortcuts"), item("about"))
	m := fyne.NewMainMenu(file, view, help)
	u.greyItems()
	return m
}

// updateMenu greys the items the tab shown cannot do, and shows it.
func (u *UI) updateMenu() {
	if u.menu == nil {
		return
	}
	if u.greyItems() {
		u.menu.Refresh()
	}
}

// greyItems sets each tab-dependent item's Disabled for the tab shown and
// reports whether any changed.
func (u *UI) greyItems() bool {
	v := u.current()
	changed := false
	for _, g := range u.greyed {
		off := v == nil || !g.can(v)
		if g.item.Disabled != off {
			g.item.Disabled = off
			changed = true
		}
	}
	return changed
}

// greyable is a menu item greyed where its action cannot be done.
type greyable struct {
	item *fyne.MenuItem
	can  func(view) bool
}

func (u *UI) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, a := range u.actions() {
		if a.keys == "" {
			continue
		}
		grid.Add(widget.NewLabelWithStyle(a.keys, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true, Bold: true}))
		// A long description wraps rather than run past the dialog.
		what := widget.NewLabel(a.what)
		what.Wrapping = fyne.TextWrapWord
		grid.Add(what)
	}
	if u.win != nil {
		size := u.win.Canvas().Size()
		box := container.NewGridWrap(fyne.NewSize(min(720, size.Width*0.8), size.Height*0.7), container.NewVScroll(grid))
		u.showDialog(dialog.NewCustom(tr("shortcuts.title"), tr("dialog.close"), box, u.win))
	}
}

// aboutText is what Help → About says.
func (u *UI) aboutText() string {
	meta := u.app.Metadata()
	version := meta.Version
	if version == "" {
		version = tr("about.development")
	}
	d := u.data
	asOf := tr("about.undated")
	if a := d.AsOf(); a.Known() {
		asOf = lc().Date(a)
	}
	lines := []string{
		tr("app.title"),
		tr("about.version", "Version", version, "Build", strconv.Itoa(meta.Build)),
		"",
		tr("about.what", "Minerals", len(d.Minerals), "Sectors", len(d.Sectors), "Projects", len(d.Projects),
			"Milestones", len(d.Milestones), "Figures", len(d.Indicators)),
		tr("about.as-of", "Date", asOf, "Sources", len(d.Sources)),
		u.folder.filesText(),
		"",
		tr("about.credits", "Publishers", u.credits(6)),
		"",
		tr("about.licence"),
		tr("about.fonts"),
		tr("about.translations"),
	}
	return strings.Join(lines, "\n")
}

// credits names the publishers cited most, without links.
func (u *UI) credits(n int) string {
	d := u.data
	counts := d.CitationCounts()
	byPublisher := map[string]int{}
	for _, s := range d.Sources {
		byPublisher[s.Publisher] += counts[s.ID]
	}
	var names []string
	for p := range byPublisher {
		names = append(names, p)
	}
	slices.SortFunc(names, func(a, b string) int {
		if byPublisher[a] != byPublisher[b] {
			return byPublisher[b] - byPublisher[a]
		}
		return strings.Compare(a, b)
	})
	if len(names) > n {
		return trn("about.more-publishers", len(names)-n, "Names", strings.Join(names[:n], ", "))
	}
	return strings.Join(names, ", ")
}

func (u *UI) showAbout() {
	l := widget.NewLabel(u.aboutText())
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	if u.win != nil {
		d := dialog.NewCustom(tr("about.title"), tr("dialog.close"), container.NewGridWrap(fyne.NewSize(600, 380), container.NewVScroll(l)), u.win)
		u.showDialog(d)
	}
}
