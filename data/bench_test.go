package data

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/gocarina/gocsv"
)

var benchRows = flag.String("rows", "1000,10000,100000", "project rows of the synthetic data sets the benchmarks use")

var synthCache sync.Map

func synthFS(b testing.TB, n int) fstest.MapFS {
	if m, ok := synthCache.Load(n); ok {
		return m.(fstest.MapFS)
	}
	m := fstest.MapFS{}
	for name, data := range Synthetic(n) {
		m[name] = &fstest.MapFile{Data: data}
	}
	synthCache.Store(n, m)
	return m
}

func sizes(b *testing.B) []int {
	var out []int
	for _, s := range strings.Split(*benchRows, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			b.Fatalf("-rows: %v", err)
		}
		out = append(out, n)
	}
	return out
}

func label(n int) string {
	switch {
	case n >= 1000000 && n%1000000 == 0:
		return strconv.Itoa(n/1000000) + "M"
	case n >= 1000 && n%1000 == 0:
		return strconv.Itoa(n/1000) + "k"
	}
	return strconv.Itoa(n)
}

func loadSynth(b *testing.B, n int) *Dataset {
	d, err := Loader{MaxFileBytes: 1 << 30}.Load(synthFS(b, n))
	if err != nil {
		b.Fatal(err)
	}
	return d
}

func totalBytes(m fstest.MapFS) int64 {
	var n int64
	for _, f := range m {
		n += int64(len(f.Data))
	}
	return n
}

// BenchmarkLoad reads and checks a whole data set, beside the two parsing
// limits on the same bytes: encoding/csv alone, and gocsv decoding into the
// same row types without any checks.
func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes(b) {
		m := synthFS(b, n)
		b.Run("load/"+label(n), func(b *testing.B) {
			b.SetBytes(totalBytes(m))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Loader{MaxFileBytes: 1 << 30}).Load(m); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("encoding-csv/"+label(n), func(b *testing.B) {
			b.SetBytes(totalBytes(m))
			b.ReportAllocs()
			for b.Loop() {
				for _, name := range Files {
					if _, err := csv.NewReader(bytes.NewReader(m[name].Data)).ReadAll(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
		b.Run("gocsv-unmarshal/"+label(n), func(b *testing.B) {
			b.SetBytes(totalBytes(m))
			b.ReportAllocs()
			for b.Loop() {
				var m1 []Mineral
				var s []Sector
				var p []Project
				var i []Indicator
				var ml []Milestone
				var src []Source
				for name, out := range map[string]any{MineralsFile: &m1, SectorsFile: &s, ProjectsFile: &p, IndicatorsFile: &i, MilestonesFile: &ml, SourcesFile: &src} {
					if err := gocsv.UnmarshalBytes(m[name].Data, out); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkView builds the filter index of the projects list (done once
// per load: every row's visible text folded).
// BenchmarkView is what a list costs at start-up (the facets' keys), and
// the folded text the filter matches, made once in the background after.
func BenchmarkView(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		b.Run(label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewView(d.Table("projects"), nil)
			}
		})
		b.Run("fold/"+label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				NewView(d.Table("projects"), nil).Prepare()
			}
		})
	}
}

// BenchmarkFilter is one keystroke of filtering, in the data alone, at its worst: the
// text changes so that every row is matched again. The folded text is made
// first, as a list makes it in the background once shown.
func BenchmarkFilter(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		v := NewView(d.Table("projects"), nil)
		v.Prepare()
		b.Run(label(n), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				// "cen" after "cent" widens, so it rescans every row.
				if i%2 == 0 {
					v.SetText("cent")
				} else {
					v.SetText("cen")
				}
				i++
			}
			if len(v.Rows()) == 0 {
				b.Fatal("nothing matched")
			}
		})
	}
}

// BenchmarkSort re-sorts every row by a text and a numeric column.
func BenchmarkSort(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		v := NewView(d.Table("projects"), nil)
		for _, col := range []string{"name", "amount_usd_m"} {
			b.Run(col+"/"+label(n), func(b *testing.B) {
				b.ReportAllocs()
				desc := false
				for b.Loop() {
					desc = !desc
					if err := v.Set(Query{Sort: col, Desc: desc}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkSortFirst is the first sort by a column, in a fresh view:
// making the column's sort keys and sorting every row by them.
func BenchmarkSortFirst(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		for _, col := range []string{"name", "amount_usd_m"} {
			b.Run(col+"/"+label(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					b.StopTimer()
					tab := d.Table("projects")
					tab.sorts().perms = nil // the orders made before are not kept
					v := NewView(tab, nil)
					b.StartTimer()
					if err := v.Set(Query{Sort: col}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkFacets counts every facet of the projects list.
func BenchmarkFacets(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		v := NewView(d.Table("projects"), nil)
		_ = v.Set(Query{Facets: map[string]string{"status": "planned"}})
		b.Run(label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range v.Facets() {
					v.FacetCounts(f.Name)
				}
			}
		})
	}
}

// BenchmarkAggregates computes what the overview shows.
func BenchmarkAggregates(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		// The indexes they count from are made once per data set, in the
		// background or by the Overview's first show (the ui benchmarks
		// time that): here they are made before the clock starts.
		d.Warm("status", "funder", "instrument", "start_year", "sector")
		b.Run(label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, col := range []string{"status", "funder", "instrument", "start_year"} {
					if _, err := d.GroupProjects(col, nil); err != nil {
						b.Fatal(err)
					}
				}
				// Funding by sector, stacked by basis; the headline's totals.
				if _, err := d.GroupProjectsByBasis("sector", nil); err != nil {
					b.Fatal(err)
				}
				d.TotalsByBasis(nil)
				d.TotalCosts(nil)
			}
		})
	}
}

// BenchmarkExport writes the list's columns of every row, beside
// encoding/csv writing the same records.
func BenchmarkExport(b *testing.B) {
	for _, n := range sizes(b) {
		d := loadSynth(b, n)
		tab := d.Table("projects")
		v := NewView(tab, nil)
		cols := ExportColumns(tab, tab.ListColumns())
		b.Run("write/"+label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := WriteCSV(io.Discard, tab, v.Rows(), cols, true); err != nil {
					b.Fatal(err)
				}
			}
		})
		records := make([][]string, 0, len(v.Rows()))
		for _, r := range v.Rows() {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = tab.Raw(r, c)
			}
			records = append(records, rec)
		}
		b.Run("encoding-csv/"+label(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := csv.NewWriter(io.Discard)
				if err := w.WriteAll(records); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestSyntheticLoads(t *testing.T) {
	for _, n := range []int{1, 100, 5000} {
		d, err := Load(synthFS(t, n))
		if err != nil {
			t.Fatalf("%d: %v", n, err)
		}
		if len(d.Projects) != n || len(d.Warnings) != 0 {
			t.Fatalf("%d: %d projects, warnings %v", n, len(d.Projects), d.Warnings)
		}
	}
	a, b := Synthetic(50), Synthetic(50)
	if !bytes.Equal(a[ProjectsFile], b[ProjectsFile]) {
		t.Fatal("not deterministic")
	}
}
