package ui

import (
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// The tests below draw the window in the test language (en-XA): English
// with every letter accented and some 40% longer. A text with plain
// English words in it is then either the data as its sources wrote it, or
// a word the window forgot to translate; and a label that does not fit at
// 1280×800 in the test language will not fit in Russian or Uzbek either.

// shownText is a text the user reads, where it is drawn.
type shownText struct {
	text  string
	kind  string // "label", "button" …
	pos   fyne.Position
	size  fyne.Size
	min   fyne.Size
	check bool // its widget must have room for all of it (not elided, not a canvas text)
	inBox bool // inside a scroll container, where the part not in view is scrolled to
}

// readTexts lists the texts under an object as the user reads them: the
// text of each widget (whole, before it is wrapped or elided), and of the
// canvas texts drawn directly (charts, the map, the slides' footers).
func readTexts(o fyne.CanvasObject) []shownText {
	var out []shownText
	var walk func(o fyne.CanvasObject, at fyne.Position, scrolled bool)
	add := func(o fyne.CanvasObject, at fyne.Position, scrolled bool, kind, text string, check bool) {
		if strings.TrimSpace(text) == "" {
			return
		}
		out = append(out, shownText{text: text, kind: kind, pos: at, size: o.Size(), min: o.MinSize(), check: check, inBox: scrolled})
	}
	walk = func(o fyne.CanvasObject, at fyne.Position, scrolled bool) {
		if o == nil || !o.Visible() {
			return
		}
		at = at.Add(o.Position())
		switch x := o.(type) {
		case *widget.Label:
			add(x, at, scrolled, "label", x.Text, x.Truncation == fyne.TextTruncateOff)
			return
		case *widget.Button:
			add(x, at, scrolled, "button", x.Text, true)
			return
		case *widget.Hyperlink:
			add(x, at, scrolled, "link", x.Text, x.Truncation == fyne.TextTruncateOff)
			return
		case *widget.Check:
			add(x, at, scrolled, "check", x.Text, true)
			return
		case *widget.Select:
			text := x.Selected
			if text == "" {
				text = x.PlaceHolder
			}
			add(x, at, scrolled, "select", text, false)
			for _, opt := range x.Options {
				add(x, at, scrolled, "select option", opt, false)
			}
			return
		case *widget.RadioGroup:
			add(x, at, scrolled, "radio", strings.Join(x.Options, " | "), true)
			for _, opt := range x.Options {
				add(x, at, scrolled, "radio option", opt, false)
			}
			return
		case *widget.Entry:
			if x.Text == "" {
				add(x, at, scrolled, "placeholder", x.PlaceHolder, false)
			}
			return
		case *keyEntry: // what the user types (a file name) is theirs
			if x.Text == "" {
				add(x, at, scrolled, "placeholder", x.PlaceHolder, false)
			}
			return
		case *canvas.Text:
			add(x, at, scrolled, "text", x.Text, false)
			return
		case *container.AppTabs:
			for _, it := range x.Items {
				add(x, at, scrolled, "tab", it.Text, false)
			}
		case *widget.Accordion:
			for _, it := range x.Items {
				add(x, at, scrolled, "accordion", it.Title, false)
			}
		case *container.Scroll:
			scrolled = true
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c, at, scrolled)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c, at, scrolled)
			}
		}
	}
	walk(o, fyne.NewPos(-o.Position().X, -o.Position().Y), false)
	return out
}

// dataWords is the data as its sources wrote it: the free text the window
// shows as written (names of projects, descriptions, notes, titles,
// publishers, partners, addresses, ids), joined for searching. The names
// of minerals and sectors, the headline figures' labels and periods, and
// every word of a closed vocabulary are the window's to translate, and are
// not in it.
func dataWords(d *data.Dataset) string {
	var b strings.Builder
	translated := map[string]bool{"minerals.name": true, "sectors.name": true, "indicators.label": true, "indicators.period": true}
	for _, t := range d.Tables() {
		for c, col := range t.Columns() {
			switch col.Kind {
			case data.Text, data.Names, data.Link, data.ID, data.Ref, data.Refs, data.Regions:
			default:
				continue
			}
			if translated[t.Name()+"."+col.Name] {
				continue
			}
			for r := 0; r < t.Len(); r++ {
				v := t.Raw(r, c)
				if v == data.ScopeCountry {
					continue
				}
				b.WriteString(v)
				b.WriteByte(0)
				for _, item := range strings.Split(v, ";") {
					b.WriteString(strings.TrimSpace(item))
					b.WriteByte(0)
				}
			}
		}
	}
	return b.String()
}

// englishRun is a run of plain ASCII words: what the test language never
// has, since it accents every letter.
var englishRun = regexp.MustCompile(`[A-Za-z][A-Za-z .'&-]*[A-Za-z]`)

// keyNames are the names of keys, written as keyboards print them in
// every language ("Ctrl+E").
var keyNames = map[string]bool{"Ctrl": true, "Shift": true, "Alt": true, "Esc": true, "Plus": true, "Minus": true, "Left": true}

// untranslated lists the texts that hold English the data does not.
func untranslated(texts []shownText, dataText string) []string {
	var out []string
	for _, s := range texts {
		if strings.HasPrefix(s.text, "~") || strings.HasPrefix(s.text, "/") {
			continue // a path of the user's
		}
		for _, run := range englishRun.FindAllString(s.text, -1) {
			run = strings.TrimRight(run, " .")
			if strings.Contains(dataText, run) {
				continue
			}
			known := true
			for _, w := range strings.FieldsFunc(run, func(r rune) bool { return r == ' ' || r == '+' }) {
				known = known && keyNames[w]
			}
			if !known {
				out = append(out, s.kind+" "+quoteText(s.text)+": "+quoteText(run))
				break
			}
		}
	}
	return out
}

// clipped lists the texts that do not fit: a widget smaller than it needs
// to show all of its text (not one that elides on purpose), or a text
// drawn past the edge of the screen outside a scroll container.
func clipped(texts []shownText, screen fyne.Size) []string {
	var out []string
	for _, s := range texts {
		// A widget never laid out (the title of Fyne's dialogs) draws its
		// text whole from where it stands: it is not squeezed.
		laidOut := s.size.Width > 0 || s.size.Height > 0
		if s.check && laidOut && (s.size.Width+1 < s.min.Width || s.size.Height+1 < s.min.Height) {
			out = append(out, s.kind+" "+quoteText(s.text)+" is "+sizeText(s.size)+", needs "+sizeText(s.min))
			continue
		}
		if !s.inBox && (s.pos.X+s.size.Width > screen.Width+1 || s.pos.Y+s.size.Height > screen.Height+1 || s.pos.X < -1 || s.pos.Y < -1) {
			out = append(out, s.kind+" "+quoteText(s.text)+" at "+sizeText(fyne.NewSize(s.pos.X, s.pos.Y))+", "+sizeText(s.size)+", is off the "+sizeText(screen)+" screen")
		}
	}
	return out
}

func quoteText(s string) string {
	if len([]rune(s)) > 90 {
		s = string([]rune(s)[:90]) + "…"
	}
	return `"` + s + `"`
}

func sizeText(s fyne.Size) string {
	return itoa(int(s.Width)) + "×" + itoa(int(s.Height))
}

// screen is one thing the tests look at in the test language: a tab, a
// dialog or a slide, as a tree to read and the size it is drawn at.
type screen struct {
	name string
	tree fyne.CanvasObject
	size fyne.Size
}

// testLanguageScreens draws every tab with its first row selected, every
// dialog the menus open (but the system's file dialogs, which are Fyne's),
// every slide and the presenter console, in the test language at
// 1280×800, and hands each to look.
func testLanguageScreens(t *testing.T, look func(s screen)) {
	speakFor(t, testLanguage)
	a := test.NewTempApp(t)
	a.Preferences().SetString(languagePref, testLanguage)
	d := bundled(t)
	size := fyne.NewSize(1280, 800)
	for _, tab := range Tabs() {
		tree, err := shotTree(a, d, Shot{Tab: tab, Size: size})
		if err != nil {
			t.Fatal(err)
		}
		look(screen{"tab " + tab, tree, size})
	}
	u, w := openUI(t, a, d)
	w.Resize(size)
	for _, id := range []string{"shortcuts", "about", "export-csv", "export-image", "export-briefing", "export-all", "deck"} {
		for _, tab := range []string{"overview", "projects"} {
			u.ShowTab(tab)
			if tab == "projects" {
				listOf(t, u, "projects").change(func(q *data.Query) { q.Text = "health" })
			}
			a := u.action(id)
			if a.can != nil && !a.can(u.current()) {
				continue
			}
			a.run()
			look(screen{id + " on " + tab, w.Canvas().Overlays().Top(), size})
			closeDialogs(u, w)
		}
	}
	// A list's own slides, and every slide of the app: as presented on a
	// 1280×800 screen.
	u.ShowTab("projects")
	slides := u.slides(u.current())
	for i, s := range slides {
		p := newPresenter(slides, newTheme(themeProjector), size, nil)
		c := test.NewCanvas()
		c.SetPadded(false)
		c.Resize(size)
		c.SetContent(p)
		p.show(i)
		c.Resize(size)
		look(screen{"slide " + itoa(i+1) + " " + s.id, p, size})
	}
	a.Settings().SetTheme(u.theme)
	tree, err := shotTree(a, d, Shot{Present: true, Presenter: true, Slide: 3, Size: size})
	if err != nil {
		t.Fatal(err)
	}
	look(screen{"presenter console", tree, size})
}

// Every text the window shows is a translation or the data as written:
// drawn in the test language, no plain English is left but the data's and
// the names of keys; and no message is asked for that the catalogs lack.
func TestEveryTextIsTranslated(t *testing.T) {
	d := bundled(t)
	words := dataWords(d)
	screens, read := 0, 0
	testLanguageScreens(t, func(s screen) {
		screens++
		texts := readTexts(s.tree)
		read += len(texts)
		if len(texts) == 0 {
			t.Errorf("%s shows no text", s.name)
		}
		for _, bad := range untranslated(texts, words) {
			t.Errorf("%s: %s is not translated", s.name, bad)
		}
	})
	if missing := spoken().notFound(); len(missing) > 0 {
		t.Errorf("the catalogs lack %q", missing)
	}
	if screens < 25 || read < 2000 {
		t.Errorf("only %d screens looked at, %d texts read", screens, read)
	}
	t.Logf("%d screens, %d texts read", screens, read)
}

// The test finds English the window forgot to translate, and not the
// data's own English.
func TestUntranslatedFindsEnglish(t *testing.T) {
	words := "Korea Herald\x00Tashkent Pharma Park\x00"
	texts := []shownText{
		{kind: "label", text: data.Pseudo("Source: ") + "Korea Herald"},
		{kind: "label", text: data.Pseudo("{{.N}} projects") + " · Clear filters"},
		{kind: "button", text: "Ctrl+Shift+E"},
		{kind: "label", text: "Tashkent Pharma Park, " + data.Pseudo("phase") + " 2"},
	}
	got := untranslated(texts, words)
	if len(got) != 1 || !strings.Contains(got[0], "Clear filters") {
		t.Errorf("untranslated found %q; want only \"Clear filters\"", got)
	}
}

// In the test language, some 40% longer than English, every tab, dialog
// and slide fits 1280×800: no label, button or check is squeezed below
// the size its text needs, and nothing outside a scrolling pane is drawn
// off the screen. Elided table cells and titles are not clipped: the
// detail and the tooltips show them whole.
func TestTestLanguageFits(t *testing.T) {
	testLanguageScreens(t, func(s screen) {
		for _, bad := range clipped(readTexts(s.tree), s.size) {
			t.Errorf("%s: %s", s.name, bad)
		}
	})
}

// The fit test finds a button squeezed below its text, and text off the
// screen.
func TestClippedFindsASqueezedButton(t *testing.T) {
	test.NewTempApp(t)
	b := widget.NewButton(data.Pseudo("Export all data as a workbook…"), nil)
	box := container.NewWithoutLayout(b)
	b.Move(fyne.NewPos(10, 10))
	b.Resize(fyne.NewSize(60, b.MinSize().Height))
	far := widget.NewLabel("x")
	far.Move(fyne.NewPos(1270, 10))
	far.Resize(far.MinSize())
	box.Add(far)
	got := clipped(readTexts(box), fyne.NewSize(1280, 800))
	if len(got) != 2 {
		t.Errorf("clipped found %q; want the squeezed button and the label off the screen", got)
	}
}

// View → Language speaks another language at once, remembered, and keeps
// the tab, the filters, the sort and the selection; the data's words and
// numbers change with it, and back.
func TestLanguageMenuKeepsState(t *testing.T) {
	t.Cleanup(func() { speak("en") })
	a := test.NewTempApp(t)
	u, w := openUI(t, a, fixture(t))
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	lv.setQuery(data.Query{Text: "center", Facets: map[string]string{"status": "planned"}, Sort: "amount_usd_m", Desc: true})
	want := visibleIDs(lv)
	if len(want) == 0 {
		t.Fatal("the filter keeps no project")
	}
	lv.showID(want[0])
	name := lv.detail.title
	menuItem(w, "한국어").Action()

	lv = listOf(t, u, "projects")
	if u.CurrentTab() != "projects" {
		t.Errorf("the tab is %q after the change of language", u.CurrentTab())
	}
	q := lv.view.Query()
	if q.Text != "center" || q.Facets["status"] != "planned" || q.Sort != "amount_usd_m" || !q.Desc {
		t.Errorf("the query is %+v after the change of language", q)
	}
	if got := visibleIDs(lv); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("the rows are %q, were %q", got, want)
	}
	if lv.selectedID() != want[0] || lv.detail.title != name {
		t.Errorf("the selection is %q (%q), was %q (%q)", lv.selectedID(), lv.detail.title, want[0], name)
	}
	mustShow(t, onScreen(w), "사업", "금액", "계획", "필터 지우기")
	if menuItem(w, "한국어") == nil || !menuItem(w, "한국어").Checked {
		t.Error("View → Language does not tick Korean")
	}
	if got := a.Preferences().String(languagePref); got != "ko" {
		t.Errorf("the language remembered is %q", got)
	}
	if w.MainMenu().Items[0].Label != "파일" {
		t.Errorf("the File menu is %q", w.MainMenu().Items[0].Label)
	}
	// The amounts are in Korean money, the status in Korean.
	mustShow(t, seen(lv.detail.content()), "달러", "계획")

	// A new window on the same preferences speaks Korean.
	u2 := New(a, fixture(t))
	if u2.CurrentTab() != "projects" || !strings.Contains(u2.originText(), "출처") {
		t.Errorf("a new window speaks %q on tab %q", u2.originText(), u2.CurrentTab())
	}

	// And back to the system's language: English here.
	menuItem(w, "시스템 설정 따르기 (English)").Action()
	mustShow(t, onScreen(w), "Projects", "Amount", "Clear filters")
	if got := a.Preferences().String(languagePref); got != "" {
		t.Errorf("the language remembered is %q, not the system's", got)
	}
	if lv := listOf(t, u, "projects"); lv.selectedID() != want[0] || lv.view.Query().Text != "center" {
		t.Errorf("back in English the selection is %q and the filter %q", lv.selectedID(), lv.view.Query().Text)
	}
}

// An export is the same in every language: plain numbers, ISO dates and
// the columns' ids, whatever the window shows.
func TestExportIsPlainInEveryLanguage(t *testing.T) {
	var english string
	for _, tag := range []string{"en", "ko", "ru", "uz"} {
		speakFor(t, tag)
		a := test.NewTempApp(t)
		u, _ := openUI(t, a, fixture(t))
		u.ShowTab("projects")
		e, ok := u.currentCSV()
		if !ok {
			t.Fatal("projects has no CSV")
		}
		var b strings.Builder
		if err := e.write(&b, false); err != nil {
			t.Fatal(err)
		}
		body := b.String()
		if tag == "en" {
			english = body
			continue
		}
		// The names of sectors and regions beside their ids are the
		// window's; the rest is the English export, cell for cell.
		for i, line := range strings.Split(english, "\n")[:1] {
			if got := strings.Split(body, "\n")[i]; got != line {
				t.Errorf("%s: the header is %q, want %q", tag, got, line)
			}
		}
		for _, bad := range []string{"달러", "млн", "mln", "млрд", "mlrd", "억"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: the export has %q in it", tag, bad)
			}
		}
		if !strings.Contains(body, ",127.5,") || !strings.Contains(body, "2021") {
			t.Errorf("%s: the export does not have the amount 127.5 as a plain number:\n%s", tag, body)
		}
	}
}
