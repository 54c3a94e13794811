package data

import (
	"strings"
)

// Whose figure a mineral's production or rank is: the label a figure needs
// so that a company's output is never read as a country's.

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
func ProductionText(m *Mineral) string {
	return withScope(WithYear(FormatQuantity(m.Production, m.ProductionUnit), m.ProductionYear), m.ProductionScope)
}

// WorldRankText shows a mineral's world rank with its year and whose rank
// it is: "7th (2014), country".
func WorldRankText(m *Mineral) string {
	if !m.WorldRank.Known {
		return orUnknown(m.WorldRank.Bad)
	}
	return withScope(WithYear(Ordinal(m.WorldRank.Int()), m.WorldRankYear), m.WorldRankScope)
}

// ScopesDiffer reports whether a mineral's production and world rank are
// of different scopes (a company's output beside the country's rank), so
// that the two must not be read together.
func ScopesDiffer(m *Mineral) bool {
	p, r := ScopeKind(m.ProductionScope), ScopeKind(m.WorldRankScope)
	return m.Production.Known && m.WorldRank.Known && p != "" && r != "" && p != r
}
