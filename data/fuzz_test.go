package data

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"
)

// FuzzLoad feeds any bytes to the loader as one of the six files. It must
// never panic and must either load or explain itself with Problems.
// The corpus is every file of the bad cases in testdata.
func FuzzLoad(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	for _, dir := range dirs {
		for i, name := range Files {
			if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(uint8(i), b)
			}
		}
	}
	for i, name := range Files {
		b, _ := os.ReadFile(filepath.Join("testdata", "good", name))
		f.Add(uint8(i), b)
	}
	good := goodFS(f)
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		name := Files[int(which)%len(Files)]
		m[name] = &fstest.MapFile{Data: body}
		d, err := Loader{MaxFileBytes: 1 << 20}.Load(m)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %v", err)
			}
			for _, p := range ps {
				if p.File == "" || p.Msg == "" {
					t.Fatalf("problem without a file or a message: %+v", p)
				}
			}
			return
		}
		// What loaded can be viewed, sorted and written without a panic.
		for _, tab := range d.Tables() {
			v := NewView(tab, nil)
			for _, c := range tab.ListColumns() {
				_ = v.Set(Query{Text: "a", Sort: tab.Columns()[c].Name, Desc: true})
			}
			var b bytes.Buffer
			if err := WriteCSV(&b, tab, v.Rows(), ExportColumns(tab, tab.ListColumns()), true); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzLoadBounded feeds any bytes to the loader as one of the files, as
// FuzzLoad does, and bounds what one load costs: it allocates at most a
// small multiple of the input's size (allocBound) and takes at most a
// second and a few microseconds a byte. The corpus adds small versions of
// the hostile files of TestHostileFilesBounded.
func FuzzLoadBounded(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	for _, dir := range dirs {
		for i, name := range Files {
			if b, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(uint8(i), b)
			}
		}
	}
	for _, h := range hostileFiles(4 << 10) {
		f.Add(uint8(slices.Index(Files, h.file)), h.body)
	}
	good := goodFS(f)
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		name := Files[int(which)%len(Files)]
		alloc, took, _ := loadMeasured(good, name, body, 1<<20)
		if alloc > allocBound(len(body)) {
			t.Fatalf("%s of %d bytes: the load allocated %d bytes, more than %d", name, len(body), alloc, allocBound(len(body)))
		}
		if limit := 2*time.Second + time.Duration(len(body))*10*time.Microsecond; took > limit {
			t.Fatalf("%s of %d bytes: the load took %v, more than %v", name, len(body), took, limit)
		}
	})
}

// FuzzScanBody checks the fast scan of a file's shape against the plain
// one, byte by byte.
func FuzzScanBody(f *testing.F) {
	for _, s := range []string{"a,b\r\nc,\"d\re\",f\r\n", "a,b\nc\r", "\"a,\n,,\",b,c,d\n1,2\n", "a,\"\"\"x,y\",z\n", "x\ry", "\"\r\"\n", ",,,\n,,\n\""} {
		f.Add([]byte(s), uint8(3))
	}
	f.Fuzz(func(t *testing.T, b []byte, max uint8) {
		fast, ok := scanFast(b, int(max))
		if slow := scanSlow(b, int(max)); ok && fast != slow {
			t.Fatalf("%q: fast %+v, slow %+v", b, fast, slow)
		}
		if !ok && !scanSlow(b, int(max)).loneCROutside {
			t.Fatalf("%q: the fast scan gave up without a lone CR outside quotes", b)
		}
	})
}

// FuzzWriteRoundTrip writes any text as a project's name and description
// and loads the file back: the text returns as written, guarded against
// formula injection, with its line breaks as CSV keeps them.
func FuzzWriteRoundTrip(f *testing.F) {
	for _, s := range []string{"=SUM(A1)", "+1", "-5", "@x", "\tx", "\rx", "a,b", `say "hi"`, "line\nbreak", "Тошкент 희귀금속", "O‘zbekiston", "  padded  ", "x\r\ny"} {
		f.Add(s)
	}
	good := goodFS(f)
	base, err := Load(good)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) || utf8.RuneCountInString(s) > MaxCellRunes-1 || strings.TrimSpace(s) == "" {
			t.Skip("the loader refuses these by design")
		}
		d := *base
		d.Projects = append([]*Project(nil), base.Projects...)
		first := *d.Projects[0]
		d.Projects[0] = &first
		d.buildTables()
		d.Projects[0].Name = s
		d.Projects[0].Description = s
		tab := d.Table("projects")
		var b bytes.Buffer
		if err := WriteCSV(&b, tab, []int{0, 1, 2, 3}, allColumns(tab), true); err != nil {
			t.Fatal(err)
		}
		m := fstest.MapFS{}
		for k, v := range good {
			m[k] = v
		}
		m[ProjectsFile] = &fstest.MapFile{Data: b.Bytes()}
		back, err := Load(m)
		if err != nil {
			t.Fatalf("written file does not load: %v\n%q", err, b.String())
		}
		want := Neutralise(s)
		want = strings.ReplaceAll(want, "\r\n", "\n")
		want = strings.ReplaceAll(want, "\r", "\n")
		want = strings.TrimSpace(want)
		if got := back.Projects[0].Name; got != want {
			t.Fatalf("name %q came back as %q, want %q", s, got, want)
		}
	})
}
