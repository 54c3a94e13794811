package data

import (
	"slices"
	"testing"
)

func TestGroupProjects(t *testing.T) {
	d := loadGood(t)
	tests := []struct {
		column string
		want   []Group
	}{
		{"sector", []Group{
			{Key: "health", Label: "Health care", Count: 2, Known: 2, Amount: 227.5},
			{Key: "mining", Label: "Critical minerals and mining", Count: 2, Known: 1, Amount: 120, Unknown: 1},
		}},
		{"status", []Group{ // vocabulary order
			{Key: "planned", Label: "planned", Count: 2, Known: 2, Amount: 247.5},
			{Key: "operational", Label: "operational", Count: 1, Unknown: 1},
			{Key: "completed", Label: "completed", Count: 1, Known: 1, Amount: 100},
		}},
		{"funder", []Group{ // a project with two funders counts in both
			{Key: "Korea Eximbank (EDCF)", Label: "Korea Eximbank (EDCF)", Count: 2, Known: 2, Amount: 227.5},
			{Key: "Shindong Resources", Label: "Shindong Resources", Count: 1, Known: 1, Amount: 120},
			{Key: "Government of Korea", Label: "Government of Korea", Count: 1, Unknown: 1},
			{Key: "KOICA", Label: "KOICA", Count: 1, Unknown: 1},
		}},
		{"start_year", []Group{ // time order
			{Key: "2011", Label: "2011", Count: 1, Known: 1, Amount: 120},
			{Key: "2013", Label: "2013", Count: 1, Known: 1, Amount: 100},
			{Key: "2019", Label: "2019", Count: 2, Known: 1, Amount: 127.5, Unknown: 1},
		}},
		{"end_year", []Group{ // not stated last
			{Key: "2020", Label: "2020", Count: 1, Known: 1, Amount: 100},
			{Key: "", Label: NotStated, Count: 3, Known: 2, Amount: 247.5, Unknown: 1},
		}},
		{"region", []Group{
			{Key: "UZ-TK", Label: "Tashkent city", Count: 2, Known: 2, Amount: 227.5},
			{Key: "UZ-NW", Label: "Navoiy Region", Count: 1, Known: 1, Amount: 120},
			{Key: "UZ-TO", Label: "Tashkent Region", Count: 1, Unknown: 1},
		}},
	}
	for _, tt := range tests {
		got, err := d.GroupProjects(tt.column, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %+v", tt.column, got)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s[%d]: got %+v want %+v", tt.column, i, got[i], tt.want[i])
			}
		}
	}
	if _, err := d.GroupProjects("colour", nil); err == nil {
		t.Error("unknown column accepted")
	}
	// Limited to some rows.
	got, _ := d.GroupProjects("sector", []int{0})
	if len(got) != 1 || got[0].Key != "mining" || got[0].Count != 1 {
		t.Errorf("rows: %+v", got)
	}
}

func TestTotalsAndLatest(t *testing.T) {
	d := loadGood(t)
	if n, known, amount := d.Totals(nil); n != 4 || known != 3 || amount != 347.5 {
		t.Errorf("totals %d %d %v", n, known, amount)
	}
	if n, known, amount := d.Totals([]int{1, 3}); n != 2 || known != 1 || amount != 127.5 {
		t.Errorf("row totals %d %d %v", n, known, amount)
	}
	in, ok := d.Latest("trade")
	if !ok || in.ID != "trade-2025" {
		t.Errorf("latest trade %+v", in)
	}
	if _, ok := d.Latest("weather"); ok {
		t.Error("a series that is not there")
	}
	if got := d.CriticalMinerals(); !equalInts(got, []int{1, 2}) {
		t.Errorf("critical %v", got)
	}
}

func TestRelations(t *testing.T) {
	d := loadGood(t)
	names := func(rows []int, name func(int) string) []string {
		out := []string{}
		for _, r := range rows {
			out = append(out, name(r))
		}
		return out
	}
	sector := func(i int) string { return d.Sectors[i].ID }
	project := func(i int) string { return d.Projects[i].ID }
	mineral := func(i int) string { return d.Minerals[i].ID }
	source := func(i int) string { return d.Sources[i].ID }
	tests := []struct {
		name      string
		got, want []string
	}{
		{"tungsten sectors", names(d.MineralSectors("tungsten"), sector), []string{"mining"}},
		{"tungsten projects", names(d.MineralProjects("tungsten"), project), []string{"tungsten-jv", "rare-metals"}},
		{"gold projects", names(d.MineralProjects("gold"), project), []string{}},
		{"health projects", names(d.SectorProjects("health"), project), []string{"oncology", "childrens"}},
		{"mining minerals", names(d.SectorMinerals("mining"), mineral), []string{"tungsten", "lithium"}},
		{"health minerals", names(d.SectorMinerals("health"), mineral), []string{}},
		{"jv minerals", names(d.ProjectMinerals("tungsten-jv"), mineral), []string{"tungsten"}},
		{"childrens sources", names(d.SourcesOf(d.Projects[2].Sources), source), []string{"s1", "s3"}},
		{"lithium milestones", names(d.MilestonesOf("lithium"), func(i int) string { return d.Milestones[i].Title }), []string{"Supply-chain partnership"}},
	}
	for _, tt := range tests {
		if !equalStrings(tt.got, tt.want) {
			t.Errorf("%s: got %v want %v", tt.name, tt.got, tt.want)
		}
	}
	if n := d.CitationCounts()["s3"]; n != 8 { // lithium, uranium, childrens, two trade figures, three uranium production figures
		t.Errorf("s3 cited by %d", n)
	}
	if tab, row, ok := d.RowOf("oncology"); !ok || tab != "projects" || row != 1 {
		t.Errorf("RowOf %s %d %v", tab, row, ok)
	}
	if d.NameOf("health") != "Health care" || d.NameOf("nope") != "nope" {
		t.Error("NameOf")
	}
}

// The newest milestones come first, as many as asked for and no more than
// there are; milestones of one date keep their file order.
func TestLatestMilestones(t *testing.T) {
	d := &Dataset{Milestones: []Milestone{
		{Title: "a", Date: Date{Year: 2020}},
		{Title: "b", Date: Date{Year: 2024, Month: 5}},
		{Title: "c", Date: Date{Year: 2024, Month: 5}},
		{Title: "d", Date: Date{Year: 2022, Month: 1, Day: 9}},
	}}
	for _, c := range []struct {
		n    int
		want []string
	}{
		{2, []string{"b", "c"}},
		{3, []string{"b", "c", "d"}},
		{10, []string{"b", "c", "d", "a"}},
		{0, []string{}},
	} {
		got := []string{}
		for _, r := range d.LatestMilestones(c.n) {
			got = append(got, d.Milestones[r].Title)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("LatestMilestones(%d) = %v, want %v", c.n, got, c.want)
		}
	}
}
