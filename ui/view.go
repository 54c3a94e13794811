package ui

import (
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"uzkor/data"
)

// view is one tab of the window: one struct in a file of its own, made by
// a constructor listed in registry. What only some views can do is one of
// the small interfaces below, which the window finds by type assertion:
// it never asks a view by its name.
type view interface {
	name() string  // "projects": preferences, -tab, suggested file names
	title() string // "Projects": the tab and the View menu
	icon() fyne.Resource
	content() fyne.CanvasObject
}

// registry makes the views, in tab order: the one list that the tabs, the
// menus, the shortcuts, the slides and image export read. Adding a view is
// one file and one line here. A view is made the first time it is needed
// (its tab shown, a link to it followed, the slides listed); its tab, menu
// item and shortcut come from here before that.
var registry = []entry{
	{tabInfo{"overview", "Overview", theme.HomeIcon}, newOverviewView},
	{tabInfo{"minerals", "Minerals", theme.StorageIcon}, newMineralsView},
	{tabInfo{"sectors", "Sectors", theme.GridIcon}, newSectorsView},
	{tabInfo{"projects", "Projects", theme.ListIcon}, newProjectsView},
	{tabInfo{"timeline", "Timeline", theme.HistoryIcon}, newTimelineView},
	{tabInfo{"sources", "Sources", theme.DocumentIcon}, newSourcesView},
	{tabInfo{"map", "Map", theme.MediaRecordIcon}, newMapView},
}

// entry is a view of the registry: what its tab shows, known before the
// view is made, and its constructor, which is given the tabInfo in env.
type entry struct {
	tabInfo
	make func(e *env) view
}

// tabInfo names a view and gives its tab's title and icon. Views embed
// the one their env brings, and so answer name, title and icon.
type tabInfo struct {
	id     string // "projects"
	label  string // "Projects", in English: title translates it
	symbol func() fyne.Resource
}

func (t tabInfo) name() string { return t.id }

// title is the tab's title in the window's language (the catalog's
// "tab.ID"); label is its English.
func (t tabInfo) title() string {
	if s := tr("tab." + t.id); s != "tab."+t.id {
		return s
	}
	return t.label
}
func (t tabInfo) icon() fyne.Resource {
	if t.symbol == nil {
		return nil
	}
	return t.symbol()
}

// Tabs names the tabs, in order.
func Tabs() []string {
	out := make([]string, len(registry))
	for i, r := range registry {
		out[i] = r.id
	}
	return out
}

// The capabilities a view may have.
type (
	// csvExporter writes what the view shows as CSV (Ctrl+E).
	csvExporter interface{ csv() csvExport }

	// xlsxExporter writes what the view shows as an Excel workbook
	// (File → Export view as Excel…, ui/xlsx.go).
	xlsxExporter interface{ xlsx() xlsxExport }

	// slider adds slides to the presentation, after the title slide, in
	// tab order.
	slider interface{ slides() []slide }

	// maySlide is a slider whose slides can be none (the map, without its
	// boundaries); it says so without making them.
	maySlide interface{ hasSlides() bool }

	// briefer is a list a briefing can be about: the rows its filters
	// keep, when a filter is on (briefing.go).
	briefer interface{ selection() (selection, bool) }

	// opener puts slides of the view as the user left it first, when
	// presenting starts from it (a filtered list).
	opener interface{ openingSlides() []slide }

	// shower finishes building the view the first time it is shown.
	shower interface{ shown() }

	// filterer has a filter box: Ctrl+F puts the cursor in it, Esc and
	// View → Clear filters clear every filter of the view.
	filterer interface {
		filterBox() fyne.Focusable
		clearFilters()
	}

	// recordView lists the rows of a data table and opens one: links,
	// drill-through from charts and the map, Back.
	recordView interface {
		lists() string
		showID(id string) bool
		setQuery(q data.Query)
		query() data.Query
	}

	// snapshotter describes the view as the user left it, as a function
	// that puts a fresh copy of it in the same state: image export draws
	// that copy offscreen.
	snapshotter interface{ snapshot() func(view) }

	// themed measures again after the theme's sizes change (zoom).
	themed interface{ themeChanged() }

	// keeper writes what it remembers only on leaving (split positions).
	keeper interface{ saveState() }
)

// env is what a view may use of the window around it: its data, a way to
// the other views, the window's status line, its own preferences and the
// main thread. Views never see the whole window.
type env struct {
	tab    tabInfo // the view's name, title and icon
	data   *data.Dataset
	nav    navigator
	prefs  prefs
	onMain func(func()) // runs work from a goroutine on the main thread
}

// navigator is how a view reaches beyond itself.
type navigator interface {
	show(table, id string)            // opens a record in the view that lists it
	drill(table string, q data.Query) // opens a list with a filter
	status(msg string)                // a passing message in the status line
	present()                         // starts presenting (F11 in a filter box)
	copyText(text string)             // puts text on the clipboard
	// saveCSV asks where to save a CSV file, then writes it: what a
	// chart's CSV button does.
	saveCSV(title, name, done string, write func(w io.Writer, bom bool) error)
}

// prefs are the preferences one view owns, under its own prefix. With no
// Preferences (a view drawn offscreen) nothing is remembered.
type prefs struct {
	p      fyne.Preferences
	prefix string
}

// under is the preferences under a further prefix: "list.projects.".
func (p prefs) under(prefix string) prefs { return prefs{p: p.p, prefix: p.prefix + prefix} }

func (p prefs) str(key, fallback string) string {
	if p.p == nil {
		return fallback
	}
	return p.p.StringWithFallback(p.prefix+key, fallback)
}

func (p prefs) setStr(key, v string) {
	if p.p != nil {
		p.p.SetString(p.prefix+key, v)
	}
}

func (p prefs) float(key string, fallback float64) float64 {
	if p.p == nil {
		return fallback
	}
	return p.p.FloatWithFallback(p.prefix+key, fallback)
}

func (p prefs) setFloat(key string, v float64) {
	if p.p != nil {
		p.p.SetFloat(p.prefix+key, v)
	}
}

func (p prefs) boolean(key string, fallback bool) bool {
	if p.p == nil {
		return fallback
	}
	return p.p.BoolWithFallback(p.prefix+key, fallback)
}

func (p prefs) setBool(key string, v bool) {
	if p.p != nil {
		p.p.SetBool(p.prefix+key, v)
	}
}
