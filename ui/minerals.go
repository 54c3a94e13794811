package ui

import (
	"strconv"
	"strings"

	"uzkor/data"
)

// mineralsView is the Minerals tab: what Uzbekistan produces and holds.
type mineralsView struct {
	*listView
}

func newMineralsView(u *UI) *mineralsView {
	v := &mineralsView{listView: newListView(u, "minerals")}
	v.empty = "Select a mineral to see its production, world rank, reserves, deposits, uses and sources, and the sectors and projects that involve it."
	v.describe = v.describeMineral
	v.summary = func(rows []int) string {
		crit, strat := 0, 0
		for _, r := range rows {
			m := &u.data.Minerals[r]
			if m.KoreaCritical.Value {
				crit++
			}
			if m.KoreaStrategic.Value {
				strat++
			}
		}
		return strconv.Itoa(crit) + " on Korea's critical list, " + strconv.Itoa(strat) + " strategic"
	}
	v.detail.reset(v.empty)
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
	ds := v.ui.data
	m := &ds.Minerals[row]
	title := m.Name
	if m.Symbol != "" {
		title += " (" + m.Symbol + ")"
	}
	d.heading(title, m.Group+" · "+yesNo(m.KoreaCritical, "on Korea's critical list", "not on Korea's critical list"))
	d.field("Production", data.WithYear(data.FormatQuantity(m.Production, m.ProductionUnit), m.ProductionYear))
	d.field("Whose output", m.ProductionScope)
	rank := data.Unknown
	if m.WorldRank.Known {
		rank = data.WithYear(data.Ordinal(m.WorldRank.Int())+" in the world", m.WorldRankYear)
	}
	d.field("World rank", rank)
	d.field("World share", data.WithYear(data.FormatQuantity(m.WorldSharePct, "%"), m.WorldShareYear))
	d.field("Reserves", data.WithYear(data.FormatQuantity(m.Reserves, m.ReservesUnit), m.ReservesYear))
	d.field("Reserves cover", m.ReservesScope)
	d.field("Korea critical", yesNo(m.KoreaCritical, "Yes, one of Korea's 33 critical minerals (Feb 2023)", "No"))
	d.field("Korea strategic", yesNo(m.KoreaStrategic, "Yes, one of Korea's 10 strategic minerals (Feb 2023)", "No"))
	d.field("Deposits", strings.Join(m.Deposits, ", "))
	d.field("Operators", strings.Join(m.Operators, ", "))
	d.field("Uses", strings.Join(m.Uses, "; "))
	d.paragraph("Notes", m.Notes)
	d.links("Sectors", sectorLinks(ds, ds.MineralSectors(m.ID)))
	d.links("Projects", projectLinks(ds, ds.MineralProjects(m.ID)))
	d.sources(m.Sources)
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
			label += " · " + data.WithYear(data.FormatMoney(p.AmountUSDm), p.AmountYear)
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
