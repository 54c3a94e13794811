package ui

import (
	"os"
	"testing"
)

// TestMain runs the tests in English, whatever the language of the
// machine they run on: they read the English words on screen. The tests
// of the other languages choose theirs.
func TestMain(m *testing.M) {
	systemLanguage = func() string { return "en" }
	spoken = newSpeaker("en")
	os.Exit(m.Run())
}
