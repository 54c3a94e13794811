package data_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"uzkor/data"
)

// Every amount of the bundled projects says what it measures, and the
// figures beside it agree with that.
func TestBundledEveryAmountHasBasis(t *testing.T) {
	d := bundled(t)
	for _, p := range d.Projects {
		if p.AmountUSDm.Known() && !slices.Contains(data.AmountBases, p.AmountBasis) {
			t.Errorf("%s: the amount %v has basis %q", p.ID, p.AmountUSDm.Value, p.AmountBasis)
		}
		if p.TotalCostUSDm.Known() {
			if p.AmountBasis == data.BasisTotalCost || p.AmountBasis == "" {
				t.Errorf("%s: a whole-project cost beside an amount of basis %q", p.ID, p.AmountBasis)
			}
			if p.AmountUSDm.Known() && p.TotalCostUSDm.Value < p.AmountUSDm.Value {
				t.Errorf("%s: whole-project cost below the Korean part", p.ID)
			}
		}
		if !p.StatusAsOf.Known() && !strings.Contains(p.Notes, "cannot be dated") {
			t.Errorf("%s: no status_as_of, and the notes do not say why", p.ID)
		}
	}
}

// No total mixes bases: every total of TotalsByBasis and
// GroupProjectsByBasis adds amounts of one basis only, each project once,
// and never a part beside the larger project that already includes it;
// over all projects and over random selections of them.
func TestBundledNoTotalMixesBases(t *testing.T) {
	d := bundled(t)
	check := func(what string, rows []int, totals []data.BasisTotal) {
		t.Helper()
		in := map[int]bool{}
		for _, r := range rows {
			in[r] = true
		}
		seen := map[int]bool{}
		counted := 0
		for _, tot := range totals {
			counted += tot.Count
			if tot.Known != len(tot.Rows) || tot.Count != tot.Known+tot.Unknown+tot.Included {
				t.Errorf("%s: %s counts do not add up: %+v", what, tot.Basis, tot)
			}
			sum := 0.0
			for _, r := range tot.Rows {
				p := d.Projects[r]
				if p.AmountBasis != tot.Basis {
					t.Errorf("%s: the %s total adds %s, an amount of basis %q", what, tot.Label, p.ID, p.AmountBasis)
				}
				if !in[r] || seen[r] {
					t.Errorf("%s: %s added twice or not selected", what, p.ID)
				}
				seen[r] = true
				for parent := p.PartOf; parent != ""; {
					q, ok := d.Project(parent)
					if !ok {
						break
					}
					i := slices.IndexFunc(d.Projects, func(x *data.Project) bool { return x.ID == q.ID })
					if in[i] && q.AmountUSDm.Known() {
						t.Errorf("%s: %s is added beside %s, which includes it", what, p.ID, q.ID)
					}
					parent = q.PartOf
				}
				sum += p.AmountUSDm.Value
			}
			if math.Abs(sum-tot.Amount) > 1e-6 {
				t.Errorf("%s: %s total %v, its projects add up to %v", what, tot.Basis, tot.Amount, sum)
			}
		}
		if counted != len(rows) {
			t.Errorf("%s: %d projects counted of %d", what, counted, len(rows))
		}
	}
	all := make([]int, len(d.Projects))
	for i := range all {
		all[i] = i
	}
	check("all", all, d.TotalsByBasis(nil))
	rng := rand.New(rand.NewPCG(15, 15))
	for n := 0; n < 200; n++ {
		var rows []int
		for _, r := range all {
			if rng.IntN(2) == 0 {
				rows = append(rows, r)
			}
		}
		if rows == nil {
			rows = []int{}
		}
		check("random selection", rows, d.TotalsByBasis(rows))
	}
	for _, col := range []string{"sector", "status", "funder", "instrument", "start_year", "region", "minerals", "amount_basis"} {
		groups, err := d.GroupProjectsByBasis(col, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range groups {
			var rows []int
			for r := range d.Projects {
				if groupHas(d, col, r, g.Key) {
					rows = append(rows, r)
				}
			}
			check(col+"="+g.Key, rows, g.Bases)
		}
	}
	// The text of a total names each basis apart and never gives their sum.
	totals := d.TotalsByBasis(nil)
	text := data.FormatBasisTotals(totals, true)
	grand := 0.0
	for _, tot := range totals {
		grand += tot.Amount
		if tot.Known > 0 && !strings.Contains(text, " of "+tot.Label+" (") {
			t.Errorf("%q does not name %s", text, tot.Label)
		}
	}
	if strings.Contains(text, data.FormatMoney(data.Num(grand))) {
		t.Errorf("%q shows the mixed sum", text)
	}
}

// groupHas tells whether a project is counted under a key of a column, as
// GroupProjects counts it.
func groupHas(d *data.Dataset, col string, r int, key string) bool {
	tab := d.Table("projects")
	c := tab.Column(col)
	raw := tab.Raw(r, c)
	if tab.Columns()[c].Kind == data.Refs || tab.Columns()[c].Kind == data.Names || tab.Columns()[c].Kind == data.Regions {
		if raw == "" {
			return key == ""
		}
		return slices.Contains(strings.Split(raw, ";"), key)
	}
	return raw == key
}

// The overlaps the data check found are counted once: the strawberry
// project inside the smart-agriculture grant, the Daewoo textile plants
// inside the ≈$150m of the whole business.
func TestBundledOverlapsCountedOnce(t *testing.T) {
	d := bundled(t)
	parts := map[string]string{
		"strawberry-greenhouse":  "smart-agriculture-innovation-center",
		"daewoo-textile-fergana": "posco-international-textile",
		"daewoo-textile-bukhara": "posco-international-textile",
		"tashlak-textile-plant":  "posco-international-textile",
	}
	for id, parent := range parts {
		p, ok := d.Project(id)
		if !ok || p.PartOf != parent {
			t.Errorf("%s: part of %q, want %s", id, p.PartOf, parent)
		}
	}
	for _, tot := range d.TotalsByBasis(nil) {
		for _, r := range tot.Rows {
			if _, isPart := parts[d.Projects[r].ID]; isPart {
				t.Errorf("%s is added to the %s total", d.Projects[r].ID, tot.Label)
			}
		}
	}
	whole, _ := d.Project("posco-international-textile")
	if !whole.AmountUSDm.Known() || whole.AmountUSDm.Value != 150 || whole.AmountBasis != data.BasisKoreanShare || !whole.Sources.Has("s158") {
		t.Errorf("the textile business: %+v", whole)
	}
	// Where the Korean part of a larger whole is given, both are carried.
	for id, want := range map[string][2]float64{
		"ustyurt-gas-chemical-complex":      {906, 3890},
		"kandym-gas-processing-complex":     {2660, 3400},
		"uzbekistan-gtl":                    {2620, 3420},
		"multiprofile-medical-center":       {124, 149.8},
		"national-childrens-medical-center": {100, 130.6},
		"samarkand-solar-pv":                {75, 300},
	} {
		p, _ := d.Project(id)
		if p.AmountUSDm.Value != want[0] || p.TotalCostUSDm.Value != want[1] {
			t.Errorf("%s: %v of %v, want %v of %v", id, p.AmountUSDm.Value, p.TotalCostUSDm.Value, want[0], want[1])
		}
	}
}

// A status reads with the date that confirms it, and none contradicts its
// own dates: nothing planned after its planned end.
func TestBundledStatusesDated(t *testing.T) {
	d := bundled(t)
	for _, p := range d.Projects {
		open := p.Status == "announced" || p.Status == "planned" || p.Status == "under-construction"
		if open && p.EndYear.Known() && p.StatusAsOf.Known() && p.EndYear.Int() < p.StatusAsOf.Year {
			t.Errorf("%s: %s as of %s, but to end in %d", p.ID, p.Status, p.StatusAsOf, p.EndYear.Int())
		}
	}
	for id, want := range map[string]string{
		"samarkand-solar-pv":             "cancelled (as of 2019)",
		"heart-surgery-center-equipment": "planned (as of 2009)",
		"kores-gold-uranium-exploration": "planned (as of 2005)",
		"ingichka-tungsten-jv":           "planned (as of 2014)",
	} {
		p, _ := d.Project(id)
		if got := data.StatusText(p); got != want {
			t.Errorf("%s: %q want %q", id, got, want)
		}
	}
	if p, _ := d.Project("samarkand-solar-pv"); p.EndYear.Known() {
		t.Error("the cancelled Samarkand plant has an end year")
	}
}

// Whose output a production figure is, and whose rank a rank is, is said
// everywhere; gold's company output is never presented as the country's.
func TestBundledMineralScopes(t *testing.T) {
	d := bundled(t)
	for _, m := range d.Minerals {
		if m.Production.Known() && data.ScopeKind(m.ProductionScope) == "" {
			t.Errorf("%s: production without scope", m.ID)
		}
		if m.WorldRank.Known() && data.ScopeKind(m.WorldRankScope) == "" {
			t.Errorf("%s: rank without scope", m.ID)
		}
	}
	gold, _ := d.Mineral("gold")
	if data.ScopeKind(gold.ProductionScope) != data.ScopeCompany || data.ScopeKind(gold.WorldRankScope) != data.ScopeCountry || !data.ScopesDiffer(gold) {
		t.Errorf("gold: production %q, rank %q", gold.ProductionScope, gold.WorldRankScope)
	}
	tab := d.Table("minerals")
	row := slices.IndexFunc(d.Minerals, func(m data.Mineral) bool { return m.ID == "gold" })
	// The list shows the newest figure of the series, whose it is and how
	// it moved; the newest country rank.
	if got := tab.Display(row, tab.Column("production")); got != "3.1 Moz (2024), NMMC (company) ↑" {
		t.Errorf("gold production shows %q", got)
	}
	if got := tab.Display(row, tab.Column("world_rank")); got != "10th (2023), country" {
		t.Errorf("gold rank shows %q", got)
	}
}

// One year convention: a figure over a period has its first and last
// years and no year, and is never shown by its last year alone.
func TestBundledIndicatorPeriods(t *testing.T) {
	d := bundled(t)
	edcf, _ := d.Indicator("edcf-ceiling-2024-2027")
	if edcf.PeriodStart.Int() != 2024 || edcf.PeriodEnd.Int() != 2027 || edcf.Year.Known() {
		t.Errorf("EDCF ceiling: %+v", edcf)
	}
	if got := data.WithPeriod(data.IndicatorValue(edcf), edcf); got != "$2 bn (2024–2027)" {
		t.Errorf("EDCF ceiling shows %q", got)
	}
	tab := d.Table("indicators")
	for r, in := range d.Indicators {
		if in.Year.Known() && in.IsPeriod() {
			t.Errorf("%s: both a year and a period", in.ID)
		}
		for c := range tab.Columns() {
			if in.IsPeriod() && in.PeriodEnd.Known() && strings.Contains(tab.Display(r, c), "("+in.PeriodEnd.String()+")") {
				t.Errorf("%s shows %q", in.ID, tab.Display(r, c))
			}
		}
	}
	if in, _ := d.Latest("edcf-programme"); in.ID != "edcf-ceiling-2024-2027" {
		t.Errorf("latest EDCF programme %s", in.ID)
	}
	s104, _ := d.Source("s104")
	if s104.URL == "" && !strings.Contains(strings.ToLower(s104.Notes), "offline") {
		t.Errorf("s104 has no address and does not say it is offline: %q", s104.Notes)
	}
}

// The 2025 milestones the brief names are in the timeline, with sources.
func TestBundledMilestones2025(t *testing.T) {
	d := bundled(t)
	for _, want := range []struct{ date, title, source string }{
		{"2025-07", "DK Consulting", "s15"},
		{"2025-07", "High Technology Park", "s106"},
		{"2025-10", "UzTMK delegation", "s44"},
		{"2025-11", "Third stage of equipment deliveries", "s44"},
		{"2025", "POSCO International to sell", "s159"},
		{"2025-12-10", "high-speed train shipped", "s188"},
	} {
		found := false
		for _, m := range d.Milestones {
			if m.Date.String() == want.date && strings.Contains(m.Title, want.title) && m.Sources.Has(want.source) {
				found = true
			}
		}
		if !found {
			t.Errorf("no milestone %s %q citing %s", want.date, want.title, want.source)
		}
	}
}
