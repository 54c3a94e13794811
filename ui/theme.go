package ui

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"uzkor/resources"
)

// The theme choices the View menu offers.
const (
	themeSystem    = "system"
	themeLight     = "light"
	themeDark      = "dark"
	themeProjector = "projector"
)

// The zoom steps of Ctrl+Plus and Ctrl+Minus.
var zoomSteps = []float32{0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2}

// Korean blue, the one accent colour, and its lighter twin for dark mode.
var (
	koreanBlue      = color.NRGBA{R: 0x00, G: 0x47, B: 0xA0, A: 0xff}
	koreanBlueLight = color.NRGBA{R: 0x5c, G: 0x9d, B: 0xf0, A: 0xff}
)

// palette is the Okabe–Ito colour-blind-safe palette the charts use.
var palette = []color.NRGBA{
	{R: 0x00, G: 0x72, B: 0xB2, A: 0xff},
	{R: 0xE6, G: 0x9F, B: 0x00, A: 0xff},
	{R: 0x00, G: 0x9E, B: 0x73, A: 0xff},
	{R: 0xD5, G: 0x5E, B: 0x00, A: 0xff},
	{R: 0x56, G: 0xB4, B: 0xE9, A: 0xff},
	{R: 0xCC, G: 0x79, B: 0xA7, A: 0xff},
	{R: 0xF0, G: 0xE4, B: 0x42, A: 0xff},
}

// appTheme is Fyne's own theme with the accent colour set and, when the
// user chose one, the light or dark variant forced; or the projector
// theme: high contrast, larger type, thicker lines. zoom scales every size.
type appTheme struct {
	mode string // themeSystem, themeLight, themeDark or themeProjector
	zoom float32
}

func newTheme(mode string) *appTheme {
	switch mode {
	case themeLight, themeDark, themeProjector:
	default:
		mode = themeSystem
	}
	return &appTheme{mode: mode, zoom: 1}
}

// themeFor is the theme of a mode at the zoom the user chose last.
func themeFor(mode string, prefs fyne.Preferences) *appTheme {
	t := newTheme(mode)
	if prefs != nil {
		if z := float32(prefs.FloatWithFallback("zoom", 1)); slices.Contains(zoomSteps, z) {
			t = t.zoomed(z)
		}
	}
	return t
}

// zoomed is the same theme at another zoom.
func (t *appTheme) zoomed(z float32) *appTheme {
	n := *t
	n.zoom = z
	return &n
}

// projector colours: near-black on white, darker greys than Fyne's light
// theme so that faint text and lines survive a washed-out projector.
var projectorColours = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:        color.White,
	theme.ColorNameForeground:        color.NRGBA{R: 0x0a, G: 0x0a, B: 0x0a, A: 0xff},
	theme.ColorNameInputBackground:   color.NRGBA{R: 0xee, G: 0xf1, B: 0xf5, A: 0xff},
	theme.ColorNameHeaderBackground:  color.NRGBA{R: 0xe2, G: 0xe6, B: 0xec, A: 0xff},
	theme.ColorNameMenuBackground:    color.White,
	theme.ColorNameOverlayBackground: color.White,
	theme.ColorNameSeparator:         color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff},
	theme.ColorNamePlaceHolder:       color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff},
	theme.ColorNameDisabled:          color.NRGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xff},
	theme.ColorNameInputBorder:       color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xff},
	theme.ColorNameScrollBar:         color.NRGBA{R: 0x33, G: 0x33, B: 0x33, A: 0xaa},
	theme.ColorNameShadow:            color.NRGBA{A: 0x66},
}

func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight, themeProjector:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	if t.mode == themeProjector {
		if c, ok := projectorColours[n]; ok {
			return c
		}
	}
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		c := koreanBlue
		if v == theme.VariantDark {
			c = koreanBlueLight
		}
		if n == theme.ColorNameFocus {
			c.A = 0xd0 // a focus mark seen from across a room
		}
		return c
	case theme.ColorNameSelection:
		c := koreanBlue
		c.A = 0x30
		if v == theme.VariantDark {
			c = koreanBlueLight
			c.A = 0x40
		}
		return c
	}
	return theme.DefaultTheme().Color(n, v)
}

// Font is the bundled Hangul font of the style, which has nothing but
// what Fyne's Noto Sans lacks: Fyne draws a character in the theme's font
// when it has it, else in Noto Sans, else in the system's fonts; so Latin
// and Cyrillic stay Noto Sans and Hangul is drawn on a machine without a
// Korean font too. Symbols are Fyne's own.
func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Symbol:
		return theme.DefaultTheme().Font(s)
	case s.Bold:
		return hangulBold
	}
	return hangulRegular
}

// The Hangul fonts, as resources: one value each, so that Fyne's font
// cache keeps one parsed copy.
var (
	hangulRegular = fyne.NewStaticResource("UzkorHangul-Regular.ttf", resources.HangulFont)
	hangulBold    = fyne.NewStaticResource("UzkorHangul-Bold.ttf", resources.HangulBoldFont)
)

func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// sizeNameHeadline is the size of a headline figure: 2.5 times body text.
const sizeNameHeadline fyne.ThemeSizeName = "uzkor-headline"

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	base := theme.DefaultTheme()
	var s float32
	switch n {
	case sizeNameHeadline:
		s = base.Size(theme.SizeNameText) * 2.5
	default:
		s = base.Size(n)
	}
	if t.mode == themeProjector {
		switch n {
		case theme.SizeNameSeparatorThickness, theme.SizeNameInputBorder:
			s *= 2
		default:
			s *= 1.25
		}
	}
	if t.zoom > 0 {
		s *= t.zoom
	}
	return s
}

// textOn picks black or white text, whichever reads better on a colour.
func textOn(c color.Color) color.Color {
	r, g, b, _ := c.RGBA()
	lum := 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	if lum > 0.55*0xffff {
		return color.Black
	}
	return color.White
}
