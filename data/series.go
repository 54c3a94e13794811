package data

import (
	"slices"
	"strconv"
)

// A mineral's production as the charts, lists and slides read it: series
// of one scope and unit, the latest figures, trends and world ranks. A
// company's output is never the country's, and units are never mixed.

// YearFigure is one year of a production series: its main figure, and the
// rows of the other figures given for the same year.
type YearFigure struct {
	Year         int
	Value        float64
	Estimate     bool
	Row          int   // the main figure's row in ProductionRows
	Alternatives []int // rows of other sources' figures for the year, in file order
}

// Series is a mineral's production of one scope in one unit, year by year.
// A company's series is never the country's: each scope is its own.
type Series struct {
	MineralID string
	Scope     string // "country", or the company's name
	Unit      string
	Points    []YearFigure // in year order, one per year
}

// IsCountry reports whether the series is the whole country's output.
func (s *Series) IsCountry() bool { return s.Scope == ScopeCountry }

// Last is the newest year's figure.
func (s *Series) Last() YearFigure { return s.Points[len(s.Points)-1] }

// ProductionSeries lists a mineral's series: the country's first, then
// each company's by name. A scope given in two units has a series for each,
// the one in the newest use first; values are never converted.
func (d *Dataset) ProductionSeries(mineralID string) []Series {
	var out []Series
	for _, i := range d.Production(mineralID) {
		r := &d.ProductionRows[i]
		var s *Series
		for k := range out {
			if out[k].Scope == r.Scope && out[k].Unit == r.Unit {
				s = &out[k]
			}
		}
		if s == nil {
			out = append(out, Series{MineralID: mineralID, Scope: r.Scope, Unit: r.Unit})
			s = &out[len(out)-1]
		}
		if d.Alternative(i) {
			for p := range s.Points {
				if s.Points[p].Year == r.Year.Int() {
					s.Points[p].Alternatives = append(s.Points[p].Alternatives, i)
				}
			}
			continue
		}
		s.Points = append(s.Points, YearFigure{Year: r.Year.Int(), Value: r.Value.Value, Estimate: r.Estimate.Value, Row: i})
	}
	slices.SortStableFunc(out, func(a, b Series) int {
		if c := compareScopes(a.Scope, b.Scope); c != 0 {
			return c
		}
		return b.Last().Year - a.Last().Year
	})
	return out
}

// MainSeries is the series a small chart of the mineral shows: the
// country's, else the company series with the most years (the newest on
// a tie).
func (d *Dataset) MainSeries(mineralID string) (Series, bool) {
	all := d.ProductionSeries(mineralID)
	if len(all) == 0 {
		return Series{}, false
	}
	if all[0].IsCountry() {
		return all[0], true
	}
	best := all[0]
	for _, s := range all[1:] {
		if len(s.Points) > len(best.Points) || len(s.Points) == len(best.Points) && s.Last().Year > best.Last().Year {
			best = s
		}
	}
	return best, true
}

// LatestProduction gives the newest main figure of the country and the
// newest of any company (the first company by name on a tie), nil where
// there is none. Read them apart: a company's output is not the country's.
func (d *Dataset) LatestProduction(mineralID string) (country, company *ProductionRow) {
	for _, i := range d.Production(mineralID) {
		if d.Alternative(i) {
			continue
		}
		r := &d.ProductionRows[i]
		if r.IsCountry() {
			if country == nil || r.Year.Int() > country.Year.Int() {
				country = r
			}
		} else if company == nil || r.Year.Int() > company.Year.Int() {
			company = r
		}
	}
	return country, company
}

// LatestFigure is the figure a list shows for a mineral: its newest main
// figure of any scope, the country's when a company's is of the same year.
// Show it with its scope (ProductionRow.Text).
func (d *Dataset) LatestFigure(mineralID string) (*ProductionRow, bool) {
	country, company := d.LatestProduction(mineralID)
	switch {
	case country == nil && company == nil:
		return nil, false
	case company == nil || country != nil && country.Year.Int() >= company.Year.Int():
		return country, true
	}
	return company, true
}

// TrendDir is which way a series moved between its last two years.
type TrendDir int

// The directions of a trend. NoTrend: fewer than two years to compare.
const (
	NoTrend TrendDir = iota
	TrendUp
	TrendDown
	TrendFlat
)

func (t TrendDir) String() string {
	switch t {
	case TrendUp:
		return "up"
	case TrendDown:
		return "down"
	case TrendFlat:
		return "flat"
	}
	return ""
}

// Trend compares the last two years of one series: the same mineral, scope
// and unit, never across scopes or units.
type Trend struct {
	Dir      TrendDir
	From, To YearFigure // the second-newest and the newest year
	Unit     string
}

// Trend is the direction of a mineral's output for one scope ("country",
// "NMMC") between its last two years with figures, in the unit of its
// newest figure. Any change counts: 4,000 to 4,000 is flat, 3,516 to
// 3,561 is up. The two years need not be consecutive (see From and To).
func (d *Dataset) Trend(mineralID, scope string) Trend {
	var best *Series
	all := d.ProductionSeries(mineralID)
	for k := range all {
		s := &all[k]
		if s.Scope == scope && (best == nil || s.Last().Year > best.Last().Year) {
			best = s
		}
	}
	if best == nil || len(best.Points) < 2 {
		return Trend{}
	}
	from, to := best.Points[len(best.Points)-2], best.Last()
	t := Trend{Dir: TrendFlat, From: from, To: to, Unit: best.Unit}
	switch {
	case to.Value > from.Value:
		t.Dir = TrendUp
	case to.Value < from.Value:
		t.Dir = TrendDown
	}
	return t
}

// WorldRank is Uzbekistan's rank among producing countries in one year,
// with its share of world output and the figures it rests on.
type WorldRank struct {
	MineralID  string
	Rank       int
	Year       int    // 0 when minerals.csv gives no year
	SharePct   Number // share of world output, percent
	ShareYear  int    // the share's year: Year when from the series
	WorldValue Number // the world total, in Unit
	Value      Number // Uzbekistan's output that year, in Unit (from the series only)
	Unit       string
	Estimate   bool // the output is marked as estimated
	Sources    List
	Row        int // the row of ProductionRows; -1 when from minerals.csv
}

// FromSeries reports whether the rank comes from production.csv rather
// than from minerals.csv's world_rank.
func (w WorldRank) FromSeries() bool { return w.Row >= 0 }

// Text shows the rank with its year: "5th (2024)".
func (w WorldRank) Text() string { return English.RankText(w) }

// RankText is WorldRank.Text in the language.
func (l *Locale) RankText(w WorldRank) string {
	s := l.Ordinal(w.Rank)
	if w.Year > 0 {
		s += " (" + strconv.Itoa(w.Year) + ")"
	}
	return s
}

// LatestRank is a mineral's newest world rank among countries: the newest
// country row of production.csv that has one (a main figure before an
// alternative of the same year), or minerals.csv's world_rank when it is
// newer or the only one and its scope is the country. A company's rank
// among companies is never returned.
func (d *Dataset) LatestRank(mineralID string) (WorldRank, bool) {
	var best *ProductionRow
	bestRow := -1
	for _, i := range d.Production(mineralID) {
		r := &d.ProductionRows[i]
		if !r.IsCountry() || !r.WorldRank.Known() {
			continue
		}
		newer := best == nil || r.Year.Int() > best.Year.Int() || r.Year.Int() == best.Year.Int() && d.Alternative(bestRow) && !d.Alternative(i)
		if newer {
			best, bestRow = r, i
		}
	}
	var w WorldRank
	ok := false
	if best != nil {
		w = WorldRank{MineralID: mineralID, Rank: best.WorldRank.Int(), Year: best.Year.Int(), SharePct: best.WorldSharePct, WorldValue: best.WorldValue,
			Value: best.Value, Unit: best.Unit, Estimate: best.Estimate.Value, Sources: best.Sources, Row: bestRow}
		if best.WorldSharePct.Known() {
			w.ShareYear = w.Year
		}
		ok = true
	}
	if m, found := d.Mineral(mineralID); found && m.WorldRank.Known() && ScopeKind(m.WorldRankScope) == ScopeCountry {
		if !ok || m.WorldRankYear.Known() && m.WorldRankYear.Int() > w.Year {
			w = WorldRank{MineralID: mineralID, Rank: m.WorldRank.Int(), SharePct: m.WorldSharePct, Sources: m.Sources, Row: -1}
			if m.WorldRankYear.Known() {
				w.Year = m.WorldRankYear.Int()
			}
			if m.WorldShareYear.Known() {
				w.ShareYear = m.WorldShareYear.Int()
			}
			ok = true
		}
	}
	return w, ok
}

// LatestRanks lists the latest world rank of every mineral that has one,
// highest rank first (minerals.csv order among equals).
func (d *Dataset) LatestRanks() []WorldRank {
	var out []WorldRank
	for i := range d.Minerals {
		if w, ok := d.LatestRank(d.Minerals[i].ID); ok {
			out = append(out, w)
		}
	}
	slices.SortStableFunc(out, func(a, b WorldRank) int { return a.Rank - b.Rank })
	return out
}

// ProductionCell is a mineral's production as a list shows it: the newest
// figure, from production.csv or from minerals.csv's own cell when that is
// newer or the only one, with its year and whose output it is, and an
// arrow for how that producer's output moved since its year before: "4,000
// tU (2024, estimate), country ↑".
func (d *Dataset) ProductionCell(m *Mineral) string {
	l := d.Locale()
	r, ok := d.LatestFigure(m.ID)
	if !ok || m.ProductionYear.Known() && m.ProductionYear.Int() > r.Year.Int() {
		return l.ProductionText(m)
	}
	s := l.FigureText(r)
	switch d.Trend(m.ID, r.Scope).Dir {
	case TrendUp:
		s += " ↑"
	case TrendDown:
		s += " ↓"
	case TrendFlat:
		s += " →"
	}
	return s
}

// RankCell is a mineral's newest world rank among countries as a list
// shows it: "10th (2023), country"; minerals.csv's cell when the series
// has no rank.
func (d *Dataset) RankCell(m *Mineral) string {
	l := d.Locale()
	if w, ok := d.LatestRank(m.ID); ok && w.FromSeries() {
		return l.RankText(w) + ", " + l.Word("scope.country")
	}
	return l.WorldRankText(m)
}
