package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"uzkor/data"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A mineral's detail shows its output year by year: a chart for the
// country and one for each company, never one mixed series, estimates
// marked, the figure and its source on hover, a table twin, and the
// sources of the figures among the mineral's.
func TestMineralProductionCharts(t *testing.T) {
	u, w := newTestUI(t)
	w.Resize(fyne.NewSize(1600, 1000))
	u.ShowTab("minerals")
	m := listOf(t, u, "minerals")
	m.showID("gold")
	d := m.detail
	if len(d.charts) != 2 {
		t.Fatalf("gold has %d charts", len(d.charts))
	}
	country, company := d.charts[0].chart, d.charts[1].chart
	if country.title != "Uzbekistan" || country.unit != "t a year" || company.title != "NMMC (company)" || company.unit != "Moz a year" {
		t.Errorf("titles %q (%s), %q (%s)", country.title, country.unit, company.title, company.unit)
	}
	var years []string
	for _, b := range country.bars {
		years = append(years, b.label)
	}
	if !slices.Equal(years, []string{"2020", "2023"}) {
		t.Errorf("country years %v: a year without a figure is drawn", years)
	}
	mustShow(t, seen(d.content()), "Production by year (2 series)", "Uzbekistan as a whole", "NMMC (company)", "119.6", "3.1")
	// Hover says the figure, whose it is and its source.
	c := d.charts[0].chart
	hb := c.rend.hitBoxes[1]
	c.MouseMoved(desktopMouse(fyne.NewPos(hb.pos.X+hb.size.Width/2, hb.pos.Y+hb.size.Height/2)))
	mustShow(t, seen(c), "2023: 119.6 t (2023), country · The Korea Herald")
	// Its CSV button writes the figures in the series' unit.
	dir := t.TempDir()
	u.pref().setStr("export.folder", dir)
	test.Tap(d.charts[0].export)
	save(t, w)
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) != 1 {
		t.Fatalf("the CSV button wrote %v", files)
	}
	b, _ := os.ReadFile(files[0])
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), data.BOM))).ReadAll()
	if err != nil || len(recs) != 3 || recs[0][4] != "unit" || recs[1][4] != "t" || recs[2][3] != "119.6" {
		t.Errorf("the chart's CSV: %q %v", recs, err)
	}
	closeDialogs(u, w)
	// The table twin.
	test.Tap(d.charts[0].toggle)
	mustShow(t, seen(d.charts[0].table), "Category", "2020", "101.6", "2023: 119.6 t (2023), country")
	// Estimates are marked, and another source's figure for a year is
	// named beside the main one.
	m.showID("uranium")
	ur := m.detail.charts[0].chart
	if !ur.bars[0].estimate || !strings.HasSuffix(ur.bars[0].text, " e") || ur.legend[1].label != "estimate (e)" {
		t.Errorf("uranium 2021: %+v, legend %+v", ur.bars[0], ur.legend)
	}
	if !strings.Contains(ur.bars[0].detail, "other sources: 3,526 tU") {
		t.Errorf("uranium 2021 detail %q", ur.bars[0].detail)
	}
	mustShow(t, seen(m.detail.content()), "[s3] Uranium in Uzbekistan")
	// Tungsten has no series: no chart, no empty section.
	m.showID("tungsten")
	if len(m.detail.charts) != 0 || shows(seen(m.detail.content()), "Production by year") {
		t.Error("a mineral without figures shows a production section")
	}
}

// The presentation has small charts of the minerals' output over the
// years, each saying whose output it is.
func TestProductionSlide(t *testing.T) {
	u, _ := openUI(t, test.NewTempApp(t), bundled(t))
	var found *slide
	for _, s := range u.slides(nil) {
		if s.title == "Production over the years" {
			found = &s
		}
	}
	if found == nil {
		t.Fatal("no production slide")
	}
	a := test.NewTempApp(t)
	p := newPresenter([]slide{*found}, newTheme(themeProjector), fyne.NewSize(1920, 1080), nil)
	w := a.NewWindow("slide")
	w.SetPadded(false)
	w.SetContent(p)
	w.Resize(fyne.NewSize(1920, 1080))
	mustShow(t, seen(p), "Production over the years", "Uranium: Uzbekistan", "tU a year", "Gold: Uzbekistan", "4,000 e", "2024")
	if shows(seen(p), "Zinc") {
		t.Error("a series of zeros is drawn")
	}
}
