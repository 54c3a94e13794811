package data

import "testing"

func TestProductionSeries(t *testing.T) {
	d := loadGoodProduction(t)
	series := d.ProductionSeries("gold")
	if len(series) != 2 || !series[0].IsCountry() || series[0].Unit != "t" || series[1].Scope != "NMMC" || series[1].Unit != "Moz" {
		t.Fatalf("gold series %+v", series)
	}
	if p := series[1].Points; len(p) != 2 || p[0].Year != 2023 || p[0].Value != 2.9 || p[1].Value != 3.1 {
		t.Errorf("NMMC points %+v", p)
	}

	// Two sources for uranium 2021: the first row is the main figure, the
	// second an alternative kept beside it.
	u := d.ProductionSeries("uranium")
	if len(u) != 1 || len(u[0].Points) != 3 {
		t.Fatalf("uranium series %+v", u)
	}
	p := u[0].Points[0]
	if p.Year != 2021 || p.Value != 3516 || !p.Estimate || len(p.Alternatives) != 1 {
		t.Fatalf("uranium 2021 %+v", p)
	}
	alt := d.ProductionRows[p.Alternatives[0]]
	if alt.Value.Value != 3526 || !d.Alternative(p.Alternatives[0]) || d.Alternative(p.Row) {
		t.Errorf("alternative %+v", alt)
	}
	if m, ok := d.MainSeries("uranium"); !ok || !m.IsCountry() || m.Last().Year != 2024 {
		t.Errorf("main series %+v", m)
	}
	if _, ok := d.MainSeries("tungsten"); ok {
		t.Error("tungsten has a main series")
	}
}

func TestLatestProductionNeverMixesScopes(t *testing.T) {
	d := loadGoodProduction(t)
	country, company := d.LatestProduction("gold")
	if country == nil || country.Value.Value != 119.6 || country.Year.Int() != 2023 {
		t.Errorf("country %+v", country)
	}
	if company == nil || company.Scope != "NMMC" || company.Value.Value != 3.1 {
		t.Errorf("company %+v", company)
	}
	if r, ok := d.LatestFigure("gold"); !ok || r.Text() != "3.1 Moz (2024), NMMC (company)" {
		t.Errorf("latest gold %v %q", ok, r.Text())
	}
	if r, ok := d.LatestFigure("uranium"); !ok || r.Text() != "4,000 tU (2024, estimate), country" {
		t.Errorf("latest uranium %q", r.Text())
	}
	if c, co := d.LatestProduction("uranium"); c == nil || co != nil {
		t.Errorf("uranium has a company figure: %+v", co)
	}
	if _, ok := d.LatestFigure("lithium"); ok {
		t.Error("lithium has a figure")
	}
}

func TestTrend(t *testing.T) {
	d := loadGoodProduction(t)
	tests := []struct {
		mineral, scope string
		want           TrendDir
		from, to       int
	}{
		{"gold", "country", TrendUp, 2020, 2023},
		{"gold", "NMMC", TrendUp, 2023, 2024},
		{"uranium", "country", TrendFlat, 2023, 2024},
		{"uranium", "NMMC", NoTrend, 0, 0},
		{"tungsten", "country", NoTrend, 0, 0},
	}
	for _, tt := range tests {
		tr := d.Trend(tt.mineral, tt.scope)
		if tr.Dir != tt.want || tr.From.Year != tt.from || tr.To.Year != tt.to {
			t.Errorf("%s %s: %v from %d to %d", tt.mineral, tt.scope, tr.Dir, tr.From.Year, tr.To.Year)
		}
	}
	// The trend uses the main figure of a year, not an alternative.
	d.ProductionRows[5].Value = Num(1) // the decree's 2021 figure
	if tr := d.Trend("uranium", "country"); tr.Dir != TrendFlat {
		t.Errorf("an alternative moved the trend: %v", tr.Dir)
	}
	if TrendDown.String() != "down" || NoTrend.String() != "" {
		t.Error("TrendDir.String")
	}
}

func TestLatestRank(t *testing.T) {
	d := loadGoodProduction(t)
	// minerals.csv has gold 7th in 2014; the series has 10th in 2023.
	w, ok := d.LatestRank("gold")
	if !ok || w.Rank != 10 || w.Year != 2023 || !w.FromSeries() || w.SharePct.Known() || w.Value.Value != 119.6 || w.Text() != "10th (2023)" {
		t.Errorf("gold %+v", w)
	}
	// Same year in both: the series, with its share and world total.
	w, _ = d.LatestRank("uranium")
	if w.Rank != 5 || w.Year != 2024 || !w.FromSeries() || w.SharePct.Value != 6.6 || w.ShareYear != 2024 || w.WorldValue.Value != 60213 || !w.Estimate || !w.Sources.Has("s3") {
		t.Errorf("uranium %+v", w)
	}
	if _, ok := d.LatestRank("tungsten"); ok {
		t.Error("tungsten has a rank")
	}
	// A newer country rank in minerals.csv wins; a company's never does.
	m, _ := d.Mineral("gold")
	m.WorldRankYear = Num(2025)
	if w, _ := d.LatestRank("gold"); w.FromSeries() || w.Rank != 7 || w.Year != 2025 {
		t.Errorf("newer minerals.csv rank not used: %+v", w)
	}
	m.WorldRankScope = "NMMC (company)"
	if w, _ := d.LatestRank("gold"); !w.FromSeries() || w.Rank != 10 {
		t.Errorf("a company rank was used: %+v", w)
	}
	ranks := d.LatestRanks()
	if len(ranks) != 2 || ranks[0].MineralID != "uranium" || ranks[1].MineralID != "gold" {
		t.Errorf("ranks %+v", ranks)
	}
}
