package ui

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// bareView is a view with no capabilities at all: what a new tab is
// before it learns to export or filter. The action table runs on it too.
type bareView struct {
	tabInfo
	label *widget.Label
}

func newBareView(e *env) view {
	return &bareView{tabInfo: e.tab, label: widget.NewLabel("Nothing here yet")}
}
func (b *bareView) content() fyne.CanvasObject { return b.label }

// withBareView adds the bare view to the registry for one test.
func withBareView(t *testing.T) {
	saved := registry
	registry = append(append([]entry{}, registry...), entry{tabInfo{"bare", "Bare", nil}, newBareView})
	t.Cleanup(func() { registry = saved })
}

// actionCheck says what an action must have done on a view, run through
// a menu item or its key.
type actionCheck func(t *testing.T, u *UI, w fyne.Window, v view)

// checks is what each action must do. An action missing here still runs
// on every tab (and must not panic); the test asks for a check.
func checks(dir string) map[string]actionCheck {
	dialogTitled := func(title string) actionCheck {
		return func(t *testing.T, u *UI, w fyne.Window, v view) {
			if w.Canvas().Overlays().Top() == nil {
				t.Fatalf("no dialog")
			}
			mustShow(t, onScreen(w), title)
		}
	}
	return map[string]actionCheck{
		"filter": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if w.Canvas().Focused() != v.(filterer).filterBox() {
				t.Errorf("the filter box does not have the cursor: %T", w.Canvas().Focused())
			}
		},
		"clear": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if r, ok := v.(recordView); ok && (r.query().Text != "" || len(r.query().Facets) > 0) {
				t.Errorf("filters left: %+v", r.query())
			}
			if tl, ok := v.(*timelineView); ok && (tl.filter.Text != "" || len(tl.view.Query().Facets) > 0) {
				t.Errorf("timeline filters left: %q", tl.filter.Text)
			}
		},
		"open":     dialogTitled("Open"),
		"template": dialogTitled("Open"),
		"bundled": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.folder.dir != "" || u.CurrentTab() != v.name() {
				t.Errorf("folder %q, tab %s", u.folder.dir, u.CurrentTab())
			}
			mustShow(t, seen(u.Content()), "Bundled data")
		},
		"reload": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.CurrentTab() != v.name() {
				t.Errorf("reload moved to %s", u.CurrentTab())
			}
		},
		"export-csv": func(t *testing.T, u *UI, w fyne.Window, v view) {
			e := v.(csvExporter).csv()
			mustShow(t, onScreen(w), "Export "+e.noun+" as CSV")
			save(t, w)
			b, err := os.ReadFile(filepath.Join(dir, suggestedName(e.name, ".csv")))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(b), data.BOM)), "\n")
			if len(lines) < 1 || !strings.Contains(lines[0], ",") {
				t.Errorf("no header in:\n%s", b)
			}
			mustShow(t, onScreen(w), "Exported "+e.noun)
		},
		"export-xlsx": func(t *testing.T, u *UI, w fyne.Window, v view) {
			e := v.(xlsxExporter).xlsx()
			mustShow(t, onScreen(w), "Export "+e.noun+" as CSV or Excel", "Excel workbook (.xlsx)")
			save(t, w)
			f := openBook(t, filepath.Join(dir, suggestedName(e.name, ".xlsx")))
			if rows, _ := f.GetRows(f.GetSheetList()[0]); len(rows) != e.count+1 {
				t.Errorf("%d rows for %d %s", len(rows)-1, e.count, e.noun)
			}
			mustShow(t, onScreen(w), "Exported "+e.noun)
		},
		"export-all": func(t *testing.T, u *UI, w fyne.Window, v view) {
			mustShow(t, onScreen(w), "Export all data as an Excel workbook")
			save(t, w)
			f := openBook(t, filepath.Join(dir, suggestedName("uzkor-data", ".xlsx")))
			if got := f.GetSheetList(); len(got) != len(u.data.Tables())+1 {
				t.Errorf("sheets %v", got)
			}
			mustShow(t, onScreen(w), "Exported all data ("+allRows(u.data)+")")
		},
		"export-image": func(t *testing.T, u *UI, w fyne.Window, v view) {
			mustShow(t, onScreen(w), "Export "+v.title()+" as an image")
			save(t, w)
			b, err := os.ReadFile(filepath.Join(dir, suggestedName(v.name(), ".png")))
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if s := w.Canvas().Size(); math.Abs(float64(img.Bounds().Dx())-float64(s.Width)) > 1 || math.Abs(float64(img.Bounds().Dy())-float64(s.Height)) > 1 {
				t.Errorf("image %v for a window of %v", img.Bounds(), s)
			}
		},
		"export-briefing": func(t *testing.T, u *UI, w fyne.Window, v view) {
			mustShow(t, onScreen(w), "Export briefing (PDF)", "Paper")
			save(t, w)
			// No tab is filtered here: the briefing is of the partnership.
			b, err := os.ReadFile(filepath.Join(dir, suggestedName("briefing", ".pdf")))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 10000 {
				t.Errorf("not a briefing: %d bytes, %.40q", len(b), b)
			}
			mustShow(t, onScreen(w), "Saved a 1-page briefing on the partnership")
		},
		"zoom-in": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.theme.zoom <= 1 {
				t.Errorf("zoom %v", u.theme.zoom)
			}
		},
		"zoom-in-shift": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.theme.zoom <= 1 {
				t.Errorf("zoom %v", u.theme.zoom)
			}
		},
		"zoom-out": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.theme.zoom >= 1 {
				t.Errorf("zoom %v", u.theme.zoom)
			}
		},
		"zoom-reset": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if u.theme.zoom != 1 {
				t.Errorf("zoom %v", u.theme.zoom)
			}
		},
		"present": func(t *testing.T, u *UI, w fyne.Window, v view) {
			p, ok := w.Content().(*presenter)
			if !ok || u.presenting != p {
				t.Fatalf("not presenting: %T", w.Content())
			}
			mustShow(t, seen(p), "1 / "+itoa(len(p.slides)))
			p.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			if u.presenting != nil || u.CurrentTab() != v.name() {
				t.Errorf("Esc came back to %s", u.CurrentTab())
			}
		},
		"presenter-view": func(t *testing.T, u *UI, w fyne.Window, v view) {
			c := u.talk.console
			if c == nil || w.Content() != c.content || u.talk.slidesWin == nil {
				t.Fatalf("no console: %T", w.Content())
			}
			mustShow(t, onScreen(w), "Slide 1 of "+itoa(len(u.presenting.slides)), "Speaker notes")
			key(c, fyne.KeyEscape)
			if u.presenting != nil || u.CurrentTab() != v.name() || w.Content() != u.Content() {
				t.Errorf("Esc came back to %s", u.CurrentTab())
			}
		},
		"deck-add": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if add, ok := button(w, "Add"); ok { // a view of several slides: pick one
				test.Tap(add)
			}
			d := u.myDeck()
			if !d.custom() {
				t.Fatal("no deck")
			}
			last := d.Slides[len(d.Slides)-1]
			if !(last.View != nil && last.View.Tab == v.name()) && !strings.HasPrefix(last.Ref, v.name()+":") {
				t.Errorf("added %+v from %s", last, v.name())
			}
			d.Slides = nil
		},
		"deck":      dialogTitled("Deck"),
		"shortcuts": dialogTitled("Keyboard shortcuts"),
		"back": func(t *testing.T, u *UI, w fyne.Window, v view) {
			// With nothing to go back to, it says so; after a link it
			// returns (TestBackAfterLinks).
			if u.CurrentTab() != v.name() || !strings.Contains(u.bar.message.Text, "Nothing to go back to") {
				t.Errorf("tab %s, status %q", u.CurrentTab(), u.bar.message.Text)
			}
		},
		"about": dialogTitled("About"),
		"quit": func(t *testing.T, u *UI, w fyne.Window, v view) {
			if got := u.prefs.Float("window.width"); got != float64(w.Canvas().Size().Width) {
				t.Errorf("the window size was not kept on quitting: %v", got)
			}
		},
	}
}

// save taps the Save button of the save dialog, and Yes when it asks to
// replace a file of that name.
func save(t *testing.T, w fyne.Window) {
	t.Helper()
	b, ok := button(w, "Save")
	if !ok {
		t.Fatal("no Save button")
	}
	test.Tap(b)
	if shows(onScreen(w), "Replace it?") {
		yes, ok := button(w, "Yes")
		if !ok {
			t.Fatal("no Yes button")
		}
		test.Tap(yes)
	}
}

// Every action a user can take from the menu or the keyboard, on every
// tab (and on a view that can do nothing but show itself), through the
// real entry points: the menu item and the key on the canvas. Actions the
// tab cannot do are greyed on the menu and say why in the status line.
func TestEveryActionOnEveryTab(t *testing.T) {
	withBareView(t)
	u, w := newTestUI(t)
	dir := t.TempDir()
	want := checks(dir)
	// The fixture as a data folder, so that Reload reads it again; after
	// Use bundled data it is opened again.
	folder := fixtureFolder(t, nil)
	if err := u.openFolder(folder); err != nil {
		t.Fatal(err)
	}
	for _, v := range u.allViews() {
		for _, a := range u.actions() {
			if _, ok := want[a.id]; !ok && !strings.HasPrefix(a.id, "tab-") {
				t.Errorf("action %s has no check in the table", a.id)
			}
			for _, via := range []string{"menu", "key"} {
				t.Run(v.name()+"/"+a.id+"/"+via, func(t *testing.T) {
					closeDialogs(u, w)
					u.prefs.SetString("export.folder", dir)
					u.ShowTab(v.name())
					v := u.current() // reload makes the views anew
					if a.id == "clear" {
						setSomeFilter(v)
					}
					u.history = nil
					switch a.id {
					case "zoom-in", "zoom-in-shift", "zoom-out":
						u.zoom(0)
					case "zoom-reset":
						u.zoom(+1)
					}
					if u.folder.dir != folder {
						if err := u.openFolder(folder); err != nil {
							t.Fatal(err)
						}
					}
					can := a.can == nil || a.can(v)
					switch via {
					case "menu":
						label := a.label
						if a.mod == 0 && a.keys != "" {
							label += " (" + a.keys + ")"
						}
						mi := menuItem(w, label)
						if a.alias {
							if mi != nil && mi.Shortcut != nil && mi.Shortcut.ShortcutName() == a.shortcut().ShortcutName() {
								t.Error("an alias key is on the menu")
							}
							return
						}
						if mi == nil {
							t.Fatalf("no menu item %q", label)
						}
						if mi.Disabled != !can {
							t.Fatalf("menu item %q: disabled %v on %s", label, mi.Disabled, v.title())
						}
						if !can {
							return
						}
						mi.Action()
					case "key":
						if a.key == "" {
							return
						}
						u.bar.message.SetText("")
						press(w, a)
						if !can {
							msg := u.bar.message.Text
							if !strings.Contains(msg, v.title()) || !strings.Contains(msg, strings.TrimSpace(tr(a.cannot, "Tab", ""))) {
								t.Errorf("%s on %s: the status line says %q", a.keys, v.title(), msg)
							}
							mustShow(t, seen(u.Content()), msg)
							return
						}
					}
					if strings.HasPrefix(a.id, "tab-") {
						if u.CurrentTab() != strings.TrimPrefix(a.id, "tab-") {
							t.Errorf("showed %s", u.CurrentTab())
						}
						return
					}
					if check := want[a.id]; check != nil {
						check(t, u, w, u.current())
					}
				})
			}
		}
	}
	u.zoom(0)
}

// setSomeFilter types a filter the view's filter box, so that clearing
// has something to clear.
func setSomeFilter(v view) {
	if f, ok := v.(filterer); ok {
		if e, ok := f.filterBox().(*filterEntry); ok {
			e.SetText("x")
		}
	}
}

// The menus, the keys and the shortcuts dialog come from one list: every
// key with Ctrl is on a menu item, and the dialog lists every key.
func TestShortcutsListedOnce(t *testing.T) {
	u, w := newTestUI(t)
	menuItem(w, u.action("shortcuts").label).Action() // Help → Keyboard shortcuts
	text := onScreen(w)
	// Every description is read whole: none runs past the dialog.
	scroll, ok := find(w.Canvas().Overlays().Top(), func(*container.Scroll) bool { return true })
	if !ok {
		t.Fatal("the shortcuts dialog has no scrolling list")
	}
	find(scroll.Content, func(l *widget.Label) bool {
		if right := l.Position().X + l.Size().Width; right > scroll.Size().Width+1 || l.Size().Height+1 < l.MinSize().Height {
			t.Errorf("%q is cut: it ends at %.0f in a list %.0f wide", l.Text, right, scroll.Size().Width)
		}
		return false
	})
	for _, a := range u.actions() {
		if a.keys == "" {
			continue
		}
		if !slices.Contains(text, a.keys) || !slices.Contains(text, a.what) {
			t.Errorf("the shortcuts dialog lacks %s: %s", a.keys, a.what)
		}
		if a.mod != 0 && !a.alias {
			found := false
			for _, m := range w.MainMenu().Items {
				for _, it := range m.Items {
					if it.Shortcut != nil && it.Shortcut.ShortcutName() == a.shortcut().ShortcutName() {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s is not on a menu", a.keys)
			}
		}
	}
}

// Switching tabs greys what the new tab cannot do, and back.
func TestMenuFollowsTheTab(t *testing.T) {
	u, w := newTestUI(t)
	exportCSV := menuItem(w, u.action("export-csv").label)
	filter := menuItem(w, u.action("filter").label)
	for _, v := range u.allViews() {
		u.ShowTab(v.name())
		if exportCSV.Disabled != !hasCSV(v) || filter.Disabled != !hasFilter(v) {
			t.Errorf("%s: export %v, filter %v", v.name(), exportCSV.Disabled, filter.Disabled)
		}
	}
	withBareView(t)
	u2, w2 := newTestUI(t)
	u2.ShowTab("bare")
	if !menuItem(w2, u2.action("export-csv").label).Disabled {
		t.Error("a view with nothing to export has Export as CSV on")
	}
}

func itoa(n int) string { return strings.TrimSpace(sprintf("%d", n)) }

// Esc closes whichever dialog is open, from the canvas or from the text
// box that has the cursor, before it clears any filter.
func TestEscClosesDialogs(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	lv.filter.SetText("health")
	for _, id := range []string{"about", "shortcuts", "export-image", "export-csv"} {
		menuItem(w, u.action(id).label).Action()
		if w.Canvas().Overlays().Top() == nil {
			t.Fatalf("%s: no dialog", id)
		}
		press(w, u.action("clear"))
		if w.Canvas().Overlays().Top() != nil {
			t.Errorf("%s: Esc left the dialog open", id)
		}
		if lv.filter.Text != "health" {
			t.Errorf("%s: Esc cleared the filter while closing the dialog", id)
		}
	}
	press(w, u.action("clear"))
	if lv.filter.Text != "" {
		t.Error("Esc with no dialog did not clear the filter")
	}
}

// A chart's CSV button saves the chart's numbers through the same save
// dialog.
func TestChartCSVButton(t *testing.T) {
	u, w := newTestUI(t)
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	cc := chartNamed(t, u, "Projects by status")
	test.Tap(cc.export)
	mustShow(t, onScreen(w), "Export the chart's numbers as CSV")
	save(t, w)
	b, err := os.ReadFile(filepath.Join(dir, suggestedName("projects-by-status", ".csv")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "Projects by status,planned,,2,projects,2,") {
		t.Errorf("chart CSV:\n%s", b)
	}
	mustShow(t, onScreen(w), "Exported 3 rows of Projects by status")
}

// File → Open data folder and Save data template go through the folder
// dialog: Open there picks the folder shown.
func TestFolderDialogs(t *testing.T) {
	u, w := newTestUI(t)
	queue := make(chan func(), 4)
	u.onMain = func(f func()) { queue <- f }
	dir := fixtureFolder(t, map[string]string{"projects.csv": strings.Replace(readFixture(t, "projects.csv"), "National Oncology Center,", "National Oncology Center (opened),", 1)})
	u.folder.dir = dir // the dialog starts in the folder shown
	menuItem(w, u.action("open").label).Action()
	open, ok := button(w, "Open")
	if !ok {
		t.Fatalf("no Open button: %q", onScreen(w))
	}
	test.Tap(open)
	// The folder is read off the main thread; a slow read also hands over
	// a status line saying which file it is reading.
	drainUntil(t, queue, func() bool { return u.bar.spinner.Hidden })
	if p, _ := u.data.Project("oncology"); p.Name != "National Oncology Center (opened)" || u.folder.dir != dir {
		t.Errorf("opened %q from %q", p.Name, u.folder.dir)
	}
	// The template goes into the folder chosen; it asks before replacing.
	target := t.TempDir()
	u.prefs.SetString("export.folder", target)
	menuItem(w, u.action("template").label).Action()
	open, _ = button(w, "Open")
	test.Tap(open)
	if _, err := os.Stat(filepath.Join(target, "projects.csv")); err != nil {
		t.Fatal(err)
	}
	mustShow(t, onScreen(w), "Data template saved")
	closeDialogs(u, w)
	menuItem(w, u.action("template").label).Action()
	open, _ = button(w, "Open")
	test.Tap(open)
	mustShow(t, onScreen(w), "Replace 9 files?")
}

// Following links and drilling into lists can be undone with Back, which
// restores the tab, its filters and its selection.
func TestBackAfterLinks(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("minerals")
	m := listOf(t, u, "minerals")
	m.showID("tungsten")
	m.filter.SetText("tung")
	var toProject *widget.Hyperlink
	for _, h := range m.detail.linkItems {
		if strings.HasPrefix(h.Text, "Uzbekistan-Korea Tungsten JV") {
			toProject = h
		}
	}
	tapLink(toProject)
	if u.CurrentTab() != "projects" {
		t.Fatalf("the link opened %s", u.CurrentTab())
	}
	mustShow(t, seen(u.Content()), "Back to Tungsten (Minerals) (Alt+Left)")
	press(w, u.action("back"))
	if u.CurrentTab() != "minerals" || m.selectedID() != "tungsten" || m.filter.Text != "tung" {
		t.Errorf("Back: tab %s, selected %q, filter %q", u.CurrentTab(), m.selectedID(), m.filter.Text)
	}
	if shows(seen(u.Content()), "Back to") {
		t.Error("Back is still offered with nothing to go back to")
	}
	// A chart's drill-through too, and the Back button in the status bar.
	u.ShowTab("overview")
	c := chartNamed(t, u, "Projects by status").chart
	c.onTap(c.bars[0])
	test.Tap(u.bar.back)
	if u.CurrentTab() != "overview" {
		t.Errorf("Back from a drill-through: %s", u.CurrentTab())
	}
}

// Enter answers the dialog on top as its highlighted button does: it
// closes a message and says yes to a question; in the save dialog's name
// box it saves.
func TestEnterAnswersDialogs(t *testing.T) {
	u, w := newTestUI(t)
	enter := func() { w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn}) }
	u.showAbout()
	enter()
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Enter left About open")
	}
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	u.ShowTab("projects")
	for i := range 2 {
		menuItem(w, u.action("export-csv").label).Action()
		// The cursor is in the file name: Enter there saves.
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if i == 0 {
			mustShow(t, onScreen(w), "Saved")
			enter()
		}
	}
	// The second time the file is there: Enter says yes to replacing it,
	// then closes the message that it was saved.
	mustShow(t, onScreen(w), "Replace it?")
	enter()
	mustShow(t, onScreen(w), "Exported 4 projects")
	enter()
	if w.Canvas().Overlays().Top() != nil {
		t.Errorf("dialogs left: %q", onScreen(w))
	}
	if _, err := os.Stat(filepath.Join(dir, suggestedName("projects", ".csv"))); err != nil {
		t.Error(err)
	}
}
