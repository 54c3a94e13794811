package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// Export as an Excel workbook: File → Export view as Excel…, the format
// chosen in the export dialog, and File → Export all data as a workbook.
// What goes in a workbook is made in data; a view says which rows and
// columns it shows (its xlsx method, beside its csv).

// xlsxExport is what a view's workbook holds: made from the view as it
// is when the export starts, written later, on any goroutine.
type xlsxExport struct {
	name  string // "projects", for the suggested file name
	count int    // rows written
	noun  string // "4 projects"
	// book makes the workbook; p says who made it, from what data and
	// when, and book adds what the view shows: filter, sort, rows.
	book func(p data.Provenance) *data.Workbook
}

func hasXLSX(v view) bool { _, ok := v.(xlsxExporter); return ok }

// The formats of the export dialog.
const (
	formatCSV  = "csv"
	formatXLSX = "xlsx"
)

// formatOptions are the choices of format, CSV first.
func formatOptions() []string { return []string{tr("export.format-csv"), tr("export.format-xlsx")} }

// bigExport is the number of rows above which a workbook is written on a
// goroutine, with its progress in the status line; tests lower it.
var bigExport = 20000

// currentXLSX describes the workbook export of the view shown; ok is
// false when the view has none.
func (u *UI) currentXLSX() (xlsxExport, bool) {
	if e, ok := u.current().(xlsxExporter); ok {
		return e.xlsx(), true
	}
	return xlsxExport{}, false
}

// provenance is who made an export, from what data and when.
func (u *UI) provenance() data.Provenance {
	version := u.app.Metadata().Version
	if version == "" {
		version = "development"
	}
	return data.Provenance{App: Title + ", version " + version, Folder: u.folder.dir, When: today()}
}

// showExportXLSX is File → Export view as Excel…: the export dialog with
// the workbook chosen.
func (u *UI) showExportXLSX() { u.showExport(formatXLSX) }

// showExport asks where to save the view shown, and as CSV or as a
// workbook; the format chosen in the dialog is remembered for the next
// Export view as CSV (Ctrl+E).
func (u *UI) showExport(format string) {
	c, okCSV := u.currentCSV()
	x, okXLSX := u.currentXLSX()
	if u.win == nil || (!okCSV && !okXLSX) {
		return
	}
	noun, name := c.noun, c.name
	switch {
	case !okCSV:
		format, noun, name = formatXLSX, x.noun, x.name
	case !okXLSX:
		format = formatCSV
	}
	ext := func() string { return "." + format }
	bom := widget.NewCheck(tr("export.bom"), func(on bool) {
		u.pref().setBool("export.bom", on)
	})
	bom.SetChecked(u.pref().boolean("export.bom", true))
	var nameBox *keyEntry
	options := formatOptions()
	choose := widget.NewRadioGroup(options, nil)
	choose.Horizontal = true
	choose.Required = true
	show := func() {
		if format == formatXLSX {
			choose.Selected = options[1]
			bom.Disable()
		} else {
			choose.Selected = options[0]
			bom.Enable()
		}
		choose.Refresh()
	}
	show()
	choose.OnChanged = func(s string) {
		old := ext()
		format = formatCSV
		if s == options[1] {
			format = formatXLSX
		}
		u.pref().setStr("export.format", format)
		show()
		if nameBox != nil && strings.EqualFold(filepath.Ext(nameBox.Text), old) {
			nameBox.SetText(strings.TrimSuffix(nameBox.Text, filepath.Ext(nameBox.Text)) + ext())
		}
	}
	var extra fyne.CanvasObject = bom
	if okCSV && okXLSX {
		extra = container.NewVBox(container.New(layout.NewFormLayout(), widget.NewLabel(tr("export.format")), choose), bom)
	}
	nameBox = u.saveDialog(tr("export.title", "What", noun), suggestedName(name, ext()), ext, extra, func(path string) {
		if format == formatCSV {
			u.saveCSVFile(path)
			return
		}
		u.saveWorkbook(path, x.noun, x.book(u.provenance()))
	})
}

// showExportAll is File → Export all data as a workbook: every table of
// the data shown, a sheet each.
func (u *UI) showExportAll() {
	if u.win == nil {
		return
	}
	d := u.data
	u.showSaveDialog(tr("export.all-title"), suggestedName("uzkor-data", ".xlsx"), ".xlsx", nil, func(path string) {
		p := u.provenance()
		p.View = tr("export.all-view")
		p.Shown = allRows(d)
		u.saveWorkbook(path, tr("export.all-what", "Shown", p.Shown), d.DataWorkbook(p))
	})
}

// allRows says how much the data set holds: "326 rows in 7 tables".
func allRows(d *data.Dataset) string {
	return tr("export.all-rows", "Rows", trn("count.rows", d.Rows()), "Tables", trn("count.tables", len(d.Tables())))
}

// saveWorkbook writes a workbook to a file, whole or not at all, and says
// so or what went wrong. A large one is written on a goroutine, with its
// progress in the status line: the window stays responsive.
func (u *UI) saveWorkbook(path, noun string, wb *data.Workbook) {
	done := func(err error) {
		if err != nil {
			u.status("")
			u.showError(saveError(path, err))
			return
		}
		u.rememberFolder(path)
		msg := tr("export.done", "What", noun, "Path", shortPath(path))
		u.status(msg)
		u.confirmSaved(msg, path)
	}
	rows := 0
	for _, s := range wb.Sheets {
		rows += s.Rows
	}
	if rows <= bigExport {
		done(data.WriteFile(path, wb.Write))
		return
	}
	u.status(tr("export.working", "What", noun, "Path", shortPath(path)))
	shown := -1
	wb.Progress = func(n, total int) {
		pct := n * 100 / max(total, 1)
		if pct/5 == shown/5 {
			return
		}
		shown = pct
		u.runOnMain(func() { u.status(tr("export.progress", "What", noun, "Percent", strconv.Itoa(pct))) })
	}
	go func() {
		err := data.WriteFile(path, wb.Write)
		u.runOnMain(func() { done(err) })
	}()
}

// Each view's workbook -------------------------------------------------------

// xlsx is the rows the list shows, in order, with its columns and their
// units, years and qualifiers, names beside ids, and the sources cited.
func (lv *listView) xlsx() xlsxExport {
	v := lv.view
	t := v.Table()
	rows := slices.Clone(v.Rows())
	cols := data.WorkbookColumns(t, lv.table.cols)
	q := v.Query()
	filter := lv.filterDescription()
	shown := tr("list.shown-of", "Shown", len(rows), "Count", lc().Rows(t.Name(), t.Len()))
	d := lv.env.data
	return xlsxExport{name: lv.tab, count: len(rows), noun: lc().Rows(t.Name(), len(rows)), book: func(p data.Provenance) *data.Workbook {
		p.View, p.Shown, p.Filter, p.Sort = lv.title(), shown, filter, data.SortDescription(t, q)
		return d.ViewWorkbook(t, rows, cols, p)
	}}
}

// xlsx is the milestones shown, in the order shown, every column.
func (v *timelineView) xlsx() xlsxExport {
	t := v.view.Table()
	rows := slices.Clone(v.view.Rows())
	cols := make([]int, len(t.Columns()))
	for i := range cols {
		cols[i] = i
	}
	order := tr("timeline.sort-oldest")
	if v.view.Query().Desc {
		order = tr("timeline.sort-newest")
	}
	filter := v.describeFilter()
	shown := tr("list.shown-of", "Shown", len(rows), "Count", lc().Rows("milestones", t.Len()))
	d := v.env.data
	return xlsxExport{name: "milestones", count: len(rows), noun: lc().Rows("milestones", len(rows)), book: func(p data.Provenance) *data.Workbook {
		p.View, p.Shown, p.Filter, p.Sort = v.title(), shown, filter, order
		return d.ViewWorkbook(t, rows, cols, p)
	}}
}

// xlsx is every chart's numbers, as the CSV export has them, with the
// sources of the projects and minerals the charts count.
func (v *overviewView) xlsx() xlsxExport {
	var charts []*barChart
	for _, cc := range v.charts {
		charts = append(charts, cc.chart)
	}
	recs := chartRecords(charts)
	sheet := data.Sheet{Name: "overview", Columns: chartColumns, Rows: len(recs), Cell: func(r, c int) string { return recs[r].cell(c) }}
	d := v.env.data
	cited := append(d.SourcesCited("projects", nil), d.SourcesCited("minerals", nil)...)
	return xlsxExport{name: "overview", count: len(recs), noun: trn("chart.rows", len(recs)), book: func(p data.Provenance) *data.Workbook {
		p.View, p.Shown = v.title(), tr("export.charts-bars", "Charts", trn("count.charts", len(v.charts)), "Bars", trn("count.bars", len(recs)))
		p.Filter = tr("export.charts-filter")
		p.Sort = tr("export.charts-sort")
		return d.SheetWorkbook(sheet, cited, p)
	}}
}

// xlsx is the markers the map shows, as its CSV export has them, with the
// region's name and each marker's sources.
func (v *mapView) xlsx() xlsxExport {
	d := v.env.data
	recs := v.markerRecords()
	var cited data.List
	for _, x := range recs {
		cited = append(cited, x.sources...)
	}
	var hidden []string
	for _, k := range append([]string{"deposits"}, data.Statuses...) {
		if c, ok := v.layers[k]; ok && !c.Checked {
			hidden = append(hidden, k)
		}
	}
	filter := ""
	if len(hidden) > 0 {
		filter = tr("export.hidden-layers", "Layers", strings.Join(hidden, ", "))
	}
	sheet := data.Sheet{Name: "map", Columns: markerColumns, Rows: len(recs), Cell: func(r, c int) string { return recs[r].cell(c) }}
	return xlsxExport{name: "map", count: len(recs), noun: trn("count.markers", len(recs)), book: func(p data.Provenance) *data.Workbook {
		p.View, p.Shown, p.Filter = v.title(), trn("count.markers", len(recs)), filter
		p.Sort = tr("export.map-sort")
		return d.SheetWorkbook(sheet, cited, p)
	}}
}
