package ui

import (
	"image/color"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// overviewView is the Overview tab: where the partnership stands, in
// headline figures and charts. A bar opens the list it counts.
type overviewView struct {
	env    *env
	cards  []*headline
	charts []*chartCard
	body   fyne.CanvasObject
}

func newOverviewView(e *env) view {
	v := &overviewView{env: e}
	v.cards = v.headlines()
	v.charts = v.buildCharts()

	title := widget.NewLabelWithStyle("Where the Uzbekistan–Korea partnership stands", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	sub := widget.NewLabel(asOfText(e.data))
	sub.TextStyle.Italic = true
	sub.Wrapping = fyne.TextWrapWord

	var cardBoxes, chartBoxes []fyne.CanvasObject
	for _, c := range v.cards {
		cardBoxes = append(cardBoxes, c.box)
	}
	for _, c := range v.charts {
		chartBoxes = append(chartBoxes, c.box)
	}
	cards := container.New(&columns{minWidth: 260, maxCols: 3}, cardBoxes...)
	charts := container.New(&columns{minWidth: 560, maxCols: 2}, chartBoxes...)
	v.body = container.NewVScroll(container.NewPadded(container.NewVBox(title, sub, cards, widget.NewSeparator(), charts)))
	return v
}

func (v *overviewView) name() string               { return "overview" }
func (v *overviewView) title() string              { return "Overview" }
func (v *overviewView) icon() fyne.Resource        { return theme.HomeIcon() }
func (v *overviewView) content() fyne.CanvasObject { return v.body }

// snapshot keeps which charts show their table twin.
func (v *overviewView) snapshot() func(view) {
	var tables []bool
	for _, c := range v.charts {
		tables = append(tables, c.table.Visible())
	}
	return func(o view) {
		for i, c := range o.(*overviewView).charts {
			if i < len(tables) && tables[i] {
				c.flip()
			}
		}
	}
}

// asOfText says how recent the data is and how much stands behind it.
func asOfText(d *data.Dataset) string {
	s := "From " + strconv.Itoa(len(d.Sources)) + " sources"
	if asOf := d.AsOf(); asOf.Known() {
		s = "Data as of " + data.FormatDate(asOf) + " · " + s
	}
	return s + ". Hover over a bar for its exact value; click it to open the list it counts."
}

// headline is a card with one big figure, its label, period and source.
type headline struct {
	box    fyne.CanvasObject
	value  *widget.Label
	label  *widget.Label
	period *widget.Label
	source *widget.Hyperlink
}

func (v *overviewView) newHeadline(value, label, period string, sources data.List) *headline {
	h := &headline{
		value:  widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		label:  widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		period: widget.NewLabel(period),
	}
	h.value.SizeName = sizeNameHeadline
	h.value.Importance = widget.HighImportance
	h.label.Wrapping = fyne.TextWrapWord
	h.period.TextStyle.Italic = true
	h.period.Wrapping = fyne.TextWrapWord
	h.source = widget.NewHyperlink(v.sourceLine(sources), nil)
	h.source.Wrapping = fyne.TextWrapWord
	h.source.SizeName = theme.SizeNameCaptionText
	if len(sources) > 0 {
		first := sources[0]
		h.source.OnTapped = func() { v.env.nav.show("sources", first) }
	}
	h.box = newPanel(container.NewVBox(h.value, h.label, h.period, h.source))
	return h
}

// sourceLine names a figure's first source and how many more there are.
func (v *overviewView) sourceLine(ids data.List) string {
	if len(ids) == 0 {
		return "No source"
	}
	s, ok := v.env.data.Source(ids[0])
	if !ok {
		return "Source: " + ids[0]
	}
	line := "Source: " + s.Publisher
	if s.Date.Known() {
		line += ", " + data.FormatDate(s.Date)
	}
	if len(ids) > 1 {
		line += " (+" + strconv.Itoa(len(ids)-1) + " more)"
	}
	return line
}

// headlines are the figures an official quotes first.
func (v *overviewView) headlines() []*headline {
	d := v.env.data
	var out []*headline
	indicator := func(series, fallbackLabel string) {
		in, ok := d.Latest(series)
		if !ok {
			out = append(out, v.newHeadline(data.Unknown, fallbackLabel, "no figure in the data", nil))
			return
		}
		out = append(out, v.newHeadline(data.IndicatorValue(in), in.Label, in.Period, in.Sources))
	}
	indicator("investment", "Korean investment in Uzbekistan")
	indicator("companies", "Korean companies")
	indicator("edcf-programme", "EDCF ceiling")
	indicator("trade", "Bilateral trade")

	n, known, amount := d.Totals(nil)
	funded := data.FormatMoney(data.Num(amount))
	projectSources := d.SourcesCited("projects", nil)
	projects := v.newHeadline(strconv.Itoa(n)+" projects", "Funded and joint projects in the data",
		funded+" where the amount is known ("+strconv.Itoa(known)+" of "+strconv.Itoa(n)+"), as reported in the year of each figure", nil)
	projects.source.SetText("Sources: " + strconv.Itoa(len(projectSources)) + ", under each project in the Projects tab")
	projects.source.OnTapped = func() { v.env.nav.show("projects", "") }
	out = append(out, projects)

	crit := d.CriticalMinerals()
	var critSources data.List
	for _, i := range crit {
		for _, s := range d.Minerals[i].Sources {
			if (s == "s23" || s == "s24" || s == "s25") && !critSources.Has(s) {
				critSources = append(critSources, s)
			}
		}
	}
	out = append(out, v.newHeadline(strconv.Itoa(len(crit))+" of "+strconv.Itoa(len(d.Minerals)),
		"Minerals here on Korea's list of 33 critical minerals", "Korea's critical-minerals strategy, Feb 2023", critSources))
	return out
}

// chartCard holds a chart and its table twin, with a toggle between them
// and a button that exports the chart's numbers as CSV.
type chartCard struct {
	chart  *barChart
	table  *fyne.Container
	toggle *widget.Button
	export *widget.Button
	box    fyne.CanvasObject
}

func (v *overviewView) newChartCard(c *barChart) *chartCard {
	// The table twin is made when first asked for: most are never shown.
	cc := &chartCard{chart: c, table: container.NewStack()}
	cc.table.Hide()
	cc.toggle = widget.NewButtonWithIcon("Show as table", theme.ListIcon(), cc.flip)
	cc.toggle.Importance = widget.LowImportance
	cc.export = widget.NewButtonWithIcon("CSV", theme.DocumentSaveIcon(), func() {
		c := cc.chart
		name := strings.ToLower(strings.NewReplacer(" ", "-", "'", "").Replace(c.title))
		v.env.nav.saveCSV("Export the chart's numbers as CSV", name, plural(len(c.bars), "row")+" of "+c.title, func(w io.Writer, bom bool) error { return c.writeCSV(w, bom) })
	})
	cc.export.Importance = widget.LowImportance
	// The buttons sit at the top right, beside the chart's own title.
	corner := container.NewVBox(container.NewHBox(layout.NewSpacer(), cc.toggle, cc.export))
	cc.box = newPanel(container.NewStack(c, cc.table, corner))
	return cc
}

// flip shows the chart's numbers as a table, or the chart again.
func (cc *chartCard) flip() {
	if cc.table.Visible() {
		cc.table.Hide()
		cc.chart.Show()
		cc.toggle.SetText("Show as table")
		cc.toggle.SetIcon(theme.ListIcon())
		return
	}
	if len(cc.table.Objects) == 0 {
		cc.table.Objects = []fyne.CanvasObject{chartTable(cc.chart)}
	}
	cc.chart.Hide()
	cc.table.Show()
	cc.toggle.SetText("Show as chart")
	cc.toggle.SetIcon(theme.GridIcon())
}

// chartTable lists a chart's categories, values and details as text.
func chartTable(c *barChart) *fyne.Container {
	t := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	var cells []fyne.CanvasObject
	for _, b := range c.bars {
		k := widget.NewLabel(b.label)
		k.Truncation = fyne.TextTruncateEllipsis
		val := widget.NewLabel(b.text + " — " + b.detail)
		val.Wrapping = fyne.TextWrapWord
		val.Selectable = true
		cells = append(cells, k, val)
	}
	grid := container.New(layout.NewFormLayout(), cells...)
	items := []fyne.CanvasObject{t, grid}
	if c.note != "" {
		n := widget.NewLabel(c.note)
		n.Wrapping = fyne.TextWrapWord
		n.TextStyle.Italic = true
		items = append(items, n)
	}
	return container.NewVBox(items...)
}

// buildCharts makes the overview's charts from the project and mineral
// data; each bar drills into the list it counts.
func (v *overviewView) buildCharts() []*chartCard {
	d := v.env.data
	projectSources := d.SourcesCited("projects", nil)
	fromProjects := "Sources: the " + strconv.Itoa(len(projectSources)) + " sources the projects cite (" + publishers(d, projectSources, 2) + "); each project lists its own"
	var out []*chartCard
	for _, c := range []*barChart{v.fundingBySector(), v.projectsByStatus(), v.projectsByFunder(), v.mineralRanks(), v.projectsByYear()} {
		if c.sources == "" {
			c.sources = fromProjects
		}
		out = append(out, v.newChartCard(c))
	}
	return out
}

func (v *overviewView) drillProjects(facet string) func(b bar) {
	return func(b bar) {
		q := data.Query{Facets: map[string]string{facet: b.key}}
		v.env.nav.drill("projects", q)
	}
}

func projectsText(n int) string {
	if n == 1 {
		return "1 project"
	}
	return strconv.Itoa(n) + " projects"
}

func (v *overviewView) fundingBySector() *barChart {
	d := v.env.data
	groups, _ := d.GroupProjects("sector", nil)
	slices.SortStableFunc(groups, func(a, b data.Group) int {
		switch {
		case a.Amount > b.Amount:
			return -1
		case a.Amount < b.Amount:
			return 1
		}
		return b.Count - a.Count
	})
	var bars []bar
	unknown := 0
	for _, g := range groups {
		b := bar{key: g.Key, label: g.Label, value: g.Amount, known: g.Known > 0, colour: sectorColour(d, g.Key)}
		b.text = data.FormatMoney(data.Num(g.Amount))
		if g.Known == 0 {
			b.text = "amount unknown"
		}
		if g.Unknown > 0 {
			b.text += " (+" + strconv.Itoa(g.Unknown) + " unknown)"
		}
		b.detail = g.Label + ": " + data.FormatMoney(data.Num(g.Amount)) + " from " + projectsText(g.Known) + " with an amount"
		if g.Unknown > 0 {
			b.detail += "; " + projectsText(g.Unknown) + " without"
		}
		unknown += g.Unknown
		bars = append(bars, b)
	}
	c := newBarChart("Funding by sector", "US$, sum of known amounts as reported", bars, false, moneyTicks)
	c.note = projectsText(unknown) + " have no known amount: counted apart, never as zero"
	c.onTap = v.drillProjects("sector")
	return c
}

func (v *overviewView) projectsByStatus() *barChart {
	groups, _ := v.env.data.GroupProjects("status", nil)
	var bars []bar
	for _, g := range groups {
		bars = append(bars, bar{key: g.Key, label: g.Label, value: float64(g.Count), known: true,
			text:   strconv.Itoa(g.Count),
			detail: g.Label + ": " + projectsText(g.Count) + ", " + data.FormatMoney(data.Num(g.Amount)) + " known from " + strconv.Itoa(g.Known),
			colour: vocabColour(data.Statuses, g.Key)})
	}
	c := newBarChart("Projects by status", "projects", bars, false, countTicks)
	c.onTap = v.drillProjects("status")
	return c
}

func (v *overviewView) projectsByFunder() *barChart {
	groups, _ := v.env.data.GroupProjects("funder", nil)
	slices.SortStableFunc(groups, func(a, b data.Group) int {
		if (a.Key == "") != (b.Key == "") {
			if a.Key == "" {
				return 1
			}
			return -1
		}
		return b.Count - a.Count
	})
	const top = 8
	var bars []bar
	others, otherFunders := 0, 0
	for i, g := range groups {
		if i >= top && g.Key != "" {
			others += g.Count
			otherFunders++
			continue
		}
		b := bar{key: g.Key, label: g.Label, value: float64(g.Count), known: true,
			text:   strconv.Itoa(g.Count),
			detail: g.Label + ": " + projectsText(g.Count) + ", " + data.FormatMoney(data.Num(g.Amount)) + " known from " + strconv.Itoa(g.Known),
			colour: palette[i%len(palette)]}
		if g.Key == "" {
			b.colour = theme.Color(theme.ColorNamePlaceHolder)
			b.detail = projectsText(g.Count) + " do not name their funder"
		}
		bars = append(bars, b)
	}
	c := newBarChart("Projects by funder", "projects (a project with two funders counts for each)", bars, false, countTicks)
	if others > 0 {
		c.note = strconv.Itoa(otherFunders) + " more funders with " + projectsText(others) + " in all are in the Projects list"
	}
	c.onTap = func(b bar) {
		if b.key != "" {
			v.env.nav.drill("projects", data.Query{Facets: map[string]string{"funder": b.key}})
		}
	}
	return c
}

func (v *overviewView) mineralRanks() *barChart {
	d := v.env.data
	var rows []int
	for i, m := range d.Minerals {
		if m.WorldRank.Known {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int { return d.Minerals[a].WorldRank.Int() - d.Minerals[b].WorldRank.Int() })
	var bars []bar
	srcs := d.SourcesCited("minerals", rows)
	for _, i := range rows {
		m := &d.Minerals[i]
		b := bar{key: m.ID, label: m.Name, value: m.WorldRank.Value, known: true, colour: palette[i%len(palette)]}
		b.text = data.WithYear(data.Ordinal(m.WorldRank.Int()), m.WorldRankYear)
		b.detail = m.Name + ": " + b.text + " in the world"
		if m.WorldSharePct.Known {
			b.detail += ", " + data.WithYear(data.FormatQuantity(m.WorldSharePct, "%"), m.WorldShareYear) + " of world production"
		}
		if m.Production.Known {
			b.detail += "; production " + data.WithYear(data.FormatQuantity(m.Production, m.ProductionUnit), m.ProductionYear)
		}
		bars = append(bars, b)
	}
	c := newBarChart("Uzbekistan's world rank as a producer", "rank among the world's producers (1 = largest; a shorter bar is a higher rank)", bars, false, countTicks)
	c.note = strconv.Itoa(len(d.Minerals)-len(rows)) + " minerals have no sourced world rank"
	c.sources = "Sources: " + publishers(d, srcs, 3) + "; each mineral lists its own"
	c.onTap = func(b bar) { v.env.nav.show("minerals", b.key) }
	return c
}

func (v *overviewView) projectsByYear() *barChart {
	groups, _ := v.env.data.GroupProjects("start_year", nil)
	byYear := map[int]data.Group{}
	first, last, none := 0, 0, 0
	for _, g := range groups {
		if g.Key == "" {
			none = g.Count
			continue
		}
		y, _ := strconv.Atoi(g.Key)
		byYear[y] = g
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	var bars []bar
	for y := first; first > 0 && y <= last; y++ {
		g := byYear[y]
		label := strconv.Itoa(y)
		text := ""
		if g.Count > 0 {
			text = strconv.Itoa(g.Count)
		}
		bars = append(bars, bar{key: label, label: label, value: float64(g.Count), known: true, text: text,
			detail: label + ": " + projectsText(g.Count) + " started", colour: palette[0]})
	}
	// Label every few years when the years are many, so labels do not collide.
	if step := (len(bars) + 9) / 10; step > 1 {
		for i := range bars {
			if i%step != 0 {
				bars[i].label = ""
			}
		}
	}
	c := newBarChart("Projects by year started", "projects", bars, true, countTicks)
	if none > 0 {
		c.note = projectsText(none) + " have no known start year"
	}
	c.onTap = v.drillProjects("start_year")
	return c
}

// sectorColour gives a sector the same colour on every chart and slide:
// the palette colour of its place in sectors.csv.
func sectorColour(d *data.Dataset, id string) color.Color {
	for i := range d.Sectors {
		if d.Sectors[i].ID == id {
			return palette[i%len(palette)]
		}
	}
	return theme.Color(theme.ColorNamePlaceHolder)
}

// vocabColour gives each word of a vocabulary (a status) its own colour.
func vocabColour(vocab []string, key string) color.Color {
	if i := slices.Index(vocab, key); i >= 0 {
		return palette[i%len(palette)]
	}
	return theme.Color(theme.ColorNamePlaceHolder)
}

// chartHeader is the header of a chart's CSV: one row per bar.
var chartHeader = []string{"chart", "category", "value", "label", "detail"}

// records writes a chart's bars as CSV: the same numbers as its table.
func (c *barChart) writeCSV(w io.Writer, bom bool, more ...*barChart) error {
	charts := append([]*barChart{c}, more...)
	type rec struct {
		c *barChart
		b bar
	}
	var recs []rec
	for _, ch := range charts {
		for _, b := range ch.bars {
			recs = append(recs, rec{ch, b})
		}
	}
	return data.WriteRecords(w, chartHeader, []bool{false, false, true, false, false}, len(recs), func(r, col int) string {
		x := recs[r]
		switch col {
		case 0:
			return x.c.title
		case 1:
			return x.b.label
		case 2:
			if !x.b.known {
				return ""
			}
			return strconv.FormatFloat(x.b.value, 'f', -1, 64)
		case 3:
			return x.b.text
		}
		return x.b.detail
	}, bom)
}

// csv is the Overview's CSV export: every chart's numbers.
func (v *overviewView) csv() csvExport {
	n := 0
	var rest []*barChart
	for i, cc := range v.charts {
		n += len(cc.chart.bars)
		if i > 0 {
			rest = append(rest, cc.chart)
		}
	}
	return csvExport{name: "overview", count: n, noun: "chart rows",
		write: func(w io.Writer, bom bool) error { return v.charts[0].chart.writeCSV(w, bom, rest...) }}
}

// overviewSlides are the headline figures and one slide per chart.
func (v *overviewView) slides() []slide {
	out := []slide{{
		title:  "Headline figures",
		source: "Each figure's source is under it",
		build: func() fyne.CanvasObject {
			grid := container.NewGridWithColumns(3)
			for _, h := range v.headlines() {
				h.value.SizeName = theme.SizeNameHeadingText
				grid.Add(h.box)
			}
			return container.NewBorder(slideTitle("Where the partnership stands"), nil, nil, nil, grid)
		},
	}}
	for _, cc := range v.charts {
		c := cc.chart
		out = append(out, slide{
			title:  c.title,
			source: c.sources,
			build: func() fyne.CanvasObject {
				s := newBarChart(c.title, c.unit, c.bars, c.columns, c.ticks)
				s.note = c.note
				return s
			},
		})
	}
	return out
}
