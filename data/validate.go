package data

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// check runs every rule that needs the whole data set: cell types and
// ranges, vocabularies, duplicate ids, references between files, and the
// rules that tie columns of one row together.
func (d *Dataset) check(failed map[string]bool, add func(Problem)) {
	resolve := func(target, id string) bool {
		if failed[target] || target == "any" && (failed["minerals"] || failed["sectors"] || failed["projects"]) {
			return true // the target file is already reported
		}
		if d.unreadID(target, id) {
			return true // the row is already reported
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
		case "projects":
			_, ok := d.projectByID[id]
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
		if m.Production.Known() && strings.TrimSpace(m.ProductionScope) == "" {
			add(Problem{File: MineralsFile, Line: line, Column: "production_scope", Msg: "the production figure does not say whose output it is", Expected: "country, or the company, e.g. NMMC (company)", Warning: true})
		}
		if m.WorldRank.Known() && strings.TrimSpace(m.WorldRankScope) == "" {
			add(Problem{File: MineralsFile, Line: line, Column: "world_rank_scope", Msg: "the world rank does not say whose rank it is", Expected: "country, or the company, e.g. NMMC (company)", Warning: true})
		}
	}
	d.checkProjects(add)
	for i := range d.Deposits {
		if p := &d.Deposits[i]; p.Latitude.Known() != p.Longitude.Known() {
			add(Problem{File: DepositsFile, Line: d.tabDeposits.Line(i), Column: "longitude", Msg: "only one of latitude and longitude is given", Expected: "both or neither"})
		}
	}
	for i := range d.Indicators {
		in := &d.Indicators[i]
		line := d.tabIndicators.Line(i)
		if in.Value.Known() && in.Unit == "" {
			add(Problem{File: IndicatorsFile, Line: line, Column: "unit", Msg: "the value has no unit", Expected: "a unit such as USD m or companies"})
		}
		if in.PeriodStart.Known() && in.PeriodEnd.Known() && in.PeriodEnd.Value < in.PeriodStart.Value {
			add(Problem{File: IndicatorsFile, Line: line, Column: "period_end", Msg: fmt.Sprintf("%d is before the period start %d", in.PeriodEnd.Int(), in.PeriodStart.Int()), Expected: "a last year on or after the first"})
		}
		if in.Year.Known() && in.IsPeriod() {
			add(Problem{File: IndicatorsFile, Line: line, Column: "year", Msg: "both a year and a period are given", Expected: "year for a figure of one year or date, or period_start and period_end for a figure over several years, not both"})
		}
	}
	for i := range d.Sources {
		s := &d.Sources[i]
		if strings.TrimSpace(s.URL) == "" && !strings.Contains(Fold(s.Notes), "offline") && !strings.Contains(Fold(s.Notes), "print") {
			add(Problem{File: SourcesFile, Line: d.tabSources.Line(i), Column: "url", Msg: "the source has no address", Expected: "the address it was read at, or notes saying it is a print or offline source", Warning: true})
		}
	}
	d.checkProduction(failed, resolve, add)
}

// today is the date the future is counted from; a variable for tests.
var today = func() Date {
	y, m, d := time.Now().Date()
	return Date{Year: y, Month: int(m), Day: d}
}

// basisExpectation lists the bases with what each measures.
func basisExpectation() string {
	return "one of " + strings.Join(AmountBases, ", ") + ": what the amount measures"
}

// checkProjects ties the columns of a project together: an amount has a
// basis, a whole-project cost sits beside a Korean part, part_of points at
// another project without a loop, and the status is dated sensibly.
func (d *Dataset) checkProjects(add func(Problem)) {
	t := d.tabProjects
	hasBasis := t.present == nil || t.present["amount_basis"]
	now := today()
	loops := d.partLoops()
	for i := range d.Projects {
		p := d.Projects[i]
		line := t.Line(i)
		bad := func(col, msg, expected string) {
			add(Problem{File: ProjectsFile, Line: line, Column: col, Msg: msg, Expected: expected})
		}
		if p.Latitude.Known() != p.Longitude.Known() {
			bad("longitude", "only one of latitude and longitude is given", "both or neither")
		}
		if p.StartYear.Known() && p.EndYear.Known() && p.EndYear.Value < p.StartYear.Value {
			bad("end_year", fmt.Sprintf("%d is before the start year %d", p.EndYear.Int(), p.StartYear.Int()), "an end year on or after the start year")
		}
		if p.AmountUSDm.Known() && p.AmountBasis == "" && hasBasis {
			bad("amount_basis", fmt.Sprintf("the amount %s has no basis", p.AmountUSDm.String()), basisExpectation())
		}
		if p.TotalCostUSDm.Known() {
			switch {
			case p.AmountBasis == BasisTotalCost:
				bad("total_cost_usd_m", "the amount is already a whole-project cost", "total_cost_usd_m only when the amount is the Korean part of the cost; here leave it empty")
			case p.AmountUSDm.Known() && p.TotalCostUSDm.Value < p.AmountUSDm.Value:
				bad("total_cost_usd_m", fmt.Sprintf("the whole-project cost %s is less than the amount %s", p.TotalCostUSDm.String(), p.AmountUSDm.String()), "a whole-project cost at least as large as the Korean part in amount_usd_m")
			}
		}
		if p.PartOf != "" {
			if p.PartOf == p.ID {
				bad("part_of", fmt.Sprintf("%s is part of itself", quote(p.ID)), "the id of another, larger project")
			} else if loop := loops(i); loop != "" {
				bad("part_of", "the projects are parts of each other: "+loop, "part_of pointing to a larger project that is not, in turn, part of this one")
			} else if j, ok := d.projectByID[p.PartOf]; ok {
				q := d.Projects[j]
				if p.AmountUSDm.Known() && q.AmountUSDm.Known() && p.AmountUSDm.Value > q.AmountUSDm.Value {
					add(Problem{File: ProjectsFile, Line: line, Column: "part_of", Msg: fmt.Sprintf("the amount %s is larger than the %s of %s, which is to include it", p.AmountUSDm.String(), q.AmountUSDm.String(), quote(q.ID)), Expected: "a part no larger than the whole; check part_of and both amounts", Warning: true})
				}
			}
		}
		if as := p.StatusAsOf; as.Known() {
			switch {
			case p.StartYear.Known() && as.Year < p.StartYear.Int():
				add(Problem{File: ProjectsFile, Line: line, Column: "status_as_of", Msg: fmt.Sprintf("the status is dated %s, before the start year %d", as.String(), p.StartYear.Int()), Expected: "the date of a source that confirms the status, on or after the start", Warning: true})
			case now.Before(as):
				add(Problem{File: ProjectsFile, Line: line, Column: "status_as_of", Msg: fmt.Sprintf("the status is dated %s, in the future", as.String()), Expected: "the date of a source already published", Warning: true})
			}
		}
	}
}

func needsUnit(add func(Problem), file string, line int, col string, n Number, unit string) {
	if n.Known() && strings.TrimSpace(unit) == "" {
		add(Problem{File: file, Line: line, Column: col + "_unit", Msg: "the " + col + " figure has no unit", Expected: "a unit such as t, kt or tU"})
	}
}

// reporter reports the problems of one cell; checkTable moves it from
// cell to cell instead of making a closure for each.
type reporter struct {
	c     *collector
	flush func(line int) // reports what comes before the line first
	file  string
	line  int
	col   string
	keys  map[[2]string]kindKey // the kind of each check's problems, by check and column
}

// badf reports a problem whose message is made only if it is kept: once
// the problems of a check's kind are no longer kept (MaxProblems),
// they are counted without making their messages, so that a file of a
// million bad cells costs no more than its first thousand.
func (r *reporter) badf(check string, made func() (msg, expected string)) {
	r.flush(r.line)
	at := [2]string{check, r.col}
	k, known := r.keys[at]
	if known && !r.c.wants(k) {
		r.c.count(k, r.line)
		return
	}
	msg, expected := made()
	p := Problem{File: r.file, Line: r.line, Column: r.col, Msg: msg, Expected: expected}
	if !known {
		k = keyOf(p)
		r.keys[at] = k
	}
	r.c.addAs(k, p)
}

// checkTable applies each column's own rules to every row. Large files
// are checked in chunks on every processor; the problems come back in line
// order all the same.
func checkTable[R any](t *table[R], resolve func(target, id string) bool, add func(Problem)) {
	n := t.rows.len()
	// The table's problems gather here, the first of each kind kept and
	// the rest counted, before they are handed on in line order.
	c := newCollector()
	defer func() {
		for _, p := range c.problems() {
			add(p)
		}
	}()
	// Duplicate ids need the rows in order: the first one is not a
	// duplicate. They, and the rows not read, are reported in line order
	// with the rows' own problems.
	extra := newCollector()
	duplicateIDs(t, extra.add)
	unreadProblems(t, extra)
	pending := extra.problems()
	slices.SortStableFunc(pending, func(a, b Problem) int { return a.Line - b.Line })
	flush := func(line int) {
		for len(pending) > 0 && pending[0].Line < line {
			c.add(pending[0])
			pending = pending[1:]
		}
	}
	defer flush(math.MaxInt)

	workers := 1
	if n >= 20000 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	if workers == 1 {
		rep := &reporter{c: c, flush: flush, file: t.File(), keys: map[[2]string]kindKey{}}
		for i := 0; i < n; i++ {
			checkRow(t, i, rep, resolve)
		}
		return
	}
	// Each worker keeps the first problems of each kind and counts the
	// rest, so that a million bad rows are not a million messages.
	found := make([]*collector, workers)
	step := (n + workers - 1) / workers
	var wg sync.WaitGroup
	for w := range found {
		lo, hi := min(w*step, n), min((w+1)*step, n)
		found[w] = newCollector()
		wg.Add(1)
		go func() {
			defer wg.Done()
			rep := &reporter{c: found[w], flush: func(int) {}, file: t.File(), keys: map[[2]string]kindKey{}}
			for i := lo; i < hi; i++ {
				checkRow(t, i, rep, resolve)
			}
		}()
	}
	wg.Wait()
	for _, f := range found {
		for _, p := range f.problems() {
			flush(p.Line)
			c.add(p)
		}
	}
}

// checkRow checks the cells of one row.
func checkRow[R any](t *table[R], i int, rep *reporter, resolve func(target, id string) bool) {
	r := t.row(i)
	rep.line = t.Line(i)
	for fi := range t.fields {
		f := &t.fields[fi]
		rep.col = f.Name
		if f.NotEmpty && f.empty(r) {
			rep.badf("empty", func() (string, string) { return "the cell is empty", emptyExpectation(f.Column) })
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
				rep.badf("ref", func() (string, string) {
					return fmt.Sprintf("%s is not an id in %s.csv", quote(*s), f.Target), "the id of a row of " + f.Target + ".csv"
				})
			}
		case f.num != nil:
			checkNumber(f.Column, *f.num(r), rep)
		case f.list != nil:
			for _, v := range *f.list(r) {
				switch f.Kind {
				case Refs:
					if !resolve(f.Target, v) {
						rep.badf("refs", func() (string, string) {
							where := f.Target + ".csv"
							if f.Target == "any" {
								where = "minerals.csv, sectors.csv or projects.csv"
							}
							return fmt.Sprintf("%s is not an id in %s", quote(v), where), "ids of rows of " + where + ", separated by ;"
						})
					}
				case Regions:
					if _, ok := RegionNames[v]; !ok {
						rep.badf("region", func() (string, string) {
							return fmt.Sprintf("%s is not a region code", quote(v)), "ISO 3166-2 codes of Uzbekistan such as UZ-TO or UZ-TK"
						})
					}
				}
			}
		case f.flag != nil:
			if fl := f.flag(r); fl.Bad != "" {
				rep.badf("yes-no", func() (string, string) { return fmt.Sprintf("%s is not yes or no", quote(fl.Bad)), "yes or no" })
			}
		case f.date != nil:
			if dt := f.date(r); dt.Bad != "" {
				rep.badf("date", func() (string, string) {
					return fmt.Sprintf("%s is not a date", quote(dt.Bad)), "a date written 2024-06-14, 2024-06 or 2024"
				})
			}
		}
	}
}

// duplicateIDs reports each id used again after its first row.
func duplicateIDs[R any](t *table[R], add func(Problem)) {
	for fi := range t.fields {
		f := &t.fields[fi]
		if f.Kind != ID || f.str == nil {
			continue
		}
		firstLine := make(map[string]int, t.rows.len())
		for i := range t.rows.len() {
			id := strings.TrimSpace(*f.str(t.row(i)))
			if id == "" {
				continue
			}
			if prev, dup := firstLine[id]; dup {
				add(Problem{File: t.File(), Line: t.Line(i), Column: f.Name, Msg: fmt.Sprintf("%s is used again (first on line %d)", quote(id), prev), Expected: "a unique id"})
			} else {
				firstLine[id] = t.Line(i)
			}
		}
	}
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
			rep.badf("slug", func() (string, string) {
				return fmt.Sprintf("%s is not a lowercase id", quote(s)), "letters a-z, digits and single hyphens, such as edcf-pharma-park"
			})
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
		rep.badf("vocab", func() (string, string) {
			return fmt.Sprintf("%s is not a known %s", quote(s), c.Name), "one of " + strings.Join(c.Vocab, ", ")
		})
	case Link:
		if s != "" && !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
			rep.badf("link", func() (string, string) {
				return fmt.Sprintf("%s is not a web address", quote(s)), "an address starting with https:// or http://"
			})
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
	if n.Bad() != "" {
		rep.badf("number", func() (string, string) {
			expected := "a number such as 12.5"
			switch {
			case c.Kind == Year:
				expected = "a year such as 2024"
			case strings.Count(n.Bad(), ",") == 1 && !strings.Contains(n.Bad(), "."):
				if _, err := strconv.ParseFloat(strings.Replace(n.Bad(), ",", ".", 1), 64); err == nil {
					expected = "a number with a decimal point, such as " + strings.Replace(n.Bad(), ",", ".", 1) + "; no thousands separators"
				}
			case strings.ContainsAny(n.Bad(), "$€£%"):
				expected = "a plain number without currency or unit signs"
			}
			return fmt.Sprintf("%s is not a number", quote(n.Bad())), expected
		})
		return
	}
	if !n.Known() {
		return
	}
	v := n.Value
	whole := v == math.Trunc(v)
	switch c.Kind {
	case Year:
		if !whole || v < 1900 || v > 2100 {
			rep.badf("year", func() (string, string) {
				return fmt.Sprintf("%s is not a year", n.String()), "a year from 1900 to 2100"
			})
		}
	case Rank:
		if !whole || v < 1 {
			rep.badf("rank", func() (string, string) { return fmt.Sprintf("%s is not a rank", n.String()), "a whole number from 1" })
		}
	case Percent:
		if v < 0 || v > 100 {
			rep.badf("percentage", func() (string, string) {
				return fmt.Sprintf("%s is not a percentage", n.String()), "a number from 0 to 100"
			})
		}
	case Money:
		if v < 0 {
			rep.badf("negative", func() (string, string) {
				return fmt.Sprintf("%s is negative", n.String()), "an amount of 0 or more, in US$ millions"
			})
		}
	case Latitude:
		if v < -90 || v > 90 {
			rep.badf("latitude", func() (string, string) {
				return fmt.Sprintf("%s is not a latitude", n.String()), "decimal degrees from -90 to 90"
			})
		}
	case Longitude:
		if v < -180 || v > 180 {
			rep.badf("longitude", func() (string, string) {
				return fmt.Sprintf("%s is not a longitude", n.String()), "decimal degrees from -180 to 180"
			})
		}
	}
}
