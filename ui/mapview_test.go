package ui

import (
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
	v := u.geomap
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
	_, v := mapUI(t)
	// Own coordinates first, then the town, then the region's centre.
	mur := v.markers[markerNamed(t, v, "Muruntau")]
	if mur.basis != data.OwnCoordinates || mur.pt.Lat != 41.4958 {
		t.Errorf("Muruntau %+v", mur)
	}
	gtl := v.markers[markerNamed(t, v, "Uzbekistan GTL (Oltin Yo'l GTL) gas-to-liquids plant")]
	if gtl.basis != data.TownLocation {
		t.Errorf("GTL placed by %v", gtl.basis)
	}
	sar := v.markers[markerNamed(t, v, "Sautbay")]
	if sar.basis != data.RegionCentre {
		t.Errorf("Sautbay placed by %v", sar.basis)
	}
	if code, ok := v.geo.RegionAt(sar.pt); !ok || code != "UZ-NW" {
		t.Errorf("Sautbay's region centre is in %s", code)
	}
	// Rows with no location are listed under the map.
	if !strings.Contains(v.missing.Text, "National Oncology Center") || !strings.Contains(v.missing.Text, "Koytash (deposit)") {
		t.Errorf("missing list %q", v.missing.Text)
	}
	if got := len(v.markers) + len(v.nowhere); got != len(v.ui.data.Projects)+len(v.ui.data.Deposits) {
		t.Errorf("%d placed or listed of %d", got, len(v.ui.data.Projects)+len(v.ui.data.Deposits))
	}
}

func TestMapHoverAndClick(t *testing.T) {
	u, v := mapUI(t)
	mi := markerNamed(t, v, "Muruntau")
	spot := v.m.rend.spots[mi]
	at := fyne.NewPos(float32(spot.X), float32(spot.Y))
	v.m.MouseMoved(desktopMouse(at))
	if !strings.HasPrefix(v.hover.Text, "Muruntau — deposit of Gold") {
		t.Errorf("hover %q", v.hover.Text)
	}
	test.TapAt(v.m, at)
	if v.detail.title != "Muruntau" || !strings.Contains(v.detail.Text(), "own coordinates") {
		t.Errorf("detail %q", v.detail.Text())
	}
	// Tashkent city is found inside Tashkent Region.
	pr := v.m.project()
	tk, _ := v.geo.Region("UZ-TK")
	x, y := pr.Project(tk.Center)
	if code := v.m.regionAt(fyne.NewPos(float32(x), float32(y))); code != "UZ-TK" {
		t.Errorf("Tashkent city centre hit %q", code)
	}
	// A region: Karakalpakstan's centre, away from its marker.
	reg, _ := v.geo.Region("UZ-QR")
	x, y = pr.Project(data.Point{Lat: reg.Center.Lat + 0.8, Lon: reg.Center.Lon + 0.8})
	at = fyne.NewPos(float32(x), float32(y))
	v.m.MouseMoved(desktopMouse(at))
	if !strings.HasPrefix(v.hover.Text, "Republic of Karakalpakstan: ") {
		t.Errorf("region hover %q", v.hover.Text)
	}
	test.TapAt(v.m, at)
	if u.CurrentTab() != "projects" || u.projects.view.Query().Facets["region"] != "UZ-QR" {
		t.Errorf("region click: %s %+v", u.CurrentTab(), u.projects.view.Query())
	}
	for _, r := range u.projects.view.Rows() {
		if !u.data.Projects[r].Region.Has("UZ-QR") {
			t.Errorf("%s is not in Karakalpakstan", u.data.Projects[r].ID)
		}
	}
}

func TestMapLayers(t *testing.T) {
	_, v := mapUI(t)
	mi := markerNamed(t, v, "Muruntau")
	v.layers["deposits"].SetChecked(false)
	if v.m.rend.shapes[mi].Visible() {
		t.Error("deposits still shown")
	}
	spot := v.m.rend.spots[mi]
	if v.m.markerAt(fyne.NewPos(float32(spot.X), float32(spot.Y))) == mi {
		t.Error("a hidden marker can be clicked")
	}
	v.layers["deposits"].SetChecked(true)
	if !v.m.rend.shapes[mi].Visible() {
		t.Error("deposits not shown again")
	}
	// Shading: the region with the most known funding is the darkest.
	v.shade.SetSelected(shadeFunding)
	f, ok := v.shading("UZ-QR")
	if !ok || f != 1 {
		t.Errorf("Karakalpakstan shade %v %v", f, ok)
	}
	if _, ok := v.shading("UZ-SU"); ok {
		t.Error("a region with no projects is shaded")
	}
	v.shade.SetSelected(shadeNone)
	if _, ok := v.shading("UZ-QR"); ok {
		t.Error("shaded with no shading chosen")
	}
}

func TestMapRendersAndSlide(t *testing.T) {
	a := test.NewTempApp(t)
	d := bundled(t)
	for _, th := range []string{"light", "projector", "dark"} {
		img, err := Render(a, d, Shot{Tab: "map", Theme: th, Size: fyne.NewSize(1000, 700)})
		if err != nil {
			t.Fatal(err)
		}
		if colours(img) < 30 {
			t.Errorf("%s: the map looks blank", th)
		}
	}
	u := build(a, d, nil, themeLight)
	found := false
	for _, s := range u.slides(nil) {
		if s.title == "Map" {
			found = true
			if !strings.Contains(s.source, "credited on the map") {
				t.Errorf("map slide source %q", s.source)
			}
		}
	}
	if !found {
		t.Error("the map is not a slide")
	}
}
