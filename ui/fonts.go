package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// warmStyles are the text styles the first screen draws in.
var warmStyles = []fyne.TextStyle{{}, {Bold: true}}

// WarmFonts sets the theme the window will have (the one the user chose)
// and loads its fonts in the background: Fyne parses a font, and looks
// the system's fonts up, the first time it measures text in a style,
// about a tenth of a second on the main thread. Started before the window
// is made, it runs while the window is. The function it returns waits for
// it: until then no text may be measured, as Fyne's text shaping is not
// safe from two goroutines at once.
func WarmFonts(a fyne.App) (wait func()) {
	prefs := a.Preferences()
	th := themeFor(prefs.StringWithFallback("theme", themeSystem), prefs)
	a.Settings().SetTheme(th)
	size := th.Size(theme.SizeNameText)
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, s := range warmStyles {
			fyne.MeasureText("Mg", size, s)
		}
	})
	return wg.Wait
}
