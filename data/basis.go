package data

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// What a project's amount measures: the words of AmountBases. A loan is
// not an investment, a contract won by a Korean builder is money paid to
// Korea, and a whole-project cost includes every partner's money, so
// amounts of different bases are never added together: every total in
// this package is per basis (TotalsByBasis, GroupProjectsByBasis,
// TotalCosts), and FormatBasisTotals says which bases it lists.
const (
	BasisTotalCost     = "total-cost"
	BasisKoreanShare   = "korean-share"
	BasisLoan          = "loan"
	BasisGrant         = "grant"
	BasisContractValue = "contract-value"
	BasisAgreement     = "agreement"
	BasisPledge        = "pledge"
)

// NoBasis labels the projects whose amount has no basis.
const NoBasis = "amounts of unstated kind"

// BasisLabel names a basis for a total: "loans", "contract values".
func BasisLabel(basis string) string { return English.BasisLabel(basis) }

// BasisName names a basis for one amount: "loan", "contract value".
func BasisName(basis string) string { return English.BasisName(basis) }

// BasisDoc says in a sentence what amounts of a basis measure.
func BasisDoc(basis string) string { return English.BasisDoc(basis) }

// FormatAmount shows an amount with what it measures and its year:
// "$906 m loan (2012)", "$2.66 bn contract value (2014)", "—" when the
// amount is unknown.
func FormatAmount(amount Number, basis string, year Number) string {
	return English.Amount(amount, basis, year)
}

// FormatProjectAmount shows a project's amount and, when the amount is the
// Korean part of a larger whole, the whole-project cost beside it: "$906 m
// loan (2012), of a whole-project cost of $3.89 bn (2016)".
func FormatProjectAmount(p *Project) string { return English.ProjectAmount(p) }

// StatusText shows a status with the year of the latest source that
// confirms it: "planned (as of 2014)".
func StatusText(p *Project) string { return English.Status(p) }

// BasisLabel names a basis for a total: "loans", "contract values".
func (l *Locale) BasisLabel(basis string) string {
	if basis == "" {
		return l.Word("basis.none.label")
	}
	if _, ok := EnglishWords["basis."+basis+".label"]; ok {
		return l.Word("basis." + basis + ".label")
	}
	return basis
}

// BasisName names a basis for one amount: "loan", "contract value".
func (l *Locale) BasisName(basis string) string {
	if _, ok := EnglishWords["basis."+basis+".name"]; ok {
		return l.Word("basis." + basis + ".name")
	}
	return basis
}

// BasisDoc says in a sentence what amounts of a basis measure.
func (l *Locale) BasisDoc(basis string) string {
	if _, ok := EnglishWords["basis."+basis+".doc"]; ok {
		return l.Word("basis." + basis + ".doc")
	}
	return ""
}

// Amount shows an amount with what it measures and its year: "$906 m
// loan (2012)"; "—" when the amount is unknown.
func (l *Locale) Amount(amount Number, basis string, yr Number) string {
	s := l.Money(amount)
	if s == Unknown {
		return s
	}
	if basis != "" {
		s = l.Phrase("amount.measured", "Money", s, "Kind", l.BasisName(basis))
	}
	return l.WithYear(s, yr)
}

// ProjectAmount shows a project's amount and, when it is the Korean part
// of a larger whole, the whole-project cost beside it.
func (l *Locale) ProjectAmount(p *Project) string {
	s := l.Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear)
	if p.TotalCostUSDm.Known() && p.AmountBasis != BasisTotalCost {
		cost := l.WithYear(l.Money(p.TotalCostUSDm), p.TotalCostYear)
		if s == Unknown {
			return l.Phrase("amount.cost-only", "Cost", cost)
		}
		return l.Phrase("amount.of-cost", "Amount", s, "Cost", cost)
	}
	return s
}

// statusCell is a status in a list, under the header "Status (as of)":
// "planned (2014)".
func (l *Locale) statusCell(p *Project) string {
	st := l.Vocab("status", p.Status)
	if p.Status == "" || !p.StatusAsOf.Known() {
		return st
	}
	return st + " (" + strconv.Itoa(p.StatusAsOf.Year) + ")"
}

// Status shows a status with the year of the latest source that confirms
// it: "planned (as of 2014)".
func (l *Locale) Status(p *Project) string {
	st := l.Vocab("status", p.Status)
	if p.Status == "" || !p.StatusAsOf.Known() {
		return st
	}
	return l.Phrase("status.with-year", "Status", st, "Year", strconv.Itoa(p.StatusAsOf.Year))
}

// BasisTotal is what the projects of one basis add up to. A project counts
// once: in Known with its amount added, in Unknown without an amount, or in
// Included when its amount already lies within that of a larger project
// among the same rows (part_of), so that nothing is counted twice.
type BasisTotal struct {
	Basis    string  // a word of AmountBases; "" for projects without a basis
	Label    string  // "loans", in the data set's language
	Count    int     // projects of this basis: Known + Unknown + Included
	Known    int     // projects whose amount is added
	Amount   float64 // the sum of those amounts, US$ millions, all of this basis
	Unknown  int     // projects of this basis without an amount
	Included int     // projects whose amount is inside a larger project's, not added again
	Rows     []int   // the projects whose amounts are added, in the order given
}

// TotalsByBasis adds up the amounts of projects (rows into Projects; nil:
// all) separately for each basis, in the order of AmountBases, then the
// projects with no basis. Only bases with at least one project are listed.
// The Counts add up to the number of projects.
func (d *Dataset) TotalsByBasis(rows []int) []BasisTotal {
	all := d.newTotals()
	counted := d.counted(rows)
	bases := d.bases()
	am := d.amounts()
	d.each(rows, func(r int) {
		addTo(&all[bases[r]], am, r, am.known(r) && am.part[r] && d.within(r, counted))
	})
	return present(all)
}

// TotalCosts adds up the whole-project costs of projects: total_cost_usd_m
// where the amount is the Korean part, or the amount itself where it is a
// whole-project cost. These include every partner's money; they are never
// added to the Korean amounts of TotalsByBasis.
func (d *Dataset) TotalCosts(rows []int) BasisTotal {
	in := d.counted(rows)
	t := BasisTotal{Basis: BasisTotalCost, Label: d.Locale().BasisLabel(BasisTotalCost)}
	d.each(rows, func(r int) {
		p := d.Projects[r]
		t.Count++
		cost := p.TotalCostUSDm
		if !cost.Known() && p.AmountBasis == BasisTotalCost {
			cost = p.AmountUSDm
		}
		switch {
		case !cost.Known():
			t.Unknown++
		case d.within(r, in):
			t.Included++
		default:
			t.Known++
			t.Amount += cost.Value
			t.Rows = append(t.Rows, r)
		}
	})
	return t
}

// BasisGroup is the projects that share one value of a column, with their
// amounts totalled per basis: one bar of a chart stacked by basis.
type BasisGroup struct {
	Key   string       // as in Group
	Label string       // as in Group
	Count int          // projects in the group
	Bases []BasisTotal // per basis, as TotalsByBasis gives them for the group
}

// GroupProjectsByBasis groups projects by a column of projects.csv, as
// GroupProjects does and in the same order, and totals each group's
// amounts per basis. A part is not added again when the project it is part
// of is in the same group.
func (d *Dataset) GroupProjectsByBasis(column string, rows []int) ([]BasisGroup, error) {
	t := d.tabProjects
	col := t.Column(column)
	if col < 0 {
		return nil, &UnknownColumnError{Table: "projects", Column: column}
	}
	f := &t.fields[col]
	type acc struct {
		g     Group
		bases []BasisTotal
	}
	x := d.groupIndex(col)
	accs := make([]*acc, len(x.names))
	var order []*acc
	inRows := d.counted(rows)
	bases := d.bases()
	am := d.amounts()
	d.each(rows, func(r int) {
		b := bases[r]
		for _, id := range x.of(r) {
			a := accs[id]
			if a == nil {
				a = &acc{g: Group{Key: x.names[id]}, bases: d.newTotals()}
				accs[id] = a
				order = append(order, a)
			}
			count(&a.g, am, r) // as GroupProjects counts, for the same order
			within := false
			if inRows != nil && am.part[r] && am.known(r) {
				within = d.within(r, func(i int) bool { return inRows(i) && x.has(i, id) })
			}
			addTo(&a.bases[b], am, r, within)
		}
	})
	for _, a := range order {
		a.g.Label = d.groupLabel(column, a.g.Key)
	}
	less := groupOrder(f)
	slices.SortStableFunc(order, func(a, b *acc) int { return less(a.g, b.g) })
	out := make([]BasisGroup, len(order))
	for i, a := range order {
		out[i] = BasisGroup{Key: a.g.Key, Label: a.g.Label, Count: a.g.Count, Bases: present(a.bases)}
	}
	return out, nil
}

// forGroupKeys calls f with each key under which GroupProjects counts a
// project.
func forGroupKeys(f *field[Project], p *Project, fn func(key string)) {
	switch {
	case f.list != nil:
		keys := *f.list(p)
		if len(keys) == 0 {
			fn("")
		}
		for _, k := range keys {
			fn(k)
		}
	case f.num != nil:
		if n := f.num(p); n.Known() {
			fn(n.String())
		} else {
			fn("")
		}
	default:
		fn(f.raw(p))
	}
}

// FormatBasisTotals says what totals add up to, one basis at a time and
// the largest first: "$5.28 bn of contract values, $1.55 bn of loans". With
// counts, each says how many projects it adds: "… of loans (7 projects)".
// It never adds two bases together. With no amount known it gives "no
// amount known".
func FormatBasisTotals(totals []BasisTotal, counts bool) string {
	return English.BasisTotals(totals, counts)
}

// KnownByAmount are the totals with a known amount, the largest first.
func KnownByAmount(totals []BasisTotal) []BasisTotal {
	known := make([]BasisTotal, 0, len(totals))
	for _, t := range totals {
		if t.Known > 0 {
			known = append(known, t)
		}
	}
	slices.SortStableFunc(known, func(a, b BasisTotal) int { return cmp.Compare(b.Amount, a.Amount) })
	return known
}

// BasisTotals is FormatBasisTotals in the language.
func (l *Locale) BasisTotals(totals []BasisTotal, counts bool) string {
	known := KnownByAmount(totals)
	if len(known) == 0 {
		return l.Word("totals.none")
	}
	parts := make([]string, len(known))
	for i, t := range known {
		label := l.BasisLabel(t.Basis)
		if counts {
			parts[i] = l.Phrase("totals.part-count", "Money", l.MoneyOf(t.Amount), "Label", label, "Count", l.Rows("projects", t.Known))
		} else {
			parts[i] = l.Phrase("totals.part", "Money", l.MoneyOf(t.Amount), "Label", label)
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// each calls fn with each of rows, or every project when rows is nil.
func (d *Dataset) each(rows []int, fn func(r int)) {
	if rows == nil {
		for r := range d.Projects {
			fn(r)
		}
		return
	}
	for _, r := range rows {
		fn(r)
	}
}

// counted tells whether a project is among rows (nil: all). It is nil when
// no project among them is part of another, and there is nothing to tell.
func (d *Dataset) counted(rows []int) func(int) bool {
	parts := false
	d.each(rows, func(r int) { parts = parts || d.Projects[r].PartOf != "" })
	switch {
	case !parts:
		return nil
	case rows == nil:
		return func(int) bool { return true }
	}
	in := make([]bool, len(d.Projects))
	for _, r := range rows {
		in[r] = true
	}
	return func(r int) bool { return in[r] }
}

// within reports whether a project's amount lies within the amount of a
// project it is part of (directly or through others) that is counted too.
func (d *Dataset) within(r int, counted func(int) bool) bool {
	if counted == nil || d.Projects[r].PartOf == "" {
		return false
	}
	for steps := 0; steps < len(d.Projects); steps++ {
		parent, ok := d.projectByID[d.Projects[r].PartOf]
		if !ok || d.Projects[r].PartOf == "" {
			return false
		}
		if counted(parent) && d.Projects[parent].AmountUSDm.Known() {
			return true
		}
		r = parent
	}
	return false
}

// basisIndex is a basis's place in AmountBases; len(AmountBases) for no
// basis, or a word outside the vocabulary.
func basisIndex(basis string) int {
	switch basis {
	case BasisTotalCost:
		return 0
	case BasisKoreanShare:
		return 1
	case BasisLoan:
		return 2
	case BasisGrant:
		return 3
	case BasisContractValue:
		return 4
	case BasisAgreement:
		return 5
	case BasisPledge:
		return 6
	}
	return len(AmountBases)
}

// newTotals is an empty total for each basis and one for none, labelled
// in the data set's language.
func (d *Dataset) newTotals() []BasisTotal {
	l := d.Locale()
	all := make([]BasisTotal, len(AmountBases)+1)
	for i, b := range AmountBases {
		all[i] = BasisTotal{Basis: b, Label: l.BasisLabel(b)}
	}
	all[len(AmountBases)] = BasisTotal{Label: l.BasisLabel("")}
	return all
}

// addTo counts a project into a total.
func addTo(t *BasisTotal, am *amounts, r int, within bool) {
	t.Count++
	switch {
	case !am.known(r):
		t.Unknown++
	case within:
		t.Included++
	default:
		t.Known++
		t.Amount += am.value[r]
		t.Rows = append(t.Rows, r)
	}
}

// present keeps the totals that count at least one project.
func present(all []BasisTotal) []BasisTotal {
	out := all[:0]
	for _, t := range all {
		if t.Count > 0 {
			out = append(out, t)
		}
	}
	return out
}
