package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxFileBytes is the largest file Load reads: 64 MiB, about
// 250,000 project rows as -synthetic writes them. Larger files are refused
// before they are read.
const DefaultMaxFileBytes = 64 << 20

// MaxCellRunes is the longest cell accepted, in characters.
const MaxCellRunes = 5000

// MaxColumns is the most columns a file's header may have. The widest
// file has 25; the rest is room for columns of the user's own, which are
// ignored. A header with more is refused before its columns are looked at.
const MaxColumns = 200

// maxByteProblems caps the problems reported for bad bytes in one file.
const maxByteProblems = 20

// decodeChunk is how many rows are handed to gocsv at a time.
const decodeChunk = 4096

// Loader reads a data set. The zero value uses DefaultMaxFileBytes.
type Loader struct {
	MaxFileBytes int64

	// Progress, if set, is called with the name of each file before it
	// is read, and Read once the loader is done with it (its rows decoded,
	// or the file found unreadable), before the next; both on the
	// goroutine that runs Load.
	Progress func(file string)
	Read     func(file string)
}

// Load reads the six files of a data set from fsys, checks them and returns
// the data set. If anything is wrong the error is a Problems listing every
// problem found, and no data set is returned. Warnings alone do not stop the
// load; they are kept in Dataset.Warnings.
//
// Only regular files are read (a link to one is followed); a folder, a
// named pipe or a device in a file's place is reported, never opened.
// Memory stays a small multiple of the files' size whatever they hold:
// rows known to be bad are not decoded, and past the first MaxProblems
// problems the others are counted by kind, not kept.
func Load(fsys fs.FS) (*Dataset, error) { return Loader{}.Load(fsys) }

// Load reads and checks a data set; see the package function Load.
func (l Loader) Load(fsys fs.FS) (*Dataset, error) {
	limit := l.MaxFileBytes
	if limit <= 0 {
		limit = DefaultMaxFileBytes
	}
	d := &Dataset{}
	d.buildTables()
	c := newCollector()

	// A file that could not be read at all is reported once; references
	// into it are not checked, so one missing file is one problem.
	failed := map[string]bool{}
	read := func(name string, f func() bool) {
		if l.Progress != nil {
			l.Progress(name + ".csv")
		}
		failed[name] = !f()
		if l.Read != nil {
			l.Read(name + ".csv")
		}
	}
	add := c.add
	read("minerals", func() bool { return readInto(fsys, limit, d.tabMinerals, add) })
	read("sectors", func() bool { return readInto(fsys, limit, d.tabSectors, add) })
	read("projects", func() bool { return readInto(fsys, limit, d.tabProjects, add) })
	read("indicators", func() bool { return readInto(fsys, limit, d.tabIndicators, add) })
	read("milestones", func() bool { return readInto(fsys, limit, d.tabMilestones, add) })
	read("sources", func() bool { return readInto(fsys, limit, d.tabSources, add) })
	read("deposits", func() bool { return readInto(fsys, limit, d.tabDeposits, add) })
	read("production", func() bool { return d.readProduction(fsys, limit, add) })

	for _, t := range d.tables {
		t.(idTrimmer).trimIDs(add)
	}
	d.index()
	d.check(failed, add)

	ps, errs := c.problems().errorsFirst()
	if errs > 0 {
		return nil, ps
	}
	d.Warnings = ps
	return d, nil
}

// readInto reads one file into its table, reporting what is wrong. A file
// that cannot be parsed at all leaves the table empty and returns false.
func readInto[R any, P rowPointer[R]](fsys fs.FS, limit int64, t *table[R], add func(Problem)) bool {
	file := t.File()
	fileProblem := func(msg, expected string) { add(Problem{File: file, Msg: msg, Expected: expected}) }

	body, err := readLimited(fsys, file, limit)
	if err != nil {
		var le limitError
		var nr notRegularError
		var dl danglingLinkError
		switch {
		case errors.As(err, &le) && le.known:
			fileProblem(fmt.Sprintf("the file is %s, larger than the limit of %s", megabytes(le.size), megabytes(limit)), "a smaller file; split it or remove rows")
		case errors.As(err, &le):
			fileProblem(fmt.Sprintf("the file is larger than the limit of %s", megabytes(limit)), "a smaller file; split it or remove rows")
		case errors.As(err, &nr):
			fileProblem(nr.Error(), "a CSV file named "+file)
		case errors.As(err, &dl):
			fileProblem(dl.Error(), "a CSV file named "+file)
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

	if enc := utf16Encoding(body); enc != "" {
		fileProblem("the file is saved as UTF-16 ("+enc+"), not UTF-8", "UTF-8 text; save the file as \"CSV UTF-8\"")
		return false
	}
	bom := bytes.HasPrefix(body, []byte(BOM))
	body = bytes.TrimPrefix(body, []byte(BOM))
	columns := t.Columns()
	if len(bytes.TrimSpace(body)) == 0 {
		fileProblem("the file is empty", "a header row: "+headerLine(columns))
		return false
	}
	if !checkBytes(file, body, add) {
		return false
	}
	shape := scanBody(body, MaxColumns)
	if shape.loneCR {
		body = normaliseCR(body)
	}
	if shape.loneCROutside {
		add(Problem{File: file, Msg: "lines end with a lone carriage return (old Mac style); read as line breaks", Warning: true})
	}
	if sep := otherSeparator(body); sep != "" {
		add(Problem{File: file, Line: 1, Msg: "the columns are separated by " + sep + ", not by commas", Expected: "comma-separated values; in a spreadsheet, save as \"CSV UTF-8 (comma delimited)\""})
		return false
	}
	if shape.wideLine == 1 {
		add(Problem{File: file, Line: 1, Msg: fmt.Sprintf("the header has %s columns, more than the %d a file may have", Thousands(float64(shape.wideCells)), MaxColumns), Expected: "a header row: " + headerLine(columns)})
		return false
	}
	if shape.wideLine > 0 {
		add(Problem{File: file, Line: shape.wideLine, Msg: fmt.Sprintf("the row has %s cells, more than the %d a row may have; the file is not read further", Thousands(float64(shape.wideCells)), MaxColumns), Expected: "one cell per column; quote cells that contain a comma"})
		return false
	}

	// The header and the rows' problems wait in a collector of their
	// own: a file that turns out not to be CSV reports that alone.
	fc := newCollector()
	// Room for the rows there can be: a row has a line, and one comma
	// less than there are columns.
	lineCount := bytes.Count(body, []byte{'\n'}) + 1
	commaCount := bytes.Count(body, []byte{','})
	// A large file's rows are read from the file again, so that its bytes
	// need not be held while its rows are decoded; the file must not have
	// changed meanwhile. A file whose line ends were mended is read from
	// its mended bytes.
	var src io.Reader = bytes.NewReader(body)
	var again *rereader
	if len(body) > streamAbove && !shape.loneCR {
		if rr, err := reread(fsys, file, bom, body); err == nil {
			defer rr.Close()
			src, again, body = rr, rr, nil
		}
	}
	r := csv.NewReader(src)
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	rec, err := r.Read()
	if err != nil {
		p := csvProblem(err)
		if err == io.EOF {
			p = &Problem{Msg: "the file is empty"}
		}
		p.File = file
		add(*p)
		return false
	}
	header := slices.Clone(rec)
	pos, headerOK := checkHeader(file, header, columns, fc.add)

	// Rows with one cell per column are kept, their cells side by side in
	// one slice; a row that has not is reported and not decoded, as its
	// cells cannot be trusted to be in their columns. Its id is still
	// known, so that references to it are not blamed on other files.
	width := len(header)
	idPos, idCol := -1, -1
	var required []int // the columns that may not be empty, where they are
	for i, col := range columns {
		if col.Kind == ID {
			idPos, idCol = pos[i], i
		}
		if col.NotEmpty && pos[i] >= 0 {
			required = append(required, i)
		}
	}
	ragged := keyOf(Problem{File: file, Msg: raggedMsg(0, 0)})
	var lines []int
	var unread map[string]bool
	var unreadRows []unreadRow
	rows := 0

	// gocsv is handed a header in schema order and rows rearranged to it,
	// so columns may come in any order and missing optional ones stay
	// empty; a file in schema order, the usual case, is handed over as it
	// is. Rows are decoded a chunk at a time as they are read, straight
	// into their place, so that the cells of only one chunk are held.
	names := make([]string, len(columns))
	inOrder := width == len(columns)
	for i, col := range columns {
		names[i] = col.Name
		inOrder = inOrder && pos[i] == i
	}
	most := lineCount
	if width > 1 {
		most = min(most, commaCount/(width-1))
	}
	dec := newChunkDecoder[R, P](names, most, t.shareLists())
	reordered := make([]string, len(columns))
	// A file given up on halfway leaves no decoder waiting.
	defer dec.wait()
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			p := csvProblem(err)
			p.File = file
			add(*p)
			return false
		}
		line, _ := r.FieldPos(0)
		rows++
		for hi, cell := range rec {
			if len(cell) > MaxCellRunes && utf8.RuneCountInString(cell) > MaxCellRunes {
				name := "column " + strconv.Itoa(hi+1)
				if hi < len(header) {
					name = header[hi]
				}
				fc.add(Problem{File: file, Line: line, Column: name, Msg: fmt.Sprintf("the cell is %d characters long", utf8.RuneCountInString(cell)), Expected: fmt.Sprintf("at most %d characters", MaxCellRunes)})
			}
		}
		if len(rec) != width {
			if fc.wants(ragged) {
				fc.add(Problem{File: file, Line: line, Msg: raggedMsg(len(rec), width), Expected: "one cell per column; quote cells that contain a comma"})
			} else {
				fc.count(ragged, line)
			}
			if idPos >= 0 && idPos < len(rec) {
				if unread == nil {
					unread = map[string]bool{}
				}
				unread[strings.TrimSpace(rec[idPos])] = true
			}
			continue
		}
		// A row whose required cells are empty is known to be bad: it is
		// not decoded, its empty cells are reported, its id kept.
		var empty uint64
		for _, ci := range required {
			if blankCell(&t.fields[ci], rec[pos[ci]]) {
				empty |= 1 << ci
			}
		}
		if empty != 0 {
			unreadRows = append(unreadRows, unreadRow{line: line, empty: empty})
			if idPos >= 0 && empty&(1<<idCol) == 0 {
				if unread == nil {
					unread = map[string]bool{}
				}
				unread[strings.TrimSpace(rec[idPos])] = true
			}
			continue
		}
		if inOrder {
			dec.add(rec...)
		} else {
			for i, hi := range pos {
				v := ""
				if hi >= 0 {
					v = rec[hi]
				}
				reordered[i] = v
			}
			dec.add(reordered...)
		}
		lines = append(lines, line)
	}
	decoded, err := dec.finish()
	if err != nil {
		fileProblem("the rows cannot be read: "+err.Error(), "")
		return false
	}
	if again != nil && !again.same() {
		fileProblem(errChanged.Error(), "a file no other program is writing; open the folder again")
		return false
	}
	for _, p := range fc.problems() {
		add(p)
	}
	if rows == 0 {
		add(Problem{File: file, Line: 1, Msg: "the file has a header but no rows", Warning: true})
	}
	t.rows.set(decoded)
	t.lines = lines
	t.unread = unread
	t.unreadRows = unreadRows
	t.present = make(map[string]bool, len(columns))
	for i, col := range columns {
		t.present[col.Name] = pos[i] >= 0
	}
	return headerOK
}

func raggedMsg(cells, header int) string {
	return fmt.Sprintf("the row has %d cells, the header %d", cells, header)
}

var errIsDir = errors.New("is a directory")

// limitError is a file larger than the limit: of a size known from the
// file system, or found too large while reading it.
type limitError struct {
	size  int64
	known bool
}

func (e limitError) Error() string { return "file too large: " + megabytes(e.size) }

// notRegularError is something in a file's place that is not a file: a
// named pipe, a device, a socket. Opening one could block for ever or
// read without end, so it is refused from its mode alone.
type notRegularError struct {
	mode fs.FileMode
	link bool // reached through a symbolic link
}

func (e notRegularError) Error() string {
	what := "a special file"
	switch m := e.mode; {
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeDevice != 0:
		what = "a device"
	}
	if e.link {
		return "this is a link to " + what + ", not to a file"
	}
	return "this is " + what + ", not a file"
}

// danglingLinkError is a symbolic link to nothing.
type danglingLinkError struct{ target string }

func (e danglingLinkError) Error() string {
	if e.target == "" {
		return "this is a link to a file that does not exist"
	}
	return "this is a link to " + quote(e.target) + ", which does not exist"
}

func megabytes(n int64) string {
	return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MB"
}

// readLimited reads a regular file whole, refusing one larger than limit
// before reading it, and stopping at limit+1 bytes when its size was not
// known. Anything else in the file's place is refused from its mode,
// before it is opened: opening a named pipe waits for a writer.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, info, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info.Size() > limit {
		return nil, limitError{info.Size(), true}
	}
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
		return nil, limitError{int64(n + len(rest)), false}
	}
	if len(rest) > 0 {
		body = append(body, rest...)
	}
	return body, nil
}

// openRegular opens a regular file, and nothing else: what is in the
// file's place is looked at before it is opened, and again after.
func openRegular(fsys fs.FS, name string) (fs.File, fs.FileInfo, error) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if li, lerr := fs.Lstat(fsys, name); lerr == nil && li.Mode()&fs.ModeSymlink != 0 {
				target, _ := fs.ReadLink(fsys, name)
				return nil, nil, danglingLinkError{target}
			}
		}
		return nil, nil, err
	}
	if info.IsDir() {
		return nil, nil, errIsDir
	}
	if !info.Mode().IsRegular() {
		return nil, nil, notRegularError{mode: info.Mode(), link: isLink(fsys, name)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	// What was opened may not be what was looked at: look again.
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		f.Close()
		return nil, nil, notRegularError{mode: st.Mode()}
	}
	return f, info, nil
}

// streamAbove is the size over which a file's rows are read from the file
// again, not from the bytes its checks were made on: those can go while
// the rows are decoded, and at 100,000 projects they are 25 MB.
const streamAbove = 1 << 20

// rereader reads a file again, as a stream, and tells whether it read the
// very bytes read the first time.
type rereader struct {
	f    fs.File
	r    io.Reader
	n    int64
	sum  hash.Hash32
	want uint32
	size int64
}

// reread opens a file read before, whose body (without its byte-order
// mark, bom) was body, to read it again from after the mark.
func reread(fsys fs.FS, name string, bom bool, body []byte) (*rereader, error) {
	f, _, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	if bom {
		mark := make([]byte, len(BOM))
		if _, err := io.ReadFull(f, mark); err != nil || string(mark) != BOM {
			f.Close()
			return nil, errChanged
		}
	}
	table := crc32.MakeTable(crc32.Castagnoli)
	rr := &rereader{f: f, sum: crc32.New(table), want: crc32.Checksum(body, table), size: int64(len(body))}
	// One byte more than before is enough to tell a file that grew.
	rr.r = io.TeeReader(io.LimitReader(f, rr.size+1), rr.sum)
	return rr, nil
}

func (rr *rereader) Read(p []byte) (int, error) {
	n, err := rr.r.Read(p)
	rr.n += int64(n)
	return n, err
}

// same reads what is left and reports whether the bytes were the same.
func (rr *rereader) same() bool {
	if _, err := io.Copy(io.Discard, rr); err != nil {
		return false
	}
	return rr.n == rr.size && rr.sum.Sum32() == rr.want
}

func (rr *rereader) Close() error { return rr.f.Close() }

var errChanged = errors.New("the file changed while it was being read")

func isLink(fsys fs.FS, name string) bool {
	li, err := fs.Lstat(fsys, name)
	return err == nil && li.Mode()&fs.ModeSymlink != 0
}

// utf16Encoding names the UTF-16 encoding a file is in, from its
// byte-order mark or, without one, from the zero bytes beside the
// letters of its first characters; "" for a file that is not UTF-16.
func utf16Encoding(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return "little-endian"
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "big-endian"
	case len(b) >= 4 && b[0] != 0 && b[0] < 0x80 && b[1] == 0 && b[2] != 0 && b[2] < 0x80 && b[3] == 0:
		return "little-endian"
	case len(b) >= 4 && b[0] == 0 && b[1] != 0 && b[1] < 0x80 && b[2] == 0 && b[3] != 0 && b[3] < 0x80:
		return "big-endian"
	}
	return ""
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

// bodyShape is what one pass over a file's bytes, reading quotes as CSV
// does, finds before the file is parsed.
type bodyShape struct {
	loneCR        bool // a carriage return not followed by a line feed
	loneCROutside bool // one outside quoted cells, where it ends a line
	wideLine      int  // the line of the first record with too many cells
	wideCells     int  // and how many cells it has
}

// scanBody finds the shape of a file: its lone carriage returns (a lone
// CR in a quoted cell is a line break in the cell, not old Mac line
// endings) and the first record with more than max cells, counted
// without parsing it: a parser would take memory for each cell.
func scanBody(b []byte, max int) bodyShape {
	if s, ok := scanFast(b, max); ok {
		return s
	}
	return scanSlow(b, max)
}

// scanFast is scanBody by whole stretches between quotes and line ends,
// found and counted with the bytes package's fast searches. It gives up
// (false) on a lone carriage return outside quotes, rare enough to be
// left to scanSlow.
func scanFast(b []byte, max int) (s bodyShape, ok bool) {
	cells, line, start := 1, 1, 1
	for i, quoted := 0, false; i < len(b); quoted = !quoted {
		seg := b[i:]
		j := bytes.IndexByte(seg, '"')
		if j >= 0 {
			seg = seg[:j]
		}
		if quoted {
			line += bytes.Count(seg, []byte{'\n'})
			for k := bytes.IndexByte(seg, '\r'); k >= 0 && !s.loneCR; {
				s.loneCR = k+1 >= len(seg) || seg[k+1] != '\n'
				next := bytes.IndexByte(seg[k+1:], '\r')
				if next < 0 {
					break
				}
				k += 1 + next
			}
		} else {
			for {
				k := bytes.IndexByte(seg, '\n')
				piece := seg
				if k >= 0 {
					piece = seg[:k]
				}
				cells += bytes.Count(piece, []byte{','})
				if r := bytes.IndexByte(piece, '\r'); r >= 0 && (k < 0 || r != len(piece)-1) {
					return s, false
				}
				if k < 0 {
					break
				}
				if cells > max && s.wideLine == 0 {
					s.wideLine, s.wideCells = start, cells
				}
				line++
				cells, start = 1, line
				seg = seg[k+1:]
			}
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	if cells > max && s.wideLine == 0 {
		s.wideLine, s.wideCells = start, cells
	}
	return s, true
}

// scanSlow is scanBody byte by byte.
func scanSlow(b []byte, max int) (s bodyShape) {
	quoted := false
	cells, line, start := 1, 1, 1
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				cells++
			}
		case '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				continue
			}
			s.loneCR = true
			if quoted {
				continue
			}
			s.loneCROutside = true
			fallthrough
		case '\n':
			line++
			if quoted {
				continue
			}
			if cells > max && s.wideLine == 0 {
				s.wideLine, s.wideCells = start, cells
			}
			cells, start = 1, line
		}
	}
	if cells > max && s.wideLine == 0 {
		s.wideLine, s.wideCells = start, cells
	}
	return s
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

// otherSeparator names what separates the columns of a file whose header
// has no comma but semicolons or tabs, as spreadsheets write "CSV" where
// the comma is the decimal sign; "" otherwise.
func otherSeparator(body []byte) string {
	header := body
	if i := bytes.IndexByte(body, '\n'); i >= 0 {
		header = body[:i]
	}
	if bytes.IndexByte(header, ',') >= 0 {
		return ""
	}
	switch {
	case bytes.IndexByte(header, ';') >= 0:
		return "semicolons (;)"
	case bytes.IndexByte(header, '\t') >= 0:
		return "tabs"
	}
	return ""
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
