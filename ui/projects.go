package ui

import (
	"strconv"
	"strings"

	"uzkor/data"

	"fyne.io/fyne/v2/theme"
)

// projectsView is the Projects tab: the funded and joint projects.
type projectsView struct {
	*listView
}

func newProjectsView(e *env) view {
	v := &projectsView{listView: newListView(e, "projects", "Projects", theme.ListIcon())}
	v.empty = "Select a project to see its partners, funder, amount, years, location and sources."
	v.describe = v.describeProject
	v.summary = func(rows []int) string {
		n, known, amount := e.data.Totals(rows)
		if known == 0 {
			return "no amount known"
		}
		s := data.FormatMoney(data.Num(amount)) + " where known"
		if known < n {
			s += " (" + strconv.Itoa(known) + " with an amount)"
		}
		return s
	}
	v.detail.reset(v.empty)
	return v
}

func (v *projectsView) describeProject(d *detailPane, row int) {
	ds := v.env.data
	p := &ds.Projects[row]
	d.heading(p.Name, ds.NameOf(p.Sector)+" · "+p.Status)
	d.field("Status", p.Status)
	d.field("Years", data.FormatYears(p.StartYear, p.EndYear))
	d.field("Amount", data.WithYear(data.FormatMoney(p.AmountUSDm), p.AmountYear))
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
	d.links("Minerals", mineralLinks(ds, ds.ProjectMinerals(p.ID)))
	d.sources(p.Sources)
}
