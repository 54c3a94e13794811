package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// bar is one category of a chart.
type bar struct {
	key    string  // what a tap drills into (a facet key, a row id)
	label  string  // the category, as shown beside the bar
	value  float64 // the bar's length
	known  bool    // false: no value; drawn as an empty outline marked "unknown"
	text   string  // the value label at the end of the bar: "$2.6 bn"
	detail string  // what hovering says: "Health care: $1.02 bn from 6 projects"
	colour color.Color
}

// barChart is a bar chart drawn with Fyne canvas objects, so it is crisp
// at any size and scale and follows the theme. Bars run across
// (horizontal) or up (columns). Hovering a bar tells its exact value and
// count; tapping it calls onTap.
type barChart struct {
	widget.BaseWidget
	title   string
	unit    string // the value axis: "US$ millions", "projects"
	note    string // a footnote, e.g. what the bars leave out
	sources string // where the numbers come from, for its slide
	bars    []bar
	columns bool
	ticks   func(v float64) string // how the axis labels a value
	onTap   func(b bar)

	textScale float32 // 1 in the window; larger on slides
	hovered   int
	hoverText string
	rend      *chartRenderer // where the bars were last laid out
}

func newBarChart(title, unit string, bars []bar, columns bool, ticks func(float64) string) *barChart {
	c := &barChart{title: title, unit: unit, bars: bars, columns: columns, ticks: ticks, hovered: -1, textScale: 1}
	if c.ticks == nil {
		c.ticks = func(v float64) string { return data.Thousands(v) }
	}
	c.ExtendBaseWidget(c)
	return c
}

// col and size read the chart's own theme, so that a ThemeOverride (a
// slide, the projector theme) reaches it.
func (c *barChart) col(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, c) }
func (c *barChart) size(n fyne.ThemeSizeName) float32     { return theme.SizeForWidget(n, c) }

// MinSize leaves room for the title, the axis and a few bars.
func (c *barChart) MinSize() fyne.Size {
	ts := c.size(theme.SizeNameText) * c.textScale
	n := float32(max(len(c.bars), 3))
	if c.columns {
		return fyne.NewSize(240, ts*18)
	}
	return fyne.NewSize(280, ts*5+n*ts*1.9)
}

func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &chartRenderer{c: c}
	r.build()
	r.applyTheme()
	c.rend = r
	return r
}

// barAt finds the bar under a position, or −1.
func (c *barChart) barAt(p fyne.Position) int {
	r := c.rend
	if r == nil {
		return -1
	}
	for i, rect := range r.hitBoxes {
		if p.X >= rect.pos.X && p.X <= rect.pos.X+rect.size.Width && p.Y >= rect.pos.Y && p.Y <= rect.pos.Y+rect.size.Height {
			return i
		}
	}
	return -1
}

// Tapped drills into the bar tapped.
func (c *barChart) Tapped(e *fyne.PointEvent) {
	if i := c.barAt(e.Position); i >= 0 && c.onTap != nil {
		c.onTap(c.bars[i])
	}
}

// MouseIn, MouseMoved and MouseOut show the hovered bar's detail.
func (c *barChart) MouseIn(e *desktop.MouseEvent) { c.MouseMoved(e) }

func (c *barChart) MouseMoved(e *desktop.MouseEvent) { c.hover(c.barAt(e.Position)) }

func (c *barChart) MouseOut() { c.hover(-1) }

func (c *barChart) hover(i int) {
	if i == c.hovered {
		return
	}
	c.hovered = i
	c.hoverText = ""
	if i >= 0 {
		c.hoverText = c.bars[i].detail
	}
	c.Refresh()
}

// Cursor shows a hand over a chart whose bars open lists.
func (c *barChart) Cursor() desktop.Cursor {
	if c.onTap != nil && c.hovered >= 0 {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

type box struct {
	pos  fyne.Position
	size fyne.Size
}

type chartRenderer struct {
	c        *barChart
	title    *canvas.Text
	unit     *canvas.Text
	note     *canvas.Text
	hover    *canvas.Text
	axis     *canvas.Line
	grid     []*canvas.Line
	tickText []*canvas.Text
	rects    []*canvas.Rectangle
	labels   []*canvas.Text
	values   []*canvas.Text
	hitBoxes []box
	empty    *canvas.Text
}

func (r *chartRenderer) build() {
	c := r.c
	r.title = canvas.NewText(c.title, color.Transparent)
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.unit = canvas.NewText(c.unit, color.Transparent)
	r.note = canvas.NewText(c.note, color.Transparent)
	r.hover = canvas.NewText("", color.Transparent)
	r.axis = canvas.NewLine(color.Transparent)
	r.empty = canvas.NewText("No data to chart", color.Transparent)
	for range 5 {
		r.grid = append(r.grid, canvas.NewLine(color.Transparent))
		r.tickText = append(r.tickText, canvas.NewText("", color.Transparent))
	}
	for range c.bars {
		r.rects = append(r.rects, canvas.NewRectangle(color.Transparent))
		r.labels = append(r.labels, canvas.NewText("", color.Transparent))
		r.values = append(r.values, canvas.NewText("", color.Transparent))
	}
	r.hitBoxes = make([]box, len(c.bars))
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *chartRenderer) Objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{}
	for _, g := range r.grid {
		out = append(out, g)
	}
	for _, t := range r.tickText {
		out = append(out, t)
	}
	for i := range r.rects {
		out = append(out, r.rects[i], r.labels[i], r.values[i])
	}
	out = append(out, r.axis, r.title, r.unit, r.note, r.hover)
	if len(r.c.bars) == 0 {
		out = append(out, r.empty)
	}
	return out
}

// Refresh re-reads the theme's colours and sizes and lays out again.
func (r *chartRenderer) Refresh() {
	r.applyTheme()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// applyTheme sets every object's colour and size from the chart's theme.
func (r *chartRenderer) applyTheme() {
	c := r.c
	fg := c.col(theme.ColorNameForeground)
	muted := c.col(theme.ColorNamePlaceHolder)
	ts := c.size(theme.SizeNameText) * c.textScale
	line := c.size(theme.SizeNameSeparatorThickness) * c.textScale
	r.title.Text, r.title.Color, r.title.TextSize = c.title, fg, ts*1.15
	r.unit.Text, r.unit.Color, r.unit.TextSize = c.unit, muted, ts*0.85
	r.note.Text, r.note.Color, r.note.TextSize = c.note, muted, ts*0.85
	r.hover.Text, r.hover.Color, r.hover.TextSize = c.hoverText, c.col(theme.ColorNamePrimary), ts*0.9
	r.hover.TextStyle.Bold = true
	r.axis.StrokeColor = fg
	r.axis.StrokeWidth = max(1, line*1.5)
	r.empty.Color, r.empty.TextSize = muted, ts
	for _, g := range r.grid {
		g.StrokeColor = fade(c.col(theme.ColorNameSeparator))
		g.StrokeWidth = max(1, line*0.6)
	}
	for _, t := range r.tickText {
		t.Color, t.TextSize = muted, ts*0.8
	}
	for i, b := range c.bars {
		col := b.colour
		if col == nil {
			col = palette[i%len(palette)]
		}
		rect := r.rects[i]
		if b.known {
			rect.FillColor = col
			rect.StrokeWidth = 0
			if c.hovered >= 0 && c.hovered != i {
				rect.FillColor = fade(col)
			}
		} else {
			rect.FillColor = color.Transparent
			rect.StrokeColor = muted
			rect.StrokeWidth = max(1, line*1.5)
		}
		r.labels[i].Color, r.labels[i].TextSize = fg, ts*0.9
		r.values[i].Text, r.values[i].Color, r.values[i].TextSize = b.text, fg, ts*0.85
		r.values[i].TextStyle.Bold = c.hovered == i
		r.labels[i].TextStyle.Bold = c.hovered == i
	}
}

func fade(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x70}
}

// niceMax rounds a maximum up to 1, 2, 2.5 or 5 times a power of ten, so
// the axis has round ticks.
func niceMax(v float64) float64 {
	if v <= 0 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if v <= m*p {
			return m * p
		}
	}
	return 10 * p
}

// elide shortens text with "…" to fit a width.
func elide(s string, size float32, style fyne.TextStyle, width float32) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	r := []rune(s)
	lo, hi := 0, len(r)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(r[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return string(r[:lo]) + "…"
}

func (r *chartRenderer) Layout(size fyne.Size) {
	c := r.c
	ts := c.size(theme.SizeNameText) * c.textScale
	pad := c.size(theme.SizeNamePadding) * c.textScale
	titleH := fyne.MeasureText("Mg", r.title.TextSize, r.title.TextStyle).Height
	// The right end of the title row is left for the card's toggle.
	r.title.Text = elide(c.title, r.title.TextSize, r.title.TextStyle, size.Width*0.7)
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, titleH))
	small := fyne.MeasureText("Mg", ts*0.85, fyne.TextStyle{}).Height
	bottom := size.Height
	// From the bottom up: hover line, note, then the axis labels.
	r.hover.Move(fyne.NewPos(0, bottom-small))
	r.hover.Text = elide(c.hoverText, r.hover.TextSize, r.hover.TextStyle, size.Width)
	bottom -= small
	if c.note != "" {
		r.note.Text = elide(c.note, r.note.TextSize, fyne.TextStyle{}, size.Width)
		r.note.Move(fyne.NewPos(0, bottom-small))
		bottom -= small
	}
	top := titleH + pad*2
	maxV := 0.0
	for _, b := range c.bars {
		if b.known && b.value > maxV {
			maxV = b.value
		}
	}
	scale := niceMax(maxV)
	if len(c.bars) == 0 {
		r.empty.Move(fyne.NewPos(0, top))
		return
	}
	if c.columns {
		r.layoutColumns(size, top, bottom, scale, ts, pad, small)
	} else {
		r.layoutBars(size, top, bottom, scale, ts, pad, small)
	}
}

func (r *chartRenderer) layoutBars(size fyne.Size, top, bottom float32, scale float64, ts, pad, small float32) {
	c := r.c
	// The value axis: unit and tick labels along the bottom.
	tickH := small
	r.unit.Move(fyne.NewPos(0, bottom-small))
	bottom -= small + tickH
	labelW := float32(0)
	for _, b := range c.bars {
		labelW = max(labelW, fyne.MeasureText(b.label, ts*0.9, fyne.TextStyle{}).Width)
	}
	labelW = min(labelW+pad, size.Width*0.38)
	valueW := float32(0)
	for _, b := range c.bars {
		valueW = max(valueW, fyne.MeasureText(b.text, ts*0.85, fyne.TextStyle{Bold: true}).Width)
	}
	valueW = min(valueW+pad*2, size.Width*0.3)
	x0 := labelW + pad
	plotW := max(size.Width-x0-valueW, 10)
	plotH := max(bottom-top, 10)
	slot := plotH / float32(len(c.bars))
	thick := min(slot*0.72, ts*1.6)
	for i, b := range c.bars {
		y := top + slot*float32(i) + (slot-thick)/2
		w := float32(0)
		if b.known && scale > 0 {
			w = float32(b.value/scale) * plotW
		}
		if !b.known {
			w = min(plotW*0.05, ts)
		}
		rect := r.rects[i]
		rect.Move(fyne.NewPos(x0, y))
		rect.Resize(fyne.NewSize(w, thick))
		l := r.labels[i]
		l.Text = elide(b.label, l.TextSize, l.TextStyle, labelW-pad)
		lh := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		l.Move(fyne.NewPos(labelW-lh.Width, y+(thick-lh.Height)/2))
		v := r.values[i]
		v.Text = elide(b.text, v.TextSize, v.TextStyle, valueW-pad)
		vh := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		v.Move(fyne.NewPos(x0+w+pad, y+(thick-vh.Height)/2))
		r.hitBoxes[i] = box{fyne.NewPos(0, top+slot*float32(i)), fyne.NewSize(size.Width, slot)}
	}
	r.axis.Position1 = fyne.NewPos(x0, top)
	r.axis.Position2 = fyne.NewPos(x0, bottom)
	for k, g := range r.grid {
		frac := float32(k) / float32(len(r.grid)-1)
		x := x0 + frac*plotW
		g.Position1 = fyne.NewPos(x, top)
		g.Position2 = fyne.NewPos(x, bottom)
		t := r.tickText[k]
		t.Text = c.ticks(scale * float64(frac))
		tw := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width
		t.Move(fyne.NewPos(min(max(x-tw/2, x0-tw/2), size.Width-tw), bottom+2))
	}
	uw := fyne.MeasureText(c.unit, r.unit.TextSize, fyne.TextStyle{}).Width
	r.unit.Move(fyne.NewPos(x0+(plotW-uw)/2, bottom+tickH))
}

func (r *chartRenderer) layoutColumns(size fyne.Size, top, bottom float32, scale float64, ts, pad, small float32) {
	c := r.c
	labelH := small
	bottom -= labelH + pad
	tickW := float32(0)
	for k := range r.grid {
		s := c.ticks(scale * float64(k) / float64(len(r.grid)-1))
		tickW = max(tickW, fyne.MeasureText(s, ts*0.8, fyne.TextStyle{}).Width)
	}
	x0 := tickW + pad*2
	valueH := small
	plotTop := top + valueH + small // room for the unit and the tallest value label
	plotW := max(size.Width-x0, 10)
	plotH := max(bottom-plotTop, 10)
	slot := plotW / float32(len(c.bars))
	thick := min(slot*0.7, ts*3)
	// Every few columns carry a label when the slots are narrow; a label
	// may use the width of the slots up to the next one.
	labelled := 0
	for _, b := range c.bars {
		if b.label != "" {
			labelled++
		}
	}
	labelW := slot * float32(len(c.bars)) / float32(max(labelled, 1))
	r.unit.Move(fyne.NewPos(0, top))
	for i, b := range c.bars {
		x := x0 + slot*float32(i) + (slot-thick)/2
		h := float32(0)
		if b.known && scale > 0 {
			h = float32(b.value/scale) * plotH
		}
		if !b.known {
			h = min(plotH*0.05, ts)
		}
		rect := r.rects[i]
		rect.Move(fyne.NewPos(x, bottom-h))
		rect.Resize(fyne.NewSize(thick, h))
		l := r.labels[i]
		l.Text = elide(b.label, l.TextSize, l.TextStyle, labelW)
		lw := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle).Width
		l.Move(fyne.NewPos(x+thick/2-lw/2, bottom+pad/2))
		v := r.values[i]
		v.Text = elide(b.text, v.TextSize, v.TextStyle, slot)
		vs := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		v.Move(fyne.NewPos(x+thick/2-vs.Width/2, bottom-h-vs.Height))
		r.hitBoxes[i] = box{fyne.NewPos(x0+slot*float32(i), plotTop), fyne.NewSize(slot, bottom-plotTop+labelH)}
	}
	r.axis.Position1 = fyne.NewPos(x0, bottom)
	r.axis.Position2 = fyne.NewPos(size.Width, bottom)
	for k, g := range r.grid {
		frac := float32(k) / float32(len(r.grid)-1)
		y := bottom - frac*plotH
		g.Position1 = fyne.NewPos(x0, y)
		g.Position2 = fyne.NewPos(size.Width, y)
		t := r.tickText[k]
		t.Text = c.ticks(scale * float64(frac))
		ts := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle)
		t.Move(fyne.NewPos(x0-pad-ts.Width, y-ts.Height/2))
	}
}

// countTicks labels a count axis with whole numbers only.
func countTicks(v float64) string {
	if v != math.Trunc(v) {
		return ""
	}
	return strconv.Itoa(int(v))
}

// moneyTicks labels a US$-millions axis: "$500 m", "$2 bn".
func moneyTicks(v float64) string {
	if v == 0 {
		return "0"
	}
	return data.FormatMoney(data.Num(v))
}
