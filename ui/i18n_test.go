package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/image/font/sfnt"

	"uzkor/data"
	"uzkor/resources"
)

// TestMain runs the tests in English, whatever the language of the
// machine they run on: they read the English words on screen. The tests
// of the other languages choose theirs.
func TestMain(m *testing.M) {
	systemLanguage = func() string { return "en" }
	speak("en")
	os.Exit(m.Run())
}

// speakFor makes the window speak a language for one test.
func speakFor(t testing.TB, tag string) {
	t.Helper()
	prev, prevRun := spoken(), languageForRun
	speak(tag)
	languageForRun = tag
	t.Cleanup(func() { speaking.Store(prev); languageForRun = prevRun })
}

// catalogMessages reads one catalog as go-i18n reads it.
func catalogMessages(t *testing.T, name string) map[string]*i18n.Message {
	t.Helper()
	b, err := fs.ReadFile(resources.Translations, "i18n/"+name)
	if err != nil {
		t.Fatal(err)
	}
	f, err := i18n.ParseMessageFileBytes(b, name, map[string]i18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := map[string]*i18n.Message{}
	for _, m := range f.Messages {
		if _, dup := out[m.ID]; dup {
			t.Errorf("%s: %s twice", name, m.ID)
		}
		out[m.ID] = m
	}
	return out
}

// englishTexts are every English text by key: the window's (en.toml) and
// the data's (data.EnglishWords), each with its plural forms joined.
func englishTexts(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for id, m := range catalogMessages(t, "en.toml") {
		out[id] = strings.TrimSpace(m.One + " " + m.Other)
	}
	for key, w := range data.EnglishWords {
		if _, both := out[key]; both {
			t.Errorf("%s is both a word of the data and a message of the window", key)
		}
		out[key] = strings.TrimSpace(w.One + " " + w.Other)
	}
	return out
}

var placeholder = regexp.MustCompile(`\{\{\.(\w+)\}\}`)

// pluralForms are the forms each language needs of a word with a plural
// (CLDR's cardinal categories for whole numbers).
var pluralForms = map[string][]string{"ko": {"other"}, "uz": {"one", "other"}, "ru": {"one", "few", "many", "other"}}

// Every language has every key, and nothing else: the window's messages
// and the data's words; a word with a plural has each form its language
// needs; no translation names a value the English does not give.
func TestCatalogsHaveEveryKey(t *testing.T) {
	english := englishTexts(t)
	plural := map[string]bool{}
	for id, m := range catalogMessages(t, "en.toml") {
		plural[id] = m.One != ""
	}
	for key, w := range data.EnglishWords {
		plural[key] = w.One != ""
	}
	for _, lang := range []string{"ko", "uz", "ru"} {
		msgs := catalogMessages(t, lang+".toml")
		for key, en := range english {
			m, ok := msgs[key]
			if !ok {
				t.Errorf("%s.toml lacks %s (%q)", lang, key, en)
				continue
			}
			forms := map[string]string{"one": m.One, "few": m.Few, "many": m.Many, "other": m.Other}
			if m.Other == "" {
				t.Errorf("%s.toml: %s has no text", lang, key)
			}
			if plural[key] {
				for _, f := range pluralForms[lang] {
					if forms[f] == "" {
						t.Errorf("%s.toml: %s lacks its plural form %q", lang, key, f)
					}
				}
			}
			allowed := map[string]bool{}
			for _, p := range placeholder.FindAllStringSubmatch(en, -1) {
				allowed[p[1]] = true
			}
			for _, text := range forms {
				for _, p := range placeholder.FindAllStringSubmatch(text, -1) {
					if !allowed[p[1]] {
						t.Errorf("%s.toml: %s names {{.%s}}, which the English does not give", lang, key, p[1])
					}
				}
			}
		}
		for key := range msgs {
			if _, ok := english[key]; !ok {
				t.Errorf("%s.toml has %s, which nothing asks for", lang, key)
			}
		}
	}
}

// The test finds a key missing from a catalog.
func TestCatalogCheckFindsAMissingKey(t *testing.T) {
	fsys := fstestCatalogs(t, func(name string, b []byte) []byte {
		if name == "ko.toml" {
			return bytes.Replace(b, []byte("\nclose = "), []byte("\nclosed = "), 1)
		}
		return b
	})
	c, err := parseCatalogs(fsys)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.bundle("ko")
	if err != nil {
		t.Fatal(err)
	}
	s := &speaker{tag: "ko", c: c, loc: i18n.NewLocalizer(b, "ko"), missing: map[string]bool{}}
	s.data = data.NewLocale("ko", s.dataWord)
	if got := s.say("dialog.close", -1, nil); got != "Close" || !slices.Contains(s.notFound(), "dialog.close") {
		t.Errorf("a key missing in Korean says %q and is noted as %v; want the English, noted", got, s.notFound())
	}
}

// fstestCatalogs is the catalogs with a change made to each file.
func fstestCatalogs(t *testing.T, change func(name string, b []byte) []byte) fs.FS {
	t.Helper()
	out := map[string][]byte{}
	names, _ := fs.Glob(resources.Translations, "i18n/*.toml")
	for _, n := range names {
		b, err := fs.ReadFile(resources.Translations, n)
		if err != nil {
			t.Fatal(err)
		}
		out[n] = change(path.Base(n), b)
	}
	return mapFS(out)
}

// Organisations keep their official names: wherever an English text
// names one of the glossary, its translation names it in the glossary's
// form for that language; and each is in every language.
func TestGlossaryInTranslations(t *testing.T) {
	c, err := readCatalogs()
	if err != nil {
		t.Fatal(err)
	}
	english := englishTexts(t)
	orgs := slices.Clone(c.orgs)
	// The longest name first, so "Korea Eximbank (EDCF)" is not read as
	// "Korea Eximbank" and "EDCF".
	sort.SliceStable(orgs, func(i, j int) bool { return len(orgs[i]["en"]) > len(orgs[j]["en"]) })
	for _, o := range orgs {
		for _, lang := range []string{"en", "ko", "uz", "ru"} {
			if strings.TrimSpace(o[lang]) == "" {
				t.Errorf("the glossary has no %s name for %q", lang, o["en"])
			}
		}
	}
	checked := 0
	for _, lang := range []string{"ko", "uz", "ru"} {
		msgs := catalogMessages(t, lang+".toml")
		for key, en := range english {
			m, ok := msgs[key]
			if !ok {
				continue
			}
			translated := m.One + " " + m.Few + " " + m.Many + " " + m.Other
			for _, o := range orgs {
				if !containsName(en, o["en"]) {
					continue
				}
				en = strings.ReplaceAll(en, o["en"], "")
				checked++
				if !strings.Contains(translated, o[lang]) {
					t.Errorf("%s.toml: %s names %q, but not as %q: %q", lang, key, o["en"], o[lang], translated)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d texts name an organisation of the glossary: is it read?", checked)
	}
}

// containsName reports whether s names org as a word, not inside one.
func containsName(s, org string) bool {
	for i := strings.Index(s, org); i >= 0; {
		before, after := rune(' '), rune(' ')
		if i > 0 {
			before = []rune(s[:i])[len([]rune(s[:i]))-1]
		}
		if rest := s[i+len(org):]; rest != "" {
			after = []rune(rest)[0]
		}
		if !unicode.IsLetter(before) && !unicode.IsLetter(after) {
			return true
		}
		j := strings.Index(s[i+1:], org)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// fontHas reports which runes a TrueType font lacks.
func fontLacks(t *testing.T, name string, font []byte, runes map[rune]bool) []rune {
	t.Helper()
	f, err := sfnt.Parse(font)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var buf sfnt.Buffer
	var out []rune
	for r := range runes {
		if i, err := f.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return out
}

// catalogRunes are the characters a catalog shows (not its keys or
// comments): its texts, and the glossary's names in its language.
func catalogRunes(t *testing.T, lang string) map[rune]bool {
	t.Helper()
	out := map[rune]bool{}
	for _, m := range catalogMessages(t, lang+".toml") {
		for _, r := range m.One + m.Few + m.Many + m.Other {
			out[r] = true
		}
	}
	c, _ := readCatalogs()
	for _, o := range c.orgs {
		for _, r := range o[lang] {
			out[r] = true
		}
	}
	for _, l := range languages {
		for _, r := range l.name {
			out[r] = true
		}
	}
	delete(out, '\n')
	return out
}

// Every character of the Korean catalog is drawn by a bundled font: Noto
// Sans, else Uzkor Hangul of each weight. Hangul never depends on the
// fonts of the machine. Run .ci/fonts/hangul-subset when this fails.
func TestHangulFontCoversKorean(t *testing.T) {
	runes := catalogRunes(t, "ko")
	noto := fontLacks(t, "Noto Sans", theme.DefaultTextFont().Content(), runes)
	rest := map[rune]bool{}
	hangul := 0
	for _, r := range noto {
		rest[r] = true
		if unicode.Is(unicode.Hangul, r) {
			hangul++
		}
	}
	if hangul < 300 {
		t.Fatalf("the Korean catalog has %d Hangul characters Noto Sans lacks: is it read?", hangul)
	}
	for name, font := range map[string][]byte{"Uzkor Hangul Regular": resources.HangulFont, "Uzkor Hangul Bold": resources.HangulBoldFont} {
		if lacks := fontLacks(t, name, font, rest); len(lacks) > 0 {
			t.Errorf("%s lacks %q, which the Korean catalog uses: run .ci/fonts/hangul-subset", name, string(lacks))
		}
	}
}

// Cyrillic and Uzbek Latin (oʻ, gʻ with U+02BB, and ʼ) are Noto Sans's
// own, in every style the window uses.
func TestNotoCoversRussianAndUzbek(t *testing.T) {
	for _, lang := range []string{"ru", "uz"} {
		runes := catalogRunes(t, lang)
		if lang == "uz" && !runes['ʻ'] {
			t.Error("the Uzbek catalog has no ʻ (U+02BB): oʻ and gʻ are written with another sign")
		}
		if lang == "uz" && runes['‘'] {
			t.Error("the Uzbek catalog writes oʻ or gʻ with ‘ (U+2018), not ʻ (U+02BB)")
		}
		for name, font := range map[string]fyne.Resource{"regular": theme.DefaultTextFont(), "bold": theme.DefaultTextBoldFont(), "italic": theme.DefaultTextItalicFont()} {
			if lacks := fontLacks(t, name, font.Content(), runes); len(lacks) > 0 {
				// The arrows and other signs Noto Sans lacks are drawn by Uzkor Hangul.
				rest := map[rune]bool{}
				for _, r := range lacks {
					rest[r] = true
				}
				if still := fontLacks(t, "Uzkor Hangul", resources.HangulFont, rest); len(still) > 0 {
					t.Errorf("%s: Noto Sans %s and Uzkor Hangul lack %q", lang, name, string(still))
				}
			}
		}
	}
}

// The window follows the system's language until one is chosen, and a
// system language it does not speak gives English.
func TestSystemLanguage(t *testing.T) {
	for sys, want := range map[string]string{"ko-KR": "ko", "ru-RU": "ru", "uz-Latn-UZ": "uz", "uz-Cyrl": "uz", "de-DE": "en", "en-GB": "en", "": "en"} {
		if got := matchLanguage(sys); got != want {
			t.Errorf("system %q: the window speaks %q, want %q", sys, got, want)
		}
	}
	prev := systemLanguage
	systemLanguage = func() string { return "ru-RU" }
	t.Cleanup(func() { systemLanguage = prev; speak("en") })
	a := test.NewTempApp(t)
	u, w := openUI(t, a, fixture(t))
	if got := u.CurrentTab(); got == "" {
		t.Fatal("no tab")
	}
	mustShow(t, onScreen(w), "Обзор", "Минералы")
	if mi := menuItem(w, "Как в системе (Русский)"); mi == nil || !mi.Checked {
		t.Error("View → Language does not tick the system's language, Russian")
	}
}

// mapFS is files in memory, by path.
func mapFS(files map[string][]byte) fs.FS {
	out := fstest.MapFS{}
	for name, b := range files {
		out[name] = &fstest.MapFile{Data: b}
	}
	return out
}

// At start the English catalog alone is parsed; another language's is
// parsed the first time it is spoken, once.
func TestCatalogsParsedWhenSpoken(t *testing.T) {
	c, err := parseCatalogs(resources.Translations)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.bundles) != 1 || c.bundles["en"] == nil {
		t.Fatalf("parsed at start: %d bundles, want English alone", len(c.bundles))
	}
	ko, err := c.bundle("ko")
	if err != nil {
		t.Fatal(err)
	}
	again, _ := c.bundle("ko")
	if ko != again || len(c.bundles) != 2 {
		t.Errorf("Korean parsed again, or more than it: %d bundles", len(c.bundles))
	}
	got, err := i18n.NewLocalizer(ko, "ko").Localize(&i18n.LocalizeConfig{MessageID: "dialog.close"})
	if err != nil || got == "" || got == c.english["dialog.close"].Other {
		t.Errorf("dialog.close in Korean: %q, %v", got, err)
	}
}
