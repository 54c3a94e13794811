package ui

import (
	"strconv"
	"strings"

	"uzkor/data"

	"fyne.io/fyne/v2/theme"
)

// sectorsView is the Sectors tab: where Korea is active in Uzbekistan.
type sectorsView struct {
	*listView
}

func newSectorsView(e *env) view {
	v := &sectorsView{listView: newListView(e, "sectors", "Sectors", theme.GridIcon())}
	v.empty = "Select a sector to see its partners on both sides, its projects and their funding, its minerals and its sources."
	v.describe = v.describeSector
	v.detail.reset(v.empty)
	return v
}

func (v *sectorsView) describeSector(d *detailPane, row int) {
	ds := v.env.data
	s := &ds.Sectors[row]
	projects := ds.SectorProjects(s.ID)
	n, known, amount := ds.Totals(projects)
	d.heading(s.Name, strconv.Itoa(n)+" projects in the data")
	d.field("Korean partners", strings.Join(s.KoreanPartners, ", "))
	d.field("Uzbek counterparts", strings.Join(s.UzbekCounterparts, ", "))
	d.field("Korean investment", data.FormatMoney(s.InvestmentUSDm))
	d.field("Funding of its projects", fundingText(n, known, amount))
	d.paragraph("About", s.Description)
	d.links("Projects", projectLinks(ds, projects))
	d.links("Minerals", mineralLinks(ds, ds.SectorMinerals(s.ID)))
	d.sources(s.Sources)
}

// fundingText says what the known amounts add up to and how many are
// known: "$1.2 bn where known (5 of 7 projects)".
func fundingText(n, known int, amount float64) string {
	if known == 0 {
		if n == 0 {
			return data.Unknown
		}
		return "no amount known (" + strconv.Itoa(n) + " projects)"
	}
	return data.FormatMoney(data.Num(amount)) + " where known (" + strconv.Itoa(known) + " of " + strconv.Itoa(n) + " projects)"
}
