package data

import (
	"strconv"
	"strings"
)

// Problem is one thing wrong with the data, with where it is and what was
// expected: `projects.csv:14: column "amount_usd_m": "12,5" is not a number
// (expected a number with a decimal point, such as 12.5)`.
//
// A problem with More set stands for problems that were found but not
// kept (MaxProblems), More of them, like the problems of its kind listed
// before it: "and 998,970 more like these".
type Problem struct {
	File     string // "projects.csv"
	Line     int    // 0 when the problem is about the whole file
	Column   string // "" when it is not about one column
	Msg      string // what is wrong
	Expected string // what was expected, if that helps
	Warning  bool   // a warning does not stop the data from loading

	More  int // problems of this kind not kept; 0 for a problem of its own
	Until int // with More: the last line they are on (Line is the first)
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 && p.More == 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	p.writeHead(&b)
	if p.More > 0 {
		b.WriteString("… and ")
		b.WriteString(Thousands(float64(p.More)))
		b.WriteString(" more like these")
		switch {
		case p.Line > 0 && p.Until > p.Line:
			b.WriteString(" (lines " + Thousands(float64(p.Line)) + " to " + Thousands(float64(p.Until)) + ")")
		case p.Line > 0:
			b.WriteString(" (line " + Thousands(float64(p.Line)) + ")")
		}
		return b.String()
	}
	b.WriteString(p.Msg)
	if p.Expected != "" {
		b.WriteString(" (expected ")
		b.WriteString(p.Expected)
		b.WriteString(")")
	}
	return b.String()
}

// Kind is what problems of one kind have in common, for grouping them:
// the column and the message with the cells quoted in it and its numbers
// left out (`column "sector": "…" is not an id in sectors.csv`).
// Problems of one file with the same kind are counted together when
// there are too many to keep.
func (p Problem) Kind() string {
	var b strings.Builder
	p.writeHead(&b)
	shape(p.Msg, func(s string) { b.WriteString(s) })
	return b.String()
}

// writeHead writes what a problem's text starts with after its place:
// "warning: " and the column, if any.
func (p Problem) writeHead(b *strings.Builder) {
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Column != "" {
		b.WriteString("column ")
		b.WriteString(strconv.Quote(p.Column))
		b.WriteString(": ")
	}
}

// shape passes on a message with what varies between problems of one
// kind replaced: a quoted cell by "…", a word with digits in it by N,
// and everything after a ": " (an error's own text, a list of ids) by ….
func shape(msg string, emit func(string)) {
	for i := 0; i < len(msg); {
		c := msg[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(msg) && msg[j] != '"' {
				if msg[j] == '\\' {
					j++
				}
				j++
			}
			emit(`"…"`)
			i = j + 1
		case isWordByte(c):
			j, digits := i, false
			for j < len(msg) && isWordByte(msg[j]) {
				digits = digits || msg[j] >= '0' && msg[j] <= '9'
				j++
			}
			if digits {
				emit("N")
			} else {
				emit(msg[i:j])
			}
			i = j
		case c == ':' && i+1 < len(msg) && msg[i+1] == ' ':
			emit(": …")
			return
		default:
			j := i + 1
			for j < len(msg) && !isWordByte(msg[j]) && msg[j] != '"' && msg[j] != ':' {
				j++
			}
			emit(msg[i:j])
			i = j
		}
	}
}

func isWordByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}

// Problems is every problem found in one load. As an error it lists them
// one per line.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Count is how many problems were found: those listed and those a
// summary stands for.
func (ps Problems) Count() int {
	n := 0
	for _, p := range ps {
		if p.More > 0 {
			n += p.More
		} else {
			n++
		}
	}
	return n
}

// errorsFirst puts the errors before the warnings, each in the order
// found, and counts the errors.
func (ps Problems) errorsFirst() (out Problems, errs int) {
	for _, p := range ps {
		if !p.Warning {
			errs++
		}
	}
	if errs == 0 || errs == len(ps) {
		return ps, errs
	}
	out = make(Problems, 0, len(ps))
	for _, p := range ps {
		if !p.Warning {
			out = append(out, p)
		}
	}
	for _, p := range ps {
		if p.Warning {
			out = append(out, p)
		}
	}
	return out, errs
}

// quote shows a cell's text in a message, shortened when long.
func quote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
