package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// timelineView is the Timeline tab: the partnership's milestones by year.
type timelineView struct {
	ui   *UI
	body fyne.CanvasObject
}

func newTimelineView(u *UI) *timelineView {
	l := widget.NewLabel("The timeline will show the partnership's milestones, from 2005 to today, grouped by year, with their kind, related records and sources.")
	l.Wrapping = fyne.TextWrapWord
	return &timelineView{ui: u, body: container.NewPadded(l)}
}

func (v *timelineView) content() fyne.CanvasObject { return v.body }
