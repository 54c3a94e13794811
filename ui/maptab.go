package ui

import (
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
	"uzkor/resources"
)

// attribution is the credit the boundaries' licence asks for.
func attribution() string { return tr("map.attribution") }

// The ways to shade the regions: by their number of projects, or by the
// known amounts of one kind (loans, grants …), never by kinds added up.
func shadeNone() string  { return tr("map.shade-none") }
func shadeCount() string { return tr("map.shade-count") }

// shadeBasis is the menu choice that shades by amounts of one basis.
func shadeBasis(basis string) string { return tr("map.shade-basis", "Kind", lc().BasisLabel(basis)) }

// depositColour marks deposits: the palette's yellow, which no project
// status uses.
var depositColour = palette[6]

// marker is a project or a deposit placed on the map.
type marker struct {
	deposit bool
	row     int // into Projects or Deposits
	pt      data.Point
	basis   data.LocationBasis
	name    string
	status  string // projects: their status
	layer   int    // its layer toggle: 0 deposits, 1+i data.Statuses[i]; −1 none
	colour  color.Color
}

// mapView is the Map tab: the regions of Uzbekistan with the deposits and
// projects placed on them, layer toggles, shading and a legend, and the
// detail of the marker clicked beside the map.
type mapView struct {
	tabInfo
	env     *env
	geo     *data.Geo
	markers []marker
	nowhere []string                   // what has no location, by name
	stats   map[string]data.BasisGroup // each region's projects and their amounts per basis
	rasters rasterCache                // the regions drawn, for the tab and its slide
	focus   *data.Bounds               // the part of the map zoomed to; nil: the whole country
	zoom    *widget.Button             // zooms to Tashkent, or back out
	shades  map[string]string          // the shading choices by amounts: choice → basis

	m       *mapWidget
	detail  *detailPane
	layers  map[string]*widget.Check // "deposits" and each project status
	layerOn []bool                   // each layer shown, by marker.layer
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

func newMapView(e *env) view {
	v := &mapView{tabInfo: e.tab, env: e, layers: map[string]*widget.Check{}}
	g, err := geography()
	if err != nil {
		l := widget.NewLabel(tr("map.no-boundaries", "Error", err.Error()))
		l.Wrapping = fyne.TextWrapWord
		v.body = l
		return v
	}
	v.geo = g
	v.locate()
	v.detail = newDetailPane(e)
	v.detail.reset(tr("map.empty"))
	v.m = newMapWidget(v)
	v.hover = widget.NewLabel(" ")
	v.hover.Truncation = fyne.TextTruncateEllipsis

	checks := []fyne.CanvasObject{widget.NewLabelWithStyle(tr("map.show"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	v.layerOn = make([]bool, 1+len(data.Statuses))
	for i, layer := range append([]string{"deposits"}, data.Statuses...) {
		label := lc().Vocab("status", layer)
		if i == 0 {
			label = lc().Table("deposits")
		}
		c := widget.NewCheck(label, func(on bool) {
			v.layerOn[i] = on
			v.redraw()
		})
		c.SetChecked(true)
		v.layers[layer] = c
		checks = append(checks, c)
	}
	choices := []string{shadeNone(), shadeCount()}
	v.shades = map[string]string{}
	for _, b := range data.AmountBases {
		for _, g := range v.stats {
			if t := basisTotal(g, b); t.Known > 0 {
				choices = append(choices, shadeBasis(b))
				v.shades[shadeBasis(b)] = b
				break
			}
		}
	}
	v.shade = widget.NewSelect(choices, func(string) {
		v.updateScale()
		v.redraw()
	})
	v.scale = container.NewHBox()
	v.shade.SetSelected(shadeCount())

	v.missing = widget.NewLabel(v.missingText())
	v.missing.Wrapping = fyne.TextWrapWord
	v.missing.Selectable = true

	legend := v.legend()
	v.zoom = widget.NewButtonWithIcon(tr("map.zoom-tashkent"), theme.ZoomInIcon(), v.toggleZoom)
	shade := container.New(&fitLayout{sel: v.shade, max: 300}, v.shade)
	top := container.NewBorder(nil, nil, nil, container.NewVBox(v.zoom), container.New(&flow{}, append(checks, shade, v.scale)...))
	// What has no location is listed under the map, folded away once
	// there is more than a line of it.
	var missing fyne.CanvasObject = v.missing
	if len(v.nowhere) > 3 {
		missing = widget.NewAccordion(widget.NewAccordionItem(trn("map.without-location", len(v.nowhere)), v.missing))
	}
	bottom := container.NewVBox(v.hover, missing)
	mapArea := container.NewBorder(nil, bottom, nil, nil, v.m)
	side := container.NewBorder(legend, nil, nil, nil, v.detail.content())
	split := container.NewHSplit(mapArea, side)
	split.Offset = 0.7
	v.body = container.NewBorder(top, nil, nil, nil, split)
	return v
}

func (v *mapView) content() fyne.CanvasObject { return v.body }

// snapshot keeps the layers shown and the shading.
func (v *mapView) snapshot() func(view) {
	on := map[string]bool{}
	for k, c := range v.layers {
		on[k] = c.Checked
	}
	shade := -1
	if v.shade != nil {
		shade = v.shade.SelectedIndex()
	}
	focus := v.focus
	return func(o view) {
		c := o.(*mapView)
		if c.geo == nil {
			return
		}
		for k, check := range c.layers {
			check.SetChecked(on[k])
		}
		if shade >= 0 {
			c.shade.SetSelectedIndex(shade)
		}
		c.setFocus(focus)
	}
}

// markerRecord is a marker shown, as the exports write it.
type markerRecord struct {
	m       *marker
	id      string
	region  string // the region it is in, "" for none
	sources data.List
}

// markerRecords are the markers shown, in order.
func (v *mapView) markerRecords() []markerRecord {
	d := v.env.data
	var recs []markerRecord
	for i := range v.markers {
		m := &v.markers[i]
		if !v.visible(m) {
			continue
		}
		x := markerRecord{m: m}
		if m.deposit {
			x.id, x.sources = d.Deposits[m.row].ID, d.Deposits[m.row].Sources
		} else {
			x.id, x.sources = d.Projects[m.row].ID, d.Projects[m.row].Sources
		}
		x.region, _ = v.geo.RegionAt(m.pt)
		recs = append(recs, x)
	}
	return recs
}

// markerColumns are the columns of the markers' workbook sheet; the CSV
// has those of markerCSV.
var markerColumns = []data.SheetColumn{
	{Name: "kind", Title: "Kind", Kind: data.Text, Doc: "project or deposit"},
	{Name: "id", Title: "ID", Kind: data.ID, Doc: "its id in projects.csv or deposits.csv"},
	{Name: "name", Title: "Name", Kind: data.Text, Doc: "its name"},
	{Name: "status", Title: "Status", Kind: data.Vocab, Doc: "a project's status"},
	{Name: "latitude", Title: "Latitude", Kind: data.Latitude, Doc: "where the marker is, decimal degrees"},
	{Name: "longitude", Title: "Longitude", Kind: data.Longitude, Doc: "where the marker is, decimal degrees"},
	{Name: "placed_by", Title: "Placed by", Kind: data.Text, Doc: "its own coordinates, its town or its region's centre"},
	{Name: "region_label", Title: "Region", Kind: data.Text, Doc: "the region the marker is in"},
	{Name: "region", Title: "Region (code)", Kind: data.Regions, Doc: "the region's ISO 3166-2 code", Hidden: true},
	{Name: "sources", Title: "Sources", Kind: data.Refs, Doc: "the ids of its sources; each links to the Sources sheet"},
}

// markerCSV are the columns of markerColumns the CSV has.
var markerCSV = []int{0, 1, 2, 3, 4, 5, 6, 8}

// cell is a record's cell in column col of markerColumns.
func (x markerRecord) cell(col int) string {
	switch col {
	case 0:
		if x.m.deposit {
			return "deposit"
		}
		return "project"
	case 1:
		return x.id
	case 2:
		return x.m.name
	case 3:
		return x.m.status
	case 4:
		return strconv.FormatFloat(x.m.pt.Lat, 'f', 4, 64)
	case 5:
		return strconv.FormatFloat(x.m.pt.Lon, 'f', 4, 64)
	case 6:
		return x.m.basis.String()
	case 7:
		if x.region == "" {
			return ""
		}
		return data.RegionName(x.region)
	case 8:
		return x.region
	}
	return x.sources.String()
}

// csv is what the map places: each marker shown, with where it is and on
// what basis, then what has no location.
func (v *mapView) csv() csvExport {
	recs := v.markerRecords()
	var header []string
	var numeric []bool
	for _, c := range markerCSV {
		header = append(header, markerColumns[c].Name)
		numeric = append(numeric, markerColumns[c].Kind.Numeric())
	}
	write := func(w io.Writer, bom bool) error {
		return data.WriteRecords(w, header, numeric, len(recs), func(r, c int) string { return recs[r].cell(markerCSV[c]) }, bom)
	}
	return csvExport{name: "map", count: len(recs), noun: trn("count.markers", len(recs)), write: write}
}

// locate places every project and deposit: its own coordinates, else its
// town, else its region's centre, else nowhere.
func (v *mapView) locate() {
	d := v.env.data
	v.markers = make([]marker, 0, len(d.Deposits)+len(d.Projects))
	v.nowhere = nil
	v.stats = map[string]data.BasisGroup{}
	loc := v.geo.Locator()
	groups, _ := d.GroupProjectsByBasis("region", nil)
	for _, g := range groups {
		if g.Key != "" {
			v.stats[g.Key] = g
		}
	}
	for i := range d.Deposits {
		dep := &d.Deposits[i]
		pt, basis, ok := loc.LocateDeposit(dep)
		if !ok {
			v.nowhere = append(v.nowhere, tr("map.nowhere-deposit", "Name", dep.Name))
			continue
		}
		v.markers = append(v.markers, marker{deposit: true, row: i, pt: pt, basis: basis, name: dep.Name, colour: depositColour})
	}
	// Each status's layer and colour, worked out once.
	type look struct {
		layer  int
		colour color.Color
	}
	looks := map[string]look{}
	for i := range d.Projects {
		p := d.Projects[i]
		pt, basis, ok := loc.Locate(p)
		if !ok {
			v.nowhere = append(v.nowhere, p.Name)
			continue
		}
		lk, seen := looks[p.Status]
		if !seen {
			lk = look{layer: slices.Index(data.Statuses, p.Status), colour: vocabColour(data.Statuses, p.Status)}
			if lk.layer >= 0 {
				lk.layer++
			}
			looks[p.Status] = lk
		}
		v.markers = append(v.markers, marker{row: i, pt: pt, basis: basis, name: p.Name, status: p.Status, layer: lk.layer, colour: lk.colour})
	}
}

func (v *mapView) missingText() string {
	if len(v.nowhere) == 0 {
		return tr("map.all-located")
	}
	return tr("map.nowhere", "Names", strings.Join(v.nowhere, "; "))
}

// redraw draws the map again, once it is drawn at all: a map not yet shown
// is not made to place its markers.
func (v *mapView) redraw() {
	if v.m.rend != nil {
		v.m.Refresh()
	}
}

// tashkent is the box of Tashkent city and Tashkent Region, where most
// projects are.
func (v *mapView) tashkent() data.Bounds {
	b := data.EmptyBounds()
	for _, code := range []string{"UZ-TK", "UZ-TO"} {
		if r, ok := v.geo.Region(code); ok {
			b = b.Union(r.Bounds)
		}
	}
	return b
}

// toggleZoom zooms to Tashkent, or back out to the whole country.
func (v *mapView) toggleZoom() {
	if v.focus != nil {
		v.setFocus(nil)
		return
	}
	b := v.tashkent()
	v.setFocus(&b)
}

// zoomTo zooms in on some markers (a cluster), with room around them.
func (v *mapView) zoomTo(members []int) {
	b := data.EmptyBounds()
	for _, i := range members {
		b = b.Extend(v.markers[i].pt)
	}
	const least = 1.2 // degrees: enough to spread markers at one town
	c := b.Center()
	half := max(least, b.Max.Lat-b.Min.Lat, b.Max.Lon-b.Min.Lon) / 2
	b = data.Bounds{Min: data.Point{Lat: c.Lat - half, Lon: c.Lon - half}, Max: data.Point{Lat: c.Lat + half, Lon: c.Lon + half}}
	v.setFocus(&b)
}

// setFocus shows a part of the map, or the whole country for nil.
func (v *mapView) setFocus(b *data.Bounds) {
	v.focus = b
	if b == nil {
		v.zoom.SetText(tr("map.zoom-tashkent"))
		v.zoom.SetIcon(theme.ZoomInIcon())
	} else {
		v.zoom.SetText(tr("map.zoom-out"))
		v.zoom.SetIcon(theme.ZoomFitIcon())
	}
	v.m.hovered, v.m.cluster = -1, -1
	v.redraw()
}

// clusterText says what a cluster holds.
func (v *mapView) clusterText(members []int) string {
	projects, deposits := 0, 0
	var names []string
	for _, i := range members {
		if v.markers[i].deposit {
			deposits++
		} else {
			projects++
		}
		if len(names) < 3 {
			names = append(names, v.markers[i].name)
		}
	}
	var what string
	switch {
	case projects > 0 && deposits > 0:
		what = tr("map.cluster-both", "Projects", lc().Rows("projects", projects), "Deposits", lc().Rows("deposits", deposits))
	case projects > 0:
		what = lc().Rows("projects", projects)
	default:
		what = lc().Rows("deposits", deposits)
	}
	more := ""
	if len(members) > len(names) {
		more = " …"
	}
	return tr("map.cluster", "What", what, "Names", strings.Join(names, "; ")+more)
}

// visible reports whether a marker's layer is on.
func (v *mapView) visible(m *marker) bool {
	return m.layer < 0 || v.layerOn[m.layer]
}

// basisTotal is a region's total of one basis.
func basisTotal(g data.BasisGroup, basis string) data.BasisTotal {
	for _, t := range g.Bases {
		if t.Basis == basis {
			return t
		}
	}
	return data.BasisTotal{Basis: basis}
}

// shadeValue is what the chosen shading measures in a region, and whether
// it is money.
func (v *mapView) shadeValue(g data.BasisGroup) (float64, bool) {
	if basis, ok := v.shades[v.shade.Selected]; ok {
		return basisTotal(g, basis).Amount, true
	}
	return float64(g.Count), false
}

// shading gives a region's shade from 0 (none) to 1 (the most), and
// whether it has any.
func (v *mapView) shading(code string) (float64, bool) {
	if v.shade.Selected == shadeNone() {
		return 0, false
	}
	val, _ := v.shadeValue(v.stats[code])
	top := 0.0
	for _, o := range v.stats {
		x, _ := v.shadeValue(o)
		top = max(top, x)
	}
	if top <= 0 || val <= 0 {
		return 0, false
	}
	// A square root keeps the small regions visible beside one big one.
	return math.Sqrt(val / top), true
}

// shadeColour is the colour of a shade from 0 to 1: the theme's text
// colour at growing strength, a grey that no marker colour is mistaken
// for, darker in the light themes and lighter in the dark one.
func shadeColour(f float64, fg color.Color) color.Color {
	r, g, b, _ := fg.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: uint8(18 + f*110)}
}

// updateScale shows the colour scale of the shading chosen.
func (v *mapView) updateScale() {
	v.scale.Objects = nil
	if v.shade.Selected == shadeNone() {
		v.scale.Refresh()
		return
	}
	top, money := 0.0, false
	for _, s := range v.stats {
		x, m := v.shadeValue(s)
		top, money = max(top, x), m
	}
	low, high := "0", projectsText(int(top))
	if money {
		low, high = tr("map.scale-zero"), lc().MoneyOf(top)
	}
	v.scale.Add(widget.NewLabel(low))
	fg := theme.Color(theme.ColorNameForeground)
	for i := 0; i <= 6; i++ {
		r := canvas.NewRectangle(shadeColour(float64(i)/6, fg))
		r.StrokeColor, r.StrokeWidth = fade(fg), 1
		r.SetMinSize(fyne.NewSize(18, 18))
		v.scale.Add(container.NewCenter(r))
	}
	v.scale.Add(widget.NewLabel(high))
	v.scale.Refresh()
}

// legendRows are the marker shapes and colours, each with its label, at a
// marker size: in the tab, and larger on the slide.
func legendRows(size float32, label func(string) fyne.CanvasObject, prefix func(status string) string) []fyne.CanvasObject {
	tri := canvas.NewRegularPolygon(3, depositColour)
	tri.StrokeColor, tri.StrokeWidth = color.Black, 1
	rows := []fyne.CanvasObject{container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(size*1.15, size*1.15), tri)), label(capitalize(lc().Noun("deposits"))))}
	for _, st := range data.Statuses {
		c := canvas.NewCircle(vocabColour(data.Statuses, st))
		c.StrokeColor, c.StrokeWidth = color.Black, 1
		rows = append(rows, container.NewHBox(container.NewCenter(container.NewGridWrap(fyne.NewSize(size, size), c)), label(prefix(lc().Vocab("status", st)))))
	}
	return rows
}

// legend explains the markers' shapes and colours.
func (v *mapView) legend() fyne.CanvasObject {
	items := []fyne.CanvasObject{widget.NewLabelWithStyle(tr("map.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	items = append(items, legendRows(14, func(s string) fyne.CanvasObject { return widget.NewLabel(s) }, func(st string) string { return tr("map.legend-project", "Status", st) })...)
	note := widget.NewLabel(tr("map.legend-note"))
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle.Italic = true
	return container.NewVBox(append(items, note)...)
}

// hoverText describes what is under the pointer.
func (v *mapView) hoverText(mi int, region string) string {
	d := v.env.data
	if mi >= 0 {
		m := &v.markers[mi]
		l := lc()
		if m.deposit {
			dep := &d.Deposits[m.row]
			return tr("map.hover-deposit", "Name", dep.Name, "Minerals", d.Names(dep.Minerals), "Placed", l.Location(m.basis))
		}
		p := d.Projects[m.row]
		return tr("map.hover-project", "Name", p.Name, "Status", l.Status(p), "Amount", l.Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear), "Placed", l.Location(m.basis))
	}
	if region != "" {
		s := v.stats[region]
		text := lc().Region(region) + ": " + projectsText(s.Count)
		if s.Count > 0 {
			text += "; " + basisDetail(s.Bases)
		}
		return tr("map.hover-region", "Text", text)
	}
	return " "
}

// open shows a marker's detail beside the map.
func (v *mapView) open(mi int) {
	m := &v.markers[mi]
	d := v.env.data
	v.detail.reset("")
	l := lc()
	if m.deposit {
		dep := &d.Deposits[m.row]
		v.detail.heading(dep.Name, tr("map.deposit-placed", "Placed", l.Location(m.basis)))
		v.detail.field(l.Title("Minerals"), d.Names(dep.Minerals))
		v.detail.field(l.Title("Region"), regionList(dep.Region))
		v.detail.field(l.Title("Town"), dep.City)
		v.detail.field(l.Title("Operator"), l.Orgs(dep.Operator))
		v.detail.field(tr("map.location"), locationText(m))
		v.detail.paragraph(l.Title("Notes"), dep.Notes)
		var rows []int
		for _, id := range dep.Minerals {
			if _, r, ok := d.RowOf(id); ok {
				rows = append(rows, r)
			}
		}
		v.detail.links(l.Title("Minerals"), mineralLinks(d, rows))
		v.detail.sources(dep.Sources)
	} else {
		p := d.Projects[m.row]
		v.detail.heading(p.Name, d.NameOf(p.Sector)+" · "+l.Vocab("status", p.Status))
		v.detail.field(l.Title("Amount"), l.Amount(p.AmountUSDm, p.AmountBasis, p.AmountYear))
		v.detail.field(l.Title("Funder"), l.Orgs(p.Funder))
		v.detail.field(l.Title("Region"), regionList(p.Region))
		v.detail.field(l.Title("City"), p.City)
		v.detail.field(tr("map.location"), locationText(m))
		v.detail.links(l.Title("Project"), []link{{label: tr("map.open-project", "Name", p.Name, "Tab", l.Table("projects")), table: "projects", id: p.ID}})
		v.detail.sources(p.Sources)
	}
	v.detail.done()
}

func regionList(codes data.List) string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = lc().Region(c) + " (" + c + ")"
	}
	return strings.Join(out, ", ")
}

// locationText says where a marker is and on what basis.
func locationText(m *marker) string {
	lat, lon := lc().Number(math.Round(m.pt.Lat*1000)/1000), lc().Number(math.Round(m.pt.Lon*1000)/1000)
	switch m.basis {
	case data.TownLocation:
		return tr("map.at-town", "Lat", lat, "Lon", lon)
	case data.RegionCentre:
		return tr("map.at-region", "Lat", lat, "Lon", lon)
	}
	return tr("map.at-own", "Lat", lat, "Lon", lon)
}

// regionClicked lists the projects of a region.
func (v *mapView) regionClicked(code string) {
	v.env.nav.drill("projects", data.Query{Facets: map[string]string{"region": code}})
}

// slides is the map on its own slide.
func (v *mapView) hasSlides() bool { return v.geo != nil }

func (v *mapView) slides() []slide {
	if !v.hasSlides() {
		return nil
	}
	located := len(v.markers)
	return []slide{{
		id:     "map:Map",
		title:  v.title(),
		notes:  func() []string { return mapNotes(v.env.data, located, len(v.nowhere)) },
		source: tr("map.slide-source", "Placed", located, "Nowhere", len(v.nowhere)),
		build: func() fyne.CanvasObject {
			m := newMapWidget(v)
			m.slide = true
			return container.NewBorder(slideTitle(tr("map.slide-heading")), nil, nil, v.slideLegend(), m)
		},
	}}
}

// slideLegend is the legend at slide size.
func (v *mapView) slideLegend() fyne.CanvasObject {
	return container.NewVBox(legendRows(24, func(s string) fyne.CanvasObject {
		l := slideLabel(s, theme.SizeNameText, fyne.TextStyle{})
		l.Wrapping = fyne.TextWrapOff
		return l
	}, func(st string) string { return st })...)
}
