package data

import (
	"strings"
	"sync/atomic"
)

// Dataset is the whole loaded data set: six files of rows, the tables that
// view them and the indexes that link them.
type Dataset struct {
	Minerals   []Mineral
	Sectors    []Sector
	Projects   []*Project // one allocation each: see slot
	Indicators []Indicator
	Milestones []Milestone
	Sources    []Source
	Deposits   []Deposit
	// ProductionRows are the figures of production.csv; see Production
	// and ProductionSeries for one mineral's.
	ProductionRows []ProductionRow

	// Warnings are problems that did not stop the load.
	Warnings Problems

	tables        []Table
	tabMinerals   *table[Mineral]
	tabSectors    *table[Sector]
	tabProjects   *table[Project]
	tabIndicators *table[Indicator]
	tabMilestones *table[Milestone]
	tabSources    *table[Source]
	tabDeposits   *table[Deposit]
	tabProduction *table[ProductionRow]
	prod          productionIndex

	mineralByID, sectorByID, projectByID map[string]int
	indicatorByID, sourceByID            map[string]int

	cache *groupCache // groupindex.go; made new by buildTables

	// locale is the language cells and labels are shown in (nil in it:
	// English); made with the tables, and shared by a copy of the data set.
	locale *atomic.Pointer[Locale]
}

// SetLocale shows the data in a language: its cells, labels and names.
// The tables' text sort orders are made again in it; views made before go
// on showing what they had folded for the filter: make them again.
func (d *Dataset) SetLocale(l *Locale) {
	if d.locale == nil {
		d.locale = &atomic.Pointer[Locale]{}
	}
	if d.locale.Swap(l) == l {
		return
	}
	for _, t := range d.tables {
		if f, ok := t.(interface{ forgetSorts() }); ok {
			f.forgetSorts()
		}
	}
}

// Locale is the language the data is shown in: English unless set.
func (d *Dataset) Locale() *Locale {
	if d.locale != nil {
		if l := d.locale.Load(); l != nil {
			return l
		}
	}
	return English
}

// Table returns the table of a file by its name ("projects") or nil.
func (d *Dataset) Table(name string) Table {
	name = strings.TrimSuffix(name, ".csv")
	for _, t := range d.tables {
		if t.Name() == name {
			return t
		}
	}
	return nil
}

// Tables lists the six tables in file order.
func (d *Dataset) Tables() []Table { return d.tables }

// Rows is the number of rows in all six files.
func (d *Dataset) Rows() int {
	n := 0
	for _, t := range d.tables {
		n += t.Len()
	}
	return n
}

// lookup finds a row by id through an index.
func lookup[R any](rows []R, index map[string]int, id string) (*R, bool) {
	i, ok := index[id]
	if !ok {
		return nil, false
	}
	return &rows[i], true
}

// Mineral looks a mineral up by id.
func (d *Dataset) Mineral(id string) (*Mineral, bool) { return lookup(d.Minerals, d.mineralByID, id) }

// Sector looks a sector up by id.
func (d *Dataset) Sector(id string) (*Sector, bool) { return lookup(d.Sectors, d.sectorByID, id) }

// Project looks a project up by id.
func (d *Dataset) Project(id string) (*Project, bool) {
	i, ok := d.projectByID[id]
	if !ok {
		return nil, false
	}
	return d.Projects[i], true
}

// Indicator looks a headline figure up by id.
func (d *Dataset) Indicator(id string) (*Indicator, bool) {
	return lookup(d.Indicators, d.indicatorByID, id)
}

// Source looks a citation up by id.
func (d *Dataset) Source(id string) (*Source, bool) { return lookup(d.Sources, d.sourceByID, id) }

// RowOf finds the table and row of an id in minerals, sectors or projects.
func (d *Dataset) RowOf(id string) (table string, row int, ok bool) {
	if i, ok := d.mineralByID[id]; ok {
		return "minerals", i, true
	}
	if i, ok := d.sectorByID[id]; ok {
		return "sectors", i, true
	}
	if i, ok := d.projectByID[id]; ok {
		return "projects", i, true
	}
	return "", 0, false
}

// NameOf gives the name of the mineral, sector, project or source with
// this id, or the id itself when there is none. Minerals and sectors are
// named in the data set's language, where it has their names; projects
// and sources as the data writes them.
func (d *Dataset) NameOf(id string) string {
	if m, ok := d.Mineral(id); ok {
		return d.Locale().asWritten("mineral."+id, m.Name)
	}
	if s, ok := d.Sector(id); ok {
		return d.Locale().asWritten("sector."+id, s.Name)
	}
	if p, ok := d.Project(id); ok {
		return p.Name
	}
	if s, ok := d.Source(id); ok {
		return s.Title
	}
	return id
}

// Names joins the names of the rows with these ids: "Gold, Silver".
func (d *Dataset) Names(ids List) string { return d.names(ids) }

func (d *Dataset) names(ids List) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.NameOf(id)
	}
	return strings.Join(out, ", ")
}

// RegionName gives the name of an ISO 3166-2 code, or the code.
func RegionName(code string) string {
	if n, ok := RegionNames[code]; ok {
		return n
	}
	return code
}

func idx(ids []string) map[string]int {
	m := make(map[string]int, len(ids))
	for i, id := range ids {
		if _, dup := m[id]; !dup {
			m[id] = i
		}
	}
	return m
}

// TableNames names the tables of a data set, in file order: the views
// that -export writes.
func TableNames() []string {
	var d Dataset
	d.buildTables()
	out := make([]string, len(d.tables))
	for i, t := range d.tables {
		out[i] = t.Name()
	}
	return out
}

// index builds the id lookups after the rows are read.
func (d *Dataset) index() {
	ids := func(n int, id func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = id(i)
		}
		return out
	}
	d.mineralByID = idx(ids(len(d.Minerals), func(i int) string { return d.Minerals[i].ID }))
	d.sectorByID = idx(ids(len(d.Sectors), func(i int) string { return d.Sectors[i].ID }))
	d.projectByID = idx(ids(len(d.Projects), func(i int) string { return d.Projects[i].ID }))
	d.indicatorByID = idx(ids(len(d.Indicators), func(i int) string { return d.Indicators[i].ID }))
	d.sourceByID = idx(ids(len(d.Sources), func(i int) string { return d.Sources[i].ID }))
}

const (
	srcDoc = "the ids of the sources in sources.csv, separated by ;"
)

func (d *Dataset) buildTables() {
	if d.locale == nil {
		d.locale = &atomic.Pointer[Locale]{}
	}
	d.cache = newGroupCache()
	minerals := newTable("minerals", "mineral", values(&d.Minerals), []field[Mineral]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug, e.g. gold"}, func(r *Mineral) *string { return &r.ID }),
		strField(Column{Name: "name", Title: "Mineral", Kind: Text, Required: true, NotEmpty: true, Doc: "the mineral's name"}, func(r *Mineral) *string { return &r.Name }).
			shown(func(r *Mineral) string { return d.Locale().asWritten("mineral."+r.ID, r.Name) }),
		strField(Column{Name: "symbol", Title: "Symbol", Kind: Text, Required: true, Doc: "chemical symbol, e.g. Au"}, func(r *Mineral) *string { return &r.Symbol }),
		strField(Column{Name: "group", Title: "Group", Kind: Vocab, Required: true, NotEmpty: true, Vocab: MineralGroups, Doc: "one of " + strings.Join(MineralGroups, ", ")}, func(r *Mineral) *string { return &r.Group }),
		numField(Column{Name: "production", Title: "Production", Kind: Decimal, Required: true, With: []string{"production_unit", "production_year", "production_scope"}, Doc: "latest production figure, a plain number"}, func(r *Mineral) *Number { return &r.Production }).
			shown(func(r *Mineral) string { return d.ProductionCell(r) }),
		strField(Column{Name: "production_unit", Title: "Production unit", Kind: Text, Required: true, Doc: "unit of production, e.g. t, kt, tU, Moz"}, func(r *Mineral) *string { return &r.ProductionUnit }),
		numField(Column{Name: "production_year", Title: "Production year", Kind: Year, Required: true, Doc: "year of the production figure"}, func(r *Mineral) *Number { return &r.ProductionYear }),
		strField(Column{Name: "production_scope", Title: "Production scope", Kind: Text, Doc: "whose output the production figure is: country (for the whole country, e.g. country (USGS estimate)) or the company, e.g. NMMC (company); needed whenever production is given"}, func(r *Mineral) *string { return &r.ProductionScope }),
		numField(Column{Name: "world_rank", Title: "World rank", Kind: Rank, Required: true, With: []string{"world_rank_year", "world_rank_scope"}, Doc: "rank among the world's producers, of the country or of the company world_rank_scope names"}, func(r *Mineral) *Number { return &r.WorldRank }).
			shown(func(r *Mineral) string { return d.RankCell(r) }),
		numField(Column{Name: "world_rank_year", Title: "Rank year", Kind: Year, Doc: "year of the world rank"}, func(r *Mineral) *Number { return &r.WorldRankYear }),
		strField(Column{Name: "world_rank_scope", Title: "Rank scope", Kind: Text, Doc: "whose rank it is: country (Uzbekistan among countries) or the company, e.g. NMMC (company) among companies; needed whenever a rank is given"}, func(r *Mineral) *string { return &r.WorldRankScope }),
		numField(Column{Name: "world_share_pct", Title: "World share", Kind: Percent, Required: true, With: []string{"world_share_year"}, Doc: "share of world production, percent (0-100)"}, func(r *Mineral) *Number { return &r.WorldSharePct }).
			shown(func(r *Mineral) string {
				l := d.Locale()
				return l.WithYear(l.Quantity(r.WorldSharePct, "%"), r.WorldShareYear)
			}),
		numField(Column{Name: "world_share_year", Title: "Share year", Kind: Year, Doc: "year of the world share"}, func(r *Mineral) *Number { return &r.WorldShareYear }),
		numField(Column{Name: "reserves", Title: "Reserves", Kind: Decimal, Required: true, With: []string{"reserves_unit", "reserves_year"}, Doc: "reserves, a plain number"}, func(r *Mineral) *Number { return &r.Reserves }).
			shown(func(r *Mineral) string {
				l := d.Locale()
				return l.WithYear(l.Quantity(r.Reserves, r.ReservesUnit), r.ReservesYear)
			}),
		strField(Column{Name: "reserves_unit", Title: "Reserves unit", Kind: Text, Required: true, Doc: "unit of the reserves"}, func(r *Mineral) *string { return &r.ReservesUnit }),
		numField(Column{Name: "reserves_year", Title: "Reserves year", Kind: Year, Doc: "year of the reserves figure"}, func(r *Mineral) *Number { return &r.ReservesYear }),
		strField(Column{Name: "reserves_scope", Title: "Reserves scope", Kind: Text, Doc: "what the reserves cover: country, a company or a deposit"}, func(r *Mineral) *string { return &r.ReservesScope }),
		listField(Column{Name: "deposits", Title: "Deposits", Kind: Names, Required: true, Doc: "main deposits, separated by ;"}, func(r *Mineral) *List { return &r.Deposits }),
		listField(Column{Name: "operators", Title: "Operators", Kind: Names, Required: true, Doc: "main operators, separated by ;"}, func(r *Mineral) *List { return &r.Operators }).
			shown(func(r *Mineral) string { return d.Locale().Orgs(r.Operators) }),
		listField(Column{Name: "uses", Title: "Uses", Kind: Names, Required: true, Doc: "uses in green technology, semiconductors and batteries, separated by ;"}, func(r *Mineral) *List { return &r.Uses }),
		flagField(Column{Name: "korea_critical", Title: "Korea critical", Kind: YesNo, Required: true, NotEmpty: true, Doc: "yes if on Korea's list of 33 critical minerals (2023), else no"}, func(r *Mineral) *Flag { return &r.KoreaCritical }),
		flagField(Column{Name: "korea_strategic", Title: "Korea strategic", Kind: YesNo, Required: true, NotEmpty: true, Doc: "yes if among Korea's 10 strategic minerals (2023), else no"}, func(r *Mineral) *Flag { return &r.KoreaStrategic }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Required: true, Doc: "scope, conflicts between sources, context"}, func(r *Mineral) *string { return &r.Notes }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Mineral) *List { return &r.Sources }),
	}, []string{"name", "symbol", "group", "production", "world_rank", "world_share_pct", "reserves", "korea_critical", "korea_strategic"},
		func(r *Mineral) string { return r.ID }, func(r *Mineral) List { return r.Sources })
	minerals.show("name", "production", "world_rank", "korea_critical", "group")
	minerals.facet("group", func(k string) string { return d.Locale().Vocab("group", k) })
	minerals.facet("korea_critical", func(k string) string {
		if k == "yes" {
			return d.Locale().Word("facet.korea-critical.yes")
		}
		return d.Locale().Word("facet.korea-critical.no")
	})

	sectors := newTable("sectors", "sector", values(&d.Sectors), []field[Sector]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug, e.g. health"}, func(r *Sector) *string { return &r.ID }),
		strField(Column{Name: "name", Title: "Sector", Kind: Text, Required: true, NotEmpty: true, Doc: "the sector's name"}, func(r *Sector) *string { return &r.Name }).
			shown(func(r *Sector) string { return d.Locale().asWritten("sector."+r.ID, r.Name) }),
		strField(Column{Name: "description", Title: "Description", Kind: Text, Required: true, Doc: "what Korea does in this sector"}, func(r *Sector) *string { return &r.Description }),
		listField(Column{Name: "korean_partners", Title: "Korean partners", Kind: Names, Required: true, Doc: "Korean companies and agencies, separated by ;"}, func(r *Sector) *List { return &r.KoreanPartners }).
			shown(func(r *Sector) string { return d.Locale().Orgs(r.KoreanPartners) }),
		listField(Column{Name: "uzbek_counterparts", Title: "Uzbek counterparts", Kind: Names, Required: true, Doc: "Uzbek counterparts, separated by ;"}, func(r *Sector) *List { return &r.UzbekCounterparts }).
			shown(func(r *Sector) string { return d.Locale().Orgs(r.UzbekCounterparts) }),
		listField(Column{Name: "minerals", Title: "Minerals", Kind: Refs, Target: "minerals", Required: true, Doc: "ids of linked minerals in minerals.csv, separated by ;"}, func(r *Sector) *List { return &r.Minerals }).
			shown(func(r *Sector) string { return d.names(r.Minerals) }),
		numField(Column{Name: "investment_usd_m", Title: "Investment", Kind: Money, Required: true, Doc: "Korean investment in the sector, US$ millions, where a source gives it"}, func(r *Sector) *Number { return &r.InvestmentUSDm }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Sector) *List { return &r.Sources }),
	}, []string{"name", "korean_partners", "uzbek_counterparts", "minerals", "investment_usd_m"},
		func(r *Sector) string { return r.ID }, func(r *Sector) List { return r.Sources })

	projects := newTable("projects", "project", pointers(&d.Projects), []field[Project]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug, e.g. national-oncology-center"}, func(r *Project) *string { return &r.ID }),
		strField(Column{Name: "name", Title: "Project", Kind: Text, Required: true, NotEmpty: true, Doc: "the project's name"}, func(r *Project) *string { return &r.Name }),
		strField(Column{Name: "sector", Title: "Sector", Kind: Ref, Target: "sectors", Required: true, NotEmpty: true, Doc: "the id of its sector in sectors.csv"}, func(r *Project) *string { return &r.Sector }).
			shown(func(r *Project) string { return d.NameOf(r.Sector) }),
		listField(Column{Name: "region", Title: "Region", Kind: Regions, Required: true, Doc: "ISO 3166-2 region codes such as UZ-TO, separated by ;"}, func(r *Project) *List { return &r.Region }).
			shown(func(r *Project) string { return d.Locale().Regions(r.Region) }),
		strField(Column{Name: "city", Title: "City", Kind: Text, Required: true, Doc: "town or district"}, func(r *Project) *string { return &r.City }),
		numField(Column{Name: "latitude", Title: "Latitude", Kind: Latitude, Required: true, Doc: "decimal degrees, only where a source gives it"}, func(r *Project) *Number { return &r.Latitude }),
		numField(Column{Name: "longitude", Title: "Longitude", Kind: Longitude, Required: true, Doc: "decimal degrees, only where a source gives it"}, func(r *Project) *Number { return &r.Longitude }),
		listField(Column{Name: "korean_partner", Title: "Korean partner", Kind: Names, Required: true, Doc: "Korean partners, separated by ;"}, func(r *Project) *List { return &r.KoreanPartner }).
			shown(func(r *Project) string { return d.Locale().Orgs(r.KoreanPartner) }),
		listField(Column{Name: "uzbek_partner", Title: "Uzbek partner", Kind: Names, Required: true, Doc: "Uzbek partners, separated by ;"}, func(r *Project) *List { return &r.UzbekPartner }).
			shown(func(r *Project) string { return d.Locale().Orgs(r.UzbekPartner) }),
		listField(Column{Name: "funder", Title: "Funder", Kind: Names, Required: true, Doc: "who finances it, separated by ;"}, func(r *Project) *List { return &r.Funder }).
			shown(func(r *Project) string { return d.Locale().Orgs(r.Funder) }),
		strField(Column{Name: "instrument", Title: "Instrument", Kind: Vocab, Vocab: Instruments, Required: true, Doc: "one of " + strings.Join(Instruments, ", ")}, func(r *Project) *string { return &r.Instrument }),
		numField(Column{Name: "amount_usd_m", Title: "Amount", Kind: Money, Required: true, With: []string{"amount_basis", "amount_year"}, Doc: "amount in US$ millions, a plain number: the Korean part (loan, grant, investment, contract) where a source gives it, else the whole-project cost; amount_basis says which"}, func(r *Project) *Number { return &r.AmountUSDm }).
			shown(func(r *Project) string { return d.Locale().Amount(r.AmountUSDm, r.AmountBasis, r.AmountYear) }),
		strField(Column{Name: "amount_basis", Title: "Amount basis", Kind: Vocab, Vocab: AmountBases, Required: true, Doc: "what the amount measures, one of " + strings.Join(AmountBases, ", ") + " (see Amount bases below); required whenever an amount is given, and may be given without one (a loan of unknown amount)"}, func(r *Project) *string { return &r.AmountBasis }).
			shown(func(r *Project) string { return d.Locale().BasisName(r.AmountBasis) }),
		numField(Column{Name: "amount_year", Title: "Amount year", Kind: Year, Required: true, Doc: "year of the amount"}, func(r *Project) *Number { return &r.AmountYear }),
		numField(Column{Name: "total_cost_usd_m", Title: "Whole-project cost", Kind: Money, With: []string{"total_cost_year"}, Doc: "the whole project's cost in US$ millions, every partner's money included, where a source gives it and the amount is only the Korean part of it; empty when amount_basis is total-cost"}, func(r *Project) *Number { return &r.TotalCostUSDm }).
			shown(func(r *Project) string {
				l := d.Locale()
				return l.WithYear(l.Money(r.TotalCostUSDm), r.TotalCostYear)
			}),
		numField(Column{Name: "total_cost_year", Title: "Cost year", Kind: Year, Doc: "year of the whole-project cost"}, func(r *Project) *Number { return &r.TotalCostYear }),
		strField(Column{Name: "part_of", Title: "Part of", Kind: Ref, Target: "projects", Doc: "the id of a larger project in projects.csv whose amount already includes this one's; totals then count this amount once, in the larger project"}, func(r *Project) *string { return &r.PartOf }).
			shown(func(r *Project) string {
				if r.PartOf == "" {
					return ""
				}
				return d.NameOf(r.PartOf)
			}),
		strField(Column{Name: "status", Title: "Status (as of)", Kind: Vocab, Vocab: Statuses, Required: true, NotEmpty: true, With: []string{"status_as_of"}, Doc: "one of " + strings.Join(Statuses, ", ") + ", as the latest source confirms it"}, func(r *Project) *string { return &r.Status }).
			shown(func(r *Project) string { return d.Locale().statusCell(r) }),
		dateField(Column{Name: "status_as_of", Title: "Status as of", Kind: When, Required: true, Doc: "the date of the latest source that confirms the status, YYYY-MM-DD, YYYY-MM or YYYY; empty only when no source that confirms it is dated (say so in notes)"}, func(r *Project) *Date { return &r.StatusAsOf }),
		numField(Column{Name: "start_year", Title: "Start", Kind: Year, Required: true, Doc: "year it started or was agreed"}, func(r *Project) *Number { return &r.StartYear }),
		numField(Column{Name: "end_year", Title: "End", Kind: Year, Required: true, Doc: "year it was or is to be completed"}, func(r *Project) *Number { return &r.EndYear }),
		listField(Column{Name: "minerals", Title: "Minerals", Kind: Refs, Target: "minerals", Required: true, Doc: "ids of minerals in minerals.csv, separated by ;"}, func(r *Project) *List { return &r.Minerals }).
			shown(func(r *Project) string { return d.names(r.Minerals) }),
		strField(Column{Name: "description", Title: "Description", Kind: Text, Required: true, Doc: "what it is, in a sentence or two"}, func(r *Project) *string { return &r.Description }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Doc: "conflicts between sources, caveats"}, func(r *Project) *string { return &r.Notes }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Project) *List { return &r.Sources }),
	}, []string{"name", "sector", "funder", "instrument", "amount_usd_m", "status", "start_year", "end_year", "region", "city", "korean_partner", "uzbek_partner"},
		func(r *Project) string { return r.ID }, func(r *Project) List { return r.Sources })
	projects.show("name", "amount_usd_m", "status", "start_year", "region")
	projects.facet("sector", d.NameOf)
	projects.facet("funder", func(k string) string { return d.Locale().Org(k) })
	projects.facet("status", func(k string) string { return d.Locale().Vocab("status", k) })
	projects.facets[len(projects.facets)-1].Title = "Status"
	projects.facet("region", func(k string) string { return d.Locale().Region(k) })
	projects.facet("start_year", nil)

	indicators := newTable("indicators", "indicator", values(&d.Indicators), []field[Indicator]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug"}, func(r *Indicator) *string { return &r.ID }),
		strField(Column{Name: "label", Title: "Figure", Kind: Text, Required: true, NotEmpty: true, Doc: "what the figure is"}, func(r *Indicator) *string { return &r.Label }),
		strField(Column{Name: "series", Title: "Series", Kind: Text, Doc: "groups comparable figures: investment, companies, trade …"}, func(r *Indicator) *string { return &r.Series }),
		numField(Column{Name: "value", Title: "Value", Kind: Decimal, Required: true, With: []string{"unit", "qualifier"}, Doc: "a plain number; money in US$ millions with unit USD m"}, func(r *Indicator) *Number { return &r.Value }).
			shown(func(r *Indicator) string { return d.Locale().IndicatorValue(r) }),
		strField(Column{Name: "unit", Title: "Unit", Kind: Text, Required: true, Doc: "USD m, companies, projects …"}, func(r *Indicator) *string { return &r.Unit }),
		strField(Column{Name: "qualifier", Title: "Qualifier", Kind: Vocab, Vocab: Qualifiers, Doc: "empty, or one of " + strings.Join(Qualifiers, ", ")}, func(r *Indicator) *string { return &r.Qualifier }),
		strField(Column{Name: "period", Title: "Period", Kind: Text, Required: true, Doc: "the period as reported, e.g. as of 2025, 2024–2027"}, func(r *Indicator) *string { return &r.Period }),
		numField(Column{Name: "period_start", Title: "Period start", Kind: Year, Doc: "for a figure over several years (a programme, a ceiling): its first year; leave year empty"}, func(r *Indicator) *Number { return &r.PeriodStart }),
		numField(Column{Name: "period_end", Title: "Period end", Kind: Year, Doc: "for a figure over several years: its last year, if the source gives it"}, func(r *Indicator) *Number { return &r.PeriodEnd }),
		numField(Column{Name: "year", Title: "Year", Kind: Year, Doc: "the year of a figure for one year or one date (a stock as of a date, a year's trade); empty for a figure over several years"}, func(r *Indicator) *Number { return &r.Year }).
			shown(func(r *Indicator) string { return d.Locale().IndicatorYears(r) }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Doc: "caveats and conflicts"}, func(r *Indicator) *string { return &r.Notes }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Indicator) *List { return &r.Sources }),
	}, []string{"label", "value", "period", "series"},
		func(r *Indicator) string { return r.ID }, func(r *Indicator) List { return r.Sources })

	milestones := newTable("milestones", "milestone", values(&d.Milestones), []field[Milestone]{
		dateField(Column{Name: "date", Title: "Date", Kind: When, Required: true, NotEmpty: true, Doc: "YYYY-MM-DD, YYYY-MM or YYYY"}, func(r *Milestone) *Date { return &r.Date }),
		strField(Column{Name: "title", Title: "Milestone", Kind: Text, Required: true, NotEmpty: true, Doc: "a short title"}, func(r *Milestone) *string { return &r.Title }),
		strField(Column{Name: "description", Title: "Description", Kind: Text, Required: true, Doc: "what happened"}, func(r *Milestone) *string { return &r.Description }),
		strField(Column{Name: "kind", Title: "Kind", Kind: Vocab, Vocab: MilestoneKind, Required: true, NotEmpty: true, Doc: "one of " + strings.Join(MilestoneKind, ", ")}, func(r *Milestone) *string { return &r.Kind }),
		listField(Column{Name: "related", Title: "Related", Kind: Refs, Target: "any", Required: true, Doc: "ids of minerals, sectors or projects, separated by ;"}, func(r *Milestone) *List { return &r.Related }).
			shown(func(r *Milestone) string { return d.names(r.Related) }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Milestone) *List { return &r.Sources }),
	}, []string{"date", "title", "kind", "related"}, nil, func(r *Milestone) List { return r.Sources })
	milestones.facet("kind", func(k string) string { return d.Locale().Vocab("kind", k) })

	sources := newTable("sources", "source", values(&d.Sources), []field[Source]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug, e.g. s1"}, func(r *Source) *string { return &r.ID }),
		strField(Column{Name: "title", Title: "Title", Kind: Text, Required: true, NotEmpty: true, Doc: "the title as published"}, func(r *Source) *string { return &r.Title }),
		strField(Column{Name: "publisher", Title: "Publisher", Kind: Text, Required: true, Doc: "who published it"}, func(r *Source) *string { return &r.Publisher }),
		dateField(Column{Name: "date", Title: "Date", Kind: When, Required: true, Doc: "YYYY-MM-DD, YYYY-MM or YYYY; empty if undated"}, func(r *Source) *Date { return &r.Date }),
		strField(Column{Name: "url", Title: "Link", Kind: Link, Required: true, Doc: "the address it was read at; empty only for a print or offline source, which notes then say"}, func(r *Source) *string { return &r.URL }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Doc: "how the date was inferred, reposts"}, func(r *Source) *string { return &r.Notes }),
	}, []string{"title", "publisher", "date", "id", "url"},
		func(r *Source) string { return r.ID }, func(r *Source) List { return nil })

	deposits := newTable("deposits", "deposit", values(&d.Deposits), []field[Deposit]{
		strField(Column{Name: "id", Title: "ID", Kind: ID, Required: true, NotEmpty: true, Doc: "a unique lowercase slug, e.g. muruntau"}, func(r *Deposit) *string { return &r.ID }),
		strField(Column{Name: "name", Title: "Deposit", Kind: Text, Required: true, NotEmpty: true, Doc: "the deposit's or operation's name"}, func(r *Deposit) *string { return &r.Name }),
		listField(Column{Name: "minerals", Title: "Minerals", Kind: Refs, Target: "minerals", Required: true, NotEmpty: true, Doc: "ids of its minerals in minerals.csv, separated by ;"}, func(r *Deposit) *List { return &r.Minerals }).
			shown(func(r *Deposit) string { return d.names(r.Minerals) }),
		listField(Column{Name: "region", Title: "Region", Kind: Regions, Required: true, Doc: "ISO 3166-2 region codes such as UZ-NW, separated by ;"}, func(r *Deposit) *List { return &r.Region }).
			shown(func(r *Deposit) string { return d.Locale().Regions(r.Region) }),
		strField(Column{Name: "city", Title: "Town", Kind: Text, Required: true, Doc: "the nearest town a source names"}, func(r *Deposit) *string { return &r.City }),
		numField(Column{Name: "latitude", Title: "Latitude", Kind: Latitude, Required: true, Doc: "decimal degrees, only where a source gives it"}, func(r *Deposit) *Number { return &r.Latitude }),
		numField(Column{Name: "longitude", Title: "Longitude", Kind: Longitude, Required: true, Doc: "decimal degrees, only where a source gives it"}, func(r *Deposit) *Number { return &r.Longitude }),
		listField(Column{Name: "operator", Title: "Operator", Kind: Names, Required: true, Doc: "who works it, separated by ;"}, func(r *Deposit) *List { return &r.Operator }).
			shown(func(r *Deposit) string { return d.Locale().Orgs(r.Operator) }),
		strField(Column{Name: "notes", Title: "Notes", Kind: Text, Doc: "key facts and caveats"}, func(r *Deposit) *string { return &r.Notes }),
		listField(Column{Name: "sources", Title: "Sources", Kind: Refs, Target: "sources", Required: true, NotEmpty: true, Doc: srcDoc}, func(r *Deposit) *List { return &r.Sources }),
	}, []string{"name", "minerals", "region", "operator"},
		func(r *Deposit) string { return r.ID }, func(r *Deposit) List { return r.Sources })

	d.tabProduction = d.productionTable()
	d.tables = []Table{minerals, sectors, projects, indicators, milestones, sources, deposits, d.tabProduction}
	for _, t := range d.tables {
		t.(interface{ setLocale(func() *Locale) }).setLocale(d.Locale)
	}
	d.tabMinerals, d.tabSectors, d.tabProjects = minerals, sectors, projects
	d.tabIndicators, d.tabMilestones, d.tabSources = indicators, milestones, sources
	d.tabDeposits = deposits
}

// IndicatorValue shows a headline figure with its qualifier and unit:
// "over $7.7 bn", "726 companies".
func IndicatorValue(r *Indicator) string { return English.IndicatorValue(r) }

// IndicatorValue shows a headline figure with its qualifier and unit in
// the language.
func (l *Locale) IndicatorValue(r *Indicator) string {
	s := l.Quantity(r.Value, r.Unit)
	if s == Unknown || r.Qualifier == "" {
		return s
	}
	key := "qualified." + r.Qualifier
	if _, ok := EnglishWords[key]; !ok {
		return r.Qualifier + " " + s
	}
	return l.Phrase(key, "V", s)
}

// IndicatorLabel is what a headline figure is: its label in the
// language where a translation has it, else as written.
func (l *Locale) IndicatorLabel(r *Indicator) string {
	return l.asWritten("indicator."+r.ID+".label", r.Label)
}
