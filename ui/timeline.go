package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// maxMilestones caps the milestones drawn at once; a filter finds the rest.
const maxMilestones = 400

// timelineView is the Timeline tab: the partnership's milestones grouped
// by year, newest or oldest first, filtered by kind and text.
type timelineView struct {
	ui     *UI
	view   *data.View
	filter *filterEntry
	kind   *facetSelect
	order  *widget.Select
	status *widget.Label
	items  *fyne.Container
	body   fyne.CanvasObject

	built bool // the milestones were drawn

	// For tests: the milestone rows shown, and the links of each.
	shown []int
	links map[int][]*widget.Hyperlink
}

const (
	newestFirst = "Newest first"
	oldestFirst = "Oldest first"
)

func newTimelineView(u *UI) *timelineView {
	t := u.data.Table("milestones")
	cols := []int{t.Column("date"), t.Column("title"), t.Column("description"), t.Column("kind"), t.Column("related")}
	v := &timelineView{ui: u, view: data.NewView(t, cols), items: container.NewVBox()}
	v.filter = newFilterEntry()
	v.filter.SetPlaceHolder("Filter milestones")
	v.filter.OnChanged = func(s string) { v.apply(func(q *data.Query) { q.Text = s }) }
	v.filter.onEscape = func() { v.filter.SetText("") }
	v.filter.onF11 = u.present
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
	v.order = widget.NewSelect([]string{newestFirst, oldestFirst}, func(s string) {
		v.apply(func(q *data.Query) { q.Desc = s == newestFirst })
	})
	v.order.Selected = newestFirst
	_ = v.view.Set(data.Query{Sort: "date", Desc: true})
	v.status = widget.NewLabel("")
	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.kind.sel, v.order), v.filter)
	v.body = container.NewBorder(top, v.status, nil, nil, container.NewVScroll(container.NewPadded(v.items)))
	return v
}

// ensureBuilt draws the milestones the first time the tab is shown.
func (v *timelineView) ensureBuilt() {
	if !v.built {
		v.apply(func(*data.Query) {})
	}
}

func (v *timelineView) content() fyne.CanvasObject { return v.body }

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
	d := v.ui.data
	rows := v.view.Rows()
	v.shown = rows
	v.links = map[int][]*widget.Hyperlink{}
	var objs []fyne.CanvasObject
	year := -1
	for i, r := range rows {
		if i == maxMilestones {
			objs = append(objs, widget.NewLabel("… "+strconv.Itoa(len(rows)-maxMilestones)+" more: filter to see them"))
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
		objs = append(objs, widget.NewLabel("No milestones match "+v.describeFilter()+". Clear the filter box or choose All kinds."))
	}
	v.items.Objects = objs
	v.items.Refresh()
	v.built = true
	n := strconv.Itoa(len(rows)) + " of " + strconv.Itoa(len(d.Milestones)) + " milestones"
	if len(rows) == len(d.Milestones) {
		n = strconv.Itoa(len(rows)) + " milestones"
	}
	if f := v.describeFilter(); f != "" {
		n += " · filtered by " + f
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
		parts = append(parts, "kind "+k)
	}
	return strings.Join(parts, ", ")
}

// item is one milestone: date, kind tag, title, description, related
// records and sources.
func (v *timelineView) item(row int, m *data.Milestone) fyne.CanvasObject {
	d := v.ui.data
	date := widget.NewLabelWithStyle(data.FormatDate(m.Date), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
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
		h.OnTapped = func() { v.ui.show(table, id) }
		links = append(links, h)
		v.links[row] = append(v.links[row], h)
	}
	if len(links) > 0 {
		parts = append(parts, container.New(&flow{}, append([]fyne.CanvasObject{widget.NewLabel("Related:")}, links...)...))
	}
	var srcs []fyne.CanvasObject
	for _, s := range d.SourcesOf(m.Sources) {
		src := d.Sources[s]
		text := src.Publisher
		if src.Date.Known() {
			text += ", " + data.FormatDate(src.Date)
		}
		h := widget.NewHyperlink(text, nil)
		h.SizeName = theme.SizeNameCaptionText
		id := src.ID
		h.OnTapped = func() { v.ui.show("sources", id) }
		srcs = append(srcs, h)
	}
	if len(srcs) > 0 {
		l := widget.NewLabel("Sources:")
		l.SizeName = theme.SizeNameCaptionText
		parts = append(parts, container.New(&flow{}, append([]fyne.CanvasObject{l}, srcs...)...))
	}
	return newPanel(container.NewVBox(parts...))
}

// kindTag is a small coloured label for a milestone's kind.
func kindTag(kind string) fyne.CanvasObject {
	return newTag(kind, vocabColour(data.MilestoneKind, kind))
}
