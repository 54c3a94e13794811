package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// The user's own deck: the slides they chose, in their order, with their
// titles and notes. An entry names a slide of the app by its id, or keeps
// a list as the user left it (filters, sort, selection, columns), which is
// evaluated again on the data shown each time the deck is presented. The
// deck is remembered in the preferences and can be saved to a small JSON
// file for a colleague.

// deckVersion is the version of deck files this app reads and writes.
const deckVersion = 1

// deck is what is remembered and what a deck file holds.
type deck struct {
	Version int `json:"version"`
	// Slides are the deck's entries in order; none: the app's own slides,
	// as Present showed them before the user made a deck.
	Slides []deckEntry `json:"slides"`
	// Notes are the presenter's own notes, by slide id.
	Notes map[string]string `json:"notes,omitempty"`
}

// deckEntry is one entry of a deck: a slide of the app by its id, or a
// saved view, which may fill several slides (a long list).
type deckEntry struct {
	Ref   string     `json:"ref,omitempty"`   // "overview:Projects by status"
	View  *savedView `json:"view,omitempty"`  // a list as the user left it
	Title string     `json:"title,omitempty"` // the user's own title for it
}

// savedView is a list as the user left it.
type savedView struct {
	Tab      string            `json:"tab"`
	Text     string            `json:"text,omitempty"`
	Facets   map[string]string `json:"facets,omitempty"`
	Sort     string            `json:"sort,omitempty"`
	Desc     bool              `json:"desc,omitempty"`
	Selected string            `json:"selected,omitempty"` // the id of the row in the detail pane
	Columns  []string          `json:"columns,omitempty"`
}

// custom reports whether the user has made a deck of their own.
func (d *deck) custom() bool { return len(d.Slides) > 0 }

// move moves entry i by delta places; it reports whether it moved.
func (d *deck) move(i, delta int) bool {
	j := i + delta
	if i < 0 || i >= len(d.Slides) || j < 0 || j >= len(d.Slides) {
		return false
	}
	d.Slides[i], d.Slides[j] = d.Slides[j], d.Slides[i]
	return true
}

// remove takes entry i out.
func (d *deck) remove(i int) bool {
	if i < 0 || i >= len(d.Slides) {
		return false
	}
	d.Slides = slices.Delete(d.Slides, i, i+1)
	return true
}

// rename gives entry i the user's own title; "" goes back to the slide's.
func (d *deck) rename(i int, title string) bool {
	if i < 0 || i >= len(d.Slides) {
		return false
	}
	d.Slides[i].Title = strings.TrimSpace(title)
	return true
}

// note is the presenter's own note for a slide.
func (d *deck) note(id string) string { return d.Notes[id] }

func (d *deck) setNote(id, text string) {
	if strings.TrimSpace(text) == "" {
		delete(d.Notes, id)
		return
	}
	if d.Notes == nil {
		d.Notes = map[string]string{}
	}
	d.Notes[id] = text
}

// parseDeck reads a deck file. A file that is not JSON, not a deck, or a
// deck of another version is an error that says which, and what it holds
// is not used.
func parseDeck(b []byte) (deck, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return deck{}, errors.New(tr("deck.err.empty"))
	}
	var raw struct {
		Version *int             `json:"version"`
		Slides  *json.RawMessage `json:"slides"`
		Notes   json.RawMessage  `json:"notes"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line := bytes.Count(b[:min(int(se.Offset), len(b))], []byte("\n")) + 1
			return deck{}, errors.New(tr("deck.err.not-json", "Line", strconv.Itoa(line), "Error", se.Error()))
		}
		return deck{}, errors.New(tr("deck.err.not-object"))
	}
	if raw.Version == nil || raw.Slides == nil {
		return deck{}, errors.New(tr("deck.err.no-version"))
	}
	if *raw.Version != deckVersion {
		return deck{}, errors.New(tr("deck.err.version", "Version", strconv.Itoa(*raw.Version), "Reads", strconv.Itoa(deckVersion)))
	}
	var d deck
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&d); err != nil {
		return deck{}, errors.New(tr("deck.err.damaged", "Error", err.Error()))
	}
	for i, e := range d.Slides {
		switch {
		case e.Ref == "" && e.View == nil:
			return deck{}, errors.New(tr("deck.err.names-nothing", "Slide", strconv.Itoa(i+1)))
		case e.View != nil && e.View.Tab == "":
			return deck{}, errors.New(tr("deck.err.no-tab", "Slide", strconv.Itoa(i+1)))
		}
	}
	return d, nil
}

// encode writes the deck as a file: its entries spelled out, the default
// slides too, so that a colleague gets the same deck.
func (d deck) encode(defaults []deckEntry) ([]byte, error) {
	d.Version = deckVersion
	if !d.custom() {
		d.Slides = defaults
	}
	return json.MarshalIndent(d, "", "  ")
}

// The deck in the window ------------------------------------------------------

// myDeck is the deck the user has, read from the preferences once.
func (u *UI) myDeck() *deck {
	t := &u.talk
	if !t.deckRead {
		t.deckRead = true
		if s := u.pref().str("deck", ""); s != "" {
			if d, err := parseDeck([]byte(s)); err == nil {
				t.deck = d
			} else {
				fyne.LogError("the remembered deck", err)
			}
		}
	}
	return &t.deck
}

// keepDeck remembers the deck.
func (u *UI) keepDeck() {
	d := *u.myDeck()
	d.Version = deckVersion
	if d.Slides == nil {
		d.Slides = []deckEntry{} // the app's own slides, but a deck file all the same
	}
	b, err := json.Marshal(d)
	if err != nil {
		fyne.LogError("deck", err)
		return
	}
	u.pref().setStr("deck", string(b))
}

// defaultEntries are the app's own slides as deck entries: what a new
// deck starts from.
func (u *UI) defaultEntries() []deckEntry {
	var out []deckEntry
	for _, s := range u.defaultSlides() {
		out = append(out, deckEntry{Ref: s.id})
	}
	return out
}

// editDeck changes the deck, making it from the default slides first if
// the user had none, and remembers it.
func (u *UI) editDeck(change func(d *deck)) {
	d := u.myDeck()
	if !d.custom() {
		d.Slides = u.defaultEntries()
	}
	change(d)
	u.keepDeck()
}

// showSlides are the slides Present shows: the user's deck, or, without
// one, the app's slides after the filtered list presenting starts from.
func (u *UI) showSlides(from view) []slide {
	if d := u.myDeck(); d.custom() {
		return u.deckSlides(d)
	}
	return u.slides(from)
}

// deckSlides evaluates a deck on the data shown: each entry's slides, or
// a slide that says what the data no longer has.
func (u *UI) deckSlides(d *deck) []slide {
	byID := map[string]slide{}
	for _, s := range u.defaultSlides() {
		byID[s.id] = s
	}
	var out []slide
	for _, e := range d.Slides {
		out = append(out, u.entrySlides(e, byID)...)
	}
	return out
}

// entrySlides are the slides of one entry of a deck.
func (u *UI) entrySlides(e deckEntry, byID map[string]slide) []slide {
	var slides []slide
	switch {
	case e.View != nil:
		slides = u.viewSlides(*e.View, e.Title)
	case e.Ref != "":
		s, ok := byID[e.Ref]
		if !ok {
			_, what, _ := strings.Cut(e.Ref, ":")
			if what == "" {
				what = e.Ref
			}
			return []slide{missingSlide(e.Ref, tr("deck.missing.slide", "What", what))}
		}
		slides = []slide{s}
	default:
		return []slide{missingSlide("", tr("deck.missing.nothing"))}
	}
	if e.Title != "" && e.View == nil {
		for i := range slides {
			slides[i] = retitled(slides[i], e.Title)
		}
	}
	return slides
}

// retitled is a slide under the user's own title: its heading (or its
// chart's title) says it, and so does the list of slides.
func retitled(s slide, title string) slide {
	build := s.build
	s.title = title
	s.build = func() fyne.CanvasObject {
		o := build()
		if !setHeading(o, title) {
			return container.NewBorder(slideTitle(title), nil, nil, nil, o)
		}
		return o
	}
	return s
}

// setHeading puts a title in a slide's first heading or chart title, and
// reports whether it found one.
func setHeading(o fyne.CanvasObject, title string) bool {
	switch x := o.(type) {
	case *widget.Label:
		if x.SizeName == theme.SizeNameHeadingText {
			x.Text = title
			return true
		}
	case *barChart:
		x.title = title
		return true
	case *fyne.Container:
		for _, c := range x.Objects {
			if setHeading(c, title) {
				return true
			}
		}
	}
	return false
}

// missingSlide says what a slide of the deck would show that the data
// shown does not have.
func missingSlide(id, what string) slide {
	return slide{
		id:     id,
		title:  tr("deck.missing.title", "What", what),
		source: tr("deck.missing.source"),
		build: func() fyne.CanvasObject {
			l := slideLabel(tr("notes.sentence", "Text", what), theme.SizeNameSubHeadingText, fyne.TextStyle{})
			hint := slideLabel(tr("deck.missing.hint"), theme.SizeNameText, fyne.TextStyle{Italic: true})
			return container.NewBorder(slideTitle(tr("deck.missing.heading")), nil, nil, nil, container.NewVBox(l, hint))
		},
		notes: func() []string {
			return []string{tr("notes.sentence", "Text", what), tr("deck.missing.note-made"), tr("deck.missing.note-skip")}
		},
	}
}

// viewSlides evaluates a saved view on the data shown: the list with its
// filters, sort and columns over as many slides as it needs, then the
// selected row; or a slide that says what the data lacks.
func (u *UI) viewSlides(sv savedView, title string) []slide {
	id := sv.Tab + ":view"
	i := slices.IndexFunc(registry, func(r entry) bool { return r.id == sv.Tab })
	if i < 0 {
		return []slide{missingSlide(id, tr("deck.missing.tab", "Tab", sv.Tab))}
	}
	v := u.newView(registry[i], prefs{})
	l, ok := v.(interface{ list() *listView })
	if !ok {
		if s, ok := v.(slider); ok {
			return named(v.name(), s.slides())
		}
		return []slide{missingSlide(id, tr("deck.missing.no-slides", "Tab", v.title()))}
	}
	lv := l.list()
	t := lv.view.Table()
	all := data.NewView(t, nil)
	for name, key := range sv.Facets {
		i := slices.IndexFunc(all.Facets(), func(f data.Facet) bool { return f.Name == name })
		if i < 0 {
			return []slide{missingSlide(id, tr("deck.missing.no-filter", "Tab", v.title(), "Filter", name))}
		}
		f := all.Facets()[i]
		if !slices.ContainsFunc(all.FacetCounts(name), func(c data.FacetCount) bool { return c.Key == key }) {
			return []slide{missingSlide(id, tr("deck.missing.no-key", "Facet", strings.ToLower(lc().Title(f.Title)), "Key", key))}
		}
	}
	var cols []int
	for _, c := range sv.Columns {
		if i := t.Column(c); i >= 0 {
			cols = append(cols, i)
		}
	}
	if len(cols) > 0 {
		lv.table.setColumns(cols)
	}
	q := data.Query{Text: sv.Text, Facets: sv.Facets, Sort: sv.Sort, Desc: sv.Desc}
	if t.Column(q.Sort) < 0 {
		q.Sort, q.Desc = "", false
	}
	lv.setQuery(q)
	var out []slide
	if len(lv.view.Rows()) == 0 {
		what := tr("deck.missing.no-rows", "Nouns", lc().Nouns(t.Name()), "Filter", lv.filterDescription())
		out = append(out, missingSlide(id, what))
	} else {
		out = append(out, named(sv.Tab, lv.listSlides(title))...)
		if title != "" {
			for i := range out {
				out[i].title = title
				if len(out) > 1 {
					out[i].title = tr("slides.page", "Title", title, "Page", i+1, "Pages", len(out))
				}
			}
		}
	}
	if sv.Selected != "" {
		if !lv.showID(sv.Selected) {
			return append(out, missingSlide(id+":"+sv.Selected, tr("deck.missing.row", "Noun", lc().Noun(t.Name()), "ID", sv.Selected)))
		}
		out = append(out, recordSlide(u.data, t, lv.selected, lv.table.cols))
	}
	return out
}

// recordSlide is one row of a list: its figures, each with its column.
func recordSlide(d *data.Dataset, t data.Table, row int, cols []int) slide {
	name := d.NameOf(t.ID(row))
	var fields [][2]string
	for _, c := range slices.Concat(cols, t.ListColumns()) {
		title := colTitle(t, c)
		if v := t.Display(row, c); v != data.Unknown && v != "" && v != name && len(fields) < 8 &&
			!slices.ContainsFunc(fields, func(f [2]string) bool { return f[0] == title }) {
			fields = append(fields, [2]string{title, v})
		}
	}
	srcs := t.Sources(row)
	return slide{
		id:     t.Name() + ":row:" + t.ID(row),
		title:  name,
		source: tr("production.sources", "Publishers", publishers(d, srcs, 3)),
		build: func() fyne.CanvasObject {
			var cells []fyne.CanvasObject
			for _, f := range fields {
				cells = append(cells, slideLabel(f[0], theme.SizeNameText, fyne.TextStyle{Bold: true}), slideLabel(f[1], theme.SizeNameText, fyne.TextStyle{}))
			}
			return container.NewBorder(slideTitle(name), nil, nil, nil, container.NewVBox(container.New(&table{fractions: []float32{0.3, 0.7}}, cells...)))
		},
		notes: func() []string {
			var out []string
			for _, f := range fields[:min(len(fields), 4)] {
				out = append(out, tr("notes.labelled", "Label", f[0], "Text", f[1]))
			}
			return append(out, tr("overview.source", "Source", cite(d, srcs)))
		},
	}
}

// Adding, and the Deck dialog --------------------------------------------------

// hasSlides reports whether a view can be added to the deck: a list as
// it is, or a view's slides. The menu asks on every tab switch, so the
// slides are not made for it.
func hasSlides(v view) bool {
	if _, ok := v.(recordView); ok {
		return true
	}
	if m, ok := v.(maySlide); ok {
		return m.hasSlides()
	}
	_, ok := v.(slider)
	return ok
}

// addToDeck adds the view shown to the deck: a list as the user left it,
// or, from a view with several slides, the one the user picks.
func (u *UI) addToDeck() {
	v := u.current()
	if l, ok := v.(interface{ list() *listView }); ok {
		lv := l.list()
		q := lv.view.Query()
		sv := savedView{Tab: v.name(), Text: strings.TrimSpace(q.Text), Facets: q.Facets, Sort: q.Sort, Desc: q.Desc, Selected: lv.selectedID()}
		if len(sv.Facets) == 0 {
			sv.Facets = nil
		}
		for _, c := range lv.table.cols {
			sv.Columns = append(sv.Columns, lv.view.Table().Columns()[c].Name)
		}
		what := v.title()
		if f := lv.filterDescription(); f != "" {
			what = tr("deck.filtered", "Tab", what, "Filter", f)
		}
		u.addEntry(deckEntry{View: &sv}, what)
		return
	}
	s, ok := v.(slider)
	if !ok {
		return
	}
	slides := named(v.name(), s.slides())
	if len(slides) == 1 {
		u.addEntry(deckEntry{Ref: slides[0].id}, slides[0].title)
		return
	}
	var titles []string
	for _, s := range slides {
		titles = append(titles, s.title)
	}
	pick := widget.NewRadioGroup(titles, nil)
	pick.SetSelected(titles[0])
	pick.Required = true
	u.askCustom(tr("deck.add-title", "Tab", v.title()), tr("deck.add"), container.NewVScroll(pick), fyne.NewSize(520, min(float32(len(titles))*44+20, 440)), func() {
		i := slices.Index(titles, pick.Selected)
		if i >= 0 {
			u.addEntry(deckEntry{Ref: slides[i].id}, slides[i].title)
		}
	})
}

// addEntry adds an entry at the end of the deck and says where it went.
func (u *UI) addEntry(e deckEntry, what string) {
	u.editDeck(func(d *deck) { d.Slides = append(d.Slides, e) })
	n := len(u.myDeck().Slides)
	u.status(tr("deck.added", "What", what, "N", n))
}

// entryLabel is how the Deck dialog lists an entry.
func (u *UI) entryLabel(e deckEntry, byID map[string]slide) string {
	slides := u.entrySlides(e, byID)
	s := slides[0].title
	if e.View != nil && e.Title == "" {
		s = strings.TrimPrefix(s, tr("slides.list", "Title", ""))
	}
	if len(slides) > 1 {
		s = trn("deck.slides-count", len(slides), "Title", s)
	}
	return s
}

// deckDialog is the Deck dialog: the entries, and what can be done to them.
type deckDialog struct {
	u       *UI
	list    *widget.List
	labels  []string
	sel     int
	title   *keyEntry
	preview *fyne.Container
	note    *widget.Label
	buttons map[string]*widget.Button
}

// showDeck opens View → Deck….
func (u *UI) showDeck() {
	if u.win == nil {
		return
	}
	dd := &deckDialog{u: u, sel: -1, buttons: map[string]*widget.Button{}}
	dd.list = widget.NewList(func() int { return len(dd.labels) }, func() fyne.CanvasObject {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(dd.labels[i]) })
	dd.list.OnSelected = func(i widget.ListItemID) { dd.choose(i) }
	dd.title = newKeyEntry()
	dd.title.SetPlaceHolder(tr("deck.own-title"))
	dd.title.OnSubmitted = func(string) { dd.do("rename") }
	dd.preview = container.NewStack()
	dd.note = widget.NewLabel("")
	dd.note.Wrapping = fyne.TextWrapWord
	button := func(id, label string, icon fyne.Resource) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() { dd.do(id) })
		dd.buttons[id] = b
		return b
	}
	edit := container.NewGridWithColumns(3, button("up", tr("deck.up"), theme.MoveUpIcon()), button("down", tr("deck.down"), theme.MoveDownIcon()), button("remove", tr("deck.remove"), theme.DeleteIcon()))
	rename := container.NewBorder(nil, nil, nil, button("rename", tr("deck.rename"), theme.DocumentCreateIcon()), dd.title)
	files := container.NewHBox(button("new", tr("deck.new"), theme.ContentAddIcon()), button("open", tr("deck.open"), theme.FolderOpenIcon()), button("save", tr("deck.save"), theme.DocumentSaveIcon()))
	right := container.NewBorder(container.NewVBox(edit, rename), dd.note, nil, nil, dd.preview)
	split := container.NewHSplit(container.NewBorder(nil, files, nil, nil, dd.list), right)
	split.Offset = 0.45
	size := u.win.Canvas().Size()
	box := container.NewGridWrap(fyne.NewSize(min(1000, size.Width*0.9), min(600, size.Height*0.8)), split)
	u.talk.deckDialog = dd
	d := dialog.NewCustom(tr("deck.title"), tr("dialog.close"), box, u.win)
	u.showDialog(d)
	d.SetOnClosed(func() {
		u.talk.deckDialog = nil
		u.dialogs = slices.DeleteFunc(u.dialogs, func(x dialog.Dialog) bool { return x == d })
	})
	dd.refresh()
	if len(dd.labels) > 0 {
		dd.list.Select(0)
	}
}

// refresh lists the entries again.
func (dd *deckDialog) refresh() {
	u := dd.u
	d := u.myDeck()
	list := d.Slides
	if !d.custom() {
		list = u.defaultEntries()
		dd.note.SetText(tr("deck.note-default"))
	} else {
		dd.note.SetText(tr("deck.note-custom"))
	}
	byID := map[string]slide{}
	for _, s := range u.defaultSlides() {
		byID[s.id] = s
	}
	dd.labels = nil
	for i, e := range list {
		dd.labels = append(dd.labels, strconv.Itoa(i+1)+". "+u.entryLabel(e, byID))
	}
	dd.list.Refresh()
	if dd.sel >= len(dd.labels) {
		dd.sel = len(dd.labels) - 1
	}
	if dd.sel >= 0 {
		dd.list.Select(dd.sel)
		dd.choose(dd.sel)
	}
}

// choose shows an entry: its title to edit and a picture of its first slide.
func (dd *deckDialog) choose(i int) {
	u := dd.u
	dd.sel = i
	d := u.myDeck()
	list := d.Slides
	if !d.custom() {
		list = u.defaultEntries()
	}
	if i < 0 || i >= len(list) {
		return
	}
	dd.title.SetText(list[i].Title)
	byID := map[string]slide{}
	for _, s := range u.defaultSlides() {
		byID[s.id] = s
	}
	img := canvas.NewImageFromImage(u.slidePicture(u.entrySlides(list[i], byID)[0], fyne.NewSize(1280, 720), 0.4))
	img.FillMode = canvas.ImageFillContain
	dd.preview.Objects = []fyne.CanvasObject{img}
	dd.preview.Refresh()
}

// do carries out a button of the dialog.
func (dd *deckDialog) do(id string) {
	u := dd.u
	switch id {
	case "up", "down", "remove", "rename":
		i := dd.sel
		if i < 0 {
			return
		}
		u.editDeck(func(d *deck) {
			switch id {
			case "up":
				if d.move(i, -1) {
					dd.sel--
				}
			case "down":
				if d.move(i, +1) {
					dd.sel++
				}
			case "remove":
				d.remove(i)
			case "rename":
				d.rename(i, dd.title.Text)
			}
		})
		dd.refresh()
	case "new":
		u.askConfirm(tr("deck.new-title"), tr("deck.new-message"), func() {
			u.myDeck().Slides = nil
			u.keepDeck()
			dd.refresh()
		})
	case "open":
		u.showOpenDeck()
	case "save":
		u.showSaveDeck()
	}
}

// saveDeckTo writes the deck to a file, whole or not at all.
func (u *UI) saveDeckTo(path string) (string, error) {
	path = withExt(path, ".json")
	b, err := u.myDeck().encode(u.defaultEntries())
	if err != nil {
		return path, err
	}
	err = data.WriteFile(path, func(w io.Writer) error { _, err := w.Write(append(b, '\n')); return err })
	if err == nil {
		u.rememberFolder(path)
	}
	return path, err
}

func (u *UI) showSaveDeck() {
	u.showSaveDialog(tr("deck.save-title"), suggestedName("deck", ".json"), ".json", nil, func(path string) {
		final, err := u.saveDeckTo(path)
		if err != nil {
			u.showError(saveError(final, err))
			return
		}
		u.confirmSaved(tr("deck.saved", "Path", shortPath(final)), final)
	})
}

// entries says how many entries a deck has: "1 entry", "12 entries".
func entries(n int) string { return trn("deck.entries", n) }

// openDeck replaces the deck with a deck file's, once the file is read
// and found to be a deck; a file that is not changes nothing.
func (u *UI) openDeck(name string, b []byte) error {
	d, err := parseDeck(b)
	if err != nil {
		return errors.New(tr("deck.not-opened", "File", name, "Reason", err.Error()))
	}
	replace := func() {
		*u.myDeck() = d
		u.keepDeck()
		if dd := u.talk.deckDialog; dd != nil {
			dd.sel = 0
			dd.refresh()
		}
		u.status(tr("deck.opened", "File", name, "Entries", entries(len(d.Slides))))
	}
	if u.myDeck().custom() && u.win != nil {
		u.askConfirm(tr("deck.replace-title"), tr("deck.replace-message", "Mine", entries(len(u.myDeck().Slides)), "Theirs", entries(len(d.Slides)), "File", name), replace)
		return nil
	}
	replace()
	return nil
}

// maxDeckFile is the largest file taken for a deck: decks are small.
const maxDeckFile = 4 << 20

// showOpenDeck asks for a deck file and opens it.
func (u *UI) showOpenDeck() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		u.readDeck(r.URI().Name(), r)
	}, u.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	if lu, err := storage.ListerForURI(storage.NewFileURI(u.exportFolder())); err == nil {
		fd.SetLocation(lu)
	}
	fd.Show()
}

// readDeck opens a deck file picked in the dialog, or says why it is not
// opened and changes nothing.
func (u *UI) readDeck(name string, r io.Reader) {
	b, err := io.ReadAll(io.LimitReader(r, maxDeckFile+1))
	switch {
	case err != nil:
		err = errors.New(tr("deck.not-opened", "File", name, "Reason", err.Error()))
	case len(b) > maxDeckFile:
		err = errors.New(tr("deck.too-large", "File", name))
	default:
		err = u.openDeck(name, b)
	}
	if err != nil {
		u.showError(err)
	}
}

// askCustom shows a dialog with content and a button that does something.
func (u *UI) askCustom(title, confirm string, content fyne.CanvasObject, size fyne.Size, ok func()) {
	u.showDialog(dialog.NewCustomConfirm(title, confirm, tr("dialog.cancel"), container.NewGridWrap(size, content), func(yes bool) {
		if yes {
			ok()
		}
	}, u.win))
}
