package data

import (
	"math"
	"slices"
	"sync"
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
type groupCache struct {
	mu      sync.Mutex
	columns map[int]*groupIndex
	bases   []uint8 // each project's basisIndex
	amounts *amounts
	cited   map[string]List // SourcesCited of every row, by table
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
	c := d.groups()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.amounts == nil {
		a := &amounts{value: make([]float64, len(d.Projects)), part: make([]bool, len(d.Projects))}
		for r, p := range d.Projects {
			a.value[r] = math.NaN()
			if p.AmountUSDm.Known() {
				a.value[r] = p.AmountUSDm.Value
			}
			a.part[r] = p.PartOf != ""
		}
		c.amounts = a
	}
	return c.amounts
}

// groupIndex is the index of a column of projects.
func (d *Dataset) groupIndex(col int) *groupIndex {
	c := d.groups()
	c.mu.Lock()
	defer c.mu.Unlock()
	if x := c.columns[col]; x != nil {
		return x
	}
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
	c.columns[col] = x
	return x
}

// bases is each project's place in AmountBases (basisIndex).
func (d *Dataset) bases() []uint8 {
	c := d.groups()
	c.mu.Lock()
	if c.bases == nil {
		c.bases = make([]uint8, len(d.Projects))
		for i := range d.Projects {
			c.bases[i] = uint8(basisIndex(d.Projects[i].AmountBasis))
		}
	}
	b := c.bases
	c.mu.Unlock()
	return b
}

func newGroupCache() *groupCache { return &groupCache{columns: map[int]*groupIndex{}} }

// groups is the data set's cache; buildTables makes a new one, so that a
// copy of a data set given other rows does not use the old rows' index.
func (d *Dataset) groups() *groupCache {
	if d.cache == nil {
		return newGroupCache() // kept nowhere: a data set put together by hand
	}
	return d.cache
}

// Warm makes ahead what the lists' facets and the aggregates are counted
// from, and the group indexes of the columns of projects named, so that
// the first time a tab is shown it does not wait for them: a window calls
// it in the background once a large data set is loaded. What is made is
// kept with the data set and shared; an index not made here is made when
// first asked for.
func (d *Dataset) Warm(groupBy ...string) {
	for _, t := range d.tables {
		for _, f := range t.Facets() {
			f.index(t.Len())
		}
	}
	for _, name := range groupBy {
		if col := d.tabProjects.Column(name); col >= 0 {
			d.groupIndex(col)
		}
	}
	d.bases()
	d.amounts()
}

// GroupedColumns names the columns of projects whose group index has been
// made, in schema order.
func (d *Dataset) GroupedColumns() []string {
	c := d.groups()
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for col, f := range d.tabProjects.fields {
		if c.columns[col] != nil {
			out = append(out, f.Name)
		}
	}
	return out
}
