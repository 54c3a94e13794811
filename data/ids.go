package data

import (
	"fmt"
	"strings"
	"unicode"
)

// idTrimmer is every table: see trimIDs.
type idTrimmer interface{ trimIDs(add func(Problem)) }

// trimIDs takes the spaces from around ids before they are indexed, so
// that references to "mining" find the row whose id was typed "mining ",
// and reports each such id where it is, not where it is referred to.
func (t *table[R]) trimIDs(add func(Problem)) {
	for fi := range t.fields {
		f := &t.fields[fi]
		if f.Kind != ID || f.str == nil {
			continue
		}
		for i := range t.rows.len() {
			s := f.str(t.row(i))
			trimmed := strings.TrimSpace(*s)
			if trimmed == *s || trimmed == "" {
				continue
			}
			where := "at the end"
			switch {
			case strings.HasSuffix(*s, trimmed):
				where = "at the start"
			case !strings.HasPrefix(*s, trimmed):
				where = "at both ends"
			}
			add(Problem{File: t.File(), Line: t.Line(i), Column: f.Name, Msg: fmt.Sprintf("%s has a space %s; read as %s", quote(*s), where, quote(trimmed)), Expected: "an id without spaces", Warning: true})
			*s = trimmed
		}
	}
}

// unreadID reports whether id is the id of a row of target that was not
// read because its cells were not where the header says: that row is
// reported, and references to it are not.
func (d *Dataset) unreadID(target, id string) bool {
	switch target {
	case "sources":
		return d.tabSources.unread[id]
	case "minerals":
		return d.tabMinerals.unread[id]
	case "sectors":
		return d.tabSectors.unread[id]
	case "projects":
		return d.tabProjects.unread[id]
	case "any":
		return d.tabMinerals.unread[id] || d.tabSectors.unread[id] || d.tabProjects.unread[id]
	}
	return false
}

// unreadRow is a row known to be bad before it is decoded: its required
// cells in empty (a bit for each column, in schema order). It is not
// decoded, so that a file of empty rows costs no row structs; its empty
// cells are reported in line order with the other rows' problems.
type unreadRow struct {
	line  int
	empty uint64
}

// unreadProblems reports the empty cells of the rows not read.
func unreadProblems[R any](t *table[R], c *collector) {
	for _, u := range t.unreadRows {
		for ci, col := range t.columns {
			if u.empty&(1<<ci) == 0 {
				continue
			}
			p := Problem{File: t.File(), Line: u.line, Column: col.Name, Msg: "the cell is empty"}
			k := keyOf(p)
			if !c.wants(k) {
				c.count(k, u.line)
				continue
			}
			p.Expected = emptyExpectation(col)
			c.addAs(k, p)
		}
	}
}

// blankCell reports whether a cell of a field holds nothing, as the
// decoded cell would be empty: spaces, or for a list only separators.
func blankCell[R any](f *field[R], cell string) bool {
	if f.list == nil {
		return strings.TrimSpace(cell) == ""
	}
	return strings.TrimFunc(cell, func(r rune) bool { return r == ';' || unicode.IsSpace(r) }) == ""
}
