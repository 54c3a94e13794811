package ui

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/signintech/gopdf"

	"uzkor/data"
)

// The briefings are read back as a reader would: their text, pages,
// links, fonts and pictures, through poppler's pdftotext, pdfinfo,
// pdffonts and pdfimages (Debian's poppler-utils, which make test
// installs). Without them the tests skip, except in CI.

// poppler runs one of poppler's tools and returns what it prints.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (poppler-utils): make test installs it", tool)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// pdfRead is what a briefing file holds, as the tools read it.
type pdfRead struct {
	text   string   // all the text, each run of white space as one space
	pages  int      //
	paper  string   // "A4", "letter"
	title  string   // the document's title
	urls   []string // the addresses of its links
	fonts  []string // pdffonts' lines
	images []string // pdfimages -list lines
}

func readPDF(t *testing.T, path string) pdfRead {
	t.Helper()
	var r pdfRead
	r.text = strings.Join(strings.Fields(poppler(t, "pdftotext", "-raw", path, "-")), " ")
	info := poppler(t, "pdfinfo", path)
	if m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info); m != nil {
		r.pages, _ = strconv.Atoi(m[1])
	}
	if m := regexp.MustCompile(`(?m)^Page size:.*\((\S+)\)`).FindStringSubmatch(info); m != nil {
		r.paper = m[1]
	}
	if m := regexp.MustCompile(`(?m)^Title:\s+(.*)$`).FindStringSubmatch(info); m != nil {
		r.title = m[1]
	}
	for _, line := range strings.Split(poppler(t, "pdfinfo", "-url", path), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[1] == "Annotation" {
			r.urls = append(r.urls, f[2])
		}
	}
	for _, line := range strings.Split(poppler(t, "pdffonts", path), "\n")[2:] {
		if strings.TrimSpace(line) != "" {
			r.fonts = append(r.fonts, line)
		}
	}
	for _, line := range strings.Split(poppler(t, "pdfimages", "-list", path), "\n")[2:] {
		if strings.TrimSpace(line) != "" {
			r.images = append(r.images, line)
		}
	}
	return r
}

// has reports whether the text holds s, white space read as in the text.
func (r pdfRead) has(s string) bool {
	return strings.Contains(r.text, strings.Join(strings.Fields(s), " "))
}

func (r pdfRead) mustHave(t *testing.T, what string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !r.has(s) {
			t.Errorf("%s: %q is not in the text:\n%s", what, s, r.text)
		}
	}
}

// checkBriefing checks a briefing file against what it was to say: every
// headline figure, every table cell, every source cited with its link,
// fonts embedded as subsets, charts at print resolution.
func checkBriefing(t *testing.T, path string, b *briefing, pages int, paper string) pdfRead {
	t.Helper()
	r := readPDF(t, path)
	if r.pages != pages || r.paper != paper || r.title != b.title {
		t.Errorf("%d pages of %s titled %q; want %d of %s titled %q", r.pages, r.paper, r.title, pages, paper, b.title)
	}
	r.mustHave(t, "header", b.title, b.asOf)
	for _, f := range b.figures {
		r.mustHave(t, "figure", f.value, f.label, f.period, f.cite)
	}
	for _, s := range b.sections {
		r.mustHave(t, "section", s.title)
		for _, row := range s.rows {
			for _, cell := range row {
				r.mustHave(t, s.title, strings.Split(cell, "\n")...)
			}
		}
	}
	var want []string
	for i, s := range b.sources {
		r.mustHave(t, "source", "["+strconv.Itoa(i+1)+"]", s.Title, s.Publisher)
		if s.URL != "" {
			want = append(want, s.URL)
		}
	}
	if !slices.Equal(r.urls, want) {
		t.Errorf("links:\n%s\nwant one per source with an address:\n%s", strings.Join(r.urls, "\n"), strings.Join(want, "\n"))
	}
	if len(r.fonts) == 0 {
		t.Error("no fonts")
	}
	for _, f := range r.fonts {
		// name type encoding emb sub uni object: embedded and subset.
		if c := strings.Fields(f); len(c) < 7 || c[len(c)-5] != "yes" || c[len(c)-4] != "yes" || !strings.Contains(c[0], "+") {
			t.Errorf("font not embedded as a subset: %s", f)
		}
	}
	if len(r.images) != len(b.charts) {
		t.Errorf("%d pictures for %d charts", len(r.images), len(b.charts))
	}
	for _, img := range r.images {
		// page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
		c := strings.Fields(img)
		if len(c) < 14 {
			t.Fatalf("pdfimages: %q", img)
		}
		x, _ := strconv.Atoi(c[12])
		y, _ := strconv.Atoi(c[13])
		if x < 200 || y < 200 {
			t.Errorf("a chart at %d×%d ppi, under 200: %s", x, y, img)
		}
	}
	for p := 1; p <= pages; p++ {
		r.mustHave(t, "footer", "Page "+strconv.Itoa(p)+" of "+strconv.Itoa(pages))
	}
	return r
}

// fixedToday makes the date the briefings print fixed.
func fixedToday(t *testing.T) {
	saved := today
	today = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }
	t.Cleanup(func() { today = saved })
}

func writeTo(t *testing.T, d *data.Dataset, r BriefingRequest) (string, int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "briefing.pdf")
	var pages int
	err := data.WriteFile(path, func(w io.Writer) error {
		var err error
		pages, err = WriteBriefing(d, r, w)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return path, pages
}

// The briefing of the partnership, on the fixture: one page with the
// headline figures, the charts, the largest projects, the minerals on
// Korea's lists, the milestones and the numbered sources.
func TestBriefingOfThePartnership(t *testing.T) {
	test.NewTempApp(t)
	fixedToday(t)
	d := fixture(t)
	path, pages := writeTo(t, d, BriefingRequest{})
	b := newBriefing(d, nil)
	r := checkBriefing(t, path, b, 1, "A4")
	if pages != 1 {
		t.Errorf("WriteBriefing says %d pages", pages)
	}
	r.mustHave(t, "fixture",
		"The Uzbekistan–Korea partnership", "Data as of Sep 2025",
		// The indicators with their periods; none for what the data lacks.
		"over $7.7 bn", "Korean investment in Uzbekistan", "as of 2025 · Source [1]",
		"$1.7 bn", "Bilateral trade", "no figure in the data",
		"4 projects", "3 with a known amount", "2 of 4", "Minerals here on Korea's list of 33 critical minerals",
		// Amounts kind by kind, never one sum.
		"$227.5 m of loans (2 projects), $120 m of agreements (1 project); 1 project without an amount",
		// The largest projects, with what the amount is, its year, and
		// the status with its date.
		"National Oncology Center", "$127.5 m loan (2021)", "planned (as of 2021)",
		"$100 m loan (2013), of a whole-project cost of $130.6 m", "completed (as of 2020)",
		// Production and rank say whose figure and which year; lithium
		// is on both lists, tungsten named under the table.
		"Lithium", "critical, strategic", "with no production or world rank in the sources: Tungsten",
		"Supply-chain partnership", "14 Jun 2024",
		"made 27 Nov 2026")
	if r.has("$347.5 m") || r.has("$348") {
		t.Error("amounts of different kinds were added together")
	}
	// The sources, numbered in the order cited, each with its link.
	if len(b.sources) != 3 || len(r.urls) != 3 {
		t.Errorf("%d sources, %d links", len(b.sources), len(r.urls))
	}
}

// The bundled data fills two pages, on A4 and on Letter, every row's
// sources listed and linked.
func TestBriefingOfTheBundledData(t *testing.T) {
	test.NewTempApp(t)
	fixedToday(t)
	d := bundled(t)
	b := newBriefing(d, nil)
	for _, paper := range []string{"a4", "letter"} {
		path, _ := writeTo(t, d, BriefingRequest{Paper: paper})
		want := map[string]string{"a4": "A4", "letter": "letter"}[paper]
		checkBriefing(t, path, b, 2, want)
	}
	if len(b.sources) > maxSources {
		t.Errorf("%d sources listed", len(b.sources))
	}
}

// A briefing from a filtered list is about its rows: their totals kind by
// kind, their charts and table, their sources; Hangul and Cyrillic titles
// print in the bundled fonts.
func TestBriefingOfAFilteredList(t *testing.T) {
	fixedToday(t)
	sources := readFixture(t, "sources.csv")
	sources = strings.Replace(sources, "Interview with the minister", `"수은, 우즈벡 국립아동병원 건립 1억달러 EDCF 차관 계약"`, 1)
	sources = strings.Replace(sources, "Uranium in Uzbekistan", "Узбекистан и Корея начали строительство медцентра в Ташкенте", 1)
	d, err := data.Load(os.DirFS(fixtureFolder(t, map[string]string{"sources.csv": sources})))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := openUI(t, test.NewTempApp(t), d)
	if _, ok := u.currentSelection(); ok {
		t.Error("the Overview offered a selection")
	}
	apply(t, u, "projects", data.Query{})
	if _, ok := u.currentSelection(); ok {
		t.Error("an unfiltered list offered a selection: its briefing is of the partnership")
	}
	apply(t, u, "projects", data.Query{Facets: map[string]string{"sector": "health"}, Sort: "amount_usd_m", Desc: true})
	sel, ok := u.currentSelection()
	if !ok {
		t.Fatal("a filtered list offered no selection")
	}
	path, pages, err := u.exportBriefingTo(filepath.Join(t.TempDir(), "health"), &sel, paperA4)
	if err != nil || filepath.Base(path) != "health.pdf" || pages != 1 {
		t.Fatalf("%s, %d pages: %v", path, pages, err)
	}
	b := newBriefing(d, &sel)
	r := checkBriefing(t, path, b, 1, "A4")
	r.mustHave(t, "selection", "Projects filtered by sector Health care", "2 of 4 projects",
		"$227.5 m", "of loans (2 projects)", "amounts of 2013–2021",
		"National Oncology Center", "National Children's Medical Center",
		"수은, 우즈벡 국립아동병원 건립 1억달러 EDCF 차관 계약",
		"Узбекистан и Корея начали строительство медцентра в Ташкенте")
	// The rows in the list's order: the larger amount first.
	if strings.Index(r.text, "National Oncology Center") > strings.Index(r.text, "National Children's Medical Center") {
		t.Error("the rows are not in the list's order")
	}
	if r.has("Tungsten JV") || r.has("Rare Metals") {
		t.Error("rows outside the selection are in its briefing")
	}
	hangul := false
	for _, f := range r.fonts {
		hangul = hangul || strings.Contains(f, "UzkorHangul")
	}
	if !hangul {
		t.Errorf("no Hangul font embedded: %v", r.fonts)
	}
	if u.pref().str("export.folder", "") != filepath.Dir(path) {
		t.Error("the folder is not remembered")
	}
}

// The headless briefing of a list (-briefing -export projects -filter …)
// says what the app's briefing of the same list says.
func TestHeadlessBriefingEqualsApp(t *testing.T) {
	fixedToday(t)
	u, _ := newTestUI(t)
	apply(t, u, "projects", data.Query{Text: "korea", Sort: "amount_usd_m", Desc: true})
	sel, _ := u.currentSelection()
	app, _, err := u.exportBriefingTo(filepath.Join(t.TempDir(), "app.pdf"), &sel, paperLetter)
	if err != nil {
		t.Fatal(err)
	}
	cli, _ := writeTo(t, u.data, BriefingRequest{Table: "projects", Filter: "korea", Sort: "amount_usd_m:desc", Paper: "letter"})
	a, c := readPDF(t, app), readPDF(t, cli)
	if a.text != c.text || !slices.Equal(a.urls, c.urls) || a.pages != c.pages || a.paper != "letter" {
		t.Errorf("the app wrote\n%s\nthe command line\n%s", a.text, c.text)
	}
	for _, r := range []BriefingRequest{{Table: "planets"}, {Table: "projects", Sort: "colour"}, {Paper: "a5"}} {
		var re *data.RequestError
		if _, err := WriteBriefing(u.data, r, io.Discard); !errors.As(err, &re) {
			t.Errorf("%+v: %v", r, err)
		}
	}
}

// A missing folder or a failure half-way gives the CSV export's messages,
// leaves no half file and never damages a file already there.
func TestBriefingSaveFailures(t *testing.T) {
	u, _ := newTestUI(t)
	gone := filepath.Join(t.TempDir(), "gone")
	_, _, err := u.exportBriefingTo(filepath.Join(gone, "b"), nil, paperA4)
	if err == nil {
		t.Fatal("saving into a missing folder succeeded")
	}
	if msg := saveError(filepath.Join(gone, "b.pdf"), err).Error(); msg != "b.pdf could not be saved: the folder "+gone+" no longer exists. Nothing was written, and a file already there is unchanged" {
		t.Errorf("message %q", msg)
	}
	if _, err := os.Stat(gone); err == nil {
		t.Error("a folder was made")
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "b.pdf")
	os.WriteFile(path, []byte("the briefing of last week"), 0o644)
	full := errors.New("no space left on device")
	saved := briefingOut
	briefingOut = func(w io.Writer) io.Writer { return &failAfter{w: w, n: 5000, err: full} }
	t.Cleanup(func() { briefingOut = saved })
	if _, _, err := u.exportBriefingTo(path, nil, paperA4); !errors.Is(err, full) {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "the briefing of last week" {
		t.Errorf("the file there was changed: %.40q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// failAfter writes n bytes, then fails.
type failAfter struct {
	w   io.Writer
	n   int
	err error
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k, _ := f.w.Write(p[:f.n])
		f.n = 0
		return k, f.err
	}
	f.n -= len(p)
	return f.w.Write(p)
}

// The dialog offers the filtered list or the partnership, and the paper,
// which it remembers; it says what it saved.
func TestBriefingDialog(t *testing.T) {
	fixedToday(t)
	u, w := newTestUI(t)
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	apply(t, u, "projects", data.Query{Text: "health"})
	radios := func() (about, paper *widget.RadioGroup) {
		top := w.Canvas().Overlays().Top()
		about, _ = find(top, func(r *widget.RadioGroup) bool { return slices.Contains(r.Options, tr("brief.dialog.partnership")) })
		paper, _ = find(top, func(r *widget.RadioGroup) bool { return slices.Contains(r.Options, "Letter") })
		return about, paper
	}
	file := filepath.Join(dir, "projects-briefing-2026-11-27.pdf")

	// The filtered list, on A4: what it offers first.
	u.do(u.action("export-briefing"))
	mustShow(t, onScreen(w), "Export briefing (PDF)", "What the briefing is about",
		`The filtered list shown (2 projects filtered by "health")`, "The whole partnership", "Paper", "A4", "Letter")
	about, paper := radios()
	if about == nil || paper == nil || about.Selected != about.Options[0] || paper.Selected != "A4" {
		t.Fatalf("about %v, paper %v", about, paper)
	}
	save(t, w)
	mustShow(t, onScreen(w), "Saved a 1-page briefing on the filtered projects to "+shortPath(file))
	if r := readPDF(t, file); r.title != `Projects filtered by "health"` || r.paper != "A4" {
		t.Errorf("%q on %s", r.title, r.paper)
	}

	// The partnership, on Letter, which is remembered.
	dismissDialogs(w)
	u.do(u.action("export-briefing"))
	about, paper = radios()
	about.SetSelected(tr("brief.dialog.partnership"))
	paper.SetSelected("Letter")
	save(t, w)
	mustShow(t, onScreen(w), "Saved a 1-page briefing on the partnership")
	if r := readPDF(t, file); r.title != "The Uzbekistan–Korea partnership" || r.paper != "letter" {
		t.Errorf("%q on %s", r.title, r.paper)
	}
	if u.pref().str("export.paper", "") != "Letter" {
		t.Error("the paper is not remembered")
	}

	// From a tab that is not a filtered list: the partnership, without
	// asking.
	dismissDialogs(w)
	u.ShowTab("overview")
	u.do(u.action("export-briefing"))
	if about, _ := radios(); about != nil {
		t.Error("the Overview asks what the briefing is about")
	}
	mustShow(t, onScreen(w), "briefing-2026-11-27.pdf")
}

// Citations are numbered in the order first cited; a capped row says how
// many more it has.
func TestCitations(t *testing.T) {
	d := fixture(t)
	c := &citations{d: d, num: map[string]int{}, max: 1}
	if got := c.all(data.List{"s2", "s1", "nope"}); got != "[1, 2]" {
		t.Errorf("all: %q", got)
	}
	if got := c.row(data.List{"s3", "s1", "s2", "s1"}); got != "[3] +2" {
		t.Errorf("row: %q", got)
	}
	if got := c.row(nil); got != "" {
		t.Errorf("none: %q", got)
	}
	if !slices.Equal(c.ids, []string{"s2", "s1", "s3"}) {
		t.Errorf("order %v", c.ids)
	}
}

// The briefing's charts are the Overview's: the same bars, values,
// labels and legend, for all projects.
func TestBriefingChartsAreTheOverviews(t *testing.T) {
	u, _ := newTestUI(t)
	o := viewOf[*overviewView](t, u, "overview")
	for _, pair := range [][2]*barChart{{fundingChart(u.data, nil), o.fundingBySector()}, {statusChart(u.data, nil), o.projectsByStatus()}} {
		a, b := pair[0], pair[1]
		if a.title != b.title || a.unit != b.unit || a.note != b.note || len(a.bars) != len(b.bars) || len(a.legend) != len(b.legend) {
			t.Fatalf("%q differs from the Overview's %q", a.title, b.title)
		}
		for i := range a.bars {
			x, y := a.bars[i], b.bars[i]
			if x.label != y.label || x.value != y.value || x.text != y.text || x.detail != y.detail || len(x.parts) != len(y.parts) {
				t.Errorf("%s: bar %d is %+v, the Overview's %+v", a.title, i, x, y)
			}
		}
	}
}

// Text is set in the style's own font, Hangul in the bundled one, and a
// character no font has prints as U+FFFD and is counted; lines never
// run wider than asked, long addresses broken after a slash or hyphen.
func TestPDFTypesetting(t *testing.T) {
	d, err := newPDFDoc(paperA4, gopdf.PdfInfo{})
	if err != nil {
		t.Fatal(err)
	}
	runs := d.runs("Korea 한국 Корея \U0001F600", cellStyle)
	var fonts []string
	for _, r := range runs {
		fonts = append(fonts, r.face.family+":"+r.text)
	}
	want := []string{"UZKAAA+NotoSans-Regular:Korea ", "UZKAAE+UzkorHangul-Regular:한국 ", "UZKAAA+NotoSans-Regular:Корея \uFFFD"}
	if !slices.Equal(fonts, want) || d.missing['\U0001F600'] != 1 {
		t.Errorf("runs %q, missing %v", fonts, d.missing)
	}
	text := "See https://www.koreaherald.com/article/10571542/a-very-long-path/that-goes-on-and-on for the interview"
	for _, width := range []float64{20, 35, 60} {
		for _, line := range d.wrap(text, cellStyle, width) {
			if w := d.textWidth(line, cellStyle); w > width+0.01 {
				t.Errorf("%.0f mm: %q is %.1f mm wide", width, line, w)
			}
		}
	}
	lines := d.wrap(text, cellStyle, 35)
	if !slices.ContainsFunc(lines, func(l string) bool { return strings.HasSuffix(l, "/") || strings.HasSuffix(l, "-") }) {
		t.Errorf("no break after a slash or hyphen: %q", lines)
	}
	if strings.ReplaceAll(text, " ", "") != strings.Join(strings.Fields(strings.Join(lines, "")), "") {
		t.Errorf("wrapping lost text: %q", lines)
	}
	if !unicode.Is(unicode.Hangul, '한') || d.face(pdfStyle{bold: true}, '한') != d.hangul[1] || d.face(pdfStyle{}, '한') != d.hangul[0] {
		t.Error("Hangul is not drawn in the Hangul font of its weight")
	}
}

// A briefing of a long list has its first rows in the table, says so, and
// counts them all.
func TestBriefingOfALongList(t *testing.T) {
	fixedToday(t)
	test.NewTempApp(t)
	files := fstest.MapFS{}
	for name, b := range data.Synthetic(maxRows + 20) {
		files[name] = &fstest.MapFile{Data: b}
	}
	d, err := data.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	rows := make([]int, len(d.Projects))
	for i := range rows {
		rows[i] = i
	}
	b := newBriefing(d, &selection{table: "projects", rows: rows, filter: `"x"`})
	if s := b.sections[0]; len(s.rows) != maxRows || !strings.HasPrefix(s.note, "The first 100 of 120, in the list's order") {
		t.Errorf("%d rows, note %q", len(s.rows), s.note)
	}
	if b.figures[0].value != "120 of 120 projects" {
		t.Errorf("count %q", b.figures[0].value)
	}
	path := filepath.Join(t.TempDir(), "long.pdf")
	f, _ := os.Create(path)
	var pages int
	pages, err = writeBriefing(f, b, paperA4)
	f.Close()
	if err != nil || pages < 3 || pages > 8 {
		t.Errorf("%d pages: %v", pages, err)
	}
	r := readPDF(t, path)
	r.mustHave(t, "long", "(continued)", "Page "+strconv.Itoa(pages)+" of "+strconv.Itoa(pages))
}

// dismissDialogs takes every dialog off the window.
func dismissDialogs(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}
