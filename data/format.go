package data

import "strings"

// Unknown is how an empty cell is shown: never as zero.
const Unknown = "—"

var monthNames = [13]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// FormatMoney shows an amount in US$ millions for people: "$127.5 m",
// "$7.7 bn", "—" when unknown (English; see Locale.Money).
func FormatMoney(n Number) string { return English.Money(n) }

// FormatQuantity shows a number with its unit and thousands separators:
// "4,000 tU", "96.4 t", "6.4 %". The unit may be empty (English; see
// Locale.Quantity).
func FormatQuantity(n Number, unit string) string { return English.Quantity(n, unit) }

// WithYear appends the year of a figure: "148 kt (2020)". An unknown
// figure stays "—" and an unknown year is left out.
func WithYear(s string, year Number) string { return English.WithYear(s, year) }

// Thousands formats a number with comma thousands separators and no
// trailing zeros: 62276 → "62,276", 96.4 → "96.4".
func Thousands(v float64) string { return English.Number(v) }

// FormatDate shows a date for people: "14 Jun 2024", "Jun 2024", "2024".
func FormatDate(d Date) string { return English.Date(d) }

// FormatYears shows a span of years: "2024–2027", "2016", "from 2022", "—".
func FormatYears(start, end Number) string { return English.Years(start, end) }

// Ordinal shows a rank: 1 → "1st", 5 → "5th", 22 → "22nd".
func Ordinal(n int) string { return English.Ordinal(n) }

func orUnknown(s string) string {
	if strings.TrimSpace(s) == "" {
		return Unknown
	}
	return s
}
