package ui

import (
	"net/url"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sourcesView is the Sources tab: every citation and what cites it.
type sourcesView struct {
	*listView
}

func newSourcesView(e *env) view {
	v := &sourcesView{listView: newListView(e, "sources")}
	v.empty = tr("sources.empty")
	v.describe = v.describeSource
	v.ready()
	return v
}

func (v *sourcesView) describeSource(d *detailPane, row int) {
	ds := v.env.data
	s := &ds.Sources[row]
	d.heading(s.Title, s.Publisher)
	l := lc()
	d.field(l.Title("ID"), s.ID)
	d.field(l.Title("Publisher"), s.Publisher)
	d.field(l.Title("Date"), l.Date(s.Date))
	d.field(tr("sources.address"), s.URL)
	d.paragraph(l.Title("Notes"), s.Notes)
	if u, err := url.Parse(s.URL); err == nil && s.URL != "" {
		d.add(widget.NewHyperlink(tr("sources.open"), u))
	}
	var cited []link
	for _, name := range []string{"minerals", "sectors", "projects"} {
		t := ds.Table(name)
		for r := 0; r < t.Len(); r++ {
			if t.Sources(r).Has(s.ID) {
				cited = append(cited, link{label: ds.NameOf(t.ID(r)) + " (" + l.Noun(name) + ")", table: name, id: t.ID(r)})
			}
		}
	}
	d.links(tr("sources.cited-by"), cited)
	var others []string
	for _, in := range ds.Indicators {
		if in.Sources.Has(s.ID) {
			others = append(others, l.IndicatorLabel(&in)+": "+l.IndicatorValue(&in)+" ("+l.IndicatorPeriod(&in)+")")
		}
	}
	for _, m := range ds.Milestones {
		if m.Sources.Has(s.ID) {
			others = append(others, l.Date(m.Date)+": "+m.Title)
		}
	}
	if len(others) > 0 {
		d.section(tr("sources.figures-citing"))
		for _, o := range others {
			l := widget.NewLabel(o)
			l.Wrapping = fyne.TextWrapWord
			l.Selectable = true
			d.add(l)
		}
	}
}

// sourcesSlides lists the sources cited most.
func (v *sourcesView) slides() []slide {
	d := v.env.data
	type cited struct {
		row, n int
	}
	counts := d.CitationCounts()
	var all []cited
	for i, s := range d.Sources {
		all = append(all, cited{i, counts[s.ID]})
	}
	slices.SortStableFunc(all, func(a, b cited) int { return b.n - a.n })
	if len(all) > 5 {
		all = all[:5]
	}
	return []slide{{
		id:    "sources:Sources",
		title: tr("sources.slide"),
		notes: func() []string {
			var rows []int
			for _, c := range all {
				rows = append(rows, c.row)
			}
			return sourceNotes(d, rows)
		},
		source: tr("sources.slide-source", "Count", lc().Rows("sources", len(d.Sources))),
		build: func() fyne.CanvasObject {
			var rows []fyne.CanvasObject
			for _, c := range all {
				s := &d.Sources[c.row]
				title := slideLabel(s.Title, theme.SizeNameText, fyne.TextStyle{Bold: true})
				about := slideLabel(lc().SourceMeta(s)+" · "+trn("sources.cited-rows", c.n), theme.SizeNameText, fyne.TextStyle{Italic: true})
				rows = append(rows, container.NewVBox(title, about))
			}
			box := container.New(spread{}, rows...)
			return container.NewBorder(slideTitle(tr("sources.slide-heading")), nil, nil, nil, box)
		},
	}}
}
