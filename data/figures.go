package data

import (
	"strconv"
	"strings"
)

// Whose figure a mineral's production or rank is, and which years an
// indicator covers: the labels a figure needs so that a company's output
// is never read as a country's, and a figure for 2024–2027 is never shown
// as "(2027)".

// ScopeCountry and ScopeCompany are the two kinds of scope: a figure for
// the whole country, or for one company such as NMMC.
const (
	ScopeCountry = "country"
	ScopeCompany = "company"
)

// ScopeKind reads a scope cell: "country" for "country (WNA estimate)",
// "company" for "NMMC (company)" or any other named producer, "" when the
// cell is empty.
func ScopeKind(scope string) string {
	s := strings.ToLower(strings.TrimSpace(scope))
	switch {
	case s == "":
		return ""
	case strings.HasPrefix(s, ScopeCountry):
		return ScopeCountry
	}
	return ScopeCompany
}

// withScope appends whose figure it is: "96.4 t (2024), NMMC (company)".
func withScope(s, scope string) string {
	if s == Unknown || strings.TrimSpace(scope) == "" {
		return s
	}
	return s + ", " + scope
}

// ProductionText shows a mineral's production with its unit, year and whose
// output it is: "96.4 t (2024), NMMC (company)", "4,000 tU (2024),
// country (WNA estimate)".
func ProductionText(m *Mineral) string { return English.ProductionText(m) }

// ProductionText is a mineral's production in the language; whose output
// it is stays as minerals.csv writes it.
func (l *Locale) ProductionText(m *Mineral) string {
	return withScope(l.WithYear(l.Quantity(m.Production, m.ProductionUnit), m.ProductionYear), m.ProductionScope)
}

// WorldRankText shows a mineral's world rank with its year and whose rank
// it is: "7th (2014), country".
func WorldRankText(m *Mineral) string { return English.WorldRankText(m) }

// WorldRankText is a mineral's world rank in the language: "7th (2014),
// country"; the scope a word of the language where it is one.
func (l *Locale) WorldRankText(m *Mineral) string {
	if !m.WorldRank.Known() {
		return orUnknown(m.WorldRank.Bad())
	}
	scope := m.WorldRankScope
	if strings.TrimSpace(scope) == ScopeCountry {
		scope = l.Word("scope.country")
	}
	return withScope(l.WithYear(l.Ordinal(m.WorldRank.Int()), m.WorldRankYear), scope)
}

// ScopesDiffer reports whether a mineral's production and world rank are
// of different scopes (a company's output beside the country's rank), so
// that the two must not be read together.
func ScopesDiffer(m *Mineral) bool {
	p, r := ScopeKind(m.ProductionScope), ScopeKind(m.WorldRankScope)
	return m.Production.Known() && m.WorldRank.Known() && p != "" && r != "" && p != r
}

// IsPeriod reports whether an indicator is a figure over several years
// (period_start and period_end) rather than for one year or date.
func (in *Indicator) IsPeriod() bool { return in.PeriodStart.Known() || in.PeriodEnd.Known() }

// RefYear is the year an indicator is ordered by: its year, or for a
// figure over a period the last year of it (the first when the end is not
// given). ok is false when it has neither.
func (in *Indicator) RefYear() (year int, ok bool) {
	switch {
	case in.Year.Known():
		return in.Year.Int(), true
	case in.PeriodEnd.Known():
		return in.PeriodEnd.Int(), true
	case in.PeriodStart.Known():
		return in.PeriodStart.Int(), true
	}
	return 0, false
}

// IndicatorYears shows the years an indicator covers, from its year or
// period columns: "2025", "2024–2027", "from 2018", "—".
func IndicatorYears(in *Indicator) string { return English.IndicatorYears(in) }

// IndicatorYears is IndicatorYears in the language.
func (l *Locale) IndicatorYears(in *Indicator) string {
	if in.IsPeriod() {
		return l.Years(in.PeriodStart, in.PeriodEnd)
	}
	if in.Year.Known() {
		return strconv.Itoa(in.Year.Int())
	}
	return Unknown
}

// IndicatorPeriod shows an indicator's period for people: the period as
// the source reports it ("as of 2025", "2024–2027", "to Nov 2021"), else
// the years from its columns. A figure over several years is never shown
// by its last year alone.
func IndicatorPeriod(in *Indicator) string { return English.IndicatorPeriod(in) }

// IndicatorPeriod is an indicator's period in the language, where a
// translation has the period as the source reports it, else as written.
func (l *Locale) IndicatorPeriod(in *Indicator) string {
	if p := strings.TrimSpace(in.Period); p != "" {
		return l.asWritten("indicator."+in.ID+".period", p)
	}
	return l.IndicatorYears(in)
}

// WithPeriod appends an indicator's years to a text, as WithYear does for
// one year: "$2 bn (2024–2027)", "over $7.7 bn (2025)". Use it, not
// WithYear, for indicators.
func WithPeriod(s string, in *Indicator) string {
	y := English.IndicatorYears(in)
	if s == Unknown || y == Unknown {
		return s
	}
	return s + " (" + y + ")"
}
