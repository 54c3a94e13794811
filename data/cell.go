package data

import (
	"math"
	"strconv"
	"strings"
)

// The cell types below never fail while gocsv decodes a row: a cell that does
// not parse keeps its text in Bad, and the validator reports it with the file,
// line and column. That way one load reports every problem at once instead of
// stopping at the first.

// Number is an optional decimal number: Known is false for an empty cell,
// which means "unknown" and is never the same as zero. It takes 16 bytes:
// a project has eight of them, and a file may have 100,000 projects.
type Number struct {
	Value float64
	cell  *string // nil: empty; knownCell: a number; else the text of a cell that is not a number
}

// knownCell marks a number that is known.
var knownCell = new(string)

// Num returns a known number.
func Num(v float64) Number { return Number{Value: v, cell: knownCell} }

// Known reports whether the cell held a number.
func (n Number) Known() bool { return n.cell == knownCell }

// Bad is the text of a cell that is not a number, or "".
func (n Number) Bad() string {
	if n.cell == nil || n.cell == knownCell {
		return ""
	}
	return *n.cell
}

// badText keeps the text of a cell that is not a number. It is a function
// of its own so that only such a cell costs an allocation: the address of
// UnmarshalCSV's own argument would move it to the heap on every call.
func badText(s string) *string { return &s }

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (n *Number) UnmarshalCSV(s string) error {
	*n = Number{}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	// Text that cannot be a plain number is not parsed: a failed parse
	// costs an error value, and a file may have a million such cells.
	if strings.IndexFunc(s, notNumberByte) >= 0 {
		n.cell = badText(s)
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		n.cell = badText(s)
		return nil
	}
	*n = Num(v)
	return nil
}

func notNumberByte(r rune) bool {
	return !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+' || r == 'e' || r == 'E')
}

// MarshalCSV implements gocsv.TypeMarshaller.
func (n Number) MarshalCSV() (string, error) { return n.String(), nil }

// String gives the number as plain CSV text: "127.5", "2024", or "" when unknown.
func (n Number) String() string {
	if !n.Known() {
		return n.Bad()
	}
	return strconv.FormatFloat(n.Value, 'f', -1, 64)
}

// Int returns the number as an int (years, ranks).
func (n Number) Int() int { return int(n.Value) }

// List is a cell holding a ";"-separated list, such as "s1;s102".
type List []string

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (l *List) UnmarshalCSV(s string) error {
	*l = splitList(s)
	return nil
}

// MarshalCSV implements gocsv.TypeMarshaller.
func (l List) MarshalCSV() (string, error) { return l.String(), nil }

// String joins the list with ";" as it is written in a CSV cell.
func (l List) String() string { return strings.Join(l, ";") }

// Has reports whether the list holds s.
func (l List) Has(s string) bool {
	for _, v := range l {
		if v == s {
			return true
		}
	}
	return false
}

func splitList(s string) List {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.Split(s, ";")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return List(out)
}

// Flag is a yes/no cell. Known is false for an empty cell.
type Flag struct {
	Value bool
	Known bool
	Bad   string
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (f *Flag) UnmarshalCSV(s string) error {
	*f = Flag{}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
	case "yes", "true", "y", "1":
		f.Value, f.Known = true, true
	case "no", "false", "n", "0":
		f.Known = true
	default:
		f.Bad = strings.TrimSpace(s)
	}
	return nil
}

// MarshalCSV implements gocsv.TypeMarshaller.
func (f Flag) MarshalCSV() (string, error) { return f.String(), nil }

// String gives "yes", "no", or "" when unknown.
func (f Flag) String() string {
	switch {
	case !f.Known:
		return f.Bad
	case f.Value:
		return "yes"
	default:
		return "no"
	}
}

// Date is a calendar date known to the year, the month or the day:
// "2024", "2024-06" or "2024-06-14".
type Date struct {
	Year, Month, Day int
	Bad              string
}

// UnmarshalCSV implements gocsv.TypeUnmarshaller.
func (d *Date) UnmarshalCSV(s string) error {
	*d = Date{}
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	parsed, ok := parseDate(s)
	if !ok {
		d.Bad = s
		return nil
	}
	*d = parsed
	return nil
}

// MarshalCSV implements gocsv.TypeMarshaller.
func (d Date) MarshalCSV() (string, error) { return d.String(), nil }

// Known reports whether the date holds at least a year.
func (d Date) Known() bool { return d.Year != 0 }

// String gives the date as written in CSV: "2024-06-14", "2024-06", "2024".
func (d Date) String() string {
	switch {
	case d.Year == 0:
		return d.Bad
	case d.Month == 0:
		return pad(d.Year, 4)
	case d.Day == 0:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2)
	default:
		return pad(d.Year, 4) + "-" + pad(d.Month, 2) + "-" + pad(d.Day, 2)
	}
}

// Before orders dates; a date known only to the month sorts before the
// days of that month.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

func pad(v, width int) string {
	s := strconv.Itoa(v)
	for len(s) < width {
		s = "0" + s
	}
	return s
}

var daysIn = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func parseDate(s string) (Date, bool) {
	var d Date
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d, false
	}
	widths := []int{4, 2, 2}
	vals := make([]int, len(parts))
	for i, p := range parts {
		if len(p) != widths[i] {
			return d, false
		}
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 {
			return d, false
		}
		vals[i] = v
	}
	d.Year = vals[0]
	if d.Year < 1000 {
		return Date{}, false
	}
	if len(vals) > 1 {
		d.Month = vals[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, false
		}
	}
	if len(vals) > 2 {
		d.Day = vals[2]
		leap := d.Year%4 == 0 && (d.Year%100 != 0 || d.Year%400 == 0)
		limit := daysIn[d.Month]
		if d.Month == 2 && !leap {
			limit = 28
		}
		if d.Day < 1 || d.Day > limit {
			return Date{}, false
		}
	}
	return d, true
}
