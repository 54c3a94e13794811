package ui

import (
	"image"
	"image/color"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The presenter console: with the slides in a window of their own (full
// screen on a second display, or dragged to the projector), the main
// window shows the presenter what the audience sees, what comes next, the
// speaker notes, the time and every slide to jump to. One presentation,
// two views of it: the keys work in either window.

// talk is what the window keeps for presenting: the deck, the console,
// and the displays.
type talk struct {
	deck       deck
	deckRead   bool        // the deck was read from the preferences
	deckDialog *deckDialog // View → Deck…, while open
	console    *console    // the presenter console, while it shows
	slidesWin  fyne.Window // the slides' own window, while it shows
	screens    screens     // nil: the app's own displays
}

// screens is what the app knows of the displays, behind an interface so
// that a test can say "two displays".
type screens interface {
	// secondary reports whether a second display is connected.
	secondary() bool
	// newWindow makes a window for the slides.
	newWindow(title string) fyne.Window
	// fullScreenSecondary puts a window full screen on the second display.
	fullScreenSecondary(w fyne.Window)
}

// appScreens are the displays as Fyne's desktop driver sees them.
type appScreens struct{ a fyne.App }

func (s appScreens) secondary() bool {
	d, ok := s.a.Driver().(desktop.Driver)
	return ok && d.HasSecondaryDisplay()
}

func (s appScreens) newWindow(title string) fyne.Window { return s.a.NewWindow(title) }

func (s appScreens) fullScreenSecondary(w fyne.Window) {
	if dw, ok := w.(desktop.Window); ok {
		dw.RequestFullScreenSecondary()
		return
	}
	w.SetFullScreen(true)
}

func (u *UI) displays() screens {
	if u.talk.screens != nil {
		return u.talk.screens
	}
	return appScreens{u.app}
}

// presenterView opens the console in the main window and the slides in a
// window of their own: full screen on the second display when there is
// one, else a window to drag to the projector (F11 there puts it full
// screen).
func (u *UI) presenterView() { u.presentTwo(u.displays().secondary()) }

// presentTwo presents in two windows; second puts the slides full screen
// on the second display.
func (u *UI) presentTwo(second bool) {
	if u.win == nil || u.presenting != nil {
		return
	}
	from := u.CurrentTab()
	u.saveState()
	scr := u.displays()
	sw := scr.newWindow(tr("console.window", "App", tr("app.title")))
	size := fyne.NewSize(1280, 720)
	if second {
		size = fyne.NewSize(1920, 1080)
	}
	var c *console
	winSize := u.win.Canvas().Size()
	prevRune := u.win.Canvas().OnTypedRune()
	left, closed := false, false
	exit := func() {
		if left {
			return
		}
		left = true
		c.stop()
		u.talk.console, u.talk.slidesWin = nil, nil
		if !closed {
			closed = true
			sw.Close()
		}
		u.win.Canvas().SetOnTypedRune(prevRune)
		u.backFromSlides(from)
		u.win.Resize(winSize)
		u.win.RequestFocus()
	}
	// The slides' theme is the app's while they show: the dashboard leaves
	// the window first, or it would grow the window to its size in it.
	u.win.SetContent(canvas.NewRectangle(color.Transparent))
	p := newPresenter(u.showSlides(u.current()), u.presentTheme(), size, exit)
	// F11 in the slides' window puts it full screen, or back, on the
	// display it is on.
	p.onF11 = func() { sw.SetFullScreen(!sw.FullScreen()) }
	sw.SetPadded(false)
	sw.SetContent(p)
	sw.Resize(size)
	sw.SetOnClosed(func() {
		closed = true // the user closed it
		exit()
	})
	if second {
		scr.fullScreenSecondary(sw)
	}
	sw.Show()
	sw.Canvas().Focus(p)

	c = newConsole(u, p, u.theme)
	u.presenting = p
	u.talk.console, u.talk.slidesWin = c, sw
	u.win.SetMainMenu(nil)
	u.win.SetContent(c.content)
	u.win.Resize(winSize)
	u.win.Canvas().Focus(c)
	u.win.Canvas().SetOnTypedRune(c.TypedRune)
	u.app.Driver().SetDisableScreenBlanking(true)
	c.start()
}

// console is the presenter's view of a presentation.
type console struct {
	widget.BaseWidget
	u       *UI
	p       *presenter
	content fyne.CanvasObject // the console in the window's own theme

	counter *widget.Label // "Slide 3 of 14"
	title   *widget.Label
	blanked *widget.Label // what the audience sees instead of the slide
	timer   *widget.Label
	clock   *widget.Label
	pause   *widget.Button
	reset   *widget.Button
	current *canvas.Image
	next    *canvas.Image
	upNext  *widget.Label
	points  *fyne.Container // the talking points
	mine    *keyEntry       // the presenter's own notes for the slide
	list    *widget.List
	keys    *widget.Label

	updating bool // the console is showing a change: not the user's edit

	now      func() time.Time
	started  time.Time     // when the timer last started
	elapsed  time.Duration // counted before that
	running  bool
	done     chan struct{}
	pictures map[int]image.Image
	picSize  fyne.Size // the slides' size the pictures were made at
}

// consoleKeys is the line of keys at the bottom of the console.
func consoleKeys() string { return tr("console.keys") }

// newConsole makes the console of a presentation, in the theme of the
// window it shows in.
func newConsole(u *UI, p *presenter, th fyne.Theme) *console {
	c := &console{u: u, p: p, now: time.Now, pictures: map[int]image.Image{}}
	c.ExtendBaseWidget(c)
	c.counter = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.title.Truncation = fyne.TextTruncateEllipsis
	c.blanked = widget.NewLabel("")
	c.blanked.Importance = widget.DangerImportance
	c.timer = widget.NewLabelWithStyle("00:00", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true, Bold: true})
	c.timer.SizeName = theme.SizeNameSubHeadingText
	c.clock = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	c.clock.SizeName = theme.SizeNameSubHeadingText
	c.pause = widget.NewButtonWithIcon(tr("console.pause"), theme.MediaPauseIcon(), c.togglePause)
	c.reset = widget.NewButtonWithIcon(tr("console.reset"), theme.MediaReplayIcon(), c.resetTimer)
	c.current = canvas.NewImageFromImage(nil)
	c.current.FillMode = canvas.ImageFillContain
	c.next = canvas.NewImageFromImage(nil)
	c.next.FillMode = canvas.ImageFillContain
	c.upNext = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.upNext.Truncation = fyne.TextTruncateEllipsis
	c.points = container.NewVBox()
	c.mine = newKeyEntry()
	c.mine.MultiLine = true
	c.mine.Wrapping = fyne.TextWrapWord
	c.mine.SetMinRowsVisible(3)
	c.mine.SetPlaceHolder(tr("console.own-notes"))
	c.mine.onEscape = func() { c.focus() }
	c.mine.OnChanged = c.noteTyped
	c.list = widget.NewList(func() int { return len(p.slides) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(strconv.Itoa(i+1) + ". " + p.slides[i].title)
	})
	c.list.OnSelected = func(i widget.ListItemID) {
		if !c.updating && i != c.p.index {
			c.p.show(i)
		}
		c.focus()
	}
	c.keys = widget.NewLabel(consoleKeys())
	c.keys.Truncation = fyne.TextTruncateEllipsis

	head := container.NewBorder(nil, nil, container.NewHBox(c.counter), container.NewHBox(c.blanked, c.timer, c.pause, c.reset, c.clock), c.title)
	notesHead := widget.NewLabelWithStyle(tr("console.notes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	notes := container.NewBorder(notesHead, c.mine, nil, nil, container.NewVScroll(c.points))
	left := container.NewVSplit(newPanel(c.current), notes)
	left.Offset = 0.58
	nextBox := container.NewBorder(c.upNext, nil, nil, nil, newPanel(c.next))
	listHead := widget.NewLabelWithStyle(tr("console.slides"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewVSplit(nextBox, container.NewBorder(listHead, nil, nil, nil, c.list))
	right.Offset = 0.42
	body := container.NewHSplit(left, right)
	body.Offset = 0.64
	// The window's own background: the app's theme is the slides'.
	bg := canvas.NewRectangle(th.Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant()))
	c.content = container.NewThemeOverride(container.NewStack(bg, container.NewBorder(head, c.keys, nil, nil, container.NewStack(c, body))), th)
	p.onShow = append(p.onShow, c.update)
	c.running = true
	c.started = c.now()
	c.update()
	c.tick()
	return c
}

func (c *console) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(layout.NewSpacer())
}

// focus gives the console the keyboard again.
func (c *console) focus() {
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

// TypedKey drives the presentation, as the keys do in the slides'
// window; F11 here leaves, as it does presenting in one window.
func (c *console) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF11 {
		c.p.exit()
		return
	}
	c.p.TypedKey(k)
}

// TypedRune: P pauses or resumes the timer, R resets it; the rest
// (digits, B, W) goes to the presentation.
func (c *console) TypedRune(r rune) {
	switch r {
	case 'p', 'P':
		c.togglePause()
	case 'r', 'R':
		c.resetTimer()
	default:
		c.p.TypedRune(r)
	}
}

func (c *console) FocusGained() {}
func (c *console) FocusLost()   {}

// update shows the slide the presentation is at.
func (c *console) update() {
	p := c.p
	if len(p.slides) == 0 {
		return
	}
	c.updating = true
	defer func() { c.updating = false }()
	i := p.index
	s := p.slides[i]
	c.counter.SetText(tr("console.counter", "Slide", i+1, "Of", len(p.slides)))
	c.title.SetText(s.title)
	switch p.blank {
	case nil:
		c.blanked.SetText("")
	default:
		if r, g, b, _ := p.blank.RGBA(); r+g+b == 0 {
			c.blanked.SetText(tr("console.black"))
		} else {
			c.blanked.SetText(tr("console.white"))
		}
	}
	c.current.Image = c.picture(i)
	c.current.Refresh()
	if i+1 < len(p.slides) {
		c.upNext.SetText(tr("console.next", "Title", p.slides[i+1].title))
		c.next.Image = c.picture(i + 1)
	} else {
		c.upNext.SetText(tr("console.end"))
		c.next.Image = nil
	}
	c.next.Refresh()
	c.points.Objects = nil
	var points []string
	if s.notes != nil {
		points = s.notes()
	}
	for _, n := range points {
		l := widget.NewLabel("• " + n)
		l.Wrapping = fyne.TextWrapWord
		l.Selectable = true
		c.points.Add(l)
	}
	if len(points) == 0 {
		l := widget.NewLabel(tr("console.no-points"))
		l.TextStyle.Italic = true
		c.points.Add(l)
	}
	c.points.Refresh()
	c.mine.SetText(c.u.myDeck().note(s.id))
	c.list.Select(i)
	c.list.ScrollTo(i)
}

// noteTyped keeps the presenter's own note for the slide with the deck.
func (c *console) noteTyped(text string) {
	if c.updating {
		return
	}
	id := c.p.slides[c.p.index].id
	c.u.myDeck().setNote(id, text)
	c.u.keepDeck()
}

// picture is a slide drawn as the audience sees it, small: drawn once
// for each size of the slides' window.
func (c *console) picture(i int) image.Image {
	size := c.p.Size()
	if size.Width < 1 || size.Height < 1 {
		size = fyne.NewSize(1920, 1080)
	}
	if size != c.picSize {
		c.pictures = map[int]image.Image{}
		c.picSize = size
	}
	if img, ok := c.pictures[i]; ok {
		return img
	}
	img := slideImage(c.p.slides, i, c.p.th, size, min(1, 960/size.Width))
	c.pictures[i] = img
	return img
}

// slideImage draws a slide offscreen with the software painter, at the
// slides' size in the slide theme (which the app must have), scaled.
func slideImage(slides []slide, i int, th *slideTheme, size fyne.Size, scale float32) image.Image {
	v := newSlideView(slides, th)
	v.fixed = true
	v.show(i)
	cv := software.NewCanvas()
	cv.SetPadded(false)
	cv.SetScale(scale)
	cv.Resize(size)
	cv.SetContent(v)
	for range 2 {
		cv.Resize(size.SubtractWidthHeight(16, 16))
		cv.Resize(size)
	}
	return cv.Capture()
}

// slidePicture draws one slide as it shows at a size, when not
// presenting: the slide theme is the app's only while it draws.
func (u *UI) slidePicture(s slide, size fyne.Size, scale float32) image.Image {
	prev := u.app.Settings().Theme()
	th := &slideTheme{Theme: u.presentTheme(), unit: slideUnit(size)}
	u.app.Settings().SetTheme(th)
	defer u.app.Settings().SetTheme(prev)
	return slideImage([]slide{s}, 0, th, size, scale)
}

// The timer and the clock ------------------------------------------------------

// start counts the time once a second, on the main thread, until stop.
func (c *console) start() {
	c.done = make(chan struct{})
	done, onMain := c.done, c.u.runOnMain
	go func() {
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				onMain(c.tick)
			}
		}
	}()
}

func (c *console) stop() {
	if c != nil && c.done != nil {
		close(c.done)
		c.done = nil
	}
}

// spent is the time presenting, less the pauses.
func (c *console) spent() time.Duration {
	if c.running {
		return c.elapsed + c.now().Sub(c.started)
	}
	return c.elapsed
}

// tick shows the time spent and the time of day.
func (c *console) tick() {
	c.timer.SetText(clockText(c.spent()))
	c.clock.SetText(c.now().Format("15:04"))
}

// clockText is a duration as a presenter reads it: "07:05", "1:02:09".
func clockText(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	two := func(n int) string {
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
		return strconv.Itoa(n)
	}
	if s >= 3600 {
		return strconv.Itoa(s/3600) + ":" + two(s%3600/60) + ":" + two(s%60)
	}
	return two(s/60) + ":" + two(s%60)
}

func (c *console) togglePause() {
	if c.running {
		c.elapsed = c.spent()
		c.running = false
		c.pause.SetText(tr("console.resume"))
		c.pause.SetIcon(theme.MediaPlayIcon())
	} else {
		c.started = c.now()
		c.running = true
		c.pause.SetText(tr("console.pause"))
		c.pause.SetIcon(theme.MediaPauseIcon())
	}
	c.tick()
	c.focus()
}

func (c *console) resetTimer() {
	c.elapsed = 0
	c.started = c.now()
	c.tick()
	c.focus()
}
