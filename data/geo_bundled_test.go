package data_test

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sort"
	"strconv"
	"strings"
	"testing"

	"uzkor/data"
	"uzkor/resources"
)

// The tests in this file run on the bundled geography: the geoBoundaries
// ADM1 file and places.csv of resources/geo.

func bundledGeo(t testing.TB) *data.Geo {
	t.Helper()
	g, err := data.ParseGeo(resources.Regions, resources.Places)
	if err != nil {
		t.Fatalf("the bundled geography does not parse: %v", err)
	}
	return g
}

func TestGeoBundledFile(t *testing.T) {
	sum := sha256.Sum256(resources.Regions)
	if got, want := hex.EncodeToString(sum[:]), "8f7f8617d9c2070f9d2cd40519f4f3813ddd973cea2c3b620610d0490a0f3e03"; got != want {
		t.Errorf("uzbekistan-adm1.geojson sha256 %s, want %s (SOURCES.md)", got, want)
	}
	if len(resources.Regions) != 149342 {
		t.Errorf("uzbekistan-adm1.geojson is %d bytes, want 149342", len(resources.Regions))
	}
	g := bundledGeo(t)
	var want []string
	for code := range data.RegionNames {
		want = append(want, code)
	}
	sort.Strings(want)
	if got := g.Codes(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Codes() = %v,\nwant the keys of RegionNames %v", got, want)
	}
	vertices := 0
	for _, r := range g.Regions {
		if r.Name != data.RegionNames[r.Code] {
			t.Errorf("%s: Name %q, want %q", r.Code, r.Name, data.RegionNames[r.Code])
		}
		for _, poly := range r.Polygons {
			for _, ring := range poly {
				vertices += len(ring)
			}
		}
		if !g.CheckRegion(r.Code) {
			t.Errorf("CheckRegion(%s) = false", r.Code)
		}
	}
	if vertices != 6206 {
		t.Errorf("%d vertices, want 6206 (SOURCES.md)", vertices)
	}
	// SOURCES.md: lon 55.9986–73.1397, lat 37.1772–45.5901.
	b := g.Bounds
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"west", b.Min.Lon, 55.9986}, {"east", b.Max.Lon, 73.1397}, {"south", b.Min.Lat, 37.1772}, {"north", b.Max.Lat, 45.5901}} {
		if math.Abs(c.got-c.want) > 0.0001 {
			t.Errorf("%s bound %v, want %v", c.name, c.got, c.want)
		}
	}
	if len(g.PlaceList) != 21 || len(g.Places) != 21 {
		t.Errorf("%d places (%d names), want 21", len(g.PlaceList), len(g.Places))
	}
	for _, code := range []string{"UZ-XX", "uz-to", "UZ-TO ", "", "UZ"} {
		if g.CheckRegion(code) {
			t.Errorf("CheckRegion(%q) = true", code)
		}
	}
}

// placeRegions is where SOURCES.md says each town of places.csv lies.
var placeRegions = map[string]string{
	"Tashkent": "UZ-TK",
	"Nukus":    "UZ-QR", "Muynak": "UZ-QR",
	"Almalyk": "UZ-TO", "Chirchiq": "UZ-TO", "Angren": "UZ-TO",
	"Samarkand": "UZ-SA",
	"Bukhara":   "UZ-BU",
	"Navoiy":    "UZ-NW", "Zarafshan": "UZ-NW",
	"Fergana": "UZ-FA",
	"Andijan": "UZ-AN", "Asaka": "UZ-AN",
	"Namangan": "UZ-NG",
	"Urgench":  "UZ-XO", "Khiva": "UZ-XO",
	"Qarshi": "UZ-QA", "Guzar": "UZ-QA",
	"Termez":   "UZ-SU",
	"Jizzakh":  "UZ-JI",
	"Gulistan": "UZ-SI",
}

func TestRegionAtBundledPlaces(t *testing.T) {
	g := bundledGeo(t)
	if len(g.PlaceList) != len(placeRegions) {
		t.Errorf("%d places, %d expectations", len(g.PlaceList), len(placeRegions))
	}
	for _, p := range g.PlaceList {
		want, ok := placeRegions[p.Name]
		if !ok {
			t.Errorf("%s: no expectation", p.Name)
			continue
		}
		if got, ok := g.RegionAt(p.Point); !ok || got != want {
			t.Errorf("%s (%v, %v): RegionAt = %q, %v; want %s", p.Name, p.Lat, p.Lon, got, ok, want)
		}
		// In exactly one region.
		n := 0
		for i := range g.Regions {
			if g.Regions[i].Contains(p.Point) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s lies in %d regions", p.Name, n)
		}
	}
}

func TestRegionAtBundledHolesAndOutside(t *testing.T) {
	g := bundledGeo(t)
	to, _ := g.Region("UZ-TO")
	tk, _ := g.Region("UZ-TK")
	if len(to.Polygons) != 2 || len(to.Polygons[0]) != 3 {
		t.Fatalf("UZ-TO: want 2 polygons, the first with 2 holes; got %d polygons", len(to.Polygons))
	}
	for _, c := range []struct {
		name string
		p    Point
		want string
	}{
		{"Tashkent (GeoNames)", Point{41.26465, 69.21627}, "UZ-TK"},
		{"Amir Timur Square", Point{41.3111, 69.2797}, "UZ-TK"},
		{"Tashkent city's second part, a hole of UZ-TO", interior(to.Polygons[0][2]), "UZ-TK"},
		{"UZ-TO's enclave in a hole of UZ-TK", interior(tk.Polygons[0][1]), "UZ-TO"},
		{"Almaty", Point{43.24, 76.95}, ""},
		{"Dushanbe", Point{38.56, 68.77}, ""},
		{"Bishkek", Point{42.87, 74.59}, ""},
		{"Ashgabat", Point{37.95, 58.38}, ""},
		{"Kabul", Point{34.53, 69.17}, ""},
		{"the hole of Andijan Region", interior(mustRegion(t, g, "UZ-AN").Polygons[0][1]), ""},
		{"the hole of Namangan Region", interior(mustRegion(t, g, "UZ-NG").Polygons[0][1]), ""},
	} {
		got, ok := g.RegionAt(c.p)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("%s %v: RegionAt = %q, %v; want %q", c.name, c.p, got, ok, c.want)
		}
	}
}

// Point is short for data.Point in the tables.
type Point = data.Point

func mustRegion(t testing.TB, g *data.Geo, code string) *data.Region {
	t.Helper()
	r, ok := g.Region(code)
	if !ok {
		t.Fatalf("no region %s", code)
	}
	return r
}

// interior returns a point inside a closed ring, by parsing it as a
// one-region geography and taking its Center.
func interior(ring []Point) Point {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"shapeISO":"X"},"geometry":{"type":"Polygon","coordinates":[[`)
	for i, p := range ring {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("[" + ftoa(p.Lon) + "," + ftoa(p.Lat) + "]")
	}
	b.WriteString(`]]}}]}`)
	g, err := data.ParseGeo([]byte(b.String()), nil)
	if err != nil {
		panic(err)
	}
	return g.Regions[0].Center
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func TestRegionCenterBundled(t *testing.T) {
	g := bundledGeo(t)
	for _, r := range g.Regions {
		got, ok := g.RegionAt(r.Center)
		if !ok || got != r.Code || !r.Contains(r.Center) {
			t.Errorf("%s: Center %v lies in %q", r.Code, r.Center, got)
		}
		t.Logf("%s %-27s centre %.4f, %.4f", r.Code, r.Name, r.Center.Lat, r.Center.Lon)
	}
}

func TestProjectionBundled(t *testing.T) {
	g := bundledGeo(t)
	for _, box := range []struct{ w, h, m float64 }{{800, 600, 24}, {400, 900, 10}, {1920, 1080, 0}} {
		pr := g.Projection(box.w, box.h, box.m)
		b := g.Bounds
		x0, y0 := pr.Project(Point{Lat: b.Max.Lat, Lon: b.Min.Lon}) // north-west corner
		x1, y1 := pr.Project(Point{Lat: b.Min.Lat, Lon: b.Max.Lon}) // south-east corner
		const eps = 1e-9
		if x0 < box.m-eps || y0 < box.m-eps || x1 > box.w-box.m+eps || y1 > box.h-box.m+eps {
			t.Errorf("%v: the bounds project to (%v, %v)–(%v, %v), outside the margin", box, x0, y0, x1, y1)
		}
		fitsW := math.Abs(x1-x0-(box.w-2*box.m)) < 1e-6
		fitsH := math.Abs(y1-y0-(box.h-2*box.m)) < 1e-6
		if !fitsW && !fitsH {
			t.Errorf("%v: the map fills neither the width nor the height: %v × %v", box, x1-x0, y1-y0)
		}
		if math.Abs((x0+x1)/2-box.w/2) > 1e-6 || math.Abs((y0+y1)/2-box.h/2) > 1e-6 {
			t.Errorf("%v: not centred", box)
		}
		kx := math.Cos((b.Min.Lat + b.Max.Lat) / 2 * math.Pi / 180)
		wantAspect := (b.Max.Lon - b.Min.Lon) * kx / (b.Max.Lat - b.Min.Lat)
		if got := (x1 - x0) / (y1 - y0); math.Abs(got-wantAspect) > 1e-9 {
			t.Errorf("%v: aspect %v, want %v", box, got, wantAspect)
		}
		nukus, _ := g.Place("Nukus")
		termez, _ := g.Place("Termez")
		andijan, _ := g.Place("Andijan")
		_, yn := pr.Project(nukus)
		_, yt := pr.Project(termez)
		xn, _ := pr.Project(nukus)
		xa, _ := pr.Project(andijan)
		if yn >= yt {
			t.Errorf("%v: north is not up: Nukus y %v, Termez y %v", box, yn, yt)
		}
		if xn >= xa {
			t.Errorf("%v: east is not right: Nukus x %v, Andijan x %v", box, xn, xa)
		}
		for _, p := range g.PlaceList {
			x, y := pr.Project(p.Point)
			q := pr.Unproject(x, y)
			if math.Abs(q.Lat-p.Lat) > 1e-9 || math.Abs(q.Lon-p.Lon) > 1e-9 {
				t.Errorf("%v: %s %v → (%v, %v) → %v", box, p.Name, p.Point, x, y, q)
			}
		}
	}
}

func TestProjectionBundledHitTests(t *testing.T) {
	g := bundledGeo(t)
	pr := g.Projection(1000, 700, 20)
	tashkent, _ := g.Place("Tashkent")
	x, y := pr.Project(tashkent)
	if got, ok := pr.RegionAtXY(g, x, y); !ok || got != "UZ-TK" {
		t.Errorf("RegionAtXY at Tashkent = %q, %v; want UZ-TK", got, ok)
	}
	if got, ok := pr.RegionAtXY(g, 2, 2); ok {
		t.Errorf("RegionAtXY in the corner = %q", got)
	}
	points := make([]Point, len(g.PlaceList))
	for i, p := range g.PlaceList {
		points[i] = p.Point
	}
	markers := pr.ProjectAll(points)
	iTashkent := -1
	for i, p := range g.PlaceList {
		if p.Name == "Tashkent" {
			iTashkent = i
		}
	}
	if got := data.Nearest(markers, x+3, y-2, 8); got != iTashkent {
		t.Errorf("Nearest near Tashkent = %d, want %d", got, iTashkent)
	}
	if got := data.Nearest(markers, 2, 2, 8); got != -1 {
		t.Errorf("Nearest in the corner = %d (%s), want -1", got, g.PlaceList[got].Name)
	}
	// Andijan and Asaka are close: the closer one wins.
	an, _ := g.Place("Andijan")
	as, _ := g.Place("Asaka")
	ax, ay := pr.Project(an)
	sx, sy := pr.Project(as)
	mx, my := ax+(sx-ax)*0.3, ay+(sy-ay)*0.3
	if got := data.Nearest(markers, mx, my, 50); g.PlaceList[got].Name != "Andijan" {
		t.Errorf("Nearest between Andijan and Asaka, nearer Andijan = %s", g.PlaceList[got].Name)
	}
}

func TestLocateBundled(t *testing.T) {
	g := bundledGeo(t)
	to := mustRegion(t, g, "UZ-TO")
	for _, c := range []struct {
		name  string
		p     data.Project
		want  Point
		basis data.LocationBasis
	}{
		{"own", data.Project{Latitude: data.Num(40.1), Longitude: data.Num(65.4), City: "Navoiy", Region: data.List{"UZ-NW"}}, Point{Lat: 40.1, Lon: 65.4}, data.OwnCoordinates},
		{"town", data.Project{City: "Navoiy", Region: data.List{"UZ-NW"}}, Point{Lat: 40.08444, Lon: 65.37917}, data.TownLocation},
		{"town, other case and accents", data.Project{City: " ÁSAKA ", Region: data.List{"UZ-AN"}}, Point{Lat: 40.64153, Lon: 72.23868}, data.TownLocation},
		{"region", data.Project{City: "Zangiata", Region: data.List{"UZ-TO", "UZ-TK"}}, to.Center, data.RegionCentre},
		{"none", data.Project{City: "Zangiata"}, Point{}, data.NoLocation},
	} {
		pt, basis, ok := g.Locate(&c.p)
		if pt != c.want || basis != c.basis || ok != (basis != data.NoLocation) {
			t.Errorf("%s: Locate = %v, %v, %v; want %v, %v", c.name, pt, basis, ok, c.want, c.basis)
		}
	}
}

// Every bundled project is placed by the best basis it allows: each city
// it names is in places.csv, and a project with a region is never left
// without a location.
func TestLocateBundledProjects(t *testing.T) {
	g := bundledGeo(t)
	d := bundledData(t)
	count := map[data.LocationBasis]int{}
	for i := range d.Projects {
		p := d.Projects[i]
		pt, basis, ok := g.Locate(p)
		count[basis]++
		switch {
		case strings.TrimSpace(p.City) != "" && !(p.Latitude.Known() && p.Longitude.Known()) && basis != data.TownLocation:
			t.Errorf("%s: city %q is not in places.csv", p.ID, p.City)
		case len(p.Region) > 0 && !ok:
			t.Errorf("%s: regions %v but no location", p.ID, p.Region)
		}
		if ok && basis == data.TownLocation && len(p.Region) > 0 {
			if got, _ := g.RegionAt(pt); !p.Region.Has(got) {
				t.Errorf("%s: town %s lies in %s, not in its regions %v", p.ID, p.City, got, p.Region)
			}
		}
	}
	t.Logf("%d projects: %d own coordinates, %d town, %d region, %d no location",
		len(d.Projects), count[data.OwnCoordinates], count[data.TownLocation], count[data.RegionCentre], count[data.NoLocation])
}

func bundledData(t testing.TB) *data.Dataset {
	t.Helper()
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatalf("the bundled data does not load: %v", err)
	}
	return d
}

func BenchmarkGeoParse(b *testing.B) {
	b.SetBytes(int64(len(resources.Regions) + len(resources.Places)))
	for b.Loop() {
		if _, err := data.ParseGeo(resources.Regions, resources.Places); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGeoRegionAt finds the region of every town of places.csv and of
// three points outside the country.
func BenchmarkGeoRegionAt(b *testing.B) {
	g := bundledGeo(b)
	points := []Point{{Lat: 43.24, Lon: 76.95}, {Lat: 38.56, Lon: 68.77}, {Lat: 42.87, Lon: 74.59}}
	for _, p := range g.PlaceList {
		points = append(points, p.Point)
	}
	for b.Loop() {
		for _, p := range points {
			g.RegionAt(p)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(points)), "ns/point")
}

// BenchmarkGeoProjectVertices projects every vertex of every region, as
// drawing the map does on each resize.
func BenchmarkGeoProjectVertices(b *testing.B) {
	g := bundledGeo(b)
	n := 0
	for _, r := range g.Regions {
		for _, poly := range r.Polygons {
			for _, ring := range poly {
				n += len(ring)
			}
		}
	}
	for b.Loop() {
		pr := g.Projection(1200, 800, 16)
		for _, r := range g.Regions {
			for _, poly := range r.Polygons {
				for _, ring := range poly {
					_ = pr.ProjectAll(ring)
				}
			}
		}
	}
	b.ReportMetric(float64(n), "vertices")
}

// The loader's region codes are the codes of the bundled boundaries: one
// list, checked here against the other.
func TestRegionCodesMatchBoundaries(t *testing.T) {
	g, err := data.ParseGeo(resources.Regions, resources.Places)
	if err != nil {
		t.Fatal(err)
	}
	codes := g.Codes()
	if len(codes) != len(data.RegionNames) {
		t.Fatalf("%d boundaries, %d region names", len(codes), len(data.RegionNames))
	}
	for _, c := range codes {
		if _, ok := data.RegionNames[c]; !ok {
			t.Errorf("boundary %s has no name in data.RegionNames", c)
		}
	}
}

// Every deposit and project region of the bundled data is a boundary the
// map can draw.
func TestBundledRegionsOnTheMap(t *testing.T) {
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := data.ParseGeo(resources.Regions, resources.Places)
	for _, dep := range d.Deposits {
		for _, c := range dep.Region {
			if !g.CheckRegion(c) {
				t.Errorf("deposit %s: region %s", dep.ID, c)
			}
		}
	}
	if len(d.Deposits) < 15 {
		t.Errorf("%d deposits", len(d.Deposits))
	}
	placed := 0
	for i := range d.Deposits {
		if _, _, ok := g.LocateDeposit(&d.Deposits[i]); ok {
			placed++
		}
	}
	if placed < len(d.Deposits)/2 {
		t.Errorf("only %d of %d deposits on the map", placed, len(d.Deposits))
	}
}

// A Locator places every project and deposit where Locate does.
func TestLocatorAgreesWithLocate(t *testing.T) {
	d, err := data.Load(resources.Data)
	if err != nil {
		t.Fatal(err)
	}
	g := bundledGeo(t)
	loc := g.Locator()
	for i := 0; i < 2; i++ { // the second time from what it remembered
		for r := range d.Projects {
			p := d.Projects[r]
			wp, wb, wok := g.Locate(p)
			gp, gb, gok := loc.Locate(p)
			if wp != gp || wb != gb || wok != gok {
				t.Errorf("%s: Locator %v %v %v, Locate %v %v %v", p.ID, gp, gb, gok, wp, wb, wok)
			}
		}
		for r := range d.Deposits {
			dep := &d.Deposits[r]
			wp, wb, wok := g.LocateDeposit(dep)
			gp, gb, gok := loc.LocateDeposit(dep)
			if wp != gp || wb != gb || wok != gok {
				t.Errorf("%s: Locator %v %v %v, LocateDeposit %v %v %v", dep.ID, gp, gb, gok, wp, wb, wok)
			}
		}
	}
}
