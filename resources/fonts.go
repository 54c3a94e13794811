package resources

import _ "embed" // for the //go:embed directive below

// HangulFont is "Uzkor Hangul", a TrueType font for Hangul: a subset of
// NanumGothic (NAVER Corporation, SIL Open Font License 1.1; the licence
// is fonts/OFL.txt) with the 2,350 Hangul syllables of KS X 1001, its
// symbols, the Hangul jamo, Latin, and the Hanja the bundled data uses.
// .ci/fonts/hangul-subset makes it. Fyne's Noto Sans covers Latin and
// Cyrillic but not Hangul; the PDF briefing embeds a subset of this one
// for the characters it needs.
//
//go:embed fonts/UzkorHangul-Regular.ttf
var HangulFont []byte
