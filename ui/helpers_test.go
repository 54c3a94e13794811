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

// shows reports whether some text seen contains s.
func shows(texts []string, s string) bool {
	return slices.ContainsFunc(texts, func(t string) bool { return strings.Contains(t, s) })
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

// press types an action's key on the window's canvas, as the keyboard
// does: a Ctrl shortcut through the canvas's shortcuts, a key alone
// through its key handler.
func press(w fyne.Window, a action) {
	if a.mod != 0 {
		shortcuts(w.Canvas()).TypedShortcut(a.shortcut())
		return
	}
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: a.key})
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

// closeDialogs removes every dialog from the window.
func closeDialogs(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	}
}
