package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// deckTitles are the titles of the slides Present shows.
func deckTitles(u *UI) []string { return slideTitles(u.showSlides(u.current())) }

// Add this view to the deck keeps a list as the user left it (filter,
// sort, selection, columns): it starts a deck from the app's own slides,
// and Present then shows the deck, the list evaluated again.
func TestAddListToDeck(t *testing.T) {
	u, w := newTestUI(t)
	defaults := slideTitles(u.defaultSlides())
	lv := apply(t, u, "projects", data.Query{Text: "health", Sort: "amount_usd_m", Desc: true})
	lv.showID("oncology")
	press(w, u.action("deck-add"))
	d := u.myDeck()
	if !d.custom() || len(d.Slides) != len(defaults)+1 {
		t.Fatalf("deck of %d entries, want %d", len(d.Slides), len(defaults)+1)
	}
	got := *d.Slides[len(d.Slides)-1].View
	want := savedView{Tab: "projects", Text: "health", Sort: "amount_usd_m", Desc: true, Selected: "oncology"}
	if got.Tab != want.Tab || got.Text != want.Text || got.Sort != want.Sort || !got.Desc || got.Selected != want.Selected || len(got.Columns) == 0 {
		t.Errorf("saved %+v", got)
	}
	mustShow(t, seen(u.Content()), `Added Projects filtered by "health" to your deck as entry `+itoa(len(d.Slides)))
	// Present shows the deck: the app's slides, then the list and the
	// selected project, whatever the tab shown.
	u.ShowTab("overview")
	titles := deckTitles(u)
	if !slices.Equal(titles[:len(defaults)], defaults) || titles[len(defaults)] != `List: Projects filtered by "health"` || titles[len(defaults)+1] != "National Oncology Center" {
		t.Fatalf("deck slides %q", titles[len(defaults):])
	}
	slides := u.showSlides(nil)
	list := seen(slides[len(defaults)].build())
	mustShow(t, list, "National Oncology Center", "National Children's Medical Center", "$127.5 m loan (2021)")
	if i, j := slices.IndexFunc(list, func(s string) bool { return strings.Contains(s, "Oncology") }), slices.IndexFunc(list, func(s string) bool { return strings.Contains(s, "Children") }); i > j {
		t.Error("the list is not in the saved order (amount, largest first)")
	}
	mustShow(t, seen(slides[len(defaults)+1].build()), "National Oncology Center", "$127.5 m loan (2021)", "Korea Eximbank")
	// The list follows the data shown: a changed amount shows.
	u.data.Projects[1].Name = "National Oncology Center (renamed)"
	mustShow(t, seen(u.showSlides(nil)[len(defaults)].build()), "National Oncology Center (renamed)")
	// Remembered between runs.
	u2, _ := openUI(t, u.app, fixture(t))
	if len(u2.myDeck().Slides) != len(d.Slides) {
		t.Errorf("a new window has %d entries", len(u2.myDeck().Slides))
	}
}

// From a view of several slides (the Overview) the user picks one: a chart.
func TestAddChartToDeck(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("overview")
	press(w, u.action("deck-add"))
	mustShow(t, onScreen(w), "Add a slide of Overview to the deck", "Headline figures", "Projects by status")
	radio, _ := find(w.Canvas().Overlays().Top(), func(r *widget.RadioGroup) bool { return true })
	radio.SetSelected("Projects by status")
	add, _ := button(w, "Add")
	test.Tap(add)
	d := u.myDeck()
	if last := d.Slides[len(d.Slides)-1]; last.Ref != "overview:Projects by status" {
		t.Errorf("added %+v", last)
	}
	// A view with one slide adds it at once.
	u.ShowTab("timeline")
	press(w, u.action("deck-add"))
	if last := d.Slides[len(d.Slides)-1]; last.Ref != "timeline:Recent milestones" {
		t.Errorf("added %+v", last)
	}
}

// View → Deck… reorders, removes, renames and previews; New deck starts
// again from the app's own slides.
func TestDeckDialog(t *testing.T) {
	u, w := newTestUI(t)
	n := len(u.defaultSlides())
	press(w, u.action("deck"))
	dd := u.talk.deckDialog
	if dd == nil {
		t.Fatal("no Deck dialog")
	}
	mustShow(t, onScreen(w), "Deck", "1. Title", "These are the app's own slides", "Move up", "Rename", "New deck", "Open…", "Save as…")
	if u.myDeck().custom() {
		t.Fatal("opening the dialog made a deck")
	}
	tap := func(label string) {
		t.Helper()
		b, ok := button(w, label)
		if !ok {
			t.Fatalf("no %s button", label)
		}
		test.Tap(b)
	}
	dd.list.Select(3) // the fourth: the first chart
	chart := u.defaultSlides()[3]
	if len(dd.preview.Objects) != 1 {
		t.Error("no preview")
	}
	tap("Move up")
	if got := u.myDeck().Slides[2].Ref; got != chart.id || dd.sel != 2 {
		t.Errorf("moved up: %q at 3, selection %d", got, dd.sel+1)
	}
	mustShow(t, onScreen(w), "3. "+chart.title, "Your deck")
	tap("Move down")
	tap("Move down")
	if got := u.myDeck().Slides[4].Ref; got != chart.id {
		t.Errorf("moved down twice: %q at 5", got)
	}
	dd.title.SetText("Where Korean money goes")
	tap("Rename")
	mustShow(t, onScreen(w), "5. Where Korean money goes")
	s := u.showSlides(nil)[4]
	if s.title != "Where Korean money goes" || !shows(seen(s.build()), "Where Korean money goes") {
		t.Errorf("renamed slide %q shows %q", s.title, seen(s.build()))
	}
	tap("Remove")
	if len(u.myDeck().Slides) != n-1 || slices.ContainsFunc(u.myDeck().Slides, func(e deckEntry) bool { return e.Ref == chart.id }) {
		t.Errorf("removed: %d entries", len(u.myDeck().Slides))
	}
	tap("New deck")
	tap("Yes")
	if u.myDeck().custom() || !slices.Equal(deckTitles(u), slideTitles(u.slides(nil))) {
		t.Error("New deck did not go back to the app's own slides")
	}
}

// A deck saved to a file opens again as it was; a damaged or foreign file
// says why it is not opened, and changes nothing.
func TestDeckFile(t *testing.T) {
	u, w := newTestUI(t)
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	apply(t, u, "projects", data.Query{Facets: map[string]string{"sector": "health"}})
	u.addToDeck()
	u.myDeck().setNote("overview:Projects by status", "Two are still planned")
	u.showSaveDeck()
	save(t, w)
	path := filepath.Join(dir, suggestedName("deck", ".json"))
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil || raw["version"] != float64(1) {
		t.Fatalf("not a version 1 deck: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), `"facets": {`) || !strings.Contains(string(b), `"sector": "health"`) || !strings.Contains(string(b), "Two are still planned") {
		t.Errorf("the file lacks the view or the note:\n%s", b)
	}
	closeDialogs(u, w)
	want := slideTitles(u.showSlides(nil))
	// Bad files.
	for name, text := range map[string]string{
		"damaged.json": `{"version": 1, "slides": [{"ref": "title"`,
		"future.json":  `{"version": 2, "slides": []}`,
		"foreign.json": `{"name": "uzkor", "dependencies": {}}`,
		"array.json":   `[1, 2, 3]`,
		"empty.json":   ``,
		"hollow.json":  `{"version": 1, "slides": [{"title": "nothing"}]}`,
	} {
		u.readDeck(name, strings.NewReader(text))
		mustShow(t, onScreen(w), "The file "+name+" was not opened", "Your deck is unchanged")
		if got := slideTitles(u.showSlides(nil)); !slices.Equal(got, want) {
			t.Errorf("%s changed the deck", name)
		}
		closeDialogs(u, w)
	}
	mustShow(t, []string{errText(u, "future.json", `{"version": 2, "slides": []}`)}, "a deck of version 2; this app reads decks of version 1")
	mustShow(t, []string{errText(u, "foreign.json", `{"name": "x"}`)}, `it is not a deck: it has no "version" and "slides"`)
	// A new window with no deck opens the file: the same deck.
	u2, w2 := openUI(t, test.NewTempApp(t), fixture(t))
	f, _ := os.Open(path)
	defer f.Close()
	u2.readDeck("deck.json", f)
	if got := slideTitles(u2.showSlides(nil)); !slices.Equal(got, want) {
		t.Errorf("opened deck %q\nwant %q", got, want)
	}
	if u2.myDeck().note("overview:Projects by status") != "Two are still planned" {
		t.Error("the note did not come with the deck")
	}
	mustShow(t, seen(u2.Content()), "Opened the deck deck.json")
	// Opening over a deck of one's own asks first.
	f.Seek(0, 0)
	u2.readDeck("deck.json", f)
	mustShow(t, onScreen(w2), "Replace your deck?")
}

func errText(u *UI, name, text string) string {
	return u.openDeck(name, []byte(text)).Error()
}

// A saved view that the data shown no longer has is a slide that says so.
func TestDeckOnOtherData(t *testing.T) {
	u, _ := newTestUI(t)
	*u.myDeck() = deck{Version: 1, Slides: []deckEntry{
		{Ref: "title"},
		{View: &savedView{Tab: "projects", Facets: map[string]string{"sector": "space"}}},
		{View: &savedView{Tab: "projects", Text: "zzzz"}},
		{View: &savedView{Tab: "projects", Selected: "gone"}},
		{View: &savedView{Tab: "treasury"}},
		{Ref: "overview:A chart no longer drawn"},
		{View: &savedView{Tab: "minerals", Sort: "no_such_column", Columns: []string{"name", "group", "nonsense"}}, Title: "Our minerals"},
	}}
	slides := u.showSlides(nil)
	texts := func(i int) []string { return seen(slides[i].build()) }
	mustShow(t, texts(1), `The sector "space" is not in the data shown`)
	mustShow(t, texts(2), `No projects match "zzzz" in the data shown`)
	last := func(title string) int {
		return slices.IndexFunc(slides, func(s slide) bool { return strings.Contains(s.title, title) })
	}
	mustShow(t, texts(last(`"gone"`)), `The project "gone" is not in the data shown`)
	mustShow(t, texts(last("treasury")), `The tab "treasury" is not in this version of the app`)
	mustShow(t, texts(last("A chart no longer")), `The slide "A chart no longer drawn" is not in the data shown`)
	i := last("Our minerals")
	if i < 0 {
		t.Fatalf("slides %q", slideTitles(slides))
	}
	mustShow(t, texts(i), "Our minerals", "Uranium", "Gold")
	for _, s := range slides {
		if s.notes == nil || len(s.notes()) < 3 || s.source == "" {
			t.Errorf("slide %q: notes %d, source %q", s.title, len(s.notes()), s.source)
		}
	}
}

// The deck's operations on their own.
func TestDeckOperations(t *testing.T) {
	d := deck{Slides: []deckEntry{{Ref: "a"}, {Ref: "b"}, {Ref: "c"}}}
	refs := func() string {
		var s []string
		for _, e := range d.Slides {
			s = append(s, e.Ref)
		}
		return strings.Join(s, "")
	}
	steps := []struct {
		ok   bool
		want string
	}{
		{d.move(0, -1), "abc"},
		{d.move(0, 1), "bac"},
		{d.move(2, 1), "bac"},
		{d.move(2, -1), "bca"},
		{d.remove(5), "bca"},
		{d.remove(1), "ba"},
		{d.rename(1, "  A  "), "ba"},
	}
	want := []bool{false, true, false, true, false, true, true}
	for i, s := range steps {
		if s.ok != want[i] {
			t.Errorf("step %d: %v", i, s.ok)
		}
	}
	if refs() != "ba" || d.Slides[1].Title != "A" {
		t.Errorf("%s, %q", refs(), d.Slides[1].Title)
	}
	d.setNote("x", "note")
	d.setNote("y", "  ")
	if d.note("x") != "note" || len(d.Notes) != 1 {
		t.Errorf("notes %v", d.Notes)
	}
	b, _ := d.encode(nil)
	back, err := parseDeck(b)
	if err != nil || len(back.Slides) != 2 || back.Notes["x"] != "note" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

// The deck file in the README opens, and every slide of it is in the
// bundled data.
func TestReadmeDeck(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(b), "### Your own deck")
	_, rest, _ = strings.Cut(rest, "```json\n")
	text, _, _ := strings.Cut(rest, "```")
	u, _ := openUI(t, test.NewTempApp(t), bundled(t))
	if err := u.openDeck("README", []byte(text)); err != nil {
		t.Fatal(err)
	}
	titles := slideTitles(u.showSlides(nil))
	for _, s := range titles {
		if strings.HasPrefix(s, "Not in the data") {
			t.Errorf("the README's deck: %s", s)
		}
	}
	if len(titles) < 4 || titles[1] != "Where Korean money goes" || titles[len(titles)-1] != "National Oncology Center" {
		t.Errorf("the README's deck shows %q", titles)
	}
	if u.myDeck().note("overview:Projects by status") == "" {
		t.Error("no note")
	}
}
