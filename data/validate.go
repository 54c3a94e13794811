package data

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// check runs every rule that needs the whole data set: cell types and
// ranges, vocabularies, duplicate ids, references between files, and the
// rules that tie columns of one row together.
func (d *Dataset) check(failed map[string]bool, add func(Problem)) {
	resolve := func(target, id string) bool {
		if failed[target] || target == "any" && (failed["minerals"] || failed["sectors"] || failed["projects"]) {
			return true // the target file is already reported
		}
		switch target {
		case "sources":
			_, ok := d.sourceByID[id]
			return ok
		case "minerals":
			_, ok := d.mineralByID[id]
			return ok
		case "sectors":
			_, ok := d.sectorByID[id]
			return ok
		default:
			_, _, ok := d.RowOf(id)
			return ok
		}
	}
	checkTable(d.tabMinerals, resolve, add)
	checkTable(d.tabSectors, resolve, add)
	checkTable(d.tabProjects, resolve, add)
	checkTable(d.tabIndicators, resolve, add)
	checkTable(d.tabMilestones, resolve, add)
	checkTable(d.tabSources, resolve, add)
	checkTable(d.tabDeposits, resolve, add)

	// Milestones point at minerals, sectors and projects by id alone, so an
	// id must name one row across the three files.
	owner := map[string]string{}
	for _, t := range []Table{d.tabMinerals, d.tabSectors, d.tabProjects} {
		for i := 0; i < t.Len(); i++ {
			id := t.ID(i)
			if id == "" {
				continue
			}
			if prev, dup := owner[id]; dup && prev != t.File() {
				add(Problem{File: t.File(), Line: t.Line(i), Column: "id", Msg: fmt.Sprintf("%s is also an id in %s", quote(id), prev), Expected: "ids unique across minerals.csv, sectors.csv and projects.csv"})
				continue
			}
			owner[id] = t.File()
		}
	}

	for i := range d.Minerals {
		m := &d.Minerals[i]
		line := d.tabMinerals.Line(i)
		if m.KoreaStrategic.Value && m.KoreaCritical.Known && !m.KoreaCritical.Value {
			add(Problem{File: MineralsFile, Line: line, Column: "korea_strategic", Msg: "the mineral is strategic but not critical", Expected: "korea_critical yes: the 10 strategic minerals are among the 33 critical ones"})
		}
		needsUnit(add, MineralsFile, line, "production", m.Production, m.ProductionUnit)
		needsUnit(add, MineralsFile, line, "reserves", m.Reserves, m.ReservesUnit)
	}
	for i := range d.Projects {
		p := &d.Projects[i]
		line := d.tabProjects.Line(i)
		if p.Latitude.Known != p.Longitude.Known {
			add(Problem{File: ProjectsFile, Line: line, Column: "longitude", Msg: "only one of latitude and longitude is given", Expected: "both or neither"})
		}
		if p.StartYear.Known && p.EndYear.Known && p.EndYear.Value < p.StartYear.Value {
			add(Problem{File: ProjectsFile, Line: line, Column: "end_year", Msg: fmt.Sprintf("%d is before the start year %d", p.EndYear.Int(), p.StartYear.Int()), Expected: "an end year on or after the start year"})
		}
	}
	for i := range d.Deposits {
		if p := &d.Deposits[i]; p.Latitude.Known != p.Longitude.Known {
			add(Problem{File: DepositsFile, Line: d.tabDeposits.Line(i), Column: "longitude", Msg: "only one of latitude and longitude is given", Expected: "both or neither"})
		}
	}
	for i := range d.Indicators {
		in := &d.Indicators[i]
		if in.Value.Known && in.Unit == "" {
			add(Problem{File: IndicatorsFile, Line: d.tabIndicators.Line(i), Column: "unit", Msg: "the value has no unit", Expected: "a unit such as USD m or companies"})
		}
	}
}

func needsUnit(add func(Problem), file string, line int, col string, n Number, unit string) {
	if n.Known && strings.TrimSpace(unit) == "" {
		add(Problem{File: file, Line: line, Column: col + "_unit", Msg: "the " + col + " figure has no unit", Expected: "a unit such as t, kt or tU"})
	}
}

// reporter reports the problems of one cell; checkTable moves it from
// cell to cell instead of making a closure for each.
type reporter struct {
	add  func(Problem)
	file string
	line int
	col  string
}

func (r *reporter) bad(msg, expected string) {
	r.add(Problem{File: r.file, Line: r.line, Column: r.col, Msg: msg, Expected: expected})
}

// checkTable applies each column's own rules to every row. Large files
// are checked in chunks on every processor; the problems come back in line
// order all the same.
func checkTable[R any](t *table[R], resolve func(target, id string) bool, add func(Problem)) {
	n := len(*t.rows)
	workers := 1
	if n >= 20000 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	found := make([][]Problem, workers)
	step := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range found {
		lo, hi := min(w*step, n), min((w+1)*step, n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep := &reporter{add: func(p Problem) { found[w] = append(found[w], p) }, file: t.File()}
			for i := lo; i < hi; i++ {
				checkRow(t, i, rep, resolve)
			}
		}()
	}
	wg.Wait()
	var all []Problem
	for _, f := range found {
		all = append(all, f...)
	}
	// Duplicate ids need the rows in order: the first one is not a duplicate.
	dups := duplicateIDs(t)
	if len(dups) > 0 {
		all = append(all, dups...)
		slices.SortStableFunc(all, func(a, b Problem) int { return a.Line - b.Line })
	}
	for _, p := range all {
		add(p)
	}
}

// checkRow checks the cells of one row.
func checkRow[R any](t *table[R], i int, rep *reporter, resolve func(target, id string) bool) {
	if t.skip[i] {
		return
	}
	r := t.row(i)
	rep.line = t.Line(i)
	for fi := range t.fields {
		f := &t.fields[fi]
		rep.col = f.Name
		if f.NotEmpty && f.empty(r) {
			rep.bad("the cell is empty", emptyExpectation(f.Column))
			continue
		}
		switch {
		case f.str != nil:
			s := f.str(r)
			*s = strings.TrimSpace(*s)
			if *s == "" {
				continue
			}
			checkText(f.Column, *s, rep)
			if f.Kind == Ref && !resolve(f.Target, *s) {
				rep.bad(fmt.Sprintf("%s is not an id in %s.csv", quote(*s), f.Target), "the id of a row of "+f.Target+".csv")
			}
		case f.num != nil:
			checkNumber(f.Column, *f.num(r), rep)
		case f.list != nil:
			for _, v := range *f.list(r) {
				switch f.Kind {
				case Refs:
					if !resolve(f.Target, v) {
						where := f.Target + ".csv"
						if f.Target == "any" {
							where = "minerals.csv, sectors.csv or projects.csv"
						}
						rep.bad(fmt.Sprintf("%s is not an id in %s", quote(v), where), "ids of rows of "+where+", separated by ;")
					}
				case Regions:
					if _, ok := RegionNames[v]; !ok {
						rep.bad(fmt.Sprintf("%s is not a region code", quote(v)), "ISO 3166-2 codes of Uzbekistan such as UZ-TO or UZ-TK")
					}
				}
			}
		case f.flag != nil:
			if fl := f.flag(r); fl.Bad != "" {
				rep.bad(fmt.Sprintf("%s is not yes or no", quote(fl.Bad)), "yes or no")
			}
		case f.date != nil:
			if dt := f.date(r); dt.Bad != "" {
				rep.bad(fmt.Sprintf("%s is not a date", quote(dt.Bad)), "a date written 2024-06-14, 2024-06 or 2024")
			}
		}
	}
}

// duplicateIDs reports each id used again after its first row.
func duplicateIDs[R any](t *table[R]) []Problem {
	var out []Problem
	for fi := range t.fields {
		f := &t.fields[fi]
		if f.Kind != ID || f.str == nil {
			continue
		}
		firstLine := make(map[string]int, len(*t.rows))
		for i := range *t.rows {
			if t.skip[i] {
				continue
			}
			id := strings.TrimSpace(*f.str(t.row(i)))
			if id == "" {
				continue
			}
			if prev, dup := firstLine[id]; dup {
				out = append(out, Problem{File: t.File(), Line: t.Line(i), Column: f.Name, Msg: fmt.Sprintf("%s is used again (first on line %d)", quote(id), prev), Expected: "a unique id"})
			} else {
				firstLine[id] = t.Line(i)
			}
		}
	}
	return out
}

func emptyExpectation(c Column) string {
	switch c.Kind {
	case ID:
		return "a unique lowercase id such as gold"
	case Refs:
		if c.Name == "sources" {
			return "at least one source id from sources.csv"
		}
		return "at least one id"
	case Vocab:
		return "one of " + strings.Join(c.Vocab, ", ")
	}
	return c.Doc
}

func checkText(c Column, s string, rep *reporter) {
	switch c.Kind {
	case ID:
		if s != "" && !isSlug(s) {
			rep.bad(fmt.Sprintf("%s is not a lowercase id", quote(s)), "letters a-z, digits and single hyphens, such as edcf-pharma-park")
		}
	case Vocab:
		if s == "" {
			return
		}
		for _, v := range c.Vocab {
			if s == v {
				return
			}
		}
		rep.bad(fmt.Sprintf("%s is not a known %s", quote(s), c.Name), "one of "+strings.Join(c.Vocab, ", "))
	case Link:
		if s != "" && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
			rep.bad(fmt.Sprintf("%s is not a web address", quote(s)), "an address starting with https:// or http://")
		}
	}
}

func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func checkNumber(c Column, n Number, rep *reporter) {
	if n.Bad != "" {
		expected := "a number such as 12.5"
		switch {
		case c.Kind == Year:
			expected = "a year such as 2024"
		case strings.Count(n.Bad, ",") == 1 && !strings.Contains(n.Bad, "."):
			if _, err := strconv.ParseFloat(strings.Replace(n.Bad, ",", ".", 1), 64); err == nil {
				expected = "a number with a decimal point, such as " + strings.Replace(n.Bad, ",", ".", 1) + "; no thousands separators"
			}
		case strings.ContainsAny(n.Bad, "$€£%"):
			expected = "a plain number without currency or unit signs"
		}
		rep.bad(fmt.Sprintf("%s is not a number", quote(n.Bad)), expected)
		return
	}
	if !n.Known {
		return
	}
	v := n.Value
	whole := v == math.Trunc(v)
	switch c.Kind {
	case Year:
		if !whole || v < 1900 || v > 2100 {
			rep.bad(fmt.Sprintf("%s is not a year", n.String()), "a year from 1900 to 2100")
		}
	case Rank:
		if !whole || v < 1 {
			rep.bad(fmt.Sprintf("%s is not a rank", n.String()), "a whole number from 1")
		}
	case Percent:
		if v < 0 || v > 100 {
			rep.bad(fmt.Sprintf("%s is not a percentage", n.String()), "a number from 0 to 100")
		}
	case Money:
		if v < 0 {
			rep.bad(fmt.Sprintf("%s is negative", n.String()), "an amount of 0 or more, in US$ millions")
		}
	case Latitude:
		if v < -90 || v > 90 {
			rep.bad(fmt.Sprintf("%s is not a latitude", n.String()), "decimal degrees from -90 to 90")
		}
	case Longitude:
		if v < -180 || v > 180 {
			rep.bad(fmt.Sprintf("%s is not a longitude", n.String()), "decimal degrees from -180 to 180")
		}
	}
}
