package ui

import (
	"io"
	"slices"
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
	tabInfo
	env     *env
	tab     string // "projects", the data table's name
	view    *data.View
	filter  *filterEntry
	facets  []*facetSelect
	clear   *widget.Button
	columns *widget.Button // the column chooser
	status  *widget.Label
	table   *sortTable
	detail  *detailPane
	split   *container.Split
	fit     *splitFit // where the divider goes until the user moves it
	body    fyne.CanvasObject

	describe func(d *detailPane, row int) // fills the detail pane for a row
	summary  func(rows []int) string      // the status line's tail, after the counts
	empty    string                       // what the detail pane says before a selection

	selected int  // the row shown in the detail pane, −1 for none
	hidden   bool // the selected row is filtered out: the pane says so

	typing     bool        // the query change comes from a keystroke
	facetTimer *time.Timer // a facet count waiting for typing to pause
}

// newListView makes a list of a data table. It restores the filter, sort
// and split the user left, from its own preferences.
func newListView(e *env, name string) *listView {
	t := e.data.Table(name)
	lv := &listView{tabInfo: e.tab, env: e, tab: name, view: data.NewView(t, nil), selected: -1}
	lv.table = newSortTable(lv.view, lv.chosenColumns())
	lv.table.onSort = func(col string, desc bool) { lv.change(func(q *data.Query) { q.Sort, q.Desc = col, desc }) }
	lv.table.onSelect = lv.selectRow
	lv.detail = newDetailPane(e)

	lv.filter = newFilterEntry()
	lv.filter.SetPlaceHolder(tr("list.filter-placeholder", "Nouns", lc().Nouns(name)))
	lv.filter.OnChanged = lv.typed
	lv.filter.onEscape = lv.clearFilters
	lv.filter.onF11 = e.nav.present

	tools := []fyne.CanvasObject{}
	for _, f := range lv.view.Facets() {
		fs := newFacetSelect(f, func(key string) {
			lv.change(func(q *data.Query) {
				q.Facets = copyFacets(q.Facets)
				if key == "" {
					delete(q.Facets, f.Name)
				} else {
					q.Facets[f.Name] = key
				}
			})
		})
		lv.facets = append(lv.facets, fs)
		tools = append(tools, container.New(&fitLayout{sel: fs.sel, max: 260}, fs.sel))
	}
	lv.columns = widget.NewButtonWithIcon(tr("list.columns"), theme.ViewRestoreIcon(), lv.showColumnChooser)
	lv.clear = widget.NewButtonWithIcon(tr("list.clear"), theme.ContentClearIcon(), lv.clearFilters)
	tools = append(tools, lv.columns, lv.clear)
	lv.status = widget.NewLabel("")
	lv.status.Truncation = fyne.TextTruncateEllipsis

	// The filter box, then the selectors and buttons, wrapping onto a
	// second line when the window is narrow.
	top := container.New(&flow{}, append([]fyne.CanvasObject{container.New(&minWidth{w: 300}, lv.filter)}, tools...)...)
	lv.split = container.NewHSplit(lv.table, lv.detail.content())
	lv.split.Offset = 0.74
	lv.fit = &splitFit{split: lv.split}
	lv.body = container.NewBorder(top, lv.status, nil, nil, container.New(lv.fit, lv.split))
	return lv
}

func (lv *listView) content() fyne.CanvasObject { return lv.body }
func (lv *listView) lists() string              { return lv.tab }
func (lv *listView) query() data.Query          { return lv.view.Query() }
func (lv *listView) filterBox() fyne.Focusable  { return lv.filter }

// list is the listView under a tab's own struct, for code that works on
// any list (a snapshot restoring a copy of it).
func (lv *listView) list() *listView { return lv }

// shown sizes the columns the first time the list is shown, and makes the
// text its filter matches in the background, so that the first keystroke
// does not wait for it.
func (lv *listView) shown() {
	lv.table.ensureSized()
	go lv.view.Prepare()
}

// themeChanged sizes the columns again for new text sizes.
func (lv *listView) themeChanged() { lv.table.sizeColumns() }

// ready shows the list, once the tab's own struct has said how to
// describe and sum its rows: the empty detail, and the filter, sort and
// split the user left.
func (lv *listView) ready() {
	lv.detail.reset(lv.empty)
	lv.restore()
}

// restore applies the filter, sort and split the user left.
func (lv *listView) restore() {
	p := lv.prefs()
	q := data.Query{Text: p.str("filter", ""), Sort: p.str("sort", ""), Desc: p.boolean("desc", false)}
	if lv.view.Table().Column(q.Sort) < 0 {
		q.Sort = ""
	}
	lv.setQuery(q)
	if off := p.float("split", 0); off > 0.05 && off < 0.95 {
		lv.split.SetOffset(off)
		lv.fit.chosen = true
	}
}

// remember keeps the sort and filter text for the next run.
func (lv *listView) remember() {
	q := lv.view.Query()
	p := lv.prefs()
	p.setStr("filter", q.Text)
	p.setStr("sort", q.Sort)
	p.setBool("desc", q.Desc)
}

// saveState keeps the divider where the user put it; a divider they never
// moved is not kept, so that it goes on fitting the window.
func (lv *listView) saveState() {
	if lv.fit.userSet() {
		lv.prefs().setFloat("split", lv.split.Offset)
	}
}

// prefs are the list's own preferences: "list.projects.filter" …
func (lv *listView) prefs() prefs { return lv.env.prefs.under("list." + lv.tab + ".") }

// selectedID is the id of the row in the detail pane, "" for none.
func (lv *listView) selectedID() string {
	if lv.selected < 0 {
		return ""
	}
	return lv.view.Table().ID(lv.selected)
}

// csv is what File → Export as CSV writes: the rows shown, in order, with
// the columns shown and their units and years.
func (lv *listView) csv() csvExport {
	v := lv.view
	cols := lv.table.cols
	n := len(v.Rows())
	return csvExport{name: lv.tab, count: n, noun: lc().Rows(lv.tab, n),
		write: func(w io.Writer, bom bool) error { return data.WriteView(w, v, cols, bom) }}
}

// snapshot is the list as it is: filters, sort, selection and split.
func (lv *listView) snapshot() func(view) {
	q := lv.view.Query()
	split := lv.split.Offset
	selected := lv.selectedID()
	return func(o view) {
		c := o.(interface{ list() *listView }).list()
		c.setQuery(q)
		c.split.Offset = split
		if selected != "" {
			c.showID(selected)
		}
	}
}

func copyFacets(m map[string]string) map[string]string {
	out := make(map[string]string, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// change changes the query and shows the result: rows, facet counts,
// status line, and the detail of the selection if it is still shown.
func (lv *listView) change(edit func(q *data.Query)) {
	q := lv.view.Query()
	edit(&q)
	if err := lv.view.Set(q); err != nil {
		fyne.LogError("query", err)
		return
	}
	lv.table.setSort(q.Sort, q.Desc)
	lv.refresh()
	lv.remember()
}

// setQuery replaces the whole query, as drill-through and restored
// preferences do, and shows it in the filter box and selectors.
func (lv *listView) setQuery(q data.Query) {
	lv.filter.OnChanged = nil
	lv.filter.SetText(q.Text)
	lv.filter.OnChanged = lv.typed
	lv.change(func(cur *data.Query) { *cur = q })
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
	lv.change(func(q *data.Query) { q.Text = s })
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
	if lv.selected < 0 {
		return
	}
	switch {
	case lv.table.showRow(lv.selected):
		if lv.hidden {
			lv.selectRow(lv.selected)
		}
	default:
		lv.table.UnselectAll()
		lv.describeHidden()
	}
}

// describeHidden says in the detail pane that the selected row is no
// longer in the list, rather than go on showing it beside rows that do not
// include it.
func (lv *listView) describeHidden() {
	lv.hidden = true
	t := lv.view.Table()
	d := lv.detail
	d.reset("")
	msg := widget.NewLabel(tr("list.hidden", "Noun", lc().Noun(t.Name()), "Name", lv.env.data.NameOf(t.ID(lv.selected)), "Filter", lv.filterDescription()))
	msg.Wrapping = fyne.TextWrapWord
	msg.TextStyle.Italic = true
	d.add(msg)
	d.add(container.NewHBox(widget.NewButtonWithIcon(tr("list.clear"), theme.ContentClearIcon(), lv.clearFilters)))
	d.done()
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
	onMain := lv.env.onMain
	lv.facetTimer = time.AfterFunc(facetPause, func() { onMain(lv.countFacets) })
}

// statusText is the line under the table: "12 of 40 projects · …".
func (lv *listView) statusText() string {
	t := lv.view.Table()
	rows := lv.view.Rows()
	var b strings.Builder
	if len(rows) == t.Len() {
		b.WriteString(lc().Rows(t.Name(), t.Len()))
	} else {
		b.WriteString(tr("list.shown-of", "Shown", len(rows), "Count", lc().Rows(t.Name(), t.Len())))
	}
	if len(rows) == 0 && t.Len() > 0 {
		b.WriteString(tr("list.nothing-matches", "Filter", lv.filterDescription()))
		return b.String()
	}
	if lv.summary != nil {
		if s := lv.summary(rows); s != "" {
			b.WriteString(" · " + s)
		}
	}
	if f := lv.filterDescription(); f != "" {
		b.WriteString(" · " + tr("list.filtered-by", "Filter", f))
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
			parts = append(parts, strings.ToLower(lc().Title(f.Title))+" "+f.Label(key))
		}
	}
	return strings.Join(parts, ", ")
}

func (lv *listView) selectRow(row int) {
	lv.selected = row
	lv.hidden = false
	lv.detail.reset("")
	if row >= 0 && lv.describe != nil {
		lv.describe(lv.detail, row)
	}
	lv.detail.done()
}

// chosenColumns are the columns the user chose to show, as remembered, or
// the table's default ones.
func (lv *listView) chosenColumns() []int {
	t := lv.view.Table()
	var out []int
	for _, name := range strings.Split(lv.prefs().str("columns", ""), ",") {
		if c := t.Column(name); c >= 0 && slices.Contains(t.ListColumns(), c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return t.DefaultColumns()
	}
	return out
}

// setColumns shows the columns given, in the list's order, and remembers
// them. The first column (the name) always stays.
func (lv *listView) setColumns(cols []int) {
	t := lv.view.Table()
	var ordered []int
	var names []string
	for i, c := range t.ListColumns() {
		if i == 0 || slices.Contains(cols, c) {
			ordered = append(ordered, c)
			names = append(names, t.Columns()[c].Name)
		}
	}
	lv.table.setColumns(ordered)
	lv.prefs().setStr("columns", strings.Join(names, ","))
}

// showColumnChooser lists the list's columns with a tick on those shown;
// choosing one shows or hides it.
func (lv *listView) showColumnChooser() {
	t := lv.view.Table()
	var items []*fyne.MenuItem
	for i, c := range t.ListColumns() {
		mi := fyne.NewMenuItem(colTitle(t, c), nil)
		mi.Checked = slices.Contains(lv.table.cols, c)
		mi.Disabled = i == 0
		mi.Action = func() {
			cols := slices.Clone(lv.table.cols)
			if mi.Checked {
				cols = slices.DeleteFunc(cols, func(x int) bool { return x == c })
			} else {
				cols = append(cols, c)
			}
			lv.setColumns(cols)
		}
		items = append(items, mi)
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(lv.columns); c != nil {
		pos := fyne.NewPos(0, lv.columns.Size().Height)
		widget.ShowPopUpMenuAtRelativePosition(fyne.NewMenu(tr("list.columns"), items...), c, pos, lv.columns)
	}
}

// selectFirst selects the first row shown, if any.
func (lv *listView) selectFirst() {
	if rows := lv.view.Rows(); len(rows) > 0 {
		lv.table.showRow(rows[0])
		lv.selectRow(rows[0])
	}
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

// keyEntry is a text box that gives Esc and F11 to the window: in a
// filter box Esc clears the filters and F11 presents; in a dialog Esc
// closes it.
type keyEntry struct {
	widget.Entry
	onEscape func()
	onF11    func()
}

func newKeyEntry() *keyEntry {
	e := &keyEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// filterEntry is the filter box: an entry with a search icon.
type filterEntry = keyEntry

func newFilterEntry() *filterEntry {
	e := newKeyEntry()
	e.ActionItem = widget.NewIcon(theme.SearchIcon())
	return e
}

// TypedKey handles Esc and F11 and leaves the rest to the entry.
func (e *keyEntry) TypedKey(k *fyne.KeyEvent) {
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
	title := lc().Title(f.Title)
	fs := &facetSelect{facet: f, change: change, all: tr("list.facet-all", "Title", strings.ToLower(title))}
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
	fs.sel.PlaceHolder = title
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

// slideRows is how many rows a slide of a list holds, at slide size
// with names on up to two lines.
const slideRows = 7

// openingSlides are the list as the user filtered it, when presenting
// starts from it, on as many slides as its rows need: the names (wrapped,
// never cut), the amount with its kind and year, the status with its date,
// and the other columns that differ between the rows; a column with one
// value for every row is said once, under the title. The last slide gives
// the known amounts, one kind at a time. An unfiltered list adds none.
func (lv *listView) openingSlides() []slide {
	if lv.filterDescription() == "" {
		return nil
	}
	return lv.listSlides("")
}

// listSlides are the rows the list shows on as many slides as they need,
// under a title of the user's, or one that says what the filter keeps.
func (lv *listView) listSlides(custom string) []slide {
	d := lv.env.data
	t := lv.view.Table()
	rows := lv.view.Rows()
	if len(rows) == 0 {
		return nil
	}
	// The figures first, then what tells the rows apart.
	var cols []int
	var same []string
	for _, name := range []string{"name", "amount_usd_m", "status", "production", "world_rank", "investment_usd_m", "publisher", "date"} {
		if c := t.Column(name); c >= 0 {
			cols = append(cols, c)
		}
	}
	for _, c := range lv.table.cols {
		if slices.Contains(cols, c) {
			continue
		}
		first, differs := t.Display(rows[0], c), false
		for _, r := range rows[1:] {
			if t.Display(r, c) != first {
				differs = true
				break
			}
		}
		if differs {
			if len(cols) < 4 {
				cols = append(cols, c)
			}
		} else if first != data.Unknown {
			same = append(same, colTitle(t, c)+": "+first)
		}
	}
	filter := lv.filterDescription()
	title := tr("slides.list-filtered", "Nouns", lc().Nouns(t.Name()), "Filter", filter)
	if filter == "" {
		title = tr("slides.list-all", "Nouns", lc().Nouns(t.Name()))
	}
	title = capitalize(title)
	shownTitle := title
	if custom != "" {
		shownTitle = custom
	}
	subtitle := strings.Join(same, " · ")
	var totals string
	if t.Name() == "projects" {
		totals = tr("slides.known-amounts", "Amounts", basisDetail(d.TotalsByBasis(rows)))
	}
	pages := (len(rows) + slideRows - 1) / slideRows
	fractions := []float32{0.4, 0.25, 0.2, 0.15}[:len(cols)]
	if len(cols) < 4 {
		fractions = []float32{0.45, 0.3, 0.25}[:len(cols)]
	}
	var out []slide
	for p := range pages {
		shown := rows[p*slideRows : min(len(rows), (p+1)*slideRows)]
		heading, onSlide := title, shownTitle
		if pages > 1 {
			heading = tr("slides.page", "Title", heading, "Page", p+1, "Pages", pages)
			onSlide = tr("slides.page", "Title", onSlide, "Page", p+1, "Pages", pages)
		}
		last := p == pages-1
		srcs := d.SourcesCited(t.Name(), shown)
		out = append(out, slide{
			id:     listSlideID(t.Name(), lv.view.Query(), p),
			notes:  func() []string { return listNotes(d, t, rows, filter) },
			title:  tr("slides.list", "Title", heading),
			source: tr("slides.list-source", "Count", lc().Rows(t.Name(), len(rows)), "Total", t.Len(), "Publishers", publishers(d, srcs, 3)),
			build: func() fyne.CanvasObject {
				var cells []fyne.CanvasObject
				for _, c := range cols {
					cells = append(cells, slideLabel(colTitle(t, c), theme.SizeNameText, fyne.TextStyle{Bold: true}))
				}
				for _, r := range shown {
					for i, c := range cols {
						cells = append(cells, slideLabel(t.Display(r, c), theme.SizeNameText, fyne.TextStyle{Bold: i == 0}))
					}
				}
				top := []fyne.CanvasObject{slideTitle(onSlide)}
				if subtitle != "" {
					top = append(top, slideLabel(subtitle, theme.SizeNameSubHeadingText, fyne.TextStyle{Italic: true}))
				}
				var foot fyne.CanvasObject
				if last && totals != "" {
					foot = slideLabel(totals, theme.SizeNameText, fyne.TextStyle{Bold: true})
				}
				return container.NewBorder(container.NewVBox(top...), foot, nil, nil, container.New(&table{fractions: fractions}, cells...))
			},
		})
	}
	return out
}

// listSlideID names a slide of a list by what the list keeps, the same
// in every language: "projects:list:pharma|status=planned|amount_usd_m:desc:2"
// (the presenter's own notes are kept by it).
func listSlideID(table string, q data.Query, page int) string {
	var keys []string
	for k, v := range q.Facets {
		keys = append(keys, k+"="+v)
	}
	slices.Sort(keys)
	sort := q.Sort
	if q.Desc {
		sort += ":desc"
	}
	return table + ":list:" + strings.Join(append([]string{strings.TrimSpace(q.Text)}, append(keys, sort)...), "|") + ":" + strconv.Itoa(page+1)
}

// colTitle is a column's title in the window's language.
func colTitle(t data.Table, c int) string { return lc().Title(t.Columns()[c].Title) }
