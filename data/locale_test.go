package data

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The rules of each language, case by case: what an official of that
// language reads.
var localeCases = []struct {
	tag, what string
	got       func(l *Locale) string
	want      string
}{
	{"en", "money bn", func(l *Locale) string { return l.Money(Num(7700)) }, "$7.7 bn"},
	{"en", "money m", func(l *Locale) string { return l.Money(Num(127.5)) }, "$127.5 m"},
	{"en", "money unknown", func(l *Locale) string { return l.Money(Number{}) }, "—"},
	{"ko", "money 억", func(l *Locale) string { return l.Money(Num(7700)) }, "77억 달러"},
	{"ko", "money 억 and 만", func(l *Locale) string { return l.Money(Num(127.5)) }, "1억 2,750만 달러"},
	{"ko", "money 억, 만 not zero-padded", func(l *Locale) string { return l.Money(Num(906)) }, "9억 600만 달러"},
	{"ko", "money 만 alone", func(l *Locale) string { return l.Money(Num(0.5)) }, "50만 달러"},
	{"ko", "money 조", func(l *Locale) string { return l.Money(Num(1_500_000)) }, "1조 5,000억 달러"},
	{"ko", "money below 만", func(l *Locale) string { return l.Money(Num(0.005)) }, "5,000 달러"},
	{"ko", "money negative", func(l *Locale) string { return l.MoneyOf(-127.5) }, "-1억 2,750만 달러"},
	{"ru", "money млрд", func(l *Locale) string { return l.Money(Num(7700)) }, "7,7\u00a0млрд\u00a0$"},
	{"ru", "money млн", func(l *Locale) string { return l.Money(Num(127.5)) }, "127,5\u00a0млн\u00a0$"},
	{"ru", "money thousands of millions", func(l *Locale) string { return l.Money(Num(2663.5)) }, "2,66\u00a0млрд\u00a0$"},
	{"uz", "money mlrd", func(l *Locale) string { return l.Money(Num(7700)) }, "7,7\u00a0mlrd\u00a0dollar"},
	{"uz", "money mln", func(l *Locale) string { return l.Money(Num(544.1)) }, "544,1\u00a0mln\u00a0dollar"},

	{"en", "number", func(l *Locale) string { return l.Number(62276.5) }, "62,276.5"},
	{"ko", "number", func(l *Locale) string { return l.Number(62276.5) }, "62,276.5"},
	{"ru", "number", func(l *Locale) string { return l.Number(62276.5) }, "62\u00a0276,5"},
	{"uz", "number", func(l *Locale) string { return l.Number(1234567) }, "1\u00a0234\u00a0567"},
	{"ru", "small number", func(l *Locale) string { return l.Number(96.4) }, "96,4"},
	{"ru", "negative number", func(l *Locale) string { return l.Number(-4000) }, "-4\u00a0000"},

	{"en", "percent", func(l *Locale) string { return l.Quantity(Num(6.4), "%") }, "6.4%"},
	{"ru", "percent", func(l *Locale) string { return l.Quantity(Num(6.4), "%") }, "6,4\u00a0%"},
	{"ko", "percent", func(l *Locale) string { return l.Quantity(Num(6.4), "%") }, "6.4%"},
	{"en", "unit", func(l *Locale) string { return l.Quantity(Num(4000), "tU") }, "4,000 tU"},
	{"en", "unit of one", func(l *Locale) string { return l.Quantity(Num(1), "companies") }, "1 company"},
	{"en", "unit not in the vocabulary", func(l *Locale) string { return l.Quantity(Num(5300), "t WO3") }, "5,300 t WO3"},
	{"ru", "money unit", func(l *Locale) string { return l.Quantity(Num(1700), "USD m") }, "1,7\u00a0млрд\u00a0$"},

	{"en", "day", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6, Day: 14}) }, "14 Jun 2024"},
	{"en", "month", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6}) }, "Jun 2024"},
	{"ko", "day", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6, Day: 14}) }, "2024년 6월 14일"},
	{"ko", "month", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6}) }, "2024년 6월"},
	{"ko", "year", func(l *Locale) string { return l.Date(Date{Year: 2024}) }, "2024년"},
	{"ru", "day: the month's genitive", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6, Day: 14}) }, "14 июня 2024"},
	{"ru", "month: its nominative", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 6}) }, "июнь 2024"},
	{"ru", "year", func(l *Locale) string { return l.Date(Date{Year: 2024}) }, "2024"},
	{"uz", "day", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 9, Day: 10}) }, "10-sentabr, 2024"},
	{"uz", "month", func(l *Locale) string { return l.Date(Date{Year: 2024, Month: 3}) }, "mart, 2024"},
	{"ru", "unknown date", func(l *Locale) string { return l.Date(Date{}) }, "—"},
	{"ru", "bad date as written", func(l *Locale) string { return l.Date(Date{Bad: "2024/13"}) }, "2024/13"},

	{"en", "ordinal", func(l *Locale) string { return l.Ordinal(22) }, "22nd"},
	{"en", "ordinal teen", func(l *Locale) string { return l.Ordinal(12) }, "12th"},
	{"ko", "ordinal", func(l *Locale) string { return l.Ordinal(5) }, "5위"},
	{"ru", "ordinal", func(l *Locale) string { return l.Ordinal(5) }, "5-е место"},
	{"uz", "ordinal", func(l *Locale) string { return l.Ordinal(5) }, "5-oʻrin"},

	{"en", "span", func(l *Locale) string { return l.Years(Num(2024), Num(2027)) }, "2024–2027"},
	{"en", "from", func(l *Locale) string { return l.Years(Num(2022), Number{}) }, "from 2022"},
	{"ko", "from", func(l *Locale) string { return l.Years(Num(2022), Number{}) }, "2022년부터"},
	{"ko", "until", func(l *Locale) string { return l.Years(Number{}, Num(2027)) }, "2027년까지"},
	{"ru", "from", func(l *Locale) string { return l.Years(Num(2022), Number{}) }, "с 2022"},
	{"uz", "until", func(l *Locale) string { return l.Years(Number{}, Num(2027)) }, "2027-yilgacha"},
	{"uz", "one year", func(l *Locale) string { return l.Years(Num(2016), Num(2016)) }, "2016"},
}

func TestLocaleRules(t *testing.T) {
	for _, c := range localeCases {
		t.Run(c.tag+" "+c.what, func(t *testing.T) {
			if got := c.got(NewLocale(c.tag, nil)); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// The English locale formats as the data always has: the functions of
// format.go are its English.
func TestEnglishIsTheDefault(t *testing.T) {
	if got := FormatMoney(Num(2660)); got != "$2.66 bn" {
		t.Errorf("FormatMoney: %q", got)
	}
	if got := Thousands(62276); got != "62,276" {
		t.Errorf("Thousands: %q", got)
	}
	var d Dataset
	if d.Locale() != English {
		t.Error("a data set without a language is not in English")
	}
}

// Words come from the language where it has them, else in English; a
// plural agrees with its count.
func TestLocaleWords(t *testing.T) {
	ru := NewLocale("ru", func(key string, n int, args map[string]string) (string, bool) {
		switch key {
		case "vocab.status.planned":
			return "запланирован", true
		case "count.projects":
			forms := map[bool]string{true: "{{.N}} проект", false: "{{.N}} проектов"}
			return Expand(forms[n%10 == 1 && n%100 != 11], args), true
		case "unit.t":
			return Expand("{{.N}} т", args), true
		case "scope.company":
			return Expand("{{.Name}} (компания)", args), true
		case "scope.country":
			return "страна", true
		case "mineral.gold":
			if args["written"] == "Gold" {
				return "золото", true
			}
		}
		return "", false
	})
	for _, c := range []struct{ got, want string }{
		{ru.Vocab("status", "planned"), "запланирован"},
		{ru.Vocab("status", "operational"), "operational"}, // no translation: English
		{ru.Vocab("status", "not-a-status"), "not-a-status"},
		{ru.Rows("projects", 21), "21 проект"},
		{ru.Rows("projects", 1000), "1\u00a0000 проектов"},
		{ru.Quantity(Num(96.4), "t"), "96,4 т"},
		{ru.asWritten("mineral.gold", "Gold"), "золото"},
		{ru.asWritten("mineral.gold", "Gold ore"), "Gold ore"},
		{ru.Title("World rank"), "World rank"},
		{ru.Phrase("status.with-year", "Status", "x", "Year", "2014"), "x (as of 2014)"},
		{ru.WrittenScope("NMMC (company)"), "NMMC (компания)"},
		{ru.WrittenScope("country"), "страна"},
		{ru.WrittenScope("AMMC (which produces all national copper, S18)"), "AMMC (which produces all national copper, S18)"},
		{ru.WrittenScope("country (USGS estimate)"), "country (USGS estimate)"},
		{English.WrittenScope("NMMC (company)"), "NMMC (company)"},
		{English.Rows("projects", 1), "1 project"},
		{English.Rows("projects", 2), "2 projects"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// A data set in a language shows its cells in it; exports do not.
func TestDatasetInALanguage(t *testing.T) {
	d, err := Load(goodFS(t))
	if err != nil {
		t.Fatal(err)
	}
	tab := d.Table("projects")
	amount := tab.Column("amount_usd_m")
	before := tab.Display(0, amount)
	d.SetLocale(NewLocale("ko", nil))
	after := tab.Display(0, amount)
	if before == after || !strings.Contains(after, "달러") {
		t.Errorf("the amount is %q in English and %q in Korean", before, after)
	}
	var b strings.Builder
	if err := WriteCSV(&b, tab, nil, allColumns(tab), false); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "달러") {
		t.Errorf("the export has Korean money in it:\n%s", b.String())
	}
}

// The test language changes every letter and lengthens the text by
// about 40%, leaving template names, digits and signs as they are.
func TestPseudo(t *testing.T) {
	in := "Clear filters ({{.N}} of 40)"
	out := Pseudo(in)
	if !strings.Contains(out, "{{.N}}") || !strings.Contains(out, "40") {
		t.Errorf("Pseudo(%q) = %q: the template or the digits changed", in, out)
	}
	for _, r := range strings.ReplaceAll(out, "{{.N}}", "") {
		if r < unicode.MaxASCII && unicode.IsLetter(r) {
			t.Fatalf("Pseudo(%q) = %q keeps the ASCII letter %q", in, out, r)
		}
	}
	letters := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) {
				n++
			}
		}
		return n
	}
	grown := float64(letters(Pseudo("Clear filters of the list shown"))) / float64(letters("Clear filters of the list shown"))
	if grown < 1.3 || grown > 1.5 {
		t.Errorf("the test language grows words by %.2f×, not about 1.4×", grown)
	}
}

// FuzzNumber: whatever the language, a number reads back as itself once
// its separators are taken out.
func FuzzNumber(f *testing.F) {
	for _, v := range []float64{0, 96.4, 62276, -4000, 1234567.125, 0.005} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if v != v || v > 1e15 || v < -1e15 {
			t.Skip()
		}
		for _, tag := range Languages() {
			l := NewLocale(tag, nil)
			s := l.Number(v)
			plain := strings.NewReplacer(l.r.group, "", l.r.decimal, ".").Replace(s)
			back, err := strconv.ParseFloat(plain, 64)
			if err != nil || back != v {
				t.Errorf("%s: %v is written %q, which reads back as %v (%v)", tag, v, s, back, err)
			}
		}
	})
}

// A table sorts as its data set's language writes it: after SetLocale
// the text orders are made again.
func TestSortFollowsLanguage(t *testing.T) {
	d, err := Load(goodFS(t))
	if err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		v := NewView(d.Table("minerals"), nil)
		if err := v.Set(Query{Sort: "name"}); err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range v.Rows() {
			out = append(out, d.Minerals[r].ID)
		}
		return out
	}
	if got := strings.Join(names(), " "); got != "gold lithium tungsten uranium" {
		t.Fatalf("in English: %s", got)
	}
	// A number column's order, made in English, is kept: numbers sort
	// the same in every language.
	byRank := NewView(d.Table("minerals"), nil)
	if err := byRank.Set(Query{Sort: "world_rank"}); err != nil {
		t.Fatal(err)
	}
	col := slices.IndexFunc(d.Table("minerals").Columns(), func(c Column) bool { return c.Name == "world_rank" })
	kept := func() bool {
		c := d.Table("minerals").(interface{ sorts() *sortCache }).sorts()
		c.mu.Lock()
		defer c.mu.Unlock()
		_, ok := c.perms[col]
		return ok
	}
	if !kept() {
		t.Fatal("sorting by world_rank made no order")
	}
	korean := map[string]string{"mineral.gold": "금", "mineral.lithium": "리튬", "mineral.tungsten": "텅스텐", "mineral.uranium": "우라늄"}
	d.SetLocale(NewLocale("ko", func(key string, n int, args map[string]string) (string, bool) {
		w, ok := korean[key]
		return w, ok
	}))
	if got := strings.Join(names(), " "); got != "gold lithium uranium tungsten" {
		t.Errorf("in Korean (금 리튬 우라늄 텅스텐): %s", got)
	}
	if !kept() {
		t.Error("the language change dropped the world_rank order")
	}
}

// A citation names the publisher and, when known, the date in the
// language's form.
func TestSourceMeta(t *testing.T) {
	for _, c := range []struct {
		lang string
		s    Source
		want string
	}{
		{"en", Source{Publisher: "The Korea Herald", Date: Date{Year: 2024, Month: 6, Day: 12}}, "The Korea Herald, 12 Jun 2024"},
		{"en", Source{Publisher: "USGS"}, "USGS"},
		{"ko", Source{Publisher: "연합뉴스", Date: Date{Year: 2025, Month: 9}}, "연합뉴스, 2025년 9월"},
	} {
		if got := NewLocale(c.lang, nil).SourceMeta(&c.s); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}
