package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// panel is content on a rounded background of the theme's input colour.
// Unlike a bare rectangle it takes its colour from its theme each time it
// refreshes, so it follows a theme change and a ThemeOverride.
type panel struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newPanel(content fyne.CanvasObject) *panel {
	p := &panel{content: content}
	p.ExtendBaseWidget(p)
	return p
}

func (p *panel) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	r := &panelRenderer{p: p, bg: bg, box: container.NewStack(bg, container.NewPadded(p.content))}
	r.Refresh()
	return r
}

type panelRenderer struct {
	p   *panel
	bg  *canvas.Rectangle
	box *fyne.Container
}

func (r *panelRenderer) Layout(s fyne.Size)           { r.box.Resize(s) }
func (r *panelRenderer) MinSize() fyne.Size           { return r.box.MinSize() }
func (r *panelRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.box} }
func (r *panelRenderer) Destroy()                     {}
func (r *panelRenderer) Refresh() {
	r.bg.FillColor = theme.ColorForWidget(theme.ColorNameInputBackground, r.p)
	r.bg.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, r.p)
	r.bg.Refresh()
	r.p.content.Refresh()
}

// tag is a short word on a coloured, rounded background, with black or
// white text, whichever reads better.
type tag struct {
	widget.BaseWidget
	text string
	fill color.Color
}

func newTag(text string, fill color.Color) *tag {
	t := &tag{text: text, fill: fill}
	t.ExtendBaseWidget(t)
	return t
}

func (t *tag) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(t.fill)
	txt := canvas.NewText(" "+t.text+" ", textOn(t.fill))
	txt.TextStyle.Bold = true
	r := &tagRenderer{t: t, bg: bg, txt: txt}
	r.Refresh()
	return r
}

type tagRenderer struct {
	t   *tag
	bg  *canvas.Rectangle
	txt *canvas.Text
}

func (r *tagRenderer) Layout(s fyne.Size) {
	m := r.txt.MinSize()
	r.bg.Move(fyne.NewPos(0, (s.Height-m.Height)/2))
	r.bg.Resize(m)
	r.txt.Move(fyne.NewPos(0, (s.Height-m.Height)/2))
	r.txt.Resize(m)
}
func (r *tagRenderer) MinSize() fyne.Size           { return r.txt.MinSize() }
func (r *tagRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.txt} }
func (r *tagRenderer) Destroy()                     {}
func (r *tagRenderer) Refresh() {
	r.txt.TextSize = theme.SizeForWidget(theme.SizeNameCaptionText, r.t)
	r.bg.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, r.t)
	r.bg.Refresh()
	r.txt.Refresh()
}
