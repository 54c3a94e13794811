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

	"uzkor/data"
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
	u.greyed = map[string]*fyne.MenuItem{}
	item := func(id string) *fyne.MenuItem {
		a := u.action(id)
		mi := &fyne.MenuItem{Label: a.label, Action: func() { u.do(u.action(id)) }}
		if a.key != "" && a.mod != 0 {
			mi.Shortcut = a.shortcut()
		} else if a.keys != "" {
			mi.Label += " (" + a.keys + ")"
		}
		if a.can != nil {
			u.greyed[id] = mi
		}
		return mi
	}
	sep := fyne.NewMenuItemSeparator
	quit := item("quit")
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("export-csv"), item("export-xlsx"), item("export-all"), item("export-image"), item("export-briefing"), sep(),
		item("open"), item("bundled"), item("template"), sep(),
		quit)

	var views []*fyne.MenuItem
	for _, r := range registry {
		views = append(views, item("tab-"+r.id))
	}
	themes := fyne.NewMenu("Theme")
	for _, t := range []struct{ mode, label string }{{themeSystem, "Follow the system"}, {themeLight, "Light"}, {themeDark, "Dark"}, {themeProjector, "Projector (high contrast, larger type)"}} {
		mi := fyne.NewMenuItem(t.label, func() { u.setTheme(t.mode) })
		mi.Checked = u.theme.mode == t.mode
		themes.Items = append(themes.Items, mi)
	}
	themeItem := fyne.NewMenuItem("Theme", nil)
	themeItem.ChildMenu = themes
	presentTheme := fyne.NewMenu("Presentation theme")
	for _, t := range []struct{ mode, label string }{{themeProjector, "Projector"}, {"window", "The window's theme"}} {
		mi := fyne.NewMenuItem(t.label, func() {
			u.setPref(func(p fyne.Preferences) { p.SetString("present.theme", t.mode) })
			u.setMenu()
		})
		mi.Checked = u.prefString("present.theme", themeProjector) == t.mode
		presentTheme.Items = append(presentTheme.Items, mi)
	}
	presentThemeItem := fyne.NewMenuItem("Presentation theme", nil)
	presentThemeItem.ChildMenu = presentTheme
	views = append(views, sep(),
		item("zoom-in"), item("zoom-out"), item("zoom-reset"), sep(),
		item("back"), item("reload"), item("filter"), item("clear"), sep(),
		themeItem, presentThemeItem, sep(),
		item("present"), item("presenter-view"), item("deck-add"), item("deck"))
	view := fyne.NewMenu("View", views...)
	help := fyne.NewMenu("Help", item("shortcuts"), item("about"))
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
	for id, mi := range u.greyed {
		a := u.action(id)
		off := v == nil || !a.can(v)
		if mi.Disabled != off {
			mi.Disabled = off
			changed = true
		}
	}
	return changed
}

func (u *UI) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, a := range u.actions() {
		if a.keys == "" {
			continue
		}
		grid.Add(widget.NewLabelWithStyle(a.keys, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true, Bold: true}))
		grid.Add(widget.NewLabel(a.what))
	}
	if u.win != nil {
		size := u.win.Canvas().Size()
		box := container.NewGridWrap(fyne.NewSize(min(620, size.Width*0.8), min(grid.MinSize().Height, size.Height*0.7)), container.NewVScroll(grid))
		u.showDialog(dialog.NewCustom("Keyboard shortcuts", "Close", box, u.win))
	}
}

// aboutText is what Help → About says.
func (u *UI) aboutText() string {
	meta := u.app.Metadata()
	version := meta.Version
	if version == "" {
		version = "development"
	}
	d := u.data
	asOf := "undated"
	if a := d.AsOf(); a.Known() {
		asOf = data.FormatDate(a)
	}
	lines := []string{
		Title,
		"Version " + version + ", build " + strconv.Itoa(meta.Build),
		"",
		"Uzbekistan as a supplier of critical minerals and its partnership with South Korea: " +
			strconv.Itoa(len(d.Minerals)) + " minerals, " + strconv.Itoa(len(d.Sectors)) + " sectors, " +
			strconv.Itoa(len(d.Projects)) + " projects, " + strconv.Itoa(len(d.Milestones)) + " milestones and " +
			strconv.Itoa(len(d.Indicators)) + " headline figures.",
		"Data as of " + asOf + ", from " + strconv.Itoa(len(d.Sources)) + " sources.",
		u.folder.filesText(),
		"",
		"Data from " + u.credits(6) + "; every source is listed in the Sources tab.",
		"",
		"Licence: MIT (the program). The facts are those of the sources cited with each of them.",
		"Fonts: Noto Sans, bundled with Fyne; Korean in PDF briefings: Uzkor Hangul, a subset of NanumGothic © NAVER Corporation. Both under the SIL Open Font License 1.1.",
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
		return strings.Join(names[:n], ", ") + " and " + strconv.Itoa(len(names)-n) + " other publishers"
	}
	return strings.Join(names, ", ")
}

func (u *UI) showAbout() {
	l := widget.NewLabel(u.aboutText())
	l.Wrapping = fyne.TextWrapWord
	l.Selectable = true
	if u.win != nil {
		d := dialog.NewCustom("About", "Close", container.NewGridWrap(fyne.NewSize(600, 380), container.NewVScroll(l)), u.win)
		u.showDialog(d)
	}
}
