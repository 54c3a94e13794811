package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
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
func (b LocationBasis) String() string {
	switch b {
	case OwnCoordinates:
		return "own coordinates"
	case TownLocation:
		return "town location"
	case RegionCentre:
		return "region"
	}
	return "no location"
}

// Locate places a project on the map: at its own latitude and longitude
// when both are known and in range; otherwise at its City when the places
// file has it; otherwise at the Center of the first of its region codes
// that the geography knows; otherwise nowhere (ok=false, basis
// NoLocation).
func (g *Geo) Locate(p *Project) (pt Point, basis LocationBasis, ok bool) {
	if p == nil {
		return Point{}, NoLocation, false
	}
	return g.locate(p.Latitude, p.Longitude, p.City, p.Region)
}

// LocateDeposit places a deposit the same way as a project.
func (g *Geo) LocateDeposit(dep *Deposit) (pt Point, basis LocationBasis, ok bool) {
	if dep == nil {
		return Point{}, NoLocation, false
	}
	return g.locate(dep.Latitude, dep.Longitude, dep.City, dep.Region)
}

// locate tries a row's own coordinates, then its town, then the centre of
// its first region the map knows.
func (g *Geo) locate(lat, lon Number, city string, regions List) (pt Point, basis LocationBasis, ok bool) {
	if lat.Known && lon.Known {
		pt = Point{Lat: lat.Value, Lon: lon.Value}
		if validPoint(pt) {
			return pt, OwnCoordinates, true
		}
	}
	if strings.TrimSpace(city) != "" {
		if pt, ok := g.Place(city); ok {
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

// XY is a position in pixels.
type XY struct{ X, Y float64 }

// Nearest returns the index of the point closest to (x, y) that is no more
// than radius away, or −1 when there is none. Of points at the same
// distance it returns the last, the marker drawn on top.
func Nearest(points []XY, x, y, radius float64) int {
	best, bestD := -1, radius*radius
	if !(radius >= 0) {
		return -1
	}
	for i, p := range points {
		dx, dy := p.X-x, p.Y-y
		if d := dx*dx + dy*dy; d <= bestD {
			best, bestD = i, d
		}
	}
	return best
}

// Projection maps points to pixels: equirectangular, with longitudes
// scaled by the cosine of the mean latitude of the box it was made for, so
// shapes keep their proportions near that latitude; north is up and y
// grows downward. The box is fitted into width × height less the margin on
// every side, keeping its aspect ratio, and centred.
type Projection struct {
	width, height float64
	center        Point   // the middle of the fitted box, drawn at the middle of the pixel box
	kx            float64 // cos(mean latitude)
	scale         float64 // pixels per degree of latitude
}

// Projection returns the projection that fits every region into a
// width × height pixel box with margin pixels free on each side.
func (g *Geo) Projection(width, height, margin float64) Projection {
	return NewProjection(g.Bounds, width, height, margin)
}

// NewProjection returns the projection that fits b into a width × height
// pixel box with margin pixels free on each side. A negative margin counts
// as none. When the box leaves no room the scale is 0: every point is
// drawn at the middle and Unproject returns the middle of b.
func NewProjection(b Bounds, width, height, margin float64) Projection {
	pr := Projection{width: width, height: height, kx: 1}
	if b.Empty() {
		return pr
	}
	pr.center = b.Center()
	pr.kx = math.Cos(pr.center.Lat * math.Pi / 180)
	if !(pr.kx > 1e-6) {
		pr.kx = 1e-6
	}
	margin = math.Max(margin, 0)
	innerW := math.Max(width-2*margin, 0)
	innerH := math.Max(height-2*margin, 0)
	w := (b.Max.Lon - b.Min.Lon) * pr.kx
	h := b.Max.Lat - b.Min.Lat
	switch {
	case w > 0 && h > 0:
		pr.scale = math.Min(innerW/w, innerH/h)
	case w > 0:
		pr.scale = innerW / w
	case h > 0:
		pr.scale = innerH / h
	default:
		pr.scale = 1 // a single point: any scale will do
	}
	if math.IsNaN(pr.scale) || math.IsInf(pr.scale, 0) {
		pr.scale = 0
	}
	return pr
}

// Scale returns the number of pixels per degree of latitude.
func (pr Projection) Scale() float64 { return pr.scale }

// Project returns the pixel position of p.
func (pr Projection) Project(p Point) (x, y float64) {
	x = pr.width/2 + (p.Lon-pr.center.Lon)*pr.kx*pr.scale
	y = pr.height/2 - (p.Lat-pr.center.Lat)*pr.scale
	return x, y
}

// Unproject returns the point drawn at pixel (x, y): Project's inverse.
func (pr Projection) Unproject(x, y float64) Point {
	if pr.scale == 0 {
		return pr.center
	}
	return Point{
		Lat: pr.center.Lat - (y-pr.height/2)/pr.scale,
		Lon: pr.center.Lon + (x-pr.width/2)/(pr.kx*pr.scale),
	}
}

// ProjectAll returns the pixel positions of the points, for drawing a ring
// or hit-testing markers with Nearest.
func (pr Projection) ProjectAll(points []Point) []XY {
	out := make([]XY, len(points))
	for i, p := range points {
		out[i].X, out[i].Y = pr.Project(p)
	}
	return out
}

// RegionAtXY returns the code of the region drawn at pixel (x, y).
func (pr Projection) RegionAtXY(g *Geo, x, y float64) (code string, ok bool) {
	return g.RegionAt(pr.Unproject(x, y))
}

// polygonContains is the even-odd test over all rings of a polygon, so a
// point in a hole is outside. Edges are half-open in latitude (a vertex
// counts for the edge above it), which keeps the count right when the ray
// passes through a vertex. scanline uses the same crossings.
func polygonContains(poly [][]Point, p Point) bool {
	in := false
	for _, ring := range poly {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a.Lat > p.Lat) != (b.Lat > p.Lat) {
				if p.Lon < crossLon(a, b, p.Lat) {
					in = !in
				}
			}
		}
	}
	return in
}

// crossLon is the longitude where the edge a–b crosses the parallel lat.
func crossLon(a, b Point, lat float64) float64 {
	return a.Lon + (lat-a.Lat)*(b.Lon-a.Lon)/(b.Lat-a.Lat)
}

// widestSpan returns the middle and the width of the widest stretch of the
// polygon's interior along the parallel lat (width 0 when there is none).
func widestSpan(poly [][]Point, lat float64, xs []float64) (mid Point, width float64, buf []float64) {
	xs = xs[:0]
	for _, ring := range poly {
		for i := 0; i+1 < len(ring); i++ {
			a, b := ring[i], ring[i+1]
			if (a.Lat > lat) != (b.Lat > lat) {
				xs = append(xs, crossLon(a, b, lat))
			}
		}
	}
	sort.Float64s(xs)
	for i := 0; i+1 < len(xs); i += 2 {
		if w := xs[i+1] - xs[i]; w > width {
			m := Point{Lat: lat, Lon: xs[i] + w/2}
			if polygonContains(poly, m) { // guards against rounding in a sliver
				mid, width = m, w
			}
		}
	}
	return mid, width, xs
}

// ringArea returns the signed area (positive when anticlockwise) and the
// centroid of a closed ring, computed about its first point for precision.
func ringArea(ring []Point) (area float64, c Point) {
	if len(ring) == 0 {
		return 0, Point{}
	}
	o := ring[0]
	var a, cx, cy float64
	for i := 0; i+1 < len(ring); i++ {
		x0, y0 := ring[i].Lon-o.Lon, ring[i].Lat-o.Lat
		x1, y1 := ring[i+1].Lon-o.Lon, ring[i+1].Lat-o.Lat
		cross := x0*y1 - x1*y0
		a += cross
		cx += (x0 + x1) * cross
		cy += (y0 + y1) * cross
	}
	a /= 2
	if a == 0 {
		return 0, o
	}
	return a, Point{Lat: o.Lat + cy/(6*a), Lon: o.Lon + cx/(6*a)}
}

// polygonCentroid returns the area of a polygon (outer ring less its
// holes, whatever their winding) and its area-weighted centroid.
func polygonCentroid(poly [][]Point) (area float64, c Point) {
	var sx, sy float64
	for i, ring := range poly {
		a, rc := ringArea(ring)
		a = math.Abs(a)
		if i > 0 {
			a = -a
		}
		area += a
		sx += a * rc.Lon
		sy += a * rc.Lat
	}
	if !(area > 0) {
		return 0, Point{}
	}
	return area, Point{Lat: sy / area, Lon: sx / area}
}

// interiorPoint returns a point inside the region (see Region.Center).
func interiorPoint(polys [][][]Point) Point {
	if len(polys) == 0 || len(polys[0]) == 0 || len(polys[0][0]) == 0 {
		return Point{}
	}
	largest, largestArea := 0, math.Inf(-1)
	var centroid Point
	for i, poly := range polys {
		if a, c := polygonCentroid(poly); a > largestArea {
			largest, largestArea, centroid = i, a, c
		}
	}
	poly := polys[largest]
	if largestArea > 0 && polygonContains(poly, centroid) {
		return centroid
	}
	// The centroid is outside (a hole, a bend): take the middle of the
	// widest interior stretch along its parallel, or failing that along
	// any of a fan of parallels across the polygon.
	var xs []float64
	best, bestW := Point{}, 0.0
	if largestArea > 0 {
		best, bestW, xs = widestSpan(poly, centroid.Lat, xs)
	}
	if bestW == 0 {
		b := EmptyBounds()
		for _, p := range poly[0] {
			b = b.Extend(p)
		}
		const lines = 64
		for k := 0; k < lines; k++ {
			lat := b.Min.Lat + (b.Max.Lat-b.Min.Lat)*(float64(k)+0.5)/lines
			var m Point
			var w float64
			m, w, xs = widestSpan(poly, lat, xs)
			if w > bestW {
				best, bestW = m, w
			}
		}
	}
	if bestW > 0 {
		return best
	}
	return poly[0][0] // no area at all
}

// GeoJSON parsing.

type geoCollection struct {
	Type     string            `json:"type"`
	Features []json.RawMessage `json:"features"`
}

type geoFeature struct {
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
	Geometry   *geoGeometry   `json:"geometry"`
}

type geoGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

func parseRegions(b []byte) ([]Region, error) {
	var fc geoCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("geojson: %s", jsonProblem(b, err, "the file", true))
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("geojson: type is %q, want \"FeatureCollection\"", fc.Type)
	}
	if len(fc.Features) == 0 {
		return nil, errors.New("geojson: the FeatureCollection has no features")
	}
	regions := make([]Region, 0, len(fc.Features))
	seen := make(map[string]int, len(fc.Features))
	for i, raw := range fc.Features {
		r, err := parseFeature(raw)
		if err != nil {
			return nil, fmt.Errorf("geojson: features[%d]%s", i, err)
		}
		if j, dup := seen[r.Code]; dup {
			return nil, fmt.Errorf("geojson: features[%d] (%s): shapeISO %s repeats features[%d]", i, r.Code, r.Code, j)
		}
		seen[r.Code] = i
		regions = append(regions, r)
	}
	return regions, nil
}

// parseFeature returns an error that begins with ": " or " (CODE): ", for
// the caller to put after "features[i]".
func parseFeature(raw json.RawMessage) (Region, error) {
	var f geoFeature
	if err := json.Unmarshal(raw, &f); err != nil {
		return Region{}, fmt.Errorf(": %s", jsonProblem(raw, err, "the feature", false))
	}
	if f.Type != "Feature" {
		return Region{}, fmt.Errorf(": type is %q, want \"Feature\"", f.Type)
	}
	var r Region
	if v, ok := f.Properties["shapeName"]; ok {
		s, isString := v.(string)
		if !isString {
			return Region{}, fmt.Errorf(": properties.shapeName is %s, want a string", jsonKind(v))
		}
		r.ShapeName = strings.TrimSpace(s)
	}
	v, ok := f.Properties["shapeISO"]
	if !ok {
		if r.ShapeName != "" {
			return Region{}, fmt.Errorf(" (shapeName %q): properties has no shapeISO (the region code, such as \"UZ-TO\")", r.ShapeName)
		}
		return Region{}, errors.New(": properties has no shapeISO (the region code, such as \"UZ-TO\")")
	}
	code, isString := v.(string)
	if !isString {
		return Region{}, fmt.Errorf(": properties.shapeISO is %s, want a string such as \"UZ-TO\"", jsonKind(v))
	}
	r.Code = strings.TrimSpace(code)
	if r.Code == "" {
		return Region{}, errors.New(": properties.shapeISO is empty, want a region code such as \"UZ-TO\"")
	}
	r.Name = r.ShapeName
	if name, ok := RegionNames[r.Code]; ok {
		r.Name = name
	}
	at := " (" + r.Code + "): "
	if f.Geometry == nil {
		return Region{}, errors.New(at + "geometry is missing or null")
	}
	kind := f.Geometry.Type
	if kind != "Polygon" && kind != "MultiPolygon" {
		return Region{}, fmt.Errorf("%sgeometry type %q is not supported (want Polygon or MultiPolygon)", at, kind)
	}
	if len(f.Geometry.Coordinates) == 0 {
		return Region{}, errors.New(at + "geometry has no coordinates")
	}
	var coords any
	if err := json.Unmarshal(f.Geometry.Coordinates, &coords); err != nil {
		return Region{}, errors.New(at + jsonProblem(f.Geometry.Coordinates, err, "geometry.coordinates", false))
	}
	var err error
	if kind == "Polygon" {
		var poly [][]Point
		poly, err = polygonOf(coords, "geometry.coordinates")
		r.Polygons = [][][]Point{poly}
	} else {
		r.Polygons, err = multiPolygonOf(coords, "geometry.coordinates")
	}
	if err != nil {
		return Region{}, errors.New(at + err.Error())
	}
	r.Bounds = EmptyBounds()
	r.polyBounds = make([]Bounds, len(r.Polygons))
	for i, poly := range r.Polygons {
		b := EmptyBounds()
		for _, p := range poly[0] { // holes lie inside the outer ring
			b = b.Extend(p)
		}
		r.polyBounds[i] = b
		r.Bounds = r.Bounds.Union(b)
	}
	r.Center = interiorPoint(r.Polygons)
	return r, nil
}

func multiPolygonOf(v any, path string) ([][][]Point, error) {
	polys, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is %s, want an array of polygons", path, jsonKind(v))
	}
	if len(polys) == 0 {
		return nil, fmt.Errorf("%s has no polygons", path)
	}
	out := make([][][]Point, len(polys))
	for i, pv := range polys {
		poly, err := polygonOf(pv, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = poly
	}
	return out, nil
}

func polygonOf(v any, path string) ([][]Point, error) {
	rings, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is %s, want an array of rings", path, jsonKind(v))
	}
	if len(rings) == 0 {
		return nil, fmt.Errorf("%s has no rings (a polygon needs an outer ring)", path)
	}
	out := make([][]Point, len(rings))
	for i, rv := range rings {
		ring, err := ringOf(rv, fmt.Sprintf("%s[%d]", path, i))
		if err != nil {
			return nil, err
		}
		out[i] = ring
	}
	return out, nil
}

func ringOf(v any, path string) ([]Point, error) {
	pts, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("%s is %s, want an array of [longitude, latitude] positions", path, jsonKind(v))
	}
	out := make([]Point, len(pts))
	for i, pv := range pts {
		pos, ok := pv.([]any)
		if !ok || len(pos) < 2 {
			return nil, fmt.Errorf("%s[%d] is %s, want [longitude, latitude]", path, i, jsonKind(pv))
		}
		lon, ok1 := pos[0].(float64)
		lat, ok2 := pos[1].(float64)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%s[%d] is [%s, %s], want two numbers [longitude, latitude]", path, i, jsonKind(pos[0]), jsonKind(pos[1]))
		}
		if lon < -180 || lon > 180 {
			return nil, fmt.Errorf("%s[%d]: longitude %v is out of range (-180 to 180)", path, i, lon)
		}
		if lat < -90 || lat > 90 {
			return nil, fmt.Errorf("%s[%d]: latitude %v is out of range (-90 to 90)", path, i, lat)
		}
		out[i] = Point{Lat: lat, Lon: lon}
	}
	if len(out) < 4 {
		return nil, fmt.Errorf("%s has %d position(s), want at least 4 (a closed ring repeats its first position last)", path, len(out))
	}
	if first, last := out[0], out[len(out)-1]; first != last {
		return nil, fmt.Errorf("%s is not closed: it starts at [%v, %v] and ends at [%v, %v] (want the first position repeated last)",
			path, first.Lon, first.Lat, last.Lon, last.Lat)
	}
	return out, nil
}

// jsonKind names the JSON type of a decoded value, with short values shown.
func jsonKind(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean (" + strconv.FormatBool(v) + ")"
	case float64:
		return "a number (" + strconv.FormatFloat(v, 'g', -1, 64) + ")"
	case string:
		if len(v) > 40 {
			v = v[:40] + "…"
		}
		return "a string (" + strconv.Quote(v) + ")"
	case []any:
		return fmt.Sprintf("an array of %d", len(v))
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// jsonProblem explains an encoding/json error in the file's terms: the
// line and column of a syntax error, the field and type of a type error.
// whole names the value b holds, for an error about all of it; pos says
// whether b is the whole file, so that offsets in it are worth giving.
func jsonProblem(b []byte, err error, whole string, pos bool) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if !pos {
			return "invalid JSON: " + syn.Error()
		}
		off := int(syn.Offset)
		if strings.HasPrefix(syn.Error(), "invalid character") && off > 0 {
			off-- // the offset is just past the character at fault
		}
		line, col := lineCol(b, off)
		return fmt.Sprintf("invalid JSON at line %d, column %d: %s", line, col, syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		switch {
		case field == "":
			field = whole
		case whole != "the file" && whole != "the feature":
			field = whole + "." + field
		}
		var msg string
		if strings.HasPrefix(typ.Value, "number ") {
			msg = fmt.Sprintf("%s holds the %s, which is too large", field, typ.Value)
		} else {
			msg = fmt.Sprintf("%s is a JSON %s, want %s", field, typ.Value, goKind(typ.Type))
		}
		if pos {
			line, col := lineCol(b, int(typ.Offset))
			msg += fmt.Sprintf(" (line %d, column %d)", line, col)
		}
		return msg
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func goKind(t reflect.Type) string {
	if t == nil {
		return "another type"
	}
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int64:
		return "a number"
	case reflect.Pointer:
		return goKind(t.Elem())
	}
	return "a " + t.Kind().String()
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(b []byte, off int) (line, col int) {
	if off > len(b) {
		off = len(b)
	}
	if off < 0 {
		off = 0
	}
	line = 1 + bytes.Count(b[:off], []byte{'\n'})
	col = off - bytes.LastIndexByte(b[:off], '\n')
	return line, col
}

// Places parsing.

func parsePlaces(b []byte) ([]Place, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, nil
	}
	r := csv.NewReader(bytes.NewReader(b))
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("places.csv: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := col[h]; dup && h != "" {
			return nil, fmt.Errorf("places.csv line 1: column %q appears twice", h)
		}
		col[h] = i
	}
	for _, want := range []string{"name", "latitude", "longitude"} {
		if _, ok := col[want]; !ok {
			return nil, fmt.Errorf("places.csv line 1: the header has no %q column (want name,latitude,longitude[,source])", want)
		}
	}
	src, hasSource := col["source"]
	var out []Place
	var lines []int
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("places.csv: %v", err)
		}
		line, _ := r.FieldPos(0)
		name := strings.TrimSpace(rec[col["name"]])
		if name == "" {
			return nil, fmt.Errorf("places.csv line %d: the name is empty", line)
		}
		var p Place
		p.Name = name
		if hasSource {
			p.Source = strings.TrimSpace(rec[src])
		}
		for _, c := range []struct {
			name     string
			to       *float64
			min, max float64
		}{{"latitude", &p.Lat, -90, 90}, {"longitude", &p.Lon, -180, 180}} {
			s := strings.TrimSpace(rec[col[c.name]])
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("places.csv line %d (%s): %s %q is not a number", line, name, c.name, s)
			}
			if v < c.min || v > c.max {
				return nil, fmt.Errorf("places.csv line %d (%s): %s %v is out of range (%v to %v)", line, name, c.name, v, c.min, c.max)
			}
			*c.to = v
		}
		key := placeKey(name)
		if prev, dup := seen[key]; dup {
			return nil, fmt.Errorf("places.csv line %d: %q repeats the place %q of line %d", line, name, out[prev].Name, lines[prev])
		}
		seen[key] = len(out)
		out = append(out, p)
		lines = append(lines, line)
	}
	return out, nil
}
