package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"uzkor/data"
)

func slideTitles(slides []slide) []string {
	var out []string
	for _, s := range slides {
		out = append(out, s.title)
	}
	return out
}

// The slides come from the view registry: the overview's charts each get
// one, so a new chart is a new slide.
func TestSlidesFromRegistry(t *testing.T) {
	u, _ := newTestUI(t)
	got := slideTitles(u.slides(nil))
	want := []string{"Title"}
	for _, v := range u.allViews() {
		if s, ok := v.(slider); ok {
			want = append(want, slideTitles(s.slides())...)
		}
	}
	ov := viewOf[*overviewView](t, u, "overview")
	if !slices.Equal(got, want) || !slices.Contains(got, "Headline figures") || !slices.Contains(got, ov.charts[0].chart.title) || !slices.Contains(got, "Map") {
		t.Errorf("slides %q\nwant %q", got, want)
	}
	extra := newBarChart("A new chart", "", nil, barsAcross, nil)
	extra.sources = "Sources: a test"
	ov.charts = append(ov.charts, ov.newChartCard(extra))
	if n := len(u.slides(nil)); n != len(want)+1 {
		t.Errorf("a new chart did not become a slide: %d", n)
	}
	for _, s := range u.slides(nil) {
		if s.source == "" {
			t.Errorf("slide %q has no source line", s.title)
		}
	}
}

func TestFilteredListSlideComesFirst(t *testing.T) {
	u, _ := newTestUI(t)
	apply(t, u, "projects", data.Query{Text: "health"})
	s := u.slides(u.current())
	if !strings.HasPrefix(s[0].title, `List: Projects filtered by "health"`) || s[1].title != "Title" {
		t.Errorf("first slides %q", slideTitles(s[:2]))
	}
	if !strings.Contains(s[0].source, "2 projects of 4") {
		t.Errorf("list slide source %q", s[0].source)
	}
	// The figures are on the slide; a column with one value for every row
	// is said once, under the title; the known amounts are given by kind.
	got := seen(s[0].build())
	mustShow(t, got, "National Oncology Center", "$127.5 m loan (2021)", "planned (2021)", "National Children's Medical Center", "$100 m loan (2013)",
		"Region: Tashkent city", "Known amounts, one kind at a time: $227.5 m of loans (2 projects)")
	if slices.Contains(got, "Tashkent city") {
		t.Error("a column that repeats one value is shown on every row")
	}
	// An unfiltered list adds no slide.
	apply(t, u, "projects", data.Query{})
	if u.slides(u.current())[0].title != "Title" {
		t.Error("an unfiltered list made a slide")
	}
}

// A long filtered list goes on over further slides instead of "… and
// 30 more"; names are never cut.
func TestLongListSlides(t *testing.T) {
	a := test.NewTempApp(t)
	u, _ := openUI(t, a, bundled(t))
	lv := apply(t, u, "projects", data.Query{Facets: map[string]string{"status": "planned"}})
	n := len(lv.view.Rows())
	s := u.slides(u.current())
	pages := (n + slideRows - 1) / slideRows
	if pages < 2 || !strings.HasSuffix(s[pages-1].title, "("+itoa(pages)+" of "+itoa(pages)+")") || s[pages].title != "Title" {
		t.Fatalf("%d rows on %d slides: %q", n, pages, slideTitles(s[:pages+1]))
	}
	count := 0
	for _, sl := range s[:pages] {
		p := newPresenter([]slide{sl}, newTheme(themeProjector), fyne.NewSize(1920, 1080), nil)
		w := a.NewWindow("slide")
		w.SetPadded(false)
		w.SetContent(p)
		w.Resize(fyne.NewSize(1920, 1080))
		for _, txt := range seen(p) {
			if strings.HasSuffix(txt, "…") {
				t.Errorf("%s: %q is cut", sl.title, txt)
			}
		}
		for _, r := range lv.view.Rows() {
			if shows(seen(p), u.data.Projects[r].Name) {
				count++
			}
		}
		w.Close()
	}
	if count != n {
		t.Errorf("%d of %d projects on the slides", count, n)
	}
}

func TestSlideNavigation(t *testing.T) {
	slides := make([]slide, 9)
	for i := range slides {
		slides[i] = slide{title: string(rune('A' + i)), build: func() fyne.CanvasObject { return canvas.NewRectangle(nil) }}
	}
	exited := false
	p := newPresenter(slides, newTheme(themeProjector), fyne.NewSize(1600, 900), func() { exited = true })
	key := func(k fyne.KeyName) { p.TypedKey(&fyne.KeyEvent{Name: k}) }
	steps := []struct {
		do   func()
		want int
	}{
		{func() { key(fyne.KeyLeft) }, 0}, // before the first: stays
		{func() { key(fyne.KeyRight) }, 1},
		{func() { key(fyne.KeyDown) }, 2},
		{func() { key(fyne.KeySpace) }, 3},
		{func() { key(fyne.KeyPageDown) }, 4},
		{func() { key(fyne.KeyReturn) }, 5},
		{func() { key(fyne.KeyEnter) }, 6},
		{func() { key(fyne.KeyUp) }, 5},
		{func() { key(fyne.KeyPageUp) }, 4},
		{func() { key(fyne.KeyBackspace) }, 3},
		{func() { key(fyne.KeyLeft) }, 2},
		{func() { key(fyne.KeyEnd) }, 8},
		{func() { key(fyne.KeyRight) }, 8}, // after the last: stays
		{func() { key(fyne.KeyHome) }, 0},
		{func() { p.TypedRune('7'); key(fyne.KeyReturn) }, 6},
		{func() { p.TypedRune('4'); p.TypedRune('2'); key(fyne.KeyReturn) }, 8}, // beyond: the last
		{func() { p.TypedRune('1'); key(fyne.KeyReturn) }, 0},
		{func() { p.TypedRune('x'); key(fyne.KeyReturn) }, 1}, // not a digit: just next
	}
	for i, s := range steps {
		s.do()
		if p.current() != s.want {
			t.Fatalf("step %d: slide %d, want %d", i, p.current(), s.want)
		}
	}
	// A click on the right half goes on, on the left half back.
	w := test.NewTempApp(t).NewWindow("p")
	w.SetContent(p)
	w.Resize(fyne.NewSize(1600, 900))
	test.TapAt(p, fyne.NewPos(1200, 450))
	if p.current() != 2 {
		t.Errorf("right click: %d", p.current())
	}
	test.TapAt(p, fyne.NewPos(200, 450))
	if p.current() != 1 {
		t.Errorf("left click: %d", p.current())
	}
	// The counter shows where we are.
	if p.counter.Text != "2 / 9" {
		t.Errorf("counter %q", p.counter.Text)
	}
	key(fyne.KeyEscape)
	if !exited {
		t.Error("Esc did not leave")
	}
	exited = false
	key(fyne.KeyF11)
	if !exited {
		t.Error("F11 did not leave")
	}
}

// Presenting takes the whole window and Esc returns to the tab it came
// from, with the menu and the window as they were.
func TestPresentAndReturn(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("sectors")
	u.present()
	p, ok := w.Content().(*presenter)
	if !ok || u.presenting == nil {
		t.Fatalf("content %T", w.Content())
	}
	if !w.FullScreen() || w.MainMenu() != nil {
		t.Error("not full screen, or the menu still shows")
	}
	if w.Canvas().Focused() != p {
		t.Error("the presenter does not have the keyboard")
	}
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.presenting != nil || w.FullScreen() || w.MainMenu() == nil || u.CurrentTab() != "sectors" || w.Content() != u.Content() {
		t.Errorf("after Esc: tab %s, full screen %v", u.CurrentTab(), w.FullScreen())
	}
	// The window leaving full screen lays the old slides out once more,
	// at its new size: the window keeps its own theme and text size.
	p.Resize(fyne.NewSize(1200, 700))
	p.Refresh()
	if th := u.app.Settings().Theme(); th != u.theme {
		t.Errorf("after Esc the window has the theme %T, not its own", th)
	}
	// F11 in the canvas and in a filter box present too.
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF11})
	if u.presenting == nil {
		t.Fatal("F11 did not present")
	}
	u.presenting.exit()
	u.ShowTab("projects")
	listOf(t, u, "projects").filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF11})
	if u.presenting == nil {
		t.Fatal("F11 in the filter box did not present")
	}
	u.presenting.exit()
}

// No text on a slide is smaller than 24 px at 1920×1080.
func TestSlideTextIsLarge(t *testing.T) {
	a := test.NewTempApp(t)
	u := build(a, bundled(t), nil, themeLight)
	lv := listOf(t, u, "projects")
	lv.setQuery(data.Query{Text: "health"})
	slides := u.slides(lv)
	p := newPresenter(slides, newTheme(themeProjector), fyne.NewSize(1920, 1080), nil)
	w := a.NewWindow("slides")
	w.SetPadded(false)
	w.SetContent(p)
	w.Resize(fyne.NewSize(1920, 1080))
	for i := range slides {
		p.show(i)
		w.Resize(fyne.NewSize(1919, 1080))
		w.Resize(fyne.NewSize(1920, 1080))
		n := 0
		for _, o := range test.LaidOutObjects(p) {
			if txt, ok := o.(*canvas.Text); ok && strings.TrimSpace(txt.Text) != "" && txt.Visible() {
				n++
				if txt.TextSize < 24 {
					t.Errorf("slide %d (%s): %q is %.1f px", i+1, slides[i].title, txt.Text, txt.TextSize)
				}
			}
		}
		if n < 3 {
			t.Errorf("slide %d (%s) shows %d texts", i+1, slides[i].title, n)
		}
	}
}

func TestProjectorTheme(t *testing.T) {
	test.AssertAllColorNamesDefined(t, newTheme(themeProjector), "projector")
	p, l := newTheme(themeProjector), newTheme(themeLight)
	if p.Size(theme.SizeNameText) <= l.Size(theme.SizeNameText) || p.Size(theme.SizeNameSeparatorThickness) <= l.Size(theme.SizeNameSeparatorThickness) {
		t.Error("the projector theme is not larger and bolder")
	}
	// High contrast: dark text on white in either system variant.
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		bg, fg := p.Color(theme.ColorNameBackground, v), p.Color(theme.ColorNameForeground, v)
		if luminance(bg)-luminance(fg) < 0.9 {
			t.Errorf("variant %d: contrast %v on %v", v, fg, bg)
		}
	}
}

func luminance(c interface{ RGBA() (r, g, b, a uint32) }) float64 {
	r, g, b, _ := c.RGBA()
	return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
}

// Zoom scales text through the theme, and is remembered.
func TestZoom(t *testing.T) {
	a := test.NewTempApp(t)
	u, _ := openUI(t, a, fixture(t))
	base := theme.TextSize()
	u.zoom(+1)
	u.zoom(+1)
	if got := theme.TextSize(); got <= base {
		t.Fatalf("zoom in: %v, was %v", got, base)
	}
	zoomed := theme.TextSize()
	u2, _ := openUI(t, a, fixture(t))
	if theme.TextSize() != zoomed || u2.theme.zoom != u.theme.zoom {
		t.Errorf("zoom not remembered: %v", theme.TextSize())
	}
	u2.zoom(0)
	if theme.TextSize() != base {
		t.Errorf("actual size: %v", theme.TextSize())
	}
	for range 20 {
		u2.zoom(-1)
	}
	if u2.theme.zoom != zoomSteps[0] {
		t.Errorf("zoom out stops at %v", u2.theme.zoom)
	}
}

func TestRenderSlides(t *testing.T) {
	a := test.NewTempApp(t)
	d := fixture(t)
	img, err := Render(a, d, Shot{Present: true, Slide: 3, Size: fyne.NewSize(1280, 720)})
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 720 {
		t.Errorf("slide image %v", b)
	}
	tree, err := shotTree(a, d, Shot{Present: true, Slide: 2, Size: fyne.NewSize(1280, 720)})
	if err != nil {
		t.Fatal(err)
	}
	mustShow(t, seen(tree), "Where the partnership stands", "over $7.7 bn", "2 / ")
	if _, err := Render(a, d, Shot{Present: true, Slide: 99}); err == nil || !strings.Contains(err.Error(), "there is no slide 99: the presentation has") {
		t.Errorf("slide 99: %v", err)
	}
}
