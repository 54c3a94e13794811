package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// tabHolder holds a tab's view, made when first needed. Fyne's tabs
// refresh every tab's content each time one is selected, the one shown
// included; a tab not in view skips that refresh, so that switching tabs
// costs the tab shown, not all of them (the map at 100,000 projects, the
// timeline's rows). Whatever changed while it was hidden, the theme
// included, is drawn by the refresh that comes with selecting it.
type tabHolder struct {
	widget.BaseWidget
	box *fyne.Container
}

func newTabHolder() *tabHolder {
	h := &tabHolder{box: container.NewStack()}
	h.ExtendBaseWidget(h)
	return h
}

func (h *tabHolder) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.box) }

// set puts the view's content in the tab.
func (h *tabHolder) set(o fyne.CanvasObject) {
	h.box.Objects = []fyne.CanvasObject{o}
	h.box.Refresh()
}

func (h *tabHolder) Refresh() {
	if h.Visible() {
		h.BaseWidget.Refresh()
	}
}
