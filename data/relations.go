package data

import "slices"

// The links between rows, as the detail pane shows them. Each returns row
// numbers into the named slice of the Dataset.

// rowsWhere lists the rows of a table that match.
func rowsWhere[R any](t *table[R], match func(*R) bool) []int {
	var out []int
	for i := range t.Len() {
		if match(t.row(i)) {
			out = append(out, i)
		}
	}
	return out
}

// MineralSectors are the sectors that list the mineral.
func (d *Dataset) MineralSectors(id string) []int {
	return rowsWhere(d.tabSectors, func(r *Sector) bool { return r.Minerals.Has(id) })
}

// MineralProjects are the projects that concern the mineral.
func (d *Dataset) MineralProjects(id string) []int {
	return rowsWhere(d.tabProjects, func(r *Project) bool { return r.Minerals.Has(id) })
}

// SectorProjects are the projects of the sector.
func (d *Dataset) SectorProjects(id string) []int {
	return rowsWhere(d.tabProjects, func(r *Project) bool { return r.Sector == id })
}

// SectorMinerals are the minerals the sector lists, then those its projects
// concern, each once.
func (d *Dataset) SectorMinerals(id string) []int {
	s, ok := d.Sector(id)
	if !ok {
		return nil
	}
	seen := map[int]bool{}
	var out []int
	addAll := func(ids List) {
		for _, m := range ids {
			if i, ok := d.mineralByID[m]; ok && !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	addAll(s.Minerals)
	for _, p := range d.SectorProjects(id) {
		addAll(d.Projects[p].Minerals)
	}
	return out
}

// ProjectMinerals are the minerals the project concerns.
func (d *Dataset) ProjectMinerals(id string) []int {
	p, ok := d.Project(id)
	if !ok {
		return nil
	}
	var out []int
	for _, m := range p.Minerals {
		if i, ok := d.mineralByID[m]; ok {
			out = append(out, i)
		}
	}
	return out
}

// SourcesOf resolves source ids to rows of Sources, skipping unknown ids.
func (d *Dataset) SourcesOf(ids List) []int {
	var out []int
	for _, id := range ids {
		if i, ok := d.sourceByID[id]; ok {
			out = append(out, i)
		}
	}
	return out
}

// MilestonesOf are the milestones related to a mineral, sector or project.
func (d *Dataset) MilestonesOf(id string) []int {
	return rowsWhere(d.tabMilestones, func(r *Milestone) bool { return r.Related.Has(id) })
}

// SourcesCited lists, once each and in the order first cited, the sources
// the given rows of a table cite (every row when rows is nil).
func (d *Dataset) SourcesCited(table string, rows []int) List {
	t := d.Table(table)
	if t == nil {
		return nil
	}
	if rows == nil {
		// Every row's: made once per data set, as the Overview's
		// subtitle and the workbook count them.
		c := d.groups()
		c.mu.Lock()
		o := c.cited[table]
		if o == nil {
			o = &once[List]{}
			c.cited[table] = o
		}
		c.mu.Unlock()
		// Clipped: a caller that appends to it gets a copy.
		return o.get(func() List { return slices.Clip(sourcesCited(t, nil)) })
	}
	return sourcesCited(t, rows)
}

func sourcesCited(t Table, rows []int) List {
	seen := map[string]bool{}
	var out List
	add := func(r int) {
		for _, s := range t.Sources(r) {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	if rows == nil {
		for r := 0; r < t.Len(); r++ {
			add(r)
		}
	} else {
		for _, r := range rows {
			add(r)
		}
	}
	return out
}

// CitationCounts counts, for every source id, the rows of the five other
// files that cite it, in one pass.
func (d *Dataset) CitationCounts() map[string]int {
	counts := map[string]int{}
	for _, t := range d.tables {
		if t.Name() == "sources" {
			continue
		}
		for r := 0; r < t.Len(); r++ {
			for _, s := range t.Sources(r) {
				counts[s]++
			}
		}
	}
	return counts
}

// MineralDeposits are the deposits of a mineral.
func (d *Dataset) MineralDeposits(id string) []int {
	return rowsWhere(d.tabDeposits, func(r *Deposit) bool { return r.Minerals.Has(id) })
}
