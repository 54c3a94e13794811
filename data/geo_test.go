package data

import (
	"math"
	"strings"
	"testing"
)

// fixtureGeo is a hand-made geography on a flat patch near the equator:
//
//   - UZ-AA: the square lon 0–10, lat 0–10 with a hole lon 4–6, lat 4–6;
//   - UZ-BB: the square lon 4–6, lat 4–6 that fills that hole, plus a
//     second, clockwise-wound part lon 12–13, lat 0–1;
//   - UZ-CC: a U, lon 20–30, lat 0–10, open to the north between lon 22
//     and 28 down to lat 2, whose centroid falls in the opening;
//   - XX-ZZ: a triangle whose code is not in RegionNames.
const fixtureGeoJSON = `{"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"shapeName":"Square with a hole","shapeISO":"UZ-AA"},
 "geometry":{"type":"Polygon","coordinates":[
  [[0,0],[10,0],[10,10],[0,10],[0,0]],
  [[4,4],[4,6],[6,6],[6,4],[4,4]]]}},
{"type":"Feature","properties":{"shapeName":"Plug","shapeISO":"UZ-BB"},
 "geometry":{"type":"MultiPolygon","coordinates":[
  [[[4,4],[6,4],[6,6],[4,6],[4,4]]],
  [[[12,0],[12,1],[13,1],[13,0],[12,0]]]]}},
{"type":"Feature","properties":{"shapeName":"U","shapeISO":"UZ-CC"},
 "geometry":{"type":"Polygon","coordinates":[
  [[20,0],[30,0],[30,10],[28,10],[28,2],[22,2],[22,10],[20,10],[20,0]]]}},
{"type":"Feature","properties":{"shapeName":"Triangle","shapeISO":"XX-ZZ"},
 "geometry":{"type":"Polygon","coordinates":[
  [[40,0],[50,0],[45,8,123],[40,0]]]}}
]}`

const fixturePlaces = "\ufeffname,latitude,longitude,source\n" +
	"Square Town,1,1,test\n" +
	"G‘uzor,5,5,test\n" +
	"\"U Town\",1,25,test\n"

func fixture(t testing.TB) *Geo {
	t.Helper()
	g, err := ParseGeo([]byte(fixtureGeoJSON), []byte(fixturePlaces))
	if err != nil {
		t.Fatalf("ParseGeo(fixture): %v", err)
	}
	return g
}

func TestGeoParseFixture(t *testing.T) {
	g := fixture(t)
	if got, want := strings.Join(g.Codes(), " "), "UZ-AA UZ-BB UZ-CC XX-ZZ"; got != want {
		t.Errorf("Codes() = %s, want %s", got, want)
	}
	for _, c := range []struct{ code, name, shape string }{
		{"UZ-AA", "Square with a hole", "Square with a hole"}, // RegionNames has no UZ-AA
		{"XX-ZZ", "Triangle", "Triangle"},
	} {
		r, ok := g.Region(c.code)
		if !ok {
			t.Fatalf("Region(%s) not found", c.code)
		}
		if r.ShapeName != c.shape {
			t.Errorf("%s: ShapeName = %q, want %q", c.code, r.ShapeName, c.shape)
		}
		if r.Name != c.name {
			t.Errorf("%s: Name = %q, want %q", c.code, r.Name, c.name)
		}
	}
	tk, err := ParseGeo([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeName":"Tashkent","shapeISO":" UZ-TK "},`+
		`"geometry":{"type":"Polygon","coordinates":[[[69,41],[69.5,41],[69.5,41.5],[69,41]]]}}]}`), nil)
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := tk.Region("UZ-TK"); !ok || r.Name != "Tashkent city" || r.ShapeName != "Tashkent" {
		t.Errorf("UZ-TK: want the name from RegionNames, got %+v", r)
	}
	if _, ok := g.Region("UZ-TO"); ok {
		t.Error("Region(UZ-TO) found in the fixture")
	}
	if !g.CheckRegion("UZ-BB") || g.CheckRegion("uz-bb") || g.CheckRegion("") {
		t.Error("CheckRegion: want exact codes only")
	}
	bb, _ := g.Region("UZ-BB")
	if len(bb.Polygons) != 2 || len(bb.Polygons[0]) != 1 {
		t.Errorf("UZ-BB: %d polygons, want 2 of one ring", len(bb.Polygons))
	}
	aa, _ := g.Region("UZ-AA")
	if len(aa.Polygons) != 1 || len(aa.Polygons[0]) != 2 || len(aa.Polygons[0][1]) != 5 {
		t.Errorf("UZ-AA: want one polygon with an outer ring and a hole of 5 points")
	}
	if want := (Bounds{Min: Point{0, 0}, Max: Point{10, 50}}); g.Bounds != want {
		t.Errorf("Bounds = %+v, want %+v", g.Bounds, want)
	}
	if len(g.PlaceList) != 3 || g.PlaceList[1].Name != "G‘uzor" || g.PlaceList[2].Source != "test" {
		t.Errorf("PlaceList = %+v", g.PlaceList)
	}
}

func TestRegionAtFixture(t *testing.T) {
	g := fixture(t)
	for _, c := range []struct {
		name string
		p    Point
		want string // "" for none
	}{
		{"square", Point{1, 1}, "UZ-AA"},
		{"square near the hole", Point{3.999, 5}, "UZ-AA"},
		{"hole is the plug", Point{5, 5}, "UZ-BB"},
		{"plug corner area", Point{4.001, 4.001}, "UZ-BB"},
		{"second part of a MultiPolygon", Point{0.5, 12.5}, "UZ-BB"},
		{"U left arm", Point{9, 21}, "UZ-CC"},
		{"U bottom", Point{1, 25}, "UZ-CC"},
		{"U opening", Point{5, 25}, ""},
		{"ray through vertices (lat of the U's inner corners)", Point{2, 21}, "UZ-CC"},
		{"ray through vertices, in the opening", Point{2.0000001, 25}, ""},
		{"ray through the hole's corners", Point{6, 1}, "UZ-AA"},
		{"triangle", Point{4, 45}, "XX-ZZ"},
		{"between regions", Point{5, 15}, ""},
		{"far away", Point{-30, -60}, ""},
		{"NaN", Point{math.NaN(), 5}, ""},
	} {
		got, ok := g.RegionAt(c.p)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s: RegionAt(%v) = %q, %v; want %q", c.name, c.p, got, ok, c.want)
		}
	}
}

func TestRegionCenterInsideFixture(t *testing.T) {
	g := fixture(t)
	for _, r := range g.Regions {
		if !r.Contains(r.Center) {
			t.Errorf("%s: Center %v is not inside", r.Code, r.Center)
		}
		if got, _ := g.RegionAt(r.Center); got != r.Code {
			t.Errorf("%s: RegionAt(Center) = %q", r.Code, got)
		}
	}
	// The square's centroid is in its hole; the U's in its opening.
	aa, _ := g.Region("UZ-AA")
	if aa.Center == (Point{5, 5}) {
		t.Errorf("UZ-AA: Center is the centroid, which is in the hole")
	}
	cc, _ := g.Region("UZ-CC")
	_, centroid := polygonCentroid(cc.Polygons[0])
	if polygonContains(cc.Polygons[0], centroid) {
		t.Fatalf("fixture: the U's centroid %v should be in its opening", centroid)
	}
	if cc.Center.Lat != centroid.Lat {
		t.Errorf("UZ-CC: Center %v is not on the centroid's parallel %v", cc.Center, centroid.Lat)
	}
	// The largest part wins, whatever its winding.
	bb, _ := g.Region("UZ-BB")
	if bb.Center != (Point{5, 5}) {
		t.Errorf("UZ-BB: Center = %v, want the centroid of the larger part (5, 5)", bb.Center)
	}
	tri, _ := g.Region("XX-ZZ")
	if d := math.Hypot(tri.Center.Lat-8.0/3, tri.Center.Lon-45); d > 1e-9 {
		t.Errorf("XX-ZZ: Center = %v, want the centroid (2.667, 45)", tri.Center)
	}
}

func TestRegionCentroidArea(t *testing.T) {
	g := fixture(t)
	aa, _ := g.Region("UZ-AA")
	if a, c := polygonCentroid(aa.Polygons[0]); a != 96 || c != (Point{5, 5}) {
		t.Errorf("square with hole: area %v centroid %v, want 96 (5, 5)", a, c)
	}
	cc, _ := g.Region("UZ-CC")
	// Bottom 10×2 (centroid lat 1) and two arms 2×8 (centroid lat 6).
	wantLat := (20*1 + 32*6) / 52.0
	if a, c := polygonCentroid(cc.Polygons[0]); a != 52 || math.Abs(c.Lat-wantLat) > 1e-12 || math.Abs(c.Lon-25) > 1e-12 {
		t.Errorf("U: area %v centroid %v, want 52 (%v, 25)", a, c, wantLat)
	}
}

func TestGeoParseErrors(t *testing.T) {
	feature := func(props, geom string) string {
		return `{"type":"FeatureCollection","features":[` +
			`{"type":"Feature","properties":{"shapeISO":"UZ-AA"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}},` +
			"\n" + `{"type":"Feature","properties":` + props + `,"geometry":` + geom + `}]}`
	}
	square := `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}`
	ok := `{"shapeISO":"UZ-BB","shapeName":"Bee"}`
	for _, c := range []struct {
		name, geojson, places string
		want                  []string // substrings of the error
	}{
		{"bad JSON", "{\"type\":\"FeatureCollection\",\n\"features\":[}", "", []string{"geojson: invalid character '}'"}},
		{"truncated", `{"type":"FeatureCollection","features":[`, "", []string{"geojson: unexpected end of JSON input"}},
		{"empty input", "", "", []string{"geojson: unexpected end of JSON input"}},
		{"not a collection", `{"type":"Feature"}`, "", []string{`geojson: type is "Feature", want "FeatureCollection"`}},
		{"features not an array", `{"type":"FeatureCollection","features":{}}`, "", []string{"geojson: json: cannot unmarshal object"}},
		{"no features", `{"type":"FeatureCollection","features":[]}`, "", []string{"geojson: the FeatureCollection has no features"}},
		{"feature type", `{"type":"FeatureCollection","features":[{"type":"Fixture"}]}`, "", []string{`geojson: features[0] type is "Fixture", want "Feature"`}},
		{"no shapeISO", feature(`{"shapeName":"Bee"}`, square), "", []string{`geojson: features[1] ("Bee"): properties has no shapeISO`}},
		{"no properties", feature(`null`, square), "", []string{`geojson: features[1] (""): properties has no shapeISO`}},
		{"repeated shapeISO", feature(`{"shapeISO":"UZ-AA"}`, square), "", []string{`geojson: features[1]: shapeISO UZ-AA repeats features[0]`}},
		{"null geometry", feature(ok, `null`), "", []string{`geojson: features[1] (UZ-BB): geometry is missing or null`}},
		{"unsupported geometry", feature(ok, `{"type":"Point","coordinates":[69.2,41.3]}`), "",
			[]string{`geojson: features[1] (UZ-BB): geometry type "Point" is not supported (want Polygon or MultiPolygon)`}},
		{"no coordinates", feature(ok, `{"type":"Polygon"}`), "", []string{`features[1] (UZ-BB): geometry.coordinates: unexpected end of JSON input`}},
		{"unclosed ring", feature(ok, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]}`), "",
			[]string{`geojson: features[1] (UZ-BB): geometry.coordinates: ring 0 is not closed`}},
		{"unclosed hole in a MultiPolygon", feature(ok, `{"type":"MultiPolygon","coordinates":[[[[0,0],[3,0],[3,3],[0,0]]],[[[0,0],[3,0],[3,3],[0,0]],[[1,1],[2,1],[2,2],[1,2]]]]}`), "",
			[]string{`geojson: features[1] (UZ-BB): geometry.coordinates: ring 1 is not closed`}},
		{"short ring", feature(ok, `{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}`), "", []string{`a ring has 3 positions, want at least 4`}},
		{"no rings", feature(ok, `{"type":"Polygon","coordinates":[]}`), "", []string{`(UZ-BB): geometry.coordinates: a polygon has no rings`}},
		{"MultiPolygon with no polygons", feature(ok, `{"type":"MultiPolygon","coordinates":[]}`), "", []string{`(UZ-BB): geometry.coordinates: no polygons`}},
		{"Polygon nested like a MultiPolygon", feature(ok, `{"type":"Polygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]}`), "", []string{`(UZ-BB): geometry.coordinates: json: cannot unmarshal array`}},
		{"position a string", feature(ok, `{"type":"Polygon","coordinates":[[[0,0],[1,"0"],[1,1],[0,0]]]}`), "", []string{`(UZ-BB): geometry.coordinates: json: cannot unmarshal string`}},
		{"latitude out of range", feature(ok, `{"type":"Polygon","coordinates":[[[0,0],[1,95],[1,1],[0,0]]]}`), "", []string{`(UZ-BB): geometry.coordinates: position [1, 95] is out of range`}},
		{"huge number", feature(ok, `{"type":"Polygon","coordinates":[[[0,0],[1e999,0],[1,1],[0,0]]]}`), "", []string{`(UZ-BB): geometry.coordinates: json: cannot unmarshal number 1e999`}},
		{"places: missing column", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"UZ-AA"},"geometry":` + square + `}]}`,
			"name,lat,lon\nA,1,2\n", []string{`places.csv line 1: the header has no "latitude" column`}},
		{"places: not a number", fixtureGeoJSON, "name,latitude,longitude\nA,1,2\nB,4O.1,2\n",
			[]string{`places.csv line 3 (B): latitude "4O.1" is not a number`}},
		{"places: out of range", fixtureGeoJSON, "name,latitude,longitude\nA,1,200\n",
			[]string{`places.csv line 2 (A): longitude 200 is out of range`}},
		{"places: empty name", fixtureGeoJSON, "name,latitude,longitude\n ,1,2\n",
			[]string{`places.csv line 2: the name is empty`}},
		{"places: repeated after folding", fixtureGeoJSON, "name,latitude,longitude\nTashkent,1,2\nA,1,2\nTASHKÉNT,1,2\n",
			[]string{`places.csv line 4: "TASHKÉNT" repeats the place "Tashkent" of line 2`}},
		{"places: ragged row", fixtureGeoJSON, "name,latitude,longitude\nA,1,2\nB,1\n",
			[]string{`places.csv: record on line 3: wrong number of fields`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := ParseGeo([]byte(c.geojson), []byte(c.places))
			if err == nil {
				t.Fatalf("no error; got %d regions", len(g.Regions))
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error\n  %v\nlacks\n  %s", err, w)
				}
			}
		})
	}
}

func TestGeoParseEmptyPlaces(t *testing.T) {
	for _, places := range []string{"", "\n", "\ufeff", "name,latitude,longitude\n"} {
		g, err := ParseGeo([]byte(fixtureGeoJSON), []byte(places))
		if err != nil {
			t.Fatalf("places %q: %v", places, err)
		}
		if len(g.Places) != 0 {
			t.Errorf("places %q: %d places", places, len(g.Places))
		}
		if _, ok := g.Place("Square Town"); ok {
			t.Errorf("places %q: found a place", places)
		}
	}
}

func TestGeoPlace(t *testing.T) {
	g := fixture(t)
	for _, c := range []struct {
		name string
		want Point
		ok   bool
	}{
		{"Square Town", Point{1, 1}, true},
		{"  square   TOWN ", Point{1, 1}, true},
		{"SQUÁRE TÕWN", Point{1, 1}, true},
		{"G'uzor", Point{5, 5}, true},
		{"gʻuzor", Point{5, 5}, true},
		{"Guzor", Point{}, false},
		{"", Point{}, false},
	} {
		p, ok := g.Place(c.name)
		if p != c.want || ok != c.ok {
			t.Errorf("Place(%q) = %v, %v; want %v, %v", c.name, p, ok, c.want, c.ok)
		}
	}
}

func TestLocate(t *testing.T) {
	g := fixture(t)
	aa, _ := g.Region("UZ-AA")
	cc, _ := g.Region("UZ-CC")
	for _, c := range []struct {
		name  string
		p     *Project
		want  Point
		basis LocationBasis
	}{
		{"own coordinates first", &Project{Latitude: Num(7), Longitude: Num(8), City: "Square Town", Region: List{"UZ-CC"}},
			Point{7, 8}, OwnCoordinates},
		{"own coordinates at zero", &Project{Latitude: Num(0), Longitude: Num(0)}, Point{0, 0}, OwnCoordinates},
		{"only a latitude: town", &Project{Latitude: Num(7), City: "Square Town"}, Point{1, 1}, TownLocation},
		{"coordinates out of range: town", &Project{Latitude: Num(97), Longitude: Num(8), City: "Square Town"}, Point{1, 1}, TownLocation},
		{"town", &Project{City: "Square Town", Region: List{"UZ-CC"}}, Point{1, 1}, TownLocation},
		{"town, other case and accents", &Project{City: "  U TÖWN", Region: List{"UZ-AA"}}, Point{1, 25}, TownLocation},
		{"town with an Uzbek apostrophe", &Project{City: "Gʻuzor"}, Point{5, 5}, TownLocation},
		{"unknown town: region", &Project{City: "Atlantis", Region: List{"UZ-CC", "UZ-AA"}}, cc.Center, RegionCentre},
		{"region", &Project{Region: List{"UZ-AA"}}, aa.Center, RegionCentre},
		{"first known region", &Project{Region: List{"UZ-??", "UZ-AA"}}, aa.Center, RegionCentre},
		{"nothing", &Project{}, Point{}, NoLocation},
		{"unknown town and region", &Project{City: "Atlantis", Region: List{"UZ-??"}}, Point{}, NoLocation},
		{"nil", nil, Point{}, NoLocation},
	} {
		pt, basis, ok := g.Locate(c.p)
		if pt != c.want || basis != c.basis || ok != (c.basis != NoLocation) {
			t.Errorf("%s: Locate = %v, %v, %v; want %v, %v", c.name, pt, basis, ok, c.want, c.basis)
		}
	}
	for b, want := range map[LocationBasis]string{
		OwnCoordinates: "own coordinates", TownLocation: "town location", RegionCentre: "region", NoLocation: "no location", 99: "no location",
	} {
		if b.String() != want {
			t.Errorf("LocationBasis(%d).String() = %q, want %q", int(b), b.String(), want)
		}
	}
}

func TestProjectionFixture(t *testing.T) {
	b := Bounds{Min: Point{40, 60}, Max: Point{44, 70}} // wider than tall once scaled
	const w, h, m = 800, 600, 20
	pr := NewProjection(b, w, h, m)
	kx := math.Cos(42 * math.Pi / 180)
	// Width is the limiting side: 760 px for 10·kx degrees.
	if want := 760 / (10 * kx); math.Abs(pr.Scale()-want) > 1e-9 {
		t.Errorf("Scale() = %v, want %v", pr.Scale(), want)
	}
	x0, y0 := pr.Project(Point{44, 60}) // north-west
	x1, y1 := pr.Project(Point{40, 70}) // south-east
	if math.Abs(x0-m) > 1e-9 || math.Abs(x1-(w-m)) > 1e-9 {
		t.Errorf("x from %v to %v, want %v to %v", x0, x1, m, w-m)
	}
	if got, want := (x1-x0)/(y1-y0), 10*kx/4; math.Abs(got-want) > 1e-12 {
		t.Errorf("aspect %v, want %v", got, want)
	}
	if cy := (y0 + y1) / 2; math.Abs(cy-h/2) > 1e-9 || y0 < m || y1 > h-m {
		t.Errorf("y from %v to %v: not centred in %v with margin %v", y0, y1, h, m)
	}
	if y0 >= y1 {
		t.Errorf("north is not up: y(north) %v, y(south) %v", y0, y1)
	}
	p := pr.Unproject(123.4, 456.7)
	if x, y := pr.Project(p); math.Abs(x-123.4) > 1e-9 || math.Abs(y-456.7) > 1e-9 {
		t.Errorf("round trip (123.4, 456.7) → %v → (%v, %v)", p, x, y)
	}

	// A tall box is limited by its height.
	tall := NewProjection(b, 100, 600, 10)
	_, ty0 := tall.Project(Point{44, 65})
	_, ty1 := tall.Project(Point{40, 65})
	if tall.Scale() != 80/(10*kx) || ty1-ty0 >= 580 {
		t.Errorf("tall box: scale %v, height %v", tall.Scale(), ty1-ty0)
	}

	// Degenerate boxes do not divide by zero.
	for _, c := range []struct {
		name string
		b    Bounds
		w, h float64
		m    float64
	}{
		{"no room", b, 30, 30, 20},
		{"zero size", b, 0, 0, 0},
		{"one point", Bounds{Min: Point{41, 69}, Max: Point{41, 69}}, 100, 100, 10},
		{"a parallel", Bounds{Min: Point{41, 60}, Max: Point{41, 69}}, 100, 100, 10},
		{"empty", EmptyBounds(), 100, 100, 10},
		{"the pole", Bounds{Min: Point{90, 0}, Max: Point{90, 10}}, 100, 100, 10},
	} {
		pr := NewProjection(c.b, c.w, c.h, c.m)
		x, y := pr.Project(Point{41, 69})
		q := pr.Unproject(x, y)
		for _, v := range []float64{x, y, q.Lat, q.Lon, pr.Scale()} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Errorf("%s: not finite: (%v, %v) → %v, scale %v", c.name, x, y, q, pr.Scale())
				break
			}
		}
	}
	var zero Projection
	if p := zero.Unproject(5, 5); p != (Point{}) {
		t.Errorf("zero Projection: Unproject = %v", p)
	}
}

func TestProjectionRegionAtXYFixture(t *testing.T) {
	g := fixture(t)
	pr := g.Projection(1000, 500, 10)
	for _, c := range []struct {
		p    Point
		want string
	}{{Point{5, 5}, "UZ-BB"}, {Point{1, 1}, "UZ-AA"}, {Point{5, 25}, ""}} {
		x, y := pr.Project(c.p)
		if got, _ := pr.RegionAtXY(g, x, y); got != c.want {
			t.Errorf("RegionAtXY(Project(%v)) = %q, want %q", c.p, got, c.want)
		}
	}
	if got, ok := pr.RegionAtXY(g, -50, -50); ok {
		t.Errorf("RegionAtXY outside the box = %q", got)
	}
	xy := pr.ProjectAll([]Point{{1, 1}, {5, 5}})
	if x, y := pr.Project(Point{5, 5}); len(xy) != 2 || xy[1] != (XY{x, y}) {
		t.Errorf("ProjectAll = %v", xy)
	}
}

func TestNearest(t *testing.T) {
	pts := []XY{{10, 10}, {20, 10}, {13, 14}, {100, 100}, {13, 14}}
	for _, c := range []struct {
		name      string
		x, y, rad float64
		want      int
	}{
		{"on a marker", 10, 10, 8, 0},
		{"closest of three in range", 12, 11, 8, 0}, // d² 5, 65 (out of range) and 10
		{"closer to the second", 17, 10, 8, 1},      // d 3 vs 7
		{"ties go to the last drawn", 13, 14, 8, 4}, // markers 2 and 4 coincide
		{"exactly on the radius", 100, 108, 8, 3},   // d = 8
		{"just outside the radius", 100, 108.01, 8, -1},
		{"nothing in range", 60, 60, 8, -1},
		{"zero radius, on a marker", 20, 10, 0, 1},
		{"negative radius", 10, 10, -1, -1},
		{"NaN radius", 10, 10, math.NaN(), -1},
		{"NaN position", math.NaN(), 10, 8, -1},
	} {
		if got := Nearest(pts, c.x, c.y, c.rad); got != c.want {
			t.Errorf("%s: Nearest(%v, %v, %v) = %d, want %d", c.name, c.x, c.y, c.rad, got, c.want)
		}
	}
	if got := Nearest(nil, 0, 0, 10); got != -1 {
		t.Errorf("Nearest(nil) = %d", got)
	}
}

func TestGeoBounds(t *testing.T) {
	b := EmptyBounds()
	if !b.Empty() || b.Contains(Point{}) {
		t.Fatal("EmptyBounds is not empty")
	}
	b = b.Extend(Point{1, 2}).Extend(Point{-1, 5})
	if b != (Bounds{Min: Point{-1, 2}, Max: Point{1, 5}}) || b.Empty() || b.Center() != (Point{0, 3.5}) {
		t.Errorf("Extend: %+v", b)
	}
	if u := b.Union(EmptyBounds()); u != b {
		t.Errorf("Union with empty: %+v", u)
	}
	if !b.Contains(Point{1, 5}) || b.Contains(Point{1.1, 5}) {
		t.Error("Contains: edges are in, beyond is out")
	}
}

// FuzzParseGeo feeds any GeoJSON and places to ParseGeo. It must not
// panic; what parses must answer every query without panicking, with a
// Center inside every region that has a stretch of interior.
func FuzzParseGeo(f *testing.F) {
	f.Add([]byte(fixtureGeoJSON), []byte(fixturePlaces))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"UZ-TK"},"geometry":{"type":"Polygon","coordinates":[[[69,41],[69.5,41],[69.5,41.5],[69,41]]]}}]}`), []byte("name,latitude,longitude\nTashkent,41.2,69.3\n"))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"A"},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[0,0],[0,0],[0,0]]],[[[1,1],[2,2],[1,1],[1,1]]]]}}]}`), []byte(""))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"B"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}]}`), []byte("name,latitude\nx,1\n"))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"C"},"geometry":{"type":"Point","coordinates":[0,0]}}]}`), []byte("a,b\n\"c"))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"D"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}]}`), []byte("\ufeffname,latitude,longitude,source\nA,1e308,2,x\n"))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"E"},"geometry":{"type":"Polygon","coordinates":[[[-180,-90],[180,-90],[180,90],[-180,90],[-180,-90]]]}}]}`), []byte("name,latitude,longitude\nPole,90,0\n"))
	f.Add([]byte(`[`), []byte(nil))
	f.Fuzz(func(t *testing.T, geojson, places []byte) {
		g, err := ParseGeo(geojson, places)
		if err != nil {
			if g != nil || err.Error() == "" {
				t.Fatalf("error %q with a result", err)
			}
			return
		}
		if len(g.Regions) == 0 || len(g.Codes()) != len(g.Regions) {
			t.Fatalf("%d regions, %d codes", len(g.Regions), len(g.Codes()))
		}
		pr := g.Projection(640, 480, 16)
		var pts []XY
		for i := range g.Regions {
			r := &g.Regions[i]
			if got, ok := g.Region(r.Code); !ok || got != r || !g.CheckRegion(r.Code) {
				t.Fatalf("Region(%q) does not find it", r.Code)
			}
			if hasInterior(r.Polygons) && !r.Contains(r.Center) {
				t.Fatalf("%s: Center %v is outside, yet the region has an interior", r.Code, r.Center)
			}
			g.RegionAt(r.Center)
			x, y := pr.Project(r.Center)
			pr.RegionAtXY(g, x, y)
			pts = append(pts, XY{x, y})
			g.Locate(&Project{Region: List{r.Code}})
		}
		Nearest(pts, 320, 240, 10)
		for _, p := range g.PlaceList {
			if q, ok := g.Place(p.Name); !ok || q != p.Point {
				t.Fatalf("Place(%q) = %v, %v; want %v", p.Name, q, ok, p.Point)
			}
			g.RegionAt(p.Point)
			g.Locate(&Project{City: p.Name})
		}
	})
}

// hasInterior reports whether the largest polygon has a stretch of interior
// on one of the parallels interiorPoint tries (the even-odd rule makes
// some self-crossing rings with zero area still have an inside).
func hasInterior(polys [][][]Point) bool {
	largest, area := 0, math.Inf(-1)
	for i, p := range polys {
		if a, _ := polygonCentroid(p); a > area {
			largest, area = i, a
		}
	}
	poly := polys[largest]
	b := EmptyBounds()
	for _, p := range poly[0] {
		b = b.Extend(p)
	}
	for k := 0; k < 64; k++ {
		lat := b.Min.Lat + (b.Max.Lat-b.Min.Lat)*(float64(k)+0.5)/64
		if _, w, _ := widestSpan(poly, lat, nil); w > 0 {
			return true
		}
	}
	return false
}
