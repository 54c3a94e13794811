package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The theme choices the View menu offers.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

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
// user chose one, the light or dark variant forced.
type appTheme struct {
	mode string // themeSystem, themeLight or themeDark
}

func newTheme(mode string) *appTheme {
	switch mode {
	case themeLight, themeDark:
	default:
		mode = themeSystem
	}
	return &appTheme{mode: mode}
}

func (t *appTheme) variant(v fyne.ThemeVariant) fyne.ThemeVariant {
	switch t.mode {
	case themeLight:
		return theme.VariantLight
	case themeDark:
		return theme.VariantDark
	}
	return v
}

func (t *appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	v = t.variant(v)
	switch n {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink, theme.ColorNameFocus:
		c := koreanBlue
		if v == theme.VariantDark {
			c = koreanBlueLight
		}
		if n == theme.ColorNameFocus {
			c.A = 0x7f
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

func (t *appTheme) Font(s fyne.TextStyle) fyne.Resource     { return theme.DefaultTheme().Font(s) }
func (t *appTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// sizeNameHeadline is the size of a headline figure: 2.5 times body text.
const sizeNameHeadline fyne.ThemeSizeName = "uzkor-headline"

func (t *appTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == sizeNameHeadline {
		return theme.DefaultTheme().Size(theme.SizeNameText) * 2.5
	}
	return theme.DefaultTheme().Size(n)
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
