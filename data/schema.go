package data

// Kind says how a column's cells are checked, shown, sorted and exported.
type Kind int

// The kinds of column.
const (
	Text      Kind = iota // free text
	ID                    // a lowercase slug, unique in its file
	Ref                   // the id of a row in another file
	Refs                  // a ";" list of ids of rows in another file
	Names                 // a ";" list of free-text names
	Vocab                 // one word of a closed vocabulary
	Regions               // a ";" list of ISO 3166-2 region codes
	Decimal               // a number
	Money                 // US$ millions
	Year                  // a four-digit year
	Rank                  // a positive whole number
	Percent               // 0 to 100
	Latitude              // −90 to 90
	Longitude             // −180 to 180
	YesNo                 // yes or no
	When                  // a date: 2024, 2024-06 or 2024-06-14
	Link                  // a URL
)

// Numeric reports whether cells of this kind are numbers: they sort as
// numbers and are exported without a formula guard.
func (k Kind) Numeric() bool {
	switch k {
	case Decimal, Money, Year, Rank, Percent, Latitude, Longitude:
		return true
	}
	return false
}

// Column describes one column of a bundled CSV file.
type Column struct {
	Name     string   // the CSV header, e.g. "amount_usd_m"
	Title    string   // the list header, e.g. "Amount"
	Kind     Kind     //
	Required bool     // the header must be present
	NotEmpty bool     // every row must give a value
	Target   string   // Ref, Refs: the file the ids point into ("any" = minerals, sectors or projects)
	Vocab    []string // Vocab: the allowed words
	With     []string // columns that carry this one's unit and year; exported beside it
	Doc      string   // one line for the data template's README
}

// The closed vocabularies of design.md section 3.
var (
	MineralGroups = []string{"precious", "base", "energy", "critical", "rare-earth", "industrial"}
	Statuses      = []string{"announced", "planned", "under-construction", "operational", "completed", "cancelled"}
	Instruments   = []string{"loan", "grant", "equity", "joint-venture", "epc-contract", "agreement"}
	MilestoneKind = []string{"agreement", "visit", "funding", "project", "policy"}
	Qualifiers    = []string{"over", "about", "up to"}
	// AmountBases says what a project's amount measures; see BasisDoc.
	// Amounts of different bases are never added together.
	AmountBases = []string{BasisTotalCost, BasisKoreanShare, BasisLoan, BasisGrant, BasisContractValue, BasisAgreement, BasisPledge}
)

// RegionNames maps the ISO 3166-2 codes of Uzbekistan's 14 first-level
// units to their names.
var RegionNames = map[string]string{
	"UZ-AN": "Andijan Region",
	"UZ-BU": "Bukhara Region",
	"UZ-FA": "Fergana Region",
	"UZ-JI": "Jizzakh Region",
	"UZ-NG": "Namangan Region",
	"UZ-NW": "Navoiy Region",
	"UZ-QA": "Qashqadaryo Region",
	"UZ-QR": "Republic of Karakalpakstan",
	"UZ-SA": "Samarqand Region",
	"UZ-SI": "Sirdaryo Region",
	"UZ-SU": "Surxondaryo Region",
	"UZ-TK": "Tashkent city",
	"UZ-TO": "Tashkent Region",
	"UZ-XO": "Xorazm Region",
}

// Mineral is a mineral Uzbekistan produces or holds (minerals.csv).
type Mineral struct {
	ID              string `csv:"id"`
	Name            string `csv:"name"`
	Symbol          string `csv:"symbol"`
	Group           string `csv:"group"`
	Production      Number `csv:"production"`
	ProductionUnit  string `csv:"production_unit"`
	ProductionYear  Number `csv:"production_year"`
	ProductionScope string `csv:"production_scope"`
	WorldRank       Number `csv:"world_rank"`
	WorldRankYear   Number `csv:"world_rank_year"`
	WorldRankScope  string `csv:"world_rank_scope"`
	WorldSharePct   Number `csv:"world_share_pct"`
	WorldShareYear  Number `csv:"world_share_year"`
	Reserves        Number `csv:"reserves"`
	ReservesUnit    string `csv:"reserves_unit"`
	ReservesYear    Number `csv:"reserves_year"`
	ReservesScope   string `csv:"reserves_scope"`
	Deposits        List   `csv:"deposits"`
	Operators       List   `csv:"operators"`
	Uses            List   `csv:"uses"`
	KoreaCritical   Flag   `csv:"korea_critical"`
	KoreaStrategic  Flag   `csv:"korea_strategic"`
	Notes           string `csv:"notes"`
	Sources         List   `csv:"sources"`
}

// Sector is a sector of Korean activity in Uzbekistan (sectors.csv).
type Sector struct {
	ID                string `csv:"id"`
	Name              string `csv:"name"`
	Description       string `csv:"description"`
	KoreanPartners    List   `csv:"korean_partners"`
	UzbekCounterparts List   `csv:"uzbek_counterparts"`
	Minerals          List   `csv:"minerals"`
	InvestmentUSDm    Number `csv:"investment_usd_m"`
	Sources           List   `csv:"sources"`
}

// Project is a funded or joint project (projects.csv).
type Project struct {
	ID            string `csv:"id"`
	Name          string `csv:"name"`
	Sector        string `csv:"sector"`
	Region        List   `csv:"region"`
	City          string `csv:"city"`
	Latitude      Number `csv:"latitude"`
	Longitude     Number `csv:"longitude"`
	KoreanPartner List   `csv:"korean_partner"`
	UzbekPartner  List   `csv:"uzbek_partner"`
	Funder        List   `csv:"funder"`
	Instrument    string `csv:"instrument"`
	AmountUSDm    Number `csv:"amount_usd_m"`
	AmountBasis   string `csv:"amount_basis"` // what the amount measures: one of AmountBases
	AmountYear    Number `csv:"amount_year"`
	TotalCostUSDm Number `csv:"total_cost_usd_m"` // the whole project's cost, when the amount is the Korean part of it
	TotalCostYear Number `csv:"total_cost_year"`
	PartOf        string `csv:"part_of"` // the id of the project whose amount already includes this one's
	Status        string `csv:"status"`
	StatusAsOf    Date   `csv:"status_as_of"` // the date of the latest source confirming the status
	StartYear     Number `csv:"start_year"`
	EndYear       Number `csv:"end_year"`
	Minerals      List   `csv:"minerals"`
	Description   string `csv:"description"`
	Notes         string `csv:"notes"`
	Sources       List   `csv:"sources"`
}

// Deposit is a deposit or mining operation, placed on the map
// (deposits.csv).
type Deposit struct {
	ID        string `csv:"id"`
	Name      string `csv:"name"`
	Minerals  List   `csv:"minerals"`
	Region    List   `csv:"region"`
	City      string `csv:"city"`
	Latitude  Number `csv:"latitude"`
	Longitude Number `csv:"longitude"`
	Operator  List   `csv:"operator"`
	Notes     string `csv:"notes"`
	Sources   List   `csv:"sources"`
}

// Indicator is a headline figure (indicators.csv).
type Indicator struct {
	ID          string `csv:"id"`
	Label       string `csv:"label"`
	Series      string `csv:"series"`
	Value       Number `csv:"value"`
	Unit        string `csv:"unit"`
	Qualifier   string `csv:"qualifier"`
	Period      string `csv:"period"`       // the period as reported: "as of 2025", "2024–2027"
	PeriodStart Number `csv:"period_start"` // first year of a figure over several years
	PeriodEnd   Number `csv:"period_end"`   // last year of a figure over several years
	Year        Number `csv:"year"`         // the year of a figure for one year or one date; empty for a period
	Notes       string `csv:"notes"`
	Sources     List   `csv:"sources"`
}

// Milestone is a dated event of the partnership (milestones.csv).
type Milestone struct {
	Date        Date   `csv:"date"`
	Title       string `csv:"title"`
	Description string `csv:"description"`
	Kind        string `csv:"kind"`
	Related     List   `csv:"related"`
	Sources     List   `csv:"sources"`
}

// Source is a citation (sources.csv).
type Source struct {
	ID        string `csv:"id"`
	Title     string `csv:"title"`
	Publisher string `csv:"publisher"`
	Date      Date   `csv:"date"`
	URL       string `csv:"url"`
	Notes     string `csv:"notes"`
}

// The file names of the data set, in the order they are loaded (deposits
// last: it places minerals on the map).
const (
	MineralsFile   = "minerals.csv"
	SectorsFile    = "sectors.csv"
	ProjectsFile   = "projects.csv"
	IndicatorsFile = "indicators.csv"
	MilestonesFile = "milestones.csv"
	SourcesFile    = "sources.csv"
	DepositsFile   = "deposits.csv"
	ProductionFile = "production.csv"
)

// Files lists the file names of a data set.
var Files = []string{MineralsFile, SectorsFile, ProjectsFile, IndicatorsFile, MilestonesFile, SourcesFile, DepositsFile, ProductionFile}
