package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// overviewView is the Overview tab: where the partnership stands.
type overviewView struct {
	ui   *UI
	body fyne.CanvasObject
}

func newOverviewView(u *UI) *overviewView {
	l := widget.NewLabel("The overview will show the headline figures (Korean investment, companies, the EDCF ceiling, trade, funded projects) and charts of funding by sector, projects by status and by funder, and the minerals' world rank.")
	l.Wrapping = fyne.TextWrapWord
	return &overviewView{ui: u, body: container.NewPadded(l)}
}

func (v *overviewView) content() fyne.CanvasObject { return v.body }
