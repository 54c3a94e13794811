package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"uzkor/data"
)

// openBook opens a workbook file with excelize.
func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// Every view that exports CSV exports a workbook of the same rows: each
// column of the CSV is in the workbook's first sheet under the same name,
// with the same values, numbers as numbers and dates as dates; the header
// is frozen and filtered, the sources link, and no cell is a formula.
func TestWorkbookOfEveryView(t *testing.T) {
	u, w := newTestUI(t)
	apply(t, u, "projects", data.Query{Text: "korea", Sort: "amount_usd_m", Desc: true})
	dir := t.TempDir()
	for _, v := range u.allViews() {
		if !hasCSV(v) {
			continue
		}
		t.Run(v.name(), func(t *testing.T) {
			if !hasXLSX(v) {
				t.Fatal("exports CSV but not a workbook")
			}
			u.ShowTab(v.name())
			csvPath, _, err := u.exportCSVTo(filepath.Join(dir, v.name()+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			b, _ := os.ReadFile(csvPath)
			records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), data.BOM))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			path, e := exportXLSX(t, u, w, filepath.Join(dir, v.name()))
			if e.count != len(records)-1 {
				t.Errorf("%s: %d rows, the CSV %d", path, e.count, len(records)-1)
			}
			f := openBook(t, path)
			sheet := f.GetSheetList()[0]
			rows, _ := f.GetRows(sheet)
			if len(rows) != len(records) {
				t.Fatalf("%d rows, the CSV has %d", len(rows), len(records))
			}
			header := rows[0]
			for c, name := range records[0] {
				x := slices.Index(header, name)
				if x < 0 {
					t.Errorf("no column %s in %v", name, header)
					continue
				}
				for r := 1; r < len(records); r++ {
					cell, _ := excelize.CoordinatesToCellName(x+1, r+1)
					want := records[r][c]
					raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
					shown, _ := f.GetCellValue(sheet, cell)
					typ, _ := f.GetCellType(sheet, cell)
					_, isNumber := strconv.ParseFloat(want, 64)
					switch {
					case want == "":
						if raw != "" {
							t.Errorf("%s %s: unknown written as %q", cell, name, raw)
						}
					case typ == excelize.CellTypeInlineString:
						if raw != want {
							t.Errorf("%s %s: %q, the CSV %q", cell, name, raw, want)
						}
					case isNumber == nil && shown != want: // a number
						got, _ := strconv.ParseFloat(raw, 64)
						if w, _ := strconv.ParseFloat(want, 64); got != w {
							t.Errorf("%s %s: %v, the CSV %q", cell, name, got, want)
						}
					case shown != want: // a date, shown as written in CSV
						t.Errorf("%s %s: shown as %q (raw %q, type %v), the CSV %q", cell, name, shown, raw, typ, want)
					}
				}
			}
			if panes, _ := f.GetPanes(sheet); !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("header not frozen: %+v", panes)
			}
			if src := slices.Index(header, "sources"); src >= 0 && len(rows) > 1 {
				cell, _ := excelize.CoordinatesToCellName(src+1, 2)
				if ok, target, _ := f.GetCellHyperLink(sheet, cell); !ok || !strings.HasPrefix(target, "'Sources'!A") {
					t.Errorf("sources not linked: %v %q", ok, target)
				}
			}
			for _, s := range f.GetSheetList() {
				all, _ := f.GetRows(s)
				for r, row := range all {
					for c := range row {
						cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
						if formula, _ := f.GetCellFormula(s, cell); formula != "" {
							t.Errorf("%s!%s is a formula: %s", s, cell, formula)
						}
					}
				}
			}
			about, _ := f.GetRows("About")
			if len(about) < 8 || about[4][1] != v.title() {
				t.Errorf("About: %q", about)
			}
		})
	}
}

// A list's workbook says which filter and sort made it, and gives names
// beside the ids.
func TestWorkbookOfAList(t *testing.T) {
	u, w := newTestUI(t)
	apply(t, u, "projects", data.Query{Text: "health", Sort: "amount_usd_m", Desc: true})
	path, e := exportXLSX(t, u, w, t.TempDir())
	if e.noun != "2 projects" {
		t.Errorf("noun %q", e.noun)
	}
	f := openBook(t, path)
	rows, _ := f.GetRows("projects")
	if !slices.Equal(rows[0], []string{"name", "amount_usd_m", "amount_basis", "amount_year", "status", "status_as_of", "start_year", "region_label", "region"}) || rows[1][0] != "National Oncology Center" || rows[1][7] != "Tashkent city" || rows[1][8] != "UZ-TK" {
		t.Errorf("rows %q", rows[:2])
	}
	if visible, _ := f.GetColVisible("projects", "I"); visible {
		t.Error("the region codes are not hidden")
	}
	about, _ := f.GetRows("About")
	text := ""
	for _, r := range about {
		text += strings.Join(r, " | ") + "\n"
	}
	for _, want := range []string{"View | Projects", "Rows | 2 of 4 projects", `Filter | "health"`, "Sort | Amount (amount_usd_m), descending", "Data folder | the data bundled with the app", "Made by | " + Title} {
		if !strings.Contains(text, want) {
			t.Errorf("About lacks %q:\n%s", want, text)
		}
	}
	if got := u.pref().str("export.folder", ""); got != filepath.Dir(path) {
		t.Errorf("folder remembered as %q", got)
	}
}

// The export dialog offers CSV or a workbook: choosing the workbook
// changes the file name's extension and greys the byte-order mark, and
// is remembered for the next Ctrl+E.
func TestExportFormatChoice(t *testing.T) {
	u, w := newTestUI(t)
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	u.ShowTab("minerals")
	press(w, u.action("export-csv"))
	mustShow(t, onScreen(w), "Export 4 minerals as CSV or Excel", "CSV (.csv)", "Excel workbook (.xlsx)")
	radio, ok := find(w.Canvas().Overlays().Top(), func(*widget.RadioGroup) bool { return true })
	if !ok || radio.Selected != formatOptions()[0] {
		t.Fatalf("format %v %q", ok, radio.Selected)
	}
	name, _ := find(w.Canvas().Overlays().Top(), func(e *keyEntry) bool { return true })
	bom, _ := find(w.Canvas().Overlays().Top(), func(c *widget.Check) bool { return true })
	radio.SetSelected(formatOptions()[1])
	if name.Text != suggestedName("minerals", ".xlsx") || !bom.Disabled() {
		t.Errorf("name %q, byte-order mark enabled %v", name.Text, !bom.Disabled())
	}
	save(t, w)
	openBook(t, filepath.Join(dir, suggestedName("minerals", ".xlsx")))
	mustShow(t, onScreen(w), "Exported 4 minerals to")
	closeDialogs(u, w)
	// Ctrl+E now starts on the workbook; CSV again is one click.
	press(w, u.action("export-csv"))
	radio, _ = find(w.Canvas().Overlays().Top(), func(*widget.RadioGroup) bool { return true })
	name, _ = find(w.Canvas().Overlays().Top(), func(e *keyEntry) bool { return true })
	if radio.Selected != formatOptions()[1] || name.Text != suggestedName("minerals", ".xlsx") {
		t.Errorf("format %q, name %q", radio.Selected, name.Text)
	}
	radio.SetSelected(formatOptions()[0])
	name.SetText("mine.txt") // a name with another extension keeps it, and gets .csv
	save(t, w)
	if _, err := os.Stat(filepath.Join(dir, "mine.txt.csv")); err != nil {
		t.Error(err)
	}
	if u.pref().str("export.format", "") != formatCSV {
		t.Error("CSV not remembered")
	}
}

// A large workbook is written on a goroutine: the status line says how far
// it is, and the result comes back on the main thread.
func TestWorkbookInBackground(t *testing.T) {
	defer func(n int) { bigExport = n }(bigExport)
	bigExport = 0
	u, w := newTestUI(t)
	queue := make(chan func(), 100)
	u.onMain = func(f func()) { queue <- f }
	dir := t.TempDir()
	u.prefs.SetString("export.folder", dir)
	u.ShowTab("projects")
	menuItem(w, u.action("export-xlsx").label).Action()
	save(t, w)
	if msg := u.bar.message.Text; !strings.HasPrefix(msg, "Exporting 4 projects to") {
		t.Errorf("status %q", msg)
	}
	drainUntil(t, queue, func() bool { return shows(onScreen(w), "Exported 4 projects to") })
	openBook(t, filepath.Join(dir, suggestedName("projects", ".xlsx")))
	if msg := u.bar.message.Text; !strings.HasPrefix(msg, "Exported 4 projects to") {
		t.Errorf("status %q", msg)
	}
	// A failure comes back the same way, as a dialog.
	closeDialogs(u, w)
	u.saveWorkbook(filepath.Join(dir, "gone", "x.xlsx"), "everything", u.data.DataWorkbook(data.Provenance{}))
	drainUntil(t, queue, func() bool { return shows(onScreen(w), "could not be saved") })
	mustShow(t, onScreen(w), "X.xlsx could not be saved: the folder", filepath.Join(dir, "gone")+" no longer exists")
}

// A failed workbook export leaves nothing behind and says why.
func TestWorkbookExportFailure(t *testing.T) {
	u, w := newTestUI(t)
	u.ShowTab("sectors")
	dir := filepath.Join(t.TempDir(), "gone")
	u.saveWorkbook(filepath.Join(dir, "s.xlsx"), "sectors", u.data.DataWorkbook(data.Provenance{}))
	mustShow(t, onScreen(w), "S.xlsx could not be saved: the folder", dir+" no longer exists", "unchanged")
	if _, err := os.Stat(dir); err == nil {
		t.Error("a folder was created")
	}
}

// exportXLSX saves the view shown as a workbook into dir as the user does:
// File → Export view as Excel…, then Save on the name offered. It returns
// the file written and what the view exported.
func exportXLSX(t *testing.T, u *UI, w fyne.Window, dir string) (string, xlsxExport) {
	t.Helper()
	e, ok := u.currentXLSX()
	if !ok {
		t.Fatalf("%s exports no workbook", u.CurrentTab())
	}
	os.MkdirAll(dir, 0o755)
	u.pref().setStr("export.folder", dir)
	menuItem(w, u.action("export-xlsx").label).Action()
	save(t, w)
	closeDialogs(u, w)
	books, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(books) != 1 {
		t.Fatalf("the export wrote %v", books)
	}
	return books[0], e
}
