package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

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
	columns := t.Columns()
	header := make([]string, len(cols))
	numeric := make([]bool, len(cols))
	for i, c := range cols {
		if c < 0 || c >= len(columns) {
			return fmt.Errorf("column %d is not a column of %s", c, t.File())
		}
		header[i] = columns[c].Name
		numeric[i] = columns[c].Kind.Numeric()
	}
	return WriteRecords(w, header, numeric, len(rows), func(r, c int) string { return t.Raw(rows[r], cols[c]) }, bom)
}

// WriteView writes what a view shows as CSV: its rows in order and the
// visible columns with the columns that carry their units and years
// (ExportColumns). A column of ids or codes (sector, region, minerals) is
// followed by a column of the names people read (sector_label), which the
// loader ignores, so the file reads well in a spreadsheet and still loads
// back. The app's Export and the headless -export both write through it,
// so the same query gives the same bytes.
func WriteView(w io.Writer, v *View, visible []int, bom bool) error {
	t := v.Table()
	rows := v.Rows()
	cols := ExportColumns(t, visible)
	type out struct {
		col   int
		label bool
	}
	var outs []out
	var header []string
	var numeric []bool
	for _, c := range cols {
		col := t.Columns()[c]
		outs = append(outs, out{c, false})
		header = append(header, col.Name)
		numeric = append(numeric, col.Kind.Numeric())
		if HasLabel(col) {
			outs = append(outs, out{c, true})
			header = append(header, col.Name+LabelSuffix)
			numeric = append(numeric, false)
		}
	}
	return WriteRecords(w, header, numeric, len(rows), func(r, c int) string {
		o := outs[c]
		if o.label {
			if s := t.Display(rows[r], o.col); s != Unknown {
				return s
			}
			return ""
		}
		return t.Raw(rows[r], o.col)
	}, bom)
}

// LabelSuffix ends the name of an exported column of names beside a
// column of ids: sector_label beside sector.
const LabelSuffix = "_label"

// HasLabel reports whether an export writes a column of names beside this
// column of ids or codes.
func HasLabel(c Column) bool {
	switch c.Kind {
	case Ref, Refs, Regions:
		return true
	}
	return false
}

// WriteRecords writes a header and n records through gocsv's writer, with
// an optional byte-order mark. cell gives record r's column c. Columns
// marked numeric are written as they are; every other cell is guarded
// against formula injection.
func WriteRecords(w io.Writer, header []string, numeric []bool, n int, cell func(r, c int) string, bom bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if bom {
		if _, err := bw.WriteString(BOM); err != nil {
			return err
		}
	}
	cw := gocsv.DefaultCSVWriter(bw)
	if err := cw.Write(header); err != nil {
		return err
	}
	rec := make([]string, len(header))
	for r := 0; r < n; r++ {
		for c := range rec {
			s := cell(r, c)
			if c >= len(numeric) || !numeric[c] {
				s = Neutralise(s)
			}
			rec[c] = s
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

// ColumnsNamed finds columns of a table by their CSV names, in the order
// given; an unknown name is an error that lists the table's columns.
func ColumnsNamed(t Table, names []string) ([]int, error) {
	out := make([]int, 0, len(names))
	for _, n := range names {
		n = strings.TrimSpace(n)
		c := t.Column(n)
		if c < 0 {
			all := make([]string, len(t.Columns()))
			for i, col := range t.Columns() {
				all[i] = col.Name
			}
			return nil, fmt.Errorf("%s has no column %q (expected one of %s)", t.Name(), n, strings.Join(all, ", "))
		}
		out = append(out, c)
	}
	return out, nil
}

// ParseSort reads a sort as written on the command line: "amount_usd_m"
// or "amount_usd_m:desc" (or ":asc").
func ParseSort(s string) (column string, desc bool, err error) {
	column, dir, _ := strings.Cut(s, ":")
	switch strings.ToLower(dir) {
	case "", "asc":
	case "desc":
		desc = true
	default:
		return "", false, fmt.Errorf("%q is not a sort direction (expected asc or desc)", dir)
	}
	return strings.TrimSpace(column), desc, nil
}

// Neutralise guards a text cell against formula injection: a cell that
// starts with =, +, -, @, a tab or a carriage return gets a leading ', and
// so does one that starts with the full-width ＝, ＋, － or ＠, which some
// spreadsheet programs read as the same signs.
func Neutralise(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	switch r, _ := utf8.DecodeRuneInString(s); r {
	case '＝', '＋', '－', '＠':
		return "'" + s
	}
	return s
}

// WriteFile writes a file so that a failure never leaves half a file and
// never damages one that is there: it writes a temporary file in the same
// folder, syncs it to disk, then renames it over the target, which keeps
// the permissions (and, where it may, the owner) of the file it replaces.
//
// A symbolic link is followed: the file it points to is replaced and the
// link stays a link. What is not a regular file (a named pipe, a device)
// is written straight to, as a shell's > would: there is no file to
// replace, and renaming over it would put a file in its place.
func WriteFile(path string, write func(io.Writer) error) (err error) {
	target, err := followLinks(path)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	switch {
	case err == nil && info.IsDir():
		return &fs.PathError{Op: "write", Path: path, Err: errors.New("is a folder")}
	case err == nil && !info.Mode().IsRegular():
		return writeThrough(target, write)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return err
	}
	perm := fs.FileMode(0o644)
	if err == nil {
		perm = info.Mode().Perm()
	}
	dir := filepath.Dir(target)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp")
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
	if err = os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	if info != nil {
		keepOwner(tmp.Name(), info)
	}
	return os.Rename(tmp.Name(), target)
}

// followLinks resolves a path that is a symbolic link, and a link to a
// link, to the path of what it points to; the folders on the way are
// left to the system. A link to nothing resolves to where the file is to
// be made.
func followLinks(path string) (string, error) {
	for range 40 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: errors.New("too many links")}
}

// writeThrough writes to something that is not a regular file, as it is.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteFolder writes files into a folder, making it if needed; each file
// is written whole or not at all.
func WriteFolder(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, body := range files {
		if err := WriteFile(filepath.Join(dir, name), func(w io.Writer) error { _, err := w.Write(body); return err }); err != nil {
			return err
		}
	}
	return nil
}
