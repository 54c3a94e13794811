package data

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// allocBound is how much a load may allocate for a file of n bytes,
// garbage included: a small multiple of its size, whatever it holds. The
// multiple is set by the worst case, a file of rows that look good until
// they are checked, each as short as its commas allow: gocsv makes two
// row values for each row it decodes, before the one kept, so a project
// row of 30 bytes costs about 2 KB (about 90 times its size). Rows known
// to be bad before they are decoded cost far less; see hostileFiles.
func allocBound(n int) uint64 { return 128*uint64(n) + 1<<20 }

// loadMeasured loads the good fixture with one file replaced by body and
// returns what the load allocated, how long it took and what it said.
func loadMeasured(good fstest.MapFS, name string, body []byte, limit int64) (alloc uint64, took time.Duration, ps Problems) {
	m := fstest.MapFS{}
	for k, v := range good {
		m[k] = v
	}
	m[name] = &fstest.MapFile{Data: body}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	d, err := Loader{MaxFileBytes: limit}.Load(m)
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	if err != nil {
		ps = err.(Problems)
	} else {
		ps = d.Warnings
	}
	return after.TotalAlloc - before.TotalAlloc, took, ps
}

// repeatTo repeats a row until the file is about size bytes.
func repeatTo(header, row string, size int) []byte {
	var b strings.Builder
	b.Grow(size + len(row))
	b.WriteString(header)
	vary := strings.Contains(row, "#")
	for i := 0; b.Len() < size; i++ {
		if !vary {
			b.WriteString(row)
			continue
		}
		r := strings.ReplaceAll(row, "#+", strconv.Itoa(i+1))
		b.WriteString(strings.ReplaceAll(r, "#", strconv.Itoa(i)))
	}
	return []byte(b.String())
}

func projectsHeader() string { return headerLine(schemaColumns(ProjectsFile)) + "\n" }

// hostileFiles are files of every shape that once cost far more than
// their size, about size bytes each.
func hostileFiles(size int) map[string]struct {
	file string
	body []byte
} {
	h := projectsHeader()
	cells := func(vals map[int]string) string {
		row := make([]string, 25)
		for i, v := range vals {
			row[i] = v
		}
		return strings.Join(row, ",") + "\n"
	}
	numbers := map[int]string{0: "p#", 1: "a", 2: "health", 17: "planned", 24: "s1"}
	for _, c := range []int{5, 6, 11, 13, 14, 15, 19, 20} {
		numbers[c] = "x"
	}
	items := strings.Repeat("a;", 2400)
	out := map[string]struct {
		file string
		body []byte
	}{
		"one-letter rows":              {ProjectsFile, repeatTo(h, "a\n", size)},
		"numbered short rows":          {ProjectsFile, repeatTo(h, "#\n", size)},
		"rows of empty cells":          {ProjectsFile, repeatTo(h, strings.Repeat(",", 24)+"\n", size)},
		"rows of one letter each cell": {ProjectsFile, repeatTo(h, strings.TrimSuffix(strings.Repeat("a,", 25), ",")+"\n", size)},
		"same id on every row":         {ProjectsFile, repeatTo(h, cells(map[int]string{0: "a", 1: "a", 2: "health", 17: "planned", 24: "s1"}), size)},
		"bad numbers":                  {ProjectsFile, repeatTo(h, cells(numbers), size)},
		"dangling list items":          {ProjectsFile, repeatTo(h, cells(map[int]string{0: "p#", 1: "a", 2: "health", 17: "planned", 21: items, 24: items}), size)},
		"one very wide row":            {ProjectsFile, []byte(h + strings.Repeat(",", size) + "\n")},
		"a very wide header":           {ProjectsFile, []byte(strings.Repeat("x,", size/2) + "\n")},
		"quoted line breaks":           {ProjectsFile, []byte(h + `"` + strings.Repeat("\n", size) + `"` + "\n")},
		"long cells":                   {ProjectsFile, repeatTo(h, "a,"+strings.Repeat("b", 6000)+"\n", size)},
		"NUL bytes":                    {ProjectsFile, repeatTo(h, "\x00\n", size)},
		"lone CRs":                     {ProjectsFile, repeatTo(h, "a\r", size)},
		"part_of dangling":             {ProjectsFile, repeatTo(h, cells(map[int]string{0: "p#", 1: "a", 2: "health", 16: "p#x", 17: "planned", 24: "s1"}), size)},
		"part_of chain":                {ProjectsFile, repeatTo(h, cells(map[int]string{0: "p#", 1: "a", 2: "health", 11: "#+", 12: "loan", 16: "p#+", 17: "planned", 24: "s1"}), size)},
		"milestones related":           {MilestonesFile, repeatTo("date,title,description,kind,related,sources\n", "2024,a,,agreement,"+items+",s1\n", size)},
		"required cells only":          {ProjectsFile, repeatTo(requiredHeader(), "p#,a,a,a,a"+strings.Repeat(",", 16)+"\n", size)},
		"unknown columns":              {SourcesFile, []byte("id,title,publisher,date,url," + strings.Repeat("x,", 150) + "\n")},
	}
	return out
}

// A hostile file of 2 MB loads in a small multiple of its size and in
// a few seconds at most, and its problems are capped.
func TestHostileFilesBounded(t *testing.T) {
	good := goodFS(t)
	const size = 2 << 20
	for name, f := range hostileFiles(size) {
		t.Run(strings.ReplaceAll(name, " ", "-"), func(t *testing.T) {
			alloc, took, ps := loadMeasured(good, f.file, f.body, 1<<30)
			t.Logf("%s, %d bytes: %.1f MB allocated (%.1f× the file), %v, %d problems listed, %d found", name, len(f.body), float64(alloc)/(1<<20), float64(alloc)/float64(len(f.body)), took.Round(time.Millisecond), len(ps), ps.Count())
			if alloc > allocBound(len(f.body)) {
				t.Errorf("allocated %d bytes for a file of %d", alloc, len(f.body))
			}
			if len(ps) > MaxProblems+50 {
				t.Errorf("%d problems kept", len(ps))
			}
		})
	}
}

// requiredHeader is the shortest header projects.csv may have: its
// required columns, the required-not-empty ones first.
func requiredHeader() string {
	var names []string
	for _, c := range schemaColumns(ProjectsFile) {
		if c.Required && c.NotEmpty {
			names = append(names, c.Name)
		}
	}
	for _, c := range schemaColumns(ProjectsFile) {
		if c.Required && !c.NotEmpty {
			names = append(names, c.Name)
		}
	}
	return strings.Join(names, ",") + "\n"
}
