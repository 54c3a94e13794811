package data

import (
	"bytes"
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// openCounter is a folder that counts how often each file is opened and
// can give other bytes from the second opening on, as a file being saved
// by another program would.
type openCounter struct {
	fstest.MapFS
	mu    sync.Mutex
	opens map[string]int
	later map[string][]byte
}

func (o *openCounter) Open(name string) (fs.File, error) {
	o.mu.Lock()
	o.opens[name]++
	n := o.opens[name]
	o.mu.Unlock()
	if b, ok := o.later[name]; ok && n > 1 {
		return fstest.MapFS{name: &fstest.MapFile{Data: b}}.Open(name)
	}
	return o.MapFS.Open(name)
}

func synthFolder(t *testing.T, n int) *openCounter {
	m := fstest.MapFS{}
	for name, b := range Synthetic(n) {
		m[name] = &fstest.MapFile{Data: b}
	}
	if len(m[ProjectsFile].Data) <= streamAbove {
		t.Fatalf("%d projects are %d bytes, not more than %d", n, len(m[ProjectsFile].Data), streamAbove)
	}
	return &openCounter{MapFS: m, opens: map[string]int{}, later: map[string][]byte{}}
}

// A large file's rows are read from the file again, with its byte-order
// mark, and a problem in it is still reported on its own line.
func TestLargeFileReadAgain(t *testing.T) {
	o := synthFolder(t, 6000)
	lines := strings.SplitAfter(string(o.MapFS[ProjectsFile].Data), "\n")
	cells := strings.Split(lines[4000], ",")
	col := -1
	for i, name := range strings.Split(strings.TrimSpace(lines[0]), ",") {
		if name == "start_year" {
			col = i
		}
	}
	if col < 0 || strings.Contains(lines[4000], `"`) {
		t.Fatalf("line 4001 cannot be mended by commas: %q", lines[4000])
	}
	was := cells[col]
	cells[col] = "soon"
	lines[4000] = strings.Join(cells, ",")
	o.MapFS[ProjectsFile].Data = []byte(BOM + strings.Join(lines, ""))

	_, err := (Loader{}).Load(o)
	if o.opens[ProjectsFile] != 2 {
		t.Errorf("projects.csv opened %d times, want 2 (checked, then read again)", o.opens[ProjectsFile])
	}
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || ps[0].Line != 4001 || ps[0].Column != "start_year" || !strings.Contains(ps[0].Msg, "soon") {
		t.Fatalf("want one problem, \"soon\" in start_year on line 4001; got %v", err)
	}

	// Mended, it loads every row.
	cells[col] = was
	lines[4000] = strings.Join(cells, ",")
	o.MapFS[ProjectsFile].Data = []byte(BOM + strings.Join(lines, ""))
	d, err := (Loader{}).Load(o)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Projects) != 6000 || d.Projects[3999].StartYear.String() != strings.TrimSpace(was) {
		t.Fatalf("%d projects, row 4000 starts %v", len(d.Projects), d.Projects[3999].StartYear)
	}
}

// A file that changes between its check and its rows is not half read.
func TestLargeFileChangedWhileRead(t *testing.T) {
	for name, change := range map[string]func([]byte) []byte{
		"edited": func(b []byte) []byte { return bytes.Replace(b, []byte("planned"), []byte("stopped"), 1) },
		"grown":  func(b []byte) []byte { return append(bytes.Clone(b), b[bytes.IndexByte(b, '\n')+1:]...) },
		"cut":    func(b []byte) []byte { return b[:len(b)/2] },
	} {
		t.Run(name, func(t *testing.T) {
			o := synthFolder(t, 6000)
			o.MapFS[ProjectsFile].Data = append([]byte(BOM), o.MapFS[ProjectsFile].Data...)
			o.later[ProjectsFile] = change(o.MapFS[ProjectsFile].Data)
			_, err := (Loader{}).Load(o)
			ps, ok := err.(Problems)
			if !ok || len(ps) != 1 || ps[0].File != ProjectsFile || ps[0].Msg != "the file changed while it was being read" {
				t.Fatalf("want the change reported; got %v", err)
			}
		})
	}
	// A file that cannot be read again as it was (here its byte-order
	// mark went) is decoded from the bytes read the first time.
	o := synthFolder(t, 6000)
	o.MapFS[ProjectsFile].Data = append([]byte(BOM), o.MapFS[ProjectsFile].Data...)
	o.later[ProjectsFile] = bytes.TrimPrefix(o.MapFS[ProjectsFile].Data, []byte(BOM))
	d, err := (Loader{}).Load(o)
	if err != nil || len(d.Projects) != 6000 {
		t.Fatalf("want the first bytes decoded: %v", err)
	}
}

// Lists of one name share one slice per name, in a small file and in one
// decoded on several goroutines; lists of more names keep their own.
func TestOneNameListsShared(t *testing.T) {
	for _, n := range []int{5000, 20000} {
		d, err := (Loader{}).Load(synthFolder(t, n))
		if err != nil {
			t.Fatal(err)
		}
		copies := map[string]map[*string]bool{}
		lists := 0
		for _, p := range d.Projects {
			if len(p.Region) != 1 {
				continue
			}
			lists++
			if copies[p.Region[0]] == nil {
				copies[p.Region[0]] = map[*string]bool{}
			}
			copies[p.Region[0]][&p.Region[0]] = true
		}
		// Each decoding goroutine keeps its own names: at most one copy
		// of a name per goroutine.
		for name, c := range copies {
			if len(c) > 4 {
				t.Errorf("%d projects: region %s in %d slices", n, name, len(c))
			}
		}
		if lists < n/2 {
			t.Fatalf("%d projects: only %d lists of one region", n, lists)
		}
		for _, p := range d.Projects {
			if len(p.Sources) > 1 {
				for _, q := range d.Projects {
					if q != p && len(q.Sources) > 1 && &q.Sources[0] == &p.Sources[0] {
						t.Fatalf("%d projects: %s and %s share a list of %d sources", n, p.ID, q.ID, len(p.Sources))
					}
				}
				break
			}
		}
	}
}
