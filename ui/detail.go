package ui

import (
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// link is a related record the detail pane offers: a tap opens it in its
// own tab.
type link struct {
	label string
	table string // "minerals", "sectors", "projects"
	id    string
}

// detailPane shows every field of one row, its links and its sources. Its
// text can be selected, and Copy puts all of it on the clipboard.
type detailPane struct {
	env    *env
	box    *fyne.Container
	scroll *container.Scroll
	copy   *widget.Button
	items  []fyne.CanvasObject // what the pane shows, laid out once in done
	form   *fyne.Container     // the current run of label–value fields
	text   strings.Builder     // the pane as plain text, for Copy
	title  string

	// Handles for tests: the values shown by field label, the links and
	// the charts.
	values    map[string]*widget.Label
	linkItems []*widget.Hyperlink
	charts    []*chartCard

	// extraSources are cited by parts of the pane other than the row (a
	// mineral's production figures): listed with its sources.
	extraSources data.List
}

func newDetailPane(e *env) *detailPane {
	d := &detailPane{env: e, box: container.NewVBox(), values: map[string]*widget.Label{}}
	d.copy = widget.NewButtonWithIcon(tr("detail.copy"), theme.ContentCopyIcon(), d.copyAll)
	d.copy.Importance = widget.LowImportance
	d.scroll = container.NewVScroll(d.box)
	return d
}

func (d *detailPane) content() fyne.CanvasObject { return d.scroll }

// reset empties the pane; empty is what it says when nothing is selected.
func (d *detailPane) reset(empty string) {
	d.items = nil
	d.form = nil
	d.text.Reset()
	d.values = map[string]*widget.Label{}
	d.linkItems = nil
	d.charts = nil
	d.extraSources = nil
	d.title = ""
	if empty != "" {
		l := widget.NewLabel(empty)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Italic = true
		d.add(l)
	}
	d.done()
	d.scroll.ScrollToTop()
}

// add puts an object at the end of the pane; nothing is laid out until
// done, so a long detail costs one layout, not one per line.
func (d *detailPane) add(o fyne.CanvasObject) { d.items = append(d.items, o) }

// done shows what was added.
func (d *detailPane) done() {
	d.box.Objects = d.items
	d.box.Refresh()
}

// heading starts the pane with the row's name and a line under it.
func (d *detailPane) heading(title, subtitle string) {
	d.title = title
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	t.Wrapping = fyne.TextWrapWord
	t.Selectable = true
	top := container.NewBorder(nil, nil, nil, d.copy, t)
	d.add(top)
	d.text.WriteString(title + "\n")
	if subtitle != "" {
		s := widget.NewLabelWithStyle(subtitle, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		s.Wrapping = fyne.TextWrapWord
		d.add(s)
		d.text.WriteString(subtitle + "\n")
	}
	d.add(widget.NewSeparator())
}

// field adds a label and its value; an empty value shows as "—".
func (d *detailPane) field(label, value string) {
	if strings.TrimSpace(value) == "" {
		value = data.Unknown
	}
	if d.form == nil {
		d.form = container.New(layout.NewFormLayout())
		d.add(d.form)
	}
	k := widget.NewLabelWithStyle(label, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	v.Selectable = true
	d.form.Objects = append(d.form.Objects, k, v)
	d.values[label] = v
	d.text.WriteString(label + ": " + value + "\n")
}

// section starts a titled part of the pane.
func (d *detailPane) section(title string) {
	d.form = nil
	h := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.add(h)
	d.text.WriteString("\n" + title + "\n")
}

// paragraph adds a block of text under a title; nothing when empty.
func (d *detailPane) paragraph(title, text string) {
	if strings.TrimSpace(text) == "" {
		return
	}
	d.section(title)
	p := widget.NewLabel(text)
	p.Wrapping = fyne.TextWrapWord
	p.Selectable = true
	d.add(p)
	d.values[title] = p
	d.text.WriteString(text + "\n")
}

// links adds a titled list of related records, each a link to its tab.
func (d *detailPane) links(title string, items []link) {
	d.section(tr("detail.counted", "Title", title, "Count", len(items)))
	if len(items) == 0 {
		none := tr("detail.none")
		l := widget.NewLabel(none)
		l.TextStyle.Italic = true
		d.add(l)
		d.text.WriteString(none + "\n")
		return
	}
	for _, it := range items {
		it := it
		h := widget.NewHyperlink(it.label, nil)
		h.Wrapping = fyne.TextWrapWord
		h.OnTapped = func() { d.env.nav.show(it.table, it.id) }
		d.add(h)
		d.linkItems = append(d.linkItems, h)
		d.text.WriteString("- " + it.label + "\n")
	}
}

// sources ends the pane with the row's citations: title, publisher, date
// and the address.
func (d *detailPane) sources(ids data.List) {
	ds := d.env.data
	for _, id := range d.extraSources {
		if !ids.Has(id) {
			ids = append(slices.Clone(ids), id)
		}
	}
	rows := ds.SourcesOf(ids)
	d.section(tr("detail.counted", "Title", tr("detail.sources"), "Count", len(rows)))
	for _, r := range rows {
		s := ds.Sources[r]
		t := widget.NewLabelWithStyle("["+s.ID+"] "+s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		t.Wrapping = fyne.TextWrapWord
		t.Selectable = true
		meta := s.Publisher
		if s.Date.Known() {
			meta += " · " + lc().Date(s.Date)
		}
		m := widget.NewLabel(meta)
		m.Wrapping = fyne.TextWrapWord
		m.Selectable = true
		d.add(t)
		d.add(m)
		d.text.WriteString("[" + s.ID + "] " + s.Title + "\n" + meta + "\n")
		if s.URL != "" {
			u, err := url.Parse(s.URL)
			h := widget.NewHyperlink(s.URL, nil)
			if err == nil {
				h.URL = u
			}
			h.Wrapping = fyne.TextWrapBreak
			d.add(h)
			d.text.WriteString(s.URL + "\n")
		}
		if s.Notes != "" {
			n := widget.NewLabel(s.Notes)
			n.Wrapping = fyne.TextWrapWord
			n.TextStyle.Italic = true
			d.add(n)
		}
	}
}

func (d *detailPane) copyAll() {
	if d.text.Len() > 0 {
		d.env.nav.copyText(d.text.String())
	}
}

// Text is the pane's content as plain text.
func (d *detailPane) Text() string { return d.text.String() }
