package ui

import (
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// A briefing is a one- or two-page PDF to hand out: the partnership's
// headline figures, charts and tables with numbered sources, or the rows a
// filtered list shows. This file says what a briefing contains; pdfbriefing.go
// lays it out on paper.

// selection is the rows of a list that a briefing is about: the briefer
// capability of a list view, or the headless -briefing -export VIEW.
type selection struct {
	table  string // "projects"
	rows   []int  // the rows shown, in the list's order
	cols   []int  // the list's columns
	filter string // what the filters keep: `"pharma", sector Health care`; "" for none
}

// selection is what the list shows, when a filter is on: a briefing from
// an unfiltered list is about the whole partnership.
func (lv *listView) selection() (selection, bool) {
	f := lv.filterDescription()
	if f == "" {
		return selection{}, false
	}
	return selection{table: lv.tab, rows: slices.Clone(lv.view.Rows()), cols: slices.Clone(lv.table.cols), filter: f}, true
}

// BriefingRequest is a briefing asked for without a window: of the whole
// partnership, or of a list with a filter and sort as in the app.
type BriefingRequest struct {
	Table  string // "" for the partnership; else a list: projects, minerals, sectors, sources
	Filter string // matched as the filter box matches
	Sort   string // "column" or "column:desc"
	Paper  string // "a4" (default) or "letter"
}

// briefingTables are the lists a briefing can be about.
var briefingTables = []string{"projects", "minerals", "sectors", "sources"}

// WriteBriefing writes the briefing a request asks for as PDF. It needs
// a Fyne app for drawing the charts (no window).
func WriteBriefing(d *data.Dataset, r BriefingRequest, w io.Writer) (pages int, err error) {
	d.SetLocale(lc()) // its cells in the language of its words
	paper, ok := paperNamed(r.Paper)
	if !ok {
		return 0, &data.RequestError{Part: "paper", Err: errors.New("no paper size " + strconv.Quote(r.Paper) + " (expected a4 or letter)")}
	}
	var sel *selection
	if r.Table != "" {
		if !slices.Contains(briefingTables, r.Table) {
			return 0, &data.RequestError{Part: "table", Err: errors.New("no briefing of " + strconv.Quote(r.Table) + " (expected one of " + strings.Join(briefingTables, ", ") + ")")}
		}
		t := d.Table(r.Table)
		q := data.Query{Text: r.Filter}
		if r.Sort != "" {
			col, desc, err := data.ParseSort(r.Sort)
			if err != nil {
				return 0, &data.RequestError{Part: "sort", Err: err}
			}
			q.Sort, q.Desc = col, desc
		}
		v := data.NewView(t, nil)
		if err := v.Set(q); err != nil {
			return 0, &data.RequestError{Part: "sort", Err: err}
		}
		s := selection{table: r.Table, rows: v.Rows(), cols: t.DefaultColumns()}
		if f := strings.TrimSpace(r.Filter); f != "" {
			s.filter = strconv.Quote(f)
		}
		sel = &s
	}
	return writeBriefing(w, newBriefing(d, sel), paper)
}

// briefing is what a briefing says, all as text but the charts.
type briefing struct {
	title    string
	subtitle string
	asOf     string // "Data as of 22 Oct 2025", or "" when no source is dated
	figures  []briefFigure
	charts   []*barChart // drawn side by side; the first is the wider
	aside    []string    // beside the second chart, under it: what the charts add up to
	sections []briefSection
	sources  []*data.Source // numbered from 1, as cited
	citeNote string         // how the rows cite their sources
}

// briefFigure is a headline figure: its value, what it is, the period it
// covers and its sources.
type briefFigure struct {
	value, label, period, cite string
}

// briefSection is a table under a heading.
type briefSection struct {
	title string
	cols  []briefCol
	rows  [][]string
	note  string // under the table
}

// briefCol is a column of a table: its heading and share of the width.
type briefCol struct {
	title string
	share float64
}

// citations numbers sources in the order they are first cited. A row of a
// table cites at most max of its sources (0: all), then says how many more
// there are.
type citations struct {
	d   *data.Dataset
	ids []string
	num map[string]int
	max int
}

func (c *citations) number(id string) (int, bool) {
	if _, ok := c.d.Source(id); !ok {
		return 0, false
	}
	n, ok := c.num[id]
	if !ok {
		c.ids = append(c.ids, id)
		n = len(c.ids)
		c.num[id] = n
	}
	return n, true
}

// all cites every source given: "[1, 4]"; "" for none.
func (c *citations) all(ids data.List) string { return c.cite(ids, 0) }

// row cites a table row's sources, at most c.max of them: "[3, 7] +4".
func (c *citations) row(ids data.List) string { return c.cite(ids, c.max) }

func (c *citations) cite(ids data.List, limit int) string {
	var nums []string
	known := 0
	for i, id := range ids {
		if _, ok := c.d.Source(id); !ok || slices.Contains(ids[:i], id) {
			continue
		}
		known++
		if limit > 0 && len(nums) == limit {
			continue
		}
		n, _ := c.number(id)
		nums = append(nums, strconv.Itoa(n))
	}
	if len(nums) == 0 {
		return ""
	}
	s := "[" + strings.Join(nums, ", ") + "]"
	if known > len(nums) {
		s += " +" + strconv.Itoa(known-len(nums))
	}
	return s
}

// maxSources is the most sources a briefing lists in full: more than that
// and each table row cites only its first rowSources, so that two pages
// hold the list. A briefing of a list has the first maxRows of its rows in
// its table (a few pages), and counts them all.
const (
	maxSources = 40
	rowSources = 2
	maxRows    = 100
)

// newBriefing says what a briefing of the partnership (sel nil) or of a
// selection contains.
func newBriefing(d *data.Dataset, sel *selection) *briefing {
	b := makeBriefing(d, sel, 0)
	if len(b.sources) > maxSources {
		b = makeBriefing(d, sel, rowSources)
	}
	return b
}

func makeBriefing(d *data.Dataset, sel *selection, perRow int) *briefing {
	c := &citations{d: d, num: map[string]int{}, max: perRow}
	b := &briefing{}
	if a := d.AsOf(); a.Known() {
		b.asOf = tr("slides.as-of", "Date", lc().Date(a))
	}
	if sel == nil {
		b.partnership(d, c)
	} else {
		b.about(d, c, *sel)
	}
	for _, id := range c.ids {
		s, _ := d.Source(id)
		b.sources = append(b.sources, s)
	}
	b.citeNote = tr("brief.cite-note")
	if perRow > 0 {
		b.citeNote += " " + tr("brief.cite-note-rows", "N", perRow)
	}
	return b
}

// partnership is the briefing of the whole data: headline figures, the
// funding and status charts, the largest projects, the minerals on Korea's
// lists and the latest milestones.
func (b *briefing) partnership(d *data.Dataset, c *citations) {
	b.title = tr("brief.title")
	b.subtitle = tr("brief.subtitle", "App", tr("app.title"))
	b.figures = partnershipFigures(d, c)
	b.projectCharts(d, nil, tr("brief.all-projects", "Count", projectsText(len(d.Projects))))
	b.sections = append(b.sections, largestProjects(d, c, 8), koreaMinerals(d, c), latestMilestones(d, c, 5))
}

// partnershipFigures are the Overview's headline cards, with numbered
// sources.
func partnershipFigures(d *data.Dataset, c *citations) []briefFigure {
	var out []briefFigure
	indicator := func(series, fallback string) {
		in, ok := d.Latest(series)
		if !ok {
			out = append(out, briefFigure{value: data.Unknown, label: fallback, period: tr("overview.no-figure")})
			return
		}
		l := lc()
		out = append(out, briefFigure{value: l.IndicatorValue(in), label: l.IndicatorLabel(in), period: l.IndicatorPeriod(in), cite: c.all(in.Sources)})
	}
	indicator("investment", tr("overview.card.investment"))
	indicator("companies", tr("overview.card.companies"))
	indicator("edcf-programme", tr("overview.card.edcf"))
	indicator("trade", tr("overview.card.trade"))
	known := 0
	for _, t := range d.TotalsByBasis(nil) {
		known += t.Known + t.Included
	}
	out = append(out, briefFigure{value: projectsText(len(d.Projects)), label: tr("overview.card.projects"),
		period: tr("brief.known-amounts", "N", known), cite: tr("brief.own-cite")})
	crit := d.CriticalMinerals()
	out = append(out, briefFigure{value: tr("overview.n-of", "N", len(crit), "Of", len(d.Minerals)),
		label: tr("overview.card.critical"), period: tr("overview.card.critical-period"),
		cite: mineralsCite(d, c, crit)})
	return out
}

// mineralsCite cites what backs a statement about some minerals: the
// sources all their rows cite, else each row's own.
func mineralsCite(d *data.Dataset, c *citations, minerals []int) string {
	if common := commonSources(d, minerals); len(common) > 0 {
		return c.all(common)
	}
	return c.row(d.SourcesCited("minerals", minerals))
}

// commonSources are the sources every one of some minerals cites: those
// that back a statement about all of them.
func commonSources(d *data.Dataset, minerals []int) data.List {
	var out data.List
	for k, i := range minerals {
		if k == 0 {
			out = slices.Clone(d.Minerals[i].Sources)
			continue
		}
		out = slices.DeleteFunc(out, func(s string) bool { return !d.Minerals[i].Sources.Has(s) })
	}
	return out
}

// projectCharts adds the funding and status charts of some projects (nil:
// all) and, beside them, what their amounts add up to kind by kind.
func (b *briefing) projectCharts(d *data.Dataset, rows []int, which string) {
	if rows != nil && len(rows) == 0 {
		return
	}
	funding, status := fundingChart(d, rows), statusChart(d, rows)
	b.charts = []*barChart{funding, status}
	b.aside = append(b.aside, tr("brief.aside-amounts", "Which", which, "Amounts", basisDetail(d.TotalsByBasis(rows))))
	n := len(d.SourcesCited("projects", rows))
	b.aside = append(b.aside, tr("brief.aside-sources", "Which", which, "Sources", lc().Rows("sources", n)))
}

// projectColumns are the columns of a table of projects.
func projectColumns() []briefCol {
	return []briefCol{{tr("brief.col.project"), 0.39}, {tr("brief.col.amount"), 0.3}, {tr("brief.col.status"), 0.17}, {tr("brief.col.sources"), 0.14}}
}

// projectRow is a project as a table row: its name with its sector under
// it, its amount, status and sources.
func projectRow(d *data.Dataset, c *citations, r int) []string {
	p := d.Projects[r]
	l := lc()
	return []string{p.Name + "\n" + d.NameOf(p.Sector), l.ProjectAmount(p), orDash(l.Status(p)), orDash(c.row(p.Sources))}
}

// largestProjects are the projects with the largest amounts, whatever
// they measure (each says what), leaving out the parts of a larger
// project whose amount holds theirs.
func largestProjects(d *data.Dataset, c *citations, n int) briefSection {
	var rows []int
	for i := range d.Projects {
		p := d.Projects[i]
		if !p.AmountUSDm.Known() {
			continue
		}
		if parent, ok := d.Project(p.PartOf); ok && parent.AmountUSDm.Known() {
			continue
		}
		rows = append(rows, i)
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		x, y := d.Projects[a].AmountUSDm.Value, d.Projects[b].AmountUSDm.Value
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return 0
	})
	if len(rows) > n {
		rows = rows[:n]
	}
	s := briefSection{title: tr("brief.largest"), cols: projectColumns(), note: tr("brief.largest-note")}
	for _, r := range rows {
		s.rows = append(s.rows, projectRow(d, c, r))
	}
	return s
}

// mineralColumns are the columns of a table of minerals.
func mineralColumns() []briefCol {
	return []briefCol{{lc().Title("Mineral"), 0.17}, {tr("brief.col.production"), 0.36}, {tr("brief.col.rank"), 0.19}, {tr("brief.col.lists"), 0.14}, {tr("brief.col.sources"), 0.14}}
}

func mineralRow(d *data.Dataset, c *citations, r int) []string {
	m := &d.Minerals[r]
	l := lc()
	return []string{d.NameOf(m.ID), l.ProductionText(m), l.WorldRankText(m), koreaLists(m), orDash(c.row(m.Sources))}
}

// koreaLists says which of Korea's 2023 lists a mineral is on.
func koreaLists(m *data.Mineral) string {
	var on []string
	if m.KoreaCritical.Value {
		on = append(on, tr("brief.critical"))
	}
	if m.KoreaStrategic.Value {
		on = append(on, tr("brief.strategic"))
	}
	if len(on) == 0 {
		return yesNo(m.KoreaCritical, "", tr("brief.neither"))
	}
	return strings.Join(on, ", ")
}

// koreaMinerals are the minerals on Korea's lists that have a figure or
// are strategic; the rest of the critical ones are named under the table.
func koreaMinerals(d *data.Dataset, c *citations) briefSection {
	s := briefSection{title: tr("brief.minerals"), cols: mineralColumns()}
	var rest []string
	var restRows []int
	for i := range d.Minerals {
		m := &d.Minerals[i]
		if !m.KoreaCritical.Value && !m.KoreaStrategic.Value {
			continue
		}
		if m.Production.Known() || m.WorldRank.Known() || m.KoreaStrategic.Value {
			s.rows = append(s.rows, mineralRow(d, c, i))
			continue
		}
		rest = append(rest, d.NameOf(m.ID))
		restRows = append(restRows, i)
	}
	s.note = tr("brief.minerals-note")
	if len(rest) > 0 {
		s.note += " " + tr("brief.also-critical", "Names", strings.Join(rest, ", "))
		if cite := mineralsCite(d, c, restRows); cite != "" {
			s.note += " " + cite
		}
		s.note += "."
	}
	return s
}

// latestMilestones are the n most recent milestones, newest first.
func latestMilestones(d *data.Dataset, c *citations, n int) briefSection {
	rows := d.LatestMilestones(n)
	l := lc()
	s := briefSection{title: tr("brief.milestones"), cols: []briefCol{{l.Title("Date"), 0.13}, {l.Title("Milestone"), 0.6}, {l.Title("Kind"), 0.12}, {tr("brief.col.sources"), 0.15}}}
	for _, r := range rows {
		m := &d.Milestones[r]
		s.rows = append(s.rows, []string{l.Date(m.Date), m.Title, l.Vocab("kind", m.Kind), orDash(c.row(m.Sources))})
	}
	return s
}

// about is the briefing of the rows a filtered list shows: their totals,
// their table and their sources.
func (b *briefing) about(d *data.Dataset, c *citations, sel selection) {
	t := d.Table(sel.table)
	nouns := lc().Nouns(t.Name())
	if sel.filter == "" {
		b.title = capitalize(tr("slides.list-all", "Nouns", nouns))
	} else {
		b.title = capitalize(tr("slides.list-filtered", "Nouns", nouns, "Filter", sel.filter))
	}
	count := tr("list.shown-of", "Shown", len(sel.rows), "Count", lc().Rows(t.Name(), t.Len()))
	b.subtitle = tr("brief.selection", "App", tr("app.title"), "Count", count)
	// The table lists the first maxRows; the figures and charts count all.
	listed, order := sel.rows, tr("brief.order")
	if len(listed) > maxRows {
		listed = listed[:maxRows]
		order = tr("brief.order-first", "N", maxRows, "Of", len(sel.rows))
	}
	switch sel.table {
	case "projects":
		b.figures = append(b.figures, briefFigure{value: count, label: tr("brief.in-selection")})
		for _, tot := range d.TotalsByBasis(sel.rows) {
			if tot.Known == 0 {
				continue
			}
			var years []int
			for _, r := range tot.Rows {
				if y := d.Projects[r].AmountYear; y.Known() {
					years = append(years, y.Int())
				}
			}
			b.figures = append(b.figures, briefFigure{value: lc().MoneyOf(tot.Amount), label: tr("brief.of-kind", "Label", tot.Label, "Count", projectsText(tot.Known)),
				period: amountYears(years), cite: c.row(d.SourcesCited("projects", tot.Rows))})
		}
		if n := unknownAmounts(d, sel.rows); n > 0 {
			b.figures[0].period = tr("brief.without-amount", "Count", projectsText(n))
		}
		b.projectCharts(d, sel.rows, tr("brief.selection-projects", "Count", projectsText(len(sel.rows))))
		s := briefSection{title: tr("brief.the", "Nouns", nouns), cols: projectColumns(), note: order + " " + tr("brief.amounts-note")}
		for _, r := range listed {
			s.rows = append(s.rows, projectRow(d, c, r))
		}
		b.sections = append(b.sections, s)
	case "minerals":
		crit, strat := 0, 0
		for _, r := range sel.rows {
			if d.Minerals[r].KoreaCritical.Value {
				crit++
			}
			if d.Minerals[r].KoreaStrategic.Value {
				strat++
			}
		}
		b.figures = append(b.figures, briefFigure{value: count, label: tr("brief.in-selection")},
			briefFigure{value: strconv.Itoa(crit), label: tr("brief.on-critical"), period: tr("brief.feb-2023")},
			briefFigure{value: strconv.Itoa(strat), label: tr("brief.on-strategic"), period: tr("brief.feb-2023")})
		s := briefSection{title: tr("brief.the", "Nouns", nouns), cols: mineralColumns(), note: order + " " + tr("brief.whose-note")}
		for _, r := range listed {
			s.rows = append(s.rows, mineralRow(d, c, r))
		}
		b.sections = append(b.sections, s)
	case "sources":
		// The selection is the list of sources itself.
		for _, r := range listed {
			c.number(d.Sources[r].ID)
		}
		b.figures = append(b.figures, briefFigure{value: count, label: tr("brief.listed-end"), period: order})
	default:
		b.figures = append(b.figures, briefFigure{value: count, label: tr("brief.in-selection")})
		var cols []briefCol
		for _, col := range sel.cols {
			cols = append(cols, briefCol{title: colTitle(t, col), share: 0.85 / float64(len(sel.cols))})
		}
		cols = append(cols, briefCol{title: tr("brief.col.sources"), share: 0.15})
		s := briefSection{title: tr("brief.the", "Nouns", nouns), cols: cols, note: order + " " + tr("brief.list-columns")}
		for _, r := range listed {
			var row []string
			for _, col := range sel.cols {
				row = append(row, orDash(t.Display(r, col)))
			}
			s.rows = append(s.rows, append(row, orDash(c.row(t.Sources(r)))))
		}
		b.sections = append(b.sections, s)
	}
}

// amountYears is the years some amounts are of: "amounts of 2013–2021".
func amountYears(years []int) string {
	if len(years) == 0 {
		return tr("brief.years-not-given")
	}
	lo, hi := slices.Min(years), slices.Max(years)
	if lo == hi {
		return tr("brief.amounts-of", "Years", strconv.Itoa(lo))
	}
	return tr("brief.amounts-of", "Years", strconv.Itoa(lo)+"–"+strconv.Itoa(hi))
}

func unknownAmounts(d *data.Dataset, rows []int) int {
	n := 0
	for _, t := range d.TotalsByBasis(rows) {
		n += t.Unknown
	}
	return n
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return data.Unknown
	}
	return s
}

// The window's side --------------------------------------------------------

// exportBriefingTo writes a briefing to a file, whole or not at all: of
// the selection, or of the partnership when sel is nil.
func (u *UI) exportBriefingTo(path string, sel *selection, paper pdfPaper) (string, int, error) {
	path = withExt(path, ".pdf")
	pages := 0
	b := newBriefing(u.data, sel)
	err := data.WriteFile(path, func(w io.Writer) error {
		var err error
		pages, err = writeBriefing(briefingOut(w), b, paper)
		return err
	})
	if err == nil {
		u.rememberFolder(path)
	}
	return path, pages, err
}

// briefingOut is where a briefing saved from the window goes: the file;
// tests make it fail half-way, as a full disk would.
var briefingOut = func(w io.Writer) io.Writer { return w }

// currentSelection is the filtered list shown, if there is one.
func (u *UI) currentSelection() (selection, bool) {
	if b, ok := u.current().(briefer); ok {
		return b.selection()
	}
	return selection{}, false
}

// showExportBriefing asks where to save a briefing, on what and on which
// paper, then saves it.
func (u *UI) showExportBriefing() {
	if u.win == nil {
		return
	}
	sel, hasSel := u.currentSelection()
	var about *widget.RadioGroup
	if hasSel {
		about = widget.NewRadioGroup([]string{tr("brief.dialog.selection", "Count", lc().Rows(sel.table, len(sel.rows)), "Filter", sel.filter), tr("brief.dialog.partnership")}, nil)
		about.SetSelected(about.Options[0])
		about.Required = true
	}
	// The papers by their names in the language; the one chosen is
	// remembered by its own name (A4, Letter).
	papers := []pdfPaper{paperA4, paperLetter}
	var paper *widget.RadioGroup
	paperLabels := []string{tr("brief.dialog.a4"), tr("brief.dialog.letter")}
	chosenPaper := func() pdfPaper {
		if i := slices.Index(paperLabels, paper.Selected); i >= 0 {
			return papers[i]
		}
		return paperA4
	}
	paper = widget.NewRadioGroup(paperLabels, func(string) {
		u.pref().setStr("export.paper", chosenPaper().name)
	})
	paper.Horizontal = true
	paper.Required = true
	if remembered, ok := paperNamed(u.pref().str("export.paper", paperA4.name)); ok && remembered == paperLetter {
		paper.SetSelected(paperLabels[1])
	} else {
		paper.SetSelected(paperLabels[0])
	}
	extra := container.NewVBox(container.NewHBox(widget.NewLabel(tr("brief.dialog.paper")), paper))
	name := "briefing"
	if hasSel {
		extra.Objects = append([]fyne.CanvasObject{widget.NewLabel(tr("brief.dialog.about")), about}, extra.Objects...)
		name = sel.table + "-briefing"
	}
	u.showSaveDialog(tr("brief.dialog.title"), suggestedName(name, ".pdf"), ".pdf", extra, func(path string) {
		var s *selection
		if hasSel && about.Selected == about.Options[0] {
			s = &sel
		}
		pp := chosenPaper()
		final, pages, err := u.exportBriefingTo(path, s, pp)
		if err != nil {
			u.showError(saveError(final, err))
			return
		}
		what := tr("brief.dialog.on-partnership")
		if s != nil {
			what = tr("brief.dialog.on-selection", "Nouns", lc().Nouns(s.table))
		}
		u.confirmSaved(trn("brief.dialog.saved", pages, "What", what, "Path", shortPath(final)), final)
	})
}
