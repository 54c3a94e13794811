package data

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold turns text into the form the filter compares: lower case, accents
// removed, the Uzbek apostrophes (ʻ ‘ ’ `) made one, so "Oʻzbekiston"
// matches "ozbekiston" and "TOSHKENT" matches "toshkent".
func Fold(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' || c == '`' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		b := make([]byte, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			b[i] = c
		}
		return string(b)
	}
	var b strings.Builder
	b.Grow(len(s))
	it := norm.NFD.String(s)
	for _, r := range it {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'ʻ' || r == 'ʼ' || r == '‘' || r == '’' || r == '`' || r == 'ʹ':
			r = '\''
		default:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// folder folds text into a buffer, keeping what each character other
// than ASCII folds to: in a column of names the same few letters (ʻ, ё,
// Hangul syllables) come back again and again. One goroutine uses one.
type folder map[rune]string

// appendFolded appends the folded form of s (as Fold gives it) to buf.
// Each character folds alone: decomposed, its marks dropped and lowered,
// what Fold does to the whole text.
func (f folder) appendFolded(buf, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError {
			buf = append(buf, Fold(string(s[i:i+n]))...)
			i += n
			continue
		}
		out, ok := f[r]
		if !ok {
			out = Fold(string(s[i : i+n]))
			f[r] = out
		}
		buf = append(buf, out...)
		i += n
	}
	return buf
}
