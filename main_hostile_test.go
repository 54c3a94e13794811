//go:build unix

package main

import (
	"bytes"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// -o to a named pipe writes into the pipe, which stays a pipe; -o to a
// link writes the file it points to; a file's permissions are kept.
func TestExportWritesThrough(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.csv")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan []byte, 1)
	go func() { b, _ := os.ReadFile(pipe); got <- b }()
	code, _, errs := cli("-export", "sources", "-columns", "id", "-bom=false", "-o", pipe)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	select {
	case b := <-got:
		if !strings.HasPrefix(string(b), "id\n") {
			t.Errorf("the pipe carried %q", b)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing came through the pipe")
	}
	if info, _ := os.Lstat(pipe); info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe became %v", info.Mode())
	}

	real := filepath.Join(dir, "real.csv")
	os.WriteFile(real, []byte("old"), 0o600)
	link := filepath.Join(dir, "link.csv")
	os.Symlink("real.csv", link)
	if code, _, errs := cli("-export", "sources", "-columns", "id", "-bom=false", "-o", link); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if info, _ := os.Lstat(link); info.Mode()&fs.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	b, _ := os.ReadFile(real)
	if info, _ := os.Stat(real); !strings.HasPrefix(string(b), "id\n") || info.Mode().Perm() != 0o600 {
		t.Errorf("the real file: %v %q", info.Mode().Perm(), b)
	}
}

// -screenshot - writes the PNG to standard output.
func TestScreenshotToStdout(t *testing.T) {
	newApp = func() fyne.App { return test.NewTempApp(t) }
	code, out, errs := cli("-screenshot", "-", "-size", "400x300")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	img, err := png.Decode(bytes.NewReader([]byte(out)))
	if err != nil || img.Bounds().Dx() != 400 {
		t.Fatalf("%v %v", err, img)
	}
	if _, err := os.Stat("-"); err == nil {
		t.Error("a file named - was written")
	}
}

// -validate on a folder whose projects.csv is a named pipe says so, at
// once, and a flood of bad rows is counted, not listed.
func TestValidateHostileFolder(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "projects.csv"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	code, _, errs := cli("-data", dir, "-validate")
	if code != 1 || errs != "projects.csv: this is a named pipe, not a file (expected a CSV file named projects.csv)\n" {
		t.Errorf("exit %d: %q", code, errs)
	}
	os.Remove(filepath.Join(dir, "projects.csv"))
	header := "id,name,sector,region,city,latitude,longitude,korean_partner,uzbek_partner,funder,instrument,amount_usd_m,amount_basis,amount_year,total_cost_usd_m,total_cost_year,part_of,status,status_as_of,start_year,end_year,minerals,description,notes,sources\n"
	os.WriteFile(filepath.Join(dir, "projects.csv"), []byte(header+strings.Repeat("a\n", 200000)), 0o644)
	code, _, errs = cli("-data", dir, "-validate")
	// The other files are the bundled ones, whose references to the
	// bundled projects are reported too, counted the same way.
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	if code != 1 || len(lines) > 1010 || lines[1000] != "projects.csv: … and 199,000 more like these (lines 1,002 to 200,001)" {
		t.Errorf("exit %d, %d lines, line 1001 %q", code, len(lines), lines[min(1000, len(lines)-1)])
	}
}
