package data

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// A workbook export writes what a view shows, or the whole data set, as an
// Excel workbook: a sheet of rows with typed cells (numbers as numbers,
// dates as dates, unknown values as empty cells), a Sources sheet that the
// rows' source ids link to, and an About sheet that says where it all
// came from. Text is always written as text, never as a formula.
//
// The header row holds the CSV names of the columns and the numbers are
// formatted without thousands separators or units, so that a sheet saved
// as CSV from a spreadsheet program ("as shown") loads back into the app.

// SheetColumn is one column of a sheet.
type SheetColumn struct {
	Name   string // the header: a CSV name ("amount_usd_m", "sector_label")
	Title  string // what people call it ("Amount"), listed on the About sheet
	Kind   Kind   // how its cells are typed and formatted
	Doc    string // what it holds, listed on the About sheet
	Hidden bool   // ids kept beside their label, for loading back
}

// Sheet is a table written as one sheet: a header row of column names,
// then one row per record.
type Sheet struct {
	Name    string // the sheet's tab: "projects"
	Columns []SheetColumn
	Rows    int
	Cell    func(r, c int) string // record r's column c as CSV text; "" is unknown
}

// AboutLine is one line of the About sheet: a label and its text.
type AboutLine struct{ Label, Value string }

// Workbook is what an export writes: sheets of rows, the sheet of the
// sources they cite and an About sheet.
type Workbook struct {
	Sheets []Sheet
	// Cited names the sheet (one of Sheets) that lists the sources cited,
	// by id in its "id" column: the ids in each row's "sources" cell link
	// to it. Empty when no row cites a source.
	Cited string
	About []AboutLine
	// Progress, when set, is told now and then how many rows of all the
	// sheets are written; it is called on the writing goroutine.
	Progress func(done, total int)
}

// Provenance is what made an export, for its About sheet.
type Provenance struct {
	App    string    // the app's name and version
	Folder string    // the data folder; "" for the data bundled with the app
	View   string    // what was exported: "Projects", "All data"
	Shown  string    // "12 of 40 projects"
	Filter string    // the filter that made the view; "" for none
	Sort   string    // the order of the rows; "" for the order of the file
	When   time.Time // when it was exported
}

// MaxLinks caps the hyperlinks written on one sheet: past it, the cells
// keep their text without a link. Excel allows 65,530 a sheet, and
// excelize's cost of adding one grows with the number already there.
const MaxLinks = 5000

// CitedSheet is the name of the sheet of sources in a view's workbook.
const CitedSheet = "Sources"

// labelled reports whether a column holds ids or codes that people read
// better as names: a label column goes before it, and it is hidden.
func labelled(c Column) bool {
	switch c.Kind {
	case Ref, Regions:
		return true
	case Refs:
		return c.Target != "sources"
	}
	return false
}

// TableSheet is rows of a table as a sheet, with the given columns in
// order. A column of ids or region codes gets a column of their names
// before it ("sector_label", "region_label") and is hidden: the names are
// for people, the ids make the sheet load back into the app.
func (d *Dataset) TableSheet(name string, t Table, rows, cols []int) Sheet {
	type source struct {
		col   int
		label bool
	}
	all := t.Columns()
	var columns []SheetColumn
	var from []source
	for _, c := range cols {
		col := all[c]
		if labelled(col) {
			columns = append(columns, SheetColumn{Name: col.Name + "_label", Title: col.Title, Kind: Text,
				Doc: "the names of the " + col.Name + " column beside it (hidden), for people"})
			from = append(from, source{c, true})
			columns = append(columns, SheetColumn{Name: col.Name, Title: col.Title + " (ids)", Kind: col.Kind, Doc: col.Doc, Hidden: true})
			from = append(from, source{c, false})
			continue
		}
		columns = append(columns, SheetColumn{Name: col.Name, Title: col.Title, Kind: col.Kind, Doc: col.Doc})
		from = append(from, source{c, false})
	}
	return Sheet{Name: name, Columns: columns, Rows: len(rows), Cell: func(r, c int) string {
		s := from[c]
		if s.label {
			if v := t.Display(rows[r], s.col); v != Unknown {
				return v
			}
			return ""
		}
		return t.Raw(rows[r], s.col)
	}}
}

// WorkbookColumns are the columns a view's workbook writes for the
// columns it shows: those of its CSV export (each figure with its unit
// and year), and a figure's qualifier ("over") beside it.
func WorkbookColumns(t Table, visible []int) []int {
	cols := ExportColumns(t, visible)
	q, v := t.Column("qualifier"), t.Column("value")
	if i := slices.Index(cols, v); q >= 0 && i >= 0 && !slices.Contains(cols, q) {
		cols = slices.Insert(cols, i+1, q)
	}
	return cols
}

// ViewWorkbook is rows of a table, as a view shows them, with the sources
// they cite and what made them.
func (d *Dataset) ViewWorkbook(t Table, rows, cols []int, p Provenance) *Workbook {
	wb := &Workbook{Sheets: []Sheet{d.TableSheet(t.Name(), t, rows, cols)}}
	var cited List
	if len(rows) > 0 {
		cited = d.SourcesCited(t.Name(), rows)
	}
	d.addCited(wb, cited)
	wb.About = d.aboutLines(p, wb)
	return wb
}

// SheetWorkbook is a sheet made by a view of its own (the Overview's
// charts, the Map's markers), with the sources behind it.
func (d *Dataset) SheetWorkbook(sh Sheet, cited List, p Provenance) *Workbook {
	wb := &Workbook{Sheets: []Sheet{sh}}
	d.addCited(wb, cited)
	wb.About = d.aboutLines(p, wb)
	return wb
}

// DataWorkbook is every table of the data set, a sheet each named after
// its file, every row and column.
func (d *Dataset) DataWorkbook(p Provenance) *Workbook {
	wb := &Workbook{Cited: "sources"}
	for _, t := range d.tables {
		rows := make([]int, t.Len())
		for i := range rows {
			rows[i] = i
		}
		cols := make([]int, len(t.Columns()))
		for i := range cols {
			cols[i] = i
		}
		wb.Sheets = append(wb.Sheets, d.TableSheet(t.Name(), t, rows, cols))
	}
	wb.About = d.aboutLines(p, wb)
	return wb
}

// addCited adds the sheet of the sources cited, in the order of
// sources.csv, every column.
func (d *Dataset) addCited(wb *Workbook, ids List) {
	rows := d.SourcesOf(ids)
	if len(rows) == 0 {
		return
	}
	slices.Sort(rows)
	rows = slices.Compact(rows)
	t := d.Table("sources")
	cols := make([]int, len(t.Columns()))
	for i := range cols {
		cols[i] = i
	}
	name := CitedSheet
	for _, s := range wb.Sheets {
		if strings.EqualFold(s.Name, name) {
			name = "Cited sources"
		}
	}
	wb.Sheets = append(wb.Sheets, d.TableSheet(name, t, rows, cols))
	wb.Cited = name
}

// SortDescription says how a query orders a table's rows: "Amount
// (amount_usd_m), descending"; "" for the order of the file.
func SortDescription(t Table, q Query) string {
	c := t.Column(q.Sort)
	if c < 0 {
		return ""
	}
	dir := "ascending"
	if q.Desc {
		dir = "descending"
	}
	return t.Columns()[c].Title + " (" + q.Sort + "), " + dir + "; unknown values last"
}

// aboutLines are what the About sheet says: what made the workbook, from
// what data, and how to read it.
func (d *Dataset) aboutLines(p Provenance, wb *Workbook) []AboutLine {
	or := func(s, fallback string) string {
		if s == "" {
			return fallback
		}
		return s
	}
	asOf := "undated"
	if a := d.AsOf(); a.Known() {
		asOf = "as of " + FormatDate(a) + " (the date of the newest source)"
	}
	var names []string
	for _, s := range wb.Sheets {
		names = append(names, s.Name)
	}
	lines := []AboutLine{
		{"Made by", p.App},
		{"Exported", p.When.Format("2006-01-02 15:04 MST")},
		{"Data", asOf + "; " + strconv.Itoa(len(d.Sources)) + " sources in all"},
		{"Data folder", or(p.Folder, "the data bundled with the app")},
		{"View", p.View},
	}
	if p.Shown != "" {
		lines = append(lines, AboutLine{"Rows", p.Shown})
	}
	lines = append(lines,
		AboutLine{"Filter", or(p.Filter, "none: every row")},
		AboutLine{"Sort", or(p.Sort, "the order of the data file")},
		AboutLine{"Sheets", strings.Join(append(names, "About"), ", ")},
		AboutLine{"", ""},
		AboutLine{"Reading the sheets", "The first row holds the column names of the app's CSV files: save a sheet as CSV (UTF-8) and the app loads it back."},
		AboutLine{"", "An empty cell is a value no source gives: unknown, never zero."},
		AboutLine{"", "A column ending in _label gives names for people; the hidden column after it holds the ids the app reads (unhide it to see them)."},
		AboutLine{"", "Amounts are in US$ millions as reported in the year of each figure; years are plain numbers."},
		AboutLine{"", "A date known only to the month or the year is stored as its first day and shown as 2024-06 or 2024."},
	)
	if wb.Cited != "" {
		lines = append(lines, AboutLine{"", "The ids in a sources cell link to the first of them on the " + wb.Cited + " sheet, whose links open the source (the first " + Thousands(MaxLinks) + " rows of a sheet are linked)."})
	}
	return lines
}

// Write writes the workbook as .xlsx: each sheet with a bold, frozen
// header row, an autofilter and column widths from its content, then an
// About sheet.
func (wb *Workbook) Write(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	// The fastest compression: a large sheet is written in about half the
	// time, for a file about a tenth larger.
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		z := zip.NewWriter(w)
		z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		return z
	})
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	total := 0
	for _, s := range wb.Sheets {
		if s.Rows >= excelize.TotalRows {
			return fmt.Errorf("%s rows are more than a sheet holds (%s below its header); filter the list first, or export it as CSV", Thousands(float64(s.Rows)), Thousands(excelize.TotalRows-1))
		}
		total += s.Rows
	}
	x := &xlsxWriter{f: f, st: st, wb: wb, total: total}
	x.cited = wb.citedIndex()
	for i, s := range wb.Sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", s.Name, err)
		}
		if err := x.sheet(s); err != nil {
			return fmt.Errorf("sheet %q: %w", s.Name, err)
		}
	}
	if err := x.about(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "uzkor", Title: wb.title(), Created: time.Now().UTC().Format(time.RFC3339)}); err != nil {
		return err
	}
	// The first sheet is the one shown on opening, as in a new file; the
	// File's SetActiveSheet would read every streamed sheet back.
	if wb.Progress != nil {
		wb.Progress(total, total)
	}
	return f.Write(w)
}

func (wb *Workbook) title() string {
	for _, l := range wb.About {
		if l.Label == "View" {
			return l.Value
		}
	}
	return ""
}

// citedSource is where a source id points on the sources sheet.
type citedSource struct {
	row   int // the sheet row, from 2
	title string
}

// citedIndex finds each source on the sources sheet by its id.
func (wb *Workbook) citedIndex() map[string]citedSource {
	for _, s := range wb.Sheets {
		if s.Name != wb.Cited {
			continue
		}
		id, title := -1, -1
		for i, c := range s.Columns {
			switch c.Name {
			case "id":
				id = i
			case "title":
				title = i
			}
		}
		if id < 0 {
			return nil
		}
		m := make(map[string]citedSource, s.Rows)
		for r := 0; r < s.Rows; r++ {
			cs := citedSource{row: r + 2}
			if title >= 0 {
				cs.title = s.Cell(r, title)
			}
			m[s.Cell(r, id)] = cs
		}
		return m
	}
	return nil
}

// styles are the cell formats of a workbook, made once.
type styles struct {
	header, link, bold, wrap int
	decimals                 []int // "0", "0.0", "0.00" … by decimal places
	day, month, year         int
}

// maxDecimals is the most decimal places a number is shown with; a
// number with more is shown in the General format.
const maxDecimals = 10

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{}
	var err error
	style := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	custom := func(format string) int { return style(&excelize.Style{CustomNumFmt: &format}) }
	st.header = style(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border: []excelize.Border{{Type: "bottom", Color: "0047A0", Style: 1}}})
	st.link = style(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	st.bold = style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.wrap = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	for n := 0; n <= maxDecimals; n++ {
		format := "0"
		if n > 0 {
			format += "." + strings.Repeat("0", n)
		}
		st.decimals = append(st.decimals, custom(format))
	}
	st.day, st.month, st.year = custom("yyyy-mm-dd"), custom("yyyy-mm"), custom("yyyy")
	return st, err
}

// value is a cell's text as the typed value of its column's kind, with
// its format: a number, a date or text; nil for an empty cell. It also
// gives the width the cell shows at.
func (st *styles) value(k Kind, s string) (any, int) {
	if s == "" {
		return nil, 0
	}
	switch {
	case k.Numeric():
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			break
		}
		dec := 0
		if _, frac, ok := strings.Cut(s, "."); ok {
			dec = len(frac)
		}
		if k == Money {
			dec = max(dec, 1) // US$ millions with one decimal, as the app shows them
		}
		if k == Year || k == Rank {
			dec = 0
		}
		if dec > maxDecimals || strings.ContainsAny(s, "eE") {
			return v, len(s)
		}
		return excelize.Cell{StyleID: st.decimals[dec], Value: v}, len(strconv.FormatFloat(v, 'f', dec, 64))
	case k == When:
		d, ok := parseDate(s)
		if !ok {
			break
		}
		t := time.Date(d.Year, time.Month(max(d.Month, 1)), max(d.Day, 1), 0, 0, 0, 0, time.UTC)
		switch {
		case d.Day != 0:
			return excelize.Cell{StyleID: st.day, Value: t}, 10
		case d.Month != 0:
			return excelize.Cell{StyleID: st.month, Value: t}, 7
		}
		return excelize.Cell{StyleID: st.year, Value: t}, 4
	}
	return s, textWidth(s)
}

// textWidth is about how many character widths a text takes: wide
// (Hangul, CJK) characters count twice.
func textWidth(s string) int {
	n := 0
	for _, r := range s {
		if r == '\n' {
			break
		}
		if r < 0x1100 {
			n++
		} else if unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// xlsxWriter writes the sheets of one workbook.
type xlsxWriter struct {
	f     *excelize.File
	st    *styles
	wb    *Workbook
	cited map[string]citedSource
	total int
	done  int
}

// widthSample is how many rows, spread over a sheet, its column widths
// are measured on.
const widthSample = 2000

// widths measures each column on the header and a sample of rows.
func (x *xlsxWriter) widths(s Sheet) []float64 {
	out := make([]float64, len(s.Columns))
	for c, col := range s.Columns {
		out[c] = float64(len(col.Name) + 3) // room for the filter button
	}
	step := max(1, s.Rows/widthSample)
	for r := 0; r < s.Rows; r += step {
		for c, col := range s.Columns {
			_, w := x.st.value(col.Kind, s.Cell(r, c))
			out[c] = max(out[c], float64(w)+1)
		}
	}
	for c := range out {
		out[c] = min(max(out[c], 6), 60)
	}
	return out
}

// sheet writes one sheet through excelize's stream writer.
func (x *xlsxWriter) sheet(s Sheet) error {
	f, st := x.f, x.st
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	ncol := len(s.Columns)
	for c, w := range x.widths(s) {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
		if s.Columns[c].Hidden {
			if err := sw.SetColVisible(c+1, c+1, false); err != nil {
				return err
			}
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return err
	}
	if ncol == 0 {
		return sw.Flush()
	}
	last, _ := excelize.ColumnNumberToName(ncol)
	if err := f.AutoFilter(s.Name, "A1:"+last+strconv.Itoa(s.Rows+1), nil); err != nil {
		return err
	}
	row := make([]any, ncol)
	for c, col := range s.Columns {
		row[c] = excelize.Cell{StyleID: st.header, Value: col.Name}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	sources, links := -1, 0
	if x.cited != nil && s.Name != x.wb.Cited {
		for c, col := range s.Columns {
			if col.Name == "sources" && col.Kind == Refs {
				sources = c
			}
		}
	}
	for r := 0; r < s.Rows; r++ {
		ref := strconv.Itoa(r + 2)
		for c, col := range s.Columns {
			text := s.Cell(r, c)
			v, _ := st.value(col.Kind, text)
			row[c] = v
			if v == nil || links >= MaxLinks {
				continue
			}
			switch {
			case c == sources:
				if err := x.sourceLink(s.Name, cellName(c, ref), text); err != nil {
					return err
				}
			case col.Kind == Link && webLink(text) != "":
				if err := f.SetCellHyperLink(s.Name, cellName(c, ref), webLink(text), "External"); err != nil {
					return err
				}
			default:
				continue
			}
			row[c] = excelize.Cell{StyleID: st.link, Value: text}
			links++
		}
		if err := sw.SetRow("A"+ref, row); err != nil {
			return err
		}
		x.done++
		if x.wb.Progress != nil && x.done%2000 == 0 {
			x.wb.Progress(x.done, x.total)
		}
	}
	return sw.Flush()
}

// sourceLink links a cell of source ids to the first of them on the
// sources sheet, with the titles of all of them as its tip.
func (x *xlsxWriter) sourceLink(sheet, cell, ids string) error {
	list := splitList(ids)
	first, ok := x.cited[list[0]]
	if !ok {
		return nil
	}
	var titles []string
	for _, id := range list {
		if cs, ok := x.cited[id]; ok {
			titles = append(titles, id+": "+cs.title)
		}
	}
	tip := strings.Join(titles, "; ")
	if len(tip) > 250 { // Excel's limit for a tip is 255 characters
		tip = string([]rune(tip)[:min(len([]rune(tip)), 240)]) + "…"
	}
	return x.f.SetCellHyperLink(sheet, cell, "'"+x.wb.Cited+"'!A"+strconv.Itoa(first.row), "Location", excelize.HyperlinkOpts{Tooltip: &tip})
}

func cellName(c int, row string) string {
	n, _ := excelize.ColumnNumberToName(c + 1)
	return n + row
}

// webLink is a web address as a link's target, with any character a URI
// may not hold escaped; "" when the text is not a web address.
func webLink(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(s, " \t\r\n") {
		return ""
	}
	return u.String()
}

// about writes the About sheet: what made the workbook, then the columns
// of each sheet with what they hold.
func (x *xlsxWriter) about() error {
	f, st := x.f, x.st
	const name = "About"
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	for c, w := range []float64{22, 24, 28, 90} {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	n := 0
	put := func(cells ...any) error {
		n++
		return sw.SetRow("A"+strconv.Itoa(n), cells)
	}
	text := func(s string) any {
		if s == "" {
			return nil
		}
		return s
	}
	for _, l := range x.wb.About {
		label := any(nil)
		if l.Label != "" {
			label = excelize.Cell{StyleID: st.bold, Value: l.Label}
		}
		if err := put(label, text(l.Value)); err != nil {
			return err
		}
	}
	if err := put(); err != nil {
		return err
	}
	head := func(s string) excelize.Cell { return excelize.Cell{StyleID: st.header, Value: s} }
	if err := put(head("sheet"), head("column"), head("title"), head("what it holds")); err != nil {
		return err
	}
	for _, s := range x.wb.Sheets {
		for _, c := range s.Columns {
			doc := c.Doc
			if c.Hidden {
				doc += " (hidden)"
			}
			if err := put(s.Name, c.Name, text(c.Title), excelize.Cell{StyleID: st.wrap, Value: doc}); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// WorkbookExporter checks an export request as Exporter does and returns
// what writes it as a workbook: the same rows, in the same order, as the
// app's export of the list with that filter and sort. The request's BOM
// does not apply. p says what made it; its View, Shown, Filter and Sort
// are filled in from the request.
func (d *Dataset) WorkbookExporter(r ExportRequest, p Provenance) (func(io.Writer) error, error) {
	t, v, cols, err := d.request(r)
	if err != nil {
		return nil, err
	}
	if cols == nil {
		cols = WorkbookColumns(t, t.DefaultColumns())
	}
	rows := v.Rows()
	p.View = strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
	p.Shown = strconv.Itoa(len(rows)) + " of " + strconv.Itoa(t.Len()) + " " + t.Noun() + "s"
	if f := strings.TrimSpace(r.Filter); f != "" {
		p.Filter = strconv.Quote(f)
	}
	p.Sort = SortDescription(t, v.Query())
	wb := d.ViewWorkbook(t, rows, cols, p)
	return wb.Write, nil
}
