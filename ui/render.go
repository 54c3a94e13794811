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

	noSelection bool      // select no row, as in a window where none is selected
	prepare     func(*UI) // restores a window's state: filters, selection, toggles
}

// Render draws a tab of the dashboard with Fyne's software painter, the
// same on every machine and with no window or GPU. It remembers nothing.
func Render(a fyne.App, d *data.Dataset, s Shot) (image.Image, error) {
	mode := s.Theme
	if mode == "" || mode == themeSystem {
		mode = themeLight
	}
	if mode != themeLight && mode != themeDark {
		return nil, fmt.Errorf("unknown theme %q (expected light or dark)", s.Theme)
	}
	if s.Size.Width <= 0 || s.Size.Height <= 0 {
		s.Size = fyne.NewSize(defaultWidth, defaultHeight)
	}
	prev := a.Settings().Theme()
	defer a.Settings().SetTheme(prev)
	u := build(a, d, nil, mode)
	tab := strings.ToLower(s.Tab)
	if tab == "" {
		tab = "overview"
	}
	if !u.ShowTab(tab) {
		return nil, fmt.Errorf("unknown tab %q (expected one of %s)", s.Tab, strings.Join(u.TabNames(), ", "))
	}
	if s.prepare != nil {
		s.prepare(u)
	} else if lv := u.list(tab); lv != nil && !s.noSelection {
		if s.Select != "" {
			if !lv.showID(s.Select) {
				return nil, fmt.Errorf("no row with id %q in %s", s.Select, tab)
			}
		} else if rows := lv.view.Rows(); len(rows) > 0 {
			lv.table.showRow(rows[0])
			lv.selectRow(rows[0])
		}
	}
	c := software.NewCanvas()
	if s.Scale > 0 {
		c.SetScale(s.Scale)
	}
	c.SetContent(u.Content())
	c.Resize(s.Size)
	return c.Capture(), nil
}

// WritePNG saves an image as a PNG file, whole or not at all.
func WritePNG(path string, img image.Image) error {
	return data.WriteFile(path, func(w io.Writer) error { return png.Encode(w, img) })
}
