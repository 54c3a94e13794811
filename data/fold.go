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

// appendFolded appends the folded form of s (as Fold gives it) to buf.
func appendFolded(buf, s []byte) []byte {
	ascii := true
	for _, c := range s {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		return append(buf, Fold(string(s))...)
	}
	for _, c := range s {
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		buf = append(buf, c)
	}
	return buf
}
