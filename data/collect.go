package data

// MaxProblems is how many problems a load keeps: the first ones found,
// and after them the first of each kind (Problem.Kind) not seen yet. The
// others are counted by kind, and one summary problem for each kind says
// how many there are ("and 998,970 more like these"), so that a file of a
// million bad rows costs no more memory than a file of a thousand.
const MaxProblems = 1000

// kindKey tells problems of one kind apart without building a string.
type kindKey struct {
	file, column string
	warning      bool
	shape        uint64
}

func keyOf(p Problem) kindKey {
	h := uint64(14695981039346656037) // FNV-1a
	shape(p.Msg, func(s string) {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
		h ^= 0xff
		h *= 1099511628211
	})
	return kindKey{file: p.File, column: p.Column, warning: p.Warning, shape: h}
}

// kindState counts the problems of one kind.
type kindState struct {
	kept        int
	last        int // the index of the last one kept
	more        int // found and not kept
	first, till int // the lines of those not kept
}

func (s *kindState) drop(from, till, n int) {
	if s.more == 0 || from > 0 && from < s.first {
		s.first = from
	}
	s.till = max(s.till, till, from)
	s.more += n
}

// collector gathers the problems of a load, keeping the first ones of
// each kind and counting the rest. Its memory is bounded however many
// problems are added.
type collector struct {
	kept  Problems
	kinds map[kindKey]*kindState
	order []kindKey // kinds in the order first seen
}

func newCollector() *collector { return &collector{kinds: map[kindKey]*kindState{}} }

func (c *collector) state(k kindKey) *kindState {
	s := c.kinds[k]
	if s == nil {
		s = &kindState{last: -1}
		c.kinds[k] = s
		c.order = append(c.order, k)
	}
	return s
}

// wants reports whether a problem of this kind would be kept, so that a
// caller can skip making its message when it would not.
func (c *collector) wants(k kindKey) bool {
	s := c.kinds[k]
	return s == nil || s.kept == 0 || len(c.kept) < MaxProblems
}

// count counts a problem of a kind that is not wanted, on a line.
func (c *collector) count(k kindKey, line int) { c.state(k).drop(line, line, 1) }

// add keeps a problem or counts it; a summary (More) adds its count.
func (c *collector) add(p Problem) { c.addAs(keyOf(p), p) }

// addAs is add for a problem whose kind is known.
func (c *collector) addAs(k kindKey, p Problem) {
	if p.More > 0 {
		c.state(k).drop(p.Line, p.Until, p.More)
		return
	}
	if !c.wants(k) {
		c.count(k, p.Line)
		return
	}
	s := c.state(k)
	s.kept++
	s.last = len(c.kept)
	c.kept = append(c.kept, p)
}

// problems lists the problems kept, each kind's summary right after the
// last problem of that kind.
func (c *collector) problems() Problems {
	after := map[int][]Problem{}
	var tail []Problem
	n := 0
	for _, k := range c.order {
		s := c.kinds[k]
		if s.more == 0 {
			continue
		}
		n++
		var sum Problem
		if s.last >= 0 {
			sum = c.kept[s.last]
		} else {
			sum = Problem{File: k.file, Column: k.column, Warning: k.warning}
		}
		sum.Line, sum.Until, sum.More = s.first, s.till, s.more
		if s.last >= 0 {
			after[s.last] = append(after[s.last], sum)
		} else {
			tail = append(tail, sum)
		}
	}
	if n == 0 {
		return c.kept
	}
	out := make(Problems, 0, len(c.kept)+n)
	for i, p := range c.kept {
		out = append(out, p)
		out = append(out, after[i]...)
	}
	return append(out, tail...)
}
