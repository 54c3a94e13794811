package ui

import (
	"net/url"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// sourcesView is the Sources tab: every citation and what cites it.
type sourcesView struct {
	*listView
}

func newSourcesView(e *env) view {
	v := &sourcesView{listView: newListView(e, "sources")}
	v.empty = "Select a source to see its publisher, date, address and every row that cites it."
	v.describe = v.describeSource
	v.ready()
	return v
}

func (v *sourcesView) describeSource(d *detailPane, row int) {
	ds := v.env.data
	s := &ds.Sources[row]
	d.heading(s.Title, s.Publisher)
	d.field("ID", s.ID)
	d.field("Publisher", s.Publisher)
	d.field("Date", data.FormatDate(s.Date))
	d.field("Address", s.URL)
	d.paragraph("Notes", s.Notes)
	if u, err := url.Parse(s.URL); err == nil && s.URL != "" {
		d.add(widget.NewHyperlink("Open in the browser", u))
	}
	var cited []link
	for _, name := range []string{"minerals", "sectors", "projects"} {
		t := ds.Table(name)
		for r := 0; r < t.Len(); r++ {
			if t.Sources(r).Has(s.ID) {
				cited = append(cited, link{label: ds.NameOf(t.ID(r)) + " (" + t.Noun() + ")", table: name, id: t.ID(r)})
			}
		}
	}
	d.links("Cited by", cited)
	var others []string
	for _, in := range ds.Indicators {
		if in.Sources.Has(s.ID) {
			others = append(others, in.Label+": "+data.IndicatorValue(&in)+" ("+data.IndicatorPeriod(&in)+")")
		}
	}
	for _, m := range ds.Milestones {
		if m.Sources.Has(s.ID) {
			others = append(others, data.FormatDate(m.Date)+": "+m.Title)
		}
	}
	if len(others) > 0 {
		d.section("Headline figures and milestones citing it")
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
		title: "Sources",
		notes: func() []string {
			var rows []int
			for _, c := range all {
				rows = append(rows, c.row)
			}
			return sourceNotes(d, rows)
		},
		source: strconv.Itoa(len(d.Sources)) + " sources in all; in the app, every figure shows its own under its detail",
		build: func() fyne.CanvasObject {
			var rows []fyne.CanvasObject
			for _, c := range all {
				s := d.Sources[c.row]
				meta := s.Publisher
				if s.Date.Known() {
					meta += ", " + data.FormatDate(s.Date)
				}
				title := slideLabel(s.Title, theme.SizeNameText, fyne.TextStyle{Bold: true})
				about := slideLabel(meta+" · cited by "+plural(c.n, "row"), theme.SizeNameText, fyne.TextStyle{Italic: true})
				rows = append(rows, container.NewVBox(title, about))
			}
			box := container.New(spread{}, rows...)
			return container.NewBorder(slideTitle("Where the numbers come from"), nil, nil, nil, box)
		},
	}}
}
