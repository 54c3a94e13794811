package ui

import (
	"cmp"
	"image/color"
	"io"
	"math"
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
	tabInfo
	env    *env
	cards  []*headline
	charts []*chartCard
	scroll *container.Scroll
	body   fyne.CanvasObject

	// projectSources are the sources the projects cite, which a card and
	// the charts count: a walk over every project, made once.
	projectSources data.List
}

func newOverviewView(e *env) view {
	v := &overviewView{tabInfo: e.tab, env: e}
	v.projectSources = e.data.SourcesCited("projects", nil)
	v.cards = v.headlines()
	v.charts = v.buildCharts()

	title := widget.NewLabelWithStyle(tr("overview.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
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
	v.scroll = container.NewVScroll(container.NewPadded(container.NewVBox(title, sub, cards, widget.NewSeparator(), charts)))
	v.body = v.scroll
	return v
}

func (v *overviewView) content() fyne.CanvasObject { return v.body }

// snapshot keeps which charts show their table twin, and how far down
// the page is scrolled.
func (v *overviewView) snapshot() func(view) {
	var tables []bool
	for _, c := range v.charts {
		tables = append(tables, c.table.Visible())
	}
	offset := v.scroll.Offset
	return func(o view) {
		c := o.(*overviewView)
		for i, cc := range c.charts {
			if i < len(tables) && tables[i] {
				cc.flip()
			}
		}
		c.scroll.Offset = offset
		c.scroll.Refresh()
	}
}

// asOfText says how recent the data is and how much stands behind it.
func asOfText(d *data.Dataset) string {
	sources := lc().Rows("sources", len(d.Sources))
	if asOf := d.AsOf(); asOf.Known() {
		return tr("overview.sub-dated", "Date", lc().Date(asOf), "Sources", sources)
	}
	return tr("overview.sub", "Sources", sources)
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
		return tr("overview.no-source")
	}
	s, ok := v.env.data.Source(ids[0])
	if !ok {
		return tr("overview.source", "Source", ids[0])
	}
	line := tr("overview.source", "Source", lc().SourceMeta(s))
	if len(ids) > 1 {
		line = trn("overview.and-more", len(ids)-1, "Text", line)
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
			out = append(out, v.newHeadline(data.Unknown, fallbackLabel, tr("overview.no-figure"), nil))
			return
		}
		l := lc()
		out = append(out, v.newHeadline(l.IndicatorValue(in), l.IndicatorLabel(in), l.IndicatorPeriod(in), in.Sources))
	}
	indicator("investment", tr("overview.card.investment"))
	indicator("companies", tr("overview.card.companies"))
	indicator("edcf-programme", tr("overview.card.edcf"))
	indicator("trade", tr("overview.card.trade"))

	projectSources := v.projectSources
	projects := v.newHeadline(projectsText(len(d.Projects)), tr("overview.card.projects"),
		tr("overview.card.projects-amounts", "Amounts", basisDetail(d.TotalsByBasis(nil))), nil)
	projects.source.SetText(tr("overview.card.projects-sources", "Count", len(projectSources)))
	projects.source.OnTapped = func() { v.env.nav.show("projects", "") }
	out = append(out, projects)

	// The list's sources: those that every critical mineral's row cites.
	crit := d.CriticalMinerals()
	var critSources data.List
	for k, i := range crit {
		if k == 0 {
			critSources = slices.Clone(d.Minerals[i].Sources)
			continue
		}
		critSources = slices.DeleteFunc(critSources, func(s string) bool { return !d.Minerals[i].Sources.Has(s) })
	}
	out = append(out, v.newHeadline(tr("overview.n-of", "N", len(crit), "Of", len(d.Minerals)),
		tr("overview.card.critical"), tr("overview.card.critical-period"), critSources))
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

func (v *overviewView) newChartCard(c *barChart) *chartCard { return newChartCard(v.env.nav, c) }

// newChartCard puts a chart on a card with its table twin and a CSV button.
func newChartCard(nav navigator, c *barChart) *chartCard {
	// The table twin is made when first asked for: most are never shown.
	cc := &chartCard{chart: c, table: container.NewStack()}
	cc.table.Hide()
	cc.toggle = widget.NewButtonWithIcon(tr("chart.show-table"), theme.ListIcon(), cc.flip)
	cc.toggle.Importance = widget.LowImportance
	cc.export = widget.NewButtonWithIcon(tr("chart.csv"), theme.DocumentSaveIcon(), func() {
		c := cc.chart
		name := strings.ToLower(strings.NewReplacer(" ", "-", "'", "", ",", "", ":", "").Replace(c.name()))
		nav.saveCSV(tr("chart.export-title"), name, trn("chart.rows-of", len(c.bars), "Title", c.title), func(w io.Writer, bom bool) error { return c.writeCSV(w, bom) })
	})
	cc.export.Importance = widget.LowImportance
	// The buttons sit at the top right, beside the chart's own title.
	corner := container.NewVBox(container.NewHBox(layout.NewSpacer(), cc.toggle, cc.export))
	c.reserve = cc.toggle.MinSize().Width + cc.export.MinSize().Width + theme.Padding()*2
	cc.box = newPanel(container.NewStack(c, cc.table, corner))
	return cc
}

// flip shows the chart's numbers as a table, or the chart again.
func (cc *chartCard) flip() {
	if cc.table.Visible() {
		cc.table.Hide()
		cc.chart.Show()
		cc.toggle.SetText(tr("chart.show-table"))
		cc.toggle.SetIcon(theme.ListIcon())
		return
	}
	if len(cc.table.Objects) == 0 {
		cc.table.Objects = []fyne.CanvasObject{chartTable(cc.chart)}
	}
	cc.chart.Hide()
	cc.table.Show()
	cc.toggle.SetText(tr("chart.show-chart"))
	cc.toggle.SetIcon(theme.GridIcon())
}

// chartTable shows a chart's numbers as a table: the category, the value
// as the chart shows it, and what hovering says, wrapped, never cut.
func chartTable(c *barChart) *fyne.Container {
	t := widget.NewLabelWithStyle(c.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cell := func(s string, bold bool) *widget.Label {
		l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		return l
	}
	cells := []fyne.CanvasObject{cell(tr("chart.category"), true), cell(tr("chart.value"), true), cell(tr("chart.detail"), true)}
	for _, b := range c.bars {
		cells = append(cells, cell(b.label, false), cell(b.text, false), cell(b.detail, false))
	}
	grid := container.New(&table{fractions: []float32{0.25, 0.25, 0.5}}, cells...)
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
	projectSources := v.projectSources
	fromProjects := tr("chart.from-projects", "Count", lc().Rows("sources", len(projectSources)), "Publishers", publishers(d, projectSources, 2))
	var out []*chartCard
	for _, c := range []*barChart{v.fundingBySector(), v.projectsByStatus(), v.projectsByFunder(), v.mineralRanks(), v.projectsByYear()} {
		if c.sources == "" {
			c.sources = fromProjects
		}
		out = append(out, v.newChartCard(c))
	}
	return out
}

// drills makes a chart's bars open the projects they count, by the
// column the chart groups them by.
func (v *overviewView) drills(c *barChart, column string) *barChart {
	c.groupBy = column
	c.onTap = func(b bar) {
		if b.key != "" {
			v.env.nav.drill("projects", data.Query{Facets: map[string]string{column: b.key}})
		}
	}
	return c
}

// projectsText counts projects: "1 project", "12 projects".
func projectsText(n int) string { return lc().Rows("projects", n) }

// basisColours give each kind of amount one colour on every chart and
// slide: Okabe–Ito colours, and greys for whole-project costs (not Korean
// money alone) and amounts of unstated kind.
var basisColours = map[string]color.Color{
	data.BasisContractValue: palette[3],
	data.BasisLoan:          palette[0],
	data.BasisKoreanShare:   palette[1],
	data.BasisGrant:         palette[2],
	data.BasisAgreement:     palette[4],
	data.BasisPledge:        palette[5],
	data.BasisTotalCost:     color.NRGBA{R: 0x8c, G: 0x8c, B: 0x8c, A: 0xff},
	"":                      color.NRGBA{R: 0xb0, G: 0xb0, B: 0xb0, A: 0xff},
}

// basisParts are a group's known amounts as the parts of a stacked bar,
// the largest first, and the bases they show.
func basisParts(bases []data.BasisTotal) (parts []segment, shown []string) {
	for _, t := range data.KnownByAmount(bases) {
		parts = append(parts, segment{value: t.Amount, colour: basisColours[t.Basis], kind: t.Basis,
			text: lc().Phrase("totals.part", "Money", lc().MoneyOf(t.Amount), "Label", t.Label)})
		shown = append(shown, t.Basis)
	}
	return parts, shown
}

// basisDetail says what a group's amounts are, basis by basis, and how
// many projects have none: "$2.66 bn of contract values (1 project), $906 m
// of loans (1 project); 1 project without an amount".
func basisDetail(bases []data.BasisTotal) string {
	s := lc().BasisTotals(bases, true)
	unknown, included, known := 0, 0, 0
	for _, t := range bases {
		unknown += t.Unknown
		included += t.Included
		known += t.Known
	}
	switch {
	case known == 0:
		s = lc().Word("totals.none")
	case unknown > 0:
		s += "; " + tr("amounts.without", "Count", projectsText(unknown))
	}
	if included > 0 {
		s += "; " + tr("amounts.inside", "Count", projectsText(included))
	}
	return s
}

// fundingBySector stacks each sector's amounts by what they measure
// (loans, grants, contract values …), which are never added up; the
// legend names the colours. A bar opens the sector's projects.
func (v *overviewView) fundingBySector() *barChart {
	return v.drills(fundingChart(v.env.data, nil), "sector")
}

// fundingChart is the funding-by-sector chart of some projects (nil: all),
// as the Overview and the briefing draw it.
func fundingChart(d *data.Dataset, rows []int) *barChart {
	groups, _ := d.GroupProjectsByBasis("sector", rows)
	var bars []bar
	unknown := 0
	used := map[string]bool{}
	for _, g := range groups {
		parts, shown := basisParts(g.Bases)
		b := bar{key: g.Key, label: g.Label, known: len(parts) > 0, parts: parts}
		for _, p := range parts {
			b.value += p.value // where the stack ends, for the axis only
		}
		for _, k := range shown {
			used[k] = true
		}
		b.text = lc().BasisTotals(g.Bases, false)
		if !b.known {
			b.text = tr("chart.amount-unknown")
		}
		b.detail = g.Label + ": " + basisDetail(g.Bases)
		for _, t := range g.Bases {
			unknown += t.Unknown
		}
		bars = append(bars, b)
	}
	// The longest stack first; sectors with no known amount last.
	slices.SortStableFunc(bars, func(a, b bar) int { return cmp.Compare(b.value, a.value) })
	c := newBarChart(tr("chart.funding"), tr("chart.funding-unit"), bars, barsAcross, moneyTicks)
	c.key, c.valueUnit = "Funding by sector, by kind of amount", "USD m"
	for _, k := range append(slices.Clone(data.AmountBases), "") {
		if used[k] {
			c.legend = append(c.legend, legendEntry{label: lc().BasisLabel(k), colour: basisColours[k]})
		}
	}
	if unknown > 0 {
		c.note = tr("chart.note-unknown", "Count", projectsText(unknown))
	}
	return c
}

// countChart is a chart of the projects per value of a column, in one
// colour: the categories are named beside the bars. A bar opens the
// projects it counts. keep chooses the groups drawn; the others are
// returned.
func (v *overviewView) countChart(key, title, unit, column string, keep func(g data.BasisGroup) bool) (*barChart, []data.BasisGroup) {
	c, rest := countChart(v.env.data, nil, key, title, unit, column, keep)
	return v.drills(c, column), rest
}

// countChart is the chart of some projects (nil: all) per value of a
// column, as the Overview and the briefing draw it.
func countChart(d *data.Dataset, rows []int, key, title, unit, column string, keep func(g data.BasisGroup) bool) (*barChart, []data.BasisGroup) {
	groups, _ := d.GroupProjectsByBasis(column, rows)
	var bars []bar
	var rest []data.BasisGroup
	for _, g := range groups {
		if keep != nil && !keep(g) {
			rest = append(rest, g)
			continue
		}
		b := bar{key: g.Key, label: g.Label, value: float64(g.Count), known: true,
			text:   strconv.Itoa(g.Count),
			detail: tr("chart.group-detail", "Label", g.Label, "Count", projectsText(g.Count), "Amounts", basisDetail(g.Bases))}
		if g.Key == "" {
			b.detail = tr("chart.do-not-say", "Count", projectsText(g.Count), "Amounts", basisDetail(g.Bases))
		}
		bars = append(bars, b)
	}
	c := newBarChart(title, unit, bars, barsAcross, countTicks)
	c.key, c.valueUnit = key, "projects"
	return c, rest
}

// statusChart is the projects-by-status chart of some projects.
func statusChart(d *data.Dataset, rows []int) *barChart {
	c, _ := countChart(d, rows, "Projects by status", tr("chart.by-status"), tr("chart.projects-unit"), "status", nil)
	return c
}

func (v *overviewView) projectsByStatus() *barChart {
	return v.drills(statusChart(v.env.data, nil), "status")
}

// projectsByFunder shows the funders with most projects, and those that
// name none; the rest are counted in the note.
func (v *overviewView) projectsByFunder() *barChart {
	const top = 8
	groups, _ := v.env.data.GroupProjectsByBasis("funder", nil)
	var counts []int
	for _, g := range groups {
		if g.Key != "" {
			counts = append(counts, g.Count)
		}
	}
	slices.Sort(counts)
	slices.Reverse(counts)
	least := 0
	if len(counts) > top {
		least = counts[top-1]
	}
	shown := 0
	c, rest := v.countChart("Projects by funder", tr("chart.by-funder"), tr("chart.by-funder-unit"), "funder", func(g data.BasisGroup) bool {
		if g.Key == "" {
			return true
		}
		if shown >= top || g.Count < least {
			return false
		}
		shown++
		return true
	})
	slices.SortStableFunc(c.bars, func(a, b bar) int {
		if (a.key == "") != (b.key == "") {
			if a.key == "" {
				return 1
			}
			return -1
		}
		return int(b.value - a.value)
	})
	if len(rest) > 0 {
		n := 0
		for _, g := range rest {
			n += g.Count
		}
		c.note = trn("chart.more-funders", len(rest), "Count", projectsText(n))
	}
	return c
}

// mineralRanks places each mineral at its world rank on a rank axis: a
// dot, never a bar, since a rank is not an amount.
func (v *overviewView) mineralRanks() *barChart {
	d := v.env.data
	ranks := d.LatestRanks()
	var bars []bar
	var srcs data.List
	for _, w := range ranks {
		m, _ := d.Mineral(w.MineralID)
		l := lc()
		name := d.NameOf(m.ID)
		b := bar{key: m.ID, label: name, value: float64(w.Rank), known: true, text: l.RankText(w)}
		if w.Year > 0 {
			b.detail = tr("chart.rank-year", "Name", name, "Rank", l.Ordinal(w.Rank), "Year", strconv.Itoa(w.Year))
		} else {
			b.detail = tr("chart.rank", "Name", name, "Rank", l.Ordinal(w.Rank))
		}
		if w.SharePct.Known() {
			share := l.Quantity(w.SharePct, "%")
			if w.ShareYear > 0 && w.ShareYear != w.Year {
				share += " (" + strconv.Itoa(w.ShareYear) + ")"
			}
			b.detail += tr("chart.rank-share", "Share", share)
		}
		if w.Value.Known() {
			if w.WorldValue.Known() {
				b.detail += tr("chart.rank-value-of", "Value", l.Quantity(w.Value, w.Unit), "World", l.Quantity(w.WorldValue, w.Unit))
			} else {
				b.detail += tr("chart.rank-value", "Value", l.Quantity(w.Value, w.Unit))
			}
		}
		for _, s := range w.Sources {
			if !srcs.Has(s) {
				srcs = append(srcs, s)
			}
		}
		bars = append(bars, b)
	}
	c := newBarChart(tr("chart.ranks"), tr("chart.ranks-unit"), bars, rankDots, rankTicks)
	c.key, c.valueUnit = "Uzbekistan's world rank as a producer", "rank"
	c.note = trn("chart.no-rank", len(d.Minerals)-len(ranks))
	c.sources = tr("chart.ranks-sources", "Publishers", publishers(d, srcs, 3))
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
			detail: tr("chart.started", "Year", label, "Count", projectsText(g.Count))})
	}
	// Label every few years when the years are many, so labels do not collide.
	if step := (len(bars) + 9) / 10; step > 1 {
		for i := range bars {
			if i%step != 0 {
				bars[i].label = ""
			}
		}
	}
	c := newBarChart(tr("chart.by-year"), tr("chart.projects-unit"), bars, columnsUp, countTicks)
	c.key, c.valueUnit = "Projects by year started", "projects"
	if none > 0 {
		c.note = trn("chart.no-start", none)
	}
	return v.drills(c, "start_year")
}

// vocabColour gives each word of a vocabulary (a status) its own colour,
// where colour encodes it (the map's markers, with a legend).
func vocabColour(vocab []string, key string) color.Color {
	if i := slices.Index(vocab, key); i >= 0 {
		return palette[i%len(palette)]
	}
	return theme.Color(theme.ColorNamePlaceHolder)
}

// chartColumns are the columns of charts' numbers: one row per bar, or
// per kind of amount of a stacked bar. A chart's CSV has the first
// chartCSVColumns; the Overview's workbook has them all.
var chartColumns = []data.SheetColumn{
	{Name: "chart", Title: "Chart", Kind: data.Text, Doc: "the chart's title"},
	{Name: "category", Title: "Category", Kind: data.Text, Doc: "the bar: a sector, status, funder, mineral or year"},
	{Name: "kind", Title: "Kind of amount", Kind: data.Text, Doc: "what an amount measures (loan, grant, contract value …); kinds are never added up"},
	{Name: "value", Title: "Value", Kind: data.Decimal, Doc: "the bar's length, or one kind of a stacked bar, in the unit; empty when unknown"},
	{Name: "unit", Title: "Unit", Kind: data.Text, Doc: "what the value counts: USD m, projects, rank"},
	{Name: "label", Title: "Label", Kind: data.Text, Doc: "the value as the chart shows it"},
	{Name: "detail", Title: "Detail", Kind: data.Text, Doc: "what hovering over the bar says"},
	{Name: "note", Title: "Note", Kind: data.Text, Doc: "what the chart leaves out"},
	{Name: "source", Title: "Source", Kind: data.Text, Doc: "where the chart's numbers come from"},
}

const chartCSVColumns = 7

// cell is a record's cell in column col of chartColumns.
func (x chartRecord) cell(col int) string {
	switch col {
	case 0:
		return x.c.title
	case 1:
		return x.b.label
	case 2:
		return x.kind
	case 3:
		return x.value
	case 4:
		return x.unit()
	case 5:
		return x.text
	case 6:
		return x.b.detail
	case 7:
		return x.c.note
	}
	return x.c.sources
}

// chartRecord is one row of a chart's numbers: a bar, or one kind of
// amount of a stacked bar.
type chartRecord struct {
	c     *barChart
	b     bar
	kind  string // the kind of amount, for a part of a stacked bar
	value string // rounded as the chart shows it; "" when unknown
	text  string // the value as the chart shows it
}

// chartRecords are charts' numbers, row by row, rounded as the charts
// show them, unknown values empty, each kind of amount on its own row.
func chartRecords(charts []*barChart) []chartRecord {
	round := func(v float64) string { return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) }
	var recs []chartRecord
	for _, ch := range charts {
		for _, b := range ch.bars {
			switch {
			case len(b.parts) > 0:
				for _, p := range b.parts {
					recs = append(recs, chartRecord{ch, b, lc().BasisName(p.kind), round(p.value), p.text})
				}
			case !b.known:
				recs = append(recs, chartRecord{ch, b, "", "", b.text})
			default:
				recs = append(recs, chartRecord{ch, b, "", round(b.value), b.text})
			}
		}
	}
	return recs
}

// unit is the unit of a record's value, "" when it has none.
func (x chartRecord) unit() string {
	if x.value == "" {
		return ""
	}
	return x.c.valueUnit
}

// writeCSV writes charts' numbers: the same figures as their tables.
func (c *barChart) writeCSV(w io.Writer, bom bool, more ...*barChart) error {
	recs := chartRecords(append([]*barChart{c}, more...))
	var header []string
	var numeric []bool
	for _, col := range chartColumns[:chartCSVColumns] {
		header = append(header, col.Name)
		numeric = append(numeric, col.Kind.Numeric())
	}
	return data.WriteRecords(w, header, numeric, len(recs), func(r, col int) string { return recs[r].cell(col) }, bom)
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
	return csvExport{name: "overview", count: n, noun: trn("chart.rows", n),
		write: func(w io.Writer, bom bool) error { return v.charts[0].chart.writeCSV(w, bom, rest...) }}
}

// overviewSlides are the headline figures and one slide per chart.
func (v *overviewView) slides() []slide {
	// Two slides of cards, two cards a row: large figures that fit a 16:9
	// and a 4:3 screen alike.
	cards := func(title string, from, to int) func() fyne.CanvasObject {
		return func() fyne.CanvasObject {
			grid := container.New(&columns{minWidth: 420, maxCols: 2})
			hs := v.headlines()
			for _, h := range hs[from:min(to, len(hs))] {
				h.value.SizeName = theme.SizeNameHeadingText
				grid.Add(h.box)
			}
			return container.NewBorder(slideTitle(title), nil, nil, nil, grid)
		}
	}
	out := []slide{
		{id: "overview:Headline figures", title: tr("overview.slide.headlines"), source: tr("overview.slide.headlines-source"), build: cards(tr("overview.slide.headlines-heading"), 0, 4),
			notes: func() []string { return headlineNotes(v.env.data) }},
		{id: "overview:Projects and minerals", title: tr("overview.slide.projects"), source: tr("overview.slide.projects-source"), build: cards(tr("overview.slide.projects-heading"), 4, 6),
			notes: func() []string { return projectsAndMineralsNotes(v.env.data) }},
	}
	for _, cc := range v.charts {
		c := cc.chart
		out = append(out, slide{
			id:     "overview:" + c.name(),
			title:  c.title,
			source: c.sources,
			build:  func() fyne.CanvasObject { return copyChart(c) },
			notes:  func() []string { return chartNotes(v.env.data, c) },
		})
	}
	return out
}
