package ui

import (
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// listView is what the Minerals, Sectors, Projects and Sources tabs share:
// a filter box, facet selectors, a sortable table, a status line and a
// detail pane beside the table. Each tab's own struct adds its detail.
type listView struct {
	ui     *UI
	name   string // "projects", the data table's name
	view   *data.View
	filter *filterEntry
	facets []*facetSelect
	clear  *widget.Button
	status *widget.Label
	table  *sortTable
	detail *detailPane
	split  *container.Split
	body   fyne.CanvasObject

	describe func(d *detailPane, row int) // fills the detail pane for a row
	summary  func(rows []int) string      // the status line's tail, after the counts
	empty    string                       // what the detail pane says before a selection

	selected int // the row shown in the detail pane, −1 for none

	typing     bool        // the query change comes from a keystroke
	facetTimer *time.Timer // a facet count waiting for typing to pause
}

func newListView(u *UI, name string) *listView {
	t := u.data.Table(name)
	lv := &listView{ui: u, name: name, view: data.NewView(t, nil), selected: -1}
	lv.table = newSortTable(lv.view, t.ListColumns())
	lv.table.onSort = func(col string, desc bool) { lv.apply(func(q *data.Query) { q.Sort, q.Desc = col, desc }) }
	lv.table.onSelect = lv.selectRow
	lv.detail = newDetailPane(u)

	lv.filter = newFilterEntry()
	lv.filter.SetPlaceHolder("Filter " + name + " (Ctrl+F)")
	lv.filter.OnChanged = lv.typed
	lv.filter.onEscape = lv.clearFilters
	lv.filter.onF11 = u.present

	tools := []fyne.CanvasObject{}
	for _, f := range lv.view.Facets() {
		fs := newFacetSelect(f, func(key string) {
			lv.apply(func(q *data.Query) {
				q.Facets = copyFacets(q.Facets)
				if key == "" {
					delete(q.Facets, f.Name)
				} else {
					q.Facets[f.Name] = key
				}
			})
		})
		lv.facets = append(lv.facets, fs)
		tools = append(tools, fs.sel)
	}
	lv.clear = widget.NewButtonWithIcon("Clear filters", theme.ContentClearIcon(), lv.clearFilters)
	tools = append(tools, lv.clear)
	lv.status = widget.NewLabel("")
	lv.status.Truncation = fyne.TextTruncateEllipsis

	top := container.NewBorder(nil, nil, nil, container.NewHBox(tools...), lv.filter)
	lv.split = container.NewHSplit(lv.table, lv.detail.content())
	lv.split.Offset = 0.62
	lv.body = container.NewBorder(top, lv.status, nil, nil, lv.split)
	return lv
}

func copyFacets(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// apply changes the query and shows the result: rows, facet counts,
// status line, and the detail of the selection if it is still shown.
func (lv *listView) apply(change func(q *data.Query)) {
	q := lv.view.Query()
	change(&q)
	if err := lv.view.Set(q); err != nil {
		fyne.LogError("query", err)
		return
	}
	lv.table.setSort(q.Sort, q.Desc)
	lv.refresh()
	lv.ui.saveList(lv)
}

// setQuery replaces the whole query, as drill-through and restored
// preferences do, and shows it in the filter box and selectors.
func (lv *listView) setQuery(q data.Query) {
	lv.filter.OnChanged = nil
	lv.filter.SetText(q.Text)
	lv.filter.OnChanged = lv.typed
	lv.apply(func(cur *data.Query) { *cur = q })
}

func (lv *listView) clearFilters() {
	q := lv.view.Query()
	q.Text, q.Facets = "", nil
	lv.setQuery(q)
}

// bigList is the number of rows above which the facet counts wait until
// typing pauses: counting them on every keystroke would be felt.
const (
	bigList    = 20000
	facetPause = 250 * time.Millisecond
)

// typed filters as the user types.
func (lv *listView) typed(s string) {
	lv.typing = true
	lv.apply(func(q *data.Query) { q.Text = s })
	lv.typing = false
}

func (lv *listView) refresh() {
	if lv.typing && lv.view.Table().Len() > bigList {
		lv.countFacetsLater()
	} else {
		lv.countFacets()
	}
	lv.table.Refresh()
	lv.status.SetText(lv.statusText())
	if lv.selected >= 0 {
		if !lv.table.showRow(lv.selected) {
			lv.table.UnselectAll()
		}
	}
}

// countFacets shows each facet's values with the rows they would show.
func (lv *listView) countFacets() {
	q := lv.view.Query()
	for _, f := range lv.facets {
		f.update(lv.view.FacetCounts(f.facet.Name), q.Facets[f.facet.Name])
	}
}

func (lv *listView) countFacetsLater() {
	if lv.facetTimer != nil {
		lv.facetTimer.Stop()
	}
	onMain := lv.ui.onMain
	lv.facetTimer = time.AfterFunc(facetPause, func() { onMain(lv.countFacets) })
}

// statusText is the line under the table: "12 of 40 projects · …".
func (lv *listView) statusText() string {
	t := lv.view.Table()
	rows := lv.view.Rows()
	noun := t.Noun() + "s"
	var b strings.Builder
	if len(rows) == t.Len() {
		b.WriteString(strconv.Itoa(t.Len()) + " " + noun)
	} else {
		b.WriteString(strconv.Itoa(len(rows)) + " of " + strconv.Itoa(t.Len()) + " " + noun)
	}
	if len(rows) == 0 && t.Len() > 0 {
		b.WriteString(" — nothing matches " + lv.filterDescription() + "; Clear filters shows all")
		return b.String()
	}
	if lv.summary != nil {
		if s := lv.summary(rows); s != "" {
			b.WriteString(" · " + s)
		}
	}
	if f := lv.filterDescription(); f != "" {
		b.WriteString(" · filtered by " + f)
	}
	return b.String()
}

// filterDescription says what filters are on: `"pharma", status planned`.
func (lv *listView) filterDescription() string {
	q := lv.view.Query()
	var parts []string
	if strings.TrimSpace(q.Text) != "" {
		parts = append(parts, strconv.Quote(strings.TrimSpace(q.Text)))
	}
	for _, f := range lv.view.Facets() {
		if key := q.Facets[f.Name]; key != "" {
			parts = append(parts, strings.ToLower(f.Title)+" "+f.Label(key))
		}
	}
	return strings.Join(parts, ", ")
}

func (lv *listView) selectRow(row int) {
	lv.selected = row
	lv.detail.reset("")
	if row >= 0 && lv.describe != nil {
		lv.describe(lv.detail, row)
	}
	lv.detail.done()
}

// showID selects the row with this id, clearing filters that hide it.
func (lv *listView) showID(id string) bool {
	t := lv.view.Table()
	for r := 0; r < t.Len(); r++ {
		if t.ID(r) != id {
			continue
		}
		if !lv.table.showRow(r) {
			lv.clearFilters()
			lv.table.showRow(r)
		}
		lv.selectRow(r)
		return true
	}
	return false
}

func (lv *listView) content() fyne.CanvasObject { return lv.body }

// filterEntry is the filter box: Esc clears the filters, F11 presents.
type filterEntry struct {
	widget.Entry
	onEscape func()
	onF11    func()
}

func newFilterEntry() *filterEntry {
	e := &filterEntry{}
	e.ExtendBaseWidget(e)
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	return e
}

// TypedKey clears the filters on Esc and leaves the rest to the entry.
func (e *filterEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	if k.Name == fyne.KeyF11 && e.onF11 != nil {
		e.onF11()
		return
	}
	e.Entry.TypedKey(k)
}

// facetSelect is a drop-down of a facet's values with their counts.
type facetSelect struct {
	facet  data.Facet
	sel    *widget.Select
	keys   []string // keys[i] is the key of option i; "" for all
	all    string
	change func(key string)
	quiet  bool
}

func newFacetSelect(f data.Facet, change func(key string)) *facetSelect {
	fs := &facetSelect{facet: f, change: change, all: "All (" + strings.ToLower(f.Title) + ")"}
	fs.sel = widget.NewSelect(nil, func(string) {
		if fs.quiet {
			return
		}
		i := fs.sel.SelectedIndex()
		if i < 0 || i >= len(fs.keys) {
			return
		}
		fs.change(fs.keys[i])
	})
	fs.sel.PlaceHolder = f.Title
	return fs
}

// update lists the facet's values with their counts and shows the
// selection; it does not fire the change callback.
func (fs *facetSelect) update(counts []data.FacetCount, selected string) {
	opts := []string{fs.all}
	fs.keys = []string{""}
	sel := -1
	for _, c := range counts {
		opts = append(opts, c.Label+" ("+strconv.Itoa(c.Count)+")")
		fs.keys = append(fs.keys, c.Key)
		if c.Key == selected {
			sel = len(opts) - 1
		}
	}
	fs.quiet = true
	fs.sel.SetOptions(opts)
	if sel >= 0 {
		fs.sel.SetSelectedIndex(sel)
	} else {
		fs.sel.ClearSelected()
	}
	fs.quiet = false
}

// choose picks a key, as a user choosing it from the list would.
func (fs *facetSelect) choose(key string) {
	for i, k := range fs.keys {
		if k == key {
			fs.sel.SetSelectedIndex(i)
			return
		}
	}
}
