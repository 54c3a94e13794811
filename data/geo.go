package data

import (
	"math"
	"sort"
	"strings"
)

// This file is the geographic layer under the map: the boundaries of
// Uzbekistan's first-level units (a GeoJSON FeatureCollection), the towns
// projects name (a CSV file), point-in-region tests, a projection onto a
// pixel box and the fallback that places a project on the map.

// Point is a position in decimal degrees (WGS 84): Lat north, Lon east.
type Point struct{ Lat, Lon float64 }

// Bounds is a latitude/longitude box: Min is its south-west corner and Max
// its north-east corner. The zero Bounds is the single point (0, 0);
// EmptyBounds contains nothing.
type Bounds struct{ Min, Max Point }

// EmptyBounds returns the box that contains nothing: Extend it to grow a
// box around points.
func EmptyBounds() Bounds {
	return Bounds{
		Min: Point{Lat: math.Inf(1), Lon: math.Inf(1)},
		Max: Point{Lat: math.Inf(-1), Lon: math.Inf(-1)},
	}
}

// Empty reports whether the box contains no point at all.
func (b Bounds) Empty() bool { return !(b.Min.Lat <= b.Max.Lat && b.Min.Lon <= b.Max.Lon) }

// Contains reports whether p is in the box, edges included.
func (b Bounds) Contains(p Point) bool {
	return p.Lat >= b.Min.Lat && p.Lat <= b.Max.Lat && p.Lon >= b.Min.Lon && p.Lon <= b.Max.Lon
}

// Extend returns the smallest box that holds b and p.
func (b Bounds) Extend(p Point) Bounds {
	b.Min.Lat = math.Min(b.Min.Lat, p.Lat)
	b.Min.Lon = math.Min(b.Min.Lon, p.Lon)
	b.Max.Lat = math.Max(b.Max.Lat, p.Lat)
	b.Max.Lon = math.Max(b.Max.Lon, p.Lon)
	return b
}

// Union returns the smallest box that holds b and c.
func (b Bounds) Union(c Bounds) Bounds {
	if c.Empty() {
		return b
	}
	return b.Extend(c.Min).Extend(c.Max)
}

// Center is the middle of the box (not necessarily inside any region).
func (b Bounds) Center() Point {
	return Point{Lat: (b.Min.Lat + b.Max.Lat) / 2, Lon: (b.Min.Lon + b.Max.Lon) / 2}
}

// Region is one first-level administrative unit.
type Region struct {
	Code      string // ISO 3166-2 code from the file's shapeISO, e.g. "UZ-TO"
	Name      string // RegionNames[Code], or the file's shapeName for a code not in RegionNames
	ShapeName string // the file's shapeName as written ("Tashkent" for UZ-TK)

	// Polygons are the region's parts: polygons → rings → points. The
	// first ring of a polygon is its outer boundary and any further rings
	// are holes in it. Every ring is closed: its last point repeats its
	// first, so it can be drawn as a polyline as it is.
	Polygons [][][]Point

	// Center is a point inside the region (in its largest polygon and in
	// none of that polygon's holes), for the label and for markers of
	// projects that only name the region. It is the area-weighted
	// centroid of the largest polygon when that lies inside, otherwise the
	// middle of the widest stretch of the polygon along a parallel. Only
	// a region with no area at all, which ParseGeo allows but the bundled
	// file does not have, can have a Center outside it.
	Center Point

	Bounds Bounds // the box around all its polygons

	polyBounds []Bounds // the box around each polygon, for quick rejection
}

// Contains reports whether p lies in the region: inside one of its
// polygons' outer rings and not inside a hole of that polygon. The test is
// the even-odd rule with half-open edges, so of two regions that share a
// border a point on it lies in at most one, as a rule.
func (r *Region) Contains(p Point) bool {
	if !r.Bounds.Contains(p) {
		return false
	}
	for i, poly := range r.Polygons {
		if i < len(r.polyBounds) && !r.polyBounds[i].Contains(p) {
			continue
		}
		if polygonContains(poly, p) {
			return true
		}
	}
	return false
}

// Place is a town of the places file.
type Place struct {
	Name string // as written in the file, e.g. "Navoiy"
	Point
	Source string // the source id of the row, e.g. "geonames_c5000"
}

// Geo is the parsed geography: the regions and the towns.
type Geo struct {
	Regions   []Region         // sorted by Code
	Places    map[string]Point // the towns by Fold(name), e.g. "navoiy"
	PlaceList []Place          // the towns in file order
	Bounds    Bounds           // the box around every region

	index map[string]int // Code → index in Regions
}

// ParseGeo parses a GeoJSON FeatureCollection of regions and a CSV file of
// places (header name,latitude,longitude and optionally source; places may
// be empty).
//
// Each feature needs a properties.shapeISO (the region code; shapeName is
// optional) and a Polygon or MultiPolygon geometry in [longitude, latitude]
// order whose rings are closed and have at least four points. Any other
// geometry, a repeated shapeISO, a coordinate out of range or a place that
// is not a number is an error naming the feature (features[i], counted from
// 0, and its code) or the CSV line and what is wrong with it.
func ParseGeo(geojson, places []byte) (*Geo, error) {
	regions, err := parseRegions(geojson)
	if err != nil {
		return nil, err
	}
	list, err := parsePlaces(places)
	if err != nil {
		return nil, err
	}
	g := &Geo{
		Regions:   regions,
		Places:    make(map[string]Point, len(list)),
		PlaceList: list,
		Bounds:    EmptyBounds(),
		index:     make(map[string]int, len(regions)),
	}
	sort.Slice(g.Regions, func(i, j int) bool { return g.Regions[i].Code < g.Regions[j].Code })
	for i := range g.Regions {
		g.index[g.Regions[i].Code] = i
		g.Bounds = g.Bounds.Union(g.Regions[i].Bounds)
	}
	for _, p := range list {
		g.Places[placeKey(p.Name)] = p.Point
	}
	return g, nil
}

// Codes returns the region codes in order.
func (g *Geo) Codes() []string {
	out := make([]string, len(g.Regions))
	for i := range g.Regions {
		out[i] = g.Regions[i].Code
	}
	return out
}

// Region returns the region with this ISO code.
func (g *Geo) Region(code string) (*Region, bool) {
	i, ok := g.index[code]
	if !ok {
		return nil, false
	}
	return &g.Regions[i], true
}

// CheckRegion reports whether code is the code of a region of the file,
// for the loader's check of the projects' region column.
func (g *Geo) CheckRegion(code string) bool {
	_, ok := g.index[code]
	return ok
}

// RegionAt returns the code of the region p lies in (see Region.Contains),
// or ok=false when p is in none, such as a point outside the country or in
// a foreign enclave.
func (g *Geo) RegionAt(p Point) (code string, ok bool) {
	if !g.Bounds.Contains(p) {
		return "", false
	}
	for i := range g.Regions {
		if g.Regions[i].Contains(p) {
			return g.Regions[i].Code, true
		}
	}
	return "", false
}

// Place returns the position of a town of the places file, matching its
// name without regard to case, accents, Uzbek apostrophes or surrounding
// spaces (see Fold).
func (g *Geo) Place(name string) (Point, bool) {
	p, ok := g.Places[placeKey(name)]
	return p, ok
}

func placeKey(name string) string { return Fold(strings.Join(strings.Fields(name), " ")) }

// LocationBasis says where a project's marker position comes from.
type LocationBasis int

// The bases of Locate, from the most to the least precise.
const (
	NoLocation     LocationBasis = iota // not placed: listed under the map
	OwnCoordinates                      // the project's latitude and longitude
	TownLocation                        // its city, found in the places file
	RegionCentre                        // the Center of its first known region
)

// String gives the basis as the map's legend says it.
func (b LocationBasis) String() string { return English.Location(b) }

// Locate places a project on the map: at its own latitude and longitude
// when both are known and in range; otherwise at its City when the places
// file has it; otherwise at the Center of the first of its region codes
// that the geography knows; otherwise nowhere (ok=false, basis
// NoLocation).
func (g *Geo) Locate(p *Project) (pt Point, basis LocationBasis, ok bool) {
	if p == nil {
		return Point{}, NoLocation, false
	}
	return g.locate(p.Latitude, p.Longitude, p.City, p.Region, g.Place)
}

// LocateDeposit places a deposit the same way as a project.
func (g *Geo) LocateDeposit(dep *Deposit) (pt Point, basis LocationBasis, ok bool) {
	if dep == nil {
		return Point{}, NoLocation, false
	}
	return g.locate(dep.Latitude, dep.Longitude, dep.City, dep.Region, g.Place)
}

// Locator places many rows as Locate does, looking each town up once:
// 100,000 projects name a few hundred towns. One goroutine uses one.
type Locator struct {
	g     *Geo
	towns map[string]townHit
}

type townHit struct {
	pt Point
	ok bool
}

// Locator makes a Locator.
func (g *Geo) Locator() *Locator { return &Locator{g: g, towns: map[string]townHit{}} }

// Locate is Geo.Locate.
func (l *Locator) Locate(p *Project) (pt Point, basis LocationBasis, ok bool) {
	if p == nil {
		return Point{}, NoLocation, false
	}
	return l.g.locate(p.Latitude, p.Longitude, p.City, p.Region, l.place)
}

// LocateDeposit is Geo.LocateDeposit.
func (l *Locator) LocateDeposit(dep *Deposit) (pt Point, basis LocationBasis, ok bool) {
	if dep == nil {
		return Point{}, NoLocation, false
	}
	return l.g.locate(dep.Latitude, dep.Longitude, dep.City, dep.Region, l.place)
}

func (l *Locator) place(name string) (Point, bool) {
	h, seen := l.towns[name]
	if !seen {
		h.pt, h.ok = l.g.Place(name)
		l.towns[name] = h
	}
	return h.pt, h.ok
}

// locate tries a row's own coordinates, then its town, then the centre of
// its first region the map knows.
func (g *Geo) locate(lat, lon Number, city string, regions List, place func(string) (Point, bool)) (pt Point, basis LocationBasis, ok bool) {
	if lat.Known() && lon.Known() {
		pt = Point{Lat: lat.Value, Lon: lon.Value}
		if validPoint(pt) {
			return pt, OwnCoordinates, true
		}
	}
	if strings.TrimSpace(city) != "" {
		if pt, ok := place(city); ok {
			return pt, TownLocation, true
		}
	}
	for _, code := range regions {
		if r, ok := g.Region(strings.TrimSpace(code)); ok {
			return r.Center, RegionCentre, true
		}
	}
	return Point{}, NoLocation, false
}

func validPoint(p Point) bool {
	return p.Lat >= -90 && p.Lat <= 90 && p.Lon >= -180 && p.Lon <= 180
}
