package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// slides lists the presentation: the opening slide of the view the user
// came from (a filtered list), the title, then what each view of the
// registry offers, in tab order; a new chart or view becomes a slide by
// itself.
func (u *UI) slides(from view) []slide {
	var out []slide
	if o, ok := from.(opener); ok {
		out = append(out, named(from.name(), o.openingSlides())...)
	}
	return append(out, u.defaultSlides()...)
}

// defaultSlides are the title, then each view's slides in tab order, each
// named by its view and title ("overview:Projects by status"): what a new
// deck starts from.
func (u *UI) defaultSlides() []slide {
	out := []slide{u.titleSlide()}
	for _, v := range u.allViews() {
		if s, ok := v.(slider); ok {
			out = append(out, named(v.name(), s.slides())...)
		}
	}
	return out
}

// named gives slides made by a view their ids, unless they have one.
func named(view string, slides []slide) []slide {
	for i := range slides {
		if slides[i].id == "" {
			slides[i].id = view + ":" + slides[i].title
		}
	}
	return slides
}

// slideLabel is text in one of the slide theme's sizes.
func slideLabel(text string, size fyne.ThemeSizeName, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	return l
}

// slideTitle is a slide's heading; a long one wraps rather than being cut.
func slideTitle(text string) *widget.Label {
	return slideLabel(text, theme.SizeNameHeadingText, fyne.TextStyle{Bold: true})
}

func (u *UI) titleSlide() slide {
	d := u.data
	return slide{
		id:     "title",
		notes:  func() []string { return titleNotes(d) },
		title:  tr("slides.title"),
		source: tr("slides.title-source", "Sources", lc().Rows("sources", len(d.Sources))),
		build: func() fyne.CanvasObject {
			name := slideLabel(tr("app.title"), theme.SizeNameSubHeadingText, fyne.TextStyle{Bold: true})
			name.Alignment = fyne.TextAlignCenter
			pair := slideLabel(tr("slides.pair"), theme.SizeNameHeadingText, fyne.TextStyle{Bold: true})
			pair.Alignment = fyne.TextAlignCenter
			pair.Importance = widget.HighImportance
			what := slideLabel(tr("slides.what"), theme.SizeNameSubHeadingText, fyne.TextStyle{})
			what.Alignment = fyne.TextAlignCenter
			asOf := slideLabel(asOfLine(d), theme.SizeNameText, fyne.TextStyle{Italic: true})
			asOf.Alignment = fyne.TextAlignCenter
			return container.NewVBox(layout.NewSpacer(), pair, name, what, asOf, layout.NewSpacer())
		},
	}
}

func asOfLine(d *data.Dataset) string {
	l := lc()
	s := l.Rows("minerals", len(d.Minerals)) + " · " + l.Rows("projects", len(d.Projects)) + " · " + l.Rows("sources", len(d.Sources))
	if a := d.AsOf(); a.Known() {
		s = tr("slides.as-of", "Date", l.Date(a)) + " · " + s
	}
	return s
}

// publishers names the publishers of some sources, at most n, then "…".
func publishers(d *data.Dataset, ids data.List, n int) string {
	var names []string
	for _, r := range d.SourcesOf(ids) {
		p := d.Sources[r].Publisher
		if !slices.Contains(names, p) {
			names = append(names, p)
		}
	}
	out := ""
	for i, p := range names {
		if i == n {
			return trn("slides.and-more", len(names)-n, "Names", out)
		}
		if i > 0 {
			out += "; "
		}
		out += p
	}
	return out
}
