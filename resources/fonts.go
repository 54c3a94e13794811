package resources

import _ "embed" // for the //go:embed directives below

// HangulFont and HangulBoldFont are "Uzkor Hangul" Regular and Bold,
// TrueType fonts of Hangul alone: subsets of NanumGothic and NanumGothic
// Bold (NAVER Corporation, SIL Open Font License 1.1; the licence is
// fonts/OFL.txt) with the 2,350 Hangul syllables of KS X 1001, its
// symbols, the Hangul jamo, every character of the translations, and the
// Hanja the bundled data uses, less whatever Fyne's Noto Sans has.
// .ci/fonts/hangul-subset makes them. Noto Sans covers Latin and Cyrillic
// but not Hangul: the window's theme falls back to these for it, on a
// machine with no Korean font, and the PDF briefing embeds a subset of
// them.
var (
	//go:embed fonts/UzkorHangul-Regular.ttf
	HangulFont []byte

	//go:embed fonts/UzkorHangul-Bold.ttf
	HangulBoldFont []byte
)
