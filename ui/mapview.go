package ui

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/vector"

	"uzkor/data"
	"uzkor/resources"
)

// attribution is the credit the boundaries' licence asks for.
const attribution = "Boundaries © OpenStreetMap contributors, geoBoundaries (ODbL 1.0) · towns: GeoNames (CC BY 4.0)"

// The ways to shade the regions.
const (
	shadeNone    = "No shading"
	shadeFunding = "Shade: known funding"
	shadeCount   = "Shade: projects"
)

// marker is a project or a deposit placed on the map.
type marker struct {
	deposit bool
	row     int // into Projects or Deposits
	pt      data.Point
	basis   data.LocationBasis
	name    string
	status  string // projects: their status, for the layer toggles
	colour  color.Color
}

// regionStat is what the map knows of a region: its projects and funding.
type regionStat struct {
	projects, known int
	amount          float64
}

// mapView is the Map tab: the regions of Uzbekistan with the deposits and
// projects placed on them, layer toggles, shading and a legend, and the
// detail of the marker clicked beside the map.
type mapView struct {
	ui      *UI
	geo     *data.Geo
	markers []marker
	nowhere []string // what has no location, by name
	stats   map[string]regionStat

	m       *mapWidget
	detail  *detailPane
	layers  map[string]*widget.Check // "deposits" and each project status
	shade   *widget.Select
	scale   *fyne.Container // the shading's colour scale
	hover   *widget.Label
	missing *widget.Label
	body    fyne.CanvasObject
}

// geography is parsed once: the boundaries do not change with the data.
var geography = sync.OnceValues(func() (*data.Geo, error) {
	return data.ParseGeo(resources.Regions, resources.Places)
})

func newMapView(u *UI) *mapView {
	v := &mapView{ui: u, layers: map[string]*widget.Check{}}
	g, err := geography()
	if err != nil {
		l := widget.NewLabel("The map's boundaries cannot be read: " + err.Error())
		l.Wrapping = fyne.TextWrapWord
		v.body = l
		return v
	}
	v.geo = g
	v.locate()
	v.detail = newDetailPane(u)
	v.detail.reset("Click a marker for its detail; click a region to list its projects. Hover over either for its name and figures.")
	v.m = newMapWidget(v)
	v.hover = widget.NewLabel(" ")
	v.hover.Truncation = fyne.TextTruncateEllipsis

	checks := []fyne.CanvasObject{widget.NewLabelWithStyle("Show:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	dep := widget.NewCheck("Deposits", func(bool) { v.m.Refresh() })
	dep.SetChecked(true)
	v.layers["deposits"] = dep
	checks = append(checks, dep)
	for _, st := range data.Statuses {
		c := widget.NewCheck(st, func(bool) { v.m.Refresh() })
		c.SetChecked(true)
		v.layers[st] = c
		checks = append(checks, c)
	}
	v.shade = widget.NewSelect([]string{shadeNone, shadeFunding, shadeCount}, func(string) {
		v.updateScale()
		v.m.Refresh()
	})
	v.scale = container.NewHBox()
	v.shade.SetSelected(shadeFunding)

	v.missing = widget.NewLabel(v.missingText())
	v.missing.Wrapping = fyne.TextWrapWord
	v.missing.Selectable = true

	legend := v.legend()
	top := container.New(&flow{}, append(checks, v.shade, v.scale)...)
	bottom := container.NewVBox(v.hover, v.missing)
	mapArea := container.NewBorder(nil, bottom, nil, nil, v.m)
	side := container.NewBorder(legend, nil, nil, nil, v.detail.content())
	split := container.NewHSplit(mapArea, side)
	split.Offset = 0.7
	v.body = container.NewBorder(top, nil, nil, nil, split)
	return v
}

func (v *mapView) content() fyne.CanvasObject { return v.body }

// locate places every project and deposit: its own coordinates, else its
// town, else its region's centre, else nowhere.
func (v *mapView) locate() {
	d := v.ui.data
	v.markers = nil
	v.nowhere = nil
	v.stats = map[string]regionStat{}
	for i := range d.Deposits {
		dep := &d.Deposits[i]
		pt, basis, ok := v.geo.LocateDeposit(dep)
		if !ok {
			v.nowhere = append(v.nowhere, dep.Name+" (deposit)")
			continue
		}
		v.markers = append(v.markers, marker{deposit: true, row: i, pt: pt, basis: basis, name: dep.Name, colour: palette[3]})
	}
	for i := range d.Projects {
		p := &d.Projects[i]
		for _, code := range p.Region {
			s := v.stats[code]
			s.projects++
			if p.AmountUSDm.Known {
				s.known++
				s.amount += p.AmountUSDm.Value
			}
			v.stats[code] = s
		}
		pt, basis, ok := v.geo.Locate(p)
		if !ok {
			v.nowhere = append(v.nowhere, p.Name)
			continue
		}
		v.markers = append(v.markers, marker{row: i, pt: pt, basis: basis, name: p.Name, status: p.Status, colour: vocabColour(data.Statuses, p.Status)})
	}
}

func (v *mapView) missingText() string {
	if len(v.nowhere) == 0 {
		return "Every project and deposit has a location."
	}
	return "No location (no coordinates, town or region in the data): " + strings.Join(v.nowhere, "; ") + "."
}

// visible reports whether a marker's layer is on.
func (v *mapView) visible(m *marker) bool {
	if m.deposit {
		return v.layers["deposits"].Checked
	}
	if c, ok := v.layers[m.status]; ok {
		return c.Checked
	}
	return true
}

// shading gives a region's shade from 0 (none) to 1 (the most), and
// whether it has any.
func (v *mapView) shading(code string) (float64, bool) {
	s := v.stats[code]
	var val, top float64
	switch v.shade.Selected {
	case shadeFunding:
		val = s.amount
		for _, o := range v.stats {
			top = max(top, o.amount)
		}
	case shadeCount:
		val = float64(s.projects)
		for _, o := range v.stats {
			top = max(top, float64(o.projects))
		}
	default:
		return 0, false
	}
	if top <= 0 || val <= 0 {
		return 0, false
	}
	// A square root keeps the small regions visible beside one big one.
	return math.Sqrt(val / top), true
}

// shadeColour is the colour of a shade from 0 to 1: the accent colour at
// growing strength.
func shadeColour(f float64) color.Color {
	c := palette[0]
	return color.NRGBA{R: c.R, G: c.G, B: c.B, A: uint8(40 + f*175)}
}

// updateScale shows the colour scale of the shading chosen.
func (v *mapView) updateScale() {
	v.scale.Objects = nil
	if v.shade.Selected == shadeNone {
		v.scale.Refresh()
		return
	}
	top := 0.0
	for _, s := range v.stats {
		if v.shade.Selected == shadeFunding {
			top = max(top, s.amount)
		} else {
			top = max(top, float64(s.projects))
		}
	}
	low, high := "0", strconv.Itoa(int(top))+" projects"
	if v.shade.Selected == shadeFunding {
		low, high = "$0", data.FormatMoney(data.Num(top))
	}
	v.scale.Add(widget.NewLabel(low))
	for i := 0; i <= 6; i++ {
		r := canvas.NewRectangle(shadeColour(float64(i) / 6))
		r.SetMinSize(fyne.NewSize(18, 18))
		v.scale.Add(container.NewCenter(r))
	}
	v.scale.Add(widget.NewLabel(high))
	v.scale.Refresh()
}

// legendRows are the marker shapes and colours, each with its label, at a
// marker size: in the tab, and larger on the slide.
func legendRows(size float32, label func(string) fyne.CanvasObject, prefix string) []fyne.CanvasObject {
	tri := canvas.NewRegularPolygon(3, palette[3])
	tri.StrokeColor, tri.StrokeWidth = color.Black, 1
	rows := []fyne.CanvasObject{container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(size*1.15, size*1.15), tri)), label("Deposit"))}
	for _, st := range data.Statuses {
		c := canvas.NewCircle(vocabColour(data.Statuses, st))
		c.StrokeColor, c.StrokeWidth = color.Black, 1
		rows = append(rows, container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(size, size), c)), label(prefix+st)))
	}
	return rows
}

// legend explains the markers' shapes and colours.
func (v *mapView) legend() fyne.CanvasObject {
	items := []fyne.CanvasObject{widget.NewLabelWithStyle("Legend", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	items = append(items, legendRows(14, func(s string) fyne.CanvasObject { return widget.NewLabel(s) }, "Project: ")...)
	note := widget.NewLabel("Placed by own coordinates where a source gives them, else at the town, else at the region's centre. A region's shade counts every project in it; a project in several regions counts in each.")
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	return container.NewVBox(append(items, note)...)
}

// hoverText describes what is under the pointer.
func (v *mapView) hoverText(mi int, region string) string {
	d := v.ui.data
	if mi >= 0 {
		m := &v.markers[mi]
		if m.deposit {
			dep := &d.Deposits[m.row]
			return dep.Name + " — deposit of " + d.Names(dep.Minerals) + " · placed by " + m.basis.String()
		}
		p := &d.Projects[m.row]
		return p.Name + " — project, " + p.Status + ", " + data.WithYear(data.FormatMoney(p.AmountUSDm), p.AmountYear) + " · placed by " + m.basis.String()
	}
	if region != "" {
		s := v.stats[region]
		text := data.RegionName(region) + ": " + plural(s.projects, "project")
		if s.known > 0 {
			text += ", " + data.FormatMoney(data.Num(s.amount)) + " known from " + strconv.Itoa(s.known)
		}
		return text + " · click to list its projects"
	}
	return " "
}

// open shows a marker's detail beside the map.
func (v *mapView) open(mi int) {
	m := &v.markers[mi]
	d := v.ui.data
	v.detail.reset("")
	if m.deposit {
		dep := &d.Deposits[m.row]
		v.detail.heading(dep.Name, "Deposit · placed by "+m.basis.String())
		v.detail.field("Minerals", d.Names(dep.Minerals))
		v.detail.field("Region", regionList(dep.Region))
		v.detail.field("Town", dep.City)
		v.detail.field("Operator", strings.Join(dep.Operator, ", "))
		v.detail.field("Location", locationText(m))
		v.detail.paragraph("Notes", dep.Notes)
		var rows []int
		for _, id := range dep.Minerals {
			if _, r, ok := d.RowOf(id); ok {
				rows = append(rows, r)
			}
		}
		v.detail.links("Minerals", mineralLinks(d, rows))
		v.detail.sources(dep.Sources)
	} else {
		p := &d.Projects[m.row]
		v.detail.heading(p.Name, d.NameOf(p.Sector)+" · "+p.Status)
		v.detail.field("Amount", data.WithYear(data.FormatMoney(p.AmountUSDm), p.AmountYear))
		v.detail.field("Funder", strings.Join(p.Funder, ", "))
		v.detail.field("Region", regionList(p.Region))
		v.detail.field("City", p.City)
		v.detail.field("Location", locationText(m))
		v.detail.links("Project", []link{{label: "Open " + p.Name + " in Projects", table: "projects", id: p.ID}})
		v.detail.sources(p.Sources)
	}
	v.detail.done()
}

func regionList(codes data.List) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = data.RegionName(c) + " (" + c + ")"
	}
	return strings.Join(out, ", ")
}

// locationText says where a marker is and on what basis.
func locationText(m *marker) string {
	s := strconv.FormatFloat(m.pt.Lat, 'f', 3, 64) + "° N, " + strconv.FormatFloat(m.pt.Lon, 'f', 3, 64) + "° E"
	switch m.basis {
	case data.TownLocation:
		return s + " (town location)"
	case data.RegionCentre:
		return s + " (region: its centre, no closer location in the data)"
	}
	return s + " (own coordinates, from its source)"
}

// regionClicked lists the projects of a region.
func (v *mapView) regionClicked(code string) {
	v.ui.drill("projects", data.Query{Facets: map[string]string{"region": code}})
}

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
			fill = blend(base, shadeColour(f))
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
					segment(stroke, x0*px, y0*px, x1*px, y1*px, max(line, 1))
				}
			}
		}
		stroke.Draw(img, img.Bounds(), image.NewUniform(fade(edge)), image.Point{})
	}
	return img
}

// segment adds a thin quadrilateral along a line to a rasteriser.
func segment(z *vector.Rasterizer, x0, y0, x1, y1, width float64) {
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

// slides is the map on its own slide.
func (v *mapView) slides() []slide {
	if v.geo == nil {
		return nil
	}
	located := len(v.markers)
	return []slide{{
		title:  "Map",
		source: "Where the deposits and projects are: " + strconv.Itoa(located) + " placed, " + strconv.Itoa(len(v.nowhere)) + " without a location; the boundaries and towns are credited on the map",
		build: func() fyne.CanvasObject {
			m := newMapWidget(v)
			m.slide = true
			return container.NewBorder(slideTitle("Where the deposits and projects are"), nil, nil, v.slideLegend(), m)
		},
	}}
}

// slideLegend is the legend at slide size.
func (v *mapView) slideLegend() fyne.CanvasObject {
	return container.NewVBox(legendRows(24, func(s string) fyne.CanvasObject {
		l := slideLabel(s, theme.SizeNameText, fyne.TextStyle{})
		l.Wrapping = fyne.TextWrapOff
		return l
	}, "")...)
}
