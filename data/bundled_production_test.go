package data_test

import (
	"math"
	"strconv"
	"strings"
	"testing"
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
		if m.Production.Known && len(d.Production(m.ID)) == 0 {
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
		world := r.WorldValue.Known || r.WorldRank.Known || r.WorldSharePct.Known
		if world && !r.IsCountry() {
			t.Errorf("line %d: a world figure on %s", line, r.Scope)
		}
		if !r.WorldSharePct.Known {
			continue
		}
		if !r.WorldValue.Known || !strings.Contains(strings.ToLower(r.Notes), "share computed") {
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
