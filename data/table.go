package data

import (
	"strconv"
	"strings"
	"sync"
)

// Table is one file of the data set seen as rows and columns: what the
// list views show, sort, filter and export. Rows are addressed by their
// index in the file; nothing here copies them.
type Table interface {
	Name() string                        // "projects"
	File() string                        // "projects.csv"
	Noun() string                        // "project", for "12 of 38 projects", in English: see Locale.Noun
	Len() int                            // number of rows
	Columns() []Column                   // every column of the file, in file order
	ListColumns() []int                  // the columns a list offers (filter matches them)
	DefaultColumns() []int               // those a list shows until the user chooses
	Column(name string) int              // index of a column by CSV name, −1 if none
	Raw(row, col int) string             // the CSV text of a cell
	Display(row, col int) string         // the cell for people in the data set's language, "—" when unknown
	Number(row, col int) (float64, bool) // the sort key of a numeric or date column
	ID(row int) string                   // the row's id ("" where rows have none)
	Line(row int) int                    // the line the row starts on in its file
	Sources(row int) List                // the row's source ids
	Facets() []Facet
	sorts() *sortCache // the columns' sort orders, shared by the table's views
}

// Facet is a column whose values group the rows, offered as a selector
// beside the filter box (project sector, status …).
type Facet struct {
	Name   string                 // the column's CSV name
	Title  string                 // "Sector", in English: Locale.Title translates it
	values func(row int) []string // the row's keys (one, or several for a list)
	label  func(key string) string
	keys   *facetKeys // each row's keys as ids, made once for every view
}

// facetKeys is a facet's index, made the first time a view needs it and
// shared by every view of the table after.
type facetKeys struct {
	once sync.Once
	x    facetIndex
}

// index is each row's keys of the facet, as ids; made once.
func (f Facet) index(n int) *facetIndex {
	if f.keys == nil {
		x := newFacetIndex(f, n)
		return &x
	}
	f.keys.once.Do(func() { f.keys.x = newFacetIndex(f, n) })
	return &f.keys.x
}

// Label is how a facet key is shown ("UZ-TO" → "Tashkent Region").
func (f Facet) Label(key string) string {
	if f.label == nil {
		return key
	}
	return f.label(key)
}

// Values returns a row's keys for this facet.
func (f Facet) Values(row int) []string { return f.values(row) }

// field is a column bound to where its value lives in a row of type R.
// Exactly one of the getters is set.
type field[R any] struct {
	Column
	str  func(*R) *string
	num  func(*R) *Number
	list func(*R) *List
	flag func(*R) *Flag
	date func(*R) *Date
	show func(*R) string // how people see it, when not the default
}

func strField[R any](c Column, f func(*R) *string) field[R] { return field[R]{Column: c, str: f} }
func numField[R any](c Column, f func(*R) *Number) field[R] { return field[R]{Column: c, num: f} }
func listField[R any](c Column, f func(*R) *List) field[R]  { return field[R]{Column: c, list: f} }
func flagField[R any](c Column, f func(*R) *Flag) field[R]  { return field[R]{Column: c, flag: f} }
func dateField[R any](c Column, f func(*R) *Date) field[R]  { return field[R]{Column: c, date: f} }
func (f field[R]) shown(show func(*R) string) field[R]      { f.show = show; return f }

func (f *field[R]) raw(r *R) string {
	switch {
	case f.str != nil:
		return *f.str(r)
	case f.num != nil:
		return f.num(r).String()
	case f.list != nil:
		return f.list(r).String()
	case f.flag != nil:
		return f.flag(r).String()
	default:
		return f.date(r).String()
	}
}

// empty reports whether a cell holds nothing: no text, no number (and no
// bad text that was meant as one), no list item, no date.
func (f *field[R]) empty(r *R) bool {
	switch {
	case f.str != nil:
		return strings.TrimSpace(*f.str(r)) == ""
	case f.num != nil:
		n := f.num(r)
		return !n.Known() && n.Bad() == ""
	case f.list != nil:
		return len(*f.list(r)) == 0
	case f.flag != nil:
		fl := f.flag(r)
		return !fl.Known && fl.Bad == ""
	default:
		d := f.date(r)
		return !d.Known() && d.Bad == ""
	}
}

// set stores a cell's text into a row, parsed as the column's type.
func (f *field[R]) set(r *R, v string) {
	switch {
	case f.str != nil:
		*f.str(r) = v
	case f.num != nil:
		_ = f.num(r).UnmarshalCSV(v)
	case f.list != nil:
		_ = f.list(r).UnmarshalCSV(v)
	case f.flag != nil:
		_ = f.flag(r).UnmarshalCSV(v)
	default:
		_ = f.date(r).UnmarshalCSV(v)
	}
}

// setters maps each CSV column name to a function that stores a cell.
func (t *table[R]) setters() map[string]func(*R, string) {
	m := make(map[string]func(*R, string), len(t.fields))
	for i := range t.fields {
		f := &t.fields[i]
		m[f.Name] = f.set
	}
	return m
}

func (f *field[R]) display(r *R, l *Locale) string {
	if f.show != nil {
		return orUnknown(f.show(r))
	}
	switch {
	case f.num != nil:
		n := *f.num(r)
		switch f.Kind {
		case Money:
			return l.Money(n)
		case Year, Rank:
			if n.Known() {
				return strconv.Itoa(n.Int())
			}
			return orUnknown(n.Bad())
		case Percent:
			return l.Quantity(n, "%")
		case Latitude, Longitude:
			if n.Known() {
				return strconv.FormatFloat(n.Value, 'f', -1, 64)
			}
			return orUnknown(n.Bad())
		}
		if !n.Known() {
			return orUnknown(n.Bad())
		}
		return l.Number(n.Value)
	case f.list != nil:
		return orUnknown(strings.Join(*f.list(r), ", "))
	case f.date != nil:
		return l.Date(*f.date(r))
	case f.flag != nil:
		return orUnknown(l.flag(*f.flag(r)))
	case f.Kind == Vocab:
		return orUnknown(l.Vocab(f.Name, f.raw(r)))
	}
	return orUnknown(f.raw(r))
}

func (f *field[R]) number(r *R) (float64, bool) {
	switch {
	case f.num != nil:
		n := f.num(r)
		return n.Value, n.Known()
	case f.date != nil:
		d := f.date(r)
		return float64(d.Year*10000 + d.Month*100 + d.Day), d.Known()
	}
	return 0, false
}

// rowsOf is where a table's rows are kept: a slice of rows, or, for the
// projects, of pointers to rows, each decoded in its own place (see
// slot).
type rowsOf[R any] struct {
	vals *[]R
	ptrs *[]*R
}

func values[R any](s *[]R) rowsOf[R]    { return rowsOf[R]{vals: s} }
func pointers[R any](s *[]*R) rowsOf[R] { return rowsOf[R]{ptrs: s} }

func (r rowsOf[R]) len() int {
	if r.ptrs != nil {
		return len(*r.ptrs)
	}
	return len(*r.vals)
}

func (r rowsOf[R]) at(i int) *R {
	if r.ptrs != nil {
		return (*r.ptrs)[i]
	}
	return &(*r.vals)[i]
}

// set keeps the rows decoded: as they are, or copied into one slice.
func (r rowsOf[R]) set(decoded []*R) {
	if r.ptrs != nil {
		*r.ptrs = decoded
		return
	}
	v := make([]R, len(decoded))
	for i, p := range decoded {
		v[i] = *p
	}
	*r.vals = v
}

// maxShared is how many different one-name lists a load shares at most,
// per decoding goroutine.
const maxShared = 1 << 14

// shareLists returns what makes the rows' lists of one name share one
// slice per name: 100,000 projects name a few hundred funders, regions
// and partners, and a slice each would be 16 bytes times every list cell.
// Lists are never changed in place once read. It is nil for a table
// without list columns.
func (t *table[R]) shareLists() func(r *R, memo map[string]List) {
	var lists []func(*R) *List
	for i := range t.fields {
		if t.fields[i].list != nil {
			lists = append(lists, t.fields[i].list)
		}
	}
	if len(lists) == 0 {
		return nil
	}
	return func(r *R, memo map[string]List) {
		for _, list := range lists {
			l := list(r)
			if len(*l) != 1 {
				continue
			}
			if m, ok := memo[(*l)[0]]; ok {
				*l = m
			} else if len(memo) < maxShared {
				memo[(*l)[0]] = *l
			}
		}
	}
}

// table implements Table for one row type.
type table[R any] struct {
	name, file, noun string
	rows             rowsOf[R]
	lines            []int
	unread           map[string]bool // ids of rows not read: see unreadRow
	unreadRows       []unreadRow     // rows not read: their cells are out of place or required ones empty
	present          map[string]bool // the columns the file's header has; nil before a read
	fields           []field[R]
	columns          []Column
	list             []int
	defaults         []int
	id               func(*R) string
	sources          func(*R) List
	facets           []Facet
	locale           func() *Locale // the language cells are shown in
	sorted           sortCache
}

func newTable[R any](name, noun string, rows rowsOf[R], fields []field[R], list []string, id func(*R) string, sources func(*R) List) *table[R] {
	t := &table[R]{name: name, file: name + ".csv", noun: noun, rows: rows, fields: fields, id: id, sources: sources}
	for _, f := range fields {
		t.columns = append(t.columns, f.Column)
	}
	for _, n := range list {
		if i := t.Column(n); i >= 0 {
			t.list = append(t.list, i)
		}
	}
	return t
}

func (t *table[R]) Name() string       { return t.name }
func (t *table[R]) File() string       { return t.file }
func (t *table[R]) Noun() string       { return t.noun }
func (t *table[R]) Len() int           { return t.rows.len() }
func (t *table[R]) Columns() []Column  { return t.columns }
func (t *table[R]) ListColumns() []int { return t.list }

func (t *table[R]) DefaultColumns() []int {
	if t.defaults == nil {
		return t.list
	}
	return t.defaults
}

// show sets the columns a list shows at first, among the list's columns.
func (t *table[R]) show(names ...string) {
	t.defaults = nil
	for _, n := range names {
		if i := t.Column(n); i >= 0 {
			t.defaults = append(t.defaults, i)
		}
	}
}
func (t *table[R]) Facets() []Facet   { return t.facets }
func (t *table[R]) sorts() *sortCache { return &t.sorted }

// forgetSorts drops the sort orders of text columns, which sort as a
// language shows them; numbers and dates sort the same in every language.
func (t *table[R]) forgetSorts() {
	t.sorted.mu.Lock()
	for col := range t.sorted.perms {
		if k := t.columns[col].Kind; !k.Numeric() && k != When {
			delete(t.sorted.perms, col)
		}
	}
	t.sorted.mu.Unlock()
}
func (t *table[R]) row(i int) *R { return t.rows.at(i) }
func (t *table[R]) Raw(row, col int) string {
	return t.fields[col].raw(t.row(row))
}
func (t *table[R]) Display(row, col int) string {
	return t.fields[col].display(t.row(row), t.lang())
}

func (t *table[R]) setLocale(l func() *Locale) { t.locale = l }

// lang is the language the table shows its cells in.
func (t *table[R]) lang() *Locale {
	if t.locale == nil {
		return English
	}
	return t.locale()
}
func (t *table[R]) Number(row, col int) (float64, bool) {
	return t.fields[col].number(t.row(row))
}
func (t *table[R]) Sources(row int) List { return t.sources(t.row(row)) }

func (t *table[R]) ID(row int) string {
	if t.id == nil {
		return ""
	}
	return t.id(t.row(row))
}

func (t *table[R]) Line(row int) int {
	if row < len(t.lines) {
		return t.lines[row]
	}
	return row + 2
}

func (t *table[R]) Column(name string) int {
	for i, c := range t.columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// facet adds a selector over a column; label turns keys into names.
func (t *table[R]) facet(name string, label func(string) string) {
	col := t.Column(name)
	f := t.fields[col]
	fc := Facet{Name: name, Title: f.Title, label: label, keys: &facetKeys{}}
	if f.list != nil {
		fc.values = func(row int) []string { return *f.list(t.row(row)) }
	} else {
		fc.values = func(row int) []string {
			v := f.raw(t.row(row))
			if v == "" {
				return nil
			}
			return []string{v}
		}
	}
	t.facets = append(t.facets, fc)
}

// schema is an empty data set with its tables: the columns, facets and
// setters of every file, for readers that need no data.
var schema = sync.OnceValue(func() *Dataset {
	var d Dataset
	d.buildTables()
	return &d
})

// Columns of one file as a plain list, for readers that do not need a
// loaded data set (the template README, the header check).
func schemaColumns(file string) []Column {
	for _, t := range schema().tables {
		if t.File() == file {
			return t.Columns()
		}
	}
	return nil
}
