package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"uzkor/data"
)

// Every slide has three to five talking points, none empty, on the test
// data and on the bundled data.
func TestEverySlideHasNotes(t *testing.T) {
	for name, d := range map[string]*data.Dataset{"fixture": fixture(t), "bundled": bundled(t)} {
		u, _ := openUI(t, test.NewTempApp(t), d)
		apply(t, u, "projects", data.Query{Text: "health"})
		for _, s := range u.slides(u.current()) {
			if s.notes == nil {
				t.Errorf("%s: %q has no notes", name, s.title)
				continue
			}
			n := s.notes()
			if len(n) < 3 || len(n) > maxNotes {
				t.Errorf("%s: %q has %d points: %q", name, s.title, len(n), n)
			}
			for _, p := range n {
				if strings.TrimSpace(p) == "" || strings.Contains(" "+p, " 0 projects") {
					t.Errorf("%s: %q: point %q", name, s.title, p)
				}
			}
		}
	}
}

// notesOf are the notes of the slide with an id.
func notesOf(t *testing.T, u *UI, id string) string {
	t.Helper()
	for _, s := range u.slides(u.current()) {
		if s.id == id {
			return strings.Join(s.notes(), "\n")
		}
	}
	t.Fatalf("no slide %s", id)
	return ""
}

// The notes say the figures the data gives, with their years and sources,
// computed here again from the data's own API; amounts of different kinds
// are never added.
func TestNotesCiteTheData(t *testing.T) {
	d := bundled(t)
	u, _ := openUI(t, test.NewTempApp(t), d)
	var health []int
	for r, p := range d.Projects {
		if p.Sector == "health" {
			health = append(health, r)
		}
	}
	onc, _ := d.Project("national-oncology-center")
	src, _ := d.Source(onc.Sources[0])
	want := "Health care: " + projectsText(len(health)) + "; " + data.FormatBasisTotals(d.TotalsByBasis(health), true) +
		"; the largest: National Oncology Center, " + data.FormatAmount(onc.AmountUSDm, onc.AmountBasis, onc.AmountYear) + " from Korea Eximbank (EDCF); source: " + src.Publisher + ", " + data.FormatDate(src.Date)
	funding := notesOf(t, u, "overview:Funding by sector, by kind of amount")
	if !strings.Contains(funding, want) {
		t.Errorf("funding notes:\n%s\nwant a point beginning\n%s", funding, want)
	}
	// Loans and grants of the sector stay apart: their sum is nowhere.
	var sum float64
	kinds := 0
	for _, b := range d.TotalsByBasis(health) {
		if b.Known > 0 {
			sum += b.Amount
			kinds++
		}
	}
	if s := data.FormatMoney(data.Num(sum)); kinds > 1 && strings.Contains(funding, s) {
		t.Errorf("the notes add %d kinds of amount: %s", kinds, s)
	}
	// Headline figures: each indicator's value, period and source.
	heads := notesOf(t, u, "overview:Headline figures")
	for _, id := range []string{"investment", "companies", "edcf-programme", "trade"} {
		in, _ := d.Latest(id)
		s, _ := d.Source(in.Sources[0])
		for _, w := range []string{data.IndicatorValue(in), data.IndicatorPeriod(in), s.Publisher} {
			if !strings.Contains(heads, w) {
				t.Errorf("headline notes lack %q (%s):\n%s", w, id, heads)
			}
		}
	}
	// Minerals: the production and rank cells as the list shows them.
	minerals := notesOf(t, u, "minerals:Top minerals")
	u238, _ := d.Mineral("uranium")
	for _, w := range []string{d.ProductionCell(u238), d.RankCell(u238)} {
		if !strings.Contains(minerals, w) {
			t.Errorf("mineral notes lack %q:\n%s", w, minerals)
		}
	}
	// Milestones: the newest with its date and source.
	miles := notesOf(t, u, "timeline:Recent milestones")
	newest := d.Milestones[0]
	for _, m := range d.Milestones {
		if newest.Date.Before(m.Date) {
			newest = m
		}
	}
	ms, _ := d.Source(newest.Sources[0])
	for _, w := range []string{data.FormatDate(newest.Date), newest.Title, ms.Publisher} {
		if !strings.Contains(miles, w) {
			t.Errorf("milestone notes lack %q:\n%s", w, miles)
		}
	}
	// A filtered list: its count and its amounts kind by kind.
	lv := apply(t, u, "projects", data.Query{Text: "health"})
	list := notesOf(t, u, u.slides(u.current())[0].id)
	rows := lv.view.Rows()
	for _, w := range []string{plural(len(rows), "project") + " of " + itoa(len(d.Projects)), data.FormatBasisTotals(d.TotalsByBasis(rows), true)} {
		if !strings.Contains(list, w) {
			t.Errorf("list notes lack %q:\n%s", w, list)
		}
	}
}
