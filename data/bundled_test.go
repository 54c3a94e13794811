package data_test

import (
	"slices"
	"strings"
	"testing"

	"uzkor/data"
	"uzkor/resources"
)

func bundled(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatalf("the bundled data does not load:\n%v", err)
	}
	return d
}

func TestBundledLoadsCleanly(t *testing.T) {
	d := bundled(t)
	if len(d.Warnings) != 0 {
		t.Fatalf("warnings:\n%v", d.Warnings)
	}
}

func TestBundledCounts(t *testing.T) {
	d := bundled(t)
	for _, id := range []string{"gold", "copper", "uranium", "silver", "tungsten", "molybdenum", "lithium", "rhenium", "zinc", "lead", "rare-earths", "graphite"} {
		if _, ok := d.Mineral(id); !ok {
			t.Errorf("mineral %s missing", id)
		}
	}
	for _, id := range []string{"mining", "semiconductors", "green-hydrogen", "pharmaceuticals", "chemicals", "textiles", "agriculture", "energy", "education", "health", "it", "automotive", "transport"} {
		if _, ok := d.Sector(id); !ok {
			t.Errorf("sector %s missing", id)
		}
	}
	// The interview's ventures, each a project that cites it.
	for _, id := range []string{"tashkent-semiconductor-cluster", "center-for-chemical-technologies", "rare-metals-center", "daewon-textile-technopark", "tashkent-pharma-park-phase-1", "tashkent-pharma-park-phase-2", "national-oncology-center", "multiprofile-medical-center", "e-commerce-modernization"} {
		p, ok := d.Project(id)
		if !ok {
			t.Errorf("project %s missing", id)
			continue
		}
		if !p.Sources.Has("s1") {
			t.Errorf("project %s does not cite the interview", id)
		}
	}
	// Brief section C's 38 projects with the interview's additions.
	if len(d.Projects) < 38 || len(d.Minerals) < 12 || len(d.Sectors) < 13 || len(d.Milestones) < 20 || len(d.Indicators) < 10 {
		t.Errorf("counts: %d projects, %d minerals, %d sectors, %d milestones, %d indicators",
			len(d.Projects), len(d.Minerals), len(d.Sectors), len(d.Milestones), len(d.Indicators))
	}
	withPartner := 0
	for _, p := range d.Projects {
		if len(p.KoreanPartner) > 0 || len(p.Funder) > 0 {
			withPartner++
		}
	}
	if withPartner < 31 {
		t.Errorf("%d projects name a Korean partner or funder, want at least 31", withPartner)
	}
}

// Every figure of the interview is in the loaded data, where a user will
// find it, citing the interview.
func TestInterviewFigures(t *testing.T) {
	d := bundled(t)
	ind := func(id string) *data.Indicator {
		in, ok := d.Indicator(id)
		if !ok {
			t.Fatalf("indicator %s missing", id)
		}
		if !in.Sources.Has("s1") {
			t.Errorf("indicator %s does not cite the interview", id)
		}
		return in
	}
	if in := ind("korean-investment-2025"); data.IndicatorValue(in) != "over $7.7 bn" {
		t.Errorf("investment shows %q", data.IndicatorValue(in))
	}
	if in := ind("korean-companies-2025"); data.IndicatorValue(in) != "726 companies" {
		t.Errorf("companies show %q", data.IndicatorValue(in))
	}
	if in := ind("edcf-ceiling-2024-2027"); data.IndicatorValue(in) != "$2 bn" || in.Period != "2024–2027" {
		t.Errorf("EDCF ceiling shows %q for %q", data.IndicatorValue(in), in.Period)
	}
	sep2023 := false
	for _, m := range d.Milestones {
		if m.Date.Year == 2023 && m.Date.Month == 9 && m.Sources.Has("s1") && strings.Contains(m.Title+m.Description, "Framework") {
			sep2023 = true
		}
	}
	if !sep2023 {
		t.Error("the September 2023 framework programme is not a milestone citing the interview")
	}
	it, _ := d.Sector("it")
	if !strings.Contains(it.Description, "2040") || !strings.Contains(it.Description, "Zero Risk") || !strings.Contains(it.Description, "IT Business Alliance") || !it.Sources.Has("s1") {
		t.Errorf("IT sector lacks the interview's IT Park facts: %q", it.Description)
	}
	strategy2030 := 0
	for _, id := range []string{"multiprofile-medical-center", "national-oncology-center", "tashkent-pharma-park-phase-1"} {
		p, _ := d.Project(id)
		if strings.Contains(p.Description+p.Notes, "2030") {
			strategy2030++
		}
	}
	if strategy2030 != 3 {
		t.Errorf("the 2030 strategy is on %d of the 3 projects the minister ties to it", strategy2030)
	}
}

// Each row of the five cited files names a source that exists (the loader
// checks both; this guards against the rules being relaxed).
func TestBundledEverythingSourced(t *testing.T) {
	d := bundled(t)
	for _, tab := range d.Tables() {
		if tab.Name() == "sources" {
			continue
		}
		for r := 0; r < tab.Len(); r++ {
			srcs := tab.Sources(r)
			if len(srcs) == 0 {
				t.Errorf("%s line %d has no source", tab.File(), tab.Line(r))
			}
			for _, s := range srcs {
				if _, ok := d.Source(s); !ok {
					t.Errorf("%s line %d cites %s, which is not in sources.csv", tab.File(), tab.Line(r), s)
				}
			}
		}
	}
	counts := d.CitationCounts()
	for _, s := range d.Sources {
		if counts[s.ID] == 0 {
			t.Errorf("source %s is cited by no row", s.ID)
		}
	}
}

// BenchmarkLoadBundled is the budget "load and validate the bundled data:
// under 5 ms".
func BenchmarkLoadBundled(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := data.Load(resources.Data); err != nil {
			b.Fatal(err)
		}
	}
}

// A loader tells of each file before it is read and once it is read, in
// turn: the app starts a collection once the projects are read.
func TestLoaderTellsOfEachFileBeforeAndAfter(t *testing.T) {
	var log []string
	l := data.Loader{
		Progress: func(file string) { log = append(log, "before "+file) },
		Read:     func(file string) { log = append(log, "after "+file) },
	}
	if _, err := l.Load(resources.Data); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range data.Files {
		want = append(want, "before "+f, "after "+f)
	}
	if !slices.Equal(log, want) {
		t.Errorf("the loader told\n%q\nnot\n%q", log, want)
	}
}
