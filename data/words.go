package data

import (
	"strings"
	"unicode"
)

// Word is a word of the data in English: Other, and for a word with a
// plural its form for one (One). {{.Name}}s stand for what is filled in;
// a count is {{.N}}.
type Word struct{ One, Other string }

// EnglishWords are the data's words, by key, in English: what a Locale
// shows where its Words has none, and what a translation gives each of.
// The titles of the columns are added from the schema ("title." and the
// title's slug: TitleKey).
var EnglishWords = map[string]Word{
	// The tables: their tab title, one row, rows, a count of rows.
	"table.minerals": {Other: "Minerals"}, "noun.minerals": {Other: "mineral"}, "nouns.minerals": {Other: "minerals"},
	"count.minerals": {One: "{{.N}} mineral", Other: "{{.N}} minerals"},
	"table.sectors":  {Other: "Sectors"}, "noun.sectors": {Other: "sector"}, "nouns.sectors": {Other: "sectors"},
	"count.sectors":  {One: "{{.N}} sector", Other: "{{.N}} sectors"},
	"table.projects": {Other: "Projects"}, "noun.projects": {Other: "project"}, "nouns.projects": {Other: "projects"},
	"count.projects":   {One: "{{.N}} project", Other: "{{.N}} projects"},
	"table.indicators": {Other: "Headline figures"}, "noun.indicators": {Other: "headline figure"}, "nouns.indicators": {Other: "headline figures"},
	"count.indicators": {One: "{{.N}} headline figure", Other: "{{.N}} headline figures"},
	"table.milestones": {Other: "Milestones"}, "noun.milestones": {Other: "milestone"}, "nouns.milestones": {Other: "milestones"},
	"count.milestones": {One: "{{.N}} milestone", Other: "{{.N}} milestones"},
	"table.sources":    {Other: "Sources"}, "noun.sources": {Other: "source"}, "nouns.sources": {Other: "sources"},
	"count.sources":  {One: "{{.N}} source", Other: "{{.N}} sources"},
	"table.deposits": {Other: "Deposits"}, "noun.deposits": {Other: "deposit"}, "nouns.deposits": {Other: "deposits"},
	"count.deposits":   {One: "{{.N}} deposit", Other: "{{.N}} deposits"},
	"table.production": {Other: "Production figures"}, "noun.production": {Other: "production figure"}, "nouns.production": {Other: "production figures"},
	"count.production": {One: "{{.N}} production figure", Other: "{{.N}} production figures"},

	// The closed vocabularies (design, section 3).
	"vocab.group.precious":   {Other: "precious"},
	"vocab.group.base":       {Other: "base"},
	"vocab.group.energy":     {Other: "energy"},
	"vocab.group.critical":   {Other: "critical"},
	"vocab.group.rare-earth": {Other: "rare-earth"},
	"vocab.group.industrial": {Other: "industrial"},

	"vocab.status.announced":          {Other: "announced"},
	"vocab.status.planned":            {Other: "planned"},
	"vocab.status.under-construction": {Other: "under-construction"},
	"vocab.status.operational":        {Other: "operational"},
	"vocab.status.completed":          {Other: "completed"},
	"vocab.status.cancelled":          {Other: "cancelled"},

	"vocab.instrument.loan":          {Other: "loan"},
	"vocab.instrument.grant":         {Other: "grant"},
	"vocab.instrument.equity":        {Other: "equity"},
	"vocab.instrument.joint-venture": {Other: "joint-venture"},
	"vocab.instrument.epc-contract":  {Other: "epc-contract"},
	"vocab.instrument.agreement":     {Other: "agreement"},

	"vocab.kind.agreement": {Other: "agreement"},
	"vocab.kind.visit":     {Other: "visit"},
	"vocab.kind.funding":   {Other: "funding"},
	"vocab.kind.project":   {Other: "project"},
	"vocab.kind.policy":    {Other: "policy"},

	"vocab.yesno.yes": {Other: "yes"},
	"vocab.yesno.no":  {Other: "no"},

	// A headline figure's qualifier, around its value.
	"qualified.over":  {Other: "over {{.V}}"},
	"qualified.about": {Other: "about {{.V}}"},
	"qualified.up to": {Other: "up to {{.V}}"},

	// What an amount measures (basis.go): one amount, a total of several,
	// and what it is.
	"basis.total-cost.name":      {Other: "whole-project cost"},
	"basis.total-cost.label":     {Other: "whole-project costs"},
	"basis.total-cost.doc":       {Other: "the whole project's cost, every partner's money included (Uzbek, Korean and others); used when no source gives the Korean part"},
	"basis.korean-share.name":    {Other: "Korean share"},
	"basis.korean-share.label":   {Other: "Korean partners' investment"},
	"basis.korean-share.doc":     {Other: "what the Korean partners themselves put in, as equity or their own funds (all of it when the venture is wholly Korean)"},
	"basis.loan.name":            {Other: "loan"},
	"basis.loan.label":           {Other: "loans"},
	"basis.loan.doc":             {Other: "a loan from a Korean lender (EDCF, Korea Eximbank) that a source reports as signed or paid out"},
	"basis.grant.name":           {Other: "grant"},
	"basis.grant.label":          {Other: "grants"},
	"basis.grant.doc":            {Other: "a Korean grant: KOICA or other Korean government aid"},
	"basis.contract-value.name":  {Other: "contract value"},
	"basis.contract-value.label": {Other: "contract values"},
	"basis.contract-value.doc":   {Other: "the value of a contract won by Korean contractors or suppliers: money paid to Korean companies, not invested in Uzbekistan"},
	"basis.agreement.name":       {Other: "agreement"},
	"basis.agreement.label":      {Other: "agreements"},
	"basis.agreement.doc":        {Other: "the value named in a memorandum or agreement that no source shows as a signed loan, grant, investment or contract, nor as spent"},
	"basis.pledge.name":          {Other: "pledge"},
	"basis.pledge.label":         {Other: "pledges"},
	"basis.pledge.doc":           {Other: "an amount announced, committed or proposed, with no signed agreement in the sources, and not shown as spent"},
	"basis.none.label":           {Other: NoBasis},

	"amount.measured":          {Other: "{{.Money}} {{.Kind}}"},
	"amount.of-cost":           {Other: "{{.Amount}}, of a whole-project cost of {{.Cost}}"},
	"amount.cost-only":         {Other: "whole-project cost {{.Cost}}, Korean part not given"},
	"totals.part":              {Other: "{{.Money}} of {{.Label}}"},
	"totals.part-count":        {Other: "{{.Money}} of {{.Label}} ({{.Count}})"},
	"totals.none":              {Other: "no amount known"},
	"status.with-year":         {Other: "{{.Status}} (as of {{.Year}})"},
	"not-stated":               {Other: NotStated},
	"facet.korea-critical.yes": {Other: "On Korea's critical list"},
	"facet.korea-critical.no":  {Other: "Not on Korea's critical list"},

	// Whose output a figure is, and when it is an estimate.
	"scope.country": {Other: ScopeCountry},
	"scope.company": {Other: "{{.Name}} (company)"},
	"estimate":      {Other: "estimate"},

	// Where a marker on the map stands.
	"location.own":    {Other: "own coordinates"},
	"location.town":   {Other: "town location"},
	"location.region": {Other: "region"},
	"location.none":   {Other: "no location"},

	// Units of the data's figures: production units, and those of
	// headline figures.
	"unit.kg":           {Other: "{{.N}} kg"},
	"unit.t":            {Other: "{{.N}} t"},
	"unit.kt":           {Other: "{{.N}} kt"},
	"unit.Mt":           {Other: "{{.N}} Mt"},
	"unit.tU":           {Other: "{{.N}} tU"},
	"unit.koz":          {Other: "{{.N}} koz"},
	"unit.Moz":          {Other: "{{.N}} Moz"},
	"unit.companies":    {One: "{{.N}} company", Other: "{{.N}} companies"},
	"unit.projects":     {One: "{{.N}} project", Other: "{{.N}} projects"},
	"unit.flights/week": {Other: "{{.N}} flights/week"},
	"per-year":          {Other: "{{.Unit}} a year"},
}

func init() {
	for code, name := range RegionNames {
		EnglishWords["region."+code] = Word{Other: name}
		// On the map: "Navoiy", "Tashkent city".
		EnglishWords["region-short."+code] = Word{Other: strings.TrimSuffix(name, " Region")}
	}
	// Every column's and facet's title, once for each English title.
	d := schema()
	add := func(title string) {
		key := TitleKey(title)
		if w, ok := EnglishWords[key]; ok && w.Other != title {
			panic("data: the titles " + w.Other + " and " + title + " have one key, " + key)
		}
		EnglishWords[key] = Word{Other: title}
	}
	for _, t := range d.tables {
		for _, c := range t.Columns() {
			add(c.Title)
		}
		for _, f := range t.Facets() {
			add(f.Title)
		}
	}
}

// TitleKey is the key of a column's title: "title." and the English
// title in lower case, its spaces and signs as hyphens, an opening
// bracket as an underscore ("title.world-rank", "title.status-_as-of"
// for "Status (as of)", which is not "Status as of"); a key that would
// end in a word of reservedLeaf ends in "-title" ("title.id-title").
func TitleKey(title string) string {
	var b strings.Builder
	b.WriteString("title.")
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '(':
			if dash && b.Len() > len("title.") {
				b.WriteByte('-')
			}
			dash = false
			if r == '(' {
				r = '_'
			}
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if reservedLeaf[strings.TrimPrefix(b.String(), "title.")] {
		b.WriteString("-title")
	}
	return b.String()
}

// reservedLeaf are the words the catalogs' format (go-i18n) reads as the
// parts of a message, which no key may end in.
var reservedLeaf = map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}

// Title is a column's or facet's title in the language.
func (l *Locale) Title(english string) string {
	if w, ok := l.word(TitleKey(english), -1, nil); ok {
		return w
	}
	return english
}

// Vocab is a word of a closed vocabulary in the language ("planned",
// column "status"), or the word as written when it is not one.
func (l *Locale) Vocab(column, word string) string {
	if word == "" {
		return ""
	}
	key := "vocab." + column + "." + word
	if _, ok := EnglishWords[key]; !ok {
		return word
	}
	return l.Word(key)
}

// Region is a region's name in the language, or its code.
func (l *Locale) Region(code string) string {
	key := "region." + code
	if _, ok := EnglishWords[key]; !ok {
		return code
	}
	return l.Word(key)
}

// Regions joins the names of regions.
func (l *Locale) Regions(codes List) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = l.Region(c)
	}
	return strings.Join(out, ", ")
}

// Table is a table's title: "Projects".
func (l *Locale) Table(name string) string { return l.Word("table." + name) }

// Noun is one row of a table: "project".
func (l *Locale) Noun(name string) string { return l.Word("noun." + name) }

// Nouns is rows of a table: "projects".
func (l *Locale) Nouns(name string) string { return l.Word("nouns." + name) }

// Rows counts rows of a table: "1 project", "12 projects".
func (l *Locale) Rows(name string, n int) string { return l.Count("count."+name, n) }

// Unit is a unit word in the language, for a value of the unit: "t a
// year" (PerYear) takes it.
func (l *Locale) Unit(unit string) string {
	w, ok := l.word("unit."+unit, -1, map[string]string{"N": ""})
	if !ok {
		return unit
	}
	return strings.TrimSpace(w)
}

// PerYear is a unit of a yearly figure: "t a year".
func (l *Locale) PerYear(unit string) string { return l.Phrase("per-year", "Unit", l.Unit(unit)) }

// Location says what a marker's place is from: "own coordinates".
func (l *Locale) Location(b LocationBasis) string {
	switch b {
	case OwnCoordinates:
		return l.Word("location.own")
	case TownLocation:
		return l.Word("location.town")
	case RegionCentre:
		return l.Word("location.region")
	}
	return l.Word("location.none")
}

// Yes and no, for a flag's cell.
func (l *Locale) flag(f Flag) string {
	switch {
	case !f.Known:
		return f.Bad
	case f.Value:
		return l.Word("vocab.yesno.yes")
	}
	return l.Word("vocab.yesno.no")
}
