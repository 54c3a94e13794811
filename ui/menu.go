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

// mainMenu builds File, View and Help. Items with a shortcut show it, and
// the shortcut list is the one the canvas and the shortcuts dialog use.
func (u *UI) mainMenu() *fyne.MainMenu {
	sc := map[string]fyne.Shortcut{}
	for _, s := range u.shortcuts() {
		if s.mod != 0 {
			sc[s.what] = s.fyne()
		}
	}
	item := func(label string, action func(), what string) *fyne.MenuItem {
		return &fyne.MenuItem{Label: label, Action: action, Shortcut: sc[what]}
	}
	quit := item("Quit", u.quit, "Quit")
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("Export view as CSV…", u.showExportCSV, "Export the view as CSV"),
		item("Export view as image…", u.showExportImage, "Export the view as an image"),
		fyne.NewMenuItemSeparator(),
		item("Open data folder…", u.showOpenFolder, "Open a data folder"),
		fyne.NewMenuItem("Use bundled data", u.useBundled),
		fyne.NewMenuItem("Save data template…", u.showSaveTemplate),
		fyne.NewMenuItemSeparator(),
		quit,
	)

	var views []*fyne.MenuItem
	for _, v := range u.views {
		views = append(views, item(v.title, func() { u.ShowTab(v.name) }, "Show "+v.title))
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
			u.win.SetMainMenu(u.mainMenu())
		})
		mi.Checked = u.prefString("present.theme", themeProjector) == t.mode
		presentTheme.Items = append(presentTheme.Items, mi)
	}
	presentThemeItem := fyne.NewMenuItem("Presentation theme", nil)
	presentThemeItem.ChildMenu = presentTheme
	views = append(views, fyne.NewMenuItemSeparator(),
		item("Zoom in", func() { u.zoom(+1) }, "Zoom in"),
		item("Zoom out", func() { u.zoom(-1) }, "Zoom out"),
		item("Actual size", func() { u.zoom(0) }, "Actual size"),
		fyne.NewMenuItemSeparator(),
		item("Reload", u.reload, "Reload the data"),
		item("Filter the list shown", u.focusFilter, "Filter the list shown"),
		fyne.NewMenuItem("Clear filters (Esc)", u.escape),
		fyne.NewMenuItemSeparator(), themeItem, presentThemeItem, fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("Present (F11)", u.present))
	view := fyne.NewMenu("View", views...)

	help := fyne.NewMenu("Help",
		fyne.NewMenuItem("Keyboard shortcuts", u.showShortcuts),
		fyne.NewMenuItem("About", u.showAbout),
	)
	return fyne.NewMainMenu(file, view, help)
}

// shortcutsText lists the shortcuts, one per line.
func (u *UI) shortcutsText() string {
	var b strings.Builder
	for _, s := range u.shortcuts() {
		b.WriteString(s.label + "\t" + s.what + "\n")
	}
	return b.String()
}

func (u *UI) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, s := range u.shortcuts() {
		grid.Add(widget.NewLabelWithStyle(s.label, fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true, Bold: true}))
		grid.Add(widget.NewLabel(s.what))
	}
	if u.win != nil {
		dialog.ShowCustom("Keyboard shortcuts", "Close", grid, u.win)
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
		d.Show()
	}
}
