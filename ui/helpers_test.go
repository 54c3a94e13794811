package ui

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
	"uzkor/resources"
)

// fixtureDir is the small, hand-checked data set the UI tests run on, so
// that updating the bundled figures does not break them.
var fixtureDir = filepath.Join("..", "data", "testdata", "good")

func fixture(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.Load(os.DirFS(fixtureDir))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func bundled(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newTestUI opens the dashboard on the fixture in a 1280×800 test window.
func newTestUI(t *testing.T) (*UI, fyne.Window) {
	t.Helper()
	return openUI(t, test.NewTempApp(t), fixture(t))
}

func openUI(t *testing.T, a fyne.App, d *data.Dataset) (*UI, fyne.Window) {
	t.Helper()
	u := New(a, d)
	// Fyne's test driver runs fyne.Do on the calling goroutine, so what a
	// folder watcher hands over would race with the test; tests that want
	// it drain a queue of their own (TestWatcherReloads).
	u.onMain = func(func()) {}
	t.Cleanup(u.stopWatching)
	w := a.NewWindow("test")
	u.Attach(w)
	w.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(w.Close)
	return u, w
}

// listOf is the list view of a tab.
func listOf(t testing.TB, u *UI, name string) *listView {
	t.Helper()
	l, ok := u.viewNamed(name).(interface{ list() *listView })
	if !ok {
		t.Fatalf("%s is not a list", name)
	}
	return l.list()
}

// viewOf is the view of a tab, as its own type.
func viewOf[V view](t testing.TB, u *UI, name string) V {
	t.Helper()
	v, ok := u.viewNamed(name).(V)
	if !ok {
		t.Fatalf("%s is a %T", name, u.viewNamed(name))
	}
	return v
}

// visibleIDs are the ids of the rows the list shows, in order.
func visibleIDs(lv *listView) []string {
	var out []string
	for _, r := range lv.view.Rows() {
		out = append(out, lv.view.Table().ID(r))
	}
	return out
}

// seen lists every text the user sees under an object, as drawn: the
// texts of the visible objects in the rendered tree, elided where the
// screen elides them.
func seen(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *canvas.Text:
			if strings.TrimSpace(x.Text) != "" {
				out = append(out, x.Text)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// onScreen is everything the window shows: its content and the dialogs
// over it.
func onScreen(w fyne.Window) []string {
	out := seen(w.Canvas().Content())
	for _, o := range w.Canvas().Overlays().List() {
		out = append(out, seen(o)...)
	}
	return out
}

// shows reports whether some text seen contains s, or the texts read on
// as one, since wrapped text is drawn a line at a time.
func shows(texts []string, s string) bool {
	return slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, s) }) ||
		strings.Contains(strings.Join(texts, " "), s)
}

// mustShow fails the test for each string no text seen contains.
func mustShow(t *testing.T, texts []string, want ...string) {
	t.Helper()
	for _, s := range want {
		if !shows(texts, s) {
			t.Errorf("%q is not on screen; the screen shows:\n%s", s, strings.Join(texts, " | "))
		}
	}
}

// find returns the first object of type T under o whose text matches.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	var zero T
	var found T
	ok := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if ok || o == nil || !o.Visible() {
			return
		}
		if x, is := o.(T); is && match(x) {
			found, ok = x, true
			return
		}
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	if !ok {
		return zero, false
	}
	return found, true
}

// button finds a button by its text in the window or its dialogs.
func button(w fyne.Window, text string) (*widget.Button, bool) {
	match := func(b *widget.Button) bool { return b.Text == text }
	for _, o := range slices.Backward(w.Canvas().Overlays().List()) {
		if b, ok := find(o, match); ok {
			return b, true
		}
	}
	return find(w.Canvas().Content(), match)
}

// menuItem finds an item of the window's main menu by its label.
func menuItem(w fyne.Window, label string) *fyne.MenuItem {
	var walk func(items []*fyne.MenuItem) *fyne.MenuItem
	walk = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Label == label {
				return it
			}
			if it.ChildMenu != nil {
				if f := walk(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	if w.MainMenu() == nil {
		return nil
	}
	for _, m := range w.MainMenu().Items {
		if f := walk(m.Items); f != nil {
			return f
		}
	}
	return nil
}

// press types an action's key in the window, as Fyne's desktop driver
// passes it on: a Ctrl shortcut to the main menu item that has it, else
// to the focused widget, else to the canvas's shortcuts; a key alone to
// the focused widget, else to the canvas's key handler.
func press(w fyne.Window, a action) {
	if a.mod != 0 {
		sc := a.shortcut()
		if mi := menuShortcut(w, sc); mi != nil {
			mi.Action()
			return
		}
		if f, ok := w.Canvas().Focused().(fyne.Shortcutable); ok {
			f.TypedShortcut(sc)
			return
		}
		shortcuts(w.Canvas()).TypedShortcut(sc)
		return
	}
	if f := w.Canvas().Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: a.key})
		return
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: a.key})
}

// menuShortcut is the main menu item with this shortcut, or nil.
func menuShortcut(w fyne.Window, sc fyne.Shortcut) *fyne.MenuItem {
	var walk func(items []*fyne.MenuItem) *fyne.MenuItem
	walk = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				return it
			}
			if it.ChildMenu != nil {
				if f := walk(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	if w.MainMenu() == nil {
		return nil
	}
	for _, m := range w.MainMenu().Items {
		if f := walk(m.Items); f != nil {
			return f
		}
	}
	return nil
}

// shortcuts is the shortcut handler of a canvas: the one AddShortcut
// fills. Fyne's test canvas wraps the software canvas, which has it, in
// a type that does not pass TypedShortcut on.
func shortcuts(c fyne.Canvas) fyne.Shortcutable {
	if s, ok := c.(fyne.Shortcutable); ok {
		return s
	}
	inner := reflect.ValueOf(c).Elem().FieldByName("WindowlessCanvas").Interface()
	return inner.(fyne.Shortcutable)
}

func desktopMouse(p fyne.Position) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}}
}

// tapLink taps a hyperlink on its text, where a user clicks.
func tapLink(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(8, h.Size().Height/2))
}

// closeDialogs closes every dialog of the window.
func closeDialogs(u *UI, w fyne.Window) {
	for len(u.dialogs) > 0 {
		u.dialogs[len(u.dialogs)-1].Hide()
	}
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}

// viewNamed is the view of a tab name, or nil.
func (u *UI) viewNamed(name string) view {
	for _, v := range u.allViews() {
		if v.name() == name {
			return v
		}
	}
	return nil
}

// choose picks a key, as a user choosing it from the list would.
func (fs *facetSelect) choose(key string) {
	for i, k := range fs.keys {
		if k == key {
			fs.sel.SetSelectedIndex(i)
			return
		}
	}
}

// current is the index of the slide shown, from 0.
func (p *presenter) current() int { return p.index }

// shotTree is what Render draws, laid out as it draws it, for tests to
// read.
func shotTree(a fyne.App, d *data.Dataset, s Shot) (fyne.CanvasObject, error) {
	var tree fyne.CanvasObject
	err := drawShot(a, d, s, func(c software.WindowlessCanvas) { tree = c.Content() })
	return tree, err
}

// sortedBy names the sorted column, "" for file order.
func (t *sortTable) sortedBy() (string, bool) {
	if t.sortCol < 0 {
		return "", false
	}
	return t.view.Table().Columns()[t.cols[t.sortCol]].Name, t.desc
}
