package data

// gocsv decodes each row through the row type's UnmarshalCSVWithFields
// when it has one: one call per cell with the column's name, instead of
// reflection on every cell. The setters come from the same column list as
// everything else.
var (
	mineralSetters   map[string]func(*Mineral, string)
	sectorSetters    map[string]func(*Sector, string)
	projectSetters   map[string]func(*Project, string)
	indicatorSetters map[string]func(*Indicator, string)
	milestoneSetters map[string]func(*Milestone, string)
	sourceSetters    map[string]func(*Source, string)
	depositSetters   map[string]func(*Deposit, string)
)

func init() {
	d := schema()
	mineralSetters = d.tabMinerals.setters()
	sectorSetters = d.tabSectors.setters()
	projectSetters = d.tabProjects.setters()
	indicatorSetters = d.tabIndicators.setters()
	milestoneSetters = d.tabMilestones.setters()
	sourceSetters = d.tabSources.setters()
	depositSetters = d.tabDeposits.setters()
}

func set[R any](m map[string]func(*R, string), r *R, key, value string) error {
	if f, ok := m[key]; ok {
		f(r, value)
	}
	return nil
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Mineral) UnmarshalCSVWithFields(key, value string) error {
	return set(mineralSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Sector) UnmarshalCSVWithFields(key, value string) error {
	return set(sectorSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Project) UnmarshalCSVWithFields(key, value string) error {
	return set(projectSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Indicator) UnmarshalCSVWithFields(key, value string) error {
	return set(indicatorSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Milestone) UnmarshalCSVWithFields(key, value string) error {
	return set(milestoneSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Source) UnmarshalCSVWithFields(key, value string) error {
	return set(sourceSetters, r, key, value)
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (r *Deposit) UnmarshalCSVWithFields(key, value string) error {
	return set(depositSetters, r, key, value)
}
