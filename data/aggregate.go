package data

import (
	"slices"
	"strconv"
	"strings"
)

// Group is the projects that share one value of a column: how many, how
// many of them have a known amount, and the sum of those amounts. Projects
// of unknown amount are counted apart, never as zero.
//
// Amount adds amounts of every basis together (loans, grants, contract
// values, whole-project costs …), which is not a figure to show: use
// Count and Unknown from here, and GroupProjectsByBasis for the amounts.
type Group struct {
	Key     string  // "health", "operational", "2021"; "" for not stated
	Label   string  // "Health care", in the data set's language
	Count   int     // projects
	Known   int     // projects with a known amount
	Amount  float64 // sum of the known amounts, US$ millions
	Unknown int     // projects without an amount
}

// NotStated labels the group of projects that leave a column empty.
const NotStated = "Not stated"

// GroupProjects groups projects by a column of projects.csv: sector,
// status, funder, instrument, start_year, region, minerals … A project
// with several values in a list column (two funders) counts in each group.
// rows limits the projects counted (nil: all). Groups come in the order a
// reader expects: vocabulary order for status and instrument, years in
// time order, and the rest by amount, then count.
func (d *Dataset) GroupProjects(column string, rows []int) ([]Group, error) {
	t := d.tabProjects
	col := t.Column(column)
	if col < 0 {
		return nil, &UnknownColumnError{Table: "projects", Column: column}
	}
	f := &t.fields[col]
	x := d.groupIndex(col)
	acc := make([]Group, len(x.names))
	var order []uint32 // the groups in the order their first row comes
	am := d.amounts()
	d.each(rows, func(r int) {
		for _, id := range x.of(r) {
			g := &acc[id]
			if g.Count == 0 {
				g.Key = x.names[id]
				order = append(order, id)
			}
			count(g, am, r)
		}
	})
	out := make([]Group, len(order))
	for i, id := range order {
		out[i] = acc[id]
		out[i].Label = d.groupLabel(column, out[i].Key)
	}
	slices.SortStableFunc(out, groupOrder(f))
	return out, nil
}

// groupOrder orders groups as a reader expects: vocabulary order, years in
// time order, the rest by amount, then count, then label; not stated last.
func groupOrder(f *field[Project]) func(a, b Group) int {
	rank := func(g Group) int { return slices.Index(f.Vocab, g.Key) }
	return func(a, b Group) int {
		if (a.Key == "") != (b.Key == "") { // not stated goes last
			if a.Key == "" {
				return 1
			}
			return -1
		}
		switch {
		case f.Kind == Vocab:
			return rank(a) - rank(b)
		case f.Kind == Year:
			ya, _ := strconv.Atoi(a.Key)
			yb, _ := strconv.Atoi(b.Key)
			return ya - yb
		}
		if a.Amount != b.Amount {
			if a.Amount > b.Amount {
				return -1
			}
			return 1
		}
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Label, b.Label)
	}
}

func (d *Dataset) groupLabel(column, key string) string {
	l := d.Locale()
	if key == "" {
		return l.Word("not-stated")
	}
	switch column {
	case "sector", "minerals":
		return d.NameOf(key)
	case "region":
		return l.Region(key)
	case "status", "instrument":
		return l.Vocab(column, key)
	case "funder", "korean_partner", "uzbek_partner":
		return l.Org(key)
	}
	return key
}

// Totals of the projects: how many, how many with a known amount, and the
// sum of those amounts in US$ millions.
//
// Deprecated: the sum adds amounts of different bases together (a loan, a
// contract won by a Korean builder, a whole-project cost that includes
// other partners' money) and counts a part again beside the whole it
// belongs to. Show TotalsByBasis, formatted with FormatBasisTotals, and
// TotalCosts for whole-project costs; count and known stay usable.
func (d *Dataset) Totals(rows []int) (count, known int, amount float64) {
	if rows == nil {
		for i := range d.Projects {
			if p := d.Projects[i]; p.AmountUSDm.Known() {
				known++
				amount += p.AmountUSDm.Value
			}
		}
		return len(d.Projects), known, amount
	}
	for _, r := range rows {
		if p := d.Projects[r]; p.AmountUSDm.Known() {
			known++
			amount += p.AmountUSDm.Value
		}
	}
	return len(rows), known, amount
}

// Latest returns the newest figure of an indicator series ("trade"), by
// its year, or for a figure over a period the last year of the period (see
// RefYear), the first in file order among equals.
func (d *Dataset) Latest(series string) (*Indicator, bool) {
	var best *Indicator
	bestYear := 0
	for i := range d.Indicators {
		in := &d.Indicators[i]
		if in.Series != series || !in.Value.Known() {
			continue
		}
		y, _ := in.RefYear()
		if best == nil || y > bestYear {
			best, bestYear = in, y
		}
	}
	return best, best != nil
}

// CriticalMinerals lists the minerals on Korea's list of critical minerals.
func (d *Dataset) CriticalMinerals() []int {
	var out []int
	for i := range d.Minerals {
		if d.Minerals[i].KoreaCritical.Value {
			out = append(out, i)
		}
	}
	return out
}

// AsOf is the date of the newest source: how recent the data is.
func (d *Dataset) AsOf() Date {
	var newest Date
	for _, s := range d.Sources {
		if s.Date.Known() && newest.Before(s.Date) {
			newest = s.Date
		}
	}
	return newest
}

func count(x *Group, am *amounts, r int) {
	x.Count++
	if am.known(r) {
		x.Known++
		x.Amount += am.value[r]
	} else {
		x.Unknown++
	}
}

// LatestMilestones are the rows of the n newest milestones, the newest
// first; milestones of one date stay in file order.
func (d *Dataset) LatestMilestones(n int) []int {
	rows := make([]int, len(d.Milestones))
	for i := range rows {
		rows[i] = i
	}
	slices.SortStableFunc(rows, func(a, b int) int {
		x, y := d.Milestones[a].Date, d.Milestones[b].Date
		switch {
		case y.Before(x):
			return -1
		case x.Before(y):
			return 1
		}
		return 0
	})
	return rows[:min(n, len(rows))]
}
