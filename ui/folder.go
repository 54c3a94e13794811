package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"uzkor/data"
	"uzkor/resources"
)

// dataFolder says where the data shown comes from: the bundle, or a folder
// of the user's files laid over it.
type dataFolder struct {
	dir   string   // "" for the bundled data
	files []string // the files read from dir; the others are bundled
}

func (f dataFolder) describe() string {
	if f.dir == "" {
		return tr("folder.bundled")
	}
	if len(f.files) < len(data.Files) {
		return tr("folder.some-files", "Folder", shortPath(f.dir), "Files", strings.Join(f.files, ", "))
	}
	return tr("folder.files", "Folder", shortPath(f.dir), "Files", strings.Join(f.files, ", "))
}

// loadFolder reads a folder laid over the bundled data. It never writes
// to the folder.
func loadFolder(dir string) (*data.Dataset, dataFolder, error) {
	return loadFolderWith(dir, nil)
}

// overlayOf is a folder laid over the bundled data, and which files it has.
func overlayOf(dir string) (data.Overlay, dataFolder) {
	o := data.Overlay{Top: os.DirFS(dir), Base: resources.Data}
	return o, dataFolder{dir: dir, files: o.FromTop()}
}

// loadFolderWith is loadFolder, calling progress with the name of each
// file before it is read.
func loadFolderWith(dir string, progress func(file string)) (*data.Dataset, dataFolder, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, dataFolder{}, data.Problems{{File: shortPath(dir), Msg: tr("folder.cannot-open"), Expected: tr("folder.cannot-open-expected")}}
	}
	o, f := overlayOf(dir)
	if len(f.files) == 0 {
		return nil, f, data.Problems{{File: shortPath(dir), Msg: tr("folder.no-files"), Expected: tr("folder.no-files-expected", "Files", strings.Join(data.Files, ", "))}}
	}
	defer thriftyGC(gcWhileReading)()
	read := func(file string) {
		if file == data.ProjectsFile {
			collectAfterProjects()
		}
	}
	d, err := data.Loader{Progress: progress, Read: read}.Load(o)
	return d, f, err
}

// collectAfterProjects starts a collection once the projects are read,
// beside the reading of the smaller files. The projects are the one large
// file, and their reading leaves garbage (its chunks of cells, the file's
// bytes) that the checks which follow add to. When the collector had last
// run two thirds of the way through the projects, the heap then grew by
// half again before it ran next (GODEBUG=gctrace=1): 100,000 projects
// peaked at 275-290 MiB in about half the starts, 267-270 MiB in the
// others; with this, at 268-273 MiB in 20 starts of 20, no slower (two
// sets of 10 interleaved starts: median launch to shown 738 and 760 ms,
// against 742 and 773).
var collectAfterProjects = func() { go runtime.GC() }

// The collector's targets while a folder is read and while it is shown:
// it runs when the heap has grown by a half, or by a fifth, instead of
// doubling. What the machine must have is the peak, and it comes once the
// folder is shown and its indexes are made: a lower target while reading
// only makes the reading slower (100k projects: 1.2–1.4 s to the data on
// screen at 50, 1.6 s at 20, the same peak; .ci/side-by-side).
const (
	gcWhileReading = 50
	gcWhileShowing = 20
)

var (
	gcMu      sync.Mutex
	gcTargets = map[int]int{} // the lowerings in force: target → how many
	gcSaved   int             // the target to go back to
)

// thriftyGC lowers the collector's target until the function it returns
// is called. Of lowerings side by side, the lowest is in force.
func thriftyGC(target int) (restore func()) {
	gcMu.Lock()
	defer gcMu.Unlock()
	if len(gcTargets) == 0 {
		gcSaved = debug.SetGCPercent(target)
	}
	gcTargets[target]++
	debug.SetGCPercent(lowestTarget())
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		if gcTargets[target]--; gcTargets[target] == 0 {
			delete(gcTargets, target)
		}
		if len(gcTargets) == 0 {
			debug.SetGCPercent(gcSaved)
		} else {
			debug.SetGCPercent(lowestTarget())
		}
	}
}

func lowestTarget() int {
	low := -1
	for t := range gcTargets {
		if low < 0 || t < low {
			low = t
		}
	}
	return low
}

// warmAfterShow is how long after a folder's data is shown the memory its
// reading left is given back and the other tabs' indexes are made: done
// at once, beside the drawing of the first tab on two cores, they put
// 100,000 projects on screen 50–70 ms later (median of 10 starts each,
// from launch until the window stopped changing).
const warmAfterShow = 300 * time.Millisecond

// groupedColumns are the columns of projects the tabs count projects by
// (the Overview's charts, the map's regions): their indexes are made in
// the background once a folder is shown, and no others
// (TestWarmedColumnsAreWhatTheTabsGroupBy).
var groupedColumns = []string{"sector", "status", "funder", "start_year", "region"}

// overviewColumns are those the Overview, the first tab, counts projects
// by: a folder read makes their indexes before it is shown
// (TestOverviewColumnsAreWhatItGroupsBy).
var overviewColumns = []string{"sector", "status", "funder", "start_year"}

// OpenFolder opens a data folder, as File → Open data folder does, and
// waits for it.
func (u *UI) OpenFolder(dir string) error { return u.openFolder(dir) }

// openFolder loads a folder and shows it. If the data has errors, the data
// shown stays as it was and a dialog lists every problem; the folder is
// watched all the same, so fixing the file reloads it. It reads on the
// calling goroutine; the window opens folders with openFolderAsync.
func (u *UI) openFolder(dir string) error {
	u.loads++ // a folder still being read elsewhere is not shown
	d, f, err := loadFolder(dir)
	return u.applyLoad(dir, d, f, err)
}

// applyLoad shows what loadFolder read, or its problems.
func (u *UI) applyLoad(dir string, d *data.Dataset, f dataFolder, err error) error {
	if err != nil {
		var ps data.Problems
		if !errors.As(err, &ps) {
			ps = data.Problems{{File: shortPath(dir), Msg: err.Error()}}
		}
		u.showProblems(tr("folder.not-loaded", "Folder", filepath.Base(dir)), tr("folder.still-shows", "Data", u.folder.describe()), ps)
		if _, statErr := os.Stat(dir); statErr == nil {
			u.watch(dir)
		}
		return err
	}
	// The problems listed before are fixed: their dialog goes.
	if u.problems != nil {
		u.problems.close()
	}
	u.lastProblems = nil
	u.folder = f
	u.pref().setStr("data.folder", dir)
	// Showing the data and warming its indexes leave garbage too: the
	// collector stays thrifty until both are done.
	restore := thriftyGC(gcWhileShowing)
	u.setData(d)
	// What the other tabs count from is made in the background, once the
	// first tab has been drawn.
	time.AfterFunc(warmAfterShow, func() {
		// What reading and showing the folder left behind goes back to
		// the system first, before the indexes take new memory: else the
		// process holds both until the runtime returns it, minutes later.
		debug.FreeOSMemory()
		d.Warm(groupedColumns...)
		restore()
	})
	u.watch(dir)
	if len(d.Warnings) > 0 {
		u.showProblems(tr("folder.warnings", "Folder", filepath.Base(dir)), tr("folder.warnings-message"), d.Warnings)
	}
	return nil
}

// useBundled goes back to the data compiled into the app.
func (u *UI) useBundled() {
	u.loads++
	u.bar.idle()
	u.stopWatching()
	d, err := data.Load(resources.Data)
	var ps data.Problems
	if errors.As(err, &ps) {
		u.showProblems(tr("folder.bundled-fails"), "", ps)
		return
	}
	u.folder = dataFolder{}
	u.pref().setStr("data.folder", "")
	u.setData(d)
}

// reload reads the data again from where it came.
func (u *UI) reload() {
	if u.folder.dir == "" {
		u.useBundled()
		return
	}
	u.openFolderAsync(u.folder.dir, false)
}

// setData shows another data set, keeping the tab, filters and sorts.
func (u *UI) setData(d *data.Dataset) {
	u.saveState()
	u.data = d
	u.buildViews()
	if u.win != nil {
		u.win.SetContent(u.Content())
		u.setTitle()
		u.setMenu()
	}
}

func (u *UI) setTitle() {
	if u.win == nil {
		return
	}
	t := tr("app.title")
	if u.folder.dir != "" {
		t += " — " + shortPath(u.folder.dir)
	}
	u.win.SetTitle(t)
}

// showOpenFolder asks for a folder of CSV files and opens it.
func (u *UI) showOpenFolder() {
	if u.win == nil {
		return
	}
	fd := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil || lu == nil {
			return
		}
		u.openFolderAsync(lu.Path(), false)
	}, u.win)
	start := u.folder.dir
	if start == "" {
		start = u.exportFolder()
	}
	if lu, err := storage.ListerForURI(storage.NewFileURI(start)); err == nil {
		fd.SetLocation(lu)
	}
	fd.Show()
}

// Template -----------------------------------------------------------------

// templateFiles are the files Save data template writes.
func templateFiles() []string { return append(slices.Clone(data.Files), "README.txt") }

// saveTemplate writes the bundled CSV files and a README.txt into a folder.
// Unless replace is true it writes nothing when any of them is there, and
// returns the names in the way.
func saveTemplate(dir string, replace bool) (existing []string, err error) {
	for _, name := range templateFiles() {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			existing = append(existing, name)
		}
	}
	if len(existing) > 0 && !replace {
		return existing, nil
	}
	for _, name := range data.Files {
		b, err := fs.ReadFile(resources.Data, name)
		if err != nil {
			return nil, err
		}
		if err := data.WriteFile(filepath.Join(dir, name), func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
			return nil, saveError(filepath.Join(dir, name), err)
		}
	}
	readme := filepath.Join(dir, "README.txt")
	if err := data.WriteFile(readme, func(w io.Writer) error { _, err := io.WriteString(w, data.TemplateReadme()); return err }); err != nil {
		return nil, saveError(readme, err)
	}
	return nil, nil
}

// showSaveTemplate asks for a folder and writes the template there,
// asking before it replaces files.
// templateSaved tells the user what saveTemplate wrote into dir.
func templateSaved(dir string) string {
	return tr("folder.template-message", "Count", len(data.Files), "Folder", shortPath(dir))
}

func (u *UI) showSaveTemplate() {
	if u.win == nil {
		return
	}
	done := func(dir string) {
		u.showInfo(tr("folder.template-saved"), templateSaved(dir))
	}
	fd := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil || lu == nil {
			return
		}
		dir := lu.Path()
		existing, err := saveTemplate(dir, false)
		switch {
		case err != nil:
			u.showError(err)
		case len(existing) > 0:
			u.askConfirm(trn("folder.replace-files", len(existing)),
				tr("folder.replace-message", "Folder", shortPath(dir), "Files", strings.Join(existing, ", ")),
				func() {
					if _, err := saveTemplate(dir, true); err != nil {
						u.showError(err)
						return
					}
					done(dir)
				})
		default:
			done(dir)
		}
	}, u.win)
	if lu, err := storage.ListerForURI(storage.NewFileURI(u.exportFolder())); err == nil {
		fd.SetLocation(lu)
	}
	fd.Show()
}

// filesText names the files a folder provides, for About.
func (f dataFolder) filesText() string {
	if f.dir == "" {
		return tr("folder.about-bundled")
	}
	s := tr("folder.about-folder", "Folder", f.dir, "Files", strings.Join(f.files, ", "))
	if n := len(data.Files) - len(f.files); n > 0 {
		s += "\n" + trn("folder.about-others", n)
	}
	return s
}
