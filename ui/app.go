// Package ui is the dashboard's window: tabs of list, detail and summary
// views over one data set, its menus, shortcuts and remembered settings.
package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"

	"uzkor/data"
)

// Title is the window title and the app's display name.
const Title = "Uzbekistan–Korea Partnership Dashboard"

// Default window size, used until the user resizes it.
const (
	defaultWidth  = 1280
	defaultHeight = 800
)

// UI is the dashboard: tabs over one data set. It can live in a window
// (Attach) or be drawn offscreen (Render).
type UI struct {
	app   fyne.App
	win   fyne.Window // nil when drawn offscreen
	data  *data.Dataset
	prefs fyne.Preferences // nil: nothing is remembered
	theme *appTheme

	tabs  *container.AppTabs
	views []*tabView
	keys  fyne.ShortcutHandler // the shortcuts the canvas has too, for tests

	folder       dataFolder // where the data shown comes from
	watcher      *watcher
	watchedDir   string
	problems     *problemsDialog
	lastProblems string // the problems last shown, as text

	presenting *presenter // the slides shown full screen, or nil

	// onMain runs work from a goroutine on the main thread: fyne.Do, or,
	// in tests, a queue the test drains.
	onMain func(func())

	overview *overviewView
	minerals *mineralsView
	sectors  *sectorsView
	projects *projectsView
	timeline *timelineView
	sources  *sourcesView
	geomap   *mapView
}

// tabView is one entry of the view registry: a tab of the window.
type tabView struct {
	name, title string
	icon        fyne.Resource
	content     fyne.CanvasObject
	list        *listView // for the list tabs
	item        *container.TabItem
	slides      func() []slide // what the tab adds to the presentation
}

// New builds the dashboard over a data set, restoring what the user left:
// last tab, sort and filter of each list, split positions and theme.
func New(a fyne.App, d *data.Dataset) *UI {
	prefs := a.Preferences()
	return build(a, d, prefs, prefs.StringWithFallback("theme", themeSystem))
}

// build makes the tabs. The theme is set first, so every widget is made
// in the colours it will be shown in.
func build(a fyne.App, d *data.Dataset, prefs fyne.Preferences, mode string) *UI {
	u := &UI{app: a, data: d, prefs: prefs, onMain: fyne.Do}
	u.theme = newTheme(mode)
	if prefs != nil {
		if z := float32(prefs.FloatWithFallback("zoom", 1)); slices.Contains(zoomSteps, z) {
			u.theme = u.theme.zoomed(z)
		}
	}
	a.Settings().SetTheme(u.theme)
	u.buildViews()
	return u
}

// buildViews makes every tab over u.data and restores the remembered tab,
// filters and sorts; opening other data builds them again.
func (u *UI) buildViews() {
	u.overview = newOverviewView(u)
	u.minerals = newMineralsView(u)
	u.sectors = newSectorsView(u)
	u.projects = newProjectsView(u)
	u.timeline = newTimelineView(u)
	u.sources = newSourcesView(u)
	u.geomap = newMapView(u)
	u.views = []*tabView{
		{name: "overview", title: "Overview", icon: theme.HomeIcon(), content: u.overview.content(), slides: u.overview.slides},
		{name: "minerals", title: "Minerals", icon: theme.StorageIcon(), list: u.minerals.listView, slides: u.minerals.slides},
		{name: "sectors", title: "Sectors", icon: theme.GridIcon(), list: u.sectors.listView},
		{name: "projects", title: "Projects", icon: theme.ListIcon(), list: u.projects.listView},
		{name: "timeline", title: "Timeline", icon: theme.HistoryIcon(), content: u.timeline.content(), slides: u.timeline.slides},
		{name: "sources", title: "Sources", icon: theme.DocumentIcon(), list: u.sources.listView, slides: u.sources.slides},
		{name: "map", title: "Map", icon: theme.MediaRecordIcon(), content: u.geomap.content(), slides: u.geomap.slides},
	}
	var items []*container.TabItem
	for _, v := range u.views {
		if v.list != nil {
			v.content = v.list.content()
		}
		v.item = container.NewTabItemWithIcon(v.title, v.icon, v.content)
		items = append(items, v.item)
	}
	u.tabs = container.NewAppTabs(items...)
	u.restore()
	u.tabs.OnSelected = func(*container.TabItem) {
		u.shown(u.CurrentTab())
		u.setPref(func(p fyne.Preferences) { p.SetString("tab", u.CurrentTab()) })
	}
	u.shown(u.CurrentTab())
}

// shown finishes a tab the first time it is shown.
func (u *UI) shown(name string) {
	if lv := u.list(name); lv != nil {
		lv.table.ensureSized()
	}
	if name == "timeline" {
		u.timeline.ensureBuilt()
	}
}

// Content is the dashboard's whole window content.
func (u *UI) Content() fyne.CanvasObject { return u.tabs }

// Attach puts the dashboard in a window: content, menus, shortcuts, size;
// it opens the data folder the user chose last time, if any.
func (u *UI) Attach(w fyne.Window) {
	u.win = w
	u.setTitle()
	w.SetContent(u.Content())
	w.SetMainMenu(u.mainMenu())
	u.addShortcuts(w.Canvas())
	w.Resize(fyne.NewSize(
		float32(u.prefFloat("window.width", defaultWidth)),
		float32(u.prefFloat("window.height", defaultHeight))))
	w.SetCloseIntercept(func() {
		u.saveState()
		u.stopWatching()
		w.Close()
	})
	u.app.Lifecycle().SetOnStopped(u.saveState)
	if dir := u.prefString("data.folder", ""); dir != "" {
		if !isDir(dir) {
			u.setPref(func(p fyne.Preferences) { p.SetString("data.folder", "") })
		}
		_ = u.openFolder(dir)
	}
}

// CurrentTab names the tab shown ("projects").
func (u *UI) CurrentTab() string {
	for _, v := range u.views {
		if v.item == u.tabs.Selected() {
			return v.name
		}
	}
	return ""
}

// ShowTab switches to a tab by name; it reports false for an unknown name.
func (u *UI) ShowTab(name string) bool {
	for _, v := range u.views {
		if v.name == name {
			u.tabs.Select(v.item)
			u.shown(name)
			return true
		}
	}
	return false
}

// TabNames lists the tabs in order.
func (u *UI) TabNames() []string {
	out := make([]string, len(u.views))
	for i, v := range u.views {
		out[i] = v.name
	}
	return out
}

func (u *UI) list(name string) *listView {
	for _, v := range u.views {
		if v.name == name {
			return v.list
		}
	}
	return nil
}

// currentList is the list of the tab shown, or nil.
func (u *UI) currentList() *listView { return u.list(u.CurrentTab()) }

// show opens a row of minerals, sectors or projects in its tab.
func (u *UI) show(table, id string) {
	lv := u.list(table)
	if lv == nil {
		return
	}
	u.ShowTab(table)
	lv.showID(id)
}

// drill opens a list with a query applied, as a tap on a chart bar does;
// the list's status line says what filter is on, and Clear removes it.
func (u *UI) drill(table string, q data.Query) {
	if lv := u.list(table); lv != nil {
		q.Sort, q.Desc = lv.view.Query().Sort, lv.view.Query().Desc
		u.Apply(table, q)
	}
}

// Apply shows a list tab with a query: filter text, facets and sort, as if
// the user had set them.
func (u *UI) Apply(table string, q data.Query) bool {
	lv := u.list(table)
	if lv == nil {
		return false
	}
	lv.setQuery(q)
	return u.ShowTab(table)
}

// focusFilter puts the cursor in the filter box of the list shown.
func (u *UI) focusFilter() {
	if lv := u.currentList(); lv != nil && u.win != nil {
		u.win.Canvas().Focus(lv.filter)
	}
}

// escape clears the filters of the list shown; with a dialog open, Esc
// belongs to the dialog.
func (u *UI) escape() {
	if u.win != nil && u.win.Canvas().Overlays().Top() != nil {
		return
	}
	if lv := u.currentList(); lv != nil {
		lv.clearFilters()
	}
}

// zoom scales text and widgets one step in (+1) or out (−1), or back to
// actual size (0), through the theme; remembered.
func (u *UI) zoom(step int) {
	z := float32(1)
	if step != 0 {
		i := slices.Index(zoomSteps, u.theme.zoom)
		if i < 0 {
			i = slices.Index(zoomSteps, 1)
		}
		z = zoomSteps[max(0, min(len(zoomSteps)-1, i+step))]
	}
	u.theme = u.theme.zoomed(z)
	u.app.Settings().SetTheme(u.theme)
	u.setPref(func(p fyne.Preferences) { p.SetFloat("zoom", float64(z)) })
	for _, v := range u.views {
		if v.list != nil {
			v.list.table.sizeColumns()
		}
	}
}

// setTheme switches between following the system, light, dark and the
// projector theme, keeping the zoom.
func (u *UI) setTheme(mode string) {
	u.theme = newTheme(mode).zoomed(u.theme.zoom)
	u.app.Settings().SetTheme(u.theme)
	u.setPref(func(p fyne.Preferences) { p.SetString("theme", mode) })
	if u.win != nil {
		u.win.SetMainMenu(u.mainMenu())
	}
}

type shortcut struct {
	key    fyne.KeyName
	mod    fyne.KeyModifier
	label  string // as the shortcuts dialog shows it
	what   string
	action func()
	alias  bool // a second key for the action before it, not on a menu
}

// shortcuts lists every keyboard shortcut; the menus, the canvas and the
// shortcuts dialog all read it.
func (u *UI) shortcuts() []shortcut {
	ctrl := fyne.KeyModifierShortcutDefault
	out := []shortcut{}
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, v := range u.views {
		name := v.name
		out = append(out, shortcut{keys[i], ctrl, "Ctrl+" + string(keys[i]), "Show " + v.title, func() { u.ShowTab(name) }, false})
	}
	out = append(out,
		shortcut{fyne.KeyF, ctrl, "Ctrl+F", "Filter the list shown", u.focusFilter, false},
		shortcut{fyne.KeyO, ctrl, "Ctrl+O", "Open a data folder", u.showOpenFolder, false},
		shortcut{fyne.KeyR, ctrl, "Ctrl+R", "Reload the data", u.reload, false},
		shortcut{fyne.KeyE, ctrl, "Ctrl+E", "Export the view as CSV", u.showExportCSV, false},
		shortcut{fyne.KeyE, ctrl | fyne.KeyModifierShift, "Ctrl+Shift+E", "Export the view as an image", u.showExportImage, false},
		shortcut{fyne.KeyEscape, 0, "Esc", "Clear the filters of the list shown", u.escape, false},
		shortcut{fyne.KeyEqual, ctrl, "Ctrl+Plus", "Zoom in", func() { u.zoom(+1) }, false},
		shortcut{fyne.KeyEqual, ctrl | fyne.KeyModifierShift, "Ctrl+Shift+=", "Zoom in (Ctrl+Plus on most keyboards)", func() { u.zoom(+1) }, true},
		shortcut{fyne.KeyMinus, ctrl, "Ctrl+Minus", "Zoom out", func() { u.zoom(-1) }, false},
		shortcut{fyne.Key0, ctrl, "Ctrl+0", "Actual size", func() { u.zoom(0) }, false},
		shortcut{fyne.KeyF11, 0, "F11", "Present full screen; Esc or F11 leaves", u.present, false},
		shortcut{fyne.KeyQ, ctrl, "Ctrl+Q", "Quit", u.quit, false},
	)
	return out
}

func (s shortcut) fyne() fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: s.key, Modifier: s.mod}
}

func (u *UI) addShortcuts(c fyne.Canvas) {
	for _, s := range u.shortcuts() {
		s := s
		if s.mod == 0 {
			continue
		}
		c.AddShortcut(s.fyne(), func(fyne.Shortcut) { s.action() })
		u.keys.AddShortcut(s.fyne(), func(fyne.Shortcut) { s.action() })
	}
	prev := c.OnTypedKey()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			u.escape()
			return
		case fyne.KeyF11:
			u.present()
			return
		}
		if prev != nil {
			prev(k)
		}
	})
}

func (u *UI) quit() {
	u.saveState()
	u.app.Quit()
}

// restore applies the remembered tab, list settings and theme.
func (u *UI) restore() {
	for _, v := range u.views {
		if v.list == nil {
			continue
		}
		lv := v.list
		p := "list." + lv.name + "."
		q := data.Query{Text: u.prefString(p+"filter", ""), Sort: u.prefString(p+"sort", ""), Desc: u.prefBool(p + "desc")}
		if lv.view.Table().Column(q.Sort) < 0 {
			q.Sort = ""
		}
		lv.setQuery(q)
		if off := u.prefFloat(p+"split", 0); off > 0.05 && off < 0.95 {
			lv.split.SetOffset(off)
		}
	}
	u.ShowTab(u.prefString("tab", "overview"))
}

// saveList remembers a list's sort and filter text.
func (u *UI) saveList(lv *listView) {
	q := lv.view.Query()
	u.setPref(func(p fyne.Preferences) {
		k := "list." + lv.name + "."
		p.SetString(k+"filter", q.Text)
		p.SetString(k+"sort", q.Sort)
		p.SetBool(k+"desc", q.Desc)
	})
}

// saveState remembers what is only read when leaving: the window size
// and the split positions.
func (u *UI) saveState() {
	u.setPref(func(p fyne.Preferences) {
		for _, v := range u.views {
			if v.list != nil {
				p.SetFloat("list."+v.list.name+".split", v.list.split.Offset)
			}
		}
		if u.win != nil {
			s := u.win.Canvas().Size()
			if s.Width >= 400 && s.Height >= 300 {
				p.SetFloat("window.width", float64(s.Width))
				p.SetFloat("window.height", float64(s.Height))
			}
		}
	})
}

func (u *UI) setPref(f func(fyne.Preferences)) {
	if u.prefs != nil {
		f(u.prefs)
	}
}

func (u *UI) prefString(key, fallback string) string {
	if u.prefs == nil {
		return fallback
	}
	return u.prefs.StringWithFallback(key, fallback)
}

func (u *UI) prefFloat(key string, fallback float64) float64 {
	if u.prefs == nil {
		return fallback
	}
	return u.prefs.FloatWithFallback(key, fallback)
}

func (u *UI) prefBoolDefault(key string, fallback bool) bool {
	if u.prefs == nil {
		return fallback
	}
	return u.prefs.BoolWithFallback(key, fallback)
}

func (u *UI) prefBool(key string) bool {
	if u.prefs == nil {
		return false
	}
	return u.prefs.Bool(key)
}
