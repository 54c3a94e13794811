package data

import "strings"

// placeSpellings are the spellings of Uzbekistan's regions and main towns
// that sources use side by side: the boundaries' Uzbek Latin form first
// (the one the app shows), then the older English and Russian-derived
// forms. A filter word that is one of them, or the start of one, finds
// the others too: "Navoi" finds "Navoiy Region", "Samarkand" finds
// "Samarqand".
var placeSpellings = [][]string{
	{"navoiy", "navoi", "navoij"},
	{"samarqand", "samarkand"},
	{"qashqadaryo", "kashkadarya", "qashqadarya", "kashkadarja"},
	{"surxondaryo", "surkhandarya", "surxandarya"},
	{"xorazm", "khorezm", "khorazm", "khwarazm"},
	{"sirdaryo", "syrdarya", "sirdarya", "syr darya"},
	{"jizzax", "jizzakh", "jizzah", "djizak"},
	{"buxoro", "bukhara", "buhara"},
	{"fargona", "fergana", "ferghana", "farg'ona"},
	{"andijon", "andijan"},
	{"namangan"},
	{"toshkent", "tashkent"},
	{"qoraqalpogiston", "karakalpakstan", "qaraqalpaqstan"},
	{"zarafshon", "zarafshan", "zeravshan"},
	{"olmaliq", "almalyk", "almalik"},
	{"guzor", "guzar"},
	{"chirchiq", "chirchik"},
	{"angren"},
}

// spellings returns the words a folded filter word stands for: itself,
// and when it is a place's spelling or the start of one (four letters or
// more), every spelling of that place.
func spellings(word string) []string {
	out := []string{word}
	if len(word) < 4 {
		return out
	}
	for _, group := range placeSpellings {
		for _, s := range group {
			if strings.HasPrefix(s, word) || strings.HasPrefix(word, s) {
				for _, other := range group {
					if other != word {
						out = append(out, other)
					}
				}
				break
			}
		}
	}
	return out
}
