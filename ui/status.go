package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// statusBar is the line under the tabs: a passing message on the left
// (why a key did nothing, what was saved), where the data comes from on
// the right.
type statusBar struct {
	back    *widget.Button   // Back to where a link was followed from; hidden when there is none
	spinner *widget.Activity // turns while busy: a folder being read
	message *widget.Label
	origin  *widget.Label
	box     fyne.CanvasObject
	timer   *time.Timer
	onMain  func(func())
	working string // what busy shows, until idle
}

// statusShown is how long a message stays.
const statusShown = 8 * time.Second

func newStatusBar(onMain func(func()), back func()) *statusBar {
	b := &statusBar{message: widget.NewLabel(""), origin: widget.NewLabel(""), onMain: onMain}
	b.back = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), back)
	b.back.Importance = widget.LowImportance
	b.back.Hide()
	b.message.SizeName = theme.SizeNameCaptionText
	b.message.Truncation = fyne.TextTruncateEllipsis
	b.message.Importance = widget.HighImportance
	b.origin.SizeName = theme.SizeNameCaptionText
	b.origin.Alignment = fyne.TextAlignTrailing
	b.spinner = widget.NewActivity()
	b.spinner.Hide()
	b.box = container.NewBorder(nil, nil, container.NewHBox(b.back, b.spinner), b.origin, b.message)
	return b
}

// say shows a message for a while.
func (b *statusBar) say(msg string) {
	b.message.SetText(msg)
	if b.timer != nil {
		b.timer.Stop()
	}
	b.timer = time.AfterFunc(statusShown, func() {
		b.onMain(func() {
			if b.message.Text == msg {
				b.message.SetText("")
			}
		})
	})
}

func (b *statusBar) setOrigin(s string) { b.origin.SetText(s) }

// setBack shows Back with where it leads, or hides it.
func (b *statusBar) setBack(to string) {
	if to == "" {
		b.back.Hide()
		return
	}
	b.back.SetText(tr("status.back-to", "Place", to))
	b.back.Show()
}
