package data

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"
)

// groupIndex is each project's keys of one column, as GroupProjects counts
// them ("" where the cell is empty), as ids into names: a row's ids are
// ids[at[r]:at[r+1]]. It is made once per column of a data set, so that
// the Overview's charts count 100,000 projects without a string lookup.
type groupIndex struct {
	names []string
	rowIDs
}

// rowIDs is each row's ids, side by side: a row's ids are
// ids[at[r]:at[r+1]], or ids[r] alone when every row has one id (at is
// then nil: 400 KB less at 100,000 rows).
type rowIDs struct {
	ids []uint32
	at  []uint32
}

func newRowIDs(rows int) rowIDs {
	return rowIDs{ids: make([]uint32, 0, rows), at: make([]uint32, 1, rows+1)}
}

// endRow closes a row's ids.
func (x *rowIDs) endRow() { x.at = append(x.at, uint32(len(x.ids))) }

// done drops what the ids do not need once every row is in.
func (x *rowIDs) done() {
	one := true
	for i, a := range x.at {
		one = one && a == uint32(i)
	}
	if one {
		x.at = nil
	}
	if cap(x.ids)-len(x.ids) > len(x.ids)/8 {
		x.ids = slices.Clip(slices.Clone(x.ids))
	}
}

// of is a row's ids.
func (x *rowIDs) of(r int) []uint32 {
	if x.at == nil {
		return x.ids[r : r+1 : r+1]
	}
	return x.ids[x.at[r]:x.at[r+1]]
}

// has reports whether row r has the key of id.
func (x *rowIDs) has(r int, id uint32) bool { return slices.Contains(x.of(r), id) }

// groupCache keeps what the aggregates of a data set are worked out from.
// Each thing is made once, by the first who asks for it, while others who
// ask wait for it; different things can be made side by side (Prepare).
type groupCache struct {
	mu      sync.Mutex // guards the maps, not what is in them
	columns map[int]*once[*groupIndex]
	bases   once[[]uint8] // each project's basisIndex
	amounts once[*amounts]
	cited   map[string]*once[List] // SourcesCited of every row, by table
}

// once is a value made once.
type once[T any] struct {
	do   sync.Once
	v    T
	made atomic.Bool
}

func (o *once[T]) get(make func() T) T {
	o.do.Do(func() {
		o.v = make()
		o.made.Store(true)
	})
	return o.v
}

// column is the place of a column's group index, made on first ask.
func (c *groupCache) column(col int) *once[*groupIndex] {
	c.mu.Lock()
	defer c.mu.Unlock()
	o := c.columns[col]
	if o == nil {
		o = &once[*groupIndex]{}
		c.columns[col] = o
	}
	return o
}

// amounts is each project's amount side by side, as the aggregates read
// it: 100,000 projects are summed without reading 100,000 rows of 472
// bytes each.
type amounts struct {
	value []float64 // amount_usd_m; NaN where unknown
	part  []bool    // part_of is given
}

func (a *amounts) known(r int) bool { return !math.IsNaN(a.value[r]) }

// amounts is each project's amount, made once per data set.
func (d *Dataset) amounts() *amounts {
	return d.groups().amounts.get(func() *amounts {
		a := &amounts{value: make([]float64, len(d.Projects)), part: make([]bool, len(d.Projects))}
		for r, p := range d.Projects {
			a.value[r] = math.NaN()
			if p.AmountUSDm.Known() {
				a.value[r] = p.AmountUSDm.Value
			}
			a.part[r] = p.PartOf != ""
		}
		return a
	})
}

// groupIndex is the index of a column of projects.
func (d *Dataset) groupIndex(col int) *groupIndex {
	return d.groups().column(col).get(func() *groupIndex { return d.makeGroupIndex(col) })
}

func (d *Dataset) makeGroupIndex(col int) *groupIndex {
	f := &d.tabProjects.fields[col]
	n := len(d.Projects)
	x := &groupIndex{rowIDs: newRowIDs(n)}
	ids := map[string]uint32{}
	byNum := map[float64]uint32{} // numbers by value: not formatted per row
	add := func(key string) uint32 {
		id, ok := ids[key]
		if !ok {
			id = uint32(len(x.names))
			ids[key] = id
			x.names = append(x.names, key)
		}
		x.ids = append(x.ids, id)
		return id
	}
	for r := range d.Projects {
		p := d.Projects[r]
		if f.num != nil {
			if n := f.num(p); n.Known() {
				if id, ok := byNum[n.Value]; ok {
					x.ids = append(x.ids, id)
				} else {
					byNum[n.Value] = add(n.String())
				}
			} else {
				add("")
			}
		} else {
			forGroupKeys(f, p, func(key string) { add(key) })
		}
		x.endRow()
	}
	x.done()
	return x
}

// bases is each project's place in AmountBases (basisIndex).
func (d *Dataset) bases() []uint8 {
	return d.groups().bases.get(func() []uint8 {
		b := make([]uint8, len(d.Projects))
		for i := range d.Projects {
			b[i] = uint8(basisIndex(d.Projects[i].AmountBasis))
		}
		return b
	})
}

func newGroupCache() *groupCache {
	return &groupCache{columns: map[int]*once[*groupIndex]{}, cited: map[string]*once[List]{}}
}

// groups is the data set's cache; buildTables makes a new one, so that a
// copy of a data set given other rows does not use the old rows' index.
func (d *Dataset) groups() *groupCache {
	if d.cache == nil {
		return newGroupCache() // kept nowhere: a data set put together by hand
	}
	return d.cache
}

// Warm makes ahead what the lists' facets are counted from, and what
// Prepare makes, so that the first time a tab is shown it does not wait
// for them: a window calls it in the background once a large data set is
// shown. What is made is kept with the data set and shared; an index not
// made here is made when first asked for.
func (d *Dataset) Warm(groupBy ...string) {
	for _, t := range d.tables {
		for _, f := range t.Facets() {
			f.index(t.Len())
		}
	}
	d.Prepare(groupBy...)
}

// Prepare makes, side by side on the machine's processors, what the
// Overview counts from: the sources the projects cite, each project's
// amount and basis, and the group indexes of the columns of projects
// named. A folder being opened calls it off the main thread once read, so
// that its first tab is shown from it. Like Warm, what is made is kept.
func (d *Dataset) Prepare(groupBy ...string) {
	var wg sync.WaitGroup
	wg.Go(func() { d.SourcesCited("projects", nil) })
	wg.Go(func() {
		d.bases()
		d.amounts()
	})
	for _, name := range groupBy {
		if col := d.tabProjects.Column(name); col >= 0 {
			wg.Go(func() { d.groupIndex(col) })
		}
	}
	wg.Wait()
}

// GroupedColumns names the columns of projects whose group index has been
// made, in schema order.
func (d *Dataset) GroupedColumns() []string {
	c := d.groups()
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for col, f := range d.tabProjects.fields {
		if o := c.columns[col]; o != nil && o.made.Load() {
			out = append(out, f.Name)
		}
	}
	return out
}
