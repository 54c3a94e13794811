package ui

import (
	"strings"
)

// projectsView is the Projects tab: the funded and joint projects.
type projectsView struct {
	*listView
}

func newProjectsView(e *env) view {
	v := &projectsView{listView: newListView(e, "projects")}
	v.empty = tr("projects.empty")
	v.describe = v.describeProject
	v.summary = func(rows []int) string { return lc().BasisTotals(e.data.TotalsByBasis(rows), false) }
	v.ready()
	return v
}

func (v *projectsView) describeProject(d *detailPane, row int) {
	ds := v.env.data
	l := lc()
	p := ds.Projects[row]
	d.heading(p.Name, ds.NameOf(p.Sector)+" · "+l.Status(p))
	d.field(tr("projects.status"), l.Status(p))
	d.field(tr("projects.years"), l.Years(p.StartYear, p.EndYear))
	d.field(l.Title("Amount"), l.Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear))
	if p.AmountBasis != "" {
		d.field(tr("projects.measures"), l.BasisDoc(p.AmountBasis))
	}
	if p.TotalCostUSDm.Known() {
		d.field(l.Title("Whole-project cost"), tr("projects.whole-cost", "Cost", l.WithYear(l.Money(p.TotalCostUSDm), p.TotalCostYear)))
	}
	d.field(l.Title("Instrument"), l.Vocab("instrument", p.Instrument))
	d.field(l.Title("Funder"), l.Orgs(p.Funder))
	d.field(l.Title("Korean partner"), l.Orgs(p.KoreanPartner))
	d.field(l.Title("Uzbek partner"), l.Orgs(p.UzbekPartner))
	regions := make([]string, len(p.Region))
	for i, c := range p.Region {
		regions[i] = l.Region(c) + " (" + c + ")"
	}
	d.field(l.Title("Region"), strings.Join(regions, ", "))
	d.field(l.Title("City"), p.City)
	loc := ""
	if p.Latitude.Known() && p.Longitude.Known() {
		loc = p.Latitude.String() + ", " + p.Longitude.String()
	}
	d.field(tr("projects.coordinates"), loc)
	d.paragraph(l.Title("Description"), p.Description)
	d.paragraph(l.Title("Notes"), p.Notes)
	var sector []link
	if s, ok := ds.Sector(p.Sector); ok {
		sector = []link{{label: ds.NameOf(s.ID), table: "sectors", id: s.ID}}
	}
	d.links(l.Title("Sector"), sector)
	if table, row, ok := ds.RowOf(p.PartOf); ok && table == "projects" {
		d.links(tr("projects.part-of"), projectLinks(ds, []int{row}))
	}
	d.links(l.Title("Minerals"), mineralLinks(ds, ds.ProjectMinerals(p.ID)))
	d.sources(p.Sources)
}
