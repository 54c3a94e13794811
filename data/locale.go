package data

import (
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Locale is how one language shows what this package formats for people:
// numbers with their separators, money in the scale its readers count in
// ("$7.7 bn", "77억 달러", "7,7 млрд $"), dates with their month names,
// ranks and spans of years, by the rules written here; and the data's own
// words (column titles, the closed vocabularies, units, regions, names of
// the bundled minerals and sectors), which Words translates, each falling
// back to its English in EnglishWords. Exports never use a Locale: their
// cells stay plain numbers and ISO dates in every language.
type Locale struct {
	// Tag names the language: "en", "ko", "ru", "uz", or "en-XA", the
	// test language whose every word is longer and accented.
	Tag string

	// Words translates a word by its key (see EnglishWords): count is the
	// number a plural agrees with (−1 for none), args fill its {{.Name}}s.
	// Nil, or false for a key: the English word. Some keys are not in
	// EnglishWords and stand for text as the data wrote it, which Words
	// may give the official form of: "org" (an organisation, args name),
	// "mineral.ID", "sector.ID" and "indicator.ID.label" or ".period"
	// (args written, the text as written).
	Words func(key string, count int, args map[string]string) (string, bool)

	r     *rules
	cache sync.Map // words without count or arguments, by key
}

// rules are the formatting rules of one language.
type rules struct {
	decimal, group string // "." and "," in English
	percent        string // after a percentage: "%", or " %" with a no-break space
	money          func(l *Locale, v float64) string
	date           func(d Date) string
	ordinal        func(n int) string
	from, until    func(year string) string
	pseudo         bool // the test language: words accented and lengthened
}

// nbsp keeps a number with its unit on one line.
const nbsp = "\u00a0"

var localeRules = map[string]*rules{
	"en": {
		decimal: ".", group: ",", percent: "%",
		money: func(l *Locale, v float64) string {
			if v >= 1000 {
				return "$" + l.fixed(v/1000, 2) + " bn"
			}
			return "$" + l.fixed(v, 1) + " m"
		},
		date:    func(d Date) string { return dayMonthYear(d, " ", monthNames[:], monthNames[:], " ") },
		ordinal: englishOrdinal,
		from:    func(y string) string { return "from " + y },
		until:   func(y string) string { return "until " + y },
	},
	"ko": {
		decimal: ".", group: ",", percent: "%",
		money: koreanMoney,
		date: func(d Date) string {
			s := strconv.Itoa(d.Year) + "년"
			if d.Month > 0 {
				s += " " + strconv.Itoa(d.Month) + "월"
			}
			if d.Day > 0 {
				s += " " + strconv.Itoa(d.Day) + "일"
			}
			return s
		},
		ordinal: func(n int) string { return strconv.Itoa(n) + "위" },
		from:    func(y string) string { return y + "년부터" },
		until:   func(y string) string { return y + "년까지" },
	},
	"ru": {
		decimal: ",", group: nbsp, percent: nbsp + "%",
		money:   scaledMoney("млн", "млрд", "$"),
		date:    func(d Date) string { return dayMonthYear(d, " ", russianMonths[:], russianMonthsOf[:], " ") },
		ordinal: func(n int) string { return strconv.Itoa(n) + "-е место" },
		from:    func(y string) string { return "с " + y },
		until:   func(y string) string { return "до " + y },
	},
	"uz": {
		decimal: ",", group: nbsp, percent: nbsp + "%",
		// "dollar", not "$": Uzbek adds its case endings to the word
		// ("7,7 mlrd dollardan ortiq"), as its press writes.
		money: scaledMoney("mln", "mlrd", "dollar"),
		// "14-iyun, 2024", "iyun, 2024": the forms of Uzbek official writing.
		date:    func(d Date) string { return dayMonthYear(d, "-", uzbekMonths[:], uzbekMonths[:], ", ") },
		ordinal: func(n int) string { return strconv.Itoa(n) + "-oʻrin" },
		from:    func(y string) string { return y + "-yildan" },
		until:   func(y string) string { return y + "-yilgacha" },
	},
}

// scaledMoney writes millions of dollars with the words for millions and
// billions before the currency: "7,7 млрд $", "906,0 mln dollar".
func scaledMoney(million, billion, currency string) func(*Locale, float64) string {
	return func(l *Locale, v float64) string {
		if v >= 1000 {
			return l.fixed(v/1000, 2) + nbsp + billion + nbsp + currency
		}
		return l.fixed(v, 1) + nbsp + million + nbsp + currency
	}
}

func init() {
	// The test language: English rules, its words accented and longer.
	en := *localeRules["en"]
	en.pseudo = true
	localeRules["en-XA"] = &en
}

var (
	russianMonths   = [13]string{"", "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
	russianMonthsOf = [13]string{"", "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	uzbekMonths     = [13]string{"", "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr", "noyabr", "dekabr"}
)

// dayMonthYear writes "14 Jun 2024" (day, sep, month of a day date, the
// year after yearSep) and "Jun 2024" (month alone) and "2024".
func dayMonthYear(d Date, sep string, months, monthsOf []string, yearSep string) string {
	y := strconv.Itoa(d.Year)
	switch {
	case d.Month == 0:
		return y
	case d.Day == 0:
		return months[d.Month] + yearSep + y
	}
	return strconv.Itoa(d.Day) + sep + monthsOf[d.Month] + yearSep + y
}

func englishOrdinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// koreanMoney counts dollars in 만 (10⁴), 억 (10⁸) and 조 (10¹²), as
// Korean readers do: $7.7 bn is 77억 달러, $127.5 m is 1억 2,750만 달러.
// It is exact to 10,000 dollars, a finer step than "$127.5 m".
func koreanMoney(l *Locale, v float64) string {
	dollars := v * 1e6
	if dollars < 1e4 {
		return l.Number(math.Round(dollars)) + " 달러"
	}
	man := int64(math.Round(dollars / 1e4))
	var parts []string
	for _, u := range []struct {
		size int64
		name string
	}{{1e8, "조"}, {1e4, "억"}, {1, "만"}} {
		if n := man / u.size; n > 0 {
			parts = append(parts, l.Number(float64(n))+u.name)
			man %= u.size
		}
	}
	return strings.Join(parts, " ") + " 달러"
}

// English is the locale of the data as written: what exports, the
// command line and a window without a language of its own show.
var English = NewLocale("en", nil)

// NewLocale is the locale of a language, with the words that translate
// its data; an unknown language gets the English rules.
func NewLocale(tag string, words func(key string, count int, args map[string]string) (string, bool)) *Locale {
	r, ok := localeRules[tag]
	if !ok {
		r = localeRules["en"]
	}
	return &Locale{Tag: tag, Words: words, r: r}
}

// Languages are the tags NewLocale has rules for.
func Languages() []string { return []string{"en", "ko", "uz", "ru"} }

// Number writes a number with the language's separators and no trailing
// zeros: 62276 → "62,276" or "62 276"; 96.4 → "96.4" or "96,4".
func (l *Locale) Number(v float64) string {
	return l.group3(strconv.FormatFloat(v, 'f', -1, 64))
}

// fixed rounds to at most prec decimals, drops trailing zeros and groups
// the thousands.
func (l *Locale) fixed(v float64, prec int) string {
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return l.group3(s)
}

// group3 puts the language's separators into a plain decimal number.
func (l *Locale) group3(s string) string {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(l.r.group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(l.r.decimal + frac)
	}
	return b.String()
}

// Money shows an amount in US$ millions: "$127.5 m", "$7.7 bn"; "—" when
// unknown.
func (l *Locale) Money(n Number) string {
	if !n.Known() {
		return Unknown
	}
	return l.MoneyOf(n.Value)
}

// MoneyOf shows a sum in US$ millions, as Money does.
func (l *Locale) MoneyOf(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	return sign + l.accent(l.r.money(l, v))
}

// Quantity shows a number with its unit: "4,000 tU", "96.4 t", "6.4%",
// money for "USD m"; "—" when unknown. The units of the data's
// vocabulary are the language's; other units are shown as written.
func (l *Locale) Quantity(n Number, unit string) string {
	if !n.Known() {
		return Unknown
	}
	s := l.Number(n.Value)
	switch unit {
	case "":
		return s
	case "%":
		return s + l.r.percent
	case "USD m":
		return l.Money(n)
	}
	count := -1
	if n.Value == math.Trunc(n.Value) && math.Abs(n.Value) < 1e9 {
		count = int(n.Value)
	}
	if w, ok := l.word("unit."+unit, count, map[string]string{"N": s}); ok {
		return w
	}
	return s + " " + unit
}

// WithYear appends the year of a figure: "148 kt (2020)". An unknown
// figure stays "—" and an unknown year is left out.
func (l *Locale) WithYear(s string, year Number) string {
	if s == Unknown || !year.Known() {
		return s
	}
	return s + " (" + strconv.Itoa(year.Int()) + ")"
}

// SourceMeta is who published a source and when, as a citation names it:
// "The Korea Herald, 12 Jun 2024", or the publisher alone when undated.
func (l *Locale) SourceMeta(s *Source) string {
	if s.Date.Known() {
		return s.Publisher + ", " + l.Date(s.Date)
	}
	return s.Publisher
}

// Date shows a date: "14 Jun 2024", "Jun 2024", "2024" in English;
// "2024년 6월 14일", "14 июня 2024", "14-iyun, 2024".
func (l *Locale) Date(d Date) string {
	if d.Year == 0 {
		if d.Bad != "" {
			return d.Bad
		}
		return Unknown
	}
	return l.accent(l.r.date(d))
}

// Years shows a span of years: "2024–2027", "2016", "from 2022", "—".
func (l *Locale) Years(start, end Number) string {
	switch {
	case start.Known() && end.Known() && start.Int() != end.Int():
		return strconv.Itoa(start.Int()) + "–" + strconv.Itoa(end.Int())
	case start.Known():
		if end.Known() {
			return strconv.Itoa(start.Int())
		}
		return l.accent(l.r.from(strconv.Itoa(start.Int())))
	case end.Known():
		return l.accent(l.r.until(strconv.Itoa(end.Int())))
	}
	return Unknown
}

// Ordinal shows a rank: "5th", "5위", "5-е место", "5-oʻrin".
func (l *Locale) Ordinal(n int) string { return l.accent(l.r.ordinal(n)) }

// Word is a word of the data in the language: its translation, else its
// English (EnglishWords), else the key.
func (l *Locale) Word(key string) string {
	if v, ok := l.cache.Load(key); ok {
		return v.(string)
	}
	w, ok := l.word(key, -1, nil)
	if !ok {
		w = key
	}
	l.cache.Store(key, w)
	return w
}

// Phrase is a word with its {{.Name}}s filled from pairs of name and
// value: Phrase("status.with-year", "Status", "planned", "Year", "2014").
func (l *Locale) Phrase(key string, pairs ...string) string {
	w, ok := l.word(key, -1, argsOf(pairs))
	if !ok {
		return key
	}
	return w
}

// Count is a word with a plural, for n things: "12 projects".
func (l *Locale) Count(key string, n int, pairs ...string) string {
	args := argsOf(pairs)
	if args == nil {
		args = map[string]string{}
	}
	args["N"] = l.Number(float64(n))
	w, ok := l.word(key, n, args)
	if !ok {
		return key
	}
	return w
}

func argsOf(pairs []string) map[string]string {
	if len(pairs) == 0 {
		return nil
	}
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// word looks a word up: the language's, else the English.
func (l *Locale) word(key string, count int, args map[string]string) (string, bool) {
	if l.Words != nil {
		if w, ok := l.Words(key, count, args); ok {
			return w, true
		}
	}
	e, ok := EnglishWords[key]
	if !ok {
		return "", false
	}
	tmpl := e.Other
	if count == 1 && e.One != "" {
		tmpl = e.One
	}
	return l.accent(Expand(tmpl, args)), true
}

// asWritten is text of the data in its official form in the language,
// where Words knows one, else as written.
func (l *Locale) asWritten(key, written string, extra ...string) string {
	if l.Words == nil || strings.TrimSpace(written) == "" {
		return written
	}
	args := argsOf(extra)
	if args == nil {
		args = map[string]string{}
	}
	args["written"] = written
	if w, ok := l.Words(key, -1, args); ok {
		return w
	}
	return written
}

// Org is an organisation's name in its official form in the language
// (the glossary the translations share), else as the data writes it.
func (l *Locale) Org(name string) string { return l.asWritten("org", name) }

// Orgs joins organisations' names: "Korea Eximbank, KOICA".
func (l *Locale) Orgs(names List) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = l.Org(n)
	}
	return strings.Join(out, ", ")
}

// Expand fills the {{.Name}}s of a word's template from args; a name
// args lacks is left as it is, for a test to find.
func Expand(tmpl string, args map[string]string) string {
	if !strings.Contains(tmpl, "{{") {
		return tmpl
	}
	var b strings.Builder
	for {
		i := strings.Index(tmpl, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(tmpl[i:], "}}")
		if j < 0 {
			break
		}
		name := tmpl[i+3 : i+j]
		v, ok := args[name]
		if !ok {
			v = tmpl[i : i+j+2]
		}
		b.WriteString(tmpl[:i])
		b.WriteString(v)
		tmpl = tmpl[i+j+2:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// accent makes text of the test language: see Pseudo.
func (l *Locale) accent(s string) string {
	if !l.r.pseudo {
		return s
	}
	return Pseudo(s)
}

// pseudoLetters are the test language's accented look-alikes of the
// ASCII letters, each still read as its letter.
var pseudoLetters = map[rune]string{
	'a': "á", 'b': "ƀ", 'c': "ç", 'd': "ð", 'e': "é", 'f': "ƒ", 'g': "ĝ", 'h': "ĥ", 'i': "î", 'j': "ĵ",
	'k': "ķ", 'l': "ļ", 'm': "ɱ", 'n': "ñ", 'o': "ö", 'p': "þ", 'q': "ǫ", 'r': "ŕ", 's': "š", 't': "ţ",
	'u': "û", 'v': "ṽ", 'w': "ŵ", 'x': "ẋ", 'y': "ý", 'z': "ž",
	'A': "Á", 'B': "Ɓ", 'C': "Ç", 'D': "Ð", 'E': "É", 'F': "Ƒ", 'G': "Ĝ", 'H': "Ĥ", 'I': "Î", 'J': "Ĵ",
	'K': "Ķ", 'L': "Ļ", 'M': "Ṁ", 'N': "Ñ", 'O': "Ö", 'P': "Þ", 'Q': "Ǫ", 'R': "Ŕ", 'S': "Š", 'T': "Ţ",
	'U': "Û", 'V': "Ṽ", 'W': "Ŵ", 'X': "Ẋ", 'Y': "Ý", 'Z': "Ž",
}

// Pseudo is text in the test language: every ASCII letter accented and
// about four in ten of them doubled, so a word is some 40% longer (as
// Russian and Uzbek often are) and no English is left readable as such.
// Template names ({{.Name}}) and digits are left as they are.
func Pseudo(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	n := 0
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "{{") {
			if j := strings.Index(s[i:], "}}"); j >= 0 {
				b.WriteString(s[i : i+j+2])
				i += j + 2
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		p, ok := pseudoLetters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		b.WriteString(p)
		// Two letters in five are doubled: 40% more letters.
		if n%5 == 1 || n%5 == 3 {
			b.WriteString(p)
		}
		n++
	}
	return b.String()
}
