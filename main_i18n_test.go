package main

import (
	"os"
	"testing"
)

// TestMain runs the command line as an English system does, whatever the
// machine's language: the tests read English output. -lang is tested on
// its own.
func TestMain(m *testing.M) {
	for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
		os.Unsetenv(v)
	}
	os.Setenv("LANG", "en_US.UTF-8")
	os.Exit(m.Run())
}
