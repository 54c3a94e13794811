package ui

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// sayReadingAfter is how long a folder is read before the status bar
// names the file being read: a quick load shows only "Opening …".
const sayReadingAfter = 200 * time.Millisecond

// openFolderAsync reads a folder off the main thread, so that a slow
// drive or a hostile file never blocks the window. The status bar says
// what is being read; the data shown stays until the folder's is ready,
// and then it is shown, or its problems listed, as openFolder does. A
// folder opened, or the bundled data chosen, meanwhile wins. At start,
// a remembered folder that is gone is forgotten.
func (u *UI) openFolderAsync(dir string, atStart bool) {
	u.loads++
	seq := u.loads
	opening := tr("folder.opening", "Folder", shortPath(dir))
	u.bar.busy(opening)
	onMain := u.onMain
	// The file the load reads now, shown once the load has taken a
	// while, and then as it changes; at most one update waits for the
	// main thread at a time.
	var mu sync.Mutex
	var reading string
	var asked, late bool
	show := func() {
		mu.Lock()
		ask := late && !asked && reading != ""
		asked = asked || ask
		mu.Unlock()
		if !ask {
			return
		}
		onMain(func() {
			mu.Lock()
			file := reading
			asked = false
			mu.Unlock()
			if u.loads == seq {
				u.bar.busy(tr("folder.reading", "Opening", opening, "File", file))
			}
		})
	}
	progress := func(file string) {
		mu.Lock()
		reading = file
		mu.Unlock()
		show()
	}
	timer := time.AfterFunc(sayReadingAfter, func() {
		mu.Lock()
		late = true
		mu.Unlock()
		show()
	})
	go func() {
		d, f, err := loadFolderWith(dir, progress)
		u.timing("folder read")
		timer.Stop()
		mu.Lock()
		late = false // nothing more to say
		mu.Unlock()
		gone := err != nil && !isDir(dir)
		onMain(func() {
			if u.loads != seq {
				return
			}
			u.bar.idle()
			if gone && atStart {
				u.setPref(func(p fyne.Preferences) { p.SetString("data.folder", "") })
			}
			_ = u.applyLoad(dir, d, f, err)
			u.timing("folder shown")
		})
	}()
}

// busy shows in the status bar what the window is doing, until idle.
func (b *statusBar) busy(msg string) {
	if b.timer != nil {
		b.timer.Stop()
	}
	b.working = msg
	b.message.SetText(msg)
}

// idle clears what busy showed.
func (b *statusBar) idle() {
	if b.working != "" && b.message.Text == b.working {
		b.message.SetText("")
	}
	b.working = ""
}

// timing tells Timing, if set, that a phase has ended.
func (u *UI) timing(phase string) {
	if u.Timing != nil {
		u.Timing(phase)
	}
}
