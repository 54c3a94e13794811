package ui

import (
	"bytes"
	"errors"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"uzkor/data"
)

func TestSuggestedName(t *testing.T) {
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local) }
	if got := suggestedName("projects", ".csv"); got != "projects-2026-11-27.csv" {
		t.Errorf("got %s", got)
	}
	tests := []struct{ in, want string }{
		{"report", "report.csv"},
		{"report.csv", "report.csv"},
		{"report.CSV", "report.CSV"},
		{"report.txt", "report.txt.csv"},
		{"q3.final", "q3.final.csv"},
	}
	for _, tt := range tests {
		if got := withExt(tt.in, ".csv"); got != tt.want {
			t.Errorf("%s: %s", tt.in, got)
		}
	}
}

// The app exports what the list shows: the filtered rows in the sorted
// order and the list's columns with their units and years.
func TestExportWhatTheListShows(t *testing.T) {
	u, _ := newTestUI(t)
	apply(t, u, "projects", data.Query{Text: "health", Sort: "amount_usd_m", Desc: true})
	dir := t.TempDir()
	path, e, err := u.exportCSVTo(filepath.Join(dir, "health"))
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "health.csv") || e.noun != "2 projects" {
		t.Errorf("path %s, %s", path, e.noun)
	}
	b, _ := os.ReadFile(path)
	text := strings.TrimPrefix(string(b), data.BOM)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	// The columns shown, each with its unit and year, ids with the names
	// people read beside them.
	if lines[0] != "name,amount_usd_m,amount_basis,amount_year,status,status_as_of,start_year,region,region_label" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 3 || lines[1] != "National Oncology Center,127.5,loan,2021,planned,2021,2019,UZ-TK,Tashkent city" || !strings.HasPrefix(lines[2], "National Children's Medical Center,100,") {
		t.Errorf("rows:\n%s", text)
	}
	if got := u.pref().str("export.folder", ""); got != dir {
		t.Errorf("last folder remembered as %q", got)
	}
	// The byte-order mark is on by default and a preference turns it off.
	if !bytes.HasPrefix(b, []byte(data.BOM)) {
		t.Error("no byte-order mark by default")
	}
	u.prefs.SetBool("export.bom", false)
	path, _, _ = u.exportCSVTo(filepath.Join(dir, "nobom.csv"))
	if b, _ := os.ReadFile(path); bytes.HasPrefix(b, []byte(data.BOM)) {
		t.Error("byte-order mark written although turned off")
	}
}

func TestExportOtherTabs(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	u.ShowTab("timeline")
	tl := viewOf[*timelineView](t, u, "timeline")
	tl.kind.choose("policy")
	path, e, err := u.exportCSVTo(filepath.Join(dir, "t"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if got := strings.TrimPrefix(string(b), data.BOM); got != "date,title,description,kind,related,sources\n2023-09,Framework programme signed,Trade and investment facilitation,policy,,s1\n" || e.count != 1 {
		t.Errorf("timeline export:\n%s", b)
	}
	u.ShowTab("overview")
	path, e, err = u.exportCSVTo(filepath.Join(dir, "o"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(path)
	text := string(b)
	for _, want := range []string{
		"chart,category,kind,value,unit,label,detail\n",
		`"Funding by sector, by kind of amount",Health care,loan,227.5,USD m,$227.5 m of loans,`,
		"Projects by status,planned,,2,projects,2,",
		"Uzbekistan's world rank as a producer,Gold,,10,rank,10th (2023),",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("overview export lacks %q:\n%s", want, text)
		}
	}
	// The map exports the markers it shows.
	u.ShowTab("map")
	path, e, err = u.exportCSVTo(filepath.Join(dir, "m"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(path)
	if !strings.Contains(string(b), "deposit,muruntau,Muruntau,,41.4958,64.5775,own coordinates,UZ-NW") || e.count < 3 {
		t.Errorf("map export (%d):\n%s", e.count, b)
	}
}

func TestExportFailureLeavesNothing(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("projects")
	dir := filepath.Join(t.TempDir(), "gone")
	_, _, err := u.exportCSVTo(filepath.Join(dir, "x"))
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	msg := saveError(filepath.Join(dir, "x.csv"), err).Error()
	if !strings.Contains(msg, "x.csv could not be saved: the folder "+dir+" no longer exists") || !strings.Contains(msg, "unchanged") {
		t.Errorf("message %q", msg)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a folder was created")
	}
}

func TestSaveErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, "cannot be written to (permission denied)"},
		{&fs.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, "the disk is full"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}, "the disk is read-only"},
		{errors.New("odd"), "odd"},
	}
	for _, tt := range tests {
		if got := saveError("/tmp/a.csv", tt.err).Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q", tt.err, got)
		}
	}
}

// Image export renders the tab as it is (filters, selection) at the
// window's size, or twice that.
func TestExportImage(t *testing.T) {
	u, w := newTestUI(t)
	w.Resize(fyne.NewSize(900, 600))
	apply(t, u, "projects", data.Query{Text: "health"})
	lv := listOf(t, u, "projects")
	lv.showID("oncology")
	dir := t.TempDir()
	for _, scale := range []float32{1, 2} {
		path, err := u.exportImageTo(filepath.Join(dir, "shot"), scale)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := os.Open(path)
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		cs := w.Canvas().Size()
		wantW, wantH := int(cs.Width*scale), int(cs.Height*scale)
		if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
			t.Errorf("scale %v: %v, want %dx%d", scale, b, wantW, wantH)
		}
	}
	// The live window keeps its own state and theme.
	if lv.filter.Text != "health" || lv.selectedID() != "oncology" {
		t.Error("rendering changed the window's list")
	}
	// The shot carries the list's state: the copy drawn shows the same
	// filter and selection.
	s := u.shot(1)
	tree, err := shotTree(u.app, u.data, s)
	if err != nil {
		t.Fatal(err)
	}
	mustShow(t, seen(tree), "health", "2 of 4 projects", "National Oncology Center", "$127.5 m loan (2021)")
}

// apply shows a list with a query, as if the user had typed and chosen it.
func apply(t *testing.T, u *UI, name string, q data.Query) *listView {
	t.Helper()
	lv := listOf(t, u, name)
	lv.setQuery(q)
	u.ShowTab(name)
	return lv
}

// The headless export (uzkor -export) and the app's File → Export give
// the same bytes for the same filter and sort.
func TestHeadlessExportEqualsApp(t *testing.T) {
	for _, tc := range []struct {
		view string
		q    data.Query
		sort string
	}{
		{"projects", data.Query{Text: "korea", Sort: "amount_usd_m", Desc: true}, "amount_usd_m:desc"},
		{"minerals", data.Query{Sort: "world_rank"}, "world_rank"},
		{"sources", data.Query{Text: "korea", Sort: "date", Desc: true}, "date:desc"},
		{"sectors", data.Query{}, ""},
	} {
		u, _ := newTestUI(t)
		apply(t, u, tc.view, tc.q)
		path, _, err := u.exportCSVTo(filepath.Join(t.TempDir(), tc.view))
		if err != nil {
			t.Fatal(err)
		}
		app, _ := os.ReadFile(path)
		write, err := u.data.Exporter(data.ExportRequest{Table: tc.view, Filter: tc.q.Text, Sort: tc.sort, BOM: true})
		if err != nil {
			t.Fatal(err)
		}
		var headless bytes.Buffer
		if err := write(&headless); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(app, headless.Bytes()) || len(app) < 50 {
			t.Errorf("%s: the app wrote\n%s\nthe command line\n%s", tc.view, app, headless.Bytes())
		}
	}
}

// An image of a folder's data says in its status bar where the data comes
// from, as the window does.
func TestExportImageNamesTheFolder(t *testing.T) {
	u, _ := newTestUI(t)
	dir := fixtureFolder(t, nil)
	if err := u.openFolder(dir); err != nil {
		t.Fatal(err)
	}
	origin := u.originText()
	if !strings.Contains(origin, shortPath(dir)) {
		t.Fatalf("the window's status bar says %q", origin)
	}
	tree, err := shotTree(u.app, u.data, u.shot(1))
	if err != nil {
		t.Fatal(err)
	}
	mustShow(t, seen(tree), origin)
}
