//go:build ignore

// Command icon_gen draws the app icon, resources/icon.png: a white faceted
// crystal (a hexagonal table ringed by six bevels) on a rounded square of
// Korean blue, one bevel in Uzbek green. Blue for Korea, green for
// Uzbekistan, the crystal for the critical minerals between them. The shapes
// are large and few so that the mark still reads at 16 px.
//
// Run it from the repository root:
//
//	go run resources/icon_gen.go                      # resources/icon.png, 1024 px
//	go run resources/icon_gen.go -size 256 -o x.png   # another size, drawn at that size
//
// It uses the standard library only and anti-aliases every edge by
// supersampling: each pixel is the average of ss×ss samples. The output is
// the same, byte for byte, on every run.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

const ss = 8 // samples per pixel along each axis

// The palette: Korean blue as the ground, white and two tints of that blue
// for the crystal, and one accent, Uzbek green.
var (
	blue  = rgb(0x00, 0x47, 0xA0) // Korean blue
	white = rgb(0xFF, 0xFF, 0xFF)
	tint1 = rgb(0xC4, 0xD6, 0xF0) // the blue at about 23 %
	tint2 = rgb(0x86, 0xA9, 0xDD) // the blue at about 47 %
	green = rgb(0x1E, 0xB5, 0x3A) // Uzbek green
	clear = [4]float64{}          // outside the tile
)

type pt struct{ x, y float64 }

// The geometry, in a unit square with y downwards.
const (
	margin = 0.035 // transparent border around the tile
	radius = 0.19  // corner radius of the tile
	outerR = 0.335 // circumradius of the crystal
	innerR = 0.5 * outerR
	seam   = 0.022 // width of the blue lines between facets
)

var centre = pt{0.5, 0.515}

type facet struct {
	poly []pt
	col  [4]float64
}

func main() {
	size := flag.Int("size", 1024, "width and height in `pixels`")
	out := flag.String("o", "resources/icon.png", "the PNG `file` to write")
	flag.Parse()
	if *size < 16 || *size > 4096 {
		log.Fatal("-size: from 16 to 4096 pixels")
	}
	draw(*size, *out)
}

func draw(size int, out string) {
	outer, inner := hexagon(centre, outerR), hexagon(centre, innerR)

	// The table, then the six bevels clockwise from the upper right, lit
	// from the upper left; the lower-right bevel is the green accent.
	facets := []facet{{inner, white}}
	cols := [][4]float64{white, tint1, green, tint2, tint1, white}
	var seams [][2]pt
	for k := 0; k < 6; k++ {
		n := (k + 1) % 6
		facets = append(facets, facet{[]pt{inner[k], outer[k], outer[n], inner[n]}, cols[k]})
		seams = append(seams, [2]pt{inner[k], outer[k]}, [2]pt{inner[k], inner[n]})
	}

	colour := func(p pt) [4]float64 {
		if !inRoundedSquare(p) {
			return clear
		}
		for _, f := range facets {
			if !inPolygon(p, f.poly) {
				continue
			}
			for _, s := range seams {
				if segDist(p, s[0], s[1]) < seam/2 {
					return blue
				}
			}
			return f.col
		}
		return blue
	}

	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var sum [4]float64 // premultiplied by alpha
			for j := 0; j < ss; j++ {
				for i := 0; i < ss; i++ {
					c := colour(pt{
						(float64(x) + (float64(i)+0.5)/ss) / float64(size),
						(float64(y) + (float64(j)+0.5)/ss) / float64(size),
					})
					for ch := 0; ch < 3; ch++ {
						sum[ch] += c[ch] * c[3]
					}
					sum[3] += c[3]
				}
			}
			if sum[3] == 0 {
				continue // fully transparent
			}
			img.SetNRGBA(x, y, color.NRGBA{
				R: to8(sum[0] / sum[3]),
				G: to8(sum[1] / sum[3]),
				B: to8(sum[2] / sum[3]),
				A: to8(sum[3] / (ss * ss)),
			})
		}
	}

	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s (%d×%d)", out, size, size)
}

func rgb(r, g, b uint8) [4]float64 {
	return [4]float64{float64(r) / 255, float64(g) / 255, float64(b) / 255, 1}
}

func to8(v float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, v)) * 255)) }

// hexagon returns the corners of a regular hexagon with a corner at the
// top, clockwise from the top.
func hexagon(c pt, r float64) []pt {
	v := make([]pt, 6)
	for k := range v {
		a := math.Pi / 180 * float64(-90+60*k)
		v[k] = pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)}
	}
	return v
}

// inRoundedSquare reports whether p is on the tile: the unit square less
// the margin, with rounded corners.
func inRoundedSquare(p pt) bool {
	if p.x < margin || p.x > 1-margin || p.y < margin || p.y > 1-margin {
		return false
	}
	lo, hi := margin+radius, 1-margin-radius
	dx := math.Max(0, math.Max(lo-p.x, p.x-hi))
	dy := math.Max(0, math.Max(lo-p.y, p.y-hi))
	return dx*dx+dy*dy <= radius*radius
}

// inPolygon reports whether p is inside the polygon v (even-odd rule).
func inPolygon(p pt, v []pt) bool {
	in := false
	for i, j := 0, len(v)-1; i < len(v); j, i = i, i+1 {
		a, b := v[i], v[j]
		if (a.y > p.y) != (b.y > p.y) && p.x < (b.x-a.x)*(p.y-a.y)/(b.y-a.y)+a.x {
			in = !in
		}
	}
	return in
}

// segDist is the distance from p to the segment ab.
func segDist(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := math.Max(0, math.Min(1, ((p.x-a.x)*dx+(p.y-a.y)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}
