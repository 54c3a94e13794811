package data

import (
	"slices"
	"strconv"
	"strings"
)

// fileDocs says what one row of each file is.
var fileDocs = map[string]string{
	MineralsFile:   "one row per mineral Uzbekistan produces or holds",
	SectorsFile:    "one row per sector of Korean activity in Uzbekistan",
	ProjectsFile:   "one row per funded or joint project",
	IndicatorsFile: "one row per headline figure (the Overview's cards)",
	MilestonesFile: "one row per dated event of the partnership (the Timeline)",
	SourcesFile:    "one row per source the other files cite",
	DepositsFile:   "one row per deposit or mining operation (the Map)",
	ProductionFile: "one row per figure of a mineral's output in one year, of the country or of one company",
}

// TemplateReadme is the README.txt written beside the data template: what
// each file and column holds, the vocabularies, lists, numbers and dates,
// and how to check a folder.
func TemplateReadme() string {
	var b strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			b.WriteString(x)
		}
		b.WriteString("\n")
	}
	w("Data for the Uzbekistan–Korea Partnership Dashboard")
	w("====================================================")
	w()
	w("These eight CSV files are the dashboard's data. Edit them in a spreadsheet or a")
	w("text editor, then choose this folder with File > Open data folder (Ctrl+O).")
	w("The dashboard reads every file here that has one of these names, and its")
	w("own bundled copy for any file that is missing, so a folder may hold only the")
	w("files you changed. It never writes to them. It reloads by itself when a file")
	w("is saved (or use View > Reload, Ctrl+R).")
	w()
	w("If anything is wrong, the dashboard keeps showing the data it had and lists")
	w("every problem as file:line: column: what is wrong (expected ...). From a")
	w("terminal, the same check:")
	w()
	w("    uzkor -data /path/to/this/folder -validate")
	w()
	w("Rules for every file")
	w("--------------------")
	w("- UTF-8 text (\"CSV UTF-8\" in Excel), comma-separated, one header row.")
	w("  Quote a cell that contains a comma, a quote or a line break: \"a, b\".")
	w("  A quote inside a quoted cell is written twice: \"\"")
	w("- An empty cell means unknown. It is shown as a dash, never as zero. Leave")
	w("  a figure empty when no source gives it.")
	w("- Numbers are plain: 127.5, not 127,5 or $127.5 or 1,000. Money is in US$")
	w("  millions (7.7 bn is 7700).")
	w("- Dates are 2024-06-14, 2024-06 or 2024. Years are four digits.")
	w("- Lists inside a cell are separated by ; (s1;s102).")
	w("- Ids are lowercase letters, digits and hyphens (edcf-pharma-park), unique")
	w("  in their file, and unique across minerals, sectors and projects.")
	w("- Every row cites at least one source: the ids of rows of sources.csv.")
	w("- Files larger than " + strconv.Itoa(DefaultMaxFileBytes>>20) + " MB are refused; cells longer than " + strconv.Itoa(MaxCellRunes) + " characters too.")
	w()
	for _, t := range schema().tables {
		w(t.File(), ": ", fileDocs[t.File()])
		w(strings.Repeat("-", len(t.File())+2+len(fileDocs[t.File()])))
		for _, c := range t.Columns() {
			need := "optional"
			switch {
			case c.Required && c.NotEmpty:
				need = "required, never empty"
			case c.Required:
				need = "required column, may be empty"
			}
			w("  ", c.Name, " (", need, "): ", c.Doc)
		}
		w()
	}
	w("Amounts, and what each measures")
	w("-------------------------------")
	w("A project's amount_usd_m is not always money Korea invested: it may be a loan, a")
	w("grant, a contract won by a Korean builder, the value of a memorandum, or the cost")
	w("of the whole project including the Uzbek side's and others' money. amount_basis")
	w("says which; every amount must have one, or the folder is refused. The dashboard")
	w("never adds amounts of different bases together: every total is given per basis")
	w("(\"$5.28 bn of contract values, $1.55 bn of loans, ...\").")
	w()
	w("- Where a source gives the Korean part of a larger project (a loan within the")
	w("  financing, Hyundai's contract within a plant's cost), put the Korean part in")
	w("  amount_usd_m with its basis, and the whole project's cost in total_cost_usd_m")
	w("  and total_cost_year. Never put one in place of the other.")
	w("- Where only the whole cost is known, it goes in amount_usd_m with basis")
	w("  total-cost, and total_cost_usd_m stays empty.")
	w("- Where one project's amount already includes another's (a plant of a company")
	w("  whose whole investment is given; one part of a larger grant), give the smaller")
	w("  one part_of: the id of the larger. Totals then count the amount once, in the")
	w("  larger project, whenever both are among the projects counted.")
	w("- status_as_of is the date of the latest source that confirms the status, shown")
	w("  as \"planned (as of 2014)\". Leave it empty only when no such source is dated,")
	w("  and say so in notes.")
	w()
	w("Amount bases (projects.amount_basis):")
	for _, b := range AmountBases {
		w("  ", b, ": ", BasisDoc(b))
	}
	w()
	w("Whose figure, and for which years")
	w("---------------------------------")
	w("- minerals.production_scope and world_rank_scope say whose output or rank a")
	w("  figure is: country, or the company (NMMC (company)). A company's output is not")
	w("  the country's: the dashboard shows the scope beside each figure.")
	w("- indicators: a figure for one year or one date (a stock as of 2025, a year's")
	w("  trade) has year; a figure over several years (a 2024-2027 ceiling) has")
	w("  period_start and period_end instead, never both.")
	w()
	b.WriteString(productionReadme())
	w()
	w("Vocabularies")
	w("------------")
	w("  minerals.group: ", strings.Join(MineralGroups, ", "))
	w("  projects.status: ", strings.Join(Statuses, ", "))
	w("  projects.instrument: ", strings.Join(Instruments, ", "))
	w("  projects.amount_basis: ", strings.Join(AmountBases, ", "), " (see Amount bases above)")
	w("  milestones.kind: ", strings.Join(MilestoneKind, ", "))
	w("  indicators.qualifier: empty, ", strings.Join(Qualifiers, ", "))
	w("  production.unit: ", strings.Join(Units, ", "), " (see Production units above)")
	w("  minerals.korea_critical, korea_strategic, production.estimate: yes or no")
	codes := make([]string, 0, len(RegionNames))
	for c := range RegionNames {
		codes = append(codes, c)
	}
	slices.Sort(codes)
	var regions []string
	for _, c := range codes {
		regions = append(regions, c+" "+RegionNames[c])
	}
	w("  projects.region (ISO 3166-2 codes): ", strings.Join(regions, "; "))
	return b.String()
}
