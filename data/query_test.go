package data

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func loadGood(t testing.TB) *Dataset {
	t.Helper()
	d, err := Load(goodFS(t))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ids gives the ids of the rows a view shows.
func ids(v *View) []string {
	out := []string{}
	for _, r := range v.Rows() {
		out = append(out, v.Table().ID(r))
	}
	return out
}

func TestFilter(t *testing.T) {
	d := loadGood(t)
	tests := []struct {
		text string
		want []string
	}{
		{"", []string{"tungsten-jv", "oncology", "childrens", "rare-metals"}},
		{"korea", []string{"tungsten-jv", "oncology", "childrens", "rare-metals"}},
		{"EXIM", []string{"oncology", "childrens"}},          // funder column, any case
		{"health care", []string{"oncology", "childrens"}},   // the sector's name, not its id
		{"tashkent city", []string{"oncology", "childrens"}}, // region names, not codes
		{"edcf loan", []string{"oncology", "childrens"}},     // every word, anywhere
		{"희귀", []string{"rare-metals"}},                      // Hangul
		{"$127.5", []string{"oncology"}},                     // the amount as shown
		{"xyz", []string{}},                                  // nothing
		{"  shindong  ", []string{"tungsten-jv"}},            // spaces trimmed
		{"онкологический", []string{}},                       // description is not a list column
	}
	v := NewView(d.Table("projects"), nil)
	for _, tt := range tests {
		v.SetText(tt.text)
		if got := ids(v); !equalStrings(got, tt.want) {
			t.Errorf("%q: got %v want %v", tt.text, got, tt.want)
		}
	}
}

func TestFilterAccentsAndApostrophes(t *testing.T) {
	d := loadGood(t)
	// Search the description column too, where the accents are.
	tab := d.Table("projects")
	v := NewView(tab, []int{tab.Column("name"), tab.Column("description")})
	for _, q := range []string{"ozbekiston", "o'zbekiston", "Oʻzbekiston", "OZBEKISTON"} {
		v.SetText(q)
		if got := ids(v); len(got) != 0 {
			// "Oʻzbekiston" folds to "o'zbekiston": the apostrophe stays.
			if q == "ozbekiston" || q == "OZBEKISTON" {
				t.Errorf("%q matched %v", q, got)
			}
		} else if q != "ozbekiston" && q != "OZBEKISTON" {
			t.Errorf("%q matched nothing", q)
		}
	}
	v.SetText("ОНКОЛОГИЧЕСКИЙ")
	if got := ids(v); !equalStrings(got, []string{"oncology"}) {
		t.Errorf("Cyrillic upper case: %v", got)
	}
}

// Typing narrows from the rows already found; deleting widens again. Each
// step must give what a fresh view gives for the same text.
func TestFilterIncremental(t *testing.T) {
	d := loadGood(t)
	v := NewView(d.Table("projects"), nil)
	steps := []string{"s", "sh", "shi", "shin", "shinx", "shin", "", "e", "ex", "exim", "exim l", "exim lo", "exim loan c", "exim", "xim", "Tash", "tashkent r", "tashkent"}
	for _, s := range steps {
		v.SetText(s)
		fresh := NewView(d.Table("projects"), nil)
		fresh.SetText(s)
		if !equalStrings(ids(v), ids(fresh)) {
			t.Errorf("%q: typed %v, fresh %v", s, ids(v), ids(fresh))
		}
	}
	v.SetText("shin")
	if got := ids(v); !equalStrings(got, []string{"tungsten-jv"}) {
		t.Errorf("shin: %v", got)
	}
}

func TestSort(t *testing.T) {
	d := loadGood(t)
	tests := []struct {
		sort string
		desc bool
		want []string
	}{
		{"amount_usd_m", false, []string{"childrens", "tungsten-jv", "oncology", "rare-metals"}},
		{"amount_usd_m", true, []string{"oncology", "tungsten-jv", "childrens", "rare-metals"}}, // unknown last both ways
		{"name", false, []string{"childrens", "oncology", "rare-metals", "tungsten-jv"}},
		{"name", true, []string{"tungsten-jv", "rare-metals", "oncology", "childrens"}},
		{"end_year", false, []string{"childrens", "tungsten-jv", "oncology", "rare-metals"}}, // ties keep file order
		{"status", false, []string{"childrens", "rare-metals", "tungsten-jv", "oncology"}},
		{"sector", false, []string{"tungsten-jv", "rare-metals", "oncology", "childrens"}}, // by name shown: Critical… < Health…
		{"", false, []string{"tungsten-jv", "oncology", "childrens", "rare-metals"}},
	}
	v := NewView(d.Table("projects"), nil)
	for _, tt := range tests {
		if err := v.Set(Query{Sort: tt.sort, Desc: tt.desc}); err != nil {
			t.Fatal(err)
		}
		if got := ids(v); !equalStrings(got, tt.want) {
			t.Errorf("%s desc=%v: got %v want %v", tt.sort, tt.desc, got, tt.want)
		}
	}
	// Numbers sort as numbers, not as text: 100 < 120 < 127.5 although "100" < "120" < "127.5" too;
	// a better check is uranium 139.2 kt < gold 5300 t < lithium 123000 t.
	m := NewView(d.Table("minerals"), nil)
	_ = m.Set(Query{Sort: "reserves"})
	if got := ids(m); !equalStrings(got, []string{"uranium", "gold", "lithium", "tungsten"}) {
		t.Errorf("reserves: %v", got)
	}
	_ = m.Set(Query{Sort: "date"})
	if err := m.Set(Query{Sort: "nope"}); err == nil || err.Error() != `the minerals table has no column "nope"` {
		t.Errorf("unknown column: %v", err)
	}
}

func TestSortKeepsFilter(t *testing.T) {
	d := loadGood(t)
	v := NewView(d.Table("projects"), nil)
	_ = v.Set(Query{Text: "health"})
	_ = v.Set(Query{Text: "health", Sort: "amount_usd_m", Desc: true})
	if got := ids(v); !equalStrings(got, []string{"oncology", "childrens"}) {
		t.Errorf("got %v", got)
	}
}

func TestFacets(t *testing.T) {
	d := loadGood(t)
	v := NewView(d.Table("projects"), nil)
	counts := v.FacetCounts("sector")
	if len(counts) != 2 || counts[0] != (FacetCount{"mining", "Critical minerals and mining", 2}) || counts[1] != (FacetCount{"health", "Health care", 2}) {
		t.Fatalf("sector counts %+v", counts)
	}
	_ = v.Set(Query{Facets: map[string]string{"funder": "Korea Eximbank (EDCF)"}})
	if got := ids(v); !equalStrings(got, []string{"oncology", "childrens"}) {
		t.Errorf("funder facet: %v", got)
	}
	// Other facets count within the selection; the facet's own counts ignore it.
	if got := v.FacetCounts("status"); len(got) != 2 || got[0].Count != 1 {
		t.Errorf("status counts %+v", got)
	}
	if got := v.FacetCounts("funder"); len(got) != 4 {
		t.Errorf("funder counts should ignore the funder selection: %+v", got)
	}
	_ = v.Set(Query{Facets: map[string]string{"funder": "KOICA", "region": "UZ-TO"}})
	if got := ids(v); !equalStrings(got, []string{"rare-metals"}) {
		t.Errorf("two facets: %v", got)
	}
	if got := v.FacetCounts("region"); got[0].Label != "Tashkent city" && got[0].Label != "Tashkent Region" {
		t.Errorf("region labels %+v", got)
	}
	_ = v.Set(Query{Text: "oncology", Facets: map[string]string{"status": "completed"}})
	if len(v.Rows()) != 0 {
		t.Errorf("text and facet: %v", ids(v))
	}
	// The selected key stays listed with 0 so the selector can show it.
	found := false
	for _, c := range v.FacetCounts("status") {
		if c.Key == "completed" && c.Count == 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("selected key missing: %+v", v.FacetCounts("status"))
	}
	if err := v.Set(Query{Facets: map[string]string{"colour": "red"}}); err == nil {
		t.Error("unknown facet accepted")
	}
	m := NewView(d.Table("minerals"), nil)
	_ = m.Set(Query{Facets: map[string]string{"korea_critical": "yes"}})
	if got := ids(m); !equalStrings(got, []string{"tungsten", "lithium"}) {
		t.Errorf("critical: %v", got)
	}
}

func TestSum(t *testing.T) {
	d := loadGood(t)
	v := NewView(d.Table("projects"), nil)
	total, known := v.Sum("amount_usd_m")
	if total != 347.5 || known != 3 {
		t.Errorf("sum %v %d", total, known)
	}
	v.SetText("exim")
	if total, known = v.Sum("amount_usd_m"); total != 227.5 || known != 2 {
		t.Errorf("filtered sum %v %d", total, known)
	}
}

// Above 20,000 rows the view folds text and makes sort keys on every
// processor: the result must be the same as row by row.
func TestParallelViewMatchesSerial(t *testing.T) {
	d, err := Load(synthFS(t, 25000))
	if err != nil {
		t.Fatal(err)
	}
	tab := d.Table("projects")
	v := NewView(tab, nil)
	v.Prepare()
	for _, r := range []int{0, 12499, 12500, 24999} {
		var b []string
		for _, c := range tab.ListColumns() {
			b = append(b, tab.Display(r, c))
		}
		if want := Fold(strings.Join(b, "\x00")); v.rowText(r) != want {
			t.Fatalf("row %d folded as %q, want %q", r, v.rowText(r), want)
		}
	}
	v.SetText("cen 1")
	var want []int
	for r := 0; r < tab.Len(); r++ {
		if strings.Contains(v.rowText(r), "cen") && strings.Contains(v.rowText(r), "1") {
			want = append(want, r)
		}
	}
	if !equalInts(v.Rows(), want) || len(want) == 0 {
		t.Fatalf("parallel filter: %d rows, want %d", len(v.Rows()), len(want))
	}
	v.SetText("")
	for _, col := range []string{"name", "amount_usd_m", "sector"} {
		_ = v.Set(Query{Sort: col})
		rows := v.Rows()
		c := tab.Column(col)
		for i := 1; i < len(rows); i++ {
			a, b := rows[i-1], rows[i]
			if tab.Columns()[c].Kind.Numeric() {
				x, okx := tab.Number(a, c)
				y, oky := tab.Number(b, c)
				if okx && oky && x > y || !okx && oky {
					t.Fatalf("%s: row %d before row %d", col, a, b)
				}
			} else if Fold(tab.Display(a, c)) > Fold(tab.Display(b, c)) {
				t.Fatalf("%s: %q before %q", col, tab.Display(a, c), tab.Display(b, c))
			}
		}
	}
}

// A place written one way finds it written the others: the boundaries'
// "Navoiy Region" and a source's "Navoi".
func TestFilterFindsOtherSpellings(t *testing.T) {
	d, err := Load(os.DirFS(filepath.Join("testdata", "good")))
	if err != nil {
		t.Fatal(err)
	}
	v := NewView(d.Table("projects"), nil)
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"navoiy", []string{"tungsten-jv"}},
		{"navoi", []string{"tungsten-jv"}},
		{"Navoi region", []string{"tungsten-jv"}},
		{"toshkent", []string{"oncology", "childrens", "rare-metals"}},
		{"almalik", []string{"rare-metals"}},
		{"nav", []string{"tungsten-jv"}}, // a plain part of a word, as always
	} {
		if err := v.Set(Query{Text: tc.text}); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range v.Rows() {
			got = append(got, d.Projects[r].ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %v, want %v", tc.text, got, tc.want)
		}
	}
}

// The facets' indexes are made once and shared by every view of a table,
// and Warm makes them ahead: a view made after it finds them made.
func TestFacetIndexSharedAndWarmed(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	f := tab.Facets()[0]
	if f.keys.x.id != nil {
		t.Fatal("a facet's index is made before any view needs it")
	}
	d.Warm()
	if f.keys.x.id == nil {
		t.Fatal("Warm did not make the facet's index")
	}
	a, b := NewView(tab, nil), NewView(tab, nil)
	if a.keys[0] != b.keys[0] || a.keys[0] != &f.keys.x {
		t.Error("two views of one table made the facet's index twice")
	}
	// A view filtering on it still works.
	key := f.Values(0)[0]
	if err := a.Set(Query{Facets: map[string]string{f.Name: key}}); err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Rows() {
		if !slices.Contains(f.Values(r), key) {
			t.Fatalf("row %d does not have %s %q", r, f.Name, key)
		}
	}
	if len(a.Rows()) == 0 || len(b.Rows()) != tab.Len() {
		t.Errorf("filtered %d rows, unfiltered %d of %d", len(a.Rows()), len(b.Rows()), tab.Len())
	}
}

// Views of one table share each column's sort order, made once; what one
// view does with it (filter, the other direction) never shows in another.
func TestSortOrderSharedNotDisturbed(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	a, b := NewView(tab, nil), NewView(tab, nil)
	if err := a.Set(Query{Sort: "name"}); err != nil {
		t.Fatal(err)
	}
	if len(tab.sorts().perms) != 1 {
		t.Fatalf("%d orders kept after one sort, want 1", len(tab.sorts().perms))
	}
	if err := b.Set(Query{Sort: "name"}); err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(b.Rows())
	name := tab.Column("name")
	for i := 1; i < len(want); i++ {
		if Fold(tab.Display(want[i-1], name)) > Fold(tab.Display(want[i], name)) {
			t.Fatalf("not in name order at %d: %q, %q", i, tab.Display(want[i-1], name), tab.Display(want[i], name))
		}
	}
	if err := a.Set(Query{Sort: "name", Desc: true, Text: "a"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Set(Query{Sort: "name", Desc: true}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(b.Rows(), want) {
		t.Errorf("another view's filter and descending sort changed this one's rows:\n%v\nwant %v", b.Rows(), want)
	}
	if got := a.Rows(); len(got) != len(want) || got[0] != want[len(want)-1] && Fold(tab.Display(got[0], name)) != Fold(tab.Display(want[len(want)-1], name)) {
		t.Errorf("descending starts with %q, want %q", tab.Display(got[0], name), tab.Display(want[len(want)-1], name))
	}
}

// Every row's sources are made once, and a caller that appends to them
// does not change what the next one gets.
func TestSourcesCitedOnce(t *testing.T) {
	d := loadGood(t)
	first := d.SourcesCited("projects", nil)
	if len(first) == 0 {
		t.Fatal("no sources cited")
	}
	grown := append(first, "not-a-source")
	again := d.SourcesCited("projects", nil)
	if len(again) != len(first) || &again[0] != &first[0] {
		t.Errorf("made again: %d sources, then %d", len(first), len(again))
	}
	if &grown[0] == &first[0] {
		t.Error("an append wrote into the kept list")
	}
}

// An index of one id per row keeps no row bounds; one of several keeps
// them, and both give each row its ids.
func TestRowIDs(t *testing.T) {
	one, many := newRowIDs(3), newRowIDs(3)
	for _, ids := range [][]uint32{{4}, {5}, {4}} {
		one.ids = append(one.ids, ids...)
		one.endRow()
	}
	for _, ids := range [][]uint32{{4, 5}, {}, {6}} {
		many.ids = append(many.ids, ids...)
		many.endRow()
	}
	one.done()
	many.done()
	if one.at != nil || many.at == nil {
		t.Fatalf("row bounds kept: one id a row %v, several %v", one.at != nil, many.at != nil)
	}
	if got := one.of(2); !slices.Equal(got, []uint32{4}) || cap(got) != 1 {
		t.Errorf("one.of(2) = %v (cap %d)", got, cap(got))
	}
	if got := many.of(0); !slices.Equal(got, []uint32{4, 5}) {
		t.Errorf("many.of(0) = %v", got)
	}
	if got := many.of(1); len(got) != 0 {
		t.Errorf("many.of(1) = %v", got)
	}
}
