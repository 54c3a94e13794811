package ui

import (
	"slices"
	"strings"

	"uzkor/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// mineralsView is the Minerals tab: what Uzbekistan produces and holds.
type mineralsView struct {
	*listView
}

func newMineralsView(e *env) view {
	v := &mineralsView{listView: newListView(e, "minerals")}
	v.empty = tr("minerals.empty")
	v.describe = v.describeMineral
	v.summary = func(rows []int) string {
		crit, strat := 0, 0
		for _, r := range rows {
			m := &e.data.Minerals[r]
			if m.KoreaCritical.Value {
				crit++
			}
			if m.KoreaStrategic.Value {
				strat++
			}
		}
		return tr("minerals.summary", "Critical", crit, "Strategic", strat)
	}
	v.ready()
	return v
}

func yesNo(f data.Flag, yes, no string) string {
	switch {
	case !f.Known:
		return data.Unknown
	case f.Value:
		return yes
	}
	return no
}

func (v *mineralsView) describeMineral(d *detailPane, row int) {
	ds := v.env.data
	m := &ds.Minerals[row]
	title := ds.NameOf(m.ID)
	if m.Symbol != "" {
		title += " (" + m.Symbol + ")"
	}
	l := lc()
	d.heading(title, l.Vocab("group", m.Group)+" · "+yesNo(m.KoreaCritical, tr("minerals.on-critical"), tr("minerals.not-critical")))
	d.field(l.Title("Production"), ds.ProductionCell(m))
	d.field(l.Title("World rank"), ds.RankCell(m))
	if data.ScopesDiffer(m) {
		d.field(tr("minerals.read-with-care"), tr("minerals.scopes-differ", "Production", whose(m.ProductionScope), "Rank", whose(m.WorldRankScope)))
	}
	d.field(l.Title("World share"), l.WithYear(l.Quantity(m.WorldSharePct, "%"), m.WorldShareYear))
	d.field(l.Title("Reserves"), l.WithYear(l.Quantity(m.Reserves, m.ReservesUnit), m.ReservesYear))
	d.field(tr("minerals.reserves-cover"), m.ReservesScope)
	d.field(l.Title("Korea critical"), yesNo(m.KoreaCritical, tr("minerals.critical-yes"), tr("minerals.no")))
	d.field(l.Title("Korea strategic"), yesNo(m.KoreaStrategic, tr("minerals.strategic-yes"), tr("minerals.no")))
	d.field(l.Title("Deposits"), strings.Join(m.Deposits, ", "))
	d.field(l.Title("Operators"), l.Orgs(m.Operators))
	d.field(l.Title("Uses"), strings.Join(m.Uses, "; "))
	d.paragraph(l.Title("Notes"), m.Notes)
	productionSection(d, v.env.nav, m)
	d.links(l.Table("sectors"), sectorLinks(ds, ds.MineralSectors(m.ID)))
	d.links(l.Table("projects"), projectLinks(ds, ds.MineralProjects(m.ID)))
	d.sources(m.Sources)
}

// whose names whose figure a scope says it is: "Uzbekistan as a whole"
// for the country, else the scope as written ("NMMC (company)").
func whose(scope string) string {
	if data.ScopeKind(scope) == data.ScopeCountry {
		return tr("minerals.whole-country")
	}
	return lc().WrittenScope(scope)
}

func sectorLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		out[i] = link{label: ds.NameOf(ds.Sectors[r].ID), table: "sectors", id: ds.Sectors[r].ID}
	}
	return out
}

func projectLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		p := ds.Projects[r]
		label := p.Name
		if p.AmountUSDm.Known() {
			label += " · " + lc().Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear)
		}
		out[i] = link{label: label, table: "projects", id: p.ID}
	}
	return out
}

func mineralLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		out[i] = link{label: ds.NameOf(ds.Minerals[r].ID), table: "minerals", id: ds.Minerals[r].ID}
	}
	return out
}

// mineralsSlides is a compact table of the minerals with figures.
func (v *mineralsView) slides() []slide {
	d := v.env.data
	// The minerals with a figure, by their newest world rank, the ranked
	// ones first.
	rank := map[string]int{}
	for _, w := range d.LatestRanks() {
		rank[w.MineralID] = w.Rank
	}
	var rows []int
	for i, m := range d.Minerals {
		if _, ok := d.LatestFigure(m.ID); ok || m.Production.Known() || rank[m.ID] > 0 {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		ra, rb := rank[d.Minerals[a].ID], rank[d.Minerals[b].ID]
		switch {
		case ra > 0 && rb > 0:
			return ra - rb
		case ra > 0:
			return -1
		case rb > 0:
			return 1
		}
		return 0
	})
	if len(rows) > 8 {
		rows = rows[:8]
	}
	srcs := d.SourcesCited("minerals", rows)
	out := []slide{{
		id:     "minerals:Top minerals",
		title:  tr("minerals.slide"),
		notes:  func() []string { return mineralNotes(d, rows) },
		source: tr("minerals.slide-source", "Count", len(srcs)),
		build: func() fyne.CanvasObject {
			var cells []fyne.CanvasObject
			for _, h := range []string{lc().Title("Mineral"), tr("minerals.col-production"), tr("minerals.col-rank"), tr("minerals.col-critical")} {
				cells = append(cells, slideLabel(h, theme.SizeNameText, fyne.TextStyle{Bold: true}))
			}
			for _, r := range rows {
				m := &d.Minerals[r]
				cells = append(cells,
					slideLabel(d.NameOf(m.ID), theme.SizeNameText, fyne.TextStyle{Bold: true}),
					slideLabel(d.ProductionCell(m), theme.SizeNameText, fyne.TextStyle{}),
					slideLabel(d.RankCell(m), theme.SizeNameText, fyne.TextStyle{}),
					slideLabel(yesNo(m.KoreaCritical, tr("minerals.yes"), tr("minerals.no-lower")), theme.SizeNameText, fyne.TextStyle{}))
			}
			grid := container.New(&table{fractions: []float32{0.2, 0.36, 0.26, 0.18}}, cells...)
			return container.NewBorder(slideTitle(tr("minerals.slide-heading")), nil, nil, nil, grid)
		},
	}}
	if s, ok := productionSlide(d); ok {
		out = append(out, s)
	}
	return out
}
