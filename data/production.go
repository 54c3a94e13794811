package data

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
)

// production.csv: a mineral's output year by year, of the whole country
// or of one company, each figure as a source gives it. Where sources
// differ for the same year, each figure is a row of its own; the first in
// the file is the main figure that series, trends and ranks use.

// Units are the units a production figure may be given in, smallest first
// within each kind; unitDocs says what each is.
var Units = []string{"kg", "t", "kt", "Mt", "tU", "koz", "Moz"}

var unitDocs = map[string]string{
	"kg":  "kilograms",
	"t":   "metric tons",
	"kt":  "thousand metric tons",
	"Mt":  "million metric tons",
	"tU":  "metric tons of uranium (uranium content)",
	"koz": "thousand troy ounces",
	"Moz": "million troy ounces",
}

// UnitDoc says what a production unit is: "million troy ounces".
func UnitDoc(unit string) string { return unitDocs[unit] }

// ProductionRow is one figure of production.csv: a mineral's output in one
// year, of the country or of one company, as its sources give it.
type ProductionRow struct {
	MineralID     string `csv:"mineral_id"`
	Year          Number `csv:"year"`
	Value         Number `csv:"value"`
	Unit          string `csv:"unit"`
	Scope         string `csv:"scope"` // "country", or the company whose output it is ("NMMC")
	Estimate      Flag   `csv:"estimate"`
	WorldValue    Number `csv:"world_value"`     // country rows: the world total of the year, same unit
	WorldRank     Number `csv:"world_rank"`      // country rows: rank among producing countries
	WorldSharePct Number `csv:"world_share_pct"` // country rows: share of the world total, percent
	Sources       List   `csv:"sources"`
	Notes         string `csv:"notes"`
}

// IsCountry reports whether the figure is the whole country's output.
func (r *ProductionRow) IsCountry() bool { return r.Scope == ScopeCountry }

// Text shows the figure with its unit, year, estimate mark and whose
// output it is: "4,000 tU (2024, estimate), country", "3.1 Moz (2024),
// NMMC (company)".
func (r *ProductionRow) Text() string { return English.FigureText(r) }

// FigureText is a production figure in the language: see
// ProductionRow.Text.
func (l *Locale) FigureText(r *ProductionRow) string {
	s := l.Quantity(r.Value, r.Unit)
	if s == Unknown {
		return s
	}
	var when []string
	if r.Year.Known() {
		when = append(when, strconv.Itoa(r.Year.Int()))
	}
	if r.Estimate.Value {
		when = append(when, l.Word("estimate"))
	}
	if len(when) > 0 {
		s += " (" + strings.Join(when, ", ") + ")"
	}
	return withScope(s, l.Scope(r.Scope))
}

// ScopeText shows whose output a figure is: "country" for the whole
// country, "NMMC (company)" for a company.
func ScopeText(scope string) string { return English.Scope(scope) }

// Scope is ScopeText in the language.
func (l *Locale) Scope(scope string) string {
	scope = strings.TrimSpace(scope)
	switch {
	case scope == "":
		return ""
	case scope == ScopeCountry:
		return l.Word("scope.country")
	case ScopeKind(scope) == ScopeCountry:
		return scope
	}
	return l.Phrase("scope.company", "Name", l.Org(scope))
}

// WrittenScope is a scope as minerals.csv writes it, in the language:
// "country" and a company's "NMMC (company)" as Scope says them; free
// text ("AMMC (which produces all national copper)", "country (USGS
// estimate)") as written.
func (l *Locale) WrittenScope(scope string) string {
	scope = strings.TrimSpace(scope)
	if name, ok := strings.CutSuffix(scope, " (company)"); ok && name != "" && !strings.ContainsAny(name, "()") {
		return l.Scope(name)
	}
	if scope == ScopeCountry {
		return l.Scope(scope)
	}
	return scope
}

// productionIndex holds what checkProduction works out once the rows are
// read: where production.csv came from, and each mineral's rows in order.
type productionIndex struct {
	bundled   bool             // production.csv came from the bundle under a folder of the user's
	byMineral map[string][]int // rows of a mineral: see Production
	alt       []bool           // alt[i]: row i is not the first of its mineral, scope, unit and year
}

func (d *Dataset) productionTable() *table[ProductionRow] {
	countryOnly := " Country rows only (a company's output is never ranked as the country's); empty where no source allows it."
	t := newTable("production", "production figure", values(&d.ProductionRows), []field[ProductionRow]{
		strField(Column{Name: "mineral_id", Title: "Mineral", Kind: Ref, Target: "minerals", Required: true, NotEmpty: true, Doc: "the id of the mineral in minerals.csv, e.g. gold"}, func(r *ProductionRow) *string { return &r.MineralID }).
			shown(func(r *ProductionRow) string { return d.NameOf(r.MineralID) }),
		numField(Column{Name: "year", Title: "Year", Kind: Year, Required: true, NotEmpty: true, Doc: "the year of output, up to next year"}, func(r *ProductionRow) *Number { return &r.Year }),
		numField(Column{Name: "value", Title: "Production", Kind: Decimal, Required: true, NotEmpty: true, With: []string{"unit", "year", "scope", "estimate"}, Doc: "the figure as the source gives it, a plain number of 0 or more in unit (a conversion from the source's unit, such as kg to t, is said in notes); a figure no source gives has no row"}, func(r *ProductionRow) *Number { return &r.Value }).
			shown(func(r *ProductionRow) string { return d.Locale().Quantity(r.Value, r.Unit) }),
		strField(Column{Name: "unit", Title: "Unit", Kind: Vocab, Vocab: Units, Required: true, NotEmpty: true, Doc: "one of " + strings.Join(Units, ", ") + " (see Production units below); what is counted (mine output, refined metal, contained metal) goes in notes"}, func(r *ProductionRow) *string { return &r.Unit }),
		strField(Column{Name: "scope", Title: "Whose output", Kind: Text, Required: true, NotEmpty: true, Doc: "country for the whole country's output, or the name of the company whose output it is, e.g. NMMC or Almalyk MMC; the same name for every row of one company"}, func(r *ProductionRow) *string { return &r.Scope }).
			shown(func(r *ProductionRow) string { return d.Locale().Scope(r.Scope) }),
		flagField(Column{Name: "estimate", Title: "Estimate", Kind: YesNo, Required: true, Doc: "yes where the source marks the figure as estimated (WNA's (est.), USGS's e), else no or empty"}, func(r *ProductionRow) *Flag { return &r.Estimate }),
		numField(Column{Name: "world_value", Title: "World total", Kind: Decimal, With: []string{"unit"}, Doc: "the world's output of the same year in the same unit, from the source of the rank or share." + countryOnly}, func(r *ProductionRow) *Number { return &r.WorldValue }).
			shown(func(r *ProductionRow) string { return d.Locale().Quantity(r.WorldValue, r.Unit) }),
		numField(Column{Name: "world_rank", Title: "World rank", Kind: Rank, Doc: "Uzbekistan's rank among producing countries that year, as the source states it or counted from a source table that lists every producer (never worked out from a partial list)." + countryOnly}, func(r *ProductionRow) *Number { return &r.WorldRank }),
		numField(Column{Name: "world_share_pct", Title: "World share", Kind: Percent, Doc: "Uzbekistan's share of world output that year, percent: as the source gives it, or value / world_value x 100 rounded, which notes then say." + countryOnly}, func(r *ProductionRow) *Number { return &r.WorldSharePct }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *ProductionRow) *List { return &r.Sources }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Required: true, Doc: "what the figure counts, conversions, how a rank or share was read; needed when another row gives a figure for the same mineral, year and scope (a conflict kept on purpose): say why both are kept"}, func(r *ProductionRow) *string { return &r.Notes }),
	}, []string{"mineral_id", "year", "value", "scope", "estimate", "world_rank", "world_share_pct"},
		nil, func(r *ProductionRow) List { return r.Sources })
	t.facet("mineral_id", d.NameOf)
	t.facet("scope", func(k string) string { return d.Locale().Scope(k) })
	return t
}

var productionSetters map[string]func(*ProductionRow, string)

func init() {
	productionSetters = schema().tabProduction.setters()
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *ProductionRow) UnmarshalCSVWithFields(key, value string) error {
	return set(productionSetters, r, key, value)
}

// readProduction reads production.csv, noting whether it came from the
// bundle beneath a folder of the user's (see checkProduction).
func (d *Dataset) readProduction(fsys fs.FS, limit int64, add func(Problem)) bool {
	d.prod.bundled = fromBase(fsys, ProductionFile)
	return readInto(fsys, limit, d.tabProduction, add)
}

// fromBase reports whether fsys is an Overlay that takes the file from its
// Base because its Top lacks it.
func fromBase(fsys fs.FS, name string) bool {
	var o Overlay
	switch v := fsys.(type) {
	case Overlay:
		o = v
	case *Overlay:
		o = *v
	default:
		return false
	}
	if _, err := fs.Stat(o.Top, name); !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	_, err := fs.Stat(o.Base, name)
	return err == nil
}

// checkProduction applies the rules of production.csv and indexes it.
//
// A production.csv of the user's must reference minerals and sources that
// exist, as every file must. The bundled one, taken because a folder has
// none, cites the bundled minerals and sources, which the folder's own
// minerals.csv or sources.csv (an older template) may lack: its figures
// whose mineral or sources are missing are left out with one warning,
// instead of refusing the whole folder or showing a figure without its
// source.
func (d *Dataset) checkProduction(failed map[string]bool, resolve func(target, id string) bool, add func(Problem)) {
	t := d.tabProduction
	if failed["production"] {
		d.indexProduction()
		return
	}
	if d.prod.bundled {
		d.dropUnresolved(resolve, add)
	}
	// The cells' problems and the rows' come out in line order together.
	var found []Problem
	report := add
	add = func(p Problem) { found = append(found, p) }
	defer func() {
		slices.SortStableFunc(found, func(a, b Problem) int { return a.Line - b.Line })
		for _, p := range found {
			report(p)
		}
	}()
	checkTable(t, resolve, add)

	now := today()
	type key struct {
		mineral, scope string
		year           int
	}
	first := map[key][]int{}
	for i := range d.ProductionRows {
		r := &d.ProductionRows[i]
		line := t.Line(i)
		bad := func(col, msg, expected string) {
			add(Problem{File: ProductionFile, Line: line, Column: col, Msg: msg, Expected: expected})
		}
		if r.Scope != ScopeCountry && ScopeKind(r.Scope) == ScopeCountry {
			bad("scope", fmt.Sprintf("%s is not a scope", quote(r.Scope)), "country, written alone, for the whole country's output, or a company's name such as NMMC; an estimate goes in the estimate column, its maker in notes")
		}
		if y := r.Year; y.Known() && y.Value == math.Trunc(y.Value) && y.Value >= 1900 && y.Value <= 2100 && y.Int() > now.Year+1 {
			bad("year", fmt.Sprintf("%d is in the future", y.Int()), "the year of output a source reports, at most next year")
		}
		if r.Value.Known() && r.Value.Value < 0 {
			bad("value", fmt.Sprintf("%s is negative", r.Value.String()), "an output of 0 or more")
		}
		world := r.WorldValue.Known() || r.WorldRank.Known() || r.WorldSharePct.Known()
		if world && r.Scope != "" && ScopeKind(r.Scope) != ScopeCountry {
			col := "world_value"
			if !r.WorldValue.Known() {
				col = "world_rank"
				if !r.WorldRank.Known() {
					col = "world_share_pct"
				}
			}
			bad(col, fmt.Sprintf("a world figure is given for %s, a company", quote(r.Scope)), "world_value, world_rank and world_share_pct only on rows whose scope is country: a company's output is never ranked as the country's")
		}
		if r.WorldValue.Known() && r.Value.Known() && r.WorldValue.Value < r.Value.Value {
			bad("world_value", fmt.Sprintf("the world total %s is less than Uzbekistan's %s", r.WorldValue.String(), r.Value.String()), "the world's output of the same year, in the same unit as value")
		}
		if r.WorldValue.Known() && r.WorldValue.Value > 0 && r.Value.Known() && r.WorldSharePct.Known() && r.WorldSharePct.Value >= 0 && r.WorldSharePct.Value <= 100 {
			share := r.Value.Value / r.WorldValue.Value * 100
			if math.Abs(share-r.WorldSharePct.Value) > 0.06 {
				add(Problem{File: ProductionFile, Line: line, Column: "world_share_pct", Msg: fmt.Sprintf("%s is not value / world_value x 100 (%s)", r.WorldSharePct.String(), strconv.FormatFloat(share, 'f', 2, 64)), Expected: "the share the source gives, or value / world_value x 100, rounded; check the three figures", Warning: true})
			}
		}
		if r.MineralID == "" || !r.Year.Known() || r.Scope == "" {
			continue
		}
		k := key{r.MineralID, r.Scope, r.Year.Int()}
		d.checkConflict(i, first[k], add)
		first[k] = append(first[k], i)
	}
	d.indexProduction()
}

// checkConflict checks row i against the earlier rows of the same
// mineral, year and scope: one source gives one figure, and figures from
// different sources, kept on purpose, say why in notes.
func (d *Dataset) checkConflict(i int, earlier []int, add func(Problem)) {
	if len(earlier) == 0 {
		return
	}
	t := d.tabProduction
	r := &d.ProductionRows[i]
	what := fmt.Sprintf("%s, %d, %s", r.MineralID, r.Year.Int(), r.Scope)
	for _, j := range earlier {
		if s := sharedSource(r.Sources, d.ProductionRows[j].Sources); s != "" {
			add(Problem{File: ProductionFile, Line: t.Line(i), Column: "sources", Msg: fmt.Sprintf("%s already gives the figure for %s on line %d", s, what, t.Line(j)), Expected: "one figure per mineral, year, scope and source; a figure from another source goes in a row of its own, with notes"})
			return
		}
	}
	const why = "notes saying why both figures are kept (the sources differ, a revision, another basis)"
	j := earlier[0]
	if len(earlier) == 1 && strings.TrimSpace(d.ProductionRows[j].Notes) == "" {
		add(Problem{File: ProductionFile, Line: t.Line(j), Column: "notes", Msg: fmt.Sprintf("line %d gives another figure for %s", t.Line(i), what), Expected: why, Warning: true})
	}
	if strings.TrimSpace(r.Notes) == "" {
		add(Problem{File: ProductionFile, Line: t.Line(i), Column: "notes", Msg: fmt.Sprintf("line %d gives another figure for %s", t.Line(j), what), Expected: why, Warning: true})
	}
}

// sharedSource returns a source id both lists cite, or "".
func sharedSource(a, b List) string {
	for _, s := range a {
		if b.Has(s) {
			return s
		}
	}
	return ""
}

// dropUnresolved leaves out the bundled production figures whose mineral
// or sources the data set lacks, with a warning for each kind.
func (d *Dataset) dropUnresolved(resolve func(target, id string) bool, add func(Problem)) {
	t := d.tabProduction
	var minerals, sources []string
	var noMineral, noSource int
	keep := make([]bool, len(d.ProductionRows))
	for i := range d.ProductionRows {
		r := &d.ProductionRows[i]
		keep[i] = true
		if id := strings.TrimSpace(r.MineralID); id != "" && !resolve("minerals", id) {
			keep[i] = false
			noMineral++
			if !slices.Contains(minerals, id) {
				minerals = append(minerals, id)
			}
		}
		missing := false
		for _, s := range r.Sources {
			if !resolve("sources", s) {
				missing = true
				if !slices.Contains(sources, s) {
					sources = append(sources, s)
				}
			}
		}
		if missing {
			keep[i] = false
			noSource++
		}
	}
	if noMineral > 0 {
		add(Problem{File: ProductionFile, Msg: fmt.Sprintf("the bundled file has figures for minerals that minerals.csv does not list (%s); those %s are left out", quoteSome(minerals), plural(noMineral, "figure")), Expected: "a production.csv of your own in the folder, or those minerals in minerals.csv", Warning: true})
	}
	if noSource > 0 {
		add(Problem{File: ProductionFile, Msg: fmt.Sprintf("the bundled file cites sources that sources.csv does not list (%s); those %s are left out", quoteSome(sources), plural(noSource, "figure")), Expected: "the bundled sources in sources.csv (File > Save data template writes them), or a production.csv of your own in the folder", Warning: true})
	}
	if noMineral+noSource == 0 {
		return
	}
	rows := d.ProductionRows[:0]
	var lines []int
	for i, k := range keep {
		if !k {
			continue
		}
		rows = append(rows, d.ProductionRows[i])
		if i < len(t.lines) {
			lines = append(lines, t.lines[i])
		}
	}
	d.ProductionRows = rows
	t.lines = lines
}

// quoteSome quotes the first few ids of a list: "s200", "s201", … 22 in all.
func quoteSome(ids []string) string {
	const most = 5
	out := make([]string, 0, most)
	for i, id := range ids {
		if i == most {
			return strings.Join(out, ", ") + ", … " + strconv.Itoa(len(ids)) + " in all"
		}
		out = append(out, quote(id))
	}
	return strings.Join(out, ", ")
}

// indexProduction orders each mineral's rows and marks the alternatives.
func (d *Dataset) indexProduction() {
	rows := d.ProductionRows
	d.prod.byMineral = map[string][]int{}
	d.prod.alt = make([]bool, len(rows))
	type key struct {
		mineral, scope, unit string
		year                 int
	}
	seen := map[key]bool{}
	for i := range rows {
		r := &rows[i]
		if !r.Value.Known() || !r.Year.Known() {
			continue
		}
		k := key{r.MineralID, r.Scope, r.Unit, r.Year.Int()}
		d.prod.alt[i] = seen[k]
		seen[k] = true
		d.prod.byMineral[r.MineralID] = append(d.prod.byMineral[r.MineralID], i)
	}
	for _, list := range d.prod.byMineral {
		slices.SortStableFunc(list, func(a, b int) int { return compareRows(&rows[a], &rows[b]) })
	}
}

// compareRows orders figures: the country's first, then companies by
// name; then by year. Equal rows keep file order (the sort is stable).
func compareRows(a, b *ProductionRow) int {
	if c := compareScopes(a.Scope, b.Scope); c != 0 {
		return c
	}
	return a.Year.Int() - b.Year.Int()
}

func compareScopes(a, b string) int {
	ca, cb := a == ScopeCountry, b == ScopeCountry
	switch {
	case ca && !cb:
		return -1
	case cb && !ca:
		return 1
	}
	if c := strings.Compare(Fold(a), Fold(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// Production lists a mineral's figures as rows of ProductionRows: the
// country's first, then each company's by name, each in year order, and
// within a year the main figure before the alternatives (file order). It
// is the table the mineral's chart is drawn from.
func (d *Dataset) Production(mineralID string) []int {
	return slices.Clone(d.prod.byMineral[mineralID])
}

// Alternative reports whether a row of ProductionRows is an alternative
// figure: a later row for the same mineral, scope, unit and year as
// another, from another source (a conflict kept on purpose). Series,
// trends and ranks use the main figure, the first in the file.
func (d *Dataset) Alternative(row int) bool {
	return row >= 0 && row < len(d.prod.alt) && d.prod.alt[row]
}

// productionReadme is the template README's part on production.csv.
func productionReadme() string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteString("\n")
	}
	w("Production series (production.csv)")
	w("----------------------------------")
	w("- One row is one figure: a mineral's output in one year, of the whole country")
	w("  (scope country) or of one company (scope NMMC, Almalyk MMC ...), as a source")
	w("  gives it, with its unit. A company's output is never the country's: charts,")
	w("  trends, totals and ranks keep each scope apart.")
	w("- A figure no source gives has no row. Do not fill gaps between years.")
	w("- Where sources differ for the same mineral, year and scope, give each figure")
	w("  its own row and say in notes why both are kept. The first row in the file")
	w("  is the main figure that series, trends and ranks use; the others are shown")
	w("  beside it. One source gives one figure per mineral, year and scope.")
	w("- world_value, world_rank and world_share_pct go on country rows only, and only")
	w("  where a source gives them or a source table lists every producer, so the rank")
	w("  can be counted. A share worked out as value / world_value x 100 is said in")
	w("  notes. The newest country rank here is a mineral's current rank; the")
	w("  world_rank of minerals.csv counts only where it is newer.")
	w("- The file is optional in a folder: without one, the bundled figures are shown,")
	w("  less those whose mineral or sources the folder's files do not list.")
	w()
	w("Production units (production.unit):")
	for _, u := range Units {
		w("  ", u, ": ", unitDocs[u])
	}
	return b.String()
}
