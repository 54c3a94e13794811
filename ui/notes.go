package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"uzkor/data"
)

// Speaker notes: three to five talking points for each slide, made from
// the same data the slide shows, each with its figure, its year and its
// source. Amounts of different kinds are never added together: totals
// come from data.TotalsByBasis, one kind at a time.

// maxNotes is the most talking points a slide gets.
const maxNotes = 5

// cite names a figure's first source, with its date, and how many more
// there are: "Korea Herald, 12 Jun 2024 (+1 more)".
func cite(d *data.Dataset, ids data.List) string {
	if len(ids) == 0 {
		return tr("notes.no-source")
	}
	s, ok := d.Source(ids[0])
	if !ok {
		return tr("notes.source-id", "ID", ids[0])
	}
	out := lc().SourceMeta(s)
	if len(ids) > 1 {
		out = trn("overview.and-more", len(ids)-1, "Text", out)
	}
	return out
}

// indicatorNote is a headline figure with its period and source:
// "Korean investment in Uzbekistan: over $7.7 bn (as of 2025; Korea
// Herald, 12 Jun 2024)".
func indicatorNote(d *data.Dataset, series string) (string, bool) {
	in, ok := d.Latest(series)
	if !ok {
		return "", false
	}
	l := lc()
	return tr("notes.indicator", "Label", l.IndicatorLabel(in), "Value", l.IndicatorValue(in), "Period", l.IndicatorPeriod(in), "Cite", cite(d, in.Sources)), true
}

// largestProject is the project of the rows with the largest amount of
// one kind, said with its amount, year, funder and source: "National
// Oncology Center, $127.5 m loan (2021) from Korea Eximbank (EDCF);
// source: Korea Herald, 12 Jun 2024".
func largestProject(d *data.Dataset, rows []int, basis string) (string, bool) {
	best := -1
	for _, r := range rows {
		p := d.Projects[r]
		if p.AmountBasis != basis || !p.AmountUSDm.Known() {
			continue
		}
		if best < 0 || p.AmountUSDm.Value > d.Projects[best].AmountUSDm.Value {
			best = r
		}
	}
	if best < 0 {
		return "", false
	}
	p := d.Projects[best]
	l := lc()
	amount := l.Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear)
	var funders string
	switch n := len(p.Funder); {
	case n > 2:
		funders = trn("slides.and-more", n-2, "Names", l.Orgs(p.Funder[:2]))
	case n == 2:
		funders = tr("notes.both", "A", l.Org(p.Funder[0]), "B", l.Org(p.Funder[1]))
	case n == 1:
		funders = l.Org(p.Funder[0])
	}
	if funders == "" {
		return tr("notes.largest", "Project", p.Name, "Amount", amount, "Cite", cite(d, p.Sources)), true
	}
	return tr("notes.largest-from", "Project", p.Name, "Amount", amount, "Funders", funders, "Cite", cite(d, p.Sources)), true
}

// biggestBasis is the kind of amount with the largest total among totals.
func biggestBasis(totals []data.BasisTotal) (data.BasisTotal, bool) {
	var best data.BasisTotal
	found := false
	for _, t := range totals {
		if t.Known > 0 && (!found || t.Amount > best.Amount) {
			best, found = t, true
		}
	}
	return best, found
}

// projectsNote is what some projects add up to, kind by kind, and the
// largest of the kind with the most money: "Health care: 2 projects;
// $227.5 m of loans (2 projects); the largest: National Oncology Center,
// $127.5 m loan (2021) from Korea Eximbank (EDCF); source: …".
func projectsNote(d *data.Dataset, label string, rows []int) string {
	totals := d.TotalsByBasis(rows)
	n := len(rows)
	if rows == nil {
		n = len(d.Projects)
	}
	s := projectsText(n)
	if label != "" {
		s = tr("notes.labelled", "Label", label, "Text", s)
	}
	s += "; " + basisDetail(totals)
	if t, ok := biggestBasis(totals); ok {
		if l, ok := largestProject(d, t.Rows, t.Basis); ok {
			s += "; " + tr("notes.the-largest", "Project", l)
		}
	}
	return s
}

func titleNotes(d *data.Dataset) []string {
	out := []string{tr("notes.sentence", "Text", asOfLine(d))}
	if n, ok := indicatorNote(d, "investment"); ok {
		out = append(out, n)
	}
	out = append(out, tr("notes.projects-in-data", "Amounts", basisDetail(d.TotalsByBasis(nil))))
	out = append(out, tr("notes.every-slide"))
	return out
}

// headlineNotes are the first slide of cards: the indicators, each with
// its period and source.
func headlineNotes(d *data.Dataset) []string {
	var out []string
	for _, s := range []string{"investment", "companies", "edcf-programme", "trade"} {
		if n, ok := indicatorNote(d, s); ok {
			out = append(out, n)
		}
	}
	if len(out) < 3 {
		out = append(out, tr("notes.sentence", "Text", asOfLine(d)))
	}
	return out
}

// projectsAndMineralsNotes are the second slide of cards.
func projectsAndMineralsNotes(d *data.Dataset) []string {
	out := []string{projectsNote(d, tr("notes.in-data"), nil)}
	if t, ok := biggestBasis(d.TotalsByBasis(nil)); ok {
		out = append(out, tr("notes.of-the", "Label", t.Label, "Money", lc().MoneyOf(t.Amount), "Count", projectsText(t.Known), "Publishers", publishers(d, d.SourcesCited("projects", t.Rows), 3)))
	}
	crit := d.CriticalMinerals()
	var names []string
	for _, i := range crit {
		names = append(names, d.NameOf(d.Minerals[i].ID))
	}
	s := tr("notes.critical", "N", len(crit), "Of", len(d.Minerals))
	if len(names) > 0 {
		s = tr("notes.critical-named", "Text", s, "Names", strings.Join(names, ", "))
	}
	out = append(out, s)
	if in, ok := d.Latest("edcf-programme"); ok {
		out = append(out, tr("notes.edcf", "Value", lc().IndicatorValue(in), "Period", lc().IndicatorPeriod(in), "Cite", cite(d, in.Sources)))
	}
	return out
}

// chartNotes are a chart's largest categories, as its hover texts say
// them; a chart of projects adds each category's largest project.
func chartNotes(d *data.Dataset, c *barChart) []string {
	bars := slices.Clone(c.bars)
	slices.SortStableFunc(bars, func(a, b bar) int {
		if c.style == rankDots { // a rank: 1st first
			return cmp.Compare(a.value, b.value)
		}
		return cmp.Compare(b.value, a.value)
	})
	var out []string
	for _, b := range bars {
		if len(out) == 3 {
			break
		}
		if !b.known || b.value == 0 {
			continue
		}
		label := b.label
		if label == "" { // a label left out so that the axis does not crowd
			label = b.key
		}
		if rows, ok := chartRows(d, c, b); ok {
			out = append(out, projectsNote(d, label, rows))
			continue
		}
		text := b.detail
		if text == "" {
			text = tr("notes.labelled", "Label", label, "Text", b.text)
		}
		if w, ok := d.LatestRank(b.key); ok && c.style == rankDots {
			text += tr("notes.source", "Cite", cite(d, w.Sources))
		}
		out = append(out, text)
	}
	if c.note != "" {
		out = append(out, tr("notes.sentence", "Text", c.note))
	}
	if c.sources != "" {
		out = append(out, c.sources)
	}
	if len(out) < 3 {
		out = append(out, tr("notes.sentence", "Text", c.unit))
	}
	return out[:min(len(out), maxNotes)]
}

// chartRows are the projects a bar of a chart of projects counts.
func chartRows(d *data.Dataset, c *barChart, b bar) ([]int, bool) {
	if c.groupBy == "" || b.key == "" {
		return nil, false
	}
	t := d.Table("projects")
	col := t.Column(c.groupBy)
	if col < 0 {
		return nil, false
	}
	var facet *data.Facet
	for _, f := range data.NewView(t, nil).Facets() {
		if f.Name == c.groupBy {
			facet = &f
		}
	}
	var rows []int
	for r := range d.Projects {
		if (facet != nil && slices.Contains(facet.Values(r), b.key)) || (facet == nil && t.Display(r, col) == b.key) {
			rows = append(rows, r)
		}
	}
	return rows, len(rows) > 0
}

// mineralNotes are the first minerals of the table slide, their figures
// with whose they are, their year and their source.
func mineralNotes(d *data.Dataset, rows []int) []string {
	var out []string
	for _, r := range rows {
		if len(out) == 4 {
			break
		}
		m := &d.Minerals[r]
		s := tr("notes.mineral", "Name", d.NameOf(m.ID), "Production", d.ProductionCell(m), "Rank", d.RankCell(m))
		if m.KoreaCritical.Known && m.KoreaCritical.Value {
			s += "; " + tr("minerals.on-critical")
		}
		srcs := m.Sources
		if f, ok := d.LatestFigure(m.ID); ok && len(f.Sources) > 0 {
			srcs = f.Sources // the production figure's own
		}
		out = append(out, s+tr("notes.source", "Cite", cite(d, srcs)))
	}
	out = append(out, tr("notes.minerals-end"))
	return out
}

// productionNotes are the series of the production slide: the first and
// newest years of each, with the source of the newest.
func productionNotes(d *data.Dataset, series []data.Series) []string {
	var out, names []string
	for _, s := range series {
		name := d.NameOf(s.MineralID)
		names = append(names, name)
		if len(out) == 3 {
			continue
		}
		first, last := s.Points[0], s.Last()
		r := &d.ProductionRows[last.Row]
		out = append(out, tr("notes.series", "Name", name, "Figure", lc().FigureText(r), "From", lc().Quantity(d.ProductionRows[first.Row].Value, s.Unit), "Year", strconv.Itoa(first.Year), "Cite", cite(d, r.Sources)))
	}
	return append(out, tr("notes.series-shown", "Names", strings.Join(names, ", ")), tr("notes.series-whose"))
}

// milestoneNotes are the newest milestones with their kind and source.
func milestoneNotes(d *data.Dataset, rows []int) []string {
	var out []string
	for _, r := range rows {
		if len(out) == 4 {
			break
		}
		m := &d.Milestones[r]
		out = append(out, tr("notes.milestone", "Date", lc().Date(m.Date), "Kind", lc().Vocab("kind", m.Kind), "Title", m.Title, "Cite", cite(d, m.Sources)))
	}
	out = append(out, tr("notes.milestones-all", "Count", lc().Rows("milestones", len(d.Milestones))))
	return out
}

// sourceNotes are the sources cited most.
func sourceNotes(d *data.Dataset, rows []int) []string {
	counts := d.CitationCounts()
	out := []string{tr("notes.sources-all", "Count", lc().Rows("sources", len(d.Sources)))}
	for _, r := range rows {
		if len(out) == 4 {
			break
		}
		s := &d.Sources[r]
		out = append(out, s.Title+" ("+lc().SourceMeta(s)+"): "+trn("sources.cited-rows", counts[s.ID]))
	}
	return out
}

// mapNotes say how much of the data is on the map, and the regions with
// most projects.
func mapNotes(d *data.Dataset, placed, nowhere int) []string {
	out := []string{tr("notes.map", "Placed", placed, "Nowhere", nowhere)}
	groups, _ := d.GroupProjectsByBasis("region", nil)
	slices.SortStableFunc(groups, func(a, b data.BasisGroup) int { return b.Count - a.Count })
	for _, g := range groups {
		if len(out) == 3 {
			break
		}
		if g.Key == "" {
			continue
		}
		out = append(out, tr("chart.group-detail", "Label", g.Label, "Count", projectsText(g.Count), "Amounts", basisDetail(g.Bases)))
	}
	return append(out, tr("notes.map-markers"))
}

// listNotes are a list's slides: how many rows of how many, what they add
// up to kind by kind (projects), the first rows, and the sources.
func listNotes(d *data.Dataset, t data.Table, rows []int, filter string) []string {
	n := tr("notes.list-count", "Count", lc().Rows(t.Name(), len(rows)), "Total", t.Len())
	if filter != "" {
		n = tr("notes.list-count-filtered", "Count", lc().Rows(t.Name(), len(rows)), "Total", t.Len(), "Filter", filter)
	}
	out := []string{n}
	if t.Name() == "projects" {
		out = append(out, projectsNote(d, "", rows))
		var planned []string
		for _, r := range rows {
			if p := d.Projects[r]; p.Status != "" && len(planned) < 3 {
				planned = append(planned, p.Name+": "+lc().Status(p))
			}
		}
		if len(planned) > 0 {
			out = append(out, tr("notes.status", "Projects", strings.Join(planned, "; ")))
		}
	} else {
		var names []string
		for _, r := range rows[:min(len(rows), 5)] {
			names = append(names, d.NameOf(t.ID(r)))
		}
		out = append(out, tr("notes.first", "Names", strings.Join(names, ", ")))
	}
	return append(out, tr("notes.sources", "Publishers", publishers(d, d.SourcesCited(t.Name(), rows), 3)))
}
