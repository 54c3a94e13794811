package data

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// This file reads the map's two bundled files: the boundaries of the
// regions (a GeoJSON FeatureCollection) and the towns (a CSV file). Both
// are compiled in, so a problem in them is a mistake in the build, and the
// messages are for the developer who made it.

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

type geoFeature struct {
	Type       string `json:"type"`
	Properties struct {
		ShapeISO  string `json:"shapeISO"`
		ShapeName string `json:"shapeName"`
	} `json:"properties"`
	Geometry *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

func parseRegions(b []byte) ([]Region, error) {
	var fc geoCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("geojson: %w", err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("geojson: type is %q, want \"FeatureCollection\"", fc.Type)
	}
	if len(fc.Features) == 0 {
		return nil, errors.New("geojson: the FeatureCollection has no features")
	}
	regions := make([]Region, 0, len(fc.Features))
	seen := make(map[string]int, len(fc.Features))
	for i, f := range fc.Features {
		r, err := parseFeature(f)
		if err != nil {
			return nil, fmt.Errorf("geojson: features[%d] %s", i, err)
		}
		if j, dup := seen[r.Code]; dup {
			return nil, fmt.Errorf("geojson: features[%d]: shapeISO %s repeats features[%d]", i, r.Code, j)
		}
		seen[r.Code] = i
		regions = append(regions, r)
	}
	return regions, nil
}

func parseFeature(f geoFeature) (Region, error) {
	if f.Type != "Feature" {
		return Region{}, fmt.Errorf("type is %q, want \"Feature\"", f.Type)
	}
	r := Region{Code: strings.TrimSpace(f.Properties.ShapeISO), ShapeName: strings.TrimSpace(f.Properties.ShapeName)}
	if r.Code == "" {
		return Region{}, fmt.Errorf("(%q): properties has no shapeISO (the region code, such as \"UZ-TO\")", r.ShapeName)
	}
	r.Name = r.ShapeName
	if name, ok := RegionNames[r.Code]; ok {
		r.Name = name
	}
	g := f.Geometry
	if g == nil {
		return Region{}, fmt.Errorf("(%s): geometry is missing or null", r.Code)
	}
	var err error
	switch g.Type {
	case "Polygon":
		var rings [][][2]float64
		if err = json.Unmarshal(g.Coordinates, &rings); err == nil {
			var poly [][]Point
			poly, err = polygonOf(rings)
			r.Polygons = [][][]Point{poly}
		}
	case "MultiPolygon":
		var polys [][][][2]float64
		if err = json.Unmarshal(g.Coordinates, &polys); err == nil && len(polys) == 0 {
			err = errors.New("no polygons")
		}
		for _, rings := range polys {
			poly, perr := polygonOf(rings)
			if perr != nil {
				err = perr
				break
			}
			r.Polygons = append(r.Polygons, poly)
		}
	default:
		return Region{}, fmt.Errorf("(%s): geometry type %q is not supported (want Polygon or MultiPolygon)", r.Code, g.Type)
	}
	if err != nil {
		return Region{}, fmt.Errorf("(%s): geometry.coordinates: %w", r.Code, err)
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

// polygonOf checks a polygon's rings: closed, at least four positions,
// longitudes and latitudes in range.
func polygonOf(rings [][][2]float64) ([][]Point, error) {
	if len(rings) == 0 {
		return nil, errors.New("a polygon has no rings")
	}
	out := make([][]Point, len(rings))
	for i, ring := range rings {
		if len(ring) < 4 {
			return nil, fmt.Errorf("a ring has %d positions, want at least 4", len(ring))
		}
		pts := make([]Point, len(ring))
		for j, pos := range ring {
			lon, lat := pos[0], pos[1]
			if lon < -180 || lon > 180 || lat < -90 || lat > 90 {
				return nil, fmt.Errorf("position [%v, %v] is out of range", lon, lat)
			}
			pts[j] = Point{Lat: lat, Lon: lon}
		}
		if pts[0] != pts[len(pts)-1] {
			return nil, fmt.Errorf("ring %d is not closed", i)
		}
		out[i] = pts
	}
	return out, nil
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
