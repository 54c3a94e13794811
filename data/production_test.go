package data

import (
	"strings"
	"testing"
	"testing/fstest"
)

func loadGoodProduction(t *testing.T) *Dataset {
	t.Helper()
	d, err := Load(goodFS(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestProductionOrder(t *testing.T) {
	d := loadGoodProduction(t)
	if len(d.ProductionRows) != 8 {
		t.Fatalf("%d rows", len(d.ProductionRows))
	}
	var got []string
	for _, i := range d.Production("gold") {
		r := &d.ProductionRows[i]
		got = append(got, r.Scope+" "+r.Year.String())
	}
	if want := []string{"country 2020", "country 2023", "NMMC 2023", "NMMC 2024"}; !equalStrings(got, want) {
		t.Errorf("gold rows %v, want %v", got, want)
	}
	if rows := d.Production("tungsten"); len(rows) != 0 {
		t.Errorf("tungsten has %d rows", len(rows))
	}

	// Two sources for uranium 2021: the first row is the main figure, the
	// second an alternative kept beside it.
	rows := d.Production("uranium")
	if len(rows) != 4 || d.Alternative(rows[0]) || !d.Alternative(rows[1]) || d.ProductionRows[rows[1]].Value.Value != 3526 {
		t.Errorf("uranium rows %v", rows)
	}
}

// A folder without production.csv takes the bundled one. Its figures for
// minerals or sources the folder's files lack are left out with a warning
// each, instead of refusing the folder.
func TestBundledProductionUnderAFolder(t *testing.T) {
	top := goodFS(t)
	delete(top, ProductionFile)
	minerals := string(top[MineralsFile].Data)
	minerals = minerals[:strings.Index(minerals, "\nuranium,")+1]
	top[MineralsFile] = &fstest.MapFile{Data: []byte(minerals)}
	base := fstest.MapFS{ProductionFile: &fstest.MapFile{Data: []byte(`mineral_id,year,value,unit,scope,estimate,world_value,world_rank,world_share_pct,sources,notes
gold,2023,119.6,t,country,,,10,,s1,
uranium,2024,4000,tU,country,yes,,,,s3,
cobalt,2024,10,t,country,,,,,s1,
gold,2024,3.1,Moz,NMMC,,,,,s200;s2,
gold,2023,2.9,Moz,NMMC,,,,,s201,
`)}}
	d, err := Load(Overlay{Top: top, Base: base})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`production.csv: warning: the bundled file has figures for minerals that minerals.csv does not list ("uranium", "cobalt"); those 2 figures are left out (expected a production.csv of your own in the folder, or those minerals in minerals.csv)`,
		`production.csv: warning: the bundled file cites sources that sources.csv does not list ("s200", "s201"); those 2 figures are left out (expected the bundled sources in sources.csv (File > Save data template writes them), or a production.csv of your own in the folder)`,
	}
	var got []string
	for _, p := range d.Warnings {
		got = append(got, p.String())
	}
	if !equalStrings(got, want) {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(d.ProductionRows) != 1 || d.ProductionRows[0].Value.Value != 119.6 || d.tabProduction.Line(0) != 2 || len(d.Production("gold")) != 1 {
		t.Errorf("rows left %+v", d.ProductionRows)
	}

	// The same file in the folder itself is the user's: every dangling
	// reference is an error.
	top[ProductionFile] = base[ProductionFile]
	_, err = Load(Overlay{Top: top, Base: base})
	if err == nil || strings.Count(err.Error(), "\n") != 3 || !strings.Contains(err.Error(), `production.csv:3: column "mineral_id": "uranium" is not an id in minerals.csv`) {
		t.Errorf("the folder's own file: %v", err)
	}
}

func TestProductionText(t *testing.T) {
	r := ProductionRow{Value: Num(148.5), Unit: "kt", Year: Num(2022), Scope: "Almalyk MMC"}
	if got := r.Text(); got != "148.5 kt (2022), Almalyk MMC (company)" {
		t.Errorf("got %q", got)
	}
	if (&ProductionRow{}).Text() != Unknown || ScopeText("country") != "country" || ScopeText("") != "" {
		t.Error("unknown figure or country scope")
	}
	for _, u := range Units {
		if UnitDoc(u) == "" {
			t.Errorf("unit %s has no description", u)
		}
	}
}

func TestTemplateReadmeDocumentsProduction(t *testing.T) {
	readme := TemplateReadme()
	for _, s := range []string{"production.csv: one row per figure", "world_rank (optional)", "Production series", "tU: metric tons of uranium", "production.unit: kg, t, kt"} {
		if !strings.Contains(readme, s) {
			t.Errorf("README lacks %q", s)
		}
	}
}
