package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gocarina/gocsv"
)

// DefaultMaxFileBytes is the largest file Load reads: 64 MiB, about
// 380,000 project rows. Larger files are refused before they are read.
const DefaultMaxFileBytes = 64 << 20

// MaxCellRunes is the longest cell accepted, in characters.
const MaxCellRunes = 5000

// maxByteProblems caps the problems reported for bad bytes in one file.
const maxByteProblems = 20

// Loader reads a data set. The zero value uses DefaultMaxFileBytes.
type Loader struct {
	MaxFileBytes int64
}

// Load reads the six files of a data set from fsys, checks them and returns
// the data set. If anything is wrong the error is a Problems listing every
// problem found, and no data set is returned. Warnings alone do not stop the
// load; they are kept in Dataset.Warnings.
func Load(fsys fs.FS) (*Dataset, error) { return Loader{}.Load(fsys) }

// Load reads and checks a data set; see the package function Load.
func (l Loader) Load(fsys fs.FS) (*Dataset, error) {
	limit := l.MaxFileBytes
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	d := &Dataset{}
	d.buildTables()
	var probs Problems
	add := func(p Problem) { probs = append(probs, p) }

	// A file that could not be read at all is reported once; references
	// into it are not checked, so one missing file is one problem.
	failed := map[string]bool{}
	failed["minerals"] = !readInto(fsys, limit, d.tabMinerals, add)
	failed["sectors"] = !readInto(fsys, limit, d.tabSectors, add)
	failed["projects"] = !readInto(fsys, limit, d.tabProjects, add)
	failed["indicators"] = !readInto(fsys, limit, d.tabIndicators, add)
	failed["milestones"] = !readInto(fsys, limit, d.tabMilestones, add)
	failed["sources"] = !readInto(fsys, limit, d.tabSources, add)
	failed["deposits"] = !readInto(fsys, limit, d.tabDeposits, add)
	failed["production"] = !d.readProduction(fsys, limit, add)

	d.index()
	d.check(failed, add)

	errs, warns := probs.split()
	if len(errs) > 0 {
		return nil, append(errs, warns...)
	}
	d.Warnings = warns
	return d, nil
}

// readInto reads one file into its table, reporting what is wrong. A file
// that cannot be parsed at all leaves the table empty and returns false.
func readInto[R any](fsys fs.FS, limit int64, t *table[R], add func(Problem)) bool {
	file := t.File()
	fileProblem := func(msg, expected string) { add(Problem{File: file, Msg: msg, Expected: expected}) }

	body, err := readLimited(fsys, file, limit)
	if err != nil {
		var le limitError
		switch {
		case errors.As(err, &le):
			fileProblem(fmt.Sprintf("the file is %s, larger than the limit of %s", megabytes(le.size), megabytes(limit)), "a smaller file; split it or remove rows")
		case errors.Is(err, fs.ErrNotExist):
			fileProblem("the file is missing", "a file named "+file)
		case errors.Is(err, errIsDir):
			fileProblem("this is a folder, not a file", "a CSV file named "+file)
		case errors.Is(err, fs.ErrPermission):
			fileProblem("the file cannot be read: permission denied", "a file this user may read")
		default:
			fileProblem("the file cannot be read: "+err.Error(), "")
		}
		return false
	}

	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	columns := t.Columns()
	if len(bytes.TrimSpace(body)) == 0 {
		fileProblem("the file is empty", "a header row: "+headerLine(columns))
		return false
	}
	if !checkBytes(file, body, add) {
		return false
	}
	if hasLoneCR(body) {
		body = normaliseCR(body)
		add(Problem{File: file, Msg: "lines end with a lone carriage return (old Mac style); read as line breaks", Warning: true})
	}

	records, lines, perr := parseCSV(body)
	if perr != nil {
		perr.File = file
		add(*perr)
		return false
	}
	header := records[0]
	pos, headerOK := checkHeader(file, header, columns, add)
	rows := records[1:]
	if len(rows) == 0 {
		add(Problem{File: file, Line: 1, Msg: "the file has a header but no rows", Warning: true})
	}

	// Hand gocsv a header in schema order and rows rearranged to it, so
	// columns may come in any order and missing optional ones stay empty.
	// A file in schema order, the usual case, is handed over as it is.
	names := make([]string, len(columns))
	inOrder := len(header) == len(columns)
	for i, c := range columns {
		names[i] = c.Name
		inOrder = inOrder && pos[i] == i
	}
	canon := records
	if !inOrder {
		canon = make([][]string, len(records))
	}
	canon[0] = names
	skip := map[int]bool{}
	for i, rec := range rows {
		line := lines[i+1]
		if len(rec) != len(header) {
			// Its cells cannot be trusted to be in their columns: report
			// the count alone, not what each shifted cell looks like.
			skip[i] = true
			add(Problem{File: file, Line: line, Msg: fmt.Sprintf("the row has %d cells, the header %d", len(rec), len(header)), Expected: "one cell per column; quote cells that contain a comma"})
		}
		for hi, cell := range rec {
			if len(cell) > MaxCellRunes && utf8.RuneCountInString(cell) > MaxCellRunes {
				name := "column " + strconv.Itoa(hi+1)
				if hi < len(header) {
					name = header[hi]
				}
				add(Problem{File: file, Line: line, Column: name, Msg: fmt.Sprintf("the cell is %d characters long", utf8.RuneCountInString(cell)), Expected: fmt.Sprintf("at most %d characters", MaxCellRunes)})
			}
		}
		if inOrder && len(rec) == len(columns) {
			continue
		}
		out := make([]string, len(columns))
		for ci, hi := range pos {
			if hi >= 0 && hi < len(rec) {
				out[ci] = rec[hi]
			}
		}
		canon[i+1] = out
	}
	var decoded []R
	if err := gocsv.UnmarshalDecoder(rowsDecoder(canon), &decoded); err != nil {
		fileProblem("the rows cannot be read: "+err.Error(), "")
		return false
	}
	*t.rows = decoded
	t.lines = lines[1:]
	t.skip = skip
	t.present = make(map[string]bool, len(columns))
	for i, c := range columns {
		t.present[c.Name] = pos[i] >= 0
	}
	return headerOK
}

// rowsDecoder hands rows that are already parsed to gocsv.
type rowsDecoder [][]string

func (r rowsDecoder) GetCSVRows() ([][]string, error) { return r, nil }

var errIsDir = errors.New("is a directory")

type limitError struct{ size int64 }

func (e limitError) Error() string { return "file too large: " + megabytes(e.size) }

func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// readLimited reads a file whole, refusing one larger than limit before
// reading it, and stopping at limit+1 bytes when its size was not known.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, errIsDir
	}
	if info.Size() > limit {
		return nil, limitError{info.Size()}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Read exactly the size reported; then make sure nothing follows (a
	// file that grew, or a file system that does not know sizes).
	body := make([]byte, info.Size())
	n, err := io.ReadFull(f, body)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, err
	}
	body = body[:n]
	rest, err := io.ReadAll(io.LimitReader(f, limit-int64(n)+1))
	if err != nil {
		return nil, err
	}
	if int64(n+len(rest)) > limit {
		return nil, limitError{int64(n + len(rest))}
	}
	if len(rest) > 0 {
		body = append(body, rest...)
	}
	return body, nil
}

// checkBytes reports NUL bytes and bytes that are not UTF-8, by line. It
// returns false when the file should not be parsed further.
func checkBytes(file string, body []byte, add func(Problem)) bool {
	hasNUL := bytes.IndexByte(body, 0) >= 0
	if !hasNUL && utf8.Valid(body) {
		return true
	}
	n := 0
	line := 1
	for len(body) > 0 && n < maxByteProblems {
		end := bytes.IndexByte(body, '\n')
		cur := body
		if end >= 0 {
			cur = body[:end]
		}
		if i := bytes.IndexByte(cur, 0); i >= 0 {
			add(Problem{File: file, Line: line, Msg: fmt.Sprintf("a NUL byte at character %d", utf8.RuneCount(cur[:i])+1), Expected: "text without NUL bytes; is this a spreadsheet saved in a binary format?"})
			n++
		} else if !utf8.Valid(cur) {
			at := 0
			for at < len(cur) {
				r, size := utf8.DecodeRune(cur[at:])
				if r == utf8.RuneError && size <= 1 {
					break
				}
				at += size
			}
			add(Problem{File: file, Line: line, Msg: fmt.Sprintf("byte 0x%02X at character %d is not UTF-8", cur[at], utf8.RuneCount(cur[:at])+1), Expected: "UTF-8 text; save the file as \"CSV UTF-8\""})
			n++
		}
		if end < 0 {
			break
		}
		body = body[end+1:]
		line++
	}
	if n == maxByteProblems {
		add(Problem{File: file, Msg: fmt.Sprintf("more lines have bad bytes; only the first %d are listed", maxByteProblems)})
	}
	return false
}

func hasLoneCR(b []byte) bool {
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 >= len(b) || b[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// normaliseCR turns lone carriage returns into line feeds.
func normaliseCR(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == '\r' && (i+1 >= len(b) || b[i+1] != '\n') {
			c = '\n'
		}
		out = append(out, c)
	}
	return out
}

// parseCSV reads all records and the line each one starts on.
func parseCSV(body []byte) ([][]string, []int, *Problem) {
	r := csv.NewReader(bytes.NewReader(body))
	r.FieldsPerRecord = -1
	var records [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, csvProblem(err)
		}
		line, _ := r.FieldPos(0)
		records = append(records, rec)
		lines = append(lines, line)
	}
	if len(records) == 0 {
		return nil, nil, &Problem{Msg: "the file is empty"}
	}
	return records, lines, nil
}

func csvProblem(err error) *Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Problem{Msg: "the file cannot be read as CSV: " + err.Error()}
	}
	p := &Problem{Line: pe.StartLine}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote) && pe.StartLine != pe.Line:
		p.Msg = fmt.Sprintf("a quoted cell that starts on this line is never closed (the quote is still open at line %d)", pe.Line)
		p.Expected = `a closing " for every opening one; a " inside a quoted cell is written ""`
	case errors.Is(pe.Err, csv.ErrQuote):
		p.Msg = fmt.Sprintf(`a quote in a quoted cell is not doubled or closed (character %d)`, pe.Column)
		p.Expected = `"" for a quote inside a quoted cell`
	case errors.Is(pe.Err, csv.ErrBareQuote):
		p.Msg = fmt.Sprintf(`a quote appears inside a cell that is not quoted (character %d)`, pe.Column)
		p.Expected = `the whole cell in quotes, with "" for each quote inside it`
	default:
		p.Msg = "the line cannot be read as CSV: " + pe.Err.Error()
	}
	return p
}

// checkHeader matches the header to the schema. pos[i] is the header
// position of schema column i, or −1.
func checkHeader(file string, header []string, columns []Column, add func(Problem)) ([]int, bool) {
	seen := map[string]int{}
	ok := true
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		header[i] = h
		if h == "" {
			add(Problem{File: file, Line: 1, Msg: fmt.Sprintf("column %d has no name", i+1), Expected: "a name for every column"})
			continue
		}
		if j, dup := seen[h]; dup {
			add(Problem{File: file, Line: 1, Column: h, Msg: fmt.Sprintf("the column appears twice (columns %d and %d)", j+1, i+1), Expected: "each column once"})
			ok = false
			continue
		}
		seen[h] = i
	}
	pos := make([]int, len(columns))
	known := map[string]bool{}
	for i, c := range columns {
		known[c.Name] = true
		p, found := seen[c.Name]
		if !found {
			p = -1
			if c.Required {
				add(Problem{File: file, Line: 1, Column: c.Name, Msg: "the column is missing", Expected: "a header row: " + headerLine(columns)})
				ok = false
			}
		}
		pos[i] = p
	}
	for _, h := range header {
		// The names an export writes beside ids (sector_label) load back
		// without a word.
		if base, ok := strings.CutSuffix(h, LabelSuffix); ok && known[base] {
			continue
		}
		if h != "" && !known[h] {
			add(Problem{File: file, Line: 1, Column: h, Msg: "the column is not one the dashboard reads and is ignored", Expected: "columns among " + headerLine(columns), Warning: true})
		}
	}
	return pos, ok
}

func headerLine(columns []Column) string {
	names := make([]string, len(columns))
	for i, c := range columns {
		names[i] = c.Name
	}
	return strings.Join(names, ",")
}
