package ui

import (
	"strings"

	"uzkor/data"
)

// projectsView is the Projects tab: the funded and joint projects.
type projectsView struct {
	*listView
}

func newProjectsView(e *env) view {
	v := &projectsView{listView: newListView(e, "projects")}
	v.empty = "Select a project to see its partners, funder, amount, years, location and sources."
	v.describe = v.describeProject
	v.summary = func(rows []int) string { return data.FormatBasisTotals(e.data.TotalsByBasis(rows), false) }
	v.ready()
	return v
}

func (v *projectsView) describeProject(d *detailPane, row int) {
	ds := v.env.data
	p := &ds.Projects[row]
	d.heading(p.Name, ds.NameOf(p.Sector)+" · "+data.StatusText(p))
	d.field("Status", data.StatusText(p))
	d.field("Years", data.FormatYears(p.StartYear, p.EndYear))
	d.field("Amount", data.FormatAmount(p.AmountUSDm, p.AmountBasis, p.AmountYear))
	if p.AmountBasis != "" {
		d.field("What it measures", data.BasisDoc(p.AmountBasis))
	}
	if p.TotalCostUSDm.Known {
		d.field("Whole-project cost", data.WithYear(data.FormatMoney(p.TotalCostUSDm), p.TotalCostYear)+", every partner's money included")
	}
	d.field("Instrument", p.Instrument)
	d.field("Funder", strings.Join(p.Funder, ", "))
	d.field("Korean partner", strings.Join(p.KoreanPartner, ", "))
	d.field("Uzbek partner", strings.Join(p.UzbekPartner, ", "))
	regions := make([]string, len(p.Region))
	for i, c := range p.Region {
		regions[i] = data.RegionName(c) + " (" + c + ")"
	}
	d.field("Region", strings.Join(regions, ", "))
	d.field("City", p.City)
	loc := ""
	if p.Latitude.Known && p.Longitude.Known {
		loc = p.Latitude.String() + ", " + p.Longitude.String()
	}
	d.field("Coordinates", loc)
	d.paragraph("Description", p.Description)
	d.paragraph("Notes", p.Notes)
	var sector []link
	if s, ok := ds.Sector(p.Sector); ok {
		sector = []link{{label: s.Name, table: "sectors", id: s.ID}}
	}
	d.links("Sector", sector)
	if table, row, ok := ds.RowOf(p.PartOf); ok && table == "projects" {
		d.links("Part of (its amount is inside this one's, never added again)", projectLinks(ds, []int{row}))
	}
	d.links("Minerals", mineralLinks(ds, ds.ProjectMinerals(p.ID)))
	d.sources(p.Sources)
}
