package data

import (
	"strconv"
	"strings"
)

// Problem is one thing wrong with the data, with where it is and what was
// expected: `projects.csv:14: column "amount_usd_m": "12,5" is not a number
// (expected a number with a decimal point, such as 12.5)`.
type Problem struct {
	File     string // "projects.csv"
	Line     int    // 0 when the problem is about the whole file
	Column   string // "" when it is not about one column
	Msg      string // what is wrong
	Expected string // what was expected, if that helps
	Warning  bool   // a warning does not stop the data from loading
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(p.Line))
	}
	b.WriteString(": ")
	if p.Warning {
		b.WriteString("warning: ")
	}
	if p.Column != "" {
		b.WriteString("column ")
		b.WriteString(strconv.Quote(p.Column))
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	if p.Expected != "" {
		b.WriteString(" (expected ")
		b.WriteString(p.Expected)
		b.WriteString(")")
	}
	return b.String()
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

// split separates errors from warnings.
func (ps Problems) split() (errs, warns Problems) {
	for _, p := range ps {
		if p.Warning {
			warns = append(warns, p)
		} else {
			errs = append(errs, p)
		}
	}
	return errs, warns
}

// quote shows a cell's text in a message, shortened when long.
func quote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
