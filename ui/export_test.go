package ui

import (
	"bytes"
	"errors"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"uzkor/data"
)

func TestSuggestedName(t *testing.T) {
	defer func(f func() time.Time) { today = f }(today)
	today = func() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.Local) }
	if got := suggestedName("projects", ".csv"); got != "projects-2026-11-27.csv" {
		t.Errorf("got %s", got)
	}
	tests := []struct{ in, want string }{
		{"report", "report.csv"},
		{"report.csv", "report.csv"},
		{"report.CSV", "report.CSV"},
		{"report.txt", "report.txt.csv"},
		{"q3.final", "q3.final.csv"},
	}
	for _, tt := range tests {
		if got := withExt(tt.in, ".csv"); got != tt.want {
			t.Errorf("%s: %s", tt.in, got)
		}
	}
}

// The app exports what the list shows: the filtered rows in the sorted
// order and the list's columns with their units and years.
func TestExportWhatTheListShows(t *testing.T) {
	u, _ := newTestUI(t)
	u.Apply("projects", data.Query{Text: "health", Sort: "amount_usd_m", Desc: true})
	dir := t.TempDir()
	path, e, err := u.exportCSVTo(filepath.Join(dir, "health"))
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "health.csv") || e.noun != "5 projects" {
		t.Errorf("path %s, %s", path, e.noun)
	}
	b, _ := os.ReadFile(path)
	text := strings.TrimPrefix(string(b), data.BOM)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if lines[0] != "name,sector,funder,instrument,amount_usd_m,amount_year,status,start_year,region" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 6 || !strings.HasPrefix(lines[1], "National Oncology Center,health,") {
		t.Errorf("rows:\n%s", text)
	}
	if got := u.prefString("export.folder", ""); got != dir {
		t.Errorf("last folder remembered as %q", got)
	}
	// The byte-order mark is on by default and a preference turns it off.
	if !bytes.HasPrefix(b, []byte(data.BOM)) {
		t.Error("no byte-order mark by default")
	}
	u.prefs.SetBool("export.bom", false)
	path, _, _ = u.exportCSVTo(filepath.Join(dir, "nobom.csv"))
	if b, _ := os.ReadFile(path); bytes.HasPrefix(b, []byte(data.BOM)) {
		t.Error("byte-order mark written although turned off")
	}
}

func TestExportOtherTabs(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	u.ShowTab("timeline")
	u.timeline.kind.choose("visit")
	path, e, err := u.exportCSVTo(filepath.Join(dir, "t"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(strings.TrimPrefix(string(b), data.BOM), "date,title,description,kind,related,sources\n") || strings.Count(string(b), ",visit,") != len(u.timeline.shown) || e.count != len(u.timeline.shown) {
		t.Errorf("timeline export:\n%s", b)
	}
	u.ShowTab("overview")
	path, e, err = u.exportCSVTo(filepath.Join(dir, "o"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(path)
	text := string(b)
	if !strings.Contains(text, "chart,category,value,label,detail\n") || !strings.Contains(text, "Funding by sector,Health care,368.5,$368.5 m,") || !strings.Contains(text, "Projects by status,planned,16,16,") {
		t.Errorf("overview export:\n%s", text)
	}
	// An unknown amount is an empty cell, not zero.
	if !strings.Contains(text, "Funding by sector,Semiconductors,,amount unknown") {
		t.Error("unknown amount exported as a number")
	}
}

func TestExportFailureLeavesNothing(t *testing.T) {
	u, _ := newTestUI(t)
	u.ShowTab("projects")
	dir := filepath.Join(t.TempDir(), "gone")
	_, _, err := u.exportCSVTo(filepath.Join(dir, "x"))
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	msg := saveError(filepath.Join(dir, "x.csv"), err).Error()
	if !strings.Contains(msg, "x.csv could not be saved: the folder "+dir+" no longer exists") || !strings.Contains(msg, "unchanged") {
		t.Errorf("message %q", msg)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a folder was created")
	}
}

func TestSaveErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x", Err: fs.ErrPermission}, "cannot be written to (permission denied)"},
		{&fs.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, "the disk is full"},
		{&fs.PathError{Op: "open", Path: "/x", Err: syscall.EROFS}, "the disk is read-only"},
		{errors.New("odd"), "odd"},
	}
	for _, tt := range tests {
		if got := saveError("/tmp/a.csv", tt.err).Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%v: %q", tt.err, got)
		}
	}
}

// Image export renders the tab as it is (filters, selection) at the
// window's size, or twice that.
func TestExportImage(t *testing.T) {
	u, w := newTestUI(t)
	w.Resize(fyne.NewSize(900, 600))
	u.Apply("projects", data.Query{Text: "health"})
	u.projects.showID("national-oncology-center")
	dir := t.TempDir()
	for _, scale := range []float32{1, 2} {
		path, err := u.exportImageTo(filepath.Join(dir, "shot"), scale)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := os.Open(path)
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		cs := w.Canvas().Size()
		wantW, wantH := int(cs.Width*scale), int(cs.Height*scale)
		if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
			t.Errorf("scale %v: %v, want %dx%d", scale, b, wantW, wantH)
		}
		if colours(img) < 20 {
			t.Errorf("scale %v: blank image", scale)
		}
	}
	// The live window keeps its own state and theme.
	if u.projects.filter.Text != "health" || u.projects.selected < 0 {
		t.Error("rendering changed the window's list")
	}
	// The shot carries the list's state.
	s := u.shot(1)
	if s.Tab != "projects" || s.Select != "national-oncology-center" || s.prepare == nil {
		t.Errorf("shot %+v", s)
	}
}
