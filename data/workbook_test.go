package data

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/xuri/excelize/v2"

	"uzkor/resources"
)

var testProvenance = Provenance{App: "Dashboard 1.0", View: "Projects", Shown: "4 of 4 projects", Filter: `"tash"`, Sort: "Amount (amount_usd_m), descending",
	When: time.Date(2026, 11, 27, 14, 5, 0, 0, time.UTC)}

// writeBook writes a workbook and opens it again with excelize.
func writeBook(t testing.TB, wb *Workbook) (*excelize.File, []byte) {
	t.Helper()
	var b bytes.Buffer
	if err := wb.Write(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, b.Bytes()
}

// sheetXML is the XML of every sheet of a workbook file, by part name.
func sheetXML(t testing.TB, book []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range z.File {
		if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			continue
		}
		r, _ := f.Open()
		b, _ := io.ReadAll(r)
		r.Close()
		out[f.Name] = string(b)
	}
	return out
}

// checkCell compares a cell read back with the CSV text it was written
// from, by the column's kind: numbers as numbers, dates as dates, text as
// the same text, unknown as an empty cell.
func checkCell(t *testing.T, f *excelize.File, sheet, cell string, k Kind, want string) {
	t.Helper()
	raw, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := f.GetCellType(sheet, cell)
	switch {
	case want == "":
		if raw != "" {
			t.Errorf("%s!%s: unknown written as %q", sheet, cell, raw)
		}
	case k.Numeric():
		w, _ := strconv.ParseFloat(want, 64)
		got, err := strconv.ParseFloat(raw, 64)
		if err != nil || got != w || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
			t.Errorf("%s!%s: %q (type %v), want the number %s", sheet, cell, raw, typ, want)
		}
		// Shown without thousands separators or units, so that a CSV saved
		// "as shown" reads back: the same number.
		shown, _ := f.GetCellValue(sheet, cell)
		if v, err := strconv.ParseFloat(shown, 64); err != nil || v != w {
			t.Errorf("%s!%s: shown as %q, want %s", sheet, cell, shown, want)
		}
	case k == When:
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s!%s: %q is not a date serial", sheet, cell, raw)
			return
		}
		got, _ := excelize.ExcelDateToTime(serial, false)
		d, _ := parseDate(want)
		if got.Year() != d.Year || int(got.Month()) != max(d.Month, 1) || got.Day() != max(d.Day, 1) {
			t.Errorf("%s!%s: date %v, want %s", sheet, cell, got, want)
		}
		if shown, _ := f.GetCellValue(sheet, cell); shown != want {
			t.Errorf("%s!%s: date shown as %q, want %q", sheet, cell, shown, want)
		}
	default:
		if raw != want || typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s: %q (type %v), want the text %q", sheet, cell, raw, typ, want)
		}
	}
}

func cellAt(c, row int) string {
	n, _ := excelize.CoordinatesToCellName(c+1, row)
	return n
}

// Every table written as a view's workbook, sorted, with all its columns,
// and read back: the header, every cell's value and type, the labels and
// the hidden ids, the frozen header, the autofilter, the links, and no
// formula anywhere.
func TestWorkbookRoundTrip(t *testing.T) {
	d := loadGood(t)
	for _, tab := range d.Tables() {
		t.Run(tab.Name(), func(t *testing.T) {
			v := NewView(tab, nil)
			// Sorted by the last numeric or date column there is, descending.
			q := Query{Desc: true}
			for _, c := range tab.Columns() {
				if c.Kind.Numeric() || c.Kind == When {
					q.Sort = c.Name
				}
			}
			if err := v.Set(q); err != nil {
				t.Fatal(err)
			}
			rows := v.Rows()
			cols := allColumns(tab)
			wb := d.ViewWorkbook(tab, rows, cols, testProvenance)
			f, book := writeBook(t, wb)

			want := []string{tab.Name(), "Sources", "About"}
			if tab.Name() == "sources" {
				want = []string{"sources", "About"}
			}
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Fatalf("sheets %v, want %v", got, want)
			}
			sheet := tab.Name()
			got, _ := f.GetRows(sheet)
			if len(got) != len(rows)+1 {
				t.Fatalf("%d rows, want %d and the header", len(got), len(rows))
			}
			// The header: each column's CSV name, a label column before
			// each column of ids, which is hidden.
			var header []string
			type at struct {
				col   int
				label bool
			}
			var where []at
			for _, c := range cols {
				col := tab.Columns()[c]
				if labelled(col) {
					header = append(header, col.Name+"_label")
					where = append(where, at{c, true})
				}
				header = append(header, col.Name)
				where = append(where, at{c, false})
			}
			if !slices.Equal(got[0], header) {
				t.Errorf("header %v, want %v", got[0], header)
			}
			for i, w := range where {
				name, _ := excelize.ColumnNumberToName(i + 1)
				visible, _ := f.GetColVisible(sheet, name)
				if visible == (labelled(tab.Columns()[w.col]) && !w.label) {
					t.Errorf("column %s (%s): visible %v", name, header[i], visible)
				}
			}
			for r, row := range rows {
				for i, w := range where {
					col := tab.Columns()[w.col]
					if w.label {
						want := tab.Display(row, w.col)
						if want == Unknown {
							want = ""
						}
						checkCell(t, f, sheet, cellAt(i, r+2), Text, want)
						continue
					}
					checkCell(t, f, sheet, cellAt(i, r+2), col.Kind, tab.Raw(row, w.col))
				}
			}
			// The header is frozen and filtered.
			panes, _ := f.GetPanes(sheet)
			if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
				t.Errorf("panes %+v", panes)
			}
			xml := sheetXML(t, book)
			last, _ := excelize.ColumnNumberToName(len(header))
			if ref := `<autoFilter ref="$A$1:$` + last + "$" + strconv.Itoa(len(rows)+1) + `"`; !strings.Contains(xml["xl/worksheets/sheet1.xml"], ref) {
				t.Errorf("no %s in the sheet", ref)
			}
			for name, x := range xml {
				if strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
					t.Errorf("%s has a formula", name)
				}
			}
			// Each row's sources link to the first of them on the Sources
			// sheet, which links to the source itself.
			if src := slices.Index(header, "sources"); src >= 0 && tab.Name() != "sources" {
				for r, row := range rows {
					ids := tab.Sources(row)
					ok, target, _ := f.GetCellHyperLink(sheet, cellAt(src, r+2))
					m := regexp.MustCompile(`^'Sources'!A(\d+)$`).FindStringSubmatch(target)
					if !ok || m == nil {
						t.Errorf("row %d: sources link %v %q", r, ok, target)
						continue
					}
					n, _ := strconv.Atoi(m[1])
					if id, _ := f.GetCellValue("Sources", "A"+m[1]); id != ids[0] {
						t.Errorf("row %d links to Sources row %d, %q, want %s", r, n, id, ids[0])
					}
				}
				srcRows, _ := f.GetRows("Sources")
				cited := d.SourcesCited(tab.Name(), rows)
				if len(srcRows) != len(cited)+1 {
					t.Errorf("%d sources on the sheet, %d cited", len(srcRows)-1, len(cited))
				}
				for i, sr := range srcRows[1:] {
					s, _ := d.Source(sr[0])
					ok, url, _ := f.GetCellHyperLink("Sources", cellAt(4, i+2))
					if !ok || url != s.URL || sr[4] != s.URL {
						t.Errorf("source %s: link %v %q", sr[0], ok, url)
					}
				}
			}
		})
	}
}

// Text that looks like a formula is written as text, never as a formula:
// the workbook needs no formula guard, and keeps the text as it is.
func TestWorkbookTextIsNeverAFormula(t *testing.T) {
	texts := []string{"=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", "=HYPERLINK(\"http://x\")", "\tx", "<b>&amp;", "Hangul 희귀금속, Кириллица"}
	wb := &Workbook{Sheets: []Sheet{{Name: "t", Columns: []SheetColumn{{Name: "text", Kind: Text}, {Name: "number", Kind: Decimal}}, Rows: len(texts),
		Cell: func(r, c int) string {
			if c == 1 {
				return "-1.5"
			}
			return texts[r]
		}}}}
	f, book := writeBook(t, wb)
	for r, want := range texts {
		checkCell(t, f, "t", cellAt(0, r+2), Text, want)
		if formula, _ := f.GetCellFormula("t", cellAt(0, r+2)); formula != "" {
			t.Errorf("%q: formula %q", want, formula)
		}
		checkCell(t, f, "t", cellAt(1, r+2), Decimal, "-1.5")
	}
	// In the XML, every text cell is an inline string and no cell is a
	// formula or a formula's cached text.
	x := sheetXML(t, book)["xl/worksheets/sheet1.xml"]
	cells := regexp.MustCompile(`<c [^>]*>.*?</c>`).FindAllString(x, -1)
	if len(cells) != 2*(len(texts)+1) {
		t.Fatalf("%d cells in\n%s", len(cells), x)
	}
	for _, c := range cells {
		if strings.Contains(c, "<f") || strings.Contains(c, `t="str"`) {
			t.Errorf("a formula: %s", c)
		}
		if strings.Contains(c, "<is>") != strings.Contains(c, `t="inlineStr"`) {
			t.Errorf("text not typed as text: %s", c)
		}
		if v := regexp.MustCompile(`<v>([^<]*)</v>`).FindStringSubmatch(c); v != nil && strings.HasPrefix(v[1], "=") {
			t.Errorf("a value starting with =: %s", c)
		}
	}
}

// The qualifier of a figure ("over") goes beside it in its own column.
func TestWorkbookColumnsQualifier(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("indicators")
	var names []string
	for _, c := range WorkbookColumns(tab, tab.ListColumns()) {
		names = append(names, tab.Columns()[c].Name)
	}
	if got := strings.Join(names, ","); got != "label,value,unit,qualifier,period,series" {
		t.Errorf("columns %s", got)
	}
	f, _ := writeBook(t, d.ViewWorkbook(tab, []int{0}, WorkbookColumns(tab, tab.ListColumns()), testProvenance))
	rows, _ := f.GetRows("indicators")
	if !slices.Equal(rows[1][:4], []string{"Korean investment in Uzbekistan", "7700", "USD m", "over"}) {
		t.Errorf("row %q", rows[1])
	}
}

// The About sheet says what made the workbook, and what each column holds.
func TestWorkbookAbout(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	f, _ := writeBook(t, d.ViewWorkbook(tab, []int{0, 1}, WorkbookColumns(tab, tab.ListColumns()), testProvenance))
	rows, _ := f.GetRows("About")
	var text []string
	for _, r := range rows {
		text = append(text, strings.Join(r, " | "))
	}
	all := strings.Join(text, "\n")
	for _, want := range []string{
		"Made by | Dashboard 1.0",
		"Exported | 2026-11-27 14:05 UTC",
		"Data | as of Sep 2025 (the date of the newest source); 3 sources in all",
		"Data folder | the data bundled with the app",
		"View | Projects",
		"Rows | 4 of 4 projects",
		`Filter | "tash"`,
		"Sort | Amount (amount_usd_m), descending",
		"Sheets | projects, Sources, About",
		"sheet | column | title | what it holds",
		"projects | sector_label | Sector | the names of the sector column beside it (hidden), for people",
		"projects | amount_usd_m | Amount | amount in US$ millions",
		"Sources | url | Link | the address",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("About lacks %q:\n%s", want, all)
		}
	}
	if p, _ := f.GetDocProps(); p.Title != "Projects" || p.Creator != "uzkor" {
		t.Errorf("properties %+v", p)
	}
}

// All the data: a sheet per table, every row, and the About sheet; every
// part of the file is well-formed XML.
func TestDataWorkbook(t *testing.T) {
	d := loadGood(t)
	f, book := writeBook(t, d.DataWorkbook(Provenance{App: "x", View: "All data"}))
	z, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		t.Fatal(err)
	}
	for _, part := range z.File {
		r, _ := part.Open()
		dec := xml.NewDecoder(r)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: %v", part.Name, err)
				break
			}
		}
		r.Close()
	}
	var want []string
	for _, tab := range d.Tables() {
		want = append(want, tab.Name())
		rows, _ := f.GetRows(tab.Name())
		if len(rows) != tab.Len()+1 {
			t.Errorf("%s: %d rows", tab.Name(), len(rows))
		}
	}
	if got := f.GetSheetList(); !slices.Equal(got, append(want, "About")) {
		t.Errorf("sheets %v", got)
	}
	// The projects' sources link to the sources sheet.
	rows, _ := f.GetRows("projects")
	src := slices.Index(rows[0], "sources")
	ok, target, _ := f.GetCellHyperLink("projects", cellAt(src, 2))
	if src < 0 || !ok || !strings.HasPrefix(target, "'sources'!A") {
		t.Errorf("sources column %d: link %v %q", src, ok, target)
	}
}

// An export of nothing is a workbook with a header and no rows.
func TestWorkbookEmptyView(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	f, _ := writeBook(t, d.ViewWorkbook(tab, nil, WorkbookColumns(tab, tab.ListColumns()), testProvenance))
	rows, _ := f.GetRows("projects")
	if len(rows) != 1 || rows[0][0] != "name" || len(f.GetSheetList()) != 2 {
		t.Errorf("rows %v, sheets %v", rows, f.GetSheetList())
	}
}

// The headless export writes the rows the app's list shows for the same
// filter and sort; a bad request is refused as for CSV.
func TestWorkbookExporter(t *testing.T) {
	d := loadGood(t)
	write, err := d.WorkbookExporter(ExportRequest{Table: "projects", Filter: "korea eximbank", Sort: "amount_usd_m:desc"}, Provenance{App: "x"})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("projects")
	if len(rows) != 3 || rows[1][0] != "National Oncology Center" || rows[2][0] != "National Children's Medical Center" {
		t.Errorf("rows %q", rows)
	}
	about, _ := f.GetRows("About")
	if !slices.ContainsFunc(about, func(r []string) bool { return len(r) == 2 && r[0] == "Filter" && r[1] == `"korea eximbank"` }) {
		t.Errorf("about %q", about)
	}
	if _, err := d.WorkbookExporter(ExportRequest{Table: "nope"}, Provenance{}); err == nil {
		t.Error("no error for an unknown table")
	}
}

// A writer that fails part way returns its error.
func TestWorkbookWriteError(t *testing.T) {
	d := loadGood(t)
	tab := d.Table("projects")
	wb := d.ViewWorkbook(tab, []int{0, 1, 2, 3}, allColumns(tab), testProvenance)
	var w failAfter
	w.n = 100
	if err := wb.Write(&w); err == nil {
		t.Error("no error from a failing writer")
	}
}

// More rows than a sheet holds: a clear error, before anything is written.
func TestWorkbookTooManyRows(t *testing.T) {
	wb := &Workbook{Sheets: []Sheet{{Name: "big", Columns: []SheetColumn{{Name: "n", Kind: Decimal}}, Rows: excelize.TotalRows, Cell: func(r, c int) string { return "1" }}}}
	var b bytes.Buffer
	err := wb.Write(&b)
	if err == nil || err.Error() != "1,048,576 rows are more than a sheet holds (1,048,575 below its header); filter the list first, or export it as CSV" || b.Len() != 0 {
		t.Errorf("error %v, %d bytes", err, b.Len())
	}
}

func TestWebLink(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.koreaherald.com/article/10571542": "https://www.koreaherald.com/article/10571542",
		"http://x.org/a?b=c&d=e#f":                     "http://x.org/a?b=c&d=e#f",
		"https://ko.wikipedia.org/wiki/우즈베키스탄":         "https://ko.wikipedia.org/wiki/%EC%9A%B0%EC%A6%88%EB%B2%A0%ED%82%A4%EC%8A%A4%ED%83%84",
		"https://x.org/a b":                            "",
		"ftp://x.org/a":                                "",
		"https://":                                     "",
		"see the annex":                                "",
	} {
		if got := webLink(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

type failAfter struct{ n int }

func (f *failAfter) Write(p []byte) (int, error) {
	if f.n -= len(p); f.n < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

// LibreOffice opens the workbook of all the bundled data and saves each
// sheet as CSV, as shown: Hangul and Cyrillic survive, and the CSV files
// load back into the app with the same values.
func TestWorkbookInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui to run this test")
	}
	d, err := Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "data.xlsx")
	if err := WriteFile(path, d.DataWorkbook(Provenance{App: "test", View: "All data"}).Write); err != nil {
		t.Fatal(err)
	}
	// Every sheet (-1) to its own file, UTF-8 (76), comma-separated, text
	// quoted, cells as shown.
	filter := "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1"
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless", "--convert-to", filter, "--outdir", filepath.Join(dir, "csv"), path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	m := fstest.MapFS{}
	for _, tab := range d.Tables() {
		b, err := os.ReadFile(filepath.Join(dir, "csv", "data-"+tab.Name()+".csv"))
		if err != nil {
			entries, _ := os.ReadDir(filepath.Join(dir, "csv"))
			t.Fatalf("%v; the folder has %v", err, entries)
		}
		m[tab.File()] = &fstest.MapFile{Data: b}
	}
	src := string(m["sources.csv"].Data)
	for _, want := range []string{"한국", "Узбекистан"} {
		if !strings.Contains(src, want) {
			t.Errorf("%q did not survive LibreOffice", want)
		}
	}
	back, err := Load(m)
	if err != nil {
		t.Fatalf("the sheets saved as CSV do not load back: %v", err)
	}
	for ti, tab := range d.Tables() {
		other := back.Tables()[ti]
		if tab.Len() != other.Len() {
			t.Fatalf("%s: %d rows, back %d", tab.Name(), tab.Len(), other.Len())
		}
		for r := 0; r < tab.Len(); r++ {
			for c, col := range tab.Columns() {
				a, b := tab.Raw(r, c), other.Raw(r, c)
				if a != b && !(col.Kind.Numeric() && sameNumber(a, b)) {
					t.Errorf("%s row %d %s: %q came back as %q", tab.Name(), r+2, col.Name, a, b)
				}
			}
		}
	}
	// The label columns come back as columns the app does not read.
	for _, w := range back.Warnings {
		if !strings.Contains(w.String(), "_label") {
			t.Errorf("warning %s", w)
		}
	}
}

func sameNumber(a, b string) bool {
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	return err1 == nil && err2 == nil && math.Abs(x-y) < 1e-9
}

// BenchmarkWorkbook writes the list's columns of every project, as the
// app's export of the whole list does, to a workbook. (The memory the
// README gives is the peak resident size of the headless export, measured
// from outside.)
func BenchmarkWorkbook(b *testing.B) {
	for _, n := range sizes(b) {
		if n > 100000 {
			continue // the budgets are set at 100k; a sheet holds at most 1,048,575 rows
		}
		d := loadSynth(b, n)
		tab := d.Table("projects")
		v := NewView(tab, nil)
		cols := WorkbookColumns(tab, tab.ListColumns())
		b.Run("write/"+label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				wb := d.ViewWorkbook(tab, v.Rows(), cols, Provenance{App: "bench"})
				if err := wb.Write(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
