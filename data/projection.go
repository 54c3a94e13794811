package data

import (
	"math"
	"sort"
)

// This file is the map's geometry: the projection of points onto a pixel
// box, and the hit tests that find the region or the marker under a pixel.

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
