package ui

import (
	"fyne.io/fyne/v2"
)

// languagePref remembers the language chosen in View → Language; empty,
// the window follows the system's.
const languagePref = "language"

// speakChosen makes the window speak the language remembered, or the
// system's.
func speakChosen(p fyne.Preferences) {
	if languageForRun != "" {
		speak(languageForRun)
		return
	}
	tag := ""
	if p != nil {
		tag = p.StringWithFallback(languagePref, "")
	}
	if tag == "" || !knownLanguage(tag) {
		tag = systemLanguage()
	}
	speak(tag)
}

// languageMenu is View → Language: the system's language, then each
// language in its own name, the one spoken ticked.
func (u *UI) languageMenu() *fyne.Menu {
	chosen := u.pref().str(languagePref, "")
	system := matchLanguage(systemLanguage())
	name := system
	for _, l := range languages {
		if l.tag == system {
			name = l.name
		}
	}
	follow := fyne.NewMenuItem(tr("menu.language-system", "Name", name), func() { u.setLanguage("") })
	follow.Checked = chosen == ""
	m := fyne.NewMenu(tr("menu.language"), follow, fyne.NewMenuItemSeparator())
	for _, l := range languages {
		mi := fyne.NewMenuItem(l.name, func() { u.setLanguage(l.tag) })
		mi.Checked = chosen == l.tag
		m.Items = append(m.Items, mi)
	}
	return m
}

// setLanguage speaks another language at once, remembered: the views are
// made again in it, each as the user left it (tab, filters, sort,
// selection, split, scroll).
func (u *UI) setLanguage(tag string) {
	languageForRun = "" // the menu's choice wins over the command line's
	u.pref().setStr(languagePref, tag)
	if tag == "" {
		tag = systemLanguage()
	}
	before := spoken().tag
	speak(tag)
	if spoken().tag == before {
		u.setMenu() // the tick moves; nothing else changes
		return
	}
	u.respeak()
}

// respeak makes the views again in the language spoken, restoring each
// that was made as it was.
func (u *UI) respeak() {
	u.saveState()
	tab := u.CurrentTab()
	restore := map[string]func(view){}
	for _, v := range u.made() {
		if s, ok := v.(snapshotter); ok {
			restore[v.name()] = s.snapshot()
		}
	}
	u.buildViews()
	for i, r := range registry {
		if f := restore[r.id]; f != nil {
			f(u.viewAt(i))
		}
	}
	u.ShowTab(tab)
	if u.win != nil {
		u.win.SetContent(u.Content())
		u.setTitle()
		u.setMenu()
	}
}
