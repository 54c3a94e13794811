package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"uzkor/data"

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
	c := newBarChart("Test chart", "units", bars, barsAcross, nil)
	showChart(t, c, 600, 400)
	r := c.rend
	wA, wB, wC, wE := r.rects[0][0].Size().Width, r.rects[1][0].Size().Width, r.rects[2][0].Size().Width, r.rects[4][0].Size().Width
	if wA <= 0 || math.Abs(float64(wB/wA)-0.5) > 0.01 || math.Abs(float64(wE/wA)-0.25) > 0.01 {
		t.Errorf("lengths not proportional: %v %v %v", wA, wB, wE)
	}
	if wC != 0 {
		t.Errorf("a zero bar has length %v", wC)
	}
	// An unknown value is drawn apart: an outline, not a filled bar, and
	// its label says so.
	if r.rects[3][0].StrokeWidth == 0 {
		t.Error("unknown bar is not an outline")
	}
	if _, _, _, a := r.rects[3][0].FillColor.RGBA(); a != 0 {
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
	for i, parts := range r.rects {
		rect := parts[0]
		if rect.Position().X+rect.Size().Width > 600 || rect.Position().Y+rect.Size().Height > 400 {
			t.Errorf("bar %d outside the chart", i)
		}
	}
}

// Long tick labels on a narrow chart are thinned out, never drawn over
// each other; on a wide one each tick has its label.
func TestLongTicksNeverTouch(t *testing.T) {
	bars := []bar{{label: "A", value: 10000, known: true, text: "10 000"}, {label: "B", value: 2500, known: true, text: "2 500"}}
	long := func(v float64) string { return lc().Number(v) + " mlrd dollar" }
	for _, width := range []float32{420, 1600} {
		c := newBarChart("Wide ticks", "units", bars, barsAcross, long)
		showChart(t, c, width, 300)
		labelled, right := 0, float32(0)
		for _, tt := range c.rend.tickText {
			if tt.Text == "" {
				continue
			}
			labelled++
			if tt.Position().X < right {
				t.Errorf("at %v px, tick %q starts at %v, over the one before it (ending at %v)", width, tt.Text, tt.Position().X, right)
			}
			right = tt.Position().X + fyne.MeasureText(tt.Text, tt.TextSize, tt.TextStyle).Width
		}
		if labelled < 2 {
			t.Errorf("at %v px only %d ticks labelled", width, labelled)
		}
		if width > 1000 && labelled != len(c.rend.tickText) {
			t.Errorf("at %v px %d of %d ticks labelled, want all", width, labelled, len(c.rend.tickText))
		}
	}
}

func TestColumnsChart(t *testing.T) {
	bars := []bar{{label: "2019", value: 2, known: true, text: "2"}, {label: "2020", value: 0, known: true}, {label: "2021", value: 4, known: true, text: "4"}}
	c := newBarChart("Years", "projects", bars, columnsUp, countTicks)
	showChart(t, c, 500, 300)
	r := c.rend
	h0, h1, h2 := r.rects[0][0].Size().Height, r.rects[1][0].Size().Height, r.rects[2][0].Size().Height
	if h1 != 0 || math.Abs(float64(h0/h2)-0.5) > 0.01 {
		t.Errorf("column heights %v %v %v", h0, h1, h2)
	}
	// Columns rise from the same baseline.
	if r.rects[0][0].Position().Y+h0 != r.rects[2][0].Position().Y+h2 {
		t.Error("columns do not share a baseline")
	}
}

func TestEmptyChart(t *testing.T) {
	c := newBarChart("Nothing", "units", nil, barsAcross, nil)
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
	c := newBarChart("T", "u", bars, barsAcross, countTicks)
	c.onTap = func(b bar) { tapped = b.key }
	showChart(t, c, 400, 300)
	hb := c.rend.hitBoxes[1]
	center := fyne.NewPos(hb.pos.X+hb.size.Width/2, hb.pos.Y+hb.size.Height/2)
	c.MouseMoved(desktopMouse(center))
	if got := seen(c); !slices.Contains(got, "B: 2 projects") {
		t.Errorf("hover shows %q", got)
	}
	// The tooltip is beside the pointer, not at the chart's foot.
	if tip := c.rend.tipBox; tip.Position().Y > center.Y || tip.Position().Y+tip.Size().Height < center.Y-50 || tip.Position().X < center.X {
		t.Errorf("tooltip at %v for a pointer at %v", tip.Position(), center)
	}
	// Within the same bar the tooltip follows the pointer.
	was := c.rend.tipBox.Position()
	c.MouseMoved(desktopMouse(center.Add(fyne.NewPos(-20, 3))))
	if got := seen(c); !slices.Contains(got, "B: 2 projects") || c.rend.tipBox.Position() == was {
		t.Errorf("moving over the bar: %q, tip at %v, was %v", got, c.rend.tipBox.Position(), was)
	}
	c.MouseOut()
	if got := seen(c); slices.Contains(got, "B: 2 projects") {
		t.Errorf("hover left %q", got)
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

// chartNamed finds a chart of the Overview by its title.
func chartNamed(t *testing.T, u *UI, title string) *chartCard {
	t.Helper()
	for _, cc := range viewOf[*overviewView](t, u, "overview").charts {
		if strings.HasPrefix(cc.chart.title, title) {
			return cc
		}
	}
	t.Fatalf("no chart %q", title)
	return nil
}

// The overview's aggregates, checked against values counted by hand from
// the fixture (data/testdata/good), and as the user reads them on screen.
func TestOverviewAggregates(t *testing.T) {
	u, w := newTestUI(t)
	find := func(chart, label string) bar {
		for _, b := range chartNamed(t, u, chart).chart.bars {
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
		{"Funding by sector", "Health care", 227.5, "$227.5 m of loans"},
		{"Funding by sector", "Critical minerals and mining", 120, "$120 m of agreements"},
		{"Projects by status", "planned", 2, "2"},
		{"Projects by status", "completed", 1, "1"},
		{"Projects by status", "operational", 1, "1"},
		{"Projects by funder", "Korea Eximbank (EDCF)", 2, "2"},
		{"Projects by funder", "KOICA", 1, "1"},
		{"Uzbekistan's world rank", "Uranium", 5, "5th (2024)"},
		{"Uzbekistan's world rank", "Gold", 10, "10th (2023)"},
	}
	for _, tt := range tests {
		b := find(tt.chart, tt.label)
		if math.Abs(b.value-tt.value) > 1e-6 || b.text != tt.text {
			t.Errorf("%s / %s: %v %q, want %v %q", tt.chart, tt.label, b.value, b.text, tt.value, tt.text)
		}
	}
	if n := chartNamed(t, u, "Funding by sector").chart.note; n != "1 project without a known amount: counted apart, never as zero" {
		t.Errorf("note %q", n)
	}
	// Each kind of amount is its own part of the bar, in its own colour,
	// named in the legend; kinds are never added into one figure.
	mining := find("Funding by sector", "Critical minerals and mining")
	if len(mining.parts) != 1 || mining.parts[0].kind != data.BasisAgreement || mining.parts[0].colour != basisColours[data.BasisAgreement] {
		t.Errorf("mining parts %+v", mining.parts)
	}
	if want := "Critical minerals and mining: $120 m of agreements (1 project); 1 project without an amount"; mining.detail != want {
		t.Errorf("detail %q, want %q", mining.detail, want)
	}
	if got := chartNamed(t, u, "Funding by sector").chart.legend; len(got) != 2 || got[0].label != "loans" || got[1].label != "agreements" {
		t.Errorf("legend %+v", got)
	}
	// A rank is a dot on a rank axis, not a bar's length.
	// The newest rank of the production series, with its share and the
	// world total it was counted from.
	if ranks := chartNamed(t, u, "Uzbekistan's world rank").chart; ranks.style != rankDots || find("Uzbekistan's world rank", "Uranium").detail != "Uranium: 5th among producing countries in 2024, 6.6% of world output; 4,000 tU of 60,213 tU" {
		t.Errorf("ranks: style %v, uranium %q", ranks.style, find("Uzbekistan's world rank", "Uranium").detail)
	}
	// What the user reads: the cards with their periods and sources, and
	// the charts' titles, bars and values.
	u.ShowTab("overview")
	w.Resize(fyne.NewSize(1600, 2400))
	mustShow(t, seen(w.Canvas().Content()),
		"over $7.7 bn", "Korean investment in Uzbekistan", "as of 2025", "Source: The Korea Herald, Sep 2025",
		"$1.7 bn", "Bilateral trade",
		"4 projects", "Amounts by kind, never added up: $227.5 m of loans (2 projects), $120 m of",
		"2 of 4", "Funding by sector", "Health care", "$227.5 m of loans", "Projects by status", "planned",
		"loans", "agreements", "13th", "1st")
}

// Tapping a bar opens the list it counts, filtered; the status line says
// so and Clear filters removes it.
func TestDrillThrough(t *testing.T) {
	u, w := newTestUI(t)
	tap := func(chart, key string) {
		c := chartNamed(t, u, chart).chart
		for _, b := range c.bars {
			if b.key == key {
				c.onTap(b)
				return
			}
		}
		t.Fatalf("%s: no bar %s", chart, key)
	}
	tap("Funding by sector", "health")
	lv := listOf(t, u, "projects")
	if u.CurrentTab() != "projects" || lv.view.Query().Facets["sector"] != "health" {
		t.Fatalf("tab %s query %+v", u.CurrentTab(), lv.view.Query())
	}
	if !slices.Equal(visibleIDs(lv), []string{"oncology", "childrens"}) {
		t.Errorf("rows %v", visibleIDs(lv))
	}
	mustShow(t, seen(w.Canvas().Content()), "2 of 4 projects", "filtered by sector Health care")
	test.Tap(lv.clear)
	if len(lv.view.Rows()) != 4 {
		t.Errorf("clear left %d rows", len(lv.view.Rows()))
	}
	// A mineral's rank bar opens the mineral.
	tap("Uzbekistan's world rank", "uranium")
	if u.CurrentTab() != "minerals" || listOf(t, u, "minerals").selectedID() != "uranium" {
		t.Errorf("rank drill: %s", u.CurrentTab())
	}
	// A year column opens the projects started that year.
	tap("Projects by year started", "2019")
	if !slices.Equal(visibleIDs(lv), []string{"oncology", "rare-metals"}) {
		t.Errorf("started 2019: %v", visibleIDs(lv))
	}
}

func TestChartTableTwin(t *testing.T) {
	u, _ := newTestUI(t)
	cc := chartNamed(t, u, "Funding by sector")
	test.Tap(cc.toggle)
	if cc.chart.Visible() || !cc.table.Visible() || cc.toggle.Text != "Show as chart" {
		t.Fatal("toggle did not show the table")
	}
	mustShow(t, seen(cc.table), "Category", "Value", "Detail", "Critical minerals and mining", "$120 m of agreements", "Health care: $227.5 m of loans (2 projects)")
	// No cell of the table is cut short.
	for _, s := range seen(cc.table) {
		if strings.HasSuffix(s, "…") {
			t.Errorf("the table cuts %q", s)
		}
	}
	test.Tap(cc.toggle)
	if !cc.chart.Visible() || cc.table.Visible() {
		t.Error("toggle back failed")
	}
}

func TestColumnsLayoutAdapts(t *testing.T) {
	l := &columns{minWidth: 560, maxCols: 2}
	if l.cols(1400, nil) != 2 || l.cols(900, nil) != 1 || l.cols(100, nil) != 1 {
		t.Errorf("cols %d %d", l.cols(1400, nil), l.cols(900, nil))
	}
	c := container.New(l, newBarChart("a", "", nil, barsAcross, nil), newBarChart("b", "", nil, barsAcross, nil))
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
	u, w := newTestUI(t)
	u.ShowTab("timeline")
	v := viewOf[*timelineView](t, u, "timeline")
	if got := seen(v.items); len(got) < 4 || got[0] != "2024" {
		t.Fatalf("newest first: %q", got)
	}
	mustShow(t, seen(w.Canvas().Content()), "2024", "14 Jun 2024", "Supply-chain partnership", "2023", "Sep 2023", "Framework programme signed", "2 milestones")
	v.order.SetSelected(v.order.Options[1])
	if got := seen(v.items); got[0] != "2023" {
		t.Errorf("oldest first starts with %q", got[0])
	}
	v.kind.choose("policy")
	if !slices.Equal(v.showing, []int{1}) {
		t.Errorf("policy: %v", v.showing)
	}
	v.kind.choose("")
	test.Type(v.filter, "supply")
	if !slices.Equal(v.showing, []int{0}) {
		t.Errorf("supply: %v", v.showing)
	}
	mustShow(t, seen(v.status), `1 of 2 milestones · filtered by "supply"`)
	// A related record opens in its tab.
	tapLink(v.links[0][0])
	if u.CurrentTab() != "sectors" || listOf(t, u, "sectors").selectedID() != "mining" {
		t.Errorf("a related link opened %s", u.CurrentTab())
	}
}

// Colour means something or nothing: a chart whose bars differ in colour
// has a legend that names every colour; the others use one colour. Ranks
// are dots in rank order, the largest producer first.
func TestChartColoursNeedALegend(t *testing.T) {
	u, _ := openUI(t, test.NewTempApp(t), bundled(t))
	for _, cc := range viewOf[*overviewView](t, u, "overview").charts {
		c := cc.chart
		colours := map[string]bool{}
		for _, b := range c.bars {
			if b.colour != nil {
				colours[fmt.Sprint(b.colour)] = true
			}
			for _, p := range b.parts {
				colours[fmt.Sprint(p.colour)] = true
			}
		}
		named := map[string]bool{}
		for _, l := range c.legend {
			named[fmt.Sprint(l.colour)] = true
		}
		for col := range colours {
			if len(colours) > 1 && !named[col] {
				t.Errorf("%s: colour %s means nothing named in a legend", c.title, col)
			}
		}
	}
	ranks := chartNamed(t, u, "Uzbekistan's world rank").chart
	for i := 1; i < len(ranks.bars); i++ {
		if ranks.bars[i-1].value > ranks.bars[i].value {
			t.Errorf("rank %v before %v", ranks.bars[i-1].value, ranks.bars[i].value)
		}
	}
}
