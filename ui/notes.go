package ui

import (
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
		return "no source"
	}
	s, ok := d.Source(ids[0])
	if !ok {
		return "source " + ids[0]
	}
	out := s.Publisher
	if s.Date.Known() {
		out += ", " + data.FormatDate(s.Date)
	}
	if len(ids) > 1 {
		out += " (+" + strconv.Itoa(len(ids)-1) + " more)"
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
	return in.Label + ": " + data.IndicatorValue(in) + " (" + data.IndicatorPeriod(in) + "; " + cite(d, in.Sources) + ")", true
}

// largestProject is the project of the rows with the largest amount of
// one kind, said with its amount, year, funder and source: "National
// Oncology Center, $127.5 m loan (2021) from Korea Eximbank (EDCF);
// source: Korea Herald, 12 Jun 2024".
func largestProject(d *data.Dataset, rows []int, basis string) (string, bool) {
	best := -1
	for _, r := range rows {
		p := &d.Projects[r]
		if p.AmountBasis != basis || !p.AmountUSDm.Known {
			continue
		}
		if best < 0 || p.AmountUSDm.Value > d.Projects[best].AmountUSDm.Value {
			best = r
		}
	}
	if best < 0 {
		return "", false
	}
	p := &d.Projects[best]
	s := p.Name + ", " + data.FormatAmount(p.AmountUSDm, p.AmountBasis, p.AmountYear)
	switch n := len(p.Funder); {
	case n > 2:
		s += " from " + strings.Join(p.Funder[:2], ", ") + " and " + strconv.Itoa(n-2) + " more"
	case n > 0:
		s += " from " + strings.Join(p.Funder, " and ")
	}
	return s + "; source: " + cite(d, p.Sources), true
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
		s = label + ": " + s
	}
	s += "; " + basisDetail(totals)
	if t, ok := biggestBasis(totals); ok {
		if l, ok := largestProject(d, t.Rows, t.Basis); ok {
			s += "; the largest: " + l
		}
	}
	return s
}

func titleNotes(d *data.Dataset) []string {
	out := []string{asOfLine(d) + "."}
	if n, ok := indicatorNote(d, "investment"); ok {
		out = append(out, n)
	}
	out = append(out, "The projects in the data: "+basisDetail(d.TotalsByBasis(nil))+"; amounts of different kinds are never added together.")
	out = append(out, "Every slide names its sources at the bottom; the Sources slide lists those cited most.")
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
		out = append(out, asOfLine(d)+".")
	}
	return out
}

// projectsAndMineralsNotes are the second slide of cards.
func projectsAndMineralsNotes(d *data.Dataset) []string {
	out := []string{projectsNote(d, "In the data", nil)}
	if t, ok := biggestBasis(d.TotalsByBasis(nil)); ok {
		out = append(out, "Of the "+t.Label+": "+data.FormatMoney(data.Num(t.Amount))+" over "+projectsText(t.Known)+"; sources: "+publishers(d, d.SourcesCited("projects", t.Rows), 3))
	}
	crit := d.CriticalMinerals()
	var names []string
	for _, i := range crit {
		names = append(names, d.Minerals[i].Name)
	}
	s := strconv.Itoa(len(crit)) + " of the " + strconv.Itoa(len(d.Minerals)) + " minerals are on Korea's list of 33 critical minerals (Korea's critical-minerals strategy, Feb 2023)"
	if len(names) > 0 {
		s += ": " + strings.Join(names, ", ")
	}
	out = append(out, s)
	if in, ok := d.Latest("edcf-programme"); ok {
		out = append(out, "For comparison, the EDCF ceiling: "+data.IndicatorValue(in)+" ("+data.IndicatorPeriod(in)+"; "+cite(d, in.Sources)+"); a ceiling, not money spent.")
	}
	return out
}

// chartNotes are a chart's largest categories, as its hover texts say
// them; a chart of projects adds each category's largest project.
func chartNotes(d *data.Dataset, c *barChart) []string {
	bars := slices.Clone(c.bars)
	slices.SortStableFunc(bars, func(a, b bar) int {
		if c.style == rankDots { // a rank: 1st first
			return int(a.value - b.value)
		}
		switch {
		case a.value > b.value:
			return -1
		case a.value < b.value:
			return 1
		}
		return 0
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
			text = label + ": " + b.text
		}
		if w, ok := d.LatestRank(b.key); ok && c.style == rankDots {
			text += "; source: " + cite(d, w.Sources)
		}
		out = append(out, text)
	}
	if c.note != "" {
		out = append(out, c.note+".")
	}
	if c.sources != "" {
		out = append(out, c.sources)
	}
	if len(out) < 3 {
		out = append(out, c.unit+".")
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
		s := m.Name + ": production " + d.ProductionCell(m) + "; world rank " + d.RankCell(m)
		if m.KoreaCritical.Known && m.KoreaCritical.Value {
			s += "; on Korea's critical list"
		}
		srcs := m.Sources
		if f, ok := d.LatestFigure(m.ID); ok && len(f.Sources) > 0 {
			srcs = f.Sources // the production figure's own
		}
		out = append(out, s+"; source: "+cite(d, srcs))
	}
	out = append(out, "Production is the latest sourced year; a company's output is never the country's, and each figure says whose it is.")
	return out
}

// productionNotes are the series of the production slide: the first and
// newest years of each, with the source of the newest.
func productionNotes(d *data.Dataset, series []data.Series) []string {
	var out, names []string
	for _, s := range series {
		m, _ := d.Mineral(s.MineralID)
		names = append(names, m.Name)
		if len(out) == 3 {
			continue
		}
		first, last := s.Points[0], s.Last()
		r := &d.ProductionRows[last.Row]
		out = append(out, m.Name+": "+r.Text()+", from "+data.FormatQuantity(d.ProductionRows[first.Row].Value, s.Unit)+" in "+strconv.Itoa(first.Year)+"; source: "+cite(d, r.Sources))
	}
	return append(out, "The slide shows "+strings.Join(names, ", ")+": only years with a sourced figure are drawn; estimates are paler and marked e.",
		"A company's series is its own output, never the country's; each chart's title says whose.")
}

// milestoneNotes are the newest milestones with their kind and source.
func milestoneNotes(d *data.Dataset, rows []int) []string {
	var out []string
	for _, r := range rows {
		if len(out) == 4 {
			break
		}
		m := &d.Milestones[r]
		out = append(out, data.FormatDate(m.Date)+" ("+m.Kind+"): "+m.Title+"; source: "+cite(d, m.Sources))
	}
	out = append(out, strconv.Itoa(len(d.Milestones))+" milestones in all, in the Timeline tab.")
	return out
}

// sourceNotes are the sources cited most.
func sourceNotes(d *data.Dataset, rows []int) []string {
	counts := d.CitationCounts()
	out := []string{strconv.Itoa(len(d.Sources)) + " sources in all; every figure in the app shows its own under its detail."}
	for _, r := range rows {
		if len(out) == 4 {
			break
		}
		s := &d.Sources[r]
		when := ""
		if s.Date.Known() {
			when = ", " + data.FormatDate(s.Date)
		}
		out = append(out, s.Title+" ("+s.Publisher+when+"): cited by "+plural(counts[s.ID], "row"))
	}
	return out
}

// mapNotes say how much of the data is on the map, and the regions with
// most projects.
func mapNotes(d *data.Dataset, placed, nowhere int) []string {
	out := []string{strconv.Itoa(placed) + " deposits and projects placed on the map, " + strconv.Itoa(nowhere) + " without a location in the data."}
	groups, _ := d.GroupProjectsByBasis("region", nil)
	slices.SortStableFunc(groups, func(a, b data.BasisGroup) int { return b.Count - a.Count })
	for _, g := range groups {
		if len(out) == 3 {
			break
		}
		if g.Key == "" {
			continue
		}
		out = append(out, g.Label+": "+projectsText(g.Count)+"; "+basisDetail(g.Bases))
	}
	return append(out, "A marker without its own coordinates stands at its town or its region's centre, and says so when hovered.")
}

// listNotes are a list's slides: how many rows of how many, what they add
// up to kind by kind (projects), the first rows, and the sources.
func listNotes(d *data.Dataset, t data.Table, rows []int, filter string) []string {
	n := plural(len(rows), t.Noun()) + " of " + strconv.Itoa(t.Len())
	if filter != "" {
		n += ", filtered by " + filter
	}
	out := []string{n + "."}
	if t.Name() == "projects" {
		out = append(out, projectsNote(d, "", rows))
		var planned []string
		for _, r := range rows {
			if p := &d.Projects[r]; p.Status != "" && len(planned) < 3 {
				planned = append(planned, p.Name+": "+data.StatusText(p))
			}
		}
		if len(planned) > 0 {
			out = append(out, "Status: "+strings.Join(planned, "; "))
		}
	} else {
		var names []string
		for _, r := range rows[:min(len(rows), 5)] {
			names = append(names, d.NameOf(t.ID(r)))
		}
		out = append(out, "First in the list: "+strings.Join(names, ", "))
	}
	return append(out, "Sources: "+publishers(d, d.SourcesCited(t.Name(), rows), 3)+".")
}
