package ui

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// slides lists the presentation: a slide of the list the user came from
// when it is filtered, the title, then what each tab of the view registry
// offers, in tab order; a new chart or tab becomes a slide by itself.
func (u *UI) slides(from *listView) []slide {
	var out []slide
	if from != nil && from.filterDescription() != "" {
		out = append(out, u.listSlide(from))
	}
	out = append(out, u.titleSlide())
	for _, v := range u.views {
		if v.slides != nil {
			out = append(out, v.slides()...)
		}
	}
	return out
}

// slideLabel is text in one of the slide theme's sizes.
func slideLabel(text string, size fyne.ThemeSizeName, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

func slideTitle(text string) *widget.Label {
	l := slideLabel(text, theme.SizeNameHeadingText, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapOff
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func (u *UI) titleSlide() slide {
	d := u.data
	return slide{
		title:  "Title",
		source: "Every figure carries its source: " + strconv.Itoa(len(d.Sources)) + " sources, listed at the end",
		build: func() fyne.CanvasObject {
			name := slideLabel(Title, theme.SizeNameSubHeadingText, fyne.TextStyle{Bold: true})
			name.Alignment = fyne.TextAlignCenter
			pair := slideLabel("Uzbekistan × Korea", theme.SizeNameHeadingText, fyne.TextStyle{Bold: true})
			pair.Alignment = fyne.TextAlignCenter
			pair.Importance = widget.HighImportance
			what := slideLabel("Critical minerals, Korean partner sectors and funded projects", theme.SizeNameSubHeadingText, fyne.TextStyle{})
			what.Alignment = fyne.TextAlignCenter
			asOf := slideLabel(asOfLine(d), theme.SizeNameText, fyne.TextStyle{Italic: true})
			asOf.Alignment = fyne.TextAlignCenter
			return container.NewVBox(layout.NewSpacer(), pair, name, what, asOf, layout.NewSpacer())
		},
	}
}

func asOfLine(d *data.Dataset) string {
	s := strconv.Itoa(len(d.Minerals)) + " minerals · " + strconv.Itoa(len(d.Projects)) + " projects · " + strconv.Itoa(len(d.Sources)) + " sources"
	if a := d.AsOf(); a.Known() {
		s = "Data as of " + data.FormatDate(a) + " · " + s
	}
	return s
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

// mineralsSlides is a compact table of the minerals with figures.
func (v *mineralsView) slides() []slide {
	d := v.ui.data
	var rows []int
	for i, m := range d.Minerals {
		if m.Production.Known || m.WorldRank.Known {
			rows = append(rows, i)
		}
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		ra, rb := d.Minerals[a].WorldRank, d.Minerals[b].WorldRank
		switch {
		case ra.Known && rb.Known:
			return ra.Int() - rb.Int()
		case ra.Known:
			return -1
		case rb.Known:
			return 1
		}
		return 0
	})
	if len(rows) > 8 {
		rows = rows[:8]
	}
	srcs := d.SourcesCited("minerals", rows)
	return []slide{{
		title:  "Top minerals",
		source: "Sources: " + strconv.Itoa(len(srcs)) + " cited by these minerals' rows; production is the latest sourced year",
		build: func() fyne.CanvasObject {
			grid := container.NewGridWithColumns(4)
			for _, h := range []string{"Mineral", "Production", "World rank", "Korea critical"} {
				grid.Add(slideLabel(h, theme.SizeNameText, fyne.TextStyle{Bold: true}))
			}
			for _, r := range rows {
				m := &d.Minerals[r]
				rank := data.Unknown
				if m.WorldRank.Known {
					rank = data.WithYear(data.Ordinal(m.WorldRank.Int()), m.WorldRankYear)
				}
				grid.Add(slideLabel(m.Name, theme.SizeNameText, fyne.TextStyle{Bold: true}))
				grid.Add(slideLabel(data.WithYear(data.FormatQuantity(m.Production, m.ProductionUnit), m.ProductionYear), theme.SizeNameText, fyne.TextStyle{}))
				grid.Add(slideLabel(rank, theme.SizeNameText, fyne.TextStyle{}))
				grid.Add(slideLabel(yesNo(m.KoreaCritical, "yes", "no"), theme.SizeNameText, fyne.TextStyle{}))
			}
			return container.NewBorder(slideTitle("Uzbekistan's main minerals"), nil, nil, nil, container.NewVBox(grid))
		},
	}}
}

// timelineSlides shows the newest milestones.
func (v *timelineView) slides() []slide {
	d := v.ui.data
	rows := make([]int, len(d.Milestones))
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		if d.Milestones[b].Date.Before(d.Milestones[a].Date) {
			return -1
		}
		if d.Milestones[a].Date.Before(d.Milestones[b].Date) {
			return 1
		}
		return 0
	})
	if len(rows) > 6 {
		rows = rows[:6]
	}
	srcs := d.SourcesCited("milestones", rows)
	pubs := publishers(d, srcs, 3)
	return []slide{{
		title:  "Recent milestones",
		source: "Sources: " + pubs,
		build: func() fyne.CanvasObject {
			box := container.NewVBox()
			for _, r := range rows {
				m := &d.Milestones[r]
				date := slideLabel(data.FormatDate(m.Date), theme.SizeNameText, fyne.TextStyle{Bold: true})
				date.Wrapping = fyne.TextWrapOff
				title := slideLabel(m.Title, theme.SizeNameText, fyne.TextStyle{})
				box.Add(container.NewBorder(nil, nil, container.NewHBox(date, kindTag(m.Kind)), nil, title))
			}
			return container.NewBorder(slideTitle("Recent milestones"), nil, nil, nil, box)
		},
	}}
}

// publishers names the publishers of some sources, at most n, then "…".
func publishers(d *data.Dataset, ids data.List, n int) string {
	var names []string
	for _, r := range d.SourcesOf(ids) {
		p := d.Sources[r].Publisher
		if !slices.Contains(names, p) {
			names = append(names, p)
		}
	}
	out := ""
	for i, p := range names {
		if i == n {
			return out + " and " + strconv.Itoa(len(names)-n) + " more"
		}
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}

// sourcesSlides lists the sources cited most.
func (v *sourcesView) slides() []slide {
	d := v.ui.data
	type cited struct {
		row, n int
	}
	counts := d.CitationCounts()
	var all []cited
	for i, s := range d.Sources {
		all = append(all, cited{i, counts[s.ID]})
	}
	slices.SortStableFunc(all, func(a, b cited) int { return b.n - a.n })
	if len(all) > 7 {
		all = all[:7]
	}
	return []slide{{
		title:  "Sources",
		source: strconv.Itoa(len(d.Sources)) + " sources in all; in the app, every figure shows its own under its detail",
		build: func() fyne.CanvasObject {
			box := container.NewVBox()
			for _, c := range all {
				s := d.Sources[c.row]
				meta := s.Publisher
				if s.Date.Known() {
					meta += ", " + data.FormatDate(s.Date)
				}
				l := slideLabel(s.Title+" — "+meta+" (cited by "+plural(c.n, "row")+")", theme.SizeNameText, fyne.TextStyle{})
				l.Truncation = fyne.TextTruncateEllipsis
				l.Wrapping = fyne.TextWrapOff
				box.Add(l)
			}
			return container.NewBorder(slideTitle("Where the numbers come from"), nil, nil, nil, box)
		},
	}}
}

// listSlide is the filtered list the user started presenting from.
func (u *UI) listSlide(lv *listView) slide {
	t := lv.view.Table()
	rows := lv.view.Rows()
	cols := lv.table.cols
	if len(cols) > 4 {
		cols = cols[:4]
	}
	shown := rows
	if len(shown) > 10 {
		shown = shown[:10]
	}
	title := t.Noun() + "s filtered by " + lv.filterDescription()
	title = string(title[0]-'a'+'A') + title[1:]
	srcs := u.data.SourcesCited(t.Name(), shown)
	return slide{
		title:  "List: " + title,
		source: lv.statusText() + " · sources: " + publishers(u.data, srcs, 3),
		build: func() fyne.CanvasObject {
			grid := container.NewGridWithColumns(len(cols))
			for _, c := range cols {
				grid.Add(slideLabel(t.Columns()[c].Title, theme.SizeNameText, fyne.TextStyle{Bold: true}))
			}
			for _, r := range shown {
				for i, c := range cols {
					l := slideLabel(t.Display(r, c), theme.SizeNameText, fyne.TextStyle{Bold: i == 0})
					l.Truncation = fyne.TextTruncateEllipsis
					l.Wrapping = fyne.TextWrapOff
					grid.Add(l)
				}
			}
			items := []fyne.CanvasObject{grid}
			if len(rows) > len(shown) {
				items = append(items, slideLabel("… and "+strconv.Itoa(len(rows)-len(shown))+" more", theme.SizeNameText, fyne.TextStyle{Italic: true}))
			}
			return container.NewBorder(slideTitle(title), nil, nil, nil, container.NewVBox(items...))
		},
	}
}
