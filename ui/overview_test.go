package ui

import (
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// showChart lays a chart out in a window of the given size.
func showChart(t *testing.T, c *barChart, w, h float32) {
	t.Helper()
	a := test.NewTempApp(t)
	win := a.NewWindow("chart")
	win.SetContent(c)
	win.Resize(fyne.NewSize(w, h))
	c.Resize(fyne.NewSize(w, h))
	c.Refresh()
	t.Cleanup(win.Close)
}

func TestBarLengthsProportional(t *testing.T) {
	bars := []bar{
		{label: "A", value: 100, known: true, text: "100"},
		{label: "B", value: 50, known: true, text: "50"},
		{label: "C", value: 0, known: true, text: "0"},
		{label: "Unknown one", known: false, text: "amount unknown"},
		{label: "An extremely long category label that cannot fit beside the bars at all", value: 25, known: true, text: "25"},
	}
	c := newBarChart("Test chart", "units", bars, false, nil)
	showChart(t, c, 600, 400)
	r := c.rend
	wA, wB, wC, wE := r.rects[0].Size().Width, r.rects[1].Size().Width, r.rects[2].Size().Width, r.rects[4].Size().Width
	if wA <= 0 || math.Abs(float64(wB/wA)-0.5) > 0.01 || math.Abs(float64(wE/wA)-0.25) > 0.01 {
		t.Errorf("lengths not proportional: %v %v %v", wA, wB, wE)
	}
	if wC != 0 {
		t.Errorf("a zero bar has length %v", wC)
	}
	// An unknown value is drawn apart: an outline, not a filled bar, and
	// its label says so.
	if r.rects[3].StrokeWidth == 0 {
		t.Error("unknown bar is not an outline")
	}
	if _, _, _, a := r.rects[3].FillColor.RGBA(); a != 0 {
		t.Error("unknown bar is filled")
	}
	if r.values[3].Text != "amount unknown" {
		t.Errorf("unknown value label %q", r.values[3].Text)
	}
	// Every category and value is labelled; the long one is elided.
	for i, b := range bars {
		if r.labels[i].Text == "" || r.values[i].Text == "" {
			t.Errorf("bar %d unlabelled", i)
		}
		if i < 4 && r.labels[i].Text != b.label {
			t.Errorf("label %q shown as %q", b.label, r.labels[i].Text)
		}
	}
	if l := r.labels[4].Text; !strings.HasSuffix(l, "…") || len(l) >= len(bars[4].label) {
		t.Errorf("long label not elided: %q", l)
	}
	if r.title.Text != "Test chart" || r.unit.Text != "units" {
		t.Errorf("title %q unit %q", r.title.Text, r.unit.Text)
	}
	// The axis has round ticks from 0 to a nice maximum.
	if r.tickText[0].Text != "0" || r.tickText[len(r.tickText)-1].Text != "100" {
		t.Errorf("ticks %q … %q", r.tickText[0].Text, r.tickText[len(r.tickText)-1].Text)
	}
	// Bars stay inside the chart.
	for i, rect := range r.rects {
		if rect.Position().X+rect.Size().Width > 600 || rect.Position().Y+rect.Size().Height > 400 {
			t.Errorf("bar %d outside the chart", i)
		}
	}
}

func TestColumnsChart(t *testing.T) {
	bars := []bar{{label: "2019", value: 2, known: true, text: "2"}, {label: "2020", value: 0, known: true}, {label: "2021", value: 4, known: true, text: "4"}}
	c := newBarChart("Years", "projects", bars, true, countTicks)
	showChart(t, c, 500, 300)
	r := c.rend
	h0, h1, h2 := r.rects[0].Size().Height, r.rects[1].Size().Height, r.rects[2].Size().Height
	if h1 != 0 || math.Abs(float64(h0/h2)-0.5) > 0.01 {
		t.Errorf("column heights %v %v %v", h0, h1, h2)
	}
	// Columns rise from the same baseline.
	if r.rects[0].Position().Y+h0 != r.rects[2].Position().Y+h2 {
		t.Error("columns do not share a baseline")
	}
}

func TestEmptyChart(t *testing.T) {
	c := newBarChart("Nothing", "units", nil, false, nil)
	showChart(t, c, 400, 200)
	found := false
	for _, o := range c.rend.Objects() {
		if o == c.rend.empty {
			found = true
		}
	}
	if !found {
		t.Error("an empty chart does not say so")
	}
}

func TestHoverAndTap(t *testing.T) {
	var tapped string
	bars := []bar{{key: "a", label: "A", value: 1, known: true, text: "1", detail: "A: 1 project"}, {key: "b", label: "B", value: 2, known: true, text: "2", detail: "B: 2 projects"}}
	c := newBarChart("T", "u", bars, false, countTicks)
	c.onTap = func(b bar) { tapped = b.key }
	showChart(t, c, 400, 300)
	hb := c.rend.hitBoxes[1]
	center := fyne.NewPos(hb.pos.X+hb.size.Width/2, hb.pos.Y+hb.size.Height/2)
	c.MouseMoved(desktopMouse(center))
	if c.rend.hover.Text != "B: 2 projects" {
		t.Errorf("hover says %q", c.rend.hover.Text)
	}
	c.MouseOut()
	if c.rend.hover.Text != "" {
		t.Errorf("hover left %q", c.rend.hover.Text)
	}
	test.TapAt(c, center)
	if tapped != "b" {
		t.Errorf("tapped %q", tapped)
	}
	tapped = ""
	test.TapAt(c, fyne.NewPos(1, 1)) // the title: no bar
	if tapped != "" {
		t.Errorf("title tap drilled into %q", tapped)
	}
}

// The overview's aggregates, checked against values counted by hand from
// resources/projects.csv.
func TestOverviewAggregates(t *testing.T) {
	u, _ := newTestUI(t)
	byTitle := map[string]*barChart{}
	for _, cc := range u.overview.charts {
		byTitle[cc.chart.title] = cc.chart
	}
	find := func(chart, label string) bar {
		c := byTitle[chart]
		if c == nil {
			t.Fatalf("no chart %q", chart)
		}
		for _, b := range c.bars {
			if b.label == label {
				return b
			}
		}
		t.Fatalf("%s: no bar %q", chart, label)
		return bar{}
	}
	tests := []struct {
		chart, label string
		value        float64
		text         string
	}{
		{"Funding by sector", "Health care", 368.5, "$368.5 m"},
		{"Funding by sector", "Chemicals, petrochemicals and gas processing", 9170, "$9.17 bn (+1 unknown)"},
		{"Funding by sector", "Information technology", 1404.5, "$1.4 bn (+2 unknown)"},
		{"Projects by status", "planned", 16, "16"},
		{"Projects by status", "operational", 11, "11"},
		{"Projects by status", "announced", 9, "9"},
		{"Projects by funder", "Korea Eximbank (EDCF)", 11, "11"},
		{"Projects by funder", "KOICA", 3, "3"},
		{"Uzbekistan's world rank as a producer", "Uranium", 5, "5th (2024)"},
	}
	for _, tt := range tests {
		b := find(tt.chart, tt.label)
		if math.Abs(b.value-tt.value) > 1e-6 || b.text != tt.text {
			t.Errorf("%s / %s: %v %q, want %v %q", tt.chart, tt.label, b.value, b.text, tt.value, tt.text)
		}
	}
	// Sectors with no known amount are outlined, not zero-length bars.
	if b := find("Funding by sector", "Semiconductors"); b.known || b.text != "amount unknown (+1 unknown)" {
		t.Errorf("semiconductors %+v", b)
	}
	if n := byTitle["Funding by sector"].note; n != "12 projects have no known amount: counted apart, never as zero" {
		t.Errorf("note %q", n)
	}
	// The headline cards.
	want := []string{"over $7.7 bn", "726 companies", "$2 bn", "$1.7 bn", "40 projects", "16 of 23"}
	for i, h := range u.overview.cards {
		if h.value.Text != want[i] {
			t.Errorf("card %d shows %q, want %q", i, h.value.Text, want[i])
		}
		if h.source.Text == "" || h.period.Text == "" {
			t.Errorf("card %d lacks its period or source", i)
		}
	}
	if u.overview.cards[2].period.Text != "2024–2027" {
		t.Errorf("EDCF period %q", u.overview.cards[2].period.Text)
	}
	if !strings.HasPrefix(u.overview.cards[4].period.Text, "$12.46 bn where the amount is known (28 of 40)") {
		t.Errorf("projects card %q", u.overview.cards[4].period.Text)
	}
}

// Tapping a bar opens the list it counts, filtered; the status line says
// so and Clear filters removes it.
func TestDrillThrough(t *testing.T) {
	u, _ := newTestUI(t)
	var sector *barChart
	for _, cc := range u.overview.charts {
		if cc.chart.title == "Funding by sector" {
			sector = cc.chart
		}
	}
	for _, b := range sector.bars {
		if b.key == "health" {
			sector.onTap(b)
		}
	}
	lv := u.projects.listView
	if u.CurrentTab() != "projects" || lv.view.Query().Facets["sector"] != "health" {
		t.Fatalf("tab %s query %+v", u.CurrentTab(), lv.view.Query())
	}
	if len(lv.view.Rows()) != 5 || !strings.Contains(lv.status.Text, "filtered by sector Health care") {
		t.Errorf("%d rows, status %q", len(lv.view.Rows()), lv.status.Text)
	}
	test.Tap(lv.clear)
	if len(lv.view.Rows()) != 40 {
		t.Errorf("clear left %d rows", len(lv.view.Rows()))
	}
	// A mineral's rank bar opens the mineral.
	for _, cc := range u.overview.charts {
		if strings.HasPrefix(cc.chart.title, "Uzbekistan's world rank") {
			cc.chart.onTap(cc.chart.bars[0])
		}
	}
	if u.CurrentTab() != "minerals" || u.data.Minerals[u.minerals.selected].ID != "uranium" {
		t.Errorf("rank drill: %s", u.CurrentTab())
	}
	// A year column opens the projects started that year.
	for _, cc := range u.overview.charts {
		if cc.chart.title == "Projects by year started" {
			for _, b := range cc.chart.bars {
				if b.key == "2024" {
					cc.chart.onTap(b)
				}
			}
		}
	}
	for _, r := range lv.view.Rows() {
		if u.data.Projects[r].StartYear.Int() != 2024 {
			t.Errorf("%s started %v", u.data.Projects[r].ID, u.data.Projects[r].StartYear)
		}
	}
}

func TestChartTableTwin(t *testing.T) {
	u, _ := newTestUI(t)
	cc := u.overview.charts[0]
	test.Tap(cc.toggle)
	if cc.chart.Visible() || !cc.table.Visible() || cc.toggle.Text != "Show as chart" {
		t.Fatal("toggle did not show the table")
	}
	labels := labelTexts(cc.table)
	if !strings.Contains(labels, "Health care") || !strings.Contains(labels, "$368.5 m — Health care: $368.5 m from 5 projects with an amount") {
		t.Errorf("table twin lacks the numbers:\n%s", labels)
	}
	test.Tap(cc.toggle)
	if !cc.chart.Visible() || cc.table.Visible() {
		t.Error("toggle back failed")
	}
}

func TestColumnsLayoutAdapts(t *testing.T) {
	l := &columns{minWidth: 560, maxCols: 2}
	if l.cols(1400) != 2 || l.cols(900) != 1 || l.cols(100) != 1 {
		t.Errorf("cols %d %d", l.cols(1400), l.cols(900))
	}
	c := container.New(l, newBarChart("a", "", nil, false, nil), newBarChart("b", "", nil, false, nil))
	c.Resize(fyne.NewSize(1400, 800))
	if c.Objects[1].Position().X == 0 {
		t.Error("wide: the second chart is not beside the first")
	}
	c.Resize(fyne.NewSize(800, 800))
	if c.Objects[1].Position().X != 0 || c.Objects[1].Position().Y == 0 {
		t.Error("narrow: the second chart is not under the first")
	}
}

func TestTimeline(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("timeline")
	v := u.timeline
	d := u.data
	if len(v.shown) != len(d.Milestones) {
		t.Fatalf("%d of %d shown", len(v.shown), len(d.Milestones))
	}
	first, last := d.Milestones[v.shown[0]].Date, d.Milestones[v.shown[len(v.shown)-1]].Date
	if first.Before(last) {
		t.Errorf("newest first starts at %v and ends at %v", first, last)
	}
	v.order.SetSelected(oldestFirst)
	if d.Milestones[v.shown[0]].Date.Year != 1996 && !d.Milestones[v.shown[0]].Date.Before(d.Milestones[v.shown[1]].Date) {
		t.Errorf("oldest first starts at %v", d.Milestones[v.shown[0]].Date)
	}
	v.kind.choose("funding")
	for _, r := range v.shown {
		if d.Milestones[r].Kind != "funding" {
			t.Errorf("kind filter let %q through", d.Milestones[r].Kind)
		}
	}
	test.Type(v.filter, "EDCF")
	if len(v.shown) == 0 {
		t.Fatal("no agreement mentions EDCF")
	}
	tab := v.view.Table()
	for _, r := range v.shown {
		text := ""
		for _, c := range []string{"title", "description", "related"} {
			text += tab.Display(r, tab.Column(c)) + " "
		}
		if !strings.Contains(strings.ToLower(text), "edcf") {
			t.Errorf("%q does not match EDCF", text)
		}
	}
	if !strings.Contains(v.status.Text, `filtered by "EDCF", kind funding`) {
		t.Errorf("status %q", v.status.Text)
	}
	// A related record opens in its tab.
	v.filter.SetText("")
	v.kind.choose("")
	for _, r := range v.shown {
		if links := v.links[r]; len(links) > 0 {
			tapLink(links[0])
			break
		}
	}
	if u.CurrentTab() == "timeline" {
		t.Error("a related link did not open its tab")
	}
}

func TestTimelineSeptember2023(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("timeline")
	test.Type(u.timeline.filter, "framework")
	found := false
	for _, r := range u.timeline.shown {
		m := u.data.Milestones[r]
		if m.Date.Year == 2023 && m.Date.Month == 9 {
			found = true
		}
	}
	if !found {
		t.Error("the September 2023 framework is not on the timeline")
	}
}
