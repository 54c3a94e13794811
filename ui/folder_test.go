package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"uzkor/data"
)

// writeFolder makes a data folder with the given files.
func writeFolder(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readBundled(t *testing.T, name string) string {
	b, err := os.ReadFile(filepath.Join("..", "resources", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readFixture(t *testing.T, name string) string {
	b, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// fixtureFolder is a data folder of the fixture's files, some replaced.
func fixtureFolder(t *testing.T, replace map[string]string) string {
	files := map[string]string{}
	for _, name := range data.Files {
		files[name] = readFixture(t, name)
	}
	for name, body := range replace {
		files[name] = body
	}
	return writeFolder(t, files)
}

// A folder with one good and one bad file: nothing changes, the problems
// are listed; fixing the file and reloading picks it up.
func TestOpenFolderBadDataNeverWins(t *testing.T) {
	u, w := newTestUI(t)
	goodProjects := readFixture(t, "projects.csv")
	// A good sectors file that renames a sector, and a bad projects file.
	sectors := strings.Replace(readFixture(t, "sectors.csv"), "Health care", "Health care (edited)", 1)
	badProjects := strings.Replace(goodProjects, ",127.5,loan,2021,", ",127,5,loan,2021,", 1)
	dir := fixtureFolder(t, map[string]string{"sectors.csv": sectors, "projects.csv": badProjects})
	before := u.data

	if err := u.openFolder(dir); err == nil {
		t.Fatal("bad data was accepted")
	}
	if u.data != before || u.folder.dir != "" {
		t.Fatal("the data shown changed")
	}
	if !strings.Contains(u.lastProblems.Error(), "projects.csv:3:") || !strings.Contains(u.lastProblems.Error(), "the row has 26 cells, the header 25") {
		t.Errorf("problems:\n%s", u.lastProblems.Error())
	}
	mustShow(t, onScreen(w), "The data in "+filepath.Base(dir)+" was not loaded", "projects.csv:3: the row has 26 cells, the header 25")
	if u.win.Title() != Title {
		t.Errorf("title %q", u.win.Title())
	}

	// Fix the file; reload (as the watcher or View → Reload does).
	fixed := strings.Replace(goodProjects, "National Oncology Center,", "National Oncology Center (edited),", 1)
	os.WriteFile(filepath.Join(dir, "projects.csv"), []byte(fixed), 0o644)
	if err := u.openFolder(dir); err != nil {
		t.Fatalf("fixed folder: %v", err)
	}
	if p, ok := u.data.Project("oncology"); !ok || p.Name != "National Oncology Center (edited)" {
		t.Errorf("the fixed project is not shown: %+v", p)
	}
	if s, _ := u.data.Sector("health"); s.Name != "Health care (edited)" {
		t.Errorf("sector %q", s.Name)
	}
	if !strings.Contains(u.win.Title(), filepath.Base(dir)) {
		t.Errorf("title %q does not name the folder", u.win.Title())
	}
	about := u.aboutText()
	if !strings.Contains(about, dir) || !strings.Contains(about, "From the folder: minerals.csv, sectors.csv, projects.csv") {
		t.Errorf("about:\n%s", about)
	}
	// The views show the new data.
	u.ShowTab("projects")
	mustShow(t, seen(w.Canvas().Content()), "National Oncology Center (edited)", "Data from "+shortPath(dir))
	// Nothing the user opened was written to.
	if b, _ := os.ReadFile(filepath.Join(dir, "projects.csv")); string(b) != fixed {
		t.Error("projects.csv was modified")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(data.Files) {
		t.Errorf("files were added: %v", entries)
	}

	// The choice is remembered, and Use bundled data goes back.
	if u.pref().str("data.folder", "") != dir {
		t.Error("folder not remembered")
	}
	u.useBundled()
	if _, ok := u.data.Project("oncology"); ok || u.pref().str("data.folder", "") != "" {
		t.Error("Use bundled data did not go back")
	}
}

func TestOpenFolderErrors(t *testing.T) {
	u, _ := newTestUI(t)
	if err := u.openFolder(filepath.Join(t.TempDir(), "gone")); err == nil || !strings.Contains(u.lastProblems.Error(), "the folder cannot be opened") {
		t.Errorf("missing folder: %v %q", err, u.lastProblems.Error())
	}
	if err := u.openFolder(t.TempDir()); err == nil || !strings.Contains(u.lastProblems.Error(), "the folder has none of the data files") {
		t.Errorf("empty folder: %v %q", err, u.lastProblems.Error())
	}
	// Warnings load, and are listed.
	extra := strings.Replace(readFixture(t, "sources.csv"), "id,title,publisher,date,url,notes\n", "id,title,publisher,date,url,notes,seen\n", 1)
	extra = strings.ReplaceAll(extra, "\n", ",x\n")
	extra = strings.Replace(extra, "notes,seen,x\n", "notes,seen\n", 1)
	dir := fixtureFolder(t, map[string]string{"sources.csv": extra})
	if err := u.openFolder(dir); err != nil {
		t.Fatalf("warnings blocked the load: %v", err)
	}
	if !strings.Contains(u.lastProblems.Error(), `warning: column "seen"`) || u.folder.dir != dir {
		t.Errorf("warnings: %q", u.lastProblems.Error())
	}
}

// A save in the watched folder reloads the data by itself.
func TestWatcherReloads(t *testing.T) {
	u, _ := newTestUI(t)
	// What the watcher hands to the main thread runs here, in the test's
	// goroutine, as fyne.Do runs it on the main thread in the app.
	queue := make(chan func(), 16)
	u.onMain = func(f func()) { queue <- f }
	good := readFixture(t, "projects.csv")
	dir := fixtureFolder(t, nil)
	if err := u.openFolder(dir); err != nil {
		t.Fatal(err)
	}
	defer u.stopWatching()
	edited := strings.Replace(good, "National Oncology Center,", "National Oncology Center (saved),", 1)
	os.WriteFile(filepath.Join(dir, "projects.csv"), []byte(edited), 0o644)
	deadline := time.After(30 * time.Second) // a guard against a hang, not a budget
	for {
		select {
		case f := <-queue:
			f()
			if p, _ := u.data.Project("oncology"); p.Name == "National Oncology Center (saved)" {
				return
			}
		case <-deadline:
			t.Fatal("the save did not reload the data")
		}
	}
}

func TestSaveTemplate(t *testing.T) {
	dir := t.TempDir()
	existing, err := saveTemplate(dir, false)
	if err != nil || len(existing) != 0 {
		t.Fatal(existing, err)
	}
	for _, name := range data.Files {
		b, _ := os.ReadFile(filepath.Join(dir, name))
		if string(b) != readBundled(t, name) {
			t.Errorf("%s differs from the bundled file", name)
		}
	}
	// The message after saving counts the data files the folder now has.
	csvs, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if msg := templateSaved(dir); !strings.Contains(msg, fmt.Sprintf("The %d data files", len(csvs))) {
		t.Errorf("after saving %d data files the message says %q", len(csvs), msg)
	}
	readme, _ := os.ReadFile(filepath.Join(dir, "README.txt"))
	for _, s := range []string{"projects.csv", "amount_usd_m", "announced, planned", "UZ-TK Tashkent city", "separated by ;", "uzkor -data"} {
		if !strings.Contains(string(readme), s) {
			t.Errorf("README.txt lacks %q", s)
		}
	}
	// The template loads cleanly as a data folder.
	if _, _, err := loadFolder(dir); err != nil {
		t.Errorf("template does not load: %v", err)
	}
	// A second save refuses to overwrite without confirmation.
	os.WriteFile(filepath.Join(dir, "projects.csv"), []byte("mine"), 0o644)
	existing, err = saveTemplate(dir, false)
	if err != nil || len(existing) != len(data.Files)+1 {
		t.Fatalf("existing %v %v", existing, err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "projects.csv")); string(b) != "mine" {
		t.Error("a file was overwritten without confirmation")
	}
	if _, err := saveTemplate(dir, true); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "projects.csv")); string(b) == "mine" {
		t.Error("confirmed replace did not replace")
	}
}

// The remembered folder opens at start, off the main thread: the window
// shows at once, with the data it had and a status saying what is being
// opened, and the folder's data when it is ready.
func TestRememberedFolderOpensAtStart(t *testing.T) {
	good := strings.Replace(readFixture(t, "projects.csv"), "National Oncology Center,", "National Oncology Center (mine),", 1)
	dir := fixtureFolder(t, map[string]string{"projects.csv": good})
	u, _ := newTestUI(t)
	u.openFolder(dir)
	u.stopWatching()
	u2, w2, queue := attachQueued(t, u.app)
	if p, _ := u2.data.Project("oncology"); p.Name == "National Oncology Center (mine)" {
		t.Fatal("the folder was read before the window was attached")
	}
	mustShow(t, onScreen(w2), "Opening "+shortPath(dir)+"…")
	if !u2.bar.spinner.Visible() {
		t.Error("nothing turns in the status bar while the folder is read")
	}
	drainUntil(t, queue, func() bool { return u2.folder.dir == dir })
	if u2.bar.spinner.Visible() {
		t.Error("the status bar still turns once the folder is shown")
	}
	if p, _ := u2.data.Project("oncology"); p.Name != "National Oncology Center (mine)" {
		t.Errorf("restart shows %q from %q", p.Name, u2.folder.dir)
	}
	if shows(onScreen(w2), "Opening") {
		t.Errorf("the status still says it is opening: %q", onScreen(w2))
	}
}

// attachQueued attaches a new dashboard on the fixture to a window of
// app a, with what goes to the main thread queued for the test to run.
func attachQueued(t *testing.T, a fyne.App) (*UI, fyne.Window, chan func()) {
	u := New(a, fixture(t))
	queue := make(chan func(), 64)
	u.onMain = func(f func()) { queue <- f }
	t.Cleanup(u.stopWatching)
	w := a.NewWindow("test")
	u.Attach(w)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	return u, w, queue
}

// drainUntil runs what was handed to the main thread until done says so.
func drainUntil(t *testing.T, queue chan func(), done func() bool) {
	t.Helper()
	deadline := time.After(30 * time.Second) // a guard against a hang, not a budget
	for !done() {
		select {
		case f := <-queue:
			f()
		case <-deadline:
			t.Fatal("timed out waiting for the main thread's work")
		}
	}
}

// While folders are read and shown the collector runs sooner, the lowest
// of the targets in force winning, and its target comes back when the
// last of them is done.
func TestCollectorTargetLoweredWhileLoading(t *testing.T) {
	// Folders other tests opened may still be warming their indexes.
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(10 * time.Millisecond) {
		gcMu.Lock()
		n := len(gcTargets)
		gcMu.Unlock()
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d lowerings of the collector's target still in force", n)
		}
	}
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	target := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	reading, showing, reading2 := thriftyGC(gcWhileReading), thriftyGC(gcWhileShowing), thriftyGC(gcWhileReading)
	if got := target(); got != gcWhileShowing {
		t.Fatalf("reading and showing: target %d, want the lower, %d", got, gcWhileShowing)
	}
	showing()
	if got := target(); got != gcWhileReading {
		t.Fatalf("two readings: target %d, want %d", got, gcWhileReading)
	}
	reading()
	if got := target(); got != gcWhileReading {
		t.Fatalf("one reading still going: target %d, want %d", got, gcWhileReading)
	}
	reading2()
	if got := target(); got != 100 {
		t.Fatalf("after the loads: target %d, want 100 back", got)
	}
	// A load, as the window starts it, restores the target too.
	if _, _, err := loadFolder(fixtureFolder(t, nil)); err != nil {
		t.Fatal(err)
	}
	if got := target(); got != 100 {
		t.Fatalf("after loadFolder: target %d, want 100", got)
	}
	// Showing a folder keeps it lowered until the new data is shown and
	// its indexes warmed, then gives it back.
	u, _ := newTestUI(t)
	if err := u.openFolder(fixtureFolder(t, nil)); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); target() != 100; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("after showing a folder: target %d, want 100 back", target())
		}
	}
}

// openingQueued is the window as main makes it at start with a folder:
// the folder read from before the window is made (NewOpening).
func openingQueued(t *testing.T, a fyne.App, dir string) (*UI, fyne.Window, chan func()) {
	u := NewOpening(a, fixture(t), StartReading(a, dir, nil))
	queue := make(chan func(), 64)
	u.onMain = func(f func()) { queue <- f }
	t.Cleanup(u.stopWatching)
	w := a.NewWindow("test")
	u.Attach(w)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	return u, w, queue
}

// Started with a folder, the window says it is opening it and makes no
// view of the bundled data meanwhile; then it shows the folder's data on
// the tab the user left.
func TestStartWithFolderShowsItWhenRead(t *testing.T) {
	good := strings.Replace(readFixture(t, "projects.csv"), "National Oncology Center,", "National Oncology Center (mine),", 1)
	dir := fixtureFolder(t, map[string]string{"projects.csv": good})
	a := test.NewTempApp(t)
	a.Preferences().SetString("tab", "projects")
	u, w, queue := openingQueued(t, a, dir)
	mustShow(t, onScreen(w), "Opening "+shortPath(dir)+"…")
	if len(u.made()) != 0 {
		t.Fatalf("views made of the bundled data while the folder is read: %d", len(u.made()))
	}
	bar := u.openingBar
	if bar == nil || !bar.Running() {
		t.Fatal("no progress moves while the folder is read")
	}
	if shows(onScreen(w), "Projects") {
		t.Errorf("tabs shown before the folder's data: %q", onScreen(w))
	}
	// Every key and menu item meanwhile: nothing breaks, nothing is made
	// of the bundled data.
	for _, ac := range u.actions() {
		if ac.id != "quit" && ac.key != "" {
			press(w, ac)
			closeDialogs(u, w)
		}
	}
	if len(u.made()) != 0 || !u.waiting {
		t.Fatalf("the keys made %d views of the bundled data while the folder is read", len(u.made()))
	}
	press(w, u.action("export-csv"))
	mustShow(t, onScreen(w), "Export as CSV… waits for the data being opened")
	drainUntil(t, queue, func() bool { return u.folder.dir == dir })
	if u.CurrentTab() != "projects" {
		t.Errorf("showing %q, want the tab left last time", u.CurrentTab())
	}
	mustShow(t, onScreen(w), "National Oncology Center (mine)")
	if shows(onScreen(w), "Opening") {
		t.Errorf("still says it is opening: %q", onScreen(w))
	}
	// Its progress bar, gone from the window, no longer moves: a running
	// one redraws the window on every frame.
	if bar.Running() {
		t.Error("the opening progress bar still runs once the data is shown")
	}
	if u.bar.spinner.Visible() {
		t.Error("the status bar still turns once the data is shown")
	}
}

// Started with a folder that cannot be shown, the window shows the bundled
// data and lists the problems over it.
func TestStartWithBadFolderShowsBundled(t *testing.T) {
	dir := fixtureFolder(t, map[string]string{"projects.csv": "id,name\n"})
	a := test.NewTempApp(t)
	u, w, queue := openingQueued(t, a, dir)
	drainUntil(t, queue, func() bool { return u.lastProblems != nil })
	if u.waiting || u.tabs == nil || u.folder.dir != "" {
		t.Fatalf("waiting %v, tabs %v, folder %q: want the bundled data shown", u.waiting, u.tabs != nil, u.folder.dir)
	}
	mustShow(t, onScreen(w), "The data in "+filepath.Base(dir)+" was not loaded", "Overview")
}

// What the tabs group projects by, shown one after the other, is what a
// folder's data makes ahead once shown: no tab waits for an index, and
// none is made that no tab uses.
func TestWarmedColumnsAreWhatTheTabsGroupBy(t *testing.T) {
	u, _ := newTestUI(t)
	for _, v := range u.allViews() {
		u.ShowTab(v.name())
	}
	if got := u.data.GroupedColumns(); !sameColumns(got, groupedColumns) {
		t.Errorf("the tabs group by %v; a folder makes ahead %v", got, groupedColumns)
	}
}

// sameColumns reports whether two lists hold the same column names.
func sameColumns(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// The Overview, shown first, groups projects by what a folder read makes
// ahead of showing it.
func TestOverviewColumnsAreWhatItGroupsBy(t *testing.T) {
	u, _ := newTestUI(t)
	if u.current().name() != "overview" {
		t.Fatalf("first tab %q, want the Overview", u.current().name())
	}
	if got := u.data.GroupedColumns(); !sameColumns(got, overviewColumns) {
		t.Errorf("the Overview groups by %v; a folder read makes ahead %v", got, overviewColumns)
	}
}

// Once a folder's data is shown, what every tab counts from is made in the
// background, a moment later.
func TestOpenedFolderWarmsAfterShowing(t *testing.T) {
	u, _ := newTestUI(t)
	dir := writeFolder(t, map[string]string{"projects.csv": readBundled(t, "projects.csv")})
	if err := u.openFolder(dir); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second) // a hang guard, not a budget
	for {
		got := u.data.GroupedColumns()
		if sameColumns(got, groupedColumns) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("made after showing: %v, want %v", got, groupedColumns)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Reading a folder starts a collection once its projects are read, before
// the next file: what their reading left is freed before the checks add
// to it.
func TestReadingCollectsAfterTheProjects(t *testing.T) {
	var log []string
	saved := collectAfterProjects
	t.Cleanup(func() { collectAfterProjects = saved })
	collectAfterProjects = func() { log = append(log, "collect") }
	dir := writeFolder(t, map[string]string{"projects.csv": readBundled(t, "projects.csv")})
	if _, _, err := loadFolderWith(dir, func(file string) { log = append(log, file) }); err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(data.Files)
	at := slices.Index(want, data.ProjectsFile) + 1
	want = slices.Insert(want, at, "collect")
	if !slices.Equal(log, want) {
		t.Errorf("reading a folder did\n%q\nnot\n%q", log, want)
	}
}
