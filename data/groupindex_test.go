package data

import (
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
