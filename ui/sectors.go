package ui

import (
	"uzkor/data"
)

// sectorsView is the Sectors tab: where Korea is active in Uzbekistan.
type sectorsView struct {
	*listView
}

func newSectorsView(e *env) view {
	v := &sectorsView{listView: newListView(e, "sectors")}
	v.empty = tr("sectors.empty")
	v.describe = v.describeSector
	v.ready()
	return v
}

func (v *sectorsView) describeSector(d *detailPane, row int) {
	ds := v.env.data
	l := lc()
	s := &ds.Sectors[row]
	projects := ds.SectorProjects(s.ID)
	d.heading(ds.NameOf(s.ID), tr("sectors.in-data", "Count", l.Rows("projects", len(projects))))
	d.field(l.Title("Korean partners"), l.Orgs(s.KoreanPartners))
	d.field(l.Title("Uzbek counterparts"), l.Orgs(s.UzbekCounterparts))
	d.field(tr("sectors.investment"), l.Money(s.InvestmentUSDm))
	d.field(tr("sectors.amounts"), fundingText(ds.TotalsByBasis(projects)))
	d.paragraph(tr("sectors.about"), s.Description)
	d.links(l.Table("projects"), projectLinks(ds, projects))
	d.links(l.Title("Minerals"), mineralLinks(ds, ds.SectorMinerals(s.ID)))
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
