package ui

import (
	"strings"

	"uzkor/data"
)

// sectorsView is the Sectors tab: where Korea is active in Uzbekistan.
type sectorsView struct {
	*listView
}

func newSectorsView(e *env) view {
	v := &sectorsView{listView: newListView(e, "sectors")}
	v.empty = "Select a sector to see its partners on both sides, its projects and their funding, its minerals and its sources."
	v.describe = v.describeSector
	v.ready()
	return v
}

func (v *sectorsView) describeSector(d *detailPane, row int) {
	ds := v.env.data
	s := &ds.Sectors[row]
	projects := ds.SectorProjects(s.ID)
	d.heading(s.Name, plural(len(projects), "project")+" in the data")
	d.field("Korean partners", strings.Join(s.KoreanPartners, ", "))
	d.field("Uzbek counterparts", strings.Join(s.UzbekCounterparts, ", "))
	d.field("Korean investment", data.FormatMoney(s.InvestmentUSDm))
	d.field("Amounts of its projects", fundingText(ds.TotalsByBasis(projects)))
	d.paragraph("About", s.Description)
	d.links("Projects", projectLinks(ds, projects))
	d.links("Minerals", mineralLinks(ds, ds.SectorMinerals(s.ID)))
	d.sources(s.Sources)
}

// fundingText says what a sector's projects' amounts are, kind by kind,
// never added up: "$906 m of loans (1 project), …; 2 projects without an
// amount".
func fundingText(bases []data.BasisTotal) string {
	if len(bases) == 0 {
		return data.Unknown
	}
	return basisDetail(bases)
}
