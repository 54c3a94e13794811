package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// columns lays out cells in as many equal columns as fit, each at least
// minWidth wide and at most maxCols; each row is as tall as its tallest.
type columns struct {
	minWidth float32
	maxCols  int
	width    float32 // the width last laid out, which decides the columns
}

func (l *columns) cols(width float32, objects []fyne.CanvasObject) int {
	least := l.minWidth
	for _, o := range objects {
		least = max(least, o.MinSize().Width) // no cell narrower than its content
	}
	n := int((width + theme.Padding()) / (least + theme.Padding()))
	return max(1, min(n, l.maxCols))
}

func (l *columns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	n := l.cols(size.Width, objects)
	pad := theme.Padding()
	w := (size.Width - pad*float32(n-1)) / float32(n)
	y := float32(0)
	for i := 0; i < len(objects); i += n {
		h := float32(0)
		for j := i; j < min(i+n, len(objects)); j++ {
			h = max(h, objects[j].MinSize().Height)
		}
		for j := i; j < min(i+n, len(objects)); j++ {
			objects[j].Move(fyne.NewPos(float32(j-i)*(w+pad), y))
			objects[j].Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

func (l *columns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	// The width the parent gave last decides the columns; before the
	// first layout, one column, the most height it can need.
	n := 1
	if l.width > 0 {
		n = l.cols(l.width, objects)
	}
	h, w := float32(0), float32(0)
	for i := 0; i < len(objects); i += n {
		rowH := float32(0)
		for j := i; j < min(i+n, len(objects)); j++ {
			m := objects[j].MinSize()
			rowH = max(rowH, m.Height)
			w = max(w, m.Width)
		}
		h += rowH + theme.Padding()
	}
	return fyne.NewSize(w, h)
}

// flow lays out items left to right and wraps them onto new lines, like
// words: for lists of links that must not make their parent wider.
type flow struct {
	width float32 // the width last laid out
}

func (l *flow) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	pad := theme.Padding()
	x, y, lineH := float32(0), float32(0), float32(0)
	for _, o := range objects {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w := min(m.Width, max(width, 1))
		if x > 0 && x+w > width {
			x, y, lineH = 0, y+lineH+pad, 0
		}
		if move {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, m.Height))
		}
		x += w + pad
		lineH = max(lineH, m.Height)
	}
	return y + lineH
}

func (l *flow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

func (l *flow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w := float32(0)
	for _, o := range objects {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	width := l.width
	if width <= 0 {
		width = w
	}
	// Narrow enough to never widen the parent: the widest single item.
	return fyne.NewSize(min(w, 200), l.place(objects, width, false))
}

// table lays out cells in rows of len(fractions) columns, each column the
// given fraction of the width, each row as tall as its tallest cell once
// the cells have their widths: for text that wraps instead of being cut.
type table struct {
	fractions []float32
	width     float32 // the width last laid out
}

func (l *table) widths(width float32) []float32 {
	pad := theme.Padding()
	free := width - pad*float32(len(l.fractions)-1)
	out := make([]float32, len(l.fractions))
	for i, f := range l.fractions {
		out[i] = free * f
	}
	return out
}

func (l *table) place(objects []fyne.CanvasObject, width float32, move bool) float32 {
	n := len(l.fractions)
	ws := l.widths(width)
	pad := theme.Padding()
	y := float32(0)
	for i := 0; i < len(objects); i += n {
		h := float32(0)
		for j := i; j < min(i+n, len(objects)); j++ {
			o := objects[j]
			o.Resize(fyne.NewSize(ws[j-i], o.MinSize().Height))
			h = max(h, o.MinSize().Height)
		}
		if move {
			x := float32(0)
			for j := i; j < min(i+n, len(objects)); j++ {
				objects[j].Move(fyne.NewPos(x, y))
				objects[j].Resize(fyne.NewSize(ws[j-i], h))
				x += ws[j-i] + pad
			}
		}
		y += h + pad
	}
	return y
}

func (l *table) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.place(objects, size.Width, true)
}

func (l *table) MinSize(objects []fyne.CanvasObject) fyne.Size {
	width := l.width
	if width <= 0 {
		width = 400
	}
	return fyne.NewSize(100, l.place(objects, width, false))
}

// minWidth gives its one object at least a width: a filter box that must
// not shrink to nothing beside its selectors.
type minWidth struct{ w float32 }

func (l *minWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l *minWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := objects[0].MinSize()
	return fyne.NewSize(max(m.Width, l.w), m.Height)
}

// fitLayout gives a select the width of the choice it shows, up to max,
// so that a chosen value is read whole ("Health care (5)", not "Healt…").
type fitLayout struct {
	sel *widget.Select
	max float32
}

func (l *fitLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

func (l *fitLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	m := l.sel.MinSize()
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, l.sel)
	text := l.sel.Selected
	if text == "" {
		text = l.sel.PlaceHolder
	}
	w := fyne.MeasureText(text, theme.SizeForWidget(theme.SizeNameText, l.sel), fyne.TextStyle{}).Width + pad*4 + theme.SizeForWidget(theme.SizeNameInlineIcon, l.sel)
	return fyne.NewSize(min(max(m.Width, w), l.max), m.Height)
}

// spread stacks objects top to bottom and shares the height left over
// between the gaps, so a slide of a few rows fills the page instead of
// its top half.
type spread struct{}

func (spread) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	used := float32(0)
	for _, o := range objects {
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		used += o.MinSize().Height
	}
	gap := theme.Padding()
	if n := len(objects); n > 1 {
		gap = max(gap, (size.Height-used)/float32(n-1))
	}
	gap = min(gap, theme.TextSize()*2.5) // rows stay rows, not islands
	y := float32(0)
	for _, o := range objects {
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + gap
	}
}

func (spread) MinSize(objects []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for _, o := range objects {
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height + theme.Padding()
	}
	return fyne.NewSize(w, h)
}

// splitFit holds a list beside its detail. Until the user drags the
// divider, it keeps the detail readable, about 340 units wide, and gives
// the list the rest, within limits.
type splitFit struct {
	split  *container.Split
	chosen bool    // the user set the divider: it stays where they put it
	set    float64 // the offset last set here
}

// userSet reports whether the user placed the divider.
func (l *splitFit) userSet() bool {
	return l.chosen || (l.set != 0 && l.split.Offset != l.set)
}

func (l *splitFit) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.chosen = l.userSet()
	if !l.chosen && size.Width > 0 {
		l.set = min(0.74, max(0.55, 1-340/float64(size.Width)))
		l.split.Offset = l.set
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}

func (l *splitFit) MinSize(objects []fyne.CanvasObject) fyne.Size { return objects[0].MinSize() }
