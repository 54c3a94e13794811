package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// The fonts are loaded in the theme the user chose, at the zoom chosen,
// and the window made after has that theme.
func TestWarmFontsInTheChosenTheme(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString("theme", themeDark)
	a.Preferences().SetFloat("zoom", 1.25)
	base := theme.DefaultTheme().Size(theme.SizeNameText)

	WarmFonts(a)()

	th, ok := a.Settings().Theme().(*appTheme)
	if !ok || th.mode != themeDark || th.zoom != 1.25 {
		t.Fatalf("theme after warming: %#v, want the dark theme at 1.25", a.Settings().Theme())
	}
	if got := theme.TextSize(); got != base*1.25 {
		t.Errorf("text size %v, want %v", got, base*1.25)
	}
	for _, s := range warmStyles {
		if size := fyne.MeasureText("Mg", theme.TextSize(), s); size.Width <= 0 || size.Height <= 0 {
			t.Errorf("text in %+v measures %v", s, size)
		}
	}
	u, _ := openUI(t, a, fixture(t))
	if u.theme.mode != themeDark || u.theme.zoom != 1.25 {
		t.Errorf("window's theme: %s at %v, want dark at 1.25", u.theme.mode, u.theme.zoom)
	}
}
