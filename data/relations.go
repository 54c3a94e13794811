package data

// The links between rows, as the detail pane shows them. Each returns row
// numbers into the named slice of the Dataset.

// MineralSectors are the sectors that list the mineral.
func (d *Dataset) MineralSectors(id string) []int {
	var out []int
	for i := range d.Sectors {
		if d.Sectors[i].Minerals.Has(id) {
			out = append(out, i)
		}
	}
	return out
}

// MineralProjects are the projects that concern the mineral.
func (d *Dataset) MineralProjects(id string) []int {
	var out []int
	for i := range d.Projects {
		if d.Projects[i].Minerals.Has(id) {
			out = append(out, i)
		}
	}
	return out
}

// SectorProjects are the projects of the sector.
func (d *Dataset) SectorProjects(id string) []int {
	var out []int
	for i := range d.Projects {
		if d.Projects[i].Sector == id {
			out = append(out, i)
		}
	}
	return out
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
	var out []int
	for i := range d.Milestones {
		if d.Milestones[i].Related.Has(id) {
			out = append(out, i)
		}
	}
	return out
}

// CitedBy counts the rows of the five other files that cite each source.
func (d *Dataset) CitedBy(sourceID string) int {
	n := 0
	for _, t := range d.tables {
		if t.Name() == "sources" {
			continue
		}
		for r := 0; r < t.Len(); r++ {
			if t.Sources(r).Has(sourceID) {
				n++
			}
		}
	}
	return n
}

// SourcesCited lists, once each and in the order first cited, the sources
// the given rows of a table cite (every row when rows is nil).
func (d *Dataset) SourcesCited(table string, rows []int) List {
	t := d.Table(table)
	if t == nil {
		return nil
	}
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
	var out []int
	for i := range d.Deposits {
		if d.Deposits[i].Minerals.Has(id) {
			out = append(out, i)
		}
	}
	return out
}
