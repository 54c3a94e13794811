package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	fynelang "fyne.io/fyne/v2/lang"
	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	plurals "golang.org/x/text/feature/plural"
	xlang "golang.org/x/text/language"

	"uzkor/data"
	"uzkor/resources"
)

// The window speaks English, Korean, Uzbek (Latin script) or Russian.
// Fyne's lang package picks its language from the system once and cannot
// change it; the window's words come from go-i18n, through a localizer of
// its own that View → Language replaces. The catalogs are the TOML files
// of resources/i18n; the data's words (column titles, vocabularies,
// units, region names) are keys of data.EnglishWords, translated in the
// same catalogs and handed to the data set's Locale.

// language is one the window speaks, named in itself.
type language struct{ tag, name string }

// languages are those View → Language offers, in their own names.
var languages = []language{{"en", "English"}, {"ko", "한국어"}, {"uz", "Oʻzbekcha"}, {"ru", "Русский"}}

// testLanguage is English with every word accented and some 40% longer:
// what the tests render to find words that are not translated and text
// that does not fit. It is not offered in the menu; -lang en-XA shows it.
const testLanguage = "en-XA"

// systemLanguage is the language of the user's system, as Fyne reads it
// ("ko-KR"); tests fix it.
var systemLanguage = func() string { return fynelang.SystemLocale().LanguageString() }

// matchLanguage is the language the window speaks for a tag: the one of
// languages with its base language ("ko-KR" → ko, "uz-Cyrl" → uz), else
// English.
func matchLanguage(tag string) string {
	if tag == testLanguage {
		return tag
	}
	base, _ := xlang.Make(tag).Base()
	for _, l := range languages {
		if l.tag == base.String() {
			return l.tag
		}
	}
	return "en"
}

// catalogs are the window's messages: the English, read once, and each
// other language's, parsed the first time it is spoken (three catalogs
// and the test language parsed at every start were some 4 MB of heap).
type catalogs struct {
	fsys    fs.FS
	files   map[string]string        // a language's catalog: "ko" → "i18n/ko.toml"
	english map[string]*i18n.Message // en.toml by id
	orgs    []map[string]string      // the glossary: each organisation's name by language

	mu      sync.Mutex
	bundles map[string]*i18n.Bundle // by language: its messages, with the English under them
}

// glossary is glossary.toml: the official name of each organisation, in
// each language; en is the name as the data writes it.
type glossary struct {
	Org []map[string]string `toml:"org"`
}

var readCatalogs = sync.OnceValues(func() (*catalogs, error) {
	return parseCatalogs(resources.Translations)
})

// parseCatalogs reads the English catalog and the glossary of fsys
// (i18n/*.toml) and finds the other languages' catalogs.
func parseCatalogs(fsys fs.FS) (*catalogs, error) {
	c := &catalogs{fsys: fsys, files: map[string]string{}, english: map[string]*i18n.Message{}, bundles: map[string]*i18n.Bundle{}}
	names, err := fs.Glob(fsys, "i18n/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if path.Base(name) != "glossary.toml" {
			c.files[strings.TrimSuffix(path.Base(name), ".toml")] = name
			continue
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var g glossary
		if err := toml.Unmarshal(b, &g); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		c.orgs = g.Org
	}
	if c.files["en"] == "" {
		return nil, errors.New("no English catalog (i18n/en.toml)")
	}
	// The English bundle is made here: the window speaks it at start.
	b := i18n.NewBundle(xlang.English)
	en, err := c.parse(b, "en")
	if err != nil {
		return nil, err
	}
	for _, m := range en.Messages {
		c.english[m.ID] = m
	}
	c.bundles["en"] = b
	if len(c.english) == 0 {
		return nil, errors.New("no English messages (i18n/en.toml)")
	}
	return c, nil
}

// parse adds a language's catalog to a bundle.
func (c *catalogs) parse(b *i18n.Bundle, tag string) (*i18n.MessageFile, error) {
	raw, err := fs.ReadFile(c.fsys, c.files[tag])
	if err != nil {
		return nil, err
	}
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	f, err := b.ParseMessageFileBytes(raw, c.files[tag])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.files[tag], err)
	}
	return f, nil
}

// bundle is a language's messages over the English ones, made the first
// time it is asked for and not changed after, so that localizers may read
// it from any goroutine. The test language is the English messages and
// data words, accented and lengthened.
func (c *catalogs) bundle(tag string) (*i18n.Bundle, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b := c.bundles[tag]; b != nil {
		return b, nil
	}
	// The English messages, read at start, under the language's.
	b := i18n.NewBundle(xlang.English)
	english := make([]*i18n.Message, 0, len(c.english))
	for _, m := range c.english {
		english = append(english, m)
	}
	if err := b.AddMessages(xlang.English, english...); err != nil {
		return nil, err
	}
	switch {
	case tag == testLanguage:
		var pseudo []*i18n.Message
		for _, m := range english {
			pseudo = append(pseudo, &i18n.Message{ID: m.ID, One: data.Pseudo(m.One), Other: data.Pseudo(m.Other)})
		}
		for key, w := range data.EnglishWords {
			pseudo = append(pseudo, &i18n.Message{ID: key, One: data.Pseudo(w.One), Other: data.Pseudo(w.Other)})
		}
		if err := b.AddMessages(xlang.Make(testLanguage), pseudo...); err != nil {
			return nil, err
		}
	case tag != "en" && c.files[tag] != "":
		if _, err := c.parse(b, tag); err != nil {
			return nil, err
		}
	}
	c.bundles[tag] = b
	return b, nil
}

// speaker says the window's words in one language.
type speaker struct {
	tag  string
	c    *catalogs
	loc  *i18n.Localizer
	data *data.Locale // the data's words and formats in the language
	base xlang.Tag    // for plural rules

	templates sync.Map // the data's words: key and plural form → template ("" for none)
	orgs      map[string]string

	mu      sync.Mutex
	missing map[string]bool // keys asked for that the catalogs lack
}

// speaking is the language the window speaks: one at a time, as Fyne's
// theme and settings are one per app. It is read from goroutines (a
// folder read off the main thread names its problems) while the main
// thread may change it.
var speaking atomic.Pointer[speaker]

func init() { speak("en") }

// spoken is the speaker of the language the window speaks.
func spoken() *speaker { return speaking.Load() }

// speak makes the window speak a language from now on.
func speak(tag string) { speaking.Store(newSpeaker(tag)) }

// newSpeaker is a language's speaker; a tag of no language the window
// speaks gets English.
func newSpeaker(tag string) *speaker {
	tag = matchLanguage(tag)
	c, err := readCatalogs()
	if err != nil {
		panic("ui: the catalogs do not read: " + err.Error())
	}
	b, err := c.bundle(tag)
	if err != nil {
		panic("ui: the " + tag + " catalog does not read: " + err.Error())
	}
	s := &speaker{tag: tag, c: c, loc: i18n.NewLocalizer(b, tag), base: xlang.Make(tag), missing: map[string]bool{}}
	if tag == testLanguage {
		s.base = xlang.English
	}
	s.orgs = map[string]string{}
	for _, o := range c.orgs {
		if name := o[tag]; name != "" {
			s.orgs[o["en"]] = name
		} else if tag == testLanguage {
			s.orgs[o["en"]] = data.Pseudo(o["en"])
		}
	}
	var words func(string, int, map[string]string) (string, bool)
	if tag != "en" {
		words = s.dataWord
	}
	s.data = data.NewLocale(tag, words)
	return s
}

// say is a message in the language, its {{.Name}}s filled from pairs of
// name and value (a number is written in the language's way); with a
// count n ≥ 0 in the plural form for n, which is {{.N}}. A message the
// catalogs lack is said in English, or as its key, and noted.
func (s *speaker) say(id string, n int, pairs []any) string {
	args := make(map[string]string, len(pairs)/2+1)
	for i := 0; i+1 < len(pairs); i += 2 {
		name, _ := pairs[i].(string)
		switch v := pairs[i+1].(type) {
		case string:
			args[name] = v
		case int:
			args[name] = s.data.Number(float64(v))
		case float64:
			args[name] = s.data.Number(v)
		default:
			args[name] = fmt.Sprint(v)
		}
	}
	cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: args}
	if n >= 0 {
		cfg.PluralCount = n
		if _, ok := args["N"]; !ok {
			args["N"] = s.data.Number(float64(n))
		}
	}
	out, _, err := s.loc.LocalizeWithTag(cfg)
	if err != nil {
		s.note(id)
		if out == "" {
			return id
		}
	}
	return out
}

func (s *speaker) note(id string) {
	s.mu.Lock()
	s.missing[id] = true
	s.mu.Unlock()
}

// notFound lists the keys asked for that the catalogs lack, for tests.
func (s *speaker) notFound() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.missing {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// tr is a message of the window in its language: tr("menu.file"),
// tr("list.count", "Shown", 12, "Total", 40).
func tr(id string, pairs ...any) string { return spoken().say(id, -1, pairs) }

// trn is a message with a plural, for n things: {{.N}} in it is n.
func trn(id string, n int, pairs ...any) string { return spoken().say(id, n, pairs) }

// lc is the data's formats and words in the window's language.
func lc() *data.Locale { return spoken().data }

// dataWord gives the data Locale a word in the language: a word of the
// data from the catalogs, an organisation's official name from the
// glossary, and the name of a bundled mineral, sector or headline figure
// where the data writes it as the English catalog does (a name the user
// changed is theirs, and shown as written).
func (s *speaker) dataWord(key string, n int, args map[string]string) (string, bool) {
	written := args["written"]
	switch {
	case key == "org":
		name, ok := s.orgs[strings.TrimSpace(written)]
		return name, ok
	case strings.HasPrefix(key, "mineral."), strings.HasPrefix(key, "sector."), strings.HasPrefix(key, "indicator."):
		en, ok := s.c.english[key]
		if !ok || data.Fold(strings.TrimSpace(en.Other)) != data.Fold(strings.TrimSpace(written)) {
			return "", false
		}
		if s.tag == testLanguage {
			return data.Pseudo(written), true
		}
		out, tag, err := s.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: key})
		if err != nil || tag != s.base {
			return "", false
		}
		return out, true
	}
	tmpl, ok := s.template(key, n, args)
	if !ok {
		return "", false
	}
	return data.Expand(tmpl, args), true
}

// template is a data word's template in the language, for the plural
// form of n, with its {{.Name}}s left in place; made once by go-i18n
// with each name standing for itself, then filled by data.Expand: the
// data's words are asked for once a cell, thousands of times a list.
func (s *speaker) template(key string, n int, args map[string]string) (string, bool) {
	form := plurals.Other
	if n >= 0 {
		form = plurals.Cardinal.MatchPlural(s.base, n, 0, 0, 0, 0)
	}
	ck := key + "\x00" + strconv.Itoa(int(form))
	if v, ok := s.templates.Load(ck); ok {
		t := v.(string)
		return t, t != ""
	}
	self := make(map[string]string, len(args))
	for name := range args {
		self[name] = "{{." + name + "}}"
	}
	cfg := &i18n.LocalizeConfig{MessageID: key, TemplateData: self}
	if n >= 0 {
		cfg.PluralCount = n
	}
	t, tag, err := s.loc.LocalizeWithTag(cfg)
	if err != nil || tag.String() != s.tag {
		t = ""
		if _, isData := data.EnglishWords[key]; isData {
			s.note(key)
		}
	}
	s.templates.Store(ck, t)
	return t, t != ""
}

// UseLanguage makes the window, and what is drawn without one (Render,
// briefings), speak a language: "en", "ko", "uz", "ru", or "" for the
// system's. It reports false for a language it does not speak.
func UseLanguage(tag string) bool {
	if tag != "" && !knownLanguage(tag) {
		return false
	}
	languageForRun = tag // New speaks it, rather than the one remembered
	if tag == "" {
		tag = systemLanguage()
	}
	speak(tag)
	return true
}

// languageForRun is the language the command line asked for, for this
// run only; "" when it asked for none.
var languageForRun string

// knownLanguage reports whether the window speaks a tag's language.
func knownLanguage(tag string) bool {
	if tag == testLanguage {
		return true
	}
	return slices.ContainsFunc(languages, func(l language) bool { return l.tag == tag })
}

// LanguageTags lists the languages the window speaks, for -help.
func LanguageTags() []string {
	var out []string
	for _, l := range languages {
		out = append(out, l.tag)
	}
	return out
}
