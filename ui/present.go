package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// slide is one page of the presentation.
type slide struct {
	title  string                   // what the slide shows, for tests and the counter
	source string                   // the source line at the bottom
	build  func() fyne.CanvasObject // makes the slide's content, fresh each time
	notes  func() []string          // the speaker's talking points, from the data shown (notes.go)
	id     string                   // who made it and what it is: "overview:Projects by status" (the deck, notes)
}

// Sizes on a slide are given for a screen 1080 units high; they scale
// with the screen's height, or with its width on a screen narrower than
// 4:3, so text is never under 24 px at 1920×1080 and keeps its size on a
// 4:3 projector. The slide fills the screen, whatever its shape: its
// layouts wrap and stretch rather than leave bars around it.
const (
	slideH        = 1080
	narrowestWide = 1440 // the width that a 4:3 screen 1080 high has
)

// slideTheme sizes everything for the back of a room, in proportion to the
// slide, on the colours of a base theme (the projector theme by default).
type slideTheme struct {
	fyne.Theme
	unit float32 // slide height / 1080
}

func (t *slideTheme) Size(n fyne.ThemeSizeName) float32 {
	u := t.unit
	switch n {
	case theme.SizeNameText:
		return 30 * u
	case theme.SizeNameCaptionText:
		return 24 * u
	case theme.SizeNameSubHeadingText:
		return 40 * u
	case theme.SizeNameHeadingText:
		return 64 * u
	case theme.SizeNamePadding:
		return 8 * u
	case theme.SizeNameInnerPadding:
		return 10 * u
	case theme.SizeNameLineSpacing:
		return 6 * u
	case theme.SizeNameInlineIcon:
		return 30 * u
	case theme.SizeNameSeparatorThickness:
		return 3 * u
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 10 * u
	}
	return t.Theme.Size(n) * u * 2
}

// presenter shows slides full screen, one at a time, filling the screen.
// It takes the keyboard: Right, Down, Space, PageDown, Enter go on; Left, Up, PageUp, Backspace go back; Home, End;
// a number then Enter jumps; B (or .) blanks the screen to black and W (or
// ,) to white until pressed again; Esc or F11 leaves. A click on the right
// half goes on, on the left half back.
type presenter struct {
	widget.BaseWidget
	slides []slide
	index  int
	digits string // a slide number being typed
	onExit func()
	onF11  func()      // F11, when it does not leave (the slides' own window toggles full screen)
	onShow []func()    // told when the slide or the blanking changes (the console)
	blank  color.Color // the screen is blanked to this colour; nil: the slide shows
	fixed  bool        // never changes the app's theme: a picture of a slide (console.go), or slides left

	base      fyne.Theme  // the colours: the projector theme or the window's
	th        *slideTheme // the theme while the slides show, sized to them
	stage     *fyne.Container
	area      *canvas.Rectangle // the slide's background
	cover     *canvas.Rectangle // the blanked screen, over everything
	counter   *canvas.Text
	source    *canvas.Text
	rescaling bool
}

// newPresenter makes the slides' view. While it shows, the app's theme is
// the slide theme (the presenter fills the window, so nothing else is
// themed by it); size is the expected size, to make the slides right the
// first time.
func newPresenter(slides []slide, base fyne.Theme, size fyne.Size, onExit func()) *presenter {
	th := &slideTheme{Theme: base, unit: slideUnit(size)}
	fyne.CurrentApp().Settings().SetTheme(th)
	p := newSlideView(slides, th)
	p.onExit = onExit
	return p
}

// newSlideView shows slides in the slide theme given, which the app must
// have: a picture of a slide in the console, or the deck's preview.
func newSlideView(slides []slide, th *slideTheme) *presenter {
	p := &presenter{slides: slides, base: th.Theme, th: th}
	base := th.Theme
	p.stage = container.NewStack()
	p.area = canvas.NewRectangle(base.Color(theme.ColorNameBackground, theme.VariantLight))
	p.counter = canvas.NewText("", color.Black)
	p.source = canvas.NewText("", color.Black)
	p.cover = canvas.NewRectangle(color.Black)
	p.cover.Hide()
	p.ExtendBaseWidget(p)
	p.show(0)
	return p
}

func (p *presenter) show(i int) {
	if len(p.slides) == 0 {
		return
	}
	p.index = max(0, min(i, len(p.slides)-1))
	p.digits = ""
	p.blank = nil
	p.stage.Objects = []fyne.CanvasObject{p.slides[p.index].build()}
	p.stage.Refresh()
	p.Refresh()
	p.changed()
}

// changed tells those who follow the presentation (the console).
func (p *presenter) changed() {
	for _, f := range p.onShow {
		f()
	}
}

// blankTo blanks the screen to a colour, or shows the slide again when it
// is already blanked to it, as B and W do in PowerPoint.
func (p *presenter) blankTo(c color.Color) {
	if p.blank == c {
		p.blank = nil
	} else {
		p.blank = c
	}
	p.Refresh()
	p.changed()
}

func (p *presenter) next()  { p.show(p.index + 1) }
func (p *presenter) prev()  { p.show(p.index - 1) }
func (p *presenter) first() { p.show(0) }
func (p *presenter) last()  { p.show(len(p.slides) - 1) }

func (p *presenter) exit() {
	// Leaving resizes the window, which lays the slides out once more
	// before they go: at the new size they must not set their theme
	// again over the window's.
	p.fixed = true
	if p.onExit != nil {
		p.onExit()
	}
}

// TypedKey moves between slides.
func (p *presenter) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeySpace, fyne.KeyPageDown:
		p.next()
	case fyne.KeyReturn, fyne.KeyEnter:
		if p.digits != "" {
			n, _ := strconv.Atoi(p.digits)
			p.show(n - 1)
			return
		}
		p.next()
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp, fyne.KeyBackspace:
		p.prev()
	case fyne.KeyHome:
		p.first()
	case fyne.KeyEnd:
		p.last()
	case fyne.KeyF11:
		if p.onF11 != nil {
			p.onF11()
			return
		}
		p.exit()
	case fyne.KeyEscape:
		p.exit()
	}
}

// TypedRune collects the digits of a slide number; B and W blank the
// screen (a clicker's "." and "," too).
func (p *presenter) TypedRune(r rune) {
	switch {
	case r >= '0' && r <= '9' && len(p.digits) < 3:
		p.digits += string(r)
	case r == 'b' || r == 'B' || r == '.':
		p.blankTo(color.Black)
	case r == 'w' || r == 'W' || r == ',':
		p.blankTo(color.White)
	}
}

// FocusGained and FocusLost make the presenter take the keyboard.
func (p *presenter) FocusGained() {}
func (p *presenter) FocusLost()   {}

// Tapped goes on from a click on the right half, back on the left.
func (p *presenter) Tapped(e *fyne.PointEvent) {
	if e.Position.X >= p.Size().Width/2 {
		p.next()
	} else {
		p.prev()
	}
}

func (p *presenter) CreateRenderer() fyne.WidgetRenderer {
	return &presenterRenderer{p: p}
}

type presenterRenderer struct{ p *presenter }

func (r *presenterRenderer) Destroy()           {}
func (r *presenterRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 90) }
func (r *presenterRenderer) Objects() []fyne.CanvasObject {
	p := r.p
	return []fyne.CanvasObject{p.area, p.stage, p.counter, p.source, p.cover}
}

// Layout gives the slide the whole screen and scales its sizes to it.
func (r *presenterRenderer) Layout(s fyne.Size) {
	p := r.p
	if s.Width < 1 || s.Height < 1 {
		return
	}
	p.cover.Resize(s)
	p.cover.Hidden = p.blank == nil
	if p.blank != nil {
		p.cover.FillColor = p.blank
	}
	w, h := s.Width, s.Height
	pos := fyne.NewPos(0, 0)
	p.area.Move(pos)
	p.area.Resize(s)
	unit := slideUnit(s)
	if d := unit/p.th.unit - 1; (d > 0.02 || d < -0.02) && !p.rescaling && !p.fixed {
		// A new theme value makes the app refresh every widget in it,
		// which lays this out again: guard against coming back here.
		p.rescaling = true
		p.th = &slideTheme{Theme: p.base, unit: unit}
		fyne.CurrentApp().Settings().SetTheme(p.th)
		p.rescaling = false
	}
	margin := 48 * unit
	footer := 24 * unit * 1.6
	p.stage.Move(pos.Add(fyne.NewPos(margin, margin*0.75)))
	p.stage.Resize(fyne.NewSize(w-2*margin, h-margin*0.75-footer-margin*0.5))
	r.refreshFooter(w)
	cs := p.counter.MinSize()
	p.counter.Move(fyne.NewPos(pos.X+w-margin-cs.Width, pos.Y+h-footer))
	p.source.Move(fyne.NewPos(pos.X+margin, pos.Y+h-footer))
}

func (r *presenterRenderer) refreshFooter(width float32) {
	p := r.p
	fg := p.th.Color(theme.ColorNameForeground, theme.VariantLight)
	muted := p.th.Color(theme.ColorNamePlaceHolder, theme.VariantLight)
	size := 24 * p.th.unit
	p.counter.Text = strconv.Itoa(p.index+1) + " / " + strconv.Itoa(len(p.slides))
	p.counter.TextSize, p.counter.Color = size, fg
	src := ""
	if len(p.slides) > 0 {
		src = p.slides[p.index].source
	}
	cw := p.counter.MinSize().Width
	p.source.TextSize, p.source.Color = size, muted
	p.source.Text = elide(src, size, fyne.TextStyle{}, width-48*p.th.unit*3-cw)
	p.area.FillColor = p.th.Color(theme.ColorNameBackground, theme.VariantLight)
}

func (r *presenterRenderer) Refresh() {
	r.Layout(r.p.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

// slideUnit is the scale of a slide on a screen: its height over 1080, or
// its width over 1440 when it is narrower than 4:3.
func slideUnit(s fyne.Size) float32 {
	if s.Width <= 0 || s.Height <= 0 {
		return 1
	}
	return min(s.Height/slideH, s.Width/narrowestWide)
}

// Entering and leaving -------------------------------------------------------

// backFromSlides gives the window back the dashboard, as it was before
// presenting from the tab from: its theme, menu, content and tab, and
// lets the screen blank again.
func (u *UI) backFromSlides(from string) {
	u.presenting = nil
	u.app.Settings().SetTheme(u.theme)
	u.app.Driver().SetDisableScreenBlanking(false)
	u.setMenu()
	u.win.SetContent(u.Content())
	u.ShowTab(from)
}

// presentTheme is the theme slides use: the projector theme unless the
// user chose to present in the window's theme.
func (u *UI) presentTheme() fyne.Theme {
	if u.pref().str("present.theme", themeProjector) == themeProjector {
		return newTheme(themeProjector)
	}
	return newTheme(u.themeVariant())
}

// present goes full screen with the slides (the user's deck, or the
// app's slides after the opening slides of the filtered list shown); Esc
// or F11 comes back to the same tab. With a second display it puts the
// slides there and the presenter console here (console.go).
func (u *UI) present() {
	if u.win == nil || u.presenting != nil {
		return
	}
	if u.displays().secondary() {
		// The slides on the second display, the console here.
		u.presentTwo(true)
		return
	}
	from := u.CurrentTab()
	wasFull := u.win.FullScreen()
	u.saveState()
	p := newPresenter(u.showSlides(u.current()), u.presentTheme(), u.win.Canvas().Size(), func() {
		u.win.SetFullScreen(wasFull)
		u.win.SetPadded(true)
		u.backFromSlides(from)
	})
	u.presenting = p
	u.win.SetMainMenu(nil)
	u.win.SetPadded(false)
	u.win.SetContent(p)
	u.win.SetFullScreen(true)
	u.app.Driver().SetDisableScreenBlanking(true)
	u.win.Canvas().Focus(p)
}
