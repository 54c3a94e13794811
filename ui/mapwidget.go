package ui

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strconv"
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
	cluster int  // cluster under the pointer, −1
	region  string
	rend    *mapRenderer
}

func newMapWidget(v *mapView) *mapWidget {
	m := &mapWidget{v: v, hovered: -1, cluster: -1}
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
	// Markers are drawn as they are needed (a clustered one is not).
	r.shapes = make([]fyne.CanvasObject, len(m.v.markers))
	for range min(len(m.v.markers)/2+1, maxClusters) {
		dot := canvas.NewCircle(color.Black)
		r.clusterDots = append(r.clusterDots, dot)
		t := canvas.NewText("", color.White)
		t.TextStyle.Bold = true
		t.Alignment = fyne.TextAlignCenter
		r.clusterText = append(r.clusterText, t)
	}
	r.attrib = canvas.NewText(attribution(), color.Black)
	m.rend = r
	return r
}

// project returns the projection for the widget's size, in Fyne units:
// the whole country, or the part the user zoomed to.
func (m *mapWidget) project() data.Projection {
	s := m.Size()
	w, h := float64(s.Width), float64(s.Height-m.attribHeight())
	if f := m.v.focus; f != nil && !m.slide {
		return data.NewProjection(*f, w, h, 12)
	}
	return m.v.geo.Projection(w, h, 12)
}

// clusterAt finds the cluster drawn under a position, or −1.
func (m *mapWidget) clusterAt(p fyne.Position) int {
	if m.rend == nil {
		return -1
	}
	for i, c := range m.rend.clusters {
		if math.Hypot(float64(p.X)-c.at.X, float64(p.Y)-c.at.Y) <= float64(c.radius) {
			return i
		}
	}
	return -1
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
		if m.v.visible(&m.v.markers[i]) && i < len(m.rend.spots) && m.rend.inCluster[i] < 0 {
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
	ci := m.clusterAt(e.Position)
	mi, region := -1, ""
	if ci < 0 {
		mi = m.markerAt(e.Position)
	}
	if ci < 0 && mi < 0 {
		region = m.regionAt(e.Position)
	}
	if mi == m.hovered && ci == m.cluster && region == m.region {
		return
	}
	m.hovered, m.cluster, m.region = mi, ci, region
	if ci >= 0 {
		m.v.hover.SetText(m.v.clusterText(m.rend.clusters[ci].members))
	} else {
		m.v.hover.SetText(m.v.hoverText(mi, region))
	}
	m.Refresh()
}

func (m *mapWidget) MouseOut() {
	m.hovered, m.cluster, m.region = -1, -1, ""
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
	if ci := m.clusterAt(e.Position); ci >= 0 {
		m.v.zoomTo(m.rend.clusters[ci].members)
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
	if m.hovered >= 0 || m.cluster >= 0 || m.region != "" {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// maxClusters caps the discs drawn; maxMarkers the markers drawn one by
// one: beyond it, markers are clustered even when zoomed in.
const (
	maxClusters = 400
	maxMarkers  = 1500
)

type mapRenderer struct {
	m           *mapWidget
	raster      *canvas.Raster
	names       []*canvas.Text
	shapes      []fyne.CanvasObject
	spots       []data.XY // where each marker is drawn, in units
	inCluster   []int     // the cluster a marker is drawn in, −1 for none
	clusters    []cluster
	clusterDots []*canvas.Circle
	clusterText []*canvas.Text
	attrib      *canvas.Text
	placed      placing // what spots and clusters were worked out for
}

// placing is what decides where markers and clusters go: Layout works them
// out again only when it changes, not for a hover or a tab shown again.
type placing struct {
	size    fyne.Size
	text    float32
	focus   data.Bounds
	zoomed  bool
	slide   bool
	layers  string // each layer on (1) or off (0)
	markers int
}

// cluster is markers too close to tell apart at this scale, drawn as one
// disc with their count; a click zooms in on them.
type cluster struct {
	members []int
	at      data.XY
	radius  float32
}

func (r *mapRenderer) Destroy()           {}
func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }
func (r *mapRenderer) Objects() []fyne.CanvasObject {
	out := []fyne.CanvasObject{r.raster}
	for _, o := range r.shapes {
		if o != nil {
			out = append(out, o)
		}
	}
	for i := range r.clusterDots {
		out = append(out, r.clusterDots[i], r.clusterText[i])
	}
	// The region names over the markers, so that they stay readable.
	for _, t := range r.names {
		out = append(out, t)
	}
	return append(out, r.attrib)
}

func (r *mapRenderer) Refresh() {
	r.Layout(r.m.Size())
	r.raster.Refresh()
	for _, o := range r.Objects()[1:] {
		o.Refresh()
	}
}

// Layout places the region names and markers over the raster. On the
// whole country, markers that would overlap are drawn as one disc with
// their count; zoomed in, markers at the same point are spread in a small
// spiral so that each can be clicked.
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
		t.Text = shortRegion(reg.Code, reg.Name)
		t.TextSize = ts * 0.8
		t.Color = fg
		t.TextStyle.Bold = reg.Code == m.region
		ms := t.MinSize()
		t.Move(fyne.NewPos(float32(x)-ms.Width/2, float32(y)+ts*0.5))
		t.Resize(ms)
		if x < 0 || y < 0 || x > float64(s.Width) || y > float64(s.Height) {
			t.Hide()
		} else {
			t.Show()
		}
	}
	size := ts * 0.85
	if p := r.placing(s, ts); p != r.placed {
		r.place(pr, size)
		r.placed = p
	}
	for i := range m.v.markers {
		mk := &m.v.markers[i]
		x, y := r.spots[i].X, r.spots[i].Y
		o := r.shapes[i]
		on := m.v.visible(mk) && r.inCluster[i] < 0
		if o == nil {
			if !on {
				continue
			}
			if mk.deposit {
				o = canvas.NewRegularPolygon(3, mk.colour)
			} else {
				o = canvas.NewCircle(mk.colour)
			}
			r.shapes[i] = o
		}
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
	// The clusters: a disc in the text colour, the count in the
	// background's, growing a little with the count.
	bg := theme.ColorForWidget(theme.ColorNameBackground, m)
	for i, dot := range r.clusterDots {
		t := r.clusterText[i]
		if i >= len(r.clusters) {
			dot.Hide()
			t.Hide()
			continue
		}
		c := &r.clusters[i]
		c.radius = size * (0.9 + 0.12*float32(min(len(c.members), 12)))
		dot.FillColor, dot.StrokeColor, dot.StrokeWidth = fg, bg, 2
		if i == m.cluster {
			dot.StrokeColor, dot.StrokeWidth = theme.ColorForWidget(theme.ColorNamePrimary, m), 3
		}
		dot.Resize(fyne.NewSize(c.radius*2, c.radius*2))
		dot.Move(fyne.NewPos(float32(c.at.X)-c.radius, float32(c.at.Y)-c.radius))
		t.Text = strconv.Itoa(len(c.members))
		t.Color, t.TextSize = bg, ts*0.85
		ms := t.MinSize()
		t.Resize(ms)
		t.Move(fyne.NewPos(float32(c.at.X)-ms.Width/2, float32(c.at.Y)-ms.Height/2))
		dot.Show()
		t.Show()
	}
	r.clearNames()
	r.attrib.TextSize = theme.SizeForWidget(theme.SizeNameCaptionText, m)
	// The credit fits the map's width, elided in a long language on a
	// small screen.
	r.attrib.Text = elide(attribution(), r.attrib.TextSize, r.attrib.TextStyle, s.Width)
	r.attrib.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, m)
	as := r.attrib.MinSize()
	r.attrib.Move(fyne.NewPos(s.Width-as.Width, s.Height-as.Height))
	r.attrib.Resize(as)
}

// clearNames moves a region's name that a cluster's disc would hide (the
// disc is in the names' colour) to just under the disc; names moved under
// one disc go one under the other (Tashkent, Tashkent city).
func (r *mapRenderer) clearNames() {
	below := make([]float32, len(r.clusters)) // where the next name under each disc goes
	for i, c := range r.clusters {
		below[i] = float32(c.at.Y) + c.radius + 2
	}
	for _, t := range r.names {
		if !t.Visible() {
			continue
		}
		for i, c := range r.clusters {
			if discMeetsRect(c, t.Position(), t.Size()) {
				t.Move(fyne.NewPos(float32(c.at.X)-t.Size().Width/2, below[i]))
				r.clearOfNames(t)
				below[i] = t.Position().Y + t.Size().Height
				break
			}
		}
	}
}

// clearOfNames moves a name down until no other name is under it.
func (r *mapRenderer) clearOfNames(t *canvas.Text) {
	for range r.names {
		moved := false
		for _, o := range r.names {
			if o != t && o.Visible() && rectsMeet(t.Position(), t.Size(), o.Position(), o.Size()) {
				t.Move(fyne.NewPos(t.Position().X, o.Position().Y+o.Size().Height))
				moved = true
			}
		}
		if !moved {
			return
		}
	}
}

// rectsMeet tells whether two rectangles overlap.
func rectsMeet(p fyne.Position, s fyne.Size, q fyne.Position, z fyne.Size) bool {
	return p.X < q.X+z.Width && q.X < p.X+s.Width && p.Y < q.Y+z.Height && q.Y < p.Y+s.Height
}

// discMeetsRect tells whether a cluster's disc overlaps a rectangle.
func discMeetsRect(c cluster, p fyne.Position, s fyne.Size) bool {
	nx := min(max(float32(c.at.X), p.X), p.X+s.Width)
	ny := min(max(float32(c.at.Y), p.Y), p.Y+s.Height)
	dx, dy := float32(c.at.X)-nx, float32(c.at.Y)-ny
	return dx*dx+dy*dy < c.radius*c.radius
}

// placing is what the markers' places depend on now.
func (r *mapRenderer) placing(s fyne.Size, text float32) placing {
	m := r.m
	p := placing{size: s, text: text, slide: m.slide, markers: len(m.v.markers)}
	if m.v.focus != nil {
		p.focus, p.zoomed = *m.v.focus, true
	}
	layers := make([]byte, len(m.v.layerOn))
	for i, on := range m.v.layerOn {
		layers[i] = '0'
		if on {
			layers[i] = '1'
		}
	}
	p.layers = string(layers)
	return p
}

// place works out where each marker is drawn and which are clustered.
func (r *mapRenderer) place(pr data.Projection, size float32) {
	m := r.m
	n := len(m.v.markers)
	r.spots = make([]data.XY, n)
	r.inCluster = make([]int, n)
	for i := range m.v.markers {
		x, y := pr.Project(m.v.markers[i].pt)
		r.spots[i] = data.XY{X: x, Y: y}
		r.inCluster[i] = -1
	}
	r.clusters = r.clusters[:0]
	if m.v.focus == nil || m.slide || len(m.v.markers) > maxMarkers {
		r.cluster(float64(size) * 1.3)
		return
	}
	seen := map[[2]int]int{}
	for i := range r.spots {
		key := [2]int{int(r.spots[i].X), int(r.spots[i].Y)}
		k := seen[key]
		seen[key] = k + 1
		if k > 0 {
			// golden-angle spiral around the shared point
			a := float64(k) * 2.39996
			rad := float64(size) * 0.95 * math.Sqrt(float64(k))
			r.spots[i].X += rad * math.Cos(a)
			r.spots[i].Y += rad * math.Sin(a)
		}
	}
}

// cluster gathers the visible markers within radius of each other into
// clusters: markers are put in a grid of cells of that size, and a cell's
// markers with those of the cells around it that are near its first one
// make a cluster. It takes time in proportion to the markers.
func (r *mapRenderer) cluster(radius float64) {
	m := r.m
	cell := func(p data.XY) [2]int { return [2]int{int(math.Floor(p.X / radius)), int(math.Floor(p.Y / radius))} }
	grid := map[[2]int][]int{}
	for i := range m.v.markers {
		if m.v.visible(&m.v.markers[i]) {
			k := cell(r.spots[i])
			grid[k] = append(grid[k], i)
		}
	}
	for i := range m.v.markers {
		if !m.v.visible(&m.v.markers[i]) || r.inCluster[i] >= 0 {
			continue
		}
		members := []int{i}
		k := cell(r.spots[i])
		for dx := -1; dx <= 1; dx++ {
			for dy := -1; dy <= 1; dy++ {
				for _, j := range grid[[2]int{k[0] + dx, k[1] + dy}] {
					if j != i && r.inCluster[j] < 0 && math.Hypot(r.spots[i].X-r.spots[j].X, r.spots[i].Y-r.spots[j].Y) < radius {
						members = append(members, j)
					}
				}
			}
		}
		if len(members) < 2 || len(r.clusters) >= len(r.clusterDots) {
			continue
		}
		c := cluster{members: members}
		for _, k := range members {
			r.inCluster[k] = len(r.clusters)
			c.at.X += r.spots[k].X / float64(len(members))
			c.at.Y += r.spots[k].Y / float64(len(members))
		}
		r.clusters = append(r.clusters, c)
	}
	// Clusters whose discs would overlap become one.
	size := float32(radius / 1.3)
	discR := func(c *cluster) float64 { return float64(size * (0.9 + 0.12*float32(min(len(c.members), 12)))) }
	for merged := true; merged; {
		merged = false
		for a := 0; a < len(r.clusters) && !merged; a++ {
			for b := a + 1; b < len(r.clusters); b++ {
				ca, cb := &r.clusters[a], &r.clusters[b]
				if math.Hypot(ca.at.X-cb.at.X, ca.at.Y-cb.at.Y) >= discR(ca)+discR(cb) {
					continue
				}
				na, nb := float64(len(ca.members)), float64(len(cb.members))
				ca.at.X = (ca.at.X*na + cb.at.X*nb) / (na + nb)
				ca.at.Y = (ca.at.Y*na + cb.at.Y*nb) / (na + nb)
				ca.members = append(ca.members, cb.members...)
				r.clusters = slices.Delete(r.clusters, b, b+1)
				merged = true
				break
			}
		}
	}
	for i := range r.clusters {
		for _, k := range r.clusters[i].members {
			r.inCluster[k] = i
		}
	}
}

// shortRegion is a region's name on the map: in the language, without
// "Region" ("Navoiy", "Навоийская обл."); a region of no code the data
// knows, as the boundaries' file names it.
func shortRegion(code, name string) string {
	if key := "region-short." + code; lc().Phrase(key) != key {
		return lc().Phrase(key)
	}
	return strings.TrimSuffix(name, " Region")
}

// draw rasterises the regions at the pixel size shown: each filled with
// its shade (or the theme's input colour) and outlined. Each region is
// rasterised within its own box, with the points closer than a pixel to
// the last one skipped, and the picture is kept for the same size and
// colours: a slide or a hover does not draw it again.
func (r *mapRenderer) draw(w, h int) image.Image {
	m := r.m
	s := m.Size()
	if w < 2 || h < 2 || s.Width < 1 {
		return image.NewNRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	}
	pr := m.project()
	px := float64(w) / float64(s.Width) // pixels per unit
	base := theme.ColorForWidget(theme.ColorNameInputBackground, m)
	edge := theme.ColorForWidget(theme.ColorNameForeground, m)
	line := max(float64(theme.SizeForWidget(theme.SizeNameSeparatorThickness, m))*px, 1)
	fills := make([]color.Color, len(m.v.geo.Regions))
	for i := range m.v.geo.Regions {
		reg := &m.v.geo.Regions[i]
		fill := base
		if f, ok := m.v.shading(reg.Code); ok {
			fill = blend(base, shadeColour(f, edge))
		}
		if reg.Code == m.region {
			fill = blend(fill, color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x40})
		}
		fills[i] = fill
	}
	key := rasterKey{w: w, h: h, proj: pr, fills: fmt.Sprint(fills), edge: fmt.Sprint(edge)}
	if img, ok := m.v.rasters.get(key); ok {
		return img
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for i := range m.v.geo.Regions {
		reg := &m.v.geo.Regions[i]
		// The region's box in pixels, with room for its outline.
		bx0, by0 := pr.Project(data.Point{Lat: reg.Bounds.Max.Lat, Lon: reg.Bounds.Min.Lon})
		bx1, by1 := pr.Project(data.Point{Lat: reg.Bounds.Min.Lat, Lon: reg.Bounds.Max.Lon})
		box := image.Rect(int(bx0*px-line-1), int(by0*px-line-1), int(bx1*px+line+2), int(by1*px+line+2)).Intersect(img.Bounds())
		if box.Empty() {
			continue
		}
		ox, oy := float64(box.Min.X), float64(box.Min.Y)
		at := func(p data.Point) (float64, float64) {
			x, y := pr.Project(p)
			return x*px - ox, y*px - oy
		}
		fill := vector.NewRasterizer(box.Dx(), box.Dy())
		stroke := vector.NewRasterizer(box.Dx(), box.Dy())
		for _, poly := range reg.Polygons {
			outer := ringSign(poly[0])
			for k, ring := range poly {
				pts := ring
				if k > 0 && ringSign(ring) == outer {
					pts = reversed(ring) // a hole must wind against its outer ring
				}
				lx, ly := at(pts[0])
				fill.MoveTo(float32(lx), float32(ly))
				for j := 1; j < len(pts); j++ {
					x, y := at(pts[j])
					if j < len(pts)-1 && math.Abs(x-lx) < 0.7 && math.Abs(y-ly) < 0.7 {
						continue // under a pixel from the last point
					}
					fill.LineTo(float32(x), float32(y))
					strokeSegment(stroke, lx, ly, x, y, line)
					lx, ly = x, y
				}
				fill.ClosePath()
			}
		}
		fill.Draw(img, box, image.NewUniform(fills[i]), image.Point{})
		stroke.Draw(img, box, image.NewUniform(fade(edge)), image.Point{})
	}
	m.v.rasters.put(key, img)
	return img
}

// rasterKey is what a picture of the regions depends on.
type rasterKey struct {
	w, h        int
	proj        data.Projection
	fills, edge string
}

// rasterCache keeps the last few pictures of the regions.
type rasterCache struct {
	keys []rasterKey
	imgs []image.Image
}

func (c *rasterCache) get(k rasterKey) (image.Image, bool) {
	for i, key := range c.keys {
		if key == k {
			return c.imgs[i], true
		}
	}
	return nil, false
}

func (c *rasterCache) put(k rasterKey, img image.Image) {
	const most = 6
	c.keys = append(c.keys, k)
	c.imgs = append(c.imgs, img)
	if len(c.keys) > most {
		c.keys, c.imgs = c.keys[1:], c.imgs[1:]
	}
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
