package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"uzkor/data"
)

func mapUI(t *testing.T) (*UI, *mapView) {
	u, w := newTestUI(t)
	w.Resize(fyne.NewSize(1600, 1000))
	u.ShowTab("map")
	v := viewOf[*mapView](t, u, "map")
	if v.geo == nil {
		t.Fatal("no geography")
	}
	v.m.Resize(fyne.NewSize(1000, 700))
	v.m.Refresh()
	return u, v
}

// markerNamed finds a marker by the name of its row.
func markerNamed(t *testing.T, v *mapView, name string) int {
	for i, m := range v.markers {
		if m.name == name {
			return i
		}
	}
	t.Fatalf("no marker %q", name)
	return -1
}

func TestMapPlacesRows(t *testing.T) {
	u, v := mapUI(t)
	// Own coordinates first, then the town, then the region's centre.
	mur := v.markers[markerNamed(t, v, "Muruntau")]
	if mur.basis != data.OwnCoordinates || mur.pt.Lat != 41.4958 {
		t.Errorf("Muruntau %+v", mur)
	}
	onc := v.markers[markerNamed(t, v, "National Oncology Center")]
	if onc.basis != data.TownLocation {
		t.Errorf("the oncology centre placed by %v", onc.basis)
	}
	ing := v.markers[markerNamed(t, v, "Ingichka")]
	if ing.basis != data.RegionCentre {
		t.Errorf("Ingichka placed by %v", ing.basis)
	}
	if code, ok := v.geo.RegionAt(ing.pt); !ok || code != "UZ-SA" {
		t.Errorf("Ingichka's region centre is in %s", code)
	}
	if got := len(v.markers) + len(v.nowhere); got != len(u.data.Projects)+len(u.data.Deposits) {
		t.Errorf("%d placed or listed of %d", got, len(u.data.Projects)+len(u.data.Deposits))
	}
	mustShow(t, seen(v.content()), "Legend", "Deposit", "Project: planned", "Samarqand", "Navoiy")
}

// A row with no location at all is listed under the map, not dropped.
func TestMapListsTheUnplaced(t *testing.T) {
	a := test.NewTempApp(t)
	d := fixture(t)
	d.Projects[0].Region = nil
	u, _ := openUI(t, a, d)
	u.ShowTab("map")
	v := viewOf[*mapView](t, u, "map")
	mustShow(t, seen(v.content()), "No location (no coordinates, town or region in the data): Uzbekistan-Korea Tungsten JV.")
}

// spotIn finds a point of a region with no marker on it.
func spotIn(t *testing.T, v *mapView, code string) fyne.Position {
	t.Helper()
	s := v.m.Size()
	for y := float32(5); y < s.Height; y += 7 {
		for x := float32(5); x < s.Width; x += 7 {
			p := fyne.NewPos(x, y)
			if v.m.regionAt(p) == code && v.m.markerAt(p) < 0 {
				return p
			}
		}
	}
	t.Fatalf("no free point in %s", code)
	return fyne.Position{}
}

func TestMapHoverAndClick(t *testing.T) {
	u, v := mapUI(t)
	mi := markerNamed(t, v, "Muruntau")
	spot := v.m.rend.spots[mi]
	at := fyne.NewPos(float32(spot.X), float32(spot.Y))
	v.m.MouseMoved(desktopMouse(at))
	mustShow(t, seen(v.hover), "Muruntau — deposit of Gold")
	test.TapAt(v.m, at)
	mustShow(t, seen(v.detail.content()), "Muruntau", "own coordinates", "Interview with the minister")
	// Tashkent city is found inside Tashkent Region.
	pr := v.m.project()
	tk, _ := v.geo.Region("UZ-TK")
	x, y := pr.Project(tk.Center)
	if code := v.m.regionAt(fyne.NewPos(float32(x), float32(y))); code != "UZ-TK" {
		t.Errorf("Tashkent city centre hit %q", code)
	}
	// A region: hover names it with its figures; a click lists its projects.
	at = spotIn(t, v, "UZ-TO")
	v.m.MouseMoved(desktopMouse(at))
	mustShow(t, seen(v.hover), "Tashkent Region: 1 project")
	test.TapAt(v.m, at)
	p := listOf(t, u, "projects")
	if u.CurrentTab() != "projects" || !slices.Equal(visibleIDs(p), []string{"rare-metals"}) {
		t.Errorf("region click: %s %v", u.CurrentTab(), visibleIDs(p))
	}
}

func TestMapLayers(t *testing.T) {
	_, v := mapUI(t)
	mi := markerNamed(t, v, "Muruntau")
	v.layers["deposits"].SetChecked(false)
	if drawn(v, mi) {
		t.Error("deposits still shown")
	}
	spot := v.m.rend.spots[mi]
	if v.m.markerAt(fyne.NewPos(float32(spot.X), float32(spot.Y))) == mi {
		t.Error("a hidden marker can be clicked")
	}
	v.layers["deposits"].SetChecked(true)
	if !drawn(v, mi) {
		t.Error("deposits not shown again")
	}
	// Shading: the region with the most known funding is the darkest.
	v.shade.SetSelected(shadeBasis(data.BasisLoan))
	f, ok := v.shading("UZ-TK")
	if !ok || f != 1 {
		t.Errorf("Tashkent city shade %v %v", f, ok)
	}
	if _, ok := v.shading("UZ-SU"); ok {
		t.Error("a region with no projects is shaded")
	}
	if _, ok := v.shading("UZ-NW"); ok {
		t.Error("a region with an agreement but no loan is shaded by loans")
	}
	mustShow(t, seen(v.scale), "$0", "$227.5 m")
	// The choices are the kinds of amount there are: never one mixed sum.
	if !slices.Contains(v.shade.Options, "Shade: agreements") || slices.ContainsFunc(v.shade.Options, func(o string) bool { return strings.Contains(o, "funding") }) {
		t.Errorf("shading choices %q", v.shade.Options)
	}
	v.shade.SetSelected(shadeNone())
	if _, ok := v.shading("UZ-TK"); ok {
		t.Error("shaded with no shading chosen")
	}
}

func TestMapRendersAndSlide(t *testing.T) {
	a := test.NewTempApp(t)
	d := fixture(t)
	for _, th := range []string{"light", "projector", "dark"} {
		tree, err := shotTree(a, d, Shot{Tab: "map", Theme: th, Size: fyne.NewSize(1000, 700)})
		if err != nil {
			t.Fatal(err)
		}
		mustShow(t, seen(tree), "Legend", "Navoiy", attribution())
	}
	u := build(a, d, nil, themeLight)
	found := false
	for _, s := range u.slides(nil) {
		if s.title == "Map" {
			found = true
			if !strings.Contains(s.source, "credited on the map") {
				t.Errorf("map slide source %q", s.source)
			}
			mustShow(t, seen(s.build()), "Where the deposits and projects are", "Deposit")
		}
	}
	if !found {
		t.Error("the map is not a slide")
	}
}

// On the whole country, markers that would overlap are one disc with their
// count; hovering says what it holds, a click zooms in on them, and zoomed
// in each marker can be clicked. Zoom to Tashkent and Whole country work
// from the button.
func TestMapClustersAndZoom(t *testing.T) {
	_, v := mapUI(t)
	onc := markerNamed(t, v, "National Oncology Center")
	ch := markerNamed(t, v, "National Children's Medical Center")
	ci := v.m.rend.inCluster[onc]
	if ci < 0 || v.m.rend.inCluster[ch] != ci {
		t.Fatalf("the two Tashkent projects are not one cluster: %d %d", ci, v.m.rend.inCluster[ch])
	}
	if drawn(v, onc) {
		t.Error("a clustered marker is drawn on its own too")
	}
	c := v.m.rend.clusters[ci]
	at := fyne.NewPos(float32(c.at.X), float32(c.at.Y))
	mustShow(t, seen(v.m), "2")
	v.m.MouseMoved(desktopMouse(at))
	mustShow(t, seen(v.hover), "2 projects here: National Oncology Center; National Children's Medical Center · click to zoom in")
	test.TapAt(v.m, at)
	if v.focus == nil {
		t.Fatal("a click on a cluster did not zoom in")
	}
	if v.m.rend.inCluster[onc] >= 0 || !drawn(v, onc) || !drawn(v, ch) {
		t.Error("zoomed in, the markers are not drawn one by one")
	}
	a, b := v.m.rend.spots[onc], v.m.rend.spots[ch]
	if a == b {
		t.Error("two markers at one town are drawn on top of each other")
	}
	mustShow(t, seen(v.content()), "Whole country")
	test.Tap(v.zoom)
	if v.focus != nil || v.m.rend.inCluster[onc] < 0 {
		t.Error("Whole country did not zoom back out")
	}
	test.Tap(v.zoom)
	tk := v.tashkent()
	if v.focus == nil || *v.focus != tk {
		t.Errorf("Zoom to Tashkent: %v", v.focus)
	}
	mustShow(t, seen(v.m), "Tashkent city", "Tashkent")
}

// drawn reports whether a marker is drawn on its own.
func drawn(v *mapView, i int) bool {
	o := v.m.rend.shapes[i]
	return o != nil && o.Visible()
}

// A cluster's disc, drawn in the names' colour, never hides a region's
// name: the name moves under it.
func TestMapNamesClearOfClusters(t *testing.T) {
	_, v := mapUI(t)
	r := v.m.rend
	if len(r.clusters) == 0 {
		t.Fatal("no cluster on the whole country")
	}
	for _, name := range r.names {
		if !name.Visible() {
			continue
		}
		for _, c := range r.clusters {
			if discMeetsRect(c, name.Position(), name.Size()) {
				t.Errorf("the name %q is under a disc of %d at %v", name.Text, len(c.members), c.at)
			}
		}
	}
	// Nor are two names moved under one disc drawn over each other.
	for i, a := range r.names {
		for _, b := range r.names[i+1:] {
			if a.Visible() && b.Visible() && rectsMeet(a.Position(), a.Size(), b.Position(), b.Size()) {
				t.Errorf("the names %q and %q are drawn over each other", a.Text, b.Text)
			}
		}
	}
	mustShow(t, seen(v.m), "Tashkent")
}
