package data

import (
	"errors"
	"flag"
	"io/fs"
	"os"

	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"uzkor/data/special"
)

var update = flag.Bool("update", false, "rewrite testdata/bad/*/want.txt from what Load reports")

// goodFS is the small, valid fixture every bad case is laid over.
func goodFS(t testing.TB) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, name := range Files {
		b, err := os.ReadFile(filepath.Join("testdata", "good", name))
		if err != nil {
			t.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	return m
}

// caseFS lays one case of testdata/bad over the good fixture: its files
// replace the good ones, and names listed in its file "remove" are dropped.
// The named pipes and links its file "special" lists are made in a copy
// of the case (see package special).
func caseFS(t *testing.T, dir string) fs.FS {
	m := goodFS(t)
	if b, err := os.ReadFile(filepath.Join(dir, "remove")); err == nil {
		for _, name := range strings.Fields(string(b)) {
			delete(m, name)
		}
	}
	spec, err := os.ReadFile(filepath.Join(dir, special.Name))
	if err != nil {
		return Overlay{Top: os.DirFS(dir), Base: m}
	}
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if err := special.Make(tmp, spec); err != nil {
		t.Fatal(err)
	}
	return Overlay{Top: os.DirFS(tmp), Base: m}
}

// problemLines runs Load and returns every problem it reports, errors and
// warnings, one line each.
func problemLines(fsys fs.FS) (lines []string, loaded bool) {
	d, err := Load(fsys)
	var ps Problems
	if err != nil {
		if !errors.As(err, &ps) {
			return []string{"not a Problems error: " + err.Error()}, false
		}
	} else {
		ps = d.Warnings
	}
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return lines, err == nil
}

func TestGoodFixtureLoads(t *testing.T) {
	d, err := Load(goodFS(t))
	if err != nil {
		t.Fatalf("good fixture: %v", err)
	}
	if len(d.Warnings) != 0 {
		t.Fatalf("good fixture warnings: %v", d.Warnings)
	}
	if got := []int{len(d.Minerals), len(d.Sectors), len(d.Projects), len(d.Indicators), len(d.Milestones), len(d.Sources)}; !equalInts(got, []int{4, 2, 4, 3, 2, 3}) {
		t.Fatalf("row counts %v", got)
	}
	p, ok := d.Project("oncology")
	if !ok || !p.AmountUSDm.Known() || p.AmountUSDm.Value != 127.5 || p.AmountYear.Int() != 2021 {
		t.Fatalf("oncology amount: %+v", p)
	}
	if p, _ := d.Project("rare-metals"); p.AmountUSDm.Known() || p.AmountUSDm.Value != 0 {
		t.Fatalf("an empty amount must stay unknown, got %+v", p.AmountUSDm)
	}
	if got := d.Projects[3].Funder; !equalStrings(got, []string{"Government of Korea", "KOICA"}) {
		t.Fatalf("funder list %q", got)
	}
	if got := d.Milestones[1].Date; got != (Date{Year: 2023, Month: 9}) {
		t.Fatalf("month date %+v", got)
	}
	if d.tabProjects.Line(2) != 4 {
		t.Fatalf("line of third project = %d", d.tabProjects.Line(2))
	}
}

// TestBadCases loads each case in testdata/bad and compares every problem
// reported, word for word, with the case's want.txt. An empty want.txt
// means the case must load cleanly.
func TestBadCases(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "bad", "*"))
	if err != nil || len(dirs) < 30 {
		t.Fatalf("cases: %v %d", err, len(dirs))
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got, _ := problemLines(caseFS(t, dir))
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				text := strings.Join(got, "\n")
				if text != "" {
					text += "\n"
				}
				if err := os.WriteFile(wantFile, []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
			if len(b) == 0 {
				want = nil
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("problems differ\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
		})
	}
}

// errFS answers every request for one file with an error.
type errFS struct {
	fs.FS
	name string
	err  error
}

func (e errFS) Open(name string) (fs.File, error) {
	if name == e.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: e.err}
	}
	return e.FS.Open(name)
}

func (e errFS) Stat(name string) (fs.FileInfo, error) {
	if name == e.name {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: e.err}
	}
	return fs.Stat(e.FS, name)
}

func TestUnreadableFile(t *testing.T) {
	got, loaded := problemLines(errFS{FS: goodFS(t), name: ProjectsFile, err: fs.ErrPermission})
	want := "projects.csv: the file cannot be read: permission denied (expected a file this user may read)"
	if loaded || len(got) != 1 || got[0] != want {
		t.Fatalf("got %q", got)
	}
}

// A file over the limit is refused from its size alone: the sparse 200 MB
// file below is never read (reading it would take far longer than the test).
func TestHugeFileRefused(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, ProjectsFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200_000_000); err != nil {
		t.Fatal(err)
	}
	f.Close()
	start := time.Now()
	got, loaded := problemLines(Overlay{Top: os.DirFS(dir), Base: goodFS(t)})
	want := "projects.csv: the file is 190.7 MB, larger than the limit of 64.0 MB (expected a smaller file; split it or remove rows)"
	if loaded || len(got) != 1 || got[0] != want {
		t.Fatalf("got %q", got)
	}
	if time.Since(start) > 5*time.Second {
		t.Fatalf("refusing took %v: was the file read?", time.Since(start))
	}
}

// A file whose size is not known in advance (a pipe, a lying file system)
// is still cut off at the limit.
func TestLimitWhileReading(t *testing.T) {
	m := goodFS(t)
	big := strings.Repeat("x", 2048)
	m[ProjectsFile] = &fstest.MapFile{Data: []byte(big)}
	_, err := Loader{MaxFileBytes: 1024}.Load(sizeHidingFS{m})
	var ps Problems
	if !errors.As(err, &ps) || len(ps) == 0 || !strings.Contains(ps[0].String(), "larger than the limit of 0.0 MB") {
		t.Fatalf("got %v", err)
	}
}

type sizeHidingFS struct{ fstest.MapFS }

func (s sizeHidingFS) Stat(name string) (fs.FileInfo, error) {
	info, err := s.MapFS.Stat(name)
	if err != nil {
		return nil, err
	}
	return zeroSize{info}, nil
}

type zeroSize struct{ fs.FileInfo }

func (zeroSize) Size() int64 { return 0 }

func TestProblemString(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{File: "projects.csv", Line: 14, Column: "amount_usd_m", Msg: `"12,5" is not a number`, Expected: "a number such as 12.5"},
			`projects.csv:14: column "amount_usd_m": "12,5" is not a number (expected a number such as 12.5)`},
		{Problem{File: "sources.csv", Msg: "the file is missing"}, "sources.csv: the file is missing"},
		{Problem{File: "sources.csv", Line: 1, Column: "x", Msg: "ignored", Warning: true}, `sources.csv:1: warning: column "x": ignored`},
	}
	for _, tt := range tests {
		if got := tt.p.String(); got != tt.want {
			t.Errorf("got %s\nwant %s", got, tt.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}
