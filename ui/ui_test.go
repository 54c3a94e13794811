package ui

import (
	"image"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
	"uzkor/resources"
)

func bundled(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// newTestUI opens the dashboard on the bundled data in a test window.
func newTestUI(t *testing.T) (*UI, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	return openUI(t, a)
}

func openUI(t *testing.T, a fyne.App) (*UI, fyne.Window) {
	u := New(a, bundled(t))
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

// visibleIDs are the ids of the rows the list shows, in order.
func visibleIDs(lv *listView) []string {
	var out []string
	for _, r := range lv.view.Rows() {
		out = append(out, lv.view.Table().ID(r))
	}
	return out
}

// headers finds the rendered header cells of a list's table, with the
// table given the whole width so that every column is drawn.
func headers(t *testing.T, w fyne.Window, lv *listView) map[string]*headerCell {
	t.Helper()
	lv.split.SetOffset(1)
	w.Resize(fyne.NewSize(2400, 800))
	out := map[string]*headerCell{}
	for _, o := range test.LaidOutObjects(lv.table) {
		if h, ok := o.(*headerCell); ok && h.Visible() {
			out[h.label.Text] = h
		}
	}
	if len(out) == 0 {
		t.Fatal("no header cells rendered")
	}
	return out
}

func TestTabs(t *testing.T) {
	u, _ := newTestUI(t)
	want := []string{"overview", "minerals", "sectors", "projects", "timeline", "sources", "map"}
	if got := u.TabNames(); !slices.Equal(got, want) {
		t.Fatalf("tabs %v", got)
	}
	for _, name := range want {
		if !u.ShowTab(name) || u.CurrentTab() != name {
			t.Errorf("cannot show %s", name)
		}
	}
	if u.ShowTab("map-of-mars") {
		t.Error("unknown tab shown")
	}
}

func TestFilterAsYouType(t *testing.T) {
	u, _ := newTestUI(t)
	lv := u.projects.listView
	u.ShowTab("projects")
	all := len(lv.view.Rows())
	test.Type(lv.filter, "pharma")
	got := visibleIDs(lv)
	if len(got) == 0 || len(got) >= all {
		t.Fatalf("pharma: %v", got)
	}
	for _, id := range got {
		p, _ := u.data.Project(id)
		text := strings.ToLower(p.Name + " " + u.data.NameOf(p.Sector))
		if !strings.Contains(text, "pharma") {
			t.Errorf("%s does not match pharma", id)
		}
	}
	if rows, _ := lv.table.Length(); rows != len(got) {
		t.Errorf("table shows %d rows, the view %d", rows, len(got))
	}
	if !strings.HasPrefix(lv.status.Text, strings.Join([]string{itoa(len(got)), "of", itoa(all), "projects"}, " ")) {
		t.Errorf("status %q", lv.status.Text)
	}
	// Accents and case do not matter: "PHARMA" and "phármá" match the same.
	lv.filter.SetText("PHÁRMÁ")
	if !slices.Equal(visibleIDs(lv), got) {
		t.Errorf("accent- and case-insensitive: %v", visibleIDs(lv))
	}
	// Esc in the filter box clears it.
	lv.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if lv.filter.Text != "" || len(lv.view.Rows()) != all {
		t.Errorf("Esc left %q and %d rows", lv.filter.Text, len(lv.view.Rows()))
	}
	// Nothing matches: the status line says so and how to get out.
	test.Type(lv.filter, "zzqx")
	if len(lv.view.Rows()) != 0 || !strings.Contains(lv.status.Text, `nothing matches "zzqx"`) {
		t.Errorf("empty state %q", lv.status.Text)
	}
}

func itoa(n int) string { return strings.TrimSpace(strings.Repeat(" ", 0) + fmtInt(n)) }

func fmtInt(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
}

func TestSortByHeader(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("projects")
	lv := u.projects.listView
	h := headers(t, w, lv)["Amount"]
	if h == nil {
		t.Fatal("no Amount header")
	}
	amounts := func() []data.Number {
		var out []data.Number
		for _, r := range lv.view.Rows() {
			out = append(out, u.data.Projects[r].AmountUSDm)
		}
		return out
	}
	test.Tap(h)
	asc := amounts()
	for i := 1; i < len(asc); i++ {
		if asc[i-1].Known && asc[i].Known && asc[i-1].Value > asc[i].Value {
			t.Fatalf("not ascending at %d: %v > %v", i, asc[i-1].Value, asc[i].Value)
		}
		if !asc[i-1].Known && asc[i].Known {
			t.Fatalf("unknown amount before a known one at %d", i)
		}
	}
	if h.icon.Resource == nil {
		t.Error("no arrow on the sorted column")
	}
	test.Tap(headers(t, w, lv)["Amount"])
	desc := amounts()
	if !desc[0].Known || desc[0].Value < asc[0].Value {
		t.Fatalf("second tap did not reverse: first %v", desc[0])
	}
	if desc[len(desc)-1].Known {
		t.Error("unknown amounts must stay last when reversed")
	}
	if col, d := lv.table.sortedBy(); col != "amount_usd_m" || !d {
		t.Errorf("sorted by %s desc=%v", col, d)
	}
	// Text columns sort by the text shown.
	test.Tap(headers(t, w, lv)["Project"])
	ids := visibleIDs(lv)
	first, _ := u.data.Project(ids[0])
	last, _ := u.data.Project(ids[len(ids)-1])
	if data.Fold(first.Name) > data.Fold(last.Name) {
		t.Errorf("names not ascending: %q … %q", first.Name, last.Name)
	}
}

func TestSelectShowsDetail(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("projects")
	lv := u.projects.listView
	test.Type(lv.filter, "oncology")
	if len(lv.view.Rows()) != 1 {
		t.Fatalf("oncology rows %v", visibleIDs(lv))
	}
	lv.table.Select(widget.TableCellID{Row: 0, Col: 1})
	want := map[string]string{
		"Amount":     "$127.5 m (2021)",
		"Instrument": "loan",
		"Funder":     "Korea Eximbank (EDCF)",
		"Status":     "planned",
		"City":       data.Unknown,
	}
	for label, value := range want {
		l := lv.detail.values[label]
		if l == nil {
			t.Errorf("no %s field", label)
			continue
		}
		if l.Text != value {
			t.Errorf("%s = %q, want %q", label, l.Text, value)
		}
		if !l.Selectable {
			t.Errorf("%s cannot be selected and copied", label)
		}
	}
	text := lv.detail.Text()
	for _, s := range []string{"National Oncology Center", "Sources (", "Kun.uz", "2030"} {
		if !strings.Contains(text, s) {
			t.Errorf("detail lacks %q:\n%s", s, text)
		}
	}
	// Copy puts the whole pane on the clipboard.
	test.Tap(lv.detail.copy)
	if got := u.app.Clipboard().Content(); got != text {
		t.Errorf("clipboard %q", got)
	}
}

func TestLinkOpensOtherTab(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("minerals")
	lv := u.minerals.listView
	if !lv.showID("tungsten") {
		t.Fatal("no tungsten")
	}
	var toProject *widget.Hyperlink
	for _, h := range lv.detail.linkItems {
		if strings.HasPrefix(h.Text, "Uzbekistan-Korea Tungsten JV") || strings.Contains(h.Text, "Sautbay") {
			toProject = h
		}
	}
	if toProject == nil {
		t.Fatalf("no link to the Sautbay JV among %d links", len(lv.detail.linkItems))
	}
	// A filter on the projects list that hides the row is cleared.
	u.projects.filter.SetText("pharma")
	tapLink(toProject)
	if u.CurrentTab() != "projects" {
		t.Fatalf("tab %s", u.CurrentTab())
	}
	p := u.projects.listView
	if p.selected < 0 || u.data.Projects[p.selected].ID != "sautbay-tungsten-jv" {
		t.Fatalf("selected %d", p.selected)
	}
	if !slices.Contains(visibleIDs(p), "sautbay-tungsten-jv") || p.filter.Text != "" {
		t.Error("the linked row is not shown")
	}
	// And back: the project links to its sector.
	var toSector *widget.Hyperlink
	for _, h := range p.detail.linkItems {
		if h.Text == "Critical minerals and mining" {
			toSector = h
		}
	}
	if toSector == nil {
		t.Fatal("no sector link")
	}
	tapLink(toSector)
	if u.CurrentTab() != "sectors" || u.data.Sectors[u.sectors.selected].ID != "mining" {
		t.Errorf("sector link: %s %d", u.CurrentTab(), u.sectors.selected)
	}
}

// tapLink taps a hyperlink on its text, where a user clicks.
func tapLink(h *widget.Hyperlink) {
	test.TapAt(h, fyne.NewPos(theme.InnerPadding()+4, h.Size().Height/2))
}

func TestFacetsAndClear(t *testing.T) {
	u, _ := newTestUI(t)
	lv := u.projects.listView
	var status *facetSelect
	for _, f := range lv.facets {
		if f.facet.Name == "status" {
			status = f
		}
	}
	status.choose("operational")
	for _, id := range visibleIDs(lv) {
		if p, _ := u.data.Project(id); p.Status != "operational" {
			t.Errorf("%s is %s", id, p.Status)
		}
	}
	if !strings.Contains(lv.status.Text, "filtered by status operational") {
		t.Errorf("status line %q", lv.status.Text)
	}
	n := len(lv.view.Rows())
	if !strings.Contains(status.sel.Selected, "("+fmtInt(n)+")") {
		t.Errorf("selector shows %q for %d rows", status.sel.Selected, n)
	}
	test.Tap(lv.clear)
	if len(lv.view.Rows()) != len(u.data.Projects) || status.sel.SelectedIndex() >= 1 {
		t.Errorf("clear left %d rows, selector %q", len(lv.view.Rows()), status.sel.Selected)
	}
	m := u.minerals.listView
	for _, f := range m.facets {
		if f.facet.Name == "korea_critical" {
			f.choose("yes")
		}
	}
	for _, id := range visibleIDs(m) {
		if mm, _ := u.data.Mineral(id); !mm.KoreaCritical.Value {
			t.Errorf("%s is not critical", id)
		}
	}
}

func TestShortcuts(t *testing.T) {
	u, w := newTestUI(t)
	ctrl := fyne.KeyModifierShortcutDefault
	type sc = desktop.CustomShortcut
	press := func(k fyne.KeyName, m fyne.KeyModifier) {
		u.keys.TypedShortcut(&sc{KeyName: k, Modifier: m})
	}
	for i, name := range u.TabNames() {
		press([]fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7}[i], ctrl)
		if u.CurrentTab() != name {
			t.Errorf("Ctrl+%d showed %s", i+1, u.CurrentTab())
		}
	}
	press(fyne.Key4, ctrl)
	press(fyne.KeyF, ctrl)
	if w.Canvas().Focused() != u.projects.filter {
		t.Error("Ctrl+F did not focus the filter")
	}
	test.Type(u.projects.filter, "health")
	w.Canvas().Unfocus()
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.projects.filter.Text != "" {
		t.Error("Esc did not clear the filter")
	}
	text := u.shortcutsText()
	for _, s := range []string{"Ctrl+1", "Ctrl+7", "Ctrl+F", "Esc", "Ctrl+Q"} {
		if !strings.Contains(text, s) {
			t.Errorf("shortcuts dialog lacks %s", s)
		}
	}
	// Every shortcut with a modifier is on a menu item too.
	menuShortcuts := map[string]bool{}
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			if it.Shortcut != nil {
				menuShortcuts[it.Shortcut.ShortcutName()] = true
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range u.mainMenu().Items {
		walk(m.Items)
	}
	for _, s := range u.shortcuts() {
		if s.mod != 0 && !s.alias && !menuShortcuts[s.fyne().ShortcutName()] {
			t.Errorf("%s is not on a menu", s.label)
		}
	}
}

// Sort, filter, tab, theme and split survive a restart of the app.
func TestPreferencesSurviveRestart(t *testing.T) {
	a := test.NewTempApp(t)
	u, w := openUI(t, a)
	u.ShowTab("projects")
	lv := u.projects.listView
	test.Type(lv.filter, "health")
	test.Tap(headers(t, w, lv)["Amount"])
	test.Tap(headers(t, w, lv)["Amount"])
	lv.split.SetOffset(0.4)
	u.setTheme(themeDark)
	u.saveState() // as closing the window does

	u2, _ := openUI(t, a)
	if u2.CurrentTab() != "projects" {
		t.Errorf("tab %s", u2.CurrentTab())
	}
	lv2 := u2.projects.listView
	if lv2.filter.Text != "health" {
		t.Errorf("filter %q", lv2.filter.Text)
	}
	if col, desc := lv2.table.sortedBy(); col != "amount_usd_m" || !desc {
		t.Errorf("sort %s %v", col, desc)
	}
	if !slices.Equal(visibleIDs(lv2), visibleIDs(lv)) {
		t.Errorf("rows %v, before %v", visibleIDs(lv2), visibleIDs(lv))
	}
	if lv2.split.Offset != 0.4 {
		t.Errorf("split %v", lv2.split.Offset)
	}
	if u2.theme.mode != themeDark {
		t.Errorf("theme %s", u2.theme.mode)
	}
}

func TestRender(t *testing.T) {
	a := test.NewTempApp(t)
	d := bundled(t)
	for _, tc := range []struct {
		tab, theme string
	}{{"projects", "light"}, {"minerals", "dark"}, {"sources", "light"}} {
		img, err := Render(a, d, Shot{Tab: tc.tab, Theme: tc.theme, Size: fyne.NewSize(800, 500)})
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
			t.Errorf("%s: size %v", tc.tab, b)
		}
		if colours(img) < 20 {
			t.Errorf("%s: image looks blank (%d colours)", tc.tab, colours(img))
		}
	}
	if _, err := Render(a, d, Shot{Tab: "mars"}); err == nil || !strings.Contains(err.Error(), "overview, minerals") {
		t.Errorf("unknown tab: %v", err)
	}
	if _, err := Render(a, d, Shot{Tab: "projects", Theme: "neon"}); err == nil {
		t.Error("unknown theme accepted")
	}
	if _, err := Render(a, d, Shot{Tab: "projects", Select: "no-such-project"}); err == nil {
		t.Error("unknown row accepted")
	}
}

// colours counts the distinct colours of an image, sampled.
func colours(img image.Image) int {
	seen := map[uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[r>>8<<16|g>>8<<8|bl>>8] = true
		}
	}
	return len(seen)
}

func desktopMouse(p fyne.Position) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: p}}
}

// labelTexts joins the text of every label under an object.
func labelTexts(o fyne.CanvasObject) string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		if l, ok := c.(*widget.Label); ok {
			out = append(out, l.Text)
		}
	}
	return strings.Join(out, "\n")
}

func TestAbout(t *testing.T) {
	u, _ := newTestUI(t)
	text := u.aboutText()
	for _, want := range []string{Title, "Version ", ", build ", "Data as of 4 Mar 2026, from 156 sources.", "Data: bundled with the app.", "Data from Trend News Agency, The Korea Herald", "Licence: MIT"} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "http") {
		t.Error("the credits line has a link")
	}
}
