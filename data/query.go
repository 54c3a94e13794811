package data

import (
	"cmp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Query is what a list shows: a filter text, facet selections and a sort.
// The app and the headless export build the same Query, so both give the
// same rows in the same order.
type Query struct {
	Text   string            // matched, folded, against the list's columns
	Facets map[string]string // facet name → selected key
	Sort   string            // column name; "" keeps file order
	Desc   bool
}

// View is a filtered and sorted index over one table. It never copies
// rows: Rows returns row numbers into the table.
type View struct {
	t      Table
	cols   []int // the columns the filter matches
	facets []Facet
	keys   []*facetIndex // keys[facet]: each row's keys of the facet, as ids

	// The folded text of every row over cols, joined by NUL, one row
	// after another in text; row r is text[start[r]:start[r+1]]. Made
	// the first time a filter or a sort needs it (Prepare makes it ahead).
	index sync.Once
	ready atomic.Bool // the folded text is made
	text  string
	start []uint32

	q        Query
	folded   string // the folded filter text
	order    []int  // every row, in sort order
	textRows []int  // rows of order that match the filter text
	rows     []int  // textRows that match the facets too
}

// parallel runs f over [0, n) in as many chunks as there are processors,
// for the work done once per load over every row.
func parallel(n int, f func(lo, hi int)) {
	workers := runtime.GOMAXPROCS(0)
	if n < 20000 || workers < 2 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	step := (n + workers - 1) / workers
	for lo := 0; lo < n; lo += step {
		hi := min(lo+step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}

// NewView indexes a table for filtering over the given columns (the list's
// columns when cols is nil). The facets' keys are read here; the folded
// text the filter matches is made once, when first needed (Prepare).
func NewView(t Table, cols []int) *View {
	if cols == nil {
		cols = t.ListColumns()
	}
	v := &View{t: t, cols: cols, facets: t.Facets()}
	n := t.Len()
	v.keys = make([]*facetIndex, len(v.facets))
	for fi, f := range v.facets {
		v.keys[fi] = f.index(n)
	}
	v.order = make([]int, n)
	for i := range v.order {
		v.order[i] = i
	}
	v.textRows = v.order
	v.rows = v.order
	return v
}

// Prepare makes the folded text the filter matches, if it is not made
// yet: a list calls it in the background once it is shown, so that the
// first keystroke does not wait for it. It may run at the same time as
// the view is read.
func (v *View) Prepare() {
	v.index.Do(func() {
		t, cols, n := v.t, v.cols, v.t.Len()
		// Each processor folds a share of the rows into its own buffer;
		// the shares are joined in order.
		workers := 1
		if n >= 20000 {
			workers = max(1, runtime.GOMAXPROCS(0))
		}
		step := (n + workers - 1) / workers
		parts := make([][]byte, workers)
		ends := make([][]uint32, workers)
		var wg sync.WaitGroup
		for w := range workers {
			lo, hi := min(w*step, n), min((w+1)*step, n)
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf []byte
				var row []byte
				fold := folder{}
				end := make([]uint32, 0, hi-lo)
				for r := lo; r < hi; r++ {
					row = row[:0]
					for i, c := range cols {
						if i > 0 {
							row = append(row, 0)
						}
						row = append(row, t.Display(r, c)...)
					}
					buf = fold.appendFolded(buf, row)
					end = append(end, uint32(len(buf)))
				}
				parts[w], ends[w] = buf, end
			}()
		}
		wg.Wait()
		total := 0
		for _, p := range parts {
			total += len(p)
		}
		var text strings.Builder
		text.Grow(total)
		start := make([]uint32, 1, n+1)
		for w := range parts {
			base := uint32(text.Len())
			text.Write(parts[w])
			parts[w] = nil
			for _, e := range ends[w] {
				start = append(start, base+e)
			}
		}
		v.text, v.start = text.String(), start
		v.ready.Store(true)
	})
}

// rowText is a row's folded text over the view's columns.
func (v *View) rowText(r int) string { return v.text[v.start[r]:v.start[r+1]] }

// facetIndex is each row's keys of one facet, as ids into its own list of
// keys: a row's ids are ids[at[r]:at[r+1]] (most rows have one).
type facetIndex struct {
	names []string       // id → key
	id    map[string]int // key → id
	rowIDs
}

func newFacetIndex(f Facet, n int) facetIndex {
	x := facetIndex{id: map[string]int{}, rowIDs: newRowIDs(n)}
	for r := range n {
		for _, k := range f.Values(r) {
			id, ok := x.id[k]
			if !ok {
				id = len(x.names)
				x.id[k] = id
				x.names = append(x.names, k)
			}
			x.ids = append(x.ids, uint32(id))
		}
		x.endRow()
	}
	x.done()
	return x
}

// Table is the table the view shows.
func (v *View) Table() Table { return v.t }

// Rows are the row numbers shown, in order.
func (v *View) Rows() []int { return v.rows }

// Query is the query in effect.
func (v *View) Query() Query { return v.q }

// Set applies a query, doing only the work its changes need: a new sort
// re-sorts; a longer filter text narrows the rows already found; facets
// re-select from the text matches.
func (v *View) Set(q Query) error {
	sortCol := -1
	if q.Sort != "" {
		if sortCol = v.t.Column(q.Sort); sortCol < 0 {
			return &UnknownColumnError{Table: v.t.Name(), Column: q.Sort}
		}
	}
	for name := range q.Facets {
		if v.facetIndex(name) < 0 {
			return &UnknownColumnError{Table: v.t.Name(), Column: name, Facet: true}
		}
	}
	resorted := q.Sort != v.q.Sort || q.Desc != v.q.Desc
	if resorted {
		v.sort(sortCol, q.Desc)
	}
	folded := Fold(strings.TrimSpace(q.Text))
	if folded != "" {
		v.Prepare()
	}
	switch {
	case resorted || !strings.HasPrefix(folded, v.folded):
		v.textRows = v.matchText(v.order, folded)
	case folded != v.folded:
		v.textRows = v.matchText(v.textRows, folded)
	}
	v.folded = folded
	v.q = q
	v.q.Facets = cleanFacets(q.Facets)
	v.rows = v.matchFacets(v.textRows, -1)
	return nil
}

// SetText changes only the filter text.
func (v *View) SetText(text string) {
	q := v.q
	q.Text = text
	_ = v.Set(q)
}

func cleanFacets(in map[string]string) map[string]string {
	out := map[string]string{}
	for k, val := range in {
		if val != "" {
			out[k] = val
		}
	}
	return out
}

func (v *View) facetIndex(name string) int {
	for i, f := range v.facets {
		if f.Name == name {
			return i
		}
	}
	return -1
}

func (v *View) matchText(from []int, folded string) []int {
	if folded == "" {
		return v.order
	}
	// Each word, or another spelling of the place it names, must appear.
	var words [][]string
	for _, w := range strings.Fields(folded) {
		words = append(words, spellings(w))
	}
	match := func(rows []int) []int {
		out := make([]int, 0, len(rows)/4)
		for _, r := range rows {
			s := v.rowText(r)
			ok := true
			for _, alts := range words {
				found := false
				for _, w := range alts {
					if strings.Contains(s, w) {
						found = true
						break
					}
				}
				if !found {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, r)
			}
		}
		return out
	}
	// Large lists are matched in chunks on every processor, then joined
	// in order.
	workers := runtime.GOMAXPROCS(0)
	if len(from) < 20000 || workers < 2 {
		return match(from)
	}
	parts := make([][]int, workers)
	step := (len(from) + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range parts {
		lo, hi := min(w*step, len(from)), min((w+1)*step, len(from))
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[w] = match(from[lo:hi])
		}()
	}
	wg.Wait()
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make([]int, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// matchFacets keeps the rows whose facet keys hold every selection,
// ignoring the facet skip (−1: none), which facet counts need.
func (v *View) matchFacets(from []int, skip int) []int {
	type sel struct {
		fi int
		id int
	}
	var sels []sel
	for name, key := range v.q.Facets {
		if fi := v.facetIndex(name); fi >= 0 && fi != skip {
			id, ok := v.keys[fi].id[key]
			if !ok {
				return nil // no row has the key
			}
			sels = append(sels, sel{fi, id})
		}
	}
	if len(sels) == 0 {
		return from
	}
	out := make([]int, 0, len(from)/2)
	for _, r := range from {
		ok := true
		for _, s := range sels {
			if !v.keys[s.fi].has(r, uint32(s.id)) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// sort orders every row by a column: numbers as numbers, text folded,
// unknowns last in either direction, ties in file order. The ascending
// order of a column is computed once and kept; the descending one is read
// from it, group of equal keys by group, so a second click on a header
// costs one pass over the rows.
func (v *View) sort(col int, desc bool) {
	if col < 0 {
		order := make([]int, v.t.Len())
		for i := range order {
			order[i] = i
		}
		v.order = order
		return
	}
	p := v.t.sorts().get(col, v.ascending)
	if !desc {
		v.order = p.rows
		return
	}
	out := make([]int, 0, len(p.rows))
	for g := len(p.starts) - 1; g >= 0; g-- {
		hi := p.known
		if g+1 < len(p.starts) {
			hi = p.starts[g+1]
		}
		out = append(out, p.rows[p.starts[g]:hi]...)
	}
	v.order = append(out, p.rows[p.known:]...)
}

// segment returns the k-th part of a row's filter text (parts are joined
// by NUL).
func segment(s string, k int) string {
	for ; k > 0; k-- {
		i := strings.IndexByte(s, 0)
		if i < 0 {
			return ""
		}
		s = s[i+1:]
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return s[:i]
	}
	return s
}

// sortRows sorts row numbers; a large list is sorted in halves on two
// processors, then merged.
func sortRows(rows []int, cmp func(a, b int) int) {
	if len(rows) < 20000 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(rows, cmp)
		return
	}
	mid := len(rows) / 2
	left, right := rows[:mid], rows[mid:]
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		slices.SortFunc(left, cmp)
	}()
	slices.SortFunc(right, cmp)
	wg.Wait()
	merged := make([]int, 0, len(rows))
	i, j := 0, 0
	for i < len(left) && j < len(right) {
		if cmp(left[i], right[j]) <= 0 {
			merged = append(merged, left[i])
			i++
		} else {
			merged = append(merged, right[j])
			j++
		}
	}
	merged = append(merged, left[i:]...)
	merged = append(merged, right[j:]...)
	copy(rows, merged)
}

// perm is a column's ascending order: rows with a value sorted by it (ties
// in file order), then the rows without one; starts marks where each run of
// equal values begins.
type perm struct {
	rows   []int
	starts []int
	known  int
}

// sortCache keeps each column's ascending order, made the first time a
// view of the table sorts by it and shared by every view after: the rows
// do not change under a table. Views only read the orders.
type sortCache struct {
	mu    sync.Mutex
	perms map[int]*sortEntry
}

type sortEntry struct {
	once sync.Once
	p    perm
}

// get is a column's ascending order, made by make if it is not yet; two
// views asking at once make it once.
func (c *sortCache) get(col int, make func(col int) perm) perm {
	c.mu.Lock()
	if c.perms == nil {
		c.perms = map[int]*sortEntry{}
	}
	e := c.perms[col]
	if e == nil {
		e = &sortEntry{}
		c.perms[col] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.p = make(col) })
	return e.p
}

func (v *View) ascending(col int) perm {
	n := v.t.Len()
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	var p perm
	if v.t.Columns()[col].Kind.Numeric() || v.t.Columns()[col].Kind == When {
		keys := make([]float64, n)
		known := make([]bool, n)
		parallel(n, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				keys[i], known[i] = v.t.Number(i, col)
			}
		})
		sortRows(order, func(a, b int) int {
			if known[a] != known[b] {
				if known[a] {
					return -1
				}
				return 1
			}
			if c := cmp.Compare(keys[a], keys[b]); c != 0 {
				return c
			}
			return a - b
		})
		for i, r := range order {
			if !known[r] {
				break
			}
			if i == 0 || keys[r] != keys[order[i-1]] {
				p.starts = append(p.starts, i)
			}
			p.known = i + 1
		}
	} else {
		keys := make([]string, n)
		// A list column's folded text is already in the filter's index:
		// take it from there rather than format and fold it again.
		seg := -1
		if v.ready.Load() {
			seg = slices.Index(v.cols, col)
		}
		parallel(n, func(lo, hi int) {
			fold := folder{}
			var buf []byte
			for i := lo; i < hi; i++ {
				var s string
				if seg >= 0 {
					s = segment(v.rowText(i), seg)
				} else {
					buf = fold.appendFolded(buf[:0], []byte(v.t.Display(i, col)))
					s = string(buf)
				}
				if s != Unknown {
					keys[i] = s
				}
			}
		})
		sortRows(order, func(a, b int) int {
			ka, kb := keys[a], keys[b]
			if (ka == "") != (kb == "") {
				if ka != "" {
					return -1
				}
				return 1
			}
			if c := strings.Compare(ka, kb); c != 0 {
				return c
			}
			return a - b
		})
		for i, r := range order {
			if keys[r] == "" {
				break
			}
			if i == 0 || keys[r] != keys[order[i-1]] {
				p.starts = append(p.starts, i)
			}
			p.known = i + 1
		}
	}
	p.rows = order
	return p
}

// FacetCount is one choice of a facet selector and how many rows it would
// show with the other selections and the filter text as they are.
type FacetCount struct {
	Key, Label string
	Count      int
}

// Facets lists the view's facets.
func (v *View) Facets() []Facet { return v.facets }

// FacetCounts counts, for each key of a facet, the rows that match the
// filter text and the other facets. Keys come most frequent first.
func (v *View) FacetCounts(name string) []FacetCount {
	fi := v.facetIndex(name)
	if fi < 0 {
		return nil
	}
	x := v.keys[fi]
	byID := make([]int, len(x.names))
	for _, r := range v.matchFacets(v.textRows, fi) {
		for _, k := range x.of(r) {
			byID[k]++
		}
	}
	counts := map[string]int{}
	for id, c := range byID {
		if c > 0 {
			counts[x.names[id]] = c
		}
	}
	// Keep a selected key listed even when nothing matches it now.
	if sel := v.q.Facets[name]; sel != "" {
		if _, ok := counts[sel]; !ok {
			counts[sel] = 0
		}
	}
	out := make([]FacetCount, 0, len(counts))
	for k, c := range counts {
		out = append(out, FacetCount{Key: k, Label: v.facets[fi].Label(k), Count: c})
	}
	slices.SortFunc(out, func(a, b FacetCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	})
	return out
}

// Sum adds up a numeric column over the rows shown: the total of the
// known values and how many rows had one.
func (v *View) Sum(column string) (total float64, known int) {
	col := v.t.Column(column)
	if col < 0 {
		return 0, 0
	}
	for _, r := range v.rows {
		if x, ok := v.t.Number(r, col); ok {
			total += x
			known++
		}
	}
	return total, known
}

// UnknownColumnError reports a sort or facet column a table does not have.
type UnknownColumnError struct {
	Table, Column string
	Facet         bool
}

func (e *UnknownColumnError) Error() string {
	what := "column"
	if e.Facet {
		what = "facet"
	}
	return "the " + e.Table + " table has no " + what + " " + quoteName(e.Column)
}

func quoteName(s string) string { return "\"" + s + "\"" }
