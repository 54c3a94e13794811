package ui

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeScreens are the displays a test says there are: one or two. Its
// windows record what was asked of them.
type fakeScreens struct {
	two  bool
	app  fyne.App
	wins []*fakeWindow
}

func (f *fakeScreens) secondary() bool { return f.two }

func (f *fakeScreens) newWindow(title string) fyne.Window {
	w := &fakeWindow{Window: f.app.NewWindow(title)}
	f.wins = append(f.wins, w)
	return w
}

// fullScreenSecondary goes the app's own way: through desktop.Window.
func (f *fakeScreens) fullScreenSecondary(w fyne.Window) { appScreens{f.app}.fullScreenSecondary(w) }

// fakeWindow is a test window that is a desktop.Window, and says whether
// it was asked to go full screen on the second display, and closed.
type fakeWindow struct {
	fyne.Window
	secondary bool
	closed    bool
}

func (w *fakeWindow) RequestFullScreenSecondary() {
	w.secondary = true
	w.SetFullScreen(true)
}
func (w *fakeWindow) RequestAlwaysOnTop()      {}
func (w *fakeWindow) RequestPosition(_, _ int) {}
func (w *fakeWindow) Close() {
	w.closed = true
	w.Window.Close()
}

// presentOn opens the dashboard with one or two fake displays.
func presentOn(t *testing.T, two bool) (*UI, fyne.Window, *fakeScreens) {
	t.Helper()
	a := test.NewTempApp(t)
	u, w := openUI(t, a, fixture(t))
	fs := &fakeScreens{two: two, app: a}
	u.talk.screens = fs
	return u, w, fs
}

func key(o fyne.Focusable, k fyne.KeyName) { o.TypedKey(&fyne.KeyEvent{Name: k}) }

// With two displays, Present puts the slides full screen on the second
// and the console in the main window; the keys work in either window, and
// leaving restores both.
func TestConsoleOnTwoDisplays(t *testing.T) {
	u, w, fs := presentOn(t, true)
	u.ShowTab("sectors")
	press(w, u.action("present"))
	if len(fs.wins) != 1 {
		t.Fatalf("%d slides windows", len(fs.wins))
	}
	sw := fs.wins[0]
	p, ok := sw.Content().(*presenter)
	if !ok || u.presenting != p {
		t.Fatalf("the slides window shows %T", sw.Content())
	}
	if !sw.secondary || !sw.FullScreen() {
		t.Errorf("the slides window: secondary full screen asked %v, full screen %v", sw.secondary, sw.FullScreen())
	}
	c := u.talk.console
	if c == nil || w.Content() != c.content || w.FullScreen() || w.MainMenu() != nil {
		t.Fatalf("the main window shows %T, full screen %v", w.Content(), w.FullScreen())
	}
	n := len(p.slides)
	mustShow(t, onScreen(w), "Slide 1 of "+itoa(n), "Title", "Next: "+p.slides[1].title, "Speaker notes", "00:00", "Slides", "2. "+p.slides[1].title,
		"Data as of", "B black", "Esc: end")
	// The presenter's side never shows on the audience's screen.
	for _, s := range []string{"Speaker notes", "Next:", "00:00", "Slide 1 of"} {
		if shows(seen(sw.Content()), s) {
			t.Errorf("the audience sees %q", s)
		}
	}
	// Keys in the console, in the slides' window, and on the main
	// window's canvas when nothing has the keyboard, drive one show.
	if w.Canvas().Focused() != c || sw.Canvas().Focused() != p {
		t.Fatalf("focus: %T and %T", w.Canvas().Focused(), sw.Canvas().Focused())
	}
	key(c, fyne.KeyRight)
	key(p, fyne.KeyRight)
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	if p.index != 3 {
		t.Fatalf("after three keys: slide %d", p.index+1)
	}
	mustShow(t, onScreen(w), "Slide 4 of "+itoa(n), p.slides[3].title, "Next: "+p.slides[4].title)
	if c.current.Image == nil || c.next.Image == nil {
		t.Error("no pictures of the current and next slides")
	}
	// Leaving restores both windows.
	key(c, fyne.KeyEscape)
	if u.presenting != nil || u.talk.console != nil || !sw.closed || w.Content() != u.Content() || w.MainMenu() == nil || u.CurrentTab() != "sectors" {
		t.Errorf("after Esc: presenting %v, slides window closed %v, tab %s", u.presenting != nil, sw.closed, u.CurrentTab())
	}
}

// Every key of the console.
func TestConsoleKeys(t *testing.T) {
	u, w, _ := presentOn(t, true)
	u.present()
	c, p := u.talk.console, u.presenting
	c.focus()
	n := len(p.slides)
	steps := []struct {
		name string
		do   func()
		want int
	}{
		{"Right", func() { key(c, fyne.KeyRight) }, 1},
		{"Down", func() { key(c, fyne.KeyDown) }, 2},
		{"Space", func() { key(c, fyne.KeySpace) }, 3},
		{"Page Down", func() { key(c, fyne.KeyPageDown) }, 4},
		{"Enter", func() { key(c, fyne.KeyReturn) }, 5},
		{"Left", func() { key(c, fyne.KeyLeft) }, 4},
		{"Up", func() { key(c, fyne.KeyUp) }, 3},
		{"Page Up", func() { key(c, fyne.KeyPageUp) }, 2},
		{"Backspace", func() { key(c, fyne.KeyBackspace) }, 1},
		{"End", func() { key(c, fyne.KeyEnd) }, n - 1},
		{"Home", func() { key(c, fyne.KeyHome) }, 0},
		{"7 Enter", func() { c.TypedRune('7'); key(c, fyne.KeyReturn) }, 6},
		{"a slide of the list", func() { c.list.Select(2) }, 2},
	}
	for _, s := range steps {
		s.do()
		if p.index != s.want {
			t.Fatalf("%s: slide %d, want %d", s.name, p.index+1, s.want+1)
		}
		if !shows(onScreen(w), "Slide "+itoa(s.want+1)+" of "+itoa(n)) {
			t.Errorf("%s: the console does not follow", s.name)
		}
	}
	// B blanks the audience's screen to black, W to white; the same key
	// again, or going on, shows the slide.
	sw := u.talk.slidesWin
	for _, b := range []struct {
		r      rune
		colour color.Color
		says   string
	}{{'b', color.Black, "black screen"}, {'w', color.White, "white screen"}} {
		c.TypedRune(b.r)
		if p.blank != b.colour || !p.cover.Visible() {
			t.Errorf("%c: blank %v", b.r, p.blank)
		}
		mustShow(t, onScreen(w), b.says)
		if shows(seen(sw.Content()), b.says) {
			t.Error("the audience reads the console's message")
		}
		c.TypedRune(b.r)
		if p.blank != nil || p.cover.Visible() {
			t.Errorf("%c again: still blank", b.r)
		}
	}
	c.TypedRune('B')
	key(c, fyne.KeyRight)
	if p.blank != nil || p.index != 3 {
		t.Errorf("a key after B: blank %v, slide %d", p.blank, p.index+1)
	}
	// B in the slides' window too.
	p.TypedRune('b')
	if p.blank == nil || !shows(onScreen(w), "black screen") {
		t.Error("B in the slides' window")
	}
	p.TypedRune('b')
	// The timer: P pauses and resumes it, R resets it; the clock.
	t0 := time.Date(2026, 3, 4, 14, 5, 0, 0, time.UTC)
	now := t0
	c.now = func() time.Time { return now }
	c.resetTimer()
	now = now.Add(65 * time.Second)
	c.tick()
	mustShow(t, onScreen(w), "01:05", "14:06")
	c.TypedRune('p')
	now = now.Add(time.Minute)
	c.tick()
	mustShow(t, onScreen(w), "01:05", "Resume")
	c.TypedRune('P')
	now = now.Add(5 * time.Second)
	c.tick()
	mustShow(t, onScreen(w), "01:10", "Pause")
	c.TypedRune('r')
	mustShow(t, onScreen(w), "00:00")
	now = now.Add(time.Hour + 2*time.Minute + 9*time.Second)
	c.tick()
	mustShow(t, onScreen(w), "1:02:09")
	// F11 in the console leaves, as it does presenting in one window.
	key(c, fyne.KeyF11)
	if u.presenting != nil {
		t.Error("F11 in the console did not leave")
	}
}

// The clock runs once a second on the main thread until presenting ends.
func TestConsoleTicks(t *testing.T) {
	u, _, _ := presentOn(t, true)
	ran := make(chan func(), 4)
	u.onMain = func(f func()) { ran <- f }
	u.present()
	select {
	case f := <-ran:
		f()
	case <-time.After(3 * time.Second):
		t.Fatal("no tick within 3 s")
	}
	u.presenting.exit()
	time.Sleep(1200 * time.Millisecond)
	for len(ran) > 0 {
		<-ran
	}
	select {
	case <-ran:
		t.Error("the clock ticks after presenting ended")
	case <-time.After(1200 * time.Millisecond):
	}
}

// With one display, Present works as before, and Presenter view opens the
// console here and the slides in a window to drag to the projector, where
// F11 puts it full screen.
func TestPresenterViewOnOneDisplay(t *testing.T) {
	u, w, fs := presentOn(t, false)
	press(w, u.action("present"))
	if _, ok := w.Content().(*presenter); !ok || len(fs.wins) != 0 {
		t.Fatalf("one display: %T, %d windows", w.Content(), len(fs.wins))
	}
	u.presenting.exit()
	press(w, u.action("presenter-view"))
	if len(fs.wins) != 1 || u.talk.console == nil {
		t.Fatalf("%d windows, console %v", len(fs.wins), u.talk.console != nil)
	}
	sw := fs.wins[0]
	if sw.secondary || sw.FullScreen() || w.FullScreen() {
		t.Errorf("secondary %v, slides full screen %v, main full screen %v", sw.secondary, sw.FullScreen(), w.FullScreen())
	}
	p := u.presenting
	key(p, fyne.KeyF11)
	if !sw.FullScreen() || u.presenting == nil {
		t.Error("F11 in the slides' window did not put it full screen")
	}
	key(p, fyne.KeyF11)
	if sw.FullScreen() {
		t.Error("F11 again did not take it out of full screen")
	}
	// Closing the slides' window ends presenting.
	sw.Close()
	if u.presenting != nil || w.Content() != u.Content() {
		t.Error("closing the slides' window left the console")
	}
}

// The presenter's own notes are kept with the deck, by slide.
func TestConsoleOwnNotes(t *testing.T) {
	u, w, _ := presentOn(t, true)
	u.present()
	c := u.talk.console
	key(c, fyne.KeyRight)
	id := u.presenting.slides[1].id
	c.mine.SetText("Start with the 2024 agreement")
	key(c, fyne.KeyRight)
	if c.mine.Text != "" {
		t.Errorf("the next slide shows %q", c.mine.Text)
	}
	key(c, fyne.KeyLeft)
	mustShow(t, onScreen(w), "Start with the 2024 agreement")
	key(c, fyne.KeyEscape)
	// Remembered: a new window reads it from the preferences.
	u2, _ := openUI(t, u.app, fixture(t))
	if got := u2.myDeck().note(id); got != "Start with the 2024 agreement" {
		t.Errorf("note %q for %s", got, id)
	}
	if u2.myDeck().custom() {
		t.Error("a note made a deck")
	}
}

// -screenshot -present -presenter -slide N draws the console.
func TestRenderConsole(t *testing.T) {
	a := test.NewTempApp(t)
	d := fixture(t)
	tree, err := shotTree(a, d, Shot{Present: true, Presenter: true, Slide: 4, Size: fyne.NewSize(1600, 1000)})
	if err != nil {
		t.Fatal(err)
	}
	got := seen(tree)
	mustShow(t, got, "Slide 4 of", "Funding by sector, by kind of amount", "Next: Projects by status", "Speaker notes",
		"Health care: 2 projects; $227.5 m of loans (2 projects)", "00:00")
	img, err := Render(a, d, Shot{Present: true, Presenter: true, Slide: 1, Size: fyne.NewSize(1280, 800)})
	if err != nil || img.Bounds().Dx() != 1280 {
		t.Fatalf("%v %v", err, img)
	}
	if slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, "�") }) {
		t.Error("a glyph the font lacks")
	}
}

// Fyne's desktop driver never takes Shift alone with a key as a shortcut:
// no action may rely on it.
func TestNoShiftOnlyShortcuts(t *testing.T) {
	u, _ := newTestUI(t)
	for _, a := range u.actions() {
		if a.mod == fyne.KeyModifierShift {
			t.Errorf("%s: %s is never delivered as a shortcut", a.id, a.keys)
		}
	}
}
