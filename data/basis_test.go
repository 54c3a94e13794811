package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

// partsFS is the good fixture with a larger project that two others are
// part of, one of them through a third, and a whole-project cost.
func partsFS(t *testing.T) fstest.MapFS {
	t.Helper()
	m := goodFS(t)
	projects := string(m[ProjectsFile].Data) +
		"programme,Health programme,health,UZ-TK,,,,Korea Eximbank,Ministry of Health,Korea Eximbank (EDCF),loan,300,loan,2021,,,,planned,2021,2019,,,A programme,,s1\n" +
		"clinic,A clinic of the programme,health,UZ-TK,,,,Korea Eximbank,Ministry of Health,Korea Eximbank (EDCF),loan,50,loan,2021,,,programme,planned,2021,2019,,,A clinic,,s1\n" +
		"wing,A wing of the clinic,health,UZ-TO,,,,KOICA,Ministry of Health,KOICA,grant,5,grant,2022,,,clinic,planned,2022,2020,,,A wing,,s1\n" +
		"plant,A plant,chemicals,UZ-BU,,,,Hyundai Engineering,Uzbekneftegaz,,epc-contract,2000,contract-value,2014,3000,2018,,operational,2018,2014,,,A plant,,s1\n"
	m[ProjectsFile] = &fstest.MapFile{Data: []byte(projects)}
	sectors := string(m[SectorsFile].Data) + "chemicals,Chemicals,Chemistry,,,,,s1\n"
	m[SectorsFile] = &fstest.MapFile{Data: []byte(sectors)}
	return m
}

func loadParts(t *testing.T) *Dataset {
	t.Helper()
	d, err := Load(partsFS(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 0 {
		t.Fatal(d.Warnings)
	}
	return d
}

func projectRows(d *Dataset, ids ...string) []int {
	out := []int{}
	for _, id := range ids {
		out = append(out, d.projectByID[id])
	}
	return out
}

// brief is a BasisTotal without its rows, for comparing.
type brief struct {
	Basis                           string
	Count, Known, Unknown, Included int
	Amount                          float64
}

func briefs(ts []BasisTotal) []brief {
	out := make([]brief, len(ts))
	for i, t := range ts {
		out[i] = brief{t.Basis, t.Count, t.Known, t.Unknown, t.Included, t.Amount}
	}
	return out
}

func TestTotalsByBasis(t *testing.T) {
	d := loadParts(t)
	tests := []struct {
		name string
		rows []int
		want []brief
	}{
		{"all: the clinic and its wing are inside the programme", nil, []brief{
			{BasisLoan, 4, 3, 0, 1, 127.5 + 100 + 300},
			{BasisGrant, 2, 0, 1, 1, 0},
			{BasisContractValue, 1, 1, 0, 0, 2000},
			{BasisAgreement, 1, 1, 0, 0, 120},
		}},
		{"without the programme, the clinic counts and holds its wing", projectRows(d, "clinic", "wing"), []brief{
			{BasisLoan, 1, 1, 0, 0, 50},
			{BasisGrant, 1, 0, 0, 1, 0},
		}},
		{"the wing alone counts", projectRows(d, "wing", "oncology"), []brief{
			{BasisLoan, 1, 1, 0, 0, 127.5},
			{BasisGrant, 1, 1, 0, 0, 5},
		}},
		{"the wing is inside the programme through the clinic", projectRows(d, "programme", "wing"), []brief{
			{BasisLoan, 1, 1, 0, 0, 300},
			{BasisGrant, 1, 0, 0, 1, 0},
		}},
		{"no rows", []int{}, []brief{}},
	}
	for _, tt := range tests {
		got := d.TotalsByBasis(tt.rows)
		if g := briefs(got); !equalBriefs(g, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, g, tt.want)
		}
		n := len(tt.rows)
		if tt.rows == nil {
			n = len(d.Projects)
		}
		sum := 0
		for _, x := range got {
			sum += x.Count
			if x.Count != x.Known+x.Unknown+x.Included || len(x.Rows) != x.Known {
				t.Errorf("%s: %s counts do not add up: %+v", tt.name, x.Basis, x)
			}
		}
		if sum != n {
			t.Errorf("%s: counts add up to %d of %d projects", tt.name, sum, n)
		}
	}
}

func equalBriefs(a, b []brief) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestTotalCosts(t *testing.T) {
	d := loadParts(t)
	got := d.TotalCosts(nil)
	// The childrens' fixture row carries 130.6, the plant 3000.
	if got.Basis != BasisTotalCost || got.Known != 2 || got.Amount != 3130.6 || got.Count != len(d.Projects) {
		t.Errorf("%+v", got)
	}
}

func TestGroupProjectsByBasis(t *testing.T) {
	d := loadParts(t)
	groups, err := d.GroupProjectsByBasis("region", nil)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[string]BasisGroup{}
	for _, g := range groups {
		byKey[g.Key] = g
	}
	// In Tashkent city the clinic lies within the programme; in Tashkent
	// Region the wing is alone, so its grant counts there.
	if g := byKey["UZ-TK"]; FormatBasisTotals(g.Bases, true) != "$527.5 m of loans (3 projects)" {
		t.Errorf("UZ-TK: %q %+v", FormatBasisTotals(g.Bases, true), briefs(g.Bases))
	}
	if g := byKey["UZ-TO"]; FormatBasisTotals(g.Bases, false) != "$5 m of grants" {
		t.Errorf("UZ-TO: %q", FormatBasisTotals(g.Bases, false))
	}
	plain, _ := d.GroupProjects("region", nil)
	if len(plain) != len(groups) {
		t.Fatalf("%d groups, GroupProjects %d", len(groups), len(plain))
	}
	for i := range plain {
		if plain[i].Key != groups[i].Key || plain[i].Count != groups[i].Count {
			t.Errorf("group %d: %+v vs %+v", i, plain[i], groups[i])
		}
	}
	if _, err := d.GroupProjectsByBasis("colour", nil); err == nil {
		t.Error("unknown column accepted")
	}
}

func TestFormatBasisTotals(t *testing.T) {
	ts := []BasisTotal{
		{Basis: BasisLoan, Label: BasisLabel(BasisLoan), Known: 7, Amount: 1549.62},
		{Basis: BasisGrant, Label: BasisLabel(BasisGrant), Known: 1, Amount: 58.4},
		{Basis: BasisContractValue, Label: BasisLabel(BasisContractValue), Known: 2, Amount: 5280},
		{Basis: BasisPledge, Label: BasisLabel(BasisPledge), Unknown: 2},
	}
	tests := []struct {
		counts bool
		want   string
	}{
		{false, "$5.28 bn of contract values, $1.55 bn of loans, $58.4 m of grants"},
		{true, "$5.28 bn of contract values (2 projects), $1.55 bn of loans (7 projects), $58.4 m of grants (1 project)"},
	}
	for _, tt := range tests {
		if got := FormatBasisTotals(ts, tt.counts); got != tt.want {
			t.Errorf("got %q want %q", got, tt.want)
		}
	}
	if got := FormatBasisTotals(ts[3:], false); got != "no amount known" {
		t.Errorf("nothing known: %q", got)
	}
}

func TestFormatAmountAndStatus(t *testing.T) {
	tests := []struct {
		p    Project
		want string
	}{
		{Project{AmountUSDm: Num(906), AmountBasis: BasisLoan, AmountYear: Num(2012), TotalCostUSDm: Num(3890), TotalCostYear: Num(2016)},
			"$906 m loan (2012), of a whole-project cost of $3.89 bn (2016)"},
		{Project{AmountUSDm: Num(2660), AmountBasis: BasisContractValue, AmountYear: Num(2014)}, "$2.66 bn contract value (2014)"},
		{Project{AmountUSDm: Num(1400), AmountBasis: BasisTotalCost}, "$1.4 bn whole-project cost"},
		{Project{AmountBasis: BasisLoan}, Unknown},
		{Project{AmountBasis: BasisLoan, TotalCostUSDm: Num(300)}, "whole-project cost $300 m, Korean part not given"},
	}
	for _, tt := range tests {
		if got := FormatProjectAmount(&tt.p); got != tt.want {
			t.Errorf("got %q want %q", got, tt.want)
		}
	}
	for _, tt := range []struct {
		p    Project
		want string
	}{
		{Project{Status: "planned", StatusAsOf: Date{Year: 2014, Month: 9, Day: 8}}, "planned (as of 2014)"},
		{Project{Status: "announced"}, "announced"},
	} {
		if got := StatusText(&tt.p); got != tt.want {
			t.Errorf("got %q want %q", got, tt.want)
		}
	}
	for _, b := range AmountBases {
		if BasisDoc(b) == "" || BasisLabel(b) == b || BasisName(b) == b && b != BasisLoan && b != BasisGrant && b != BasisAgreement && b != BasisPledge {
			t.Errorf("basis %s is not described", b)
		}
	}
	if BasisLabel("") != NoBasis {
		t.Error("no basis")
	}
}

func TestIndicatorPeriods(t *testing.T) {
	ceiling := Indicator{Value: Num(2000), Unit: "USD m", Period: "2024–2027", PeriodStart: Num(2024), PeriodEnd: Num(2027)}
	stock := Indicator{Value: Num(7700), Unit: "USD m", Qualifier: "over", Period: "as of 2025", Year: Num(2025)}
	open := Indicator{Value: Num(2500), Unit: "USD m", PeriodStart: Num(2018)}
	tests := []struct {
		in                   Indicator
		period, years, shown string
		ref                  int
	}{
		{ceiling, "2024–2027", "2024–2027", "$2 bn (2024–2027)", 2027},
		{stock, "as of 2025", "2025", "over $7.7 bn (2025)", 2025},
		{open, "from 2018", "from 2018", "$2.5 bn (from 2018)", 2018},
	}
	for _, tt := range tests {
		if got := IndicatorPeriod(&tt.in); got != tt.period {
			t.Errorf("period %q want %q", got, tt.period)
		}
		if got := IndicatorYears(&tt.in); got != tt.years {
			t.Errorf("years %q want %q", got, tt.years)
		}
		if got := WithPeriod(IndicatorValue(&tt.in), &tt.in); got != tt.shown || strings.Contains(got, "(2027)") {
			t.Errorf("shown %q want %q", got, tt.shown)
		}
		if y, ok := tt.in.RefYear(); !ok || y != tt.ref {
			t.Errorf("ref year %d want %d", y, tt.ref)
		}
	}
}

func TestMineralScopes(t *testing.T) {
	gold := Mineral{Production: Num(96.4), ProductionUnit: "t", ProductionYear: Num(2024), ProductionScope: "NMMC (company)",
		WorldRank: Num(7), WorldRankYear: Num(2014), WorldRankScope: "country"}
	if got := ProductionText(&gold); got != "96.4 t (2024), NMMC (company)" {
		t.Errorf("production %q", got)
	}
	if got := WorldRankText(&gold); got != "7th (2014), country" {
		t.Errorf("rank %q", got)
	}
	if !ScopesDiffer(&gold) {
		t.Error("a company's output beside the country's rank")
	}
	uranium := Mineral{Production: Num(4000), ProductionScope: "country (WNA estimate)", WorldRank: Num(5), WorldRankScope: "country"}
	if ScopesDiffer(&uranium) {
		t.Error("both the country's")
	}
	for scope, want := range map[string]string{"country (USGS estimate)": ScopeCountry, "NMMC (company)": ScopeCompany, "AMMC": ScopeCompany, " ": ""} {
		if got := ScopeKind(scope); got != want {
			t.Errorf("%q: %q", scope, got)
		}
	}
}

// The data template's README documents the new columns and every basis.
func TestTemplateReadmeDocumentsBases(t *testing.T) {
	r := TemplateReadme()
	for _, want := range []string{"amount_basis (required column, may be empty)", "total_cost_usd_m (optional)", "part_of (optional)", "status_as_of (required column, may be empty)", "world_rank_scope (optional)", "period_start (optional)", "projects.amount_basis: total-cost, korean-share, loan, grant, contract-value, agreement, pledge"} {
		if !strings.Contains(r, want) {
			t.Errorf("README lacks %q", want)
		}
	}
	for _, b := range AmountBases {
		if !strings.Contains(r, "  "+b+": "+BasisDoc(b)) {
			t.Errorf("README does not explain %s", b)
		}
	}
}
