package data

import (
	"strconv"
	"strings"
)

// Unknown is how an empty cell is shown: never as zero.
const Unknown = "—"

var monthNames = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// FormatMoney shows an amount in US$ millions for people: "$127.5 m",
// "$7.7 bn", "—" when unknown.
func FormatMoney(n Number) string {
	if !n.Known {
		return Unknown
	}
	v := n.Value
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if v >= 1000 {
		return sign + "$" + trimFloat(v/1000, 2) + " bn"
	}
	return sign + "$" + trimFloat(v, 1) + " m"
}

// FormatQuantity shows a number with its unit and thousands separators:
// "4,000 tU", "96.4 t", "6.4 %". The unit may be empty.
func FormatQuantity(n Number, unit string) string {
	if !n.Known {
		return Unknown
	}
	s := Thousands(n.Value)
	switch unit {
	case "":
		return s
	case "%":
		return s + "%"
	case "USD m":
		return FormatMoney(n)
	}
	return s + " " + unit
}

// WithYear appends the year of a figure: "148 kt (2020)". An unknown
// figure stays "—" and an unknown year is left out.
func WithYear(s string, year Number) string {
	if s == Unknown || !year.Known {
		return s
	}
	return s + " (" + strconv.Itoa(year.Int()) + ")"
}

// Thousands formats a number with comma thousands separators and no
// trailing zeros: 62276 → "62,276", 96.4 → "96.4".
func Thousands(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// trimFloat rounds to at most prec decimals and drops trailing zeros.
func trimFloat(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	whole, frac, hasFrac := strings.Cut(s, ".")
	whole = Thousands(mustAtof(whole))
	if hasFrac {
		return whole + "." + frac
	}
	return whole
}

func mustAtof(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// FormatDate shows a date for people: "14 Jun 2024", "Jun 2024", "2024".
func FormatDate(d Date) string {
	switch {
	case d.Year == 0:
		if d.Bad != "" {
			return d.Bad
		}
		return Unknown
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return monthNames[d.Month] + " " + strconv.Itoa(d.Year)
	default:
		return strconv.Itoa(d.Day) + " " + monthNames[d.Month] + " " + strconv.Itoa(d.Year)
	}
}

// FormatYears shows a span of years: "2024–2027", "2016", "from 2022", "—".
func FormatYears(start, end Number) string {
	switch {
	case start.Known && end.Known && start.Int() != end.Int():
		return strconv.Itoa(start.Int()) + "–" + strconv.Itoa(end.Int())
	case start.Known:
		if end.Known {
			return strconv.Itoa(start.Int())
		}
		return "from " + strconv.Itoa(start.Int())
	case end.Known:
		return "until " + strconv.Itoa(end.Int())
	}
	return Unknown
}

// Ordinal shows a rank: 1 → "1st", 5 → "5th", 22 → "22nd".
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return Unknown
	}
	return s
}
