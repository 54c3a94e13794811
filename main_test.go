package main

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"uzkor/data"
	"uzkor/data/special"
	"uzkor/resources"
	"uzkor/ui"
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

// cli runs the command line and returns its exit status and output.
func cli(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExportToFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pharma.csv")
	code, out, errs := cli("-export", "projects", "-filter", "pharma", "-sort", "amount_usd_m:desc", "-o", path)
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte(data.BOM)) {
		t.Error("no byte-order mark")
	}
	lines := strings.Split(strings.TrimSpace(strings.TrimPrefix(string(b), data.BOM)), "\n")
	if lines[0] != "name,amount_usd_m,amount_basis,amount_year,status,status_as_of,start_year,region,region_label" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != 4 {
		t.Fatalf("want 3 pharma projects, got:\n%s", b)
	}
	// The one with a known amount comes first; unknown amounts last.
	if !strings.HasPrefix(lines[1], "\"Tashkent Pharma Park, phase 1: Pharmaceutical Technical University\",84,loan,2021,") {
		t.Errorf("first row %q", lines[1])
	}
}

// An .xlsx file name writes a workbook of the same rows, in the same
// order, as the CSV; -format overrides the extension.
func TestExportWorkbook(t *testing.T) {
	dir := t.TempDir()
	args := []string{"-export", "projects", "-filter", "pharma", "-sort", "amount_usd_m:desc"}
	path := filepath.Join(dir, "pharma.xlsx")
	code, out, errs := cli(append(args, "-o", path)...)
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("projects")
	csvPath := filepath.Join(dir, "pharma.csv")
	if code, _, errs := cli(append(args, "-o", csvPath)...); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(csvPath)
	records, _ := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte(data.BOM)))).ReadAll()
	if len(rows) != len(records) || len(rows) != 4 {
		t.Fatalf("%d rows, the CSV %d", len(rows), len(records))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i][0] != records[i][0] {
			t.Errorf("row %d: %q, the CSV %q", i, rows[i][0], records[i][0])
		}
	}
	about, _ := f.GetRows("About")
	if about[0][0] != "Made by" || !strings.HasPrefix(about[0][1], "Uzbekistan–Korea Partnership Dashboard, version ") {
		t.Errorf("about %q", about[0])
	}
	// -format xlsx writes a workbook whatever the name; -format csv a CSV.
	other := filepath.Join(dir, "pharma.data")
	if code, _, errs := cli(append(args, "-format", "xlsx", "-o", other)...); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(other); !bytes.HasPrefix(b, []byte("PK")) {
		t.Error("-format xlsx did not write a workbook")
	}
	if code, _, errs := cli(append(args, "-format", "csv", "-o", path)...); code != 0 {
		t.Fatal(errs)
	}
	if b, _ := os.ReadFile(path); !bytes.HasPrefix(b, []byte(data.BOM+"name,")) {
		t.Error("-format csv did not write CSV")
	}
}

func TestExportToStdout(t *testing.T) {
	code, out, errs := cli("-export", "minerals", "-columns", "name,production,production_unit", "-sort", "production:desc", "-bom=false", "-o", "-")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "name,production,production_unit" || lines[1] != "Uranium,4000,tU" {
		t.Errorf("got %q %q", lines[0], lines[1])
	}
}

// Every column of a table exported, then loaded: the same rows come back.
func TestExportRoundTrip(t *testing.T) {
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tab := range d.Tables() {
		var names []string
		for _, c := range tab.Columns() {
			names = append(names, c.Name)
		}
		path := filepath.Join(t.TempDir(), tab.File())
		if code, _, errs := cli("-export", tab.Name(), "-columns", strings.Join(names, ","), "-o", path); code != 0 {
			t.Fatalf("%s: %s", tab.Name(), errs)
		}
		b, _ := os.ReadFile(path)
		back, err := data.Load(data.Overlay{Top: fstest.MapFS{tab.File(): {Data: b}}, Base: resources.Data})
		if err != nil {
			t.Fatalf("%s does not load back: %v", tab.Name(), err)
		}
		other := back.Table(tab.Name())
		if other.Len() != tab.Len() {
			t.Fatalf("%s: %d rows back of %d", tab.Name(), other.Len(), tab.Len())
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

func TestCommandLineErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone", "x.csv")
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"-export", "planets", "-o", "-"}, `uzkor: -export: no view "planets" (expected one of minerals, sectors, projects, indicators, milestones, sources, deposits, production)`},
		{[]string{"-export", "projects", "-columns", "name,colour", "-o", "-"}, `uzkor: -columns: projects has no column "colour" (expected one of id, name, sector, region, city, latitude, longitude, korean_partner, uzbek_partner, funder, instrument, amount_usd_m, amount_basis, amount_year, total_cost_usd_m, total_cost_year, part_of, status, status_as_of, start_year, end_year, minerals, description, notes, sources)`},
		{[]string{"-export", "projects", "-sort", "colour", "-o", "-"}, `uzkor: -sort: the projects table has no column "colour"`},
		{[]string{"-export", "projects", "-sort", "name:sideways", "-o", "-"}, `uzkor: -sort: "sideways" is not a sort direction (expected asc or desc)`},
		{[]string{"-export", "projects"}, `uzkor: -export needs -o FILE, or -o - for standard output`},
		{[]string{"-export", "projects", "-o", missing}, `uzkor: -o: cannot write ` + missing + `: the folder does not exist`},
		{[]string{"-colour"}, `uzkor: flag provided but not defined: -colour; see uzkor -help`},
		{[]string{"projects"}, `uzkor: unexpected argument "projects"; see uzkor -help`},
		{[]string{"-filter", "x"}, `uzkor: -filter, -sort and -columns go with -export`},
		{[]string{"-format", "xlsx"}, `uzkor: -format goes with -export`},
		{[]string{"-export", "projects", "-format", "ods", "-o", "-"}, `uzkor: -format: "ods" is not a format (expected csv or xlsx)`},
		{[]string{"-export", "projects", "-validate"}, `uzkor: -validate, -export, -screenshot and -synthetic cannot be combined`},
		{[]string{"-synthetic", "10"}, `uzkor: -synthetic needs -o FOLDER`},
		{[]string{"-synthetic", "-5", "-o", "x"}, `uzkor: -synthetic: -5 is not a number of projects`},
		{[]string{"-data", "/no/such/folder", "-validate"}, `uzkor: -data: "/no/such/folder" is not a folder`},
		{[]string{"-screenshot", filepath.Join(t.TempDir(), "x.png"), "-size", "big"}, `uzkor: -size: "big" is not a size (expected WIDTHxHEIGHT such as 1600x1000, from 200x150 to 8000x8000)`},
	}
	for _, tt := range tests {
		code, out, errs := cli(tt.args...)
		if code != 2 || out != "" || strings.TrimSuffix(errs, "\n") != tt.want || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, errs, tt.want)
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("a file was written despite the error")
	}
}

func TestHelpDocumentsEveryFlag(t *testing.T) {
	code, out, _ := cli("-help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, f := range []string{"-data", "-validate", "-export", "-filter", "-sort", "-columns", "-o", "-format", "-bom", "-briefing", "-paper", "-screenshot", "-tab", "-theme", "-size", "-select", "Exit status"} {
		if !strings.Contains(out, "  "+f) && !strings.Contains(out, f) {
			t.Errorf("help lacks %s", f)
		}
	}
	// Every tab and every table is named.
	for _, name := range append(ui.Tabs(), data.TableNames()...) {
		if !strings.Contains(out, name) {
			t.Errorf("help does not name %s", name)
		}
	}
	if !strings.Contains(out, "map") || !strings.Contains(out, "deposits") {
		t.Error("help leaves out the map or the deposits")
	}
}

// okPrefix starts what -validate prints for data that loads.
var okPrefix = "OK: " + strconv.Itoa(len(data.Files)) + " files, "

func TestValidate(t *testing.T) {
	code, out, errs := cli("-validate")
	if code != 0 || !strings.HasPrefix(out, okPrefix) || errs != "" {
		t.Fatalf("bundled: exit %d %q %q", code, out, errs)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "projects.csv"), []byte("id,name\nx,y\n"), 0o644)
	code, out, errs = cli("-data", dir, "-validate")
	if code != 1 || out != "" || !strings.Contains(errs, `projects.csv:1: column "sector": the column is missing`) {
		t.Errorf("bad folder: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestScreenshot(t *testing.T) {
	newApp = func() fyne.App { return test.NewTempApp(t) }
	path := filepath.Join(t.TempDir(), "shot.png")
	code, _, errs := cli("-screenshot", path, "-tab", "minerals", "-size", "800x500", "-select", "tungsten")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
		t.Errorf("size %v", b)
	}
	if code, _, errs := cli("-screenshot", path, "-tab", "mars"); code != 2 || !strings.Contains(errs, `unknown tab "mars"`) {
		t.Errorf("bad tab: %d %q", code, errs)
	}
}

// Every bad case of data/testdata gives, through -validate, the problems
// its want.txt lists: exit 1 with one line each, or exit 0 when it loads.
func TestValidateBadCases(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("data", "testdata", "bad", "*"))
	if len(dirs) < 30 {
		t.Fatalf("%d cases", len(dirs))
	}
	for _, caseDir := range dirs {
		t.Run(filepath.Base(caseDir), func(t *testing.T) {
			dir := t.TempDir()
			// The good fixture, then the case's files over it.
			for _, name := range data.Files {
				b, _ := os.ReadFile(filepath.Join("data", "testdata", "good", name))
				os.WriteFile(filepath.Join(dir, name), b, 0o644)
			}
			if b, err := os.ReadFile(filepath.Join(caseDir, "remove")); err == nil {
				for _, name := range strings.Fields(string(b)) {
					os.Remove(filepath.Join(dir, name))
				}
			}
			entries, _ := os.ReadDir(caseDir)
			for _, e := range entries {
				src := filepath.Join(caseDir, e.Name())
				if e.IsDir() {
					os.Remove(filepath.Join(dir, e.Name()))
					os.Mkdir(filepath.Join(dir, e.Name()), 0o755)
					continue
				}
				if e.Name() == "want.txt" || e.Name() == "remove" || e.Name() == special.Name {
					continue
				}
				b, _ := os.ReadFile(src)
				os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644)
			}
			if spec, err := os.ReadFile(filepath.Join(caseDir, special.Name)); err == nil {
				if err := special.Make(dir, spec); err != nil {
					t.Fatal(err)
				}
			}
			want, _ := os.ReadFile(filepath.Join(caseDir, "want.txt"))
			code, out, errs := cli("-data", dir, "-validate")
			if filepath.Base(caseDir) == "missing-file" {
				// In a data folder a missing file comes from the bundle.
				if code != 0 || !strings.HasPrefix(out, okPrefix) || !strings.HasSuffix(out, " rows (from the folder: minerals.csv, sectors.csv, projects.csv, indicators.csv, milestones.csv, deposits.csv, production.csv; the others bundled)\n") {
					t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
				}
				return
			}
			errorsWanted := false
			for _, line := range strings.Split(strings.TrimSpace(string(want)), "\n") {
				if line != "" && !strings.Contains(line, ": warning: ") {
					errorsWanted = true
				}
			}
			if errorsWanted {
				if code != 1 || out != "" {
					t.Errorf("exit %d, stdout %q", code, out)
				}
			} else if code != 0 || !strings.HasPrefix(out, okPrefix) {
				t.Errorf("exit %d, stdout %q", code, out)
			}
			if errs != string(want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", errs, want)
			}
		})
	}
}

func TestSynthetic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "synth")
	if code, _, errs := cli("-synthetic", "500", "-o", dir); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := cli("-data", dir, "-validate")
	if code != 0 || !strings.HasPrefix(out, okPrefix) {
		t.Errorf("synthetic data does not validate: %d %q %q", code, out, errs)
	}
}

// appWithWindows is the app the dashboard makes (its tests make a test
// app instead).
var appWithWindows = newApp

// Run from a folder that holds another FyneApp.toml (another project, or
// this one's checkout), the app names itself from its own, compiled in,
// without reading that file: Fyne reads the FyneApp.toml beside a build
// that is not packaged, or in the working folder, and scales its icon,
// unless built with no_metadata as the Makefile does (make test runs this
// with it).
func TestMetadataIsItsOwnInAnyFolder(t *testing.T) {
	dir := t.TempDir()
	other := "[Details]\nIcon = \"missing.png\"\nName = \"Other\"\nID = \"org.example.other\"\nVersion = \"9.9.9\"\nBuild = 7\n"
	if err := os.WriteFile(filepath.Join(dir, "FyneApp.toml"), []byte(other), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	app.SetMetadata(fyne.AppMetadata{}) // as a plain build starts
	m := appWithWindows().Metadata()
	want := metadata(fyneAppToml, nil)
	if m.ID != want.ID || m.Name != want.Name || m.Version != want.Version || !m.Migrations["fyneDo"] {
		t.Errorf("run from a folder with another FyneApp.toml, the app is %q %q %q (migrations %v), not %q %q %q", m.ID, m.Name, m.Version, m.Migrations, want.ID, want.Name, want.Version)
	}
}

func TestMetadataFromFyneAppToml(t *testing.T) {
	m := metadata(fyneAppToml, nil)
	if m.ID != appID || m.Name != "Uzbekistan–Korea Partnership Dashboard" || m.Version == "" || m.Build < 1 || !m.Migrations["fyneDo"] {
		t.Errorf("metadata %+v", m)
	}
}

// -briefing writes the PDF briefing: of the partnership, or of a list
// with -export, -filter and -sort; bad flags and paths exit 2 with one
// line and write nothing.
func TestBriefing(t *testing.T) {
	newApp = func() fyne.App { return test.NewTempApp(t) }
	dir := t.TempDir()
	for _, args := range [][]string{
		{"-briefing", "-o", filepath.Join(dir, "all.pdf")},
		{"-briefing", "-export", "projects", "-filter", "health", "-sort", "amount_usd_m:desc", "-paper", "letter", "-o", filepath.Join(dir, "health.pdf")},
	} {
		code, out, errs := cli(args...)
		if code != 0 || out != "" || errs != "" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
		b, err := os.ReadFile(args[len(args)-1])
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-1.")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
			t.Errorf("%v: not a PDF (%v): %.20q", args, err, b)
		}
	}
	code, out, errs := cli("-briefing", "-o", "-")
	if code != 0 || errs != "" || !strings.HasPrefix(out, "%PDF-1.") {
		t.Errorf("-o -: exit %d, %q, %.20q", code, errs, out)
	}
	missing := filepath.Join(dir, "gone", "b.pdf")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-briefing"}, `uzkor: -briefing needs -o FILE.pdf, or -o - for standard output`},
		{[]string{"-briefing", "-paper", "a5", "-o", "-"}, `uzkor: -paper: no paper size "a5" (expected a4 or letter)`},
		{[]string{"-briefing", "-export", "indicators", "-o", "-"}, `uzkor: -export: no briefing of "indicators" (expected one of projects, minerals, sectors, sources)`},
		{[]string{"-briefing", "-export", "projects", "-sort", "colour", "-o", "-"}, `uzkor: -sort: the projects table has no column "colour"`},
		{[]string{"-briefing", "-export", "projects", "-columns", "name", "-o", "-"}, `uzkor: -columns goes with -export alone: a briefing has columns of its own`},
		{[]string{"-briefing", "-validate"}, `uzkor: -briefing cannot be combined with -validate, -screenshot or -synthetic`},
		{[]string{"-briefing", "-o", missing}, `uzkor: -o: cannot write ` + missing + `: the folder does not exist`},
	} {
		code, out, errs := cli(tt.args...)
		if code != 2 || out != "" || strings.TrimSuffix(errs, "\n") != tt.want {
			t.Errorf("%v: exit %d, stdout %.20q, stderr %q, want %q", tt.args, code, out, errs, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Dir(missing)); err == nil {
		t.Error("a folder was made")
	}
}

// -o to a named pipe writes into the pipe, which stays a pipe; -o to a
// link writes the file it points to; a file's permissions are kept.
func TestExportWritesThrough(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.csv")
	if err := special.Make(dir, []byte("fifo pipe.csv")); err != nil {
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
	if err := special.Make(dir, []byte("fifo projects.csv")); err != nil {
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

// -timing's processor time is the process's own, and grows as it works.
func TestCPUTime(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc here")
	}
	before := cpuTime()
	for start := time.Now(); cpuTime()-before < 50*time.Millisecond; {
		if time.Since(start) > 10*time.Second { // a hang guard, not a budget
			t.Fatalf("processor time went from %v to %v in 10 s of work", before, cpuTime())
		}
	}
	if before < 0 {
		t.Errorf("processor time %v", before)
	}
}
