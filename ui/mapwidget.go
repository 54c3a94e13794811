package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/vector"

	"uzkor/data"
)

// mapWidget draws the regions, their names and the markers, with Fyne
// canvas objects and a raster redrawn at the size shown, so it is crisp at
// any size and scale.
type mapWidget struct {
	widget.BaseWidget
	v       *mapView
	slide   bool // on a slide: no hover or clicks, larger text
	hovered int  // marker under the pointer, −1
	region  string
	rend    *mapRenderer
}

func newMapWidget(v *mapView) *mapWidget {
	m := &mapWidget{v: v, hovered: -1}
	m.ExtendBaseWidget(m)
	return m
}

// MinSize leaves room for a readable map.
func (m *mapWidget) MinSize() fyne.Size { return fyne.NewSize(360, 240) }

func (m *mapWidget) CreateRenderer() fyne.WidgetRenderer {
	r := &mapRenderer{m: m}
	r.raster = canvas.NewRaster(r.draw)
	for range m.v.geo.Regions {
		t := canvas.NewText("", color.Black)
		t.Alignment = fyne.TextAlignCenter
		r.names = append(r.names, t)
	}
	for _, mk := range m.v.markers {
		if mk.deposit {
			r.shapes = append(r.shapes, canvas.NewRegularPolygon(3, mk.colour))
		} else {
			r.shapes = append(r.shapes, canvas.NewCircle(mk.colour))
		}
	}
	r.attrib = canvas.NewText(attribution, color.Black)
	m.rend = r
	return r
}

// project returns the projection for the widget's size, in Fyne units.
func (m *mapWidget) project() data.Projection {
	s := m.Size()
	return m.v.geo.Projection(float64(s.Width), float64(s.Height-m.attribHeight()), 12)
}

func (m *mapWidget) attribHeight() float32 {
	return theme.SizeForWidget(theme.SizeNameCaptionText, m) * 1.6
}

// markerAt finds the marker drawn under a position, or −1.
func (m *mapWidget) markerAt(p fyne.Position) int {
	if m.rend == nil {
		return -1
	}
	var pts []data.XY
	var idx []int
	for i := range m.v.markers {
		if m.v.visible(&m.v.markers[i]) && i < len(m.rend.spots) {
			pts = append(pts, m.rend.spots[i])
			idx = append(idx, i)
		}
	}
	radius := float64(theme.SizeForWidget(theme.SizeNameText, m)) * 0.7
	if n := data.Nearest(pts, float64(p.X), float64(p.Y), radius); n >= 0 {
		return idx[n]
	}
	return -1
}

func (m *mapWidget) regionAt(p fyne.Position) string {
	code, _ := m.project().RegionAtXY(m.v.geo, float64(p.X), float64(p.Y))
	return code
}

// MouseIn, MouseMoved and MouseOut describe what is under the pointer.
func (m *mapWidget) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

func (m *mapWidget) MouseMoved(e *desktop.MouseEvent) {
	if m.slide {
		return
	}
	mi := m.markerAt(e.Position)
	region := ""
	if mi < 0 {
		region = m.regionAt(e.Position)
	}
	if mi == m.hovered && region == m.region {
		return
	}
	m.hovered, m.region = mi, region
	m.v.hover.SetText(m.v.hoverText(mi, region))
	m.Refresh()
}

func (m *mapWidget) MouseOut() {
	m.hovered, m.region = -1, ""
	if m.v.hover != nil {
		m.v.hover.SetText(" ")
	}
	m.Refresh()
}

// Tapped opens a marker's detail, or lists a region's projects.
func (m *mapWidget) Tapped(e *fyne.PointEvent) {
	if m.slide {
		return
	}
	if mi := m.markerAt(e.Position); mi >= 0 {
		m.v.open(mi)
		return
	}
	if code := m.regionAt(e.Position); code != "" {
		m.v.regionClicked(code)
	}
}

// Cursor is a hand over what can be clicked.
func (m *mapWidget) Cursor() desktop.Cursor {
	if m.hovered >= 0 || m.region != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

type mapRenderer struct {
	m      *mapWidget
	raster *canvas.Raster
	names  []*canvas.Text
	shapes []fyne.CanvasObject
	spots  []data.XY // where each marker is drawn, in units
	attrib *canvas.Text
}

func (r *mapRenderer) Destroy()           {}
func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }
func (r *mapRenderer) Objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{r.raster}
	for _, t := range r.names {
		out = append(out, t)
	}
	out = append(out, r.shapes...)
	return append(out, r.attrib)
}

func (r *mapRenderer) Refresh() {
	r.Layout(r.m.Size())
	r.raster.Refresh()
	for _, o := range r.Objects()[1:] {
		o.Refresh()
	}
}

// Layout places the region names and markers over the raster. Markers at
// the same point are spread in a small spiral so each can be clicked.
func (r *mapRenderer) Layout(s fyne.Size) {
	m := r.m
	r.raster.Resize(s)
	if s.Width < 10 || s.Height < 10 {
		return
	}
	pr := m.project()
	fg := theme.ColorForWidget(theme.ColorNameForeground, m)
	ts := theme.SizeForWidget(theme.SizeNameText, m)
	for i, reg := range m.v.geo.Regions {
		t := r.names[i]
		x, y := pr.Project(reg.Center)
		t.Text = shortRegion(reg.Name)
		t.TextSize = ts * 0.8
		t.Color = fg
		t.TextStyle.Bold = reg.Code == m.region
		ms := t.MinSize()
		t.Move(fyne.NewPos(float32(x)-ms.Width/2, float32(y)+ts*0.5))
		t.Resize(ms)
	}
	size := ts * 0.85
	r.spots = make([]data.XY, len(m.v.markers))
	seen := map[[2]int]int{}
	for i := range m.v.markers {
		mk := &m.v.markers[i]
		x, y := pr.Project(mk.pt)
		key := [2]int{int(x), int(y)}
		k := seen[key]
		seen[key] = k + 1
		if k > 0 {
			// golden-angle spiral around the shared point
			a := float64(k) * 2.39996
			rad := float64(size) * 0.95 * math.Sqrt(float64(k))
			x += rad * math.Cos(a)
			y += rad * math.Sin(a)
		}
		r.spots[i] = data.XY{X: x, Y: y}
		o := r.shapes[i]
		on := m.v.visible(mk)
		stroke := color.Color(color.Black)
		width := float32(1)
		sz := size
		if i == m.hovered {
			stroke, width, sz = theme.ColorForWidget(theme.ColorNamePrimary, m), 3, size*1.4
		}
		switch sh := o.(type) {
		case *canvas.Circle:
			sh.StrokeColor, sh.StrokeWidth = stroke, width
		case *canvas.RegularPolygon:
			sh.StrokeColor, sh.StrokeWidth = stroke, width
			sz *= 1.2
		}
		o.Resize(fyne.NewSize(sz, sz))
		o.Move(fyne.NewPos(float32(x)-sz/2, float32(y)-sz/2))
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
	r.attrib.Text = attribution
	r.attrib.TextSize = theme.SizeForWidget(theme.SizeNameCaptionText, m)
	r.attrib.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, m)
	as := r.attrib.MinSize()
	r.attrib.Move(fyne.NewPos(s.Width-as.Width, s.Height-as.Height))
	r.attrib.Resize(as)
}

// shortRegion drops " Region" from a region's name on the map.
func shortRegion(name string) string {
	return strings.TrimSuffix(name, " Region")
}

// draw rasterises the regions at the pixel size shown: each filled with
// its shade (or the theme's input colour) and outlined.
func (r *mapRenderer) draw(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	m := r.m
	s := m.Size()
	if w < 2 || h < 2 || s.Width < 1 {
		return img
	}
	pr := m.project()
	px := float64(w) / float64(s.Width) // pixels per unit
	base := theme.ColorForWidget(theme.ColorNameInputBackground, m)
	edge := theme.ColorForWidget(theme.ColorNameForeground, m)
	line := float64(theme.SizeForWidget(theme.SizeNameSeparatorThickness, m)) * px
	for i := range m.v.geo.Regions {
		reg := &m.v.geo.Regions[i]
		fill := base
		if f, ok := m.v.shading(reg.Code); ok {
			fill = blend(base, shadeColour(f, edge))
		}
		if reg.Code == m.region {
			fill = blend(fill, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40})
		}
		rz := vector.NewRasterizer(w, h)
		for _, poly := range reg.Polygons {
			outer := ringSign(poly[0])
			for k, ring := range poly {
				pts := ring
				if k > 0 && ringSign(ring) == outer {
					pts = reversed(ring) // a hole must wind against its outer ring
				}
				for j, p := range pts {
					x, y := pr.Project(p)
					if j == 0 {
						rz.MoveTo(float32(x*px), float32(y*px))
					} else {
						rz.LineTo(float32(x*px), float32(y*px))
					}
				}
				rz.ClosePath()
			}
		}
		rz.Draw(img, img.Bounds(), image.NewUniform(fill), image.Point{})
		stroke := vector.NewRasterizer(w, h)
		for _, poly := range reg.Polygons {
			for _, ring := range poly {
				for j := 1; j < len(ring); j++ {
					x0, y0 := pr.Project(ring[j-1])
					x1, y1 := pr.Project(ring[j])
					strokeSegment(stroke, x0*px, y0*px, x1*px, y1*px, max(line, 1))
				}
			}
		}
		stroke.Draw(img, img.Bounds(), image.NewUniform(fade(edge)), image.Point{})
	}
	return img
}

// strokeSegment adds a thin quadrilateral along a line to a rasteriser.
func strokeSegment(z *vector.Rasterizer, x0, y0, x1, y1, width float64) {
	dx, dy := x1-x0, y1-y0
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*width/2, dx/l*width/2
	z.MoveTo(float32(x0+nx), float32(y0+ny))
	z.LineTo(float32(x1+nx), float32(y1+ny))
	z.LineTo(float32(x1-nx), float32(y1-ny))
	z.LineTo(float32(x0-nx), float32(y0-ny))
	z.ClosePath()
}

func ringSign(ring []data.Point) bool {
	a := 0.0
	for i := 1; i < len(ring); i++ {
		a += ring[i-1].Lon*ring[i].Lat - ring[i].Lon*ring[i-1].Lat
	}
	return a > 0
}

func reversed(ring []data.Point) []data.Point {
	out := slices.Clone(ring)
	slices.Reverse(out)
	return out
}

// blend lays a translucent colour over an opaque one.
func blend(under, over color.Color) color.Color {
	dst := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	dst.Set(0, 0, under)
	draw.Draw(dst, dst.Bounds(), image.NewUniform(over), image.Point{}, draw.Over)
	return dst.At(0, 0)
}
