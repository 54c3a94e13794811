package resources

import _ "embed" // for the //go:embed directive below

// Icon is the app icon, a 1024×1024 PNG: a white faceted crystal on a
// rounded square of Korean blue with one bevel in Uzbek green. It is drawn
// by icon_gen.go (go run resources/icon_gen.go) and is the same file that
// FyneApp.toml names for fyne package; give it to the app with
// fyne.NewStaticResource("icon.png", resources.Icon).
//
//go:embed icon.png
var Icon []byte
