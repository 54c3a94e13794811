package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"uzkor/data"
)

// sayReadingAfter is how long a folder is read before the status bar
// names the file being read: a quick load shows only "Opening …".
const sayReadingAfter = 200 * time.Millisecond

// Reading is a data folder being read off the main thread. The window
// follows it (follow): the status bar says what is being read, and the
// data is shown when it is ready.
type Reading struct {
	dir     string
	atStart bool // the folder remembered from last time: forgotten if gone

	mu      sync.Mutex
	file    string // the file being read now
	done    bool
	d       *data.Dataset
	f       dataFolder
	err     error
	changed func() // told when file or done changes; nil until followed

}

// StartReading starts reading, off the main thread, the folder to show at
// start: dir, or when it is "" the folder the user chose last time; nil
// when there is none. Started before the window is made, the reading goes
// on while it is; NewOpening hands it to the window.
func StartReading(a fyne.App, dir string, timing func(phase string)) *Reading {
	atStart := false
	if dir == "" {
		dir, atStart = a.Preferences().String("data.folder"), true
	}
	if dir == "" {
		return nil
	}
	return startReading(dir, atStart, timing)
}

func startReading(dir string, atStart bool, timing func(string)) *Reading {
	r := &Reading{dir: dir, atStart: atStart}
	go func() {
		d, f, err := loadFolderWith(dir, func(file string) { r.update(func() { r.file = file }) })
		if timing != nil {
			timing("folder read")
		}
		if err == nil {
			// What the Overview counts from is made here, on every
			// processor, not on the main thread as it is shown.
			d.Prepare(overviewColumns...)
			if timing != nil {
				timing("prepared")
			}
		}
		r.update(func() { r.d, r.f, r.err, r.done = d, f, err, true })
	}()
	return r
}

// update changes the reading and tells whoever follows it.
func (r *Reading) update(change func()) {
	r.mu.Lock()
	change()
	tell := r.changed
	r.mu.Unlock()
	if tell != nil {
		tell()
	}
}

// openFolderAsync reads a folder off the main thread, so that a slow
// drive or a hostile file never blocks the window.
func (u *UI) openFolderAsync(dir string, atStart bool) {
	u.follow(startReading(dir, atStart, u.Timing))
}

// follow shows what a folder being read is doing. The status bar says
// what is being read; the data shown stays until the folder's is ready,
// and then it is shown, or its problems listed, as openFolder does. A
// folder opened, or the bundled data chosen, meanwhile wins. At start,
// a remembered folder that is gone is forgotten.
func (u *UI) follow(r *Reading) {
	u.loads++
	seq := u.loads
	opening := tr("folder.opening", "Folder", shortPath(r.dir))
	u.bar.busy(opening)
	onMain := u.onMain
	// The file being read is named once the reading has taken a while,
	// and then as it changes; at most one update waits for the main
	// thread at a time.
	var late, asked, finished bool
	tell := func() {
		r.mu.Lock()
		done, file := r.done, r.file
		ask := !asked && !finished && (done || late && file != "")
		asked = asked || ask
		finished = finished || done
		r.mu.Unlock()
		if !ask {
			return
		}
		onMain(func() {
			r.mu.Lock()
			asked = false
			done, file := r.done, r.file
			r.mu.Unlock()
			if u.loads != seq {
				return
			}
			if !done {
				u.bar.busy(tr("folder.reading", "Opening", opening, "File", file))
				return
			}
			u.bar.idle()
			if r.err != nil && r.atStart && !isDir(r.dir) {
				u.pref().setStr("data.folder", "")
			}
			if u.waiting && r.err != nil {
				// The folder cannot be shown: the bundled data is, and
				// the problems are listed over it.
				u.setData(u.data)
			}
			_ = u.applyLoad(r.dir, r.d, r.f, r.err)
			u.timing("folder shown")
		})
	}
	timer := time.AfterFunc(sayReadingAfter, func() {
		r.mu.Lock()
		late = true
		r.mu.Unlock()
		tell()
	})
	r.mu.Lock()
	r.changed = func() {
		r.mu.Lock()
		d := r.done
		r.mu.Unlock()
		if d {
			timer.Stop()
		}
		tell()
	}
	done := r.done
	r.mu.Unlock()
	if done {
		timer.Stop()
		tell()
	}
}

// timing tells Timing, if set, that a phase has ended.
func (u *UI) timing(phase string) {
	if u.Timing != nil {
		u.Timing(phase)
	}
}

// busy shows in the status bar what the window is doing, until idle.
func (b *statusBar) busy(msg string) {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.working = msg
	b.message.SetText(msg)
	if !b.spinner.Visible() {
		b.spinner.Show()
		b.spinner.Start()
	}
}

// idle clears what busy showed.
func (b *statusBar) idle() {
	if b.working != "" && b.message.Text == b.working {
		b.message.SetText("")
	}
	b.working = ""
	b.spinner.Stop()
	b.spinner.Hide()
}
