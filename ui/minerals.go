package ui

import (
	"slices"
	"strconv"
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
	v.empty = "Select a mineral to see its production, world rank, reserves, deposits, uses and sources, and the sectors and projects that involve it."
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
		return strconv.Itoa(crit) + " on Korea's critical list, " + strconv.Itoa(strat) + " strategic"
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
	title := m.Name
	if m.Symbol != "" {
		title += " (" + m.Symbol + ")"
	}
	d.heading(title, m.Group+" · "+yesNo(m.KoreaCritical, "on Korea's critical list", "not on Korea's critical list"))
	d.field("Production", ds.ProductionCell(m))
	d.field("World rank", ds.RankCell(m))
	if data.ScopesDiffer(m) {
		d.field("Read with care", "the production is the output of "+whose(m.ProductionScope)+"; the world rank is that of "+whose(m.WorldRankScope)+". They are not figures of the same producer.")
	}
	d.field("World share", data.WithYear(data.FormatQuantity(m.WorldSharePct, "%"), m.WorldShareYear))
	d.field("Reserves", data.WithYear(data.FormatQuantity(m.Reserves, m.ReservesUnit), m.ReservesYear))
	d.field("Reserves cover", m.ReservesScope)
	d.field("Korea critical", yesNo(m.KoreaCritical, "Yes, one of Korea's 33 critical minerals (Feb 2023)", "No"))
	d.field("Korea strategic", yesNo(m.KoreaStrategic, "Yes, one of Korea's 10 strategic minerals (Feb 2023)", "No"))
	d.field("Deposits", strings.Join(m.Deposits, ", "))
	d.field("Operators", strings.Join(m.Operators, ", "))
	d.field("Uses", strings.Join(m.Uses, "; "))
	d.paragraph("Notes", m.Notes)
	productionSection(d, v.env.nav, m)
	d.links("Sectors", sectorLinks(ds, ds.MineralSectors(m.ID)))
	d.links("Projects", projectLinks(ds, ds.MineralProjects(m.ID)))
	d.sources(m.Sources)
}

// whose names whose figure a scope says it is: "Uzbekistan as a whole"
// for the country, else the scope as written ("NMMC (company)").
func whose(scope string) string {
	if data.ScopeKind(scope) == data.ScopeCountry {
		return "Uzbekistan as a whole"
	}
	return scope
}

func sectorLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		out[i] = link{label: ds.Sectors[r].Name, table: "sectors", id: ds.Sectors[r].ID}
	}
	return out
}

func projectLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		p := &ds.Projects[r]
		label := p.Name
		if p.AmountUSDm.Known {
			label += " · " + data.FormatAmount(p.AmountUSDm, p.AmountBasis, p.AmountYear)
		}
		out[i] = link{label: label, table: "projects", id: p.ID}
	}
	return out
}

func mineralLinks(ds *data.Dataset, rows []int) []link {
	out := make([]link, len(rows))
	for i, r := range rows {
		out[i] = link{label: ds.Minerals[r].Name, table: "minerals", id: ds.Minerals[r].ID}
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
		if _, ok := d.LatestFigure(m.ID); ok || m.Production.Known || rank[m.ID] > 0 {
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
		title:  "Top minerals",
		notes:  func() []string { return mineralNotes(d, rows) },
		source: "Sources: " + strconv.Itoa(len(srcs)) + " cited by these minerals' rows; production is the latest sourced year",
		build: func() fyne.CanvasObject {
			var cells []fyne.CanvasObject
			for _, h := range []string{"Mineral", "Production (whose, year)", "World rank (year, whose)", "On Korea's critical list"} {
				cells = append(cells, slideLabel(h, theme.SizeNameText, fyne.TextStyle{Bold: true}))
			}
			for _, r := range rows {
				m := &d.Minerals[r]
				cells = append(cells,
					slideLabel(m.Name, theme.SizeNameText, fyne.TextStyle{Bold: true}),
					slideLabel(d.ProductionCell(m), theme.SizeNameText, fyne.TextStyle{}),
					slideLabel(d.RankCell(m), theme.SizeNameText, fyne.TextStyle{}),
					slideLabel(yesNo(m.KoreaCritical, "yes", "no"), theme.SizeNameText, fyne.TextStyle{}))
			}
			grid := container.New(&table{fractions: []float32{0.2, 0.36, 0.26, 0.18}}, cells...)
			return container.NewBorder(slideTitle("Uzbekistan's main minerals"), nil, nil, nil, grid)
		},
	}}
	if s, ok := productionSlide(d); ok {
		out = append(out, s)
	}
	return out
}
