// Package ui is the dashboard's window: tabs of list, detail and summary
// views over one data set, its menus, shortcuts and remembered settings.
package ui

import (
	"io"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

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

	views  []view
	items  []*container.TabItem // items[i] shows views[i]
	seen   map[view]bool        // the views shown once (shower)
	tabs   *container.AppTabs
	bar    *statusBar
	body   fyne.CanvasObject // the tabs over the status bar
	menu   *fyne.MainMenu
	greyed []greyable // items that depend on the tab shown

	folder       dataFolder                  // where the data shown comes from
	pending      *Reading                    // the folder being read at start, followed once attached (NewOpening)
	waiting      bool                        // no view is shown yet: the folder opened at start is being read (NewOpening)
	openingBar   *widget.ProgressBarInfinite // its progress while waiting; stopped when the views come, or it would redraw the window for ever
	loads        int                         // counts the folders asked for: only the last one asked is shown
	watcher      *watcher
	problems     *problemsDialog
	lastProblems data.Problems // the problems last shown

	presenting *presenter      // the slides shown full screen, or nil
	talk       talk            // the deck, and the presenter console (console.go, deck.go)
	dialogs    []dialog.Dialog // the dialogs open, newest last (dialogs.go)
	history    []place         // where links were followed from, for Back

	// onMain runs work from a goroutine on the main thread: fyne.Do, or,
	// in tests, a queue the test drains.
	onMain func(func())

	// Timing, when set, is told when a folder opened at start has been
	// read and when it is shown (-timing).
	Timing func(phase string)
}

// New builds the dashboard over a data set, restoring what the user left:
// last tab, sort and filter of each list, split positions and theme.
func New(a fyne.App, d *data.Dataset) *UI {
	prefs := a.Preferences()
	speakChosen(prefs)
	return build(a, d, prefs, prefs.StringWithFallback("theme", themeSystem))
}

// NewOpening builds the dashboard to show a folder being read
// (StartReading). Until it is read the window says so, and no view is made
// of the bundled data, which would be put away at once; if the folder
// cannot be shown, the bundled data is, and the problems are listed.
func NewOpening(a fyne.App, d *data.Dataset, r *Reading) *UI {
	if r == nil {
		return New(a, d)
	}
	prefs := a.Preferences()
	speakChosen(prefs)
	u := prepare(a, d, prefs, prefs.StringWithFallback("theme", themeSystem))
	u.waiting = true
	label := widget.NewLabelWithStyle(tr("folder.opening", "Folder", shortPath(r.dir)), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	u.openingBar = widget.NewProgressBarInfinite()
	u.body = container.NewBorder(nil, u.bar.box, nil, nil,
		container.NewCenter(container.New(&minWidth{w: 360}, container.NewVBox(label, u.openingBar))))
	u.pending = r
	return u
}

// build makes the views. The theme is set first, so every widget is made
// in the colours it will be shown in.
func build(a fyne.App, d *data.Dataset, prefs fyne.Preferences, mode string) *UI {
	u := prepare(a, d, prefs, mode)
	u.buildViews()
	return u
}

// prepare is build without the views: the theme and the status bar.
func prepare(a fyne.App, d *data.Dataset, prefs fyne.Preferences, mode string) *UI {
	u := &UI{app: a, data: d, prefs: prefs, onMain: fyne.Do}
	u.theme = themeFor(mode, prefs)
	if set, ok := a.Settings().Theme().(*appTheme); ok && *set == *u.theme {
		u.theme = set // WarmFonts set it while the window was made
	} else {
		a.Settings().SetTheme(u.theme)
	}
	u.bar = newStatusBar(u.runOnMain, func() { u.do(u.action("back")) })
	return u
}

// runOnMain hands work to the main thread through onMain, read when the
// work is handed over (tests replace it).
func (u *UI) runOnMain(f func()) { u.onMain(f) }

// buildViews puts a tab for each view of the registry over u.data and
// shows the remembered tab. Only that tab's view is made now; the others
// are made when first needed (viewAt), each restoring its own remembered
// state. Opening other data builds them again.
func (u *UI) buildViews() {
	u.data.SetLocale(spoken().data)
	u.waiting = false
	if u.openingBar != nil {
		u.openingBar.Stop()
		u.openingBar = nil
	}
	u.views = make([]view, len(registry))
	u.items = nil
	u.history = nil
	u.bar.setBack("")
	u.seen = map[view]bool{}
	for _, r := range registry {
		u.items = append(u.items, container.NewTabItemWithIcon(r.title(), r.icon(), newTabHolder()))
	}
	u.tabs = container.NewAppTabs(u.items...)
	u.body = container.NewBorder(nil, u.bar.box, nil, nil, u.tabs)
	u.bar.setOrigin(u.originText())
	if !u.ShowTab(u.pref().str("tab", "overview")) {
		u.ShowTab(registry[0].id)
	}
	u.tabs.OnSelected = func(*container.TabItem) {
		u.shown(u.current())
		u.pref().setStr("tab", u.CurrentTab())
		u.updateMenu()
	}
}

// viewAt is the view of the registry's i-th tab, made now if it was not.
func (u *UI) viewAt(i int) view {
	if v := u.views[i]; v != nil {
		return v
	}
	v := u.newView(registry[i], prefs{p: u.prefs})
	u.views[i] = v
	u.items[i].Content.(*tabHolder).set(v.content())
	return v
}

// newView makes a view of the registry over the data shown.
func (u *UI) newView(r entry, p prefs) view {
	return r.make(&env{tab: r.tabInfo, data: u.data, nav: u, prefs: p, onMain: u.runOnMain})
}

// made lists the views made so far, in tab order.
func (u *UI) made() []view {
	var out []view
	for _, v := range u.views {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// allViews makes every view not made yet and lists them in tab order:
// for what every view adds to (the slides).
func (u *UI) allViews() []view {
	for i := range u.views {
		u.viewAt(i)
	}
	return u.views
}

// shown finishes a view the first time it is shown.
func (u *UI) shown(v view) {
	if v == nil || u.seen[v] {
		return
	}
	u.seen[v] = true
	if s, ok := v.(shower); ok {
		s.shown()
	}
}

// Content is the dashboard's whole window content.
func (u *UI) Content() fyne.CanvasObject { return u.body }

// Attach puts the dashboard in a window: content, menus, shortcuts, size;
// it opens the data folder the user chose last time, if any.
func (u *UI) Attach(w fyne.Window) {
	u.win = w
	u.setTitle()
	w.SetContent(u.Content())
	u.setMenu()
	u.addShortcuts(w.Canvas())
	w.Resize(fyne.NewSize(
		float32(u.pref().float("window.width", defaultWidth)),
		float32(u.pref().float("window.height", defaultHeight))))
	// The state is saved when the window is closed and by File → Quit, on
	// the main thread. Not from the app's OnStopped: Fyne 2.8.1 queues that
	// after its main loop has stopped, and a quit could then hang, the
	// window gone and the process left running (about one start in sixty
	// under .ci/side-by-side).
	w.SetCloseIntercept(func() {
		u.saveState()
		u.stopWatching()
		w.Close()
	})
	// The folder being read (NewOpening), or else the one remembered, is
	// shown when it is read.
	r := u.pending
	if r == nil {
		r = StartReading(u.app, "", u.Timing)
	}
	u.pending = nil
	if r != nil {
		u.follow(r)
	}
}

// current is the view shown.
func (u *UI) current() view {
	if u.tabs == nil { // waiting for the folder opened at start
		return nil
	}
	sel := u.tabs.Selected()
	for i, it := range u.items {
		if it == sel {
			return u.viewAt(i)
		}
	}
	return nil
}

// CurrentTab names the tab shown ("projects").
func (u *UI) CurrentTab() string {
	if v := u.current(); v != nil {
		return v.name()
	}
	return ""
}

// ShowTab switches to a tab by name; it reports false for an unknown name.
func (u *UI) ShowTab(name string) bool {
	if u.tabs == nil {
		return false
	}
	for i, r := range registry {
		if r.id == name {
			v := u.viewAt(i)
			u.tabs.Select(u.items[i])
			u.shown(v)
			return true
		}
	}
	return false
}

// lister is the view that lists the rows of a data table, or nil.
func (u *UI) lister(table string) recordView {
	for i := range registry {
		if r, ok := u.viewAt(i).(recordView); ok && r.lists() == table {
			return r
		}
	}
	return nil
}

// place is a view as the user left it, to come back to.
type place struct {
	tab     string
	title   string     // what Back says: "Tungsten (Minerals)"
	restore func(view) // nil: the view keeps no state
}

// here is the view shown, as it is now.
func (u *UI) here() place {
	v := u.current()
	p := place{tab: v.name(), title: v.title()}
	if l, ok := v.(interface{ list() *listView }); ok && l.list().selectedID() != "" {
		p.title = tr("status.back-to-row", "Name", u.data.NameOf(l.list().selectedID()), "Tab", v.title())
	}
	if s, ok := v.(snapshotter); ok {
		p.restore = s.snapshot()
	}
	return p
}

// remember keeps the view shown before a link leaves it, for Back.
func (u *UI) remember() {
	if u.current() == nil {
		return
	}
	const most = 50
	u.history = append(u.history, u.here())
	if len(u.history) > most {
		u.history = u.history[len(u.history)-most:]
	}
	u.bar.setBack(u.history[len(u.history)-1].title)
}

// back returns to where the last link was followed from: the tab, its
// filters and its selection.
func (u *UI) back() {
	if len(u.history) == 0 {
		u.status(tr("status.nothing-back"))
		return
	}
	p := u.history[len(u.history)-1]
	u.history = u.history[:len(u.history)-1]
	u.ShowTab(p.tab)
	if p.restore != nil {
		p.restore(u.current())
	}
	if len(u.history) > 0 {
		u.bar.setBack(u.history[len(u.history)-1].title)
	} else {
		u.bar.setBack("")
	}
}

// show opens a record in the view that lists it; an empty id only shows
// that view. Back returns to where it was opened from.
func (u *UI) show(table, id string) {
	r := u.lister(table)
	if r == nil {
		return
	}
	u.remember()
	u.ShowTab(r.(view).name())
	if id != "" {
		r.showID(id)
	}
}

// drill opens a list with a query applied, as a tap on a chart bar does;
// the list keeps its sort, its status line says what filter is on, and
// Clear removes it.
func (u *UI) drill(table string, q data.Query) {
	r := u.lister(table)
	if r == nil {
		return
	}
	cur := r.query()
	q.Sort, q.Desc = cur.Sort, cur.Desc
	u.remember()
	r.setQuery(q)
	u.ShowTab(r.(view).name())
}

// status shows a passing message in the window's status line.
func (u *UI) status(msg string) { u.bar.say(msg) }

func (u *UI) copyText(text string) { u.app.Clipboard().SetContent(text) }

// saveCSV asks where to save a CSV file and writes it.
func (u *UI) saveCSV(title, name, done string, write func(w io.Writer, bom bool) error) {
	u.showSaveCSV(title, name, done, write)
}

// originText says where the data shown comes from, for the status bar.
func (u *UI) originText() string {
	s := tr("status.bundled")
	if u.folder.dir != "" {
		s = tr("status.from-folder", "Folder", shortPath(u.folder.dir))
	}
	if a := u.data.AsOf(); a.Known() {
		s += " · " + tr("status.as-of", "Date", lc().Date(a))
	}
	return s + " · " + lc().Rows("sources", len(u.data.Sources))
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
	u.pref().setFloat("zoom", float64(z))
	for _, v := range u.made() {
		if t, ok := v.(themed); ok {
			t.themeChanged()
		}
	}
}

// setTheme switches between following the system, light, dark and the
// projector theme, keeping the zoom.
func (u *UI) setTheme(mode string) {
	u.theme = newTheme(mode).zoomed(u.theme.zoom)
	u.app.Settings().SetTheme(u.theme)
	u.pref().setStr("theme", mode)
	u.setMenu()
}

func (u *UI) quit() {
	u.saveState()
	u.app.Quit()
}

// saveState remembers what is only read when leaving: the window size
// and what each view keeps (split positions).
func (u *UI) saveState() {
	for _, v := range u.made() {
		if k, ok := v.(keeper); ok {
			k.saveState()
		}
	}
	if u.win != nil {
		s := u.win.Canvas().Size()
		if s.Width >= 400 && s.Height >= 300 {
			u.pref().setFloat("window.width", float64(s.Width))
			u.pref().setFloat("window.height", float64(s.Height))
		}
	}
}

// pref is the window's own preferences (tab, theme, zoom, folders).
func (u *UI) pref() prefs { return prefs{p: u.prefs} }
