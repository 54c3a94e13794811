package ui

import (
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// maxMilestones caps the milestones drawn at once; a filter finds the rest.
// Each is a panel of labels and links: 200 take about 50 ms to make.
const maxMilestones = 200

// timelineView is the Timeline tab: the partnership's milestones grouped
// by year, newest or oldest first, filtered by kind and text.
type timelineView struct {
	tabInfo
	env    *env
	view   *data.View
	filter *filterEntry
	kind   *facetSelect
	order  *widget.Select
	status *widget.Label
	items  *fyne.Container
	scroll *container.Scroll
	body   fyne.CanvasObject

	built bool // the milestones were drawn

	// For tests: the milestone rows shown, and the links of each.
	showing []int
	links   map[int][]*widget.Hyperlink
}

func newTimelineView(e *env) view {
	t := e.data.Table("milestones")
	cols := []int{t.Column("date"), t.Column("title"), t.Column("description"), t.Column("kind"), t.Column("related")}
	v := &timelineView{tabInfo: e.tab, env: e, view: data.NewView(t, cols), items: container.NewVBox()}
	v.filter = newFilterEntry()
	v.filter.SetPlaceHolder(tr("timeline.filter"))
	v.filter.OnChanged = v.typed
	v.filter.onEscape = v.clearFilters
	v.filter.onF11 = e.nav.present
	for _, f := range v.view.Facets() {
		if f.Name == "kind" {
			v.kind = newFacetSelect(f, func(key string) {
				v.apply(func(q *data.Query) {
					q.Facets = map[string]string{}
					if key != "" {
						q.Facets["kind"] = key
					}
				})
			})
		}
	}
	v.order = widget.NewSelect([]string{tr("timeline.newest"), tr("timeline.oldest")}, func(string) {
		v.apply(func(q *data.Query) { q.Desc = v.order.SelectedIndex() == 0 })
	})
	v.order.Selected = v.order.Options[0]
	_ = v.view.Set(data.Query{Sort: "date", Desc: true})
	v.status = widget.NewLabel("")
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.kind.sel, v.order), v.filter)
	v.scroll = container.NewVScroll(container.NewPadded(v.items))
	v.body = container.NewBorder(top, v.status, nil, nil, v.scroll)
	return v
}

func (v *timelineView) content() fyne.CanvasObject { return v.body }
func (v *timelineView) filterBox() fyne.Focusable  { return v.filter }

// shown draws the milestones the first time the tab is shown.
func (v *timelineView) shown() {
	if !v.built {
		v.apply(func(*data.Query) {})
	}
}

// clearFilters shows every milestone again, in the order chosen.
func (v *timelineView) clearFilters() {
	q := v.view.Query()
	q.Text, q.Facets = "", nil
	v.setQuery(q)
}

// setQuery shows a filter, kind and order, in the controls too.
func (v *timelineView) setQuery(q data.Query) {
	v.filter.OnChanged = nil
	v.filter.SetText(q.Text)
	v.filter.OnChanged = v.typed
	v.order.Selected = v.order.Options[1]
	if q.Desc {
		v.order.Selected = v.order.Options[0]
	}
	v.order.Refresh()
	v.apply(func(c *data.Query) { *c = q })
}

func (v *timelineView) typed(s string) { v.apply(func(q *data.Query) { q.Text = s }) }

// csv is the milestones shown, in the order shown, every column.
func (v *timelineView) csv() csvExport {
	t := v.view.Table()
	cols := make([]int, len(t.Columns()))
	for i := range cols {
		cols[i] = i
	}
	rows := v.view.Rows()
	return csvExport{name: "milestones", count: len(rows), noun: lc().Rows("milestones", len(rows)),
		write: func(w io.Writer, bom bool) error { return data.WriteCSV(w, t, rows, cols, bom) }}
}

// snapshot keeps the filter, kind and order, and how far down the
// milestones are scrolled.
func (v *timelineView) snapshot() func(view) {
	q := v.view.Query()
	offset := v.scroll.Offset
	return func(o view) {
		c := o.(*timelineView)
		c.setQuery(q)
		c.scroll.Offset = offset
		c.scroll.Refresh()
	}
}
func (v *timelineView) apply(change func(q *data.Query)) {
	q := v.view.Query()
	q.Sort = "date"
	change(&q)
	if err := v.view.Set(q); err != nil {
		fyne.LogError("timeline", err)
		return
	}
	v.kind.update(v.view.FacetCounts("kind"), q.Facets["kind"])
	v.rebuild()
}

// rebuild draws the milestones shown, under a heading for each year.
func (v *timelineView) rebuild() {
	d := v.env.data
	rows := v.view.Rows()
	v.showing = rows
	v.links = map[int][]*widget.Hyperlink{}
	var objs []fyne.CanvasObject
	year := -1
	for i, r := range rows {
		if i == maxMilestones {
			objs = append(objs, widget.NewLabel(trn("timeline.more", len(rows)-maxMilestones)))
			break
		}
		m := &d.Milestones[r]
		if m.Date.Year != year {
			year = m.Date.Year
			h := widget.NewLabelWithStyle(strconv.Itoa(year), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			h.SizeName = theme.SizeNameSubHeadingText
			objs = append(objs, h)
		}
		objs = append(objs, v.item(r, m))
	}
	if len(rows) == 0 {
		objs = append(objs, widget.NewLabel(tr("timeline.none", "Filter", v.describeFilter(), "All", v.kind.all)))
	}
	v.items.Objects = objs
	v.items.Refresh()
	v.built = true
	n := tr("list.shown-of", "Shown", len(rows), "Count", lc().Rows("milestones", len(d.Milestones)))
	if len(rows) == len(d.Milestones) {
		n = lc().Rows("milestones", len(rows))
	}
	if f := v.describeFilter(); f != "" {
		n += " · " + tr("list.filtered-by", "Filter", f)
	}
	v.status.SetText(n)
}

func (v *timelineView) describeFilter() string {
	q := v.view.Query()
	var parts []string
	if t := strings.TrimSpace(q.Text); t != "" {
		parts = append(parts, strconv.Quote(t))
	}
	if k := q.Facets["kind"]; k != "" {
		parts = append(parts, strings.ToLower(lc().Title("Kind"))+" "+lc().Vocab("kind", k))
	}
	return strings.Join(parts, ", ")
}

// item is one milestone: date, kind tag, title, description, related
// records and sources.
func (v *timelineView) item(row int, m *data.Milestone) fyne.CanvasObject {
	d := v.env.data
	date := widget.NewLabelWithStyle(lc().Date(m.Date), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title := widget.NewLabelWithStyle(m.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.Selectable = true
	head := container.NewBorder(nil, nil, container.NewHBox(date, kindTag(m.Kind)), nil, title)
	parts := []fyne.CanvasObject{head}
	if m.Description != "" {
		desc := widget.NewLabel(m.Description)
		desc.Wrapping = fyne.TextWrapWord
		desc.Selectable = true
		parts = append(parts, desc)
	}
	var links []fyne.CanvasObject
	for _, id := range m.Related {
		table, _, ok := d.RowOf(id)
		if !ok {
			continue
		}
		id := id
		h := widget.NewHyperlink(d.NameOf(id), nil)
		h.OnTapped = func() { v.env.nav.show(table, id) }
		links = append(links, h)
		v.links[row] = append(v.links[row], h)
	}
	if len(links) > 0 {
		parts = append(parts, container.New(&flow{}, append([]fyne.CanvasObject{widget.NewLabel(tr("timeline.related"))}, links...)...))
	}
	var srcs []fyne.CanvasObject
	for _, s := range d.SourcesOf(m.Sources) {
		src := d.Sources[s]
		text := src.Publisher
		if src.Date.Known() {
			text += ", " + lc().Date(src.Date)
		}
		h := widget.NewHyperlink(text, nil)
		h.SizeName = theme.SizeNameCaptionText
		id := src.ID
		h.OnTapped = func() { v.env.nav.show("sources", id) }
		srcs = append(srcs, h)
	}
	if len(srcs) > 0 {
		l := widget.NewLabel(tr("timeline.sources"))
		l.SizeName = theme.SizeNameCaptionText
		parts = append(parts, container.New(&flow{}, append([]fyne.CanvasObject{l}, srcs...)...))
	}
	return newPanel(container.NewVBox(parts...))
}

// kindTag is a small coloured label for a milestone's kind.
func kindTag(kind string) fyne.CanvasObject {
	return newTag(lc().Vocab("kind", kind), vocabColour(data.MilestoneKind, kind))
}

// timelineSlides shows the newest milestones.
func (v *timelineView) slides() []slide {
	d := v.env.data
	rows := d.LatestMilestones(6)
	srcs := d.SourcesCited("milestones", rows)
	pubs := publishers(d, srcs, 3)
	return []slide{{
		id:     "timeline:Recent milestones",
		title:  tr("timeline.slide"),
		notes:  func() []string { return milestoneNotes(d, rows) },
		source: tr("timeline.slide-source", "Publishers", pubs),
		build: func() fyne.CanvasObject {
			box := container.New(spread{})
			for _, r := range rows {
				m := &d.Milestones[r]
				date := slideLabel(lc().Date(m.Date), theme.SizeNameText, fyne.TextStyle{Bold: true})
				date.Wrapping = fyne.TextWrapOff
				title := slideLabel(m.Title, theme.SizeNameText, fyne.TextStyle{})
				box.Add(container.NewBorder(nil, nil, container.NewHBox(date, kindTag(m.Kind)), nil, title))
			}
			return container.NewBorder(slideTitle(tr("timeline.slide")), nil, nil, nil, box)
		},
	}}
}
