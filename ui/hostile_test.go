package ui

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"uzkor/data"
)

// A remembered folder whose projects.csv is a named pipe: the window
// shows at once, the pipe is never opened, and the data shown stays, with
// the problem listed.
func TestRememberedPipeFolder(t *testing.T) {
	dir := fixtureFolder(t, nil)
	pipe := filepath.Join(dir, "projects.csv")
	os.Remove(pipe)
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString("data.folder", dir)
	// Attaching returns (it would wait for ever on the pipe if it read
	// it) and shows the bundled data meanwhile.
	u, w, queue := attachQueued(t, a)
	before := u.data
	drainUntil(t, queue, func() bool { return u.lastProblems != nil })
	if u.data != before || u.folder.dir != "" {
		t.Error("the data shown changed")
	}
	mustShow(t, onScreen(w), "The data in "+filepath.Base(dir)+" was not loaded — 1 problem",
		"projects.csv: this is a named pipe, not a file (expected a CSV file named projects.csv)")
	// The folder is still remembered: replacing the pipe with a file
	// loads it.
	if u.pref().str("data.folder", "") != dir {
		t.Error("the folder was forgotten")
	}
}

// A remembered folder that is gone is forgotten, and the data shown
// stays.
func TestRememberedFolderGone(t *testing.T) {
	a := test.NewTempApp(t)
	gone := filepath.Join(t.TempDir(), "gone")
	a.Preferences().SetString("data.folder", gone)
	u, w, queue := attachQueued(t, a)
	drainUntil(t, queue, func() bool { return u.lastProblems != nil })
	mustShow(t, onScreen(w), "the folder cannot be opened")
	if u.pref().str("data.folder", "x") != "" {
		t.Error("the folder that is gone is still remembered")
	}
}

// Problems are listed grouped by file and kind, with their number in the
// title; the filter narrows the list; Copy copies every line.
func TestProblemsDialog(t *testing.T) {
	u, w := newTestUI(t)
	var b strings.Builder
	b.WriteString(strings.SplitAfter(readFixture(t, "projects.csv"), "\n")[0])
	for i := range 1500 {
		b.WriteString("p" + string(rune('a'+i%26)) + "\n")
	}
	dir := fixtureFolder(t, map[string]string{
		"projects.csv": b.String(),
		"sectors.csv":  strings.Replace(readFixture(t, "sectors.csv"), "Health care", `Health "care`, 1),
	})
	if err := u.openFolder(dir); err == nil {
		t.Fatal("loaded")
	}
	pd := u.problems
	mustShow(t, onScreen(w), "The data in "+filepath.Base(dir)+" was not loaded — 1,501 problems",
		"projects.csv — 1,500 problems", "the row has N cells, the header N — 1,500",
		"projects.csv:2: the row has 1 cells, the header 25",
		"sectors.csv — 1 problem", `sectors.csv:3: a quote appears inside a cell that is not quoted`)
	// sectors.csv and its problem; projects.csv, the kind, the first
	// 999 of them and the line that counts the rest.
	if n := len(pd.rows); n != 2+2+999+1 {
		t.Errorf("%d rows", n)
	}
	last := pd.rows[len(pd.rows)-1]
	if last.level != 2 || pd.ps[last.p].String() != "projects.csv: … and 501 more like these (lines 1,001 to 1,501)" {
		t.Errorf("last row %q", pd.fullText(last))
	}
	// Filtering.
	pd.filter.SetText("lines 1,001")
	if len(pd.rows) != 3 || pd.fullText(pd.rows[2]) != "projects.csv: … and 501 more like these (lines 1,001 to 1,501)" {
		t.Errorf("filtered: %d rows", len(pd.rows))
	}
	mustShow(t, onScreen(w), "1 line match")
	pd.filter.SetText("SECTORS")
	if len(pd.rows) != 2 || !strings.Contains(pd.fullText(pd.rows[1]), "sectors.csv:") {
		t.Errorf("filtered by file: %d rows", len(pd.rows))
	}
	pd.filter.SetText("")
	if len(pd.rows) != 1004 {
		t.Errorf("unfiltered: %d rows", len(pd.rows))
	}
	// Copy copies every problem kept, as -validate prints them.
	copyButton, ok := button(w, "Copy")
	if !ok {
		t.Fatal("no Copy button")
	}
	test.Tap(copyButton)
	if got := u.app.Clipboard().Content(); got != pd.ps.Error() || strings.Count(got, "\n") != 1000 {
		t.Errorf("copied %d lines", strings.Count(got, "\n")+1)
	}
	mustShow(t, onScreen(w), "Copied 1,001 lines (1,501 problems)")
}

// A million problems: the dialog shows at once and groups them off the
// main thread; the list makes only the lines on screen; filter and Copy
// work off the main thread too.
func TestProblemsDialogMillion(t *testing.T) {
	u, w := newTestUI(t)
	queue := make(chan func(), 16)
	u.onMain = func(f func()) { queue <- f }
	const n = 1_000_000
	ps := make(data.Problems, n)
	for i := range ps {
		ps[i] = data.Problem{File: "projects.csv", Line: i + 2, Msg: "the row has 1 cells, the header 25"}
	}
	// Nothing handed to the main thread has run yet: the dialog is up,
	// saying it is grouping.
	u.showProblems("The data in x was not loaded", "", ps)
	mustShow(t, onScreen(w), "was not loaded — 1,000,000 problems", "Grouping 1,000,000 lines…")
	pd := u.problems
	drainUntil(t, queue, func() bool { return len(pd.rows) > 0 })
	if len(pd.rows) != n+2 {
		t.Fatalf("%d rows", len(pd.rows))
	}
	mustShow(t, onScreen(w), "projects.csv:2: the row has 1 cells")
	pd.filter.SetText("1000001")
	drainUntil(t, queue, func() bool { return len(pd.rows) != n+2 })
	if len(pd.rows) != 3 || pd.fullText(pd.rows[2]) != "projects.csv:1000001: the row has 1 cells, the header 25" {
		t.Errorf("filtered: %d rows", len(pd.rows))
	}
	u.app.Clipboard().SetContent("")
	pd.copyAll()
	drainUntil(t, queue, func() bool { return u.app.Clipboard().Content() != "" })
	if got := u.app.Clipboard().Content(); strings.Count(got, "\n") != n-1 {
		t.Errorf("copied %d lines", strings.Count(got, "\n")+1)
	}
}

// About and the problems dialog say "the other files bundled" only when
// some are.
func TestFolderOfEveryFile(t *testing.T) {
	dir := fixtureFolder(t, nil)
	_, f, err := loadFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.files) != len(data.Files) || strings.Contains(f.describe(), "bundled") || strings.Contains(f.filesText(), "Bundled") {
		t.Errorf("%q\n%q", f.describe(), f.filesText())
	}
	part := dataFolder{dir: dir, files: []string{"projects.csv"}}
	if !strings.Contains(part.describe(), "; the other files bundled") || !strings.Contains(part.filesText(), "Bundled: "+plural(len(data.Files)-1, "other file")) {
		t.Errorf("%q\n%q", part.describe(), part.filesText())
	}
}

// watchQueued opens a folder in a dashboard whose main-thread work is
// queued for the test.
func watchQueued(t *testing.T, dir string) (*UI, chan func()) {
	u, _ := newTestUI(t)
	queue := make(chan func(), 64)
	u.onMain = func(f func()) { queue <- f }
	if err := u.openFolder(dir); err != nil {
		t.Fatal(err)
	}
	return u, queue
}

func oncologyName(u *UI) string {
	p, _ := u.data.Project("oncology")
	if p == nil {
		return ""
	}
	return p.Name
}

// A folder deleted and made again is watched again: a save after it comes
// back shows, and so does what it came back with.
func TestWatcherRearms(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "data")
	write := func(name string) {
		os.MkdirAll(dir, 0o755)
		for _, f := range data.Files {
			body := readFixture(t, f)
			if f == "projects.csv" {
				body = strings.Replace(body, "National Oncology Center,", name+",", 1)
			}
			os.WriteFile(filepath.Join(dir, f), []byte(body), 0o644)
		}
	}
	write("First")
	u, queue := watchQueued(t, dir)
	os.RemoveAll(dir)
	time.Sleep(3 * lookEvery)
	write("Second")
	drainUntil(t, queue, func() bool { return oncologyName(u) == "Second" })
	// The watch is armed again: an edit reloads.
	projects := filepath.Join(dir, "projects.csv")
	b, _ := os.ReadFile(projects)
	os.WriteFile(projects, []byte(strings.Replace(string(b), "Second,", "Third,", 1)), 0o644)
	drainUntil(t, queue, func() bool { return oncologyName(u) == "Third" })
}

// A file written in two parts with a pause between them, longer than the
// old 400 ms wait (800 ms), at a row boundary: the half file is never shown, the
// whole one is.
func TestWatcherWaitsForQuiet(t *testing.T) {
	dir := fixtureFolder(t, nil)
	u, queue := watchQueued(t, dir)
	full := strings.Replace(readFixture(t, "projects.csv"), "National Oncology Center,", "Whole file,", 1)
	lines := strings.SplitAfter(full, "\n")
	half := strings.Join(lines[:3], "") // the header and two rows
	path := filepath.Join(dir, "projects.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(half)
	f.Sync()
	pause := time.After(800 * time.Millisecond)
	for waiting := true; waiting; {
		select {
		case g := <-queue:
			g()
		case <-pause:
			waiting = false
		}
		if len(u.data.Projects) == 2 {
			t.Fatal("the half-written file was shown")
		}
	}
	f.WriteString(strings.Join(lines[3:], ""))
	f.Close()
	drainUntil(t, queue, func() bool {
		if len(u.data.Projects) == 2 {
			t.Fatal("the half-written file was shown")
		}
		return oncologyName(u) == "Whole file"
	})
	if len(u.data.Projects) != 4 {
		t.Errorf("%d projects", len(u.data.Projects))
	}
}

// A spreadsheet saving through a temporary file renamed over the old one
// is read once it is in place.
func TestWatcherTemporaryFileRenamed(t *testing.T) {
	dir := fixtureFolder(t, nil)
	u, queue := watchQueued(t, dir)
	tmp := filepath.Join(dir, ".~lock.projects.csv#")
	body := strings.Replace(readFixture(t, "projects.csv"), "National Oncology Center,", "Saved by a spreadsheet,", 1)
	os.WriteFile(tmp, []byte(body[:len(body)/2]), 0o644)
	time.Sleep(100 * time.Millisecond)
	os.WriteFile(tmp, []byte(body), 0o644)
	os.Rename(tmp, filepath.Join(dir, "projects.csv"))
	drainUntil(t, queue, func() bool { return oncologyName(u) == "Saved by a spreadsheet" })
}
