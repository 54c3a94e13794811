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
)

// chartStyle is how a chart draws its values.
type chartStyle int

const (
	barsAcross chartStyle = iota // horizontal bars, categories down the side
	columnsUp                    // vertical columns, categories along the bottom
	rankDots                     // a dot per category on a reversed rank axis: 1st at the right
)

// segment is one part of a stacked bar: one kind of amount.
type segment struct {
	value  float64
	colour color.Color
	kind   string // what it measures: a basis of amounts
	text   string // "$906 m of loans"
}

// bar is one category of a chart.
type bar struct {
	key    string  // what a tap drills into (a facet key, a row id)
	label  string  // the category, as shown beside the bar
	value  float64 // the bar's length, or the rank of a dot
	known  bool    // false: no value; drawn as an empty outline marked "unknown"
	text   string  // the value label at the end of the bar: "$2.6 bn"
	detail string  // what hovering says: "Health care: $1.02 bn of loans from 6 projects"
	colour color.Color
	// parts stack the bar from kinds that are never added up (loans,
	// grants …); its length is where the last part ends. nil: one part.
	parts []segment
	// estimate draws the bar paler and outlined: its source marks it as
	// an estimate.
	estimate bool
}

// legendEntry explains one colour of a chart.
type legendEntry struct {
	label  string
	colour color.Color
}

// barChart is a chart drawn with Fyne canvas objects, so it is crisp at
// any size and scale and follows the theme. Hovering a bar shows its
// exact value beside the pointer; tapping it calls onTap. Colour encodes
// a variable only where the chart has a legend.
type barChart struct {
	widget.BaseWidget
	key   string // the chart in English: its slide's id, its file name; "" for title
	title string
	unit  string // the value axis: "US$ millions", "projects"
	// valueUnit is what the values count in the chart's CSV: "USD m",
	// "projects", "rank", a production series' unit ("t").
	valueUnit string
	note      string // a footnote, e.g. what the bars leave out
	sources   string // where the numbers come from, for its slide
	groupBy   string // the column of projects its bars group by, for speaker notes; "" for none
	bars      []bar
	style     chartStyle
	legend    []legendEntry
	ticks     func(v float64) string // how the axis labels a value
	onTap     func(b bar)

	textScale float32 // 1 in the window; larger on slides
	reserve   float32 // the width at the right of the title row kept for the card's buttons
	hovered   int
	hoverAt   fyne.Position
	rend      *chartRenderer // where the bars were last laid out
}

func newBarChart(title, unit string, bars []bar, style chartStyle, ticks func(float64) string) *barChart {
	c := &barChart{title: title, unit: unit, bars: bars, style: style, ticks: ticks, hovered: -1, textScale: 1}
	if c.ticks == nil {
		c.ticks = func(v float64) string { return lc().Number(v) }
	}
	c.ExtendBaseWidget(c)
	return c
}

// name is the chart's name in English: what its slide and file are
// called whatever the language.
func (c *barChart) name() string {
	if c.key != "" {
		return c.key
	}
	return c.title
}

// copyChart is a new chart of the same numbers, for a slide.
func copyChart(c *barChart) *barChart {
	s := newBarChart(c.title, c.unit, c.bars, c.style, c.ticks)
	s.key, s.note, s.sources, s.legend = c.key, c.note, c.sources, c.legend
	return s
}

// col and size read the chart's own theme, so that a ThemeOverride (a
// slide, the projector theme) reaches it.
func (c *barChart) col(n fyne.ThemeColorName) color.Color { return theme.ColorForWidget(n, c) }
func (c *barChart) size(n fyne.ThemeSizeName) float32     { return theme.SizeForWidget(n, c) }

// MinSize leaves room for the title, the axis, the legend and a few bars.
func (c *barChart) MinSize() fyne.Size {
	ts := c.size(theme.SizeNameText) * c.textScale
	n := float32(max(len(c.bars), 3))
	legend := float32(0)
	if len(c.legend) > 0 {
		legend = ts * 2.6
	}
	if c.style == columnsUp {
		return fyne.NewSize(240, ts*18+legend)
	}
	return fyne.NewSize(280, ts*5+n*ts*1.9+legend)
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

func (c *barChart) MouseMoved(e *desktop.MouseEvent) { c.hover(c.barAt(e.Position), e.Position) }

func (c *barChart) MouseOut() { c.hover(-1, fyne.Position{}) }

func (c *barChart) hover(i int, at fyne.Position) {
	if i == c.hovered && (i < 0 || at == c.hoverAt) {
		return
	}
	same := i == c.hovered && c.rend != nil
	c.hovered, c.hoverAt = i, at
	if same {
		// Over the same bar only the tip moves: the bars, labels and
		// ticks stay as they are laid out.
		r := c.rend
		r.layoutTip(c.Size(), c.size(theme.SizeNameText)*c.textScale, c.size(theme.SizeNamePadding)*c.textScale)
		canvas.Refresh(r.tipBox)
		canvas.Refresh(r.tip)
		return
	}
	c.Refresh()
}

// hoverText is what the tooltip says.
func (c *barChart) hoverText() string {
	if c.hovered < 0 || c.hovered >= len(c.bars) {
		return ""
	}
	return c.bars[c.hovered].detail
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
	tipBox   *canvas.Rectangle
	tip      *canvas.Text
	axis     *canvas.Line
	grid     []*canvas.Line
	tickText []*canvas.Text
	rects    [][]*canvas.Rectangle // rects[i][k]: part k of bar i
	labels   []*canvas.Text
	values   []*canvas.Text
	swatches []*canvas.Rectangle
	keys     []*canvas.Text
	hitBoxes []box
	empty    *canvas.Text
}

func (r *chartRenderer) build() {
	c := r.c
	r.title = canvas.NewText(c.title, color.Transparent)
	r.title.TextStyle = fyne.TextStyle{Bold: true}
	r.unit = canvas.NewText(c.unit, color.Transparent)
	r.note = canvas.NewText(c.note, color.Transparent)
	r.tipBox = canvas.NewRectangle(color.Transparent)
	r.tip = canvas.NewText("", color.Transparent)
	r.axis = canvas.NewLine(color.Transparent)
	r.empty = canvas.NewText(tr("chart.empty"), color.Transparent)
	for range 5 {
		r.grid = append(r.grid, canvas.NewLine(color.Transparent))
		r.tickText = append(r.tickText, canvas.NewText("", color.Transparent))
	}
	for _, b := range c.bars {
		n := max(1, len(b.parts))
		var parts []*canvas.Rectangle
		for range n {
			rect := canvas.NewRectangle(color.Transparent)
			if c.style == rankDots {
				rect.CornerRadius = 1000 // a circle
			}
			parts = append(parts, rect)
		}
		r.rects = append(r.rects, parts)
		r.labels = append(r.labels, canvas.NewText("", color.Transparent))
		r.values = append(r.values, canvas.NewText("", color.Transparent))
	}
	for _, l := range c.legend {
		r.swatches = append(r.swatches, canvas.NewRectangle(l.colour))
		r.keys = append(r.keys, canvas.NewText(l.label, color.Transparent))
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
		for _, p := range r.rects[i] {
			out = append(out, p)
		}
		out = append(out, r.labels[i], r.values[i])
	}
	for i := range r.swatches {
		out = append(out, r.swatches[i], r.keys[i])
	}
	out = append(out, r.axis, r.title, r.unit, r.note)
	if len(r.c.bars) == 0 {
		out = append(out, r.empty)
	}
	return append(out, r.tipBox, r.tip)
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
	r.tip.Text, r.tip.Color, r.tip.TextSize = c.hoverText(), fg, ts*0.9
	r.tip.TextStyle.Bold = true
	r.tipBox.FillColor = c.col(theme.ColorNameOverlayBackground)
	r.tipBox.StrokeColor, r.tipBox.StrokeWidth = c.col(theme.ColorNamePrimary), max(1, line)
	r.tipBox.CornerRadius = c.size(theme.SizeNameInputRadius)
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
		for k, rect := range r.rects[i] {
			col := b.colour
			if k < len(b.parts) && b.parts[k].colour != nil {
				col = b.parts[k].colour
			}
			if col == nil {
				col = c.col(theme.ColorNamePrimary)
			}
			if b.known {
				rect.FillColor = col
				rect.StrokeWidth = 0
				if c.hovered >= 0 && c.hovered != i || b.estimate {
					rect.FillColor = fade(col)
				}
				if b.estimate {
					rect.StrokeColor, rect.StrokeWidth = col, max(1, line*1.5)
				}
			} else {
				rect.FillColor = color.Transparent
				rect.StrokeColor = muted
				rect.StrokeWidth = max(1, line*1.5)
			}
			if c.style == rankDots {
				rect.StrokeColor, rect.StrokeWidth = fg, max(1, line)
			}
		}
		r.labels[i].Color, r.labels[i].TextSize = fg, ts*0.9
		r.values[i].Text, r.values[i].Color, r.values[i].TextSize = b.text, fg, ts*0.85
		r.values[i].TextStyle.Bold = c.hovered == i
		r.labels[i].TextStyle.Bold = c.hovered == i
	}
	for i := range r.keys {
		r.keys[i].Color, r.keys[i].TextSize = fg, ts*0.8
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
	// The right end of the title row is left for the card's buttons.
	r.title.Text = elide(c.title, r.title.TextSize, r.title.TextStyle, size.Width-c.reserve-pad)
	r.title.Move(fyne.NewPos(0, 0))
	r.title.Resize(fyne.NewSize(size.Width, titleH))
	small := fyne.MeasureText("Mg", ts*0.85, fyne.TextStyle{}).Height
	bottom := size.Height
	// From the bottom up: the note, the legend, then the axis labels.
	if c.note != "" {
		r.note.Text = elide(c.note, r.note.TextSize, fyne.TextStyle{}, size.Width)
		r.note.Move(fyne.NewPos(0, bottom-small))
		bottom -= small
	}
	bottom -= r.layoutLegend(size.Width, bottom, ts, pad)
	top := titleH + pad*2
	maxV := 0.0
	for _, b := range c.bars {
		if b.known && b.value > maxV {
			maxV = b.value
		}
	}
	scale := niceMax(maxV)
	if c.style == rankDots {
		// Five whole ranks on the axis, 1st at the right end.
		scale = 1 + 4*math.Ceil(max(maxV-1, 4)/4)
	}
	if len(c.bars) > 0 {
		switch c.style {
		case columnsUp:
			r.layoutColumns(size, top, bottom, scale, ts, pad, small)
		default:
			r.layoutBars(size, top, bottom, scale, ts, pad, small)
		}
	} else {
		r.empty.Move(fyne.NewPos(0, top))
	}
	r.layoutTip(size, ts, pad)
}

// layoutLegend puts the legend's swatches and labels in rows ending at
// bottom, and returns the height they take.
func (r *chartRenderer) layoutLegend(width, bottom, ts, pad float32) float32 {
	if len(r.keys) == 0 {
		return 0
	}
	sw := ts * 0.8
	rowH := fyne.MeasureText("Mg", ts*0.8, fyne.TextStyle{}).Height + pad/2
	// Place in rows first, to know how many rows there are.
	type spot struct{ x, row float32 }
	spots := make([]spot, len(r.keys))
	x, row := float32(0), float32(0)
	for i, k := range r.keys {
		w := sw + pad/2 + fyne.MeasureText(k.Text, k.TextSize, k.TextStyle).Width + pad*2
		if x > 0 && x+w > width {
			x, row = 0, row+1
		}
		spots[i] = spot{x, row}
		x += w
	}
	h := (row + 1) * rowH
	y0 := bottom - h
	for i, s := range spots {
		y := y0 + s.row*rowH
		r.swatches[i].Move(fyne.NewPos(s.x, y+(rowH-sw)/2))
		r.swatches[i].Resize(fyne.NewSize(sw, sw))
		r.keys[i].Move(fyne.NewPos(s.x+sw+pad/2, y))
	}
	return h + pad/2
}

// layoutTip puts the hovered bar's detail in a box beside the pointer,
// inside the chart.
func (r *chartRenderer) layoutTip(size fyne.Size, ts, pad float32) {
	c := r.c
	text := c.hoverText()
	if text == "" {
		r.tip.Hide()
		r.tipBox.Hide()
		return
	}
	r.tip.Text = elide(text, r.tip.TextSize, r.tip.TextStyle, size.Width-pad*4)
	ms := fyne.MeasureText(r.tip.Text, r.tip.TextSize, r.tip.TextStyle)
	w, h := ms.Width+pad*2, ms.Height+pad
	x := min(max(c.hoverAt.X+ts, 0), size.Width-w)
	y := c.hoverAt.Y - h - ts*0.4
	if y < 0 {
		y = c.hoverAt.Y + ts*1.2
	}
	y = min(max(y, 0), size.Height-h)
	r.tipBox.Move(fyne.NewPos(x, y))
	r.tipBox.Resize(fyne.NewSize(w, h))
	r.tip.Move(fyne.NewPos(x+pad, y+pad/2))
	r.tip.Show()
	r.tipBox.Show()
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
	valueW = min(valueW+pad*2, size.Width*0.34)
	x0 := labelW + pad
	plotW := max(size.Width-x0-valueW, 10)
	plotH := max(bottom-top, 10)
	slot := plotH / float32(len(c.bars))
	thick := min(slot*0.72, ts*1.6)
	// On a rank axis 1st is at the right end: further right is a larger
	// producer, and nothing is drawn as a length.
	at := func(v float64) float32 {
		if c.style == rankDots {
			return plotW * float32((scale-v)/(scale-1))
		}
		return float32(v/scale) * plotW
	}
	for i, b := range c.bars {
		y := top + slot*float32(i) + (slot-thick)/2
		end := float32(0)
		switch {
		case c.style == rankDots:
			d := min(thick, ts)
			x := at(b.value)
			dot := r.rects[i][0]
			dot.Move(fyne.NewPos(x0+x-d/2, y+(thick-d)/2))
			dot.Resize(fyne.NewSize(d, d))
			end = x + d/2
		case !b.known:
			end = min(plotW*0.05, ts)
			r.rects[i][0].Move(fyne.NewPos(x0, y))
			r.rects[i][0].Resize(fyne.NewSize(end, thick))
		default:
			parts := b.parts
			if len(parts) == 0 {
				parts = []segment{{value: b.value}}
			}
			x := float32(0)
			for k, p := range parts {
				w := float32(0)
				if scale > 0 {
					w = float32(p.value/scale) * plotW
				}
				r.rects[i][k].Move(fyne.NewPos(x0+x, y))
				r.rects[i][k].Resize(fyne.NewSize(w, thick))
				x += w
			}
			end = x
		}
		l := r.labels[i]
		l.Text = elide(b.label, l.TextSize, l.TextStyle, labelW-pad)
		lh := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle)
		l.Move(fyne.NewPos(labelW-lh.Width, y+(thick-lh.Height)/2))
		v := r.values[i]
		room := size.Width - (x0 + end + pad)
		v.Text = elide(b.text, v.TextSize, v.TextStyle, room)
		vh := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		v.Move(fyne.NewPos(x0+end+pad, y+(thick-vh.Height)/2))
		r.hitBoxes[i] = box{fyne.NewPos(0, top+slot*float32(i)), fyne.NewSize(size.Width, slot)}
	}
	r.axis.Position1 = fyne.NewPos(x0, top)
	r.axis.Position2 = fyne.NewPos(x0, bottom)
	if c.style == rankDots {
		r.axis.Position1, r.axis.Position2 = fyne.NewPos(x0, bottom), fyne.NewPos(x0+plotW, bottom)
	}
	// Every tick is labelled when the labels fit side by side; else every
	// second or third, so that long ones ("7,5 mlrd dollar") never touch.
	tickValue := func(k int) float64 {
		frac := float64(k) / float64(len(r.grid)-1)
		if c.style == rankDots {
			return scale - (scale-1)*frac
		}
		return scale * frac
	}
	widest := float32(0)
	for k, t := range r.tickText {
		widest = max(widest, fyne.MeasureText(c.ticks(tickValue(k)), t.TextSize, t.TextStyle).Width)
	}
	stride := 1
	if gap := plotW / float32(len(r.grid)-1); gap > 0 {
		for stride < len(r.grid)-1 && float32(stride)*gap < widest+pad {
			stride++
		}
	}
	for k, g := range r.grid {
		frac := float32(k) / float32(len(r.grid)-1)
		x := x0 + frac*plotW
		g.Position1 = fyne.NewPos(x, top)
		g.Position2 = fyne.NewPos(x, bottom)
		t := r.tickText[k]
		t.Text = ""
		if k%stride == 0 {
			t.Text = c.ticks(tickValue(k))
		}
		tw := fyne.MeasureText(t.Text, t.TextSize, t.TextStyle).Width
		t.Move(fyne.NewPos(min(max(x-tw/2, x0-tw/2, 0), size.Width-tw), bottom+2))
	}
	uw := fyne.MeasureText(c.unit, r.unit.TextSize, fyne.TextStyle{}).Width
	r.unit.Text = elide(c.unit, r.unit.TextSize, fyne.TextStyle{}, size.Width)
	r.unit.Move(fyne.NewPos(max(0, x0+(plotW-uw)/2), bottom+tickH))
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
		rect := r.rects[i][0]
		rect.Move(fyne.NewPos(x, bottom-h))
		rect.Resize(fyne.NewSize(thick, h))
		l := r.labels[i]
		l.Text = elide(b.label, l.TextSize, l.TextStyle, labelW)
		lw := fyne.MeasureText(l.Text, l.TextSize, l.TextStyle).Width
		l.Move(fyne.NewPos(x+thick/2-lw/2, bottom+pad/2))
		v := r.values[i]
		// A value may use the room of unlabelled columns beside it.
		room := slot
		for k := i - 1; k >= 0 && c.bars[k].text == ""; k-- {
			room += slot / 2
		}
		for k := i + 1; k < len(c.bars) && c.bars[k].text == ""; k++ {
			room += slot / 2
		}
		v.Text = elide(b.text, v.TextSize, v.TextStyle, room)
		vs := fyne.MeasureText(v.Text, v.TextSize, v.TextStyle)
		vx := min(max(x+thick/2-vs.Width/2, 0), size.Width-vs.Width)
		v.Move(fyne.NewPos(vx, bottom-h-vs.Height))
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

// rankTicks labels a rank axis: "1st", "5th"; between whole ranks, nothing.
func rankTicks(v float64) string {
	if v != math.Trunc(v) || v < 1 {
		return ""
	}
	return lc().Ordinal(int(v))
}

// moneyTicks labels a US$-millions axis: "$500 m", "$2 bn".
func moneyTicks(v float64) string {
	if v == 0 {
		return "0"
	}
	return lc().MoneyOf(v)
}
