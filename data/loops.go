package data

import (
	"strconv"
	"strings"
)

// partLoops finds the loops that part_of makes, in one pass over the
// projects however long their chains, and returns a function that
// describes the loop a project is on, from it round to it
// ("a → b → a"), or "" for a project on no loop. A project part of
// itself is not a loop here: it is reported on its own.
func (d *Dataset) partLoops() func(i int) string {
	n := len(d.Projects)
	next := func(r int) int {
		p := d.Projects[r]
		if p.PartOf == "" || p.PartOf == p.ID {
			return -1
		}
		j, ok := d.projectByID[p.PartOf]
		if !ok {
			return -1
		}
		return j
	}
	var loopOf []int32 // the loop of each project, or −1
	var loops [][]int
	state := make([]uint8, n) // 0 not seen, 1 on the path walked, 2 done
	at := make([]int32, n)    // the position on the path walked
	var path []int
	for s := 0; s < n; s++ {
		if state[s] != 0 || d.Projects[s].PartOf == "" {
			continue
		}
		path = path[:0]
		r := s
		for r >= 0 && state[r] == 0 {
			state[r] = 1
			at[r] = int32(len(path))
			path = append(path, r)
			r = next(r)
		}
		if r >= 0 && state[r] == 1 {
			if loopOf == nil {
				loopOf = make([]int32, n)
				for i := range loopOf {
					loopOf[i] = -1
				}
			}
			loop := append([]int(nil), path[at[r]:]...)
			for _, x := range loop {
				loopOf[x] = int32(len(loops))
			}
			loops = append(loops, loop)
		}
		for _, x := range path {
			state[x] = 2
		}
	}
	return func(i int) string {
		if loopOf == nil || loopOf[i] < 0 {
			return ""
		}
		return d.describeLoop(loops[loopOf[i]], i)
	}
}

// describeLoop names the projects of a loop from project i round to it;
// a long loop is shortened in the middle.
func (d *Dataset) describeLoop(loop []int, i int) string {
	k := 0
	for loop[k] != i {
		k++
	}
	id := func(j int) string { return d.Projects[loop[(k+j)%len(loop)]].ID }
	const shown = 8
	var b strings.Builder
	if len(loop) <= shown {
		for j := 0; j <= len(loop); j++ {
			if j > 0 {
				b.WriteString(" → ")
			}
			b.WriteString(id(j))
		}
		return b.String()
	}
	for j := 0; j < shown-2; j++ {
		b.WriteString(id(j))
		b.WriteString(" → ")
	}
	b.WriteString("… → ")
	b.WriteString(id(len(loop) - 1))
	b.WriteString(" → ")
	b.WriteString(id(0))
	b.WriteString(" (" + strconv.Itoa(len(loop)) + " projects)")
	return b.String()
}
