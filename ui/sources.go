package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// sourcesView is the Sources tab: every citation and what cites it.
type sourcesView struct {
	*listView
}

func newSourcesView(u *UI) *sourcesView {
	v := &sourcesView{listView: newListView(u, "sources")}
	v.empty = "Select a source to see its publisher, date, address and every row that cites it."
	v.describe = v.describeSource
	v.detail.reset(v.empty)
	return v
}

func (v *sourcesView) describeSource(d *detailPane, row int) {
	ds := v.ui.data
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
			others = append(others, in.Label+": "+data.IndicatorValue(&in)+" ("+in.Period+")")
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
