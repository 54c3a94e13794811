package data

import (
	"testing"
	"unsafe"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		in    string
		known bool
		value float64
		bad   string
		out   string
	}{
		{"", false, 0, "", ""},
		{"  ", false, 0, "", ""},
		{"0", true, 0, "", "0"},
		{"127.5", true, 127.5, "", "127.5"},
		{" 42 ", true, 42, "", "42"},
		{"-3.25", true, -3.25, "", "-3.25"},
		{"1e3", true, 1000, "", "1000"},
		{"12,5", false, 0, "12,5", "12,5"},
		{"$5", false, 0, "$5", "$5"},
		{"NaN", false, 0, "NaN", "NaN"},
		{"Inf", false, 0, "Inf", "Inf"},
		{"0x10", false, 0, "0x10", "0x10"},
		{"1_000", false, 0, "1_000", "1_000"},
	}
	for _, tt := range tests {
		var n Number
		if err := n.UnmarshalCSV(tt.in); err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		if n.Known() != tt.known || n.Value != tt.value || n.Bad() != tt.bad {
			t.Errorf("%q: got %+v", tt.in, n)
		}
		if got, _ := n.MarshalCSV(); got != tt.out {
			t.Errorf("%q: marshal %q, want %q", tt.in, got, tt.out)
		}
	}
}

func TestList(t *testing.T) {
	tests := []struct {
		in   string
		want []string
		out  string
	}{
		{"", nil, ""},
		{"s1", []string{"s1"}, "s1"},
		{"s1;s2", []string{"s1", "s2"}, "s1;s2"},
		{" s1 ; s2 ;", []string{"s1", "s2"}, "s1;s2"},
		{";;", nil, ""},
	}
	for _, tt := range tests {
		var l List
		_ = l.UnmarshalCSV(tt.in)
		if !equalStrings(l, tt.want) || len(l) != len(tt.want) {
			t.Errorf("%q: got %q", tt.in, l)
		}
		if got, _ := l.MarshalCSV(); got != tt.out {
			t.Errorf("%q: marshal %q", tt.in, got)
		}
	}
}

func TestFlag(t *testing.T) {
	for in, want := range map[string]Flag{
		"yes": {Value: true, Known: true}, "No": {Known: true}, "": {},
		"TRUE": {Value: true, Known: true}, "maybe": {Bad: "maybe"},
	} {
		var f Flag
		_ = f.UnmarshalCSV(in)
		if f != want {
			t.Errorf("%q: got %+v want %+v", in, f, want)
		}
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		show string
	}{
		{"2024-06-14", Date{Year: 2024, Month: 6, Day: 14}, "14 Jun 2024"},
		{"2024-06", Date{Year: 2024, Month: 6}, "Jun 2024"},
		{"2024", Date{Year: 2024}, "2024"},
		{"", Date{}, "—"},
		{"2024-02-29", Date{Year: 2024, Month: 2, Day: 29}, "29 Feb 2024"},
		{"2023-02-29", Date{Bad: "2023-02-29"}, "2023-02-29"},
		{"2023-13", Date{Bad: "2023-13"}, "2023-13"},
		{"14/06/2024", Date{Bad: "14/06/2024"}, "14/06/2024"},
		{"2024-6-1", Date{Bad: "2024-6-1"}, "2024-6-1"},
		{"24", Date{Bad: "24"}, "24"},
	}
	for _, tt := range tests {
		var d Date
		_ = d.UnmarshalCSV(tt.in)
		if d != tt.want {
			t.Errorf("%q: got %+v", tt.in, d)
		}
		if got := FormatDate(d); got != tt.show {
			t.Errorf("%q: shown %q want %q", tt.in, got, tt.show)
		}
		if d.Bad == "" {
			if got, _ := d.MarshalCSV(); got != tt.in {
				t.Errorf("%q: marshal %q", tt.in, got)
			}
		}
	}
	if !(Date{Year: 2024, Month: 6}).Before(Date{Year: 2024, Month: 6, Day: 1}) {
		t.Error("a month sorts before its days")
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatMoney(Num(7700)), "$7.7 bn"},
		{FormatMoney(Num(2000)), "$2 bn"},
		{FormatMoney(Num(3890)), "$3.89 bn"},
		{FormatMoney(Num(127.5)), "$127.5 m"},
		{FormatMoney(Num(198.12)), "$198.1 m"},
		{FormatMoney(Num(0.5)), "$0.5 m"},
		{FormatMoney(Num(0)), "$0 m"},
		{FormatMoney(Number{}), "—"},
		{FormatMoney(Num(1234567)), "$1,234.57 bn"},
		{FormatQuantity(Num(4000), "tU"), "4,000 tU"},
		{FormatQuantity(Num(96.4), "t"), "96.4 t"},
		{FormatQuantity(Num(62276), "kg"), "62,276 kg"},
		{FormatQuantity(Num(6.4), "%"), "6.4%"},
		{FormatQuantity(Num(726), "companies"), "726 companies"},
		{FormatQuantity(Num(7700), "USD m"), "$7.7 bn"},
		{FormatQuantity(Number{}, "t"), "—"},
		{WithYear("148 kt", Num(2020)), "148 kt (2020)"},
		{WithYear("—", Num(2020)), "—"},
		{WithYear("148 kt", Number{}), "148 kt"},
		{Thousands(-1234.5), "-1,234.5"},
		{Thousands(999), "999"},
		{FormatYears(Num(2024), Num(2027)), "2024–2027"},
		{FormatYears(Num(2016), Num(2016)), "2016"},
		{FormatYears(Num(2022), Number{}), "from 2022"},
		{FormatYears(Number{}, Num(2027)), "until 2027"},
		{FormatYears(Number{}, Number{}), "—"},
		{Ordinal(1), "1st"}, {Ordinal(2), "2nd"}, {Ordinal(3), "3rd"}, {Ordinal(5), "5th"},
		{Ordinal(11), "11th"}, {Ordinal(12), "12th"}, {Ordinal(13), "13th"}, {Ordinal(22), "22nd"}, {Ordinal(101), "101st"},
		{IndicatorValue(&Indicator{Value: Num(7700), Unit: "USD m", Qualifier: "over"}), "over $7.7 bn"},
		{IndicatorValue(&Indicator{Value: Num(726), Unit: "companies"}), "726 companies"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q want %q", i, tt.got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tashkent", "tashkent"},
		{"already lower", "already lower"},
		{"Oʻzbekiston", "o'zbekiston"},
		{"O‘zbekiston", "o'zbekiston"},
		{"O`zbekiston", "o'zbekiston"},
		{"Ürgench Café", "urgench cafe"},
		{"ТАШКЕНТ", "ташкент"},
		{"Ёлка", "елка"},
		{"희귀금속", Fold("희귀금속")},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q want %q", tt.in, got, tt.want)
		}
	}
	if Fold("희귀금속") == "" {
		t.Error("Hangul folded away")
	}
}

// Folding character by character into a buffer, as the filter's search
// text is made, gives what Fold gives for the whole text.
func FuzzAppendFolded(f *testing.F) {
	for _, s := range []string{"", "Oʻzbekiston", "TOSHKENT", "Ёлки-ПАЛКИ", "희귀금속 한국수출입은행", "İstanbul", "e\u0301te\u0301", "a`b", "\xff\xfe", "\uFFFD", "Ǆ ǅ ǆ", "ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fold := folder{}
		got := string(fold.appendFolded([]byte("x"), []byte(s)))
		if want := "x" + Fold(s); got != want {
			t.Errorf("appendFolded(%q) = %q, Fold gives %q", s, got, want)
		}
		// And again, from what it kept.
		if again := string(fold.appendFolded(nil, []byte(s))); again != Fold(s) {
			t.Errorf("appendFolded(%q) the second time = %q, want %q", s, again, Fold(s))
		}
	})
}

// A project has eight numbers, and a file may have 100,000 projects: a
// number is a float and one pointer.
func TestNumberIsSmall(t *testing.T) {
	if s := unsafe.Sizeof(Number{}); s != 16 {
		t.Errorf("a Number takes %d bytes, want 16", s)
	}
	bad := Number{}
	if err := bad.UnmarshalCSV(" 12 km "); err != nil || bad.Known() || bad.Bad() != "12 km" {
		t.Errorf("a cell that is not a number: Known %v, Bad %q", bad.Known(), bad.Bad())
	}
	if n := Num(0); !n.Known() || n.Bad() != "" || n.String() != "0" {
		t.Errorf("Num(0): Known %v, Bad %q, String %q", n.Known(), n.Bad(), n.String())
	}
	if n := (Number{}); n.Known() || n.Bad() != "" || n.String() != "" {
		t.Errorf("an empty cell: Known %v, Bad %q, String %q", n.Known(), n.Bad(), n.String())
	}
}

// Reading a number costs no allocation: a file has 800,000 of them at
// 100,000 projects.
func TestNumberReadsWithoutAllocating(t *testing.T) {
	var n Number
	if a := testing.AllocsPerRun(100, func() { _ = n.UnmarshalCSV(" 127.5 ") }); a != 0 {
		t.Errorf("%v allocations per number read, want 0", a)
	}
}
