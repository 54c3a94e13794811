package data

import (
	"reflect"
	"slices"
	"sync"
	"testing"
)

// Warm may run while the window reads the data set: the indexes are made
// once, whoever asks first, and the counts are the same.
func TestWarmWhileCounting(t *testing.T) {
	d := loadGood(t)
	want, err := d.GroupProjects("status", nil)
	if err != nil {
		t.Fatal(err)
	}
	d.buildTables() // a new cache: nothing made yet
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); d.Warm("status", "funder") }()
	var got []Group
	go func() {
		defer wg.Done()
		got, _ = d.GroupProjects("status", nil)
		NewView(d.Table("projects"), nil)
	}()
	wg.Wait()
	if len(got) != len(want) {
		t.Fatalf("%d groups while warming, %d before", len(got), len(want))
	}
	for i := range got {
		if got[i].Key != want[i].Key || got[i].Count != want[i].Count || got[i].Amount != want[i].Amount {
			t.Errorf("group %d: %+v while warming, %+v before", i, got[i], want[i])
		}
	}
}

// Warm makes the group indexes of the columns named, and those alone.
func TestWarmGroupsTheColumnsNamed(t *testing.T) {
	d := loadGood(t)
	d.buildTables()
	d.Warm("funder", "status", "no-such-column")
	if got := d.GroupedColumns(); len(got) != 2 || got[0] != "funder" || got[1] != "status" {
		t.Errorf("grouped after Warm: %v, want [funder status]", got)
	}
}

// Prepare makes the indexes of the columns named, the projects' cited
// sources and amounts, side by side and while others ask for them, and
// what it makes counts as made before.
func TestPrepareWhileCounting(t *testing.T) {
	d := loadGood(t)
	wantGroups, err := d.GroupProjectsByBasis("sector", nil)
	if err != nil {
		t.Fatal(err)
	}
	wantCited := d.SourcesCited("projects", nil)
	wantTotals := d.TotalsByBasis(nil)
	d.buildTables() // a new cache: nothing made yet
	var wg sync.WaitGroup
	var gotGroups []BasisGroup
	var gotCited List
	wg.Go(func() { d.Prepare("sector", "status", "no-such-column") })
	wg.Go(func() { gotGroups, _ = d.GroupProjectsByBasis("sector", nil) })
	wg.Go(func() { gotCited = d.SourcesCited("projects", nil) })
	wg.Go(func() { d.Warm("status", "funder") })
	wg.Wait()
	if got := d.GroupedColumns(); len(got) != 3 || got[0] != "sector" || got[1] != "funder" || got[2] != "status" {
		t.Errorf("grouped: %v, want [sector funder status] in schema order", got)
	}
	if len(gotGroups) != len(wantGroups) || len(gotGroups) == 0 {
		t.Fatalf("%d sector groups while preparing, %d before", len(gotGroups), len(wantGroups))
	}
	for i := range gotGroups {
		if gotGroups[i].Key != wantGroups[i].Key || gotGroups[i].Count != wantGroups[i].Count {
			t.Errorf("group %d: %+v while preparing, %+v before", i, gotGroups[i], wantGroups[i])
		}
	}
	if len(gotCited) == 0 || !slices.Equal(gotCited, wantCited) || !slices.Equal(d.SourcesCited("projects", nil), wantCited) {
		t.Errorf("sources cited: %v while preparing, %v before", gotCited, wantCited)
	}
	if got := d.TotalsByBasis(nil); !reflect.DeepEqual(got, wantTotals) {
		t.Errorf("totals: %+v after preparing, %+v before", got, wantTotals)
	}
}
