package data_test

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"uzkor/data"
)

// Every production figure cites at least one source, and every source it
// cites is in sources.csv.
func TestBundledProductionSourced(t *testing.T) {
	d := bundled(t)
	tab := d.Table("production")
	if tab == nil || tab.Len() != len(d.ProductionRows) || len(d.ProductionRows) < 50 {
		t.Fatalf("production table %v with %d rows", tab, len(d.ProductionRows))
	}
	for i, r := range d.ProductionRows {
		if len(r.Sources) == 0 {
			t.Errorf("production.csv line %d has no source", tab.Line(i))
		}
		for _, s := range r.Sources {
			if _, ok := d.Source(s); !ok {
				t.Errorf("production.csv line %d cites %s, which is not in sources.csv", tab.Line(i), s)
			}
		}
	}
	for _, m := range d.Minerals {
		if m.Production.Known() && len(d.Production(m.ID)) == 0 {
			t.Errorf("%s has a production figure in minerals.csv but no series", m.ID)
		}
	}
}

// Ranks and shares sit on country rows only, a share is what its figures
// give, rounded, and notes say it was computed.
func TestBundledWorldFigures(t *testing.T) {
	d := bundled(t)
	tab := d.Table("production")
	for i, r := range d.ProductionRows {
		line := tab.Line(i)
		world := r.WorldValue.Known() || r.WorldRank.Known() || r.WorldSharePct.Known()
		if world && !r.IsCountry() {
			t.Errorf("line %d: a world figure on %s", line, r.Scope)
		}
		if !r.WorldSharePct.Known() {
			continue
		}
		if !r.WorldValue.Known() || !strings.Contains(strings.ToLower(r.Notes), "share computed") {
			t.Errorf("line %d: a share without the world total or the note that it is computed", line)
			continue
		}
		share := r.Value.Value / r.WorldValue.Value * 100
		decimals := 0
		if _, frac, ok := strings.Cut(r.WorldSharePct.String(), "."); ok {
			decimals = len(frac)
		}
		if want, _ := strconv.ParseFloat(strconv.FormatFloat(share, 'f', max(decimals, 1), 64), 64); math.Abs(want-r.WorldSharePct.Value) > 1e-9 {
			t.Errorf("line %d: share %s, computed %.3f", line, r.WorldSharePct.String(), share)
		}
	}
}

// The headline figures read from the series are what the sources say.
func TestBundledProductionSeries(t *testing.T) {
	d := bundled(t)
	// Uranium: WNA's table every year from 2002 to 2024.
	s, ok := d.MainSeries("uranium")
	if !ok || !s.IsCountry() || s.Unit != "tU" {
		t.Fatalf("uranium series %+v", s)
	}
	years := map[int]bool{}
	for _, p := range s.Points {
		years[p.Year] = true
	}
	for y := 2002; y <= 2024; y++ {
		if !years[y] {
			t.Errorf("uranium lacks %d", y)
		}
	}
	if last := s.Last(); last.Year != 2024 || last.Value != 4000 || !last.Estimate {
		t.Errorf("uranium 2024 %+v", last)
	}
	if tr := d.Trend("uranium", "country"); tr.Dir != data.TrendFlat || tr.From.Year != 2023 {
		t.Errorf("uranium trend %+v", tr)
	}
	// Gold: the country's and NMMC's series stay apart.
	country, company := d.LatestProduction("gold")
	if country == nil || country.Text() != "119.6 t (2023), country" || company == nil || company.Text() != "3.1 Moz (2024), NMMC (company)" {
		t.Errorf("gold latest %v / %v", country, company)
	}
	for _, s := range d.ProductionSeries("gold") {
		for _, p := range s.Points {
			if r := d.ProductionRows[p.Row]; r.Scope != s.Scope || r.Unit != s.Unit {
				t.Errorf("gold %s series holds a %s figure in %s", s.Scope, r.Scope, r.Unit)
			}
		}
	}
}

// The latest rank of each mineral comes from the series where it is newer
// than minerals.csv's.
func TestBundledLatestRanks(t *testing.T) {
	d := bundled(t)
	tests := []struct {
		mineral    string
		rank, year int
	}{
		{"uranium", 5, 2024},
		{"gold", 10, 2023}, // minerals.csv still says 7th (2014)
		{"silver", 16, 2023},
		{"molybdenum", 11, 2010},
	}
	for _, tt := range tests {
		w, ok := d.LatestRank(tt.mineral)
		if !ok || w.Rank != tt.rank || w.Year != tt.year || !w.FromSeries() {
			t.Errorf("%s: %+v", tt.mineral, w)
		}
	}
	if w, _ := d.LatestRank("uranium"); w.SharePct.Value != 6.6 || w.WorldValue.Value != 60213 {
		t.Errorf("uranium share %+v", w)
	}
}
