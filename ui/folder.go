package ui

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/fsnotify/fsnotify"

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
		return "the bundled data"
	}
	return shortPath(f.dir) + " (" + strings.Join(f.files, ", ") + "; the other files bundled)"
}

// reloadDelay gathers the bursts of events one save makes into one reload.
const reloadDelay = 400 * time.Millisecond

// loadFolder reads a folder laid over the bundled data. It never writes
// to the folder.
func loadFolder(dir string) (*data.Dataset, dataFolder, error) {
	info, err := os.Stat(dir)
	if err != nil || !info.IsDir() {
		return nil, dataFolder{}, data.Problems{{File: shortPath(dir), Msg: "the folder cannot be opened", Expected: "a folder of CSV files"}}
	}
	o := data.Overlay{Top: os.DirFS(dir), Base: resources.Data}
	f := dataFolder{dir: dir, files: o.FromTop()}
	if len(f.files) == 0 {
		return nil, f, data.Problems{{File: shortPath(dir), Msg: "the folder has none of the data files", Expected: strings.Join(data.Files, ", ") + "; File → Save data template… writes them"}}
	}
	d, err := data.Load(o)
	return d, f, err
}

// OpenFolder opens a data folder, as File → Open data folder does.
func (u *UI) OpenFolder(dir string) error { return u.openFolder(dir) }

// openFolder loads a folder and shows it. If the data has errors, the data
// shown stays as it was and a dialog lists every problem; the folder is
// watched all the same, so fixing the file reloads it.
func (u *UI) openFolder(dir string) error {
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
		u.showProblems("The data in "+filepath.Base(dir)+" was not loaded", "The dashboard still shows "+u.folder.describe()+". Fix the files below and save them: the folder is watched and reloads by itself (or View → Reload).", ps)
		if _, statErr := os.Stat(dir); statErr == nil {
			u.watch(dir)
		}
		return err
	}
	// The problems listed before are fixed: their dialog goes.
	if u.problems != nil {
		u.problems.d.Hide()
		u.problems = nil
	}
	u.lastProblems = ""
	u.folder = f
	u.setPref(func(p fyne.Preferences) { p.SetString("data.folder", dir) })
	u.setData(d)
	u.watch(dir)
	if len(d.Warnings) > 0 {
		u.showProblems("The data in "+filepath.Base(dir)+" was loaded with warnings", "These do not stop the data from loading, but you may want to fix them.", d.Warnings)
	}
	return nil
}

// useBundled goes back to the data compiled into the app.
func (u *UI) useBundled() {
	u.stopWatching()
	d, err := data.Load(resources.Data)
	var ps data.Problems
	if errors.As(err, &ps) {
		u.showProblems("The bundled data does not load", "", ps)
		return
	}
	u.folder = dataFolder{}
	u.setPref(func(p fyne.Preferences) { p.SetString("data.folder", "") })
	u.setData(d)
}

// reload reads the data again from where it came.
func (u *UI) reload() {
	if u.folder.dir == "" {
		u.useBundled()
		return
	}
	_ = u.openFolder(u.folder.dir)
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
	t := Title
	if u.folder.dir != "" {
		t += " — " + shortPath(u.folder.dir)
	}
	u.win.SetTitle(t)
}

// problemsDialog is the one dialog that lists problems, so a reload does
// not stack a new dialog on an old one.
type problemsDialog struct {
	d    *dialog.CustomDialog
	text string
}

// showProblems lists problems, one per line, scrollable, with Copy.
func (u *UI) showProblems(title, intro string, ps data.Problems) {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	text := strings.Join(lines, "\n")
	u.lastProblems = text
	if u.win == nil {
		return
	}
	if u.problems != nil {
		u.problems.d.Hide()
	}
	list := widget.NewLabel(text)
	list.Selectable = true
	list.Wrapping = fyne.TextWrapWord
	head := widget.NewLabel(intro + "\n\n" + plural(len(ps), "problem") + ":")
	head.Wrapping = fyne.TextWrapWord
	pd := &problemsDialog{text: text}
	copyButton := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { u.app.Clipboard().SetContent(pd.text) })
	body := container.NewBorder(head, nil, nil, nil, container.NewVScroll(list))
	size := u.win.Canvas().Size()
	content := container.NewGridWrap(fyne.NewSize(min(900, size.Width*0.8), min(520, size.Height*0.7)), body)
	pd.d = dialog.NewCustom(title, "Close", content, u.win)
	pd.d.SetButtons([]fyne.CanvasObject{copyButton, widget.NewButton("Close", func() { pd.d.Hide() })})
	u.problems = pd
	pd.d.Show()
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
		dir := lu.Path()
		// Read in the background; show on the main thread.
		onMain := u.onMain
		go func() {
			d, f, err := loadFolder(dir)
			onMain(func() { _ = u.applyLoad(dir, d, f, err) })
		}()
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

// Watching -----------------------------------------------------------------

// watcher reloads the data when a data file in the folder changes.
type watcher struct {
	fw     *fsnotify.Watcher
	once   sync.Once
	mu     sync.Mutex
	timer  *time.Timer
	closed bool
}

func (w *watcher) close() {
	w.once.Do(func() {
		w.mu.Lock()
		w.closed = true
		if w.timer != nil {
			w.timer.Stop()
		}
		w.mu.Unlock()
		w.fw.Close()
	})
}

// later runs f after reloadDelay, replacing what was waiting, unless the
// watcher is closed by then.
func (w *watcher) later(f func()) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	if w.timer != nil {
		w.timer.Stop()
	}
	w.timer = time.AfterFunc(reloadDelay, func() {
		w.mu.Lock()
		closed := w.closed
		w.mu.Unlock()
		if !closed {
			f()
		}
	})
}

func (u *UI) stopWatching() {
	if u.watcher != nil {
		u.watcher.close()
		u.watcher = nil
	}
}

// watch starts watching a folder, replacing any folder watched before.
func (u *UI) watch(dir string) {
	if u.watcher != nil && u.watchedDir == dir {
		return
	}
	u.stopWatching()
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		fyne.LogError("cannot watch "+dir, err)
		return
	}
	if err := fw.Add(dir); err != nil {
		fyne.LogError("cannot watch "+dir, err)
		fw.Close()
		return
	}
	w := &watcher{fw: fw}
	u.watcher, u.watchedDir = w, dir
	onMain := u.onMain
	go func() {
		for {
			select {
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if !slices.Contains(data.Files, filepath.Base(ev.Name)) {
					continue
				}
				w.later(func() {
					d, f, err := loadFolder(dir)
					onMain(func() {
						if u.watcher == w {
							_ = u.applyLoad(dir, d, f, err)
						}
					})
				})
			case _, ok := <-fw.Errors:
				if !ok {
					return
				}
			}
		}
	}()
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
func (u *UI) showSaveTemplate() {
	if u.win == nil {
		return
	}
	done := func(dir string) {
		dialog.ShowInformation("Data template saved", "The six data files and a README.txt describing every column are in "+shortPath(dir)+".\n\nEdit them, then open the folder with File → Open data folder (Ctrl+O).", u.win)
	}
	fd := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
		if err != nil || lu == nil {
			return
		}
		dir := lu.Path()
		existing, err := saveTemplate(dir, false)
		switch {
		case err != nil:
			dialog.ShowError(err, u.win)
		case len(existing) > 0:
			dialog.ShowConfirm("Replace "+plural(len(existing), "file")+"?",
				shortPath(dir)+" already has "+strings.Join(existing, ", ")+". Replace them with the bundled data?",
				func(yes bool) {
					if !yes {
						return
					}
					if _, err := saveTemplate(dir, true); err != nil {
						dialog.ShowError(err, u.win)
						return
					}
					done(dir)
				}, u.win)
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
		return "Data: bundled with the app."
	}
	return "Data folder: " + f.dir + "\nFrom the folder: " + strings.Join(f.files, ", ") + "\nBundled: " + strconv.Itoa(len(data.Files)-len(f.files)) + " other files"
}
