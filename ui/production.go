package ui

import (
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"uzkor/data"
)

// A mineral's production year by year, as small column charts: one per
// producer (the country, or one company) and unit, never mixed. An
// estimate is drawn paler and outlined, and says so.

// scopeColours: the country's output in the accent blue, a company's in
// the palette's orange, so that the two are never read as one.
var (
	countryColour = palette[0]
	companyColour = palette[1]
)

// seriesChart is a series as a column chart: a column per year with a
// figure (years without one are left out, never drawn as zero). Its title
// is whose output it is, after name when name is given.
func seriesChart(d *data.Dataset, name string, s data.Series) *barChart {
	l := lc()
	colour := color.Color(companyColour)
	who, short := l.Scope(s.Scope), l.Org(s.Scope)
	if s.IsCountry() {
		colour, who, short = countryColour, tr("minerals.whole-country"), tr("production.country")
	}
	var bars []bar
	estimates := false
	for _, p := range s.Points {
		r := &d.ProductionRows[p.Row]
		b := bar{key: strconv.Itoa(p.Year), label: strconv.Itoa(p.Year), value: p.Value, known: true,
			text: l.Number(p.Value), colour: colour, estimate: p.Estimate}
		b.detail = strconv.Itoa(p.Year) + ": " + l.FigureText(r)
		if srcs := d.SourcesOf(r.Sources); len(srcs) > 0 {
			b.detail += " · " + d.Sources[srcs[0]].Publisher
		}
		if len(p.Alternatives) > 0 {
			var alts []string
			for _, a := range p.Alternatives {
				alts = append(alts, l.Quantity(d.ProductionRows[a].Value, d.ProductionRows[a].Unit))
			}
			b.detail += " · " + tr("production.other-sources", "Figures", strings.Join(alts, ", "))
		}
		if p.Estimate {
			estimates = true
			b.text += " " + tr("production.e")
		}
		bars = append(bars, b)
	}
	if step := (len(bars) + 7) / 8; step > 1 {
		for i := range bars {
			if i%step != 0 && i != len(bars)-1 {
				bars[i].label = ""
			}
		}
	}
	title := l.Scope(s.Scope)
	if s.IsCountry() {
		title = short
	}
	if name != "" {
		title = tr("production.chart-title", "Name", name, "Whose", short)
		// Small: the newest figure, and a few years, are labelled.
		for i := range bars {
			if i != len(bars)-1 {
				bars[i].text = ""
			}
			if i != 0 && i != len(bars)-1 {
				bars[i].label = ""
			}
		}
	}
	c := newBarChart(title, l.PerYear(s.Unit), bars, columnsUp, nil)
	c.key, c.valueUnit = s.MineralID+": "+s.Scope, s.Unit
	c.legend = []legendEntry{{label: who, colour: colour}}
	if estimates {
		c.legend = append(c.legend, legendEntry{label: tr("production.estimate"), colour: fade(colour)})
	}
	c.sources = tr("production.sources", "Publishers", publishers(d, seriesSources(d, s), 3))
	return c
}

// seriesSources are the sources a series' figures cite.
func seriesSources(d *data.Dataset, s data.Series) data.List {
	var out data.List
	for _, p := range s.Points {
		for _, row := range append([]int{p.Row}, p.Alternatives...) {
			for _, id := range d.ProductionRows[row].Sources {
				if !out.Has(id) {
					out = append(out, id)
				}
			}
		}
	}
	return out
}

// productionSlide shows the main series of the minerals that have one
// over several years, small charts side by side: the country's output
// where there is a series of it, else a company's, said in each title.
func productionSlide(d *data.Dataset) (slide, bool) {
	var charts []*barChart
	var series []data.Series
	var srcs data.List
	for i := range d.Minerals {
		m := &d.Minerals[i]
		s, ok := d.MainSeries(m.ID)
		if !ok || len(s.Points) < 3 || s.Last().Value == 0 {
			continue
		}
		charts = append(charts, seriesChart(d, d.NameOf(m.ID), s))
		series = append(series, s)
		for _, id := range seriesSources(d, s) {
			if !srcs.Has(id) {
				srcs = append(srcs, id)
			}
		}
	}
	if len(charts) == 0 {
		return slide{}, false
	}
	if len(charts) > 6 {
		charts = charts[:6]
	}
	return slide{
		id:     "minerals:Production over the years",
		title:  tr("production.slide"),
		notes:  func() []string { return productionNotes(d, series[:len(charts)]) },
		source: tr("production.slide-source", "Publishers", publishers(d, srcs, 3)),
		build: func() fyne.CanvasObject {
			grid := container.NewGridWithColumns(min(3, len(charts)))
			for _, c := range charts {
				s := copyChart(c)
				grid.Add(s)
			}
			return container.NewBorder(slideTitle(tr("production.slide")), nil, nil, nil, grid)
		},
	}, true
}

// productionSection adds a mineral's series to its detail: a chart of
// each, with its table twin and its sources.
func productionSection(d *detailPane, nav navigator, m *data.Mineral) {
	ds := d.env.data
	all := ds.ProductionSeries(m.ID)
	if len(all) == 0 {
		return
	}
	d.section(trn("production.section", len(all)))
	var srcs data.List
	for _, s := range all {
		cc := newChartCard(nav, seriesChart(ds, "", s))
		d.add(cc.box)
		d.charts = append(d.charts, cc)
		for _, id := range seriesSources(ds, s) {
			if !srcs.Has(id) {
				srcs = append(srcs, id)
			}
		}
	}
	d.text.WriteString(strings.Join(productionLines(ds, all), "\n") + "\n")
	note := tr("production.note")
	d.add(captionLabel(note))
	d.extraSources = srcs
}

// productionLines are a mineral's series as text, for Copy.
func productionLines(d *data.Dataset, all []data.Series) []string {
	var out []string
	for _, s := range all {
		for _, p := range s.Points {
			out = append(out, lc().FigureText(&d.ProductionRows[p.Row]))
		}
	}
	return out
}

// captionLabel is a small italic note.
func captionLabel(text string) fyne.CanvasObject {
	l := slideLabel(text, theme.SizeNameCaptionText, fyne.TextStyle{Italic: true})
	return l
}
