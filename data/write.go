package data

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/gocarina/gocsv"
)

// BOM is the UTF-8 byte-order mark. Spreadsheet programs that see it read
// the file as UTF-8, so Hangul and Cyrillic stay intact.
const BOM = "\xef\xbb\xbf"

// ExportColumns expands the columns a list shows into the columns an export
// writes: each column followed by the columns that carry its unit and year
// (production → production_unit, production_year), unless they are there.
func ExportColumns(t Table, visible []int) []int {
	out := make([]int, 0, len(visible)+4)
	has := func(c int) bool { return slices.Contains(out, c) || slices.Contains(visible, c) }
	for _, c := range visible {
		if slices.Contains(out, c) {
			continue
		}
		out = append(out, c)
		for _, name := range t.Columns()[c].With {
			if w := t.Column(name); w >= 0 && !has(w) {
				out = append(out, w)
			}
		}
	}
	return out
}

// WriteCSV writes rows of a table, in the order given, with the given
// columns and a header of their CSV names, through gocsv's writer. Text
// cells are guarded against formula injection; numeric cells are written
// as plain numbers.
func WriteCSV(w io.Writer, t Table, rows, cols []int, bom bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if bom {
		if _, err := bw.WriteString(BOM); err != nil {
			return err
		}
	}
	cw := gocsv.DefaultCSVWriter(bw)
	columns := t.Columns()
	rec := make([]string, len(cols))
	for i, c := range cols {
		if c < 0 || c >= len(columns) {
			return fmt.Errorf("column %d is not a column of %s", c, t.File())
		}
		rec[i] = columns[c].Name
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range cols {
			s := t.Raw(r, c)
			if !columns[c].Kind.Numeric() {
				s = Neutralise(s)
			}
			rec[i] = s
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// Neutralise guards a text cell against formula injection: a cell that
// starts with =, +, -, @, a tab or a carriage return gets a leading '.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// WriteFile writes a file so that a failure never leaves half a file and
// never damages one that is there: it writes a temporary file in the same
// folder, syncs it to disk, then renames it over the target.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
