package data

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func allColumns(t Table) []int {
	out := make([]int, len(t.Columns()))
	for i := range out {
		out[i] = i
	}
	return out
}

// Every table written with all its columns loads back to the same rows.
func TestWriteRoundTrip(t *testing.T) {
	d := loadGood(t)
	m := fstest.MapFS{}
	for _, tab := range d.Tables() {
		var b bytes.Buffer
		rows := NewView(tab, nil).Rows()
		if err := WriteCSV(&b, tab, rows, allColumns(tab), true); err != nil {
			t.Fatal(err)
		}
		m[tab.File()] = &fstest.MapFile{Data: b.Bytes()}
	}
	back, err := Load(m)
	if err != nil {
		t.Fatalf("load of the export: %v", err)
	}
	for ti, tab := range d.Tables() {
		other := back.Tables()[ti]
		if tab.Len() != other.Len() {
			t.Fatalf("%s: %d rows, back %d", tab.Name(), tab.Len(), other.Len())
		}
		for r := 0; r < tab.Len(); r++ {
			for c := range tab.Columns() {
				if a, b := tab.Raw(r, c), other.Raw(r, c); a != b {
					t.Errorf("%s row %d %s: %q became %q", tab.Name(), r, tab.Columns()[c].Name, a, b)
				}
			}
		}
	}
}

// The export writes what the list shows: the filtered rows in sorted
// order, the visible columns with their unit and year companions.
func TestWriteView(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	v := NewView(tab, nil)
	_ = v.Set(Query{Text: "exim", Sort: "amount_usd_m", Desc: true})
	cols := ExportColumns(tab, []int{tab.Column("name"), tab.Column("amount_usd_m"), tab.Column("status")})
	var b bytes.Buffer
	if err := WriteCSV(&b, tab, v.Rows(), cols, false); err != nil {
		t.Fatal(err)
	}
	// An amount is exported with its basis and year, a status with the
	// date that confirms it.
	want := "name,amount_usd_m,amount_basis,amount_year,status,status_as_of\n" +
		"National Oncology Center,127.5,loan,2021,planned,2021\n" +
		"National Children's Medical Center,100,loan,2013,completed,2020-12\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// A companion already chosen is not written twice.
	cols = ExportColumns(tab, []int{tab.Column("amount_year"), tab.Column("amount_basis"), tab.Column("amount_usd_m")})
	if len(cols) != 3 {
		t.Errorf("companions %v", cols)
	}
}

func TestNeutralise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+1", "'+1"},
		{"-1", "'-1"},
		{"@cmd", "'@cmd"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"plain", "plain"},
		{"", ""},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := Neutralise(tt.in); got != tt.want {
			t.Errorf("%q: %q", tt.in, got)
		}
	}
}

func TestWriteInjectionAndNumbers(t *testing.T) {
	d := loadGood(t)
	d.Projects[0].Name = "=HYPERLINK(\"http://x\")"
	d.Projects[0].Description = "-5 is text here"
	d.Projects[0].Latitude = Num(-5.5) // a negative number stays a number
	d.Projects[0].Longitude = Num(10)
	tab := d.Table("projects")
	var b bytes.Buffer
	cols := []int{tab.Column("name"), tab.Column("description"), tab.Column("latitude"), tab.Column("amount_usd_m")}
	if err := WriteCSV(&b, tab, []int{0}, cols, false); err != nil {
		t.Fatal(err)
	}
	want := "name,description,latitude,amount_usd_m\n\"'=HYPERLINK(\"\"http://x\"\")\",'-5 is text here,-5.5,120\n"
	if b.String() != want {
		t.Errorf("got %q\nwant %q", b.String(), want)
	}
}

func TestWriteBOM(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("sources")
	for _, bom := range []bool{true, false} {
		var b bytes.Buffer
		if err := WriteCSV(&b, tab, []int{0}, []int{0}, bom); err != nil {
			t.Fatal(err)
		}
		if got := strings.HasPrefix(b.String(), BOM); got != bom {
			t.Errorf("bom=%v: %q", bom, b.String())
		}
		if strings.TrimPrefix(b.String(), BOM) != "id\ns1\n" {
			t.Errorf("bom=%v body %q", bom, b.String())
		}
	}
}

func TestWriteBadColumn(t *testing.T) {
	d := loadGood(t)
	if err := WriteCSV(io.Discard, d.Table("sources"), []int{0}, []int{99}, false); err == nil {
		t.Error("column 99 accepted")
	}
}

var errDiskFull = errors.New("no space left on device")

// failingWriter takes some bytes, then fails, as a full disk does.
func failingWriter(after int) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), after)); err != nil {
			return err
		}
		return errDiskFull
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "projects.csv")

	// A write that fails midway leaves no file.
	if err := WriteFile(path, failingWriter(100)); !errors.Is(err, errDiskFull) {
		t.Fatalf("got %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("left behind: %v", entries)
	}

	// A good write lands whole.
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "old\n"); return err }); err != nil {
		t.Fatal(err)
	}
	// A failing write over it leaves the old file untouched.
	if err := WriteFile(path, failingWriter(5000)); !errors.Is(err, errDiskFull) {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Fatalf("existing file damaged: %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
	// A folder that is gone is an error, not a panic.
	if err := WriteFile(filepath.Join(dir, "gone", "x.csv"), failingWriter(0)); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("missing folder: %v", err)
	}
}
