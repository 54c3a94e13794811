package ui

import (
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"github.com/fsnotify/fsnotify"

	"uzkor/data"
)

// The folder is reloaded once it has been still for quietFor: no event
// from the system, and the data files' sizes and times the same at every
// look, a look each lookEvery. A program that saves a file in pieces,
// pausing between them, or through a temporary file renamed over it, is
// seen through to the end; a file that changes while it is read is read
// again. The looks also notice changes the system does not report (some
// shared drives), and a folder deleted and made again.
var (
	quietFor  = time.Second
	lookEvery = 250 * time.Millisecond
)

// watcher reloads the data when a data file in the folder changes.
type watcher struct {
	fw   *fsnotify.Watcher
	dir  string
	stop chan struct{}
	once sync.Once
}

func (w *watcher) close() {
	w.once.Do(func() {
		close(w.stop)
		w.fw.Close()
	})
}

func (u *UI) stopWatching() {
	if u.watcher != nil {
		u.watcher.close()
		u.watcher = nil
	}
}

// watch starts watching a folder, replacing any folder watched before. A
// watcher of the same folder goes on: it sets itself up again when the
// folder is deleted and made again.
func (u *UI) watch(dir string) {
	if u.watcher != nil && u.watcher.dir == dir {
		return
	}
	u.stopWatching()
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		fyne.LogError("cannot watch "+dir, err)
		return
	}
	w := &watcher{fw: fw, dir: dir, stop: make(chan struct{})}
	u.watcher = w
	onMain := u.onMain
	// Armed before watch returns, so that no change after it is missed.
	armed := fw.Add(dir) == nil
	last := look(dir)
	go w.run(armed, last, func(d *data.Dataset, f dataFolder, err error) {
		onMain(func() {
			if u.watcher == w {
				_ = u.applyLoad(dir, d, f, err)
			}
		})
	}, func() {
		onMain(func() {
			if u.watcher == w {
				u.status(tr("folder.gone", "Folder", shortPath(dir)))
			}
		})
	})
}

// filesLook is what a look at the data files sees: for each, whether it
// is there, its size and its time.
type filesLook []fileLook

type fileLook struct {
	there bool
	size  int64
	time  int64
}

func look(dir string) filesLook {
	l := make(filesLook, len(data.Files))
	for i, name := range data.Files {
		if info, err := os.Stat(filepath.Join(dir, name)); err == nil {
			l[i].there, l[i].size, l[i].time = true, info.Size(), info.ModTime().UnixNano()
		}
	}
	return l
}

// run watches until close: it reloads once the folder is still after a
// change, and calls gone once when the folder has been deleted.
func (w *watcher) run(armed bool, last filesLook, reload func(*data.Dataset, dataFolder, error), gone func()) {
	tick := time.NewTicker(lookEvery)
	defer tick.Stop()
	changed := time.Now() // when the folder last moved
	pending := false      // a change not yet read
	told := false         // gone was called
	for {
		select {
		case <-w.stop:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			// Any event puts the reload off: a spreadsheet saves through
			// files of its own. Only the data files and the folder
			// itself call for one.
			changed = time.Now()
			if ev.Name == w.dir || filepath.Clean(ev.Name) == filepath.Clean(w.dir) {
				if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
					armed = false
				}
				pending = true
			} else if slices.Contains(data.Files, filepath.Base(ev.Name)) {
				pending = true
			}
		case _, ok := <-w.fw.Errors:
			if !ok {
				return
			}
		case <-tick.C:
			if !armed {
				if !isDir(w.dir) {
					if !told {
						gone()
						told = true
					}
					pending = false
					continue
				}
				// The folder is back: watch it again, and read it once
				// it is still.
				_ = w.fw.Remove(w.dir)
				armed = w.fw.Add(w.dir) == nil
				pending, told, changed = true, false, time.Now()
			}
			if now := look(w.dir); !slices.Equal(now, last) {
				last, pending, changed = now, true, time.Now()
				continue
			}
			if !pending || time.Since(changed) < quietFor {
				continue
			}
			if !isDir(w.dir) {
				armed = false
				continue
			}
			pending = false
			d, f, err := loadFolder(w.dir)
			if now := look(w.dir); !slices.Equal(now, last) {
				// It changed while it was read: read it again later.
				last, pending, changed = now, true, time.Now()
				continue
			}
			select {
			case <-w.stop:
				return
			default:
			}
			reload(d, f, err)
		}
	}
}
