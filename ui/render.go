package ui

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"

	"uzkor/data"
)

// Shot says what to draw offscreen.
type Shot struct {
	Tab    string    // a tab name; "" for the overview
	Theme  string    // light, dark, or "" for light
	Size   fyne.Size // in Fyne units
	Scale  float32   // pixels per unit; 0 for 1
	Select string    // the id of a row to select in a list tab; "" for the first row
	Folder string    // the data folder d was read from, for the status bar; "" for the bundled data

	Present   bool // draw a slide of the presentation instead of a tab
	Slide     int  // the slide, from 1
	Presenter bool // with Present: the presenter console at that slide, in Theme (default light)

	// restore puts the view in the state the user left it in a window:
	// filters, selection, toggles (snapshotter). Without it a list shows
	// its first row selected, or Select.
	restore func(view)
}

// Render draws a tab of the dashboard with Fyne's software painter, the
// same on every machine and with no window or GPU. It remembers nothing.
func Render(a fyne.App, d *data.Dataset, s Shot) (image.Image, error) {
	var img image.Image
	err := drawShot(a, d, s, func(c software.WindowlessCanvas) { img = c.Capture() })
	return img, err
}

// drawShot builds what a shot shows on an offscreen canvas, lays it out
// and hands the canvas to use, in the shot's theme.
func drawShot(a fyne.App, d *data.Dataset, s Shot, use func(software.WindowlessCanvas)) error {
	mode := s.Theme
	if mode == "" || mode == themeSystem {
		mode = themeLight
		if s.Present && !s.Presenter {
			mode = themeProjector
		}
	}
	if mode != themeLight && mode != themeDark && mode != themeProjector {
		return fmt.Errorf("unknown theme %q (expected light, dark or projector)", s.Theme)
	}
	if s.Size.Width <= 0 || s.Size.Height <= 0 {
		s.Size = fyne.NewSize(defaultWidth, defaultHeight)
	}
	prev := a.Settings().Theme()
	defer a.Settings().SetTheme(prev)
	u := prepare(a, d, nil, mode)
	if s.Folder != "" {
		_, u.folder = overlayOf(s.Folder)
	}
	u.buildViews()
	if s.Present {
		slides := u.slides(nil)
		if s.Slide < 1 || s.Slide > len(slides) {
			return fmt.Errorf("there is no slide %d: the presentation has %d slides", s.Slide, len(slides))
		}
		if s.Presenter {
			// The slides on a 1920×1080 projector, the console at the size asked.
			audience := fyne.NewSize(1920, 1080)
			p := newPresenter(slides, newTheme(themeProjector), audience, nil)
			p.Resize(audience)
			p.show(s.Slide - 1)
			use(layOut(newConsole(u, p, u.theme).content, s, true))
			return nil
		}
		p := newPresenter(slides, newTheme(mode), s.Size, nil)
		p.show(s.Slide - 1)
		use(layOut(p, s, false))
		return nil
	}
	tab := strings.ToLower(s.Tab)
	if tab == "" {
		tab = "overview"
	}
	if !u.ShowTab(tab) {
		return fmt.Errorf("unknown tab %q (expected one of %s)", s.Tab, strings.Join(Tabs(), ", "))
	}
	v := u.current()
	switch {
	case s.restore != nil:
		s.restore(v)
	case s.Select != "":
		if r, ok := v.(recordView); !ok || !r.showID(s.Select) {
			return fmt.Errorf("no row with id %q in %s", s.Select, tab)
		}
	default:
		if l, ok := v.(interface{ list() *listView }); ok {
			l.list().selectFirst()
		}
	}
	use(layOut(u.Content(), s, true))
	return nil
}

// layOut puts content on an offscreen canvas at the shot's size and
// scale, inset by the theme's padding as in a window, or not, as
// full-screen slides are.
func layOut(content fyne.CanvasObject, s Shot, padded bool) software.WindowlessCanvas {
	c := software.NewCanvas()
	c.SetPadded(padded)
	if s.Scale > 0 {
		c.SetScale(s.Scale)
	}
	// Sized before the content arrives, so that nothing is laid out at
	// the canvas's default size first (slides scale with their size).
	c.Resize(s.Size)
	c.SetContent(content)
	// A wrapped label knows its height only once it has its width: lay
	// out twice, as a window does over its first frames.
	for range 2 {
		c.Resize(s.Size.SubtractWidthHeight(16, 16))
		c.Resize(s.Size)
	}
	return c
}

// WritePNG saves an image as a PNG file, whole or not at all.
func WritePNG(path string, img image.Image) error {
	return data.WriteFile(path, func(w io.Writer) error { return png.Encode(w, img) })
}
