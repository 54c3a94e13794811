package data

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

func TestProblemKind(t *testing.T) {
	tests := []struct {
		p    Problem
		want string
	}{
		{Problem{Column: "sector", Msg: `"medicine" is not an id in sectors.csv`}, `column "sector": "…" is not an id in sectors.csv`},
		{Problem{Msg: "the row has 1 cells, the header 25"}, "the row has N cells, the header N"},
		{Problem{Msg: "byte 0xE7 at character 83 is not UTF-8"}, "byte N at character N is not UTF-N"},
		{Problem{Column: "part_of", Msg: "the projects are parts of each other: a → b → a"}, `column "part_of": the projects are parts of each other: …`},
		{Problem{Msg: `"a \"quoted\" cell" is odd`, Warning: true}, `warning: "…" is odd`},
	}
	for _, tt := range tests {
		if got := tt.p.Kind(); got != tt.want {
			t.Errorf("%q: kind %q, want %q", tt.p.Msg, got, tt.want)
		}
	}
	// Problems of one kind share a key; of different kinds, not.
	a := keyOf(Problem{File: "p.csv", Column: "sector", Msg: `"x" is not an id in sectors.csv`})
	b := keyOf(Problem{File: "p.csv", Column: "sector", Msg: `"yy" is not an id in sectors.csv`})
	c := keyOf(Problem{File: "p.csv", Column: "sector", Msg: `"x" is not an id in minerals.csv`})
	d := keyOf(Problem{File: "q.csv", Column: "sector", Msg: `"x" is not an id in sectors.csv`})
	if a != b || a == c || a == d {
		t.Errorf("keys: %v %v %v %v", a, b, c, d)
	}
}

// The collector keeps the first MaxProblems, then the first of each new
// kind, counts the rest by kind, and puts each kind's summary after its
// last problem kept.
func TestCollector(t *testing.T) {
	c := newCollector()
	for i := range 3000 {
		c.add(Problem{File: "projects.csv", Line: i + 2, Msg: fmt.Sprintf("the row has %d cells, the header 25", i%3)})
	}
	c.add(Problem{File: "projects.csv", Line: 5000, Column: "sector", Msg: `"x" is not an id in sectors.csv`})
	c.add(Problem{File: "projects.csv", Line: 5001, Column: "sector", Msg: `"y" is not an id in sectors.csv`})
	ps := c.problems()
	if len(ps) != MaxProblems+3 || ps.Count() != 3002 {
		t.Fatalf("%d listed, %d found", len(ps), ps.Count())
	}
	sum := ps[MaxProblems]
	if sum.More != 2000 || sum.String() != "projects.csv: … and 2,000 more like these (lines 1,002 to 3,001)" {
		t.Errorf("summary %q", sum.String())
	}
	if ps[MaxProblems+1].Column != "sector" || ps[MaxProblems+2].String() != `projects.csv: column "sector": … and 1 more like these (line 5,001)` {
		t.Errorf("the new kind: %q, %q", ps[MaxProblems+1], ps[MaxProblems+2])
	}
	// A summary added to another collector adds its count.
	c2 := newCollector()
	for _, p := range ps {
		c2.add(p)
	}
	if got := c2.problems(); got.Count() != 3002 || len(got) != len(ps) {
		t.Errorf("merged: %d listed, %d found", len(got), got.Count())
	}
}

// Counts stay exact when the rows are checked on several processors.
func TestProblemCountsExact(t *testing.T) {
	m := goodFS(t)
	var b strings.Builder
	b.WriteString(projectsHeader())
	const n = 30000
	for i := range n {
		fmt.Fprintf(&b, "p%d,P,medicine,,,,,,,,,,,,,,,planned,,,,,,,s1\n", i)
	}
	m[ProjectsFile] = &fstest.MapFile{Data: []byte(b.String())}
	_, err := Loader{MaxFileBytes: 1 << 30}.Load(m)
	ps, _ := err.(Problems)
	if ps.Count() != n || len(ps) != MaxProblems+1 {
		t.Fatalf("%d listed, %d found", len(ps), ps.Count())
	}
	if got := ps[len(ps)-1].String(); got != `projects.csv: column "sector": … and 29,000 more like these (lines 1,002 to 30,001)` {
		t.Errorf("summary %q", got)
	}
	if ps[0].Line != 2 || ps[MaxProblems-1].Line != MaxProblems+1 {
		t.Errorf("not the first ones kept: lines %d to %d", ps[0].Line, ps[MaxProblems-1].Line)
	}
}

// A long loop of part_of is found in one pass, and each of its projects
// is told about it in a message of bounded length.
func TestLongPartOfLoop(t *testing.T) {
	m := goodFS(t)
	var b strings.Builder
	b.WriteString(projectsHeader())
	const n = 5000
	for i := range n {
		fmt.Fprintf(&b, "p%d,P,health,,,,,,,,,,,,,,p%d,planned,,,,,,,s1\n", i, (i+1)%n)
	}
	m[ProjectsFile] = &fstest.MapFile{Data: []byte(b.String())}
	_, err := Load(m)
	ps, _ := err.(Problems)
	if ps.Count() != n {
		t.Fatalf("%d found", ps.Count())
	}
	want := `projects.csv:2: column "part_of": the projects are parts of each other: p0 → p1 → p2 → p3 → p4 → p5 → … → p4999 → p0 (5000 projects)`
	if !strings.HasPrefix(ps[0].String(), want) {
		t.Errorf("got %s", ps[0])
	}
}
