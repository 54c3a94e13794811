package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

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

func TestTabsFollowTheRegistry(t *testing.T) {
	u, _ := newTestUI(t)
	var want []string
	for _, v := range u.allViews() {
		want = append(want, v.name())
	}
	if !slices.Equal(Tabs(), want) {
		t.Fatalf("tabs %v, want %v", Tabs(), want)
	}
	for i, name := range want {
		if !u.ShowTab(name) || u.CurrentTab() != name || u.tabs.Selected().Text != u.allViews()[i].title() {
			t.Errorf("cannot show %s", name)
		}
	}
	if u.ShowTab("map-of-mars") {
		t.Error("unknown tab shown")
	}
}

func TestFilterAsYouType(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	all := len(u.data.Projects)
	test.Type(lv.filter, "medical")
	if got := visibleIDs(lv); !slices.Equal(got, []string{"childrens"}) {
		t.Fatalf("medical: %v", got)
	}
	if rows, _ := lv.table.Length(); rows != 1 {
		t.Errorf("table shows %d rows", rows)
	}
	mustShow(t, seen(w.Canvas().Content()), "1 of "+itoa(all)+" projects", "National Children's Medical Center")
	if shows(seen(lv.table), "National Oncology Center") {
		t.Error("a filtered-out row is still drawn")
	}
	// Accents and case do not matter.
	lv.filter.SetText("MÉDICAL")
	if !slices.Equal(visibleIDs(lv), []string{"childrens"}) {
		t.Errorf("accent- and case-insensitive: %v", visibleIDs(lv))
	}
	// Esc in the filter box clears it.
	lv.filter.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if lv.filter.Text != "" || len(lv.view.Rows()) != all {
		t.Errorf("Esc left %q and %d rows", lv.filter.Text, len(lv.view.Rows()))
	}
	// Nothing matches: the status line says so and how to get out.
	test.Type(lv.filter, "zzqx")
	mustShow(t, seen(lv.status), `nothing matches "zzqx"`)
}

func TestSortByHeader(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	test.Tap(headers(t, w, lv)["Amount"])
	// 100 (childrens), 120 (tungsten-jv), 127.5 (oncology), unknown last.
	if got := visibleIDs(lv); !slices.Equal(got, []string{"childrens", "tungsten-jv", "oncology", "rare-metals"}) {
		t.Errorf("ascending: %v", got)
	}
	if headers(t, w, lv)["Amount"].icon.Resource == nil {
		t.Error("no arrow on the sorted column")
	}
	test.Tap(headers(t, w, lv)["Amount"])
	if got := visibleIDs(lv); !slices.Equal(got, []string{"oncology", "tungsten-jv", "childrens", "rare-metals"}) {
		t.Errorf("descending, unknown still last: %v", got)
	}
	test.Tap(headers(t, w, lv)["Project"])
	if got := visibleIDs(lv); !slices.Equal(got, []string{"childrens", "oncology", "rare-metals", "tungsten-jv"}) {
		t.Errorf("by name: %v", got)
	}
}

func TestSelectShowsDetail(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	test.Type(lv.filter, "oncology")
	lv.table.Select(widget.TableCellID{Row: 0, Col: 1})
	want := map[string]string{
		"Amount":     "$127.5 m loan (2021)",
		"Status":     "planned (as of 2021)",
		"Instrument": "loan",
		"Funder":     "Korea Eximbank (EDCF)",
		"City":       "Tashkent",
		"Years":      "from 2019",
	}
	for label, value := range want {
		l := lv.detail.values[label]
		if l == nil {
			t.Errorf("no %s field", label)
			continue
		}
		if !strings.HasPrefix(l.Text, value) {
			t.Errorf("%s = %q, want %q", label, l.Text, value)
		}
		if !l.Selectable {
			t.Errorf("%s cannot be selected and copied", label)
		}
	}
	texts := seen(lv.detail.content())
	mustShow(t, texts, "National Oncology Center", "Sources (1)", "Interview with the minister", "The Korea Herald")
	// Copy puts the whole pane on the clipboard.
	test.Tap(lv.detail.copy)
	if got := u.app.Clipboard().Content(); got != lv.detail.Text() || !strings.Contains(got, "Korea Eximbank (EDCF)") {
		t.Errorf("clipboard %q", got)
	}
}

func TestLinkOpensOtherTab(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("minerals")
	m := listOf(t, u, "minerals")
	if !m.showID("tungsten") {
		t.Fatal("no tungsten")
	}
	var toProject *widget.Hyperlink
	for _, h := range m.detail.linkItems {
		if strings.HasPrefix(h.Text, "Uzbekistan-Korea Tungsten JV") {
			toProject = h
		}
	}
	if toProject == nil {
		t.Fatalf("no link to the tungsten JV among %d links", len(m.detail.linkItems))
	}
	// A filter on the projects list that hides the row is cleared.
	p := listOf(t, u, "projects")
	p.filter.SetText("oncology")
	tapLink(toProject)
	if u.CurrentTab() != "projects" || p.selectedID() != "tungsten-jv" {
		t.Fatalf("tab %s, selected %q", u.CurrentTab(), p.selectedID())
	}
	if !slices.Contains(visibleIDs(p), "tungsten-jv") || p.filter.Text != "" {
		t.Error("the linked row is not shown")
	}
	mustShow(t, seen(w.Canvas().Content()), "Uzbekistan-Korea Tungsten JV", "$120 m agreement (2012)")
	// And on: the project links to its sector.
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
	if u.CurrentTab() != "sectors" || listOf(t, u, "sectors").selectedID() != "mining" {
		t.Errorf("sector link: %s", u.CurrentTab())
	}
}

func TestFacetsAndClear(t *testing.T) {
	u, _ := newTestUI(t)
	lv := listOf(t, u, "projects")
	facet := func(lv *listView, name string) *facetSelect {
		for _, f := range lv.facets {
			if f.facet.Name == name {
				return f
			}
		}
		t.Fatalf("no facet %s", name)
		return nil
	}
	status := facet(lv, "status")
	status.choose("planned")
	if got := visibleIDs(lv); !slices.Equal(got, []string{"tungsten-jv", "oncology"}) {
		t.Errorf("planned: %v", got)
	}
	mustShow(t, seen(lv.status), "filtered by status planned")
	if status.sel.Selected != "planned (2)" {
		t.Errorf("selector shows %q", status.sel.Selected)
	}
	test.Tap(lv.clear)
	if len(lv.view.Rows()) != len(u.data.Projects) || status.sel.SelectedIndex() >= 1 {
		t.Errorf("clear left %d rows, selector %q", len(lv.view.Rows()), status.sel.Selected)
	}
	m := listOf(t, u, "minerals")
	facet(m, "korea_critical").choose("yes")
	if got := visibleIDs(m); !slices.Equal(got, []string{"tungsten", "lithium"}) {
		t.Errorf("critical: %v", got)
	}
}

// Sort, filter, tab, theme and split survive a restart of the app.
func TestPreferencesSurviveRestart(t *testing.T) {
	a := test.NewTempApp(t)
	u, w := openUI(t, a, fixture(t))
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	test.Type(lv.filter, "korea")
	test.Tap(headers(t, w, lv)["Amount"])
	test.Tap(headers(t, w, lv)["Amount"])
	lv.split.SetOffset(0.4)
	u.setTheme(themeDark)
	u.saveState() // as closing the window does

	u2, _ := openUI(t, a, fixture(t))
	if u2.CurrentTab() != "projects" {
		t.Errorf("tab %s", u2.CurrentTab())
	}
	lv2 := listOf(t, u2, "projects")
	if lv2.filter.Text != "korea" {
		t.Errorf("filter %q", lv2.filter.Text)
	}
	if col, desc := lv2.table.sortedBy(); col != "amount_usd_m" || !desc {
		t.Errorf("sort %s %v", col, desc)
	}
	if !slices.Equal(visibleIDs(lv2), visibleIDs(lv)) || len(visibleIDs(lv)) == 0 {
		t.Errorf("rows %v, before %v", visibleIDs(lv2), visibleIDs(lv))
	}
	if lv2.split.Offset != 0.4 {
		t.Errorf("split %v", lv2.split.Offset)
	}
	if u2.theme.mode != themeDark {
		t.Errorf("theme %s", u2.theme.mode)
	}
}

// About names the data it shows, counted from it.
func TestAbout(t *testing.T) {
	u, w := newTestUI(t)
	d := u.data
	u.showAbout()
	mustShow(t, onScreen(w), Title, "Version ", ", build ",
		"Data as of "+data.FormatDate(d.AsOf())+", from "+plural(len(d.Sources), "source")+".",
		"Data: bundled with the app.", "Licence: MIT")
	if strings.Contains(u.aboutText(), "http") {
		t.Error("the credits line has a link")
	}
}

// The status bar says where the data comes from, and passes messages.
func TestStatusBar(t *testing.T) {
	u, w := newTestUI(t)
	mustShow(t, seen(w.Canvas().Content()), "Bundled data · as of "+data.FormatDate(u.data.AsOf())+" · 3 sources")
	u.status("Saved.")
	mustShow(t, seen(w.Canvas().Content()), "Saved.")
}

// At the default 1280×800 the lists show what a reader compares, whole:
// name, amount with its kind and year, status, start year and region for
// projects; production, world rank and Korea's list for minerals.
func TestColumnsSeenAt1280(t *testing.T) {
	u, w := openUI(t, test.NewTempApp(t), bundled(t))
	w.Resize(fyne.NewSize(1280, 800))
	u.ShowTab("projects")
	// The bundled data has the longest cells; what the fixture's rows look
	// like is checked below.
	mustShow(t, seen(listOf(t, u, "projects").table), "Project", "Amount", "Status (as of)", "Start", "Region")
	// No column runs past the table's right edge.
	lv := listOf(t, u, "projects")
	total := float32(0)
	for i := range lv.table.cols {
		total += lv.table.widths[i]
	}
	if total > lv.table.Size().Width {
		t.Errorf("the columns take %v of %v", total, lv.table.Size().Width)
	}
	u.ShowTab("minerals")
	mustShow(t, seen(listOf(t, u, "minerals").table), "Mineral", "Production", "World rank", "Korea critical")
	f, w2 := newTestUI(t)
	w2.Resize(fyne.NewSize(1280, 800))
	f.ShowTab("projects")
	mustShow(t, seen(listOf(t, f, "projects").table), "$127.5 m loan (2021)", "planned (2021)", "2019", "Tashkent city")
	f.ShowTab("minerals")
	// A mineral's newest figure with whose it is and how it moved; the
	// newest country rank.
	mustShow(t, seen(listOf(t, f, "minerals").table), "3.1 Moz (2024), NMMC (company) ↑", "10th (2023), country", "4,000 tU (2024, estimate), country →", "yes")
}

// The column chooser shows and hides columns; the choice is remembered,
// and export writes what is shown. The name stays put.
func TestColumnChooser(t *testing.T) {
	a := test.NewTempApp(t)
	u, w := openUI(t, a, fixture(t))
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	if lv.table.StickyColumnCount != 1 {
		t.Error("the name column scrolls away")
	}
	test.Tap(lv.columns)
	menu := w.Canvas().Overlays().Top()
	if menu == nil {
		t.Fatal("no column menu")
	}
	mustShow(t, seen(menu), "Project", "Sector", "Funder", "Amount", "City")
	tapMenu := func(label string) {
		item, ok := find(menu, func(i fyne.CanvasObject) bool {
			return slices.Contains(seen(i), label) && strings.HasSuffix(fmt.Sprintf("%T", i), "menuItem")
		})
		if !ok {
			t.Fatalf("no menu item %q", label)
		}
		test.Tap(item.(fyne.Tappable))
	}
	tapMenu("Sector")
	mustShow(t, seen(lv.table), "Sector", "Health care")
	test.Tap(lv.columns)
	menu = w.Canvas().Overlays().Top()
	tapMenu("Region")
	if shows(seen(lv.table), "Tashkent city") {
		t.Error("the region column is still shown")
	}
	u2, _ := openUI(t, a, fixture(t))
	lv2 := listOf(t, u2, "projects")
	if got := headerNames(lv2); !slices.Equal(got, []string{"name", "sector", "amount_usd_m", "status", "start_year"}) {
		t.Errorf("columns after a restart %v", got)
	}
}

func headerNames(lv *listView) []string {
	var out []string
	for _, c := range lv.table.cols {
		out = append(out, lv.view.Table().Columns()[c].Name)
	}
	return out
}

// When a filter removes the selected row, the detail says so and offers
// to clear the filter, instead of showing a row the list does not have.
func TestDetailNeverShowsAHiddenRow(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	lv.showID("oncology")
	mustShow(t, seen(lv.detail.content()), "National Oncology Center")
	test.Type(lv.filter, "medical")
	got := seen(lv.detail.content())
	if shows(got, "Korea Eximbank (EDCF)") {
		t.Errorf("the detail still shows the filtered-out row: %q", got)
	}
	mustShow(t, got, `The selected project, National Oncology Center, is filtered out by "medical".`, "Clear filters")
	clear, _ := find(lv.detail.content(), func(b *widget.Button) bool { return b.Text == "Clear filters" })
	test.Tap(clear)
	mustShow(t, seen(lv.detail.content()), "National Oncology Center", "$127.5 m loan (2021)")
	// A chart's drill-through that leaves the row out does the same.
	u.drill("projects", data.Query{Facets: map[string]string{"sector": "mining"}})
	mustShow(t, seen(lv.detail.content()), "is filtered out by sector Critical minerals and mining")
}

// The table sorts from the keyboard: S on the focused column, again to
// reverse; Enter selects the focused row.
func TestSortFromKeyboard(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("projects")
	lv := listOf(t, u, "projects")
	w.Canvas().Focus(lv.table)
	lv.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // to Amount
	lv.table.TypedRune('s')
	if got := visibleIDs(lv); !slices.Equal(got, []string{"childrens", "tungsten-jv", "oncology", "rare-metals"}) {
		t.Errorf("S sorted %v", got)
	}
	lv.table.TypedRune('s')
	if col, desc := lv.table.sortedBy(); col != "amount_usd_m" || !desc {
		t.Errorf("second S: %s %v", col, desc)
	}
	lv.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if lv.selectedID() != "oncology" {
		t.Errorf("Enter selected %q", lv.selectedID())
	}
}

// A long list keeps one divider per row in view, not one per row of the
// data: Fyne's table, refreshed before it has a size, would make 5,000.
func TestLongListDividersOnlyForRowsInView(t *testing.T) {
	m := fstest.MapFS{}
	for name, body := range data.Synthetic(5000) {
		m[name] = &fstest.MapFile{Data: body}
	}
	d, err := data.Load(m)
	if err != nil {
		t.Fatal(err)
	}
	u, w := openUI(t, test.NewTempApp(t), d)
	for _, name := range []string{"projects", "sources"} {
		u.ShowTab(name)
		lv := listOf(t, u, name)
		if n := len(lv.view.Rows()); n < 200 {
			t.Fatalf("%s: %d rows, want the synthetic thousands", name, n)
		}
		seps := 0
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *widget.Separator:
				seps++
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
		walk(w.Content())
		if seps > 200 {
			t.Errorf("%s: %d separators in the window for %d rows; want those of the rows in view", name, seps, len(lv.view.Rows()))
		}
	}
}
