package ui

import (
	"image"
	"image/color"
	"io"
	"net/url"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/signintech/gopdf"

	"uzkor/data"
)

// How a briefing looks on paper: calm and official, the app's Korean blue
// for headings and figures, type no smaller than 6.5 pt.
var (
	inkColour   = color.NRGBA{R: 0x1a, G: 0x1a, B: 0x1a, A: 0xff}
	greyColour  = color.NRGBA{R: 0x55, G: 0x5a, B: 0x60, A: 0xff}
	blueColour  = color.NRGBA(koreanBlue)
	cardColour  = color.NRGBA{R: 0xf0, G: 0xf4, B: 0xfa, A: 0xff}
	headColour  = color.NRGBA{R: 0xe3, G: 0xe9, B: 0xf2, A: 0xff}
	ruleColour  = color.NRGBA{R: 0xc5, G: 0xcc, B: 0xd6, A: 0xff}
	whiteColour = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}

	titleStyle    = pdfStyle{size: 18, bold: true, colour: blueColour}
	subtitleStyle = pdfStyle{size: 8.5, colour: greyColour}
	headingStyle  = pdfStyle{size: 11, bold: true, colour: blueColour}
	valueStyle    = pdfStyle{size: 14, bold: true, colour: blueColour}
	labelStyle    = pdfStyle{size: 8, bold: true, colour: inkColour}
	periodStyle   = pdfStyle{size: 7.5, italic: true, colour: greyColour}
	citeStyle     = pdfStyle{size: 7, colour: greyColour}
	cellStyle     = pdfStyle{size: 7.5, colour: inkColour}
	headCellStyle = pdfStyle{size: 7.5, bold: true, colour: inkColour}
	subCellStyle  = pdfStyle{size: 7, colour: greyColour}
	noteStyle     = pdfStyle{size: 7, italic: true, colour: greyColour}
	sourceStyle   = pdfStyle{size: 7, colour: inkColour}
	sourceMeta    = pdfStyle{size: 6.5, colour: greyColour}
	linkStyle     = pdfStyle{size: 6.5, colour: blueColour}
	footerStyle   = pdfStyle{size: 7, colour: greyColour}
)

// Charts are drawn by the app's own chart widget with Fyne's software
// painter, at chartDPI for the size they are printed at, their text
// printed at chartTextPt.
const (
	chartDPI    = 250
	chartTextPt = 6.6
	gap         = 4.0 // mm between cards and columns
)

// writeBriefing lays a briefing out on paper and writes it as PDF; it
// returns the number of pages.
func writeBriefing(w io.Writer, b *briefing, paper pdfPaper) (int, error) {
	d, err := newPDFDoc(paper, gopdf.PdfInfo{
		Title:        b.title,
		Subject:      b.subtitle,
		Author:       Title,
		Creator:      Title,
		CreationDate: today(),
	})
	if err != nil {
		return 0, err
	}
	lay := &briefLayout{d: d}
	for _, step := range []func(*briefing) error{lay.header, lay.figures, lay.charts, lay.tables, lay.sources} {
		if err := step(b); err != nil {
			return 0, err
		}
	}
	foot := tr("app.title")
	if b.asOf != "" {
		foot += " · " + b.asOf
	}
	foot += " · " + tr("pdf.made", "Date", lc().Date(data.Date{Year: today().Year(), Month: int(today().Month()), Day: today().Day()}))
	err = d.finish(w, func(page, pages int) error {
		y := paper.h - 12
		d.rule(d.left, y-1.2, paper.w-d.right, y-1.2, 0.2, ruleColour)
		if _, err := d.text(d.left, y, foot, footerStyle); err != nil {
			return err
		}
		return d.textRight(paper.w-d.right, y, tr("pdf.page", "Page", page, "Pages", pages), footerStyle)
	})
	return d.pages, err
}

// briefLayout draws the parts of a briefing down the pages.
type briefLayout struct{ d *pdfDoc }

func (l *briefLayout) header(b *briefing) error {
	d := l.d
	asOf := pdfStyle{size: 9, bold: true, colour: inkColour}
	// The data's date at the right of the title when both fit on a line.
	beside := b.asOf != "" && d.textWidth(b.title, titleStyle)+d.textWidth(b.asOf, asOf)+gap <= d.width()
	titleW := d.width()
	if beside {
		titleW -= d.textWidth(b.asOf, asOf) + gap
		if err := d.textRight(d.left+d.width(), d.y+(titleStyle.size-asOf.size)*ptMM, b.asOf, asOf); err != nil {
			return err
		}
	}
	h, err := d.paragraph(d.left, d.y, titleW, b.title, titleStyle, true)
	if err != nil {
		return err
	}
	d.y += h + 0.5
	h, err = d.paragraph(d.left, d.y, d.width(), b.subtitle, subtitleStyle, true)
	if err != nil {
		return err
	}
	d.y += h
	if b.asOf != "" && !beside {
		if _, err := d.text(d.left, d.y, b.asOf, asOf); err != nil {
			return err
		}
		d.y += asOf.lineHeight()
	}
	d.y += 1.5
	d.rule(d.left, d.y, d.left+d.width(), d.y, 0.4, blueColour)
	d.y += 3
	return nil
}

// figures draws the headline figures as cards, three to a row.
func (l *briefLayout) figures(b *briefing) error {
	d := l.d
	const cols, pad = 3, 2.2
	w := (d.width() - gap*(cols-1)) / cols
	inner := w - 2*pad
	for start := 0; start < len(b.figures); start += cols {
		row := b.figures[start:min(start+cols, len(b.figures))]
		height := 0.0
		for _, f := range row {
			height = max(height, l.card(0, 0, inner, f, false))
		}
		height += 2 * pad
		d.ensure(height)
		for i, f := range row {
			x := d.left + float64(i)*(w+gap)
			d.fill(x, d.y, w, height, cardColour)
			d.fill(x, d.y, 0.8, height, blueColour)
			l.card(x+pad+0.4, d.y+pad, inner, f, true)
		}
		d.y += height + gap*0.75
	}
	return nil
}

// card draws (or measures) one headline figure and returns its height.
func (l *briefLayout) card(x, y, w float64, f briefFigure, draw bool) float64 {
	d := l.d
	top := y
	for _, part := range []struct {
		text  string
		style pdfStyle
	}{{f.value, valueStyle}, {f.label, labelStyle}} {
		h, _ := d.paragraph(x, y, w, part.text, part.style, draw)
		y += h
	}
	// The period, then the sources on the same line when they fit.
	period, cite := f.period, sourceText(f.cite)
	if period != "" && cite != "" && d.textWidth(period+" · "+cite, periodStyle) <= w {
		if draw {
			pw, _ := d.text(x, y, period+" · ", periodStyle)
			_, _ = d.text(x+pw, y, cite, citeStyle)
		}
		return y + periodStyle.lineHeight() - top
	}
	h, _ := d.paragraph(x, y, w, period, periodStyle, draw)
	y += h
	h, _ = d.paragraph(x, y, w, cite, citeStyle, draw)
	return y + h - top
}

// sourceText introduces a citation: "Sources [1, 2]".
func sourceText(cite string) string {
	switch {
	case cite == "":
		return ""
	case strings.HasPrefix(cite, "[") && !strings.Contains(cite, ","):
		return tr("pdf.source", "Cite", cite)
	case strings.HasPrefix(cite, "["):
		return tr("pdf.sources", "Cite", cite)
	}
	return tr("pdf.sources-text", "Cite", cite)
}

// charts draws the charts side by side: the first on the left; the
// second on the right with the notes under it.
func (l *briefLayout) charts(b *briefing) error {
	if len(b.charts) == 0 {
		return nil
	}
	d := l.d
	leftW := d.width() * 0.63
	rightW := d.width() - leftW - gap
	left, leftH := chartPicture(b.charts[0], leftW)
	var right image.Image
	rightH := 0.0
	if len(b.charts) > 1 {
		right, rightH = chartPicture(b.charts[1], rightW)
	}
	asideH := 0.0
	for _, a := range b.aside {
		h, _ := d.paragraph(0, 0, rightW, a, noteStyle, false)
		asideH += h + 1
	}
	height := max(leftH, rightH+2+asideH)
	d.ensure(height)
	if err := d.picture(left, d.left, d.y, leftW, leftH); err != nil {
		return err
	}
	x := d.left + leftW + gap
	y := d.y
	if right != nil {
		if err := d.picture(right, x, y, rightW, rightH); err != nil {
			return err
		}
		y += rightH + 2
	}
	for _, a := range b.aside {
		h, err := d.paragraph(x, y, rightW, a, noteStyle, true)
		if err != nil {
			return err
		}
		y += h + 1
	}
	d.y += height + 2
	return nil
}

// chartPicture draws a chart at the width it is printed at, as tall as
// it needs, in the light theme on white; it returns the picture and its
// printed height in mm.
func chartPicture(c *barChart, widthMM float64) (image.Image, float64) {
	th := newTheme(themeLight)
	mmPerUnit := chartTextPt * ptMM / float64(th.Size(theme.SizeNameText))
	content := container.NewStack(canvas.NewRectangle(whiteColour), container.NewThemeOverride(c, th))
	size := fyne.NewSize(float32(widthMM/mmPerUnit), c.MinSize().Height)
	scale := float32(chartDPI / 25.4 * mmPerUnit)
	img := layOut(content, Shot{Size: size, Scale: scale}, false).Capture()
	return img, float64(size.Height) * mmPerUnit
}

// tables draws the sections: a heading, a table whose rows break across
// pages with the header drawn again, and a note.
func (l *briefLayout) tables(b *briefing) error {
	d := l.d
	for _, s := range b.sections {
		widths := make([]float64, len(s.cols))
		for i, c := range s.cols {
			widths[i] = c.share * d.width()
		}
		head := make([]string, len(s.cols))
		for i, c := range s.cols {
			head[i] = c.title
		}
		headH := l.row(d.y, widths, head, headCellStyle, false)
		first := 0.0
		if len(s.rows) > 0 {
			first = l.row(d.y, widths, s.rows[0], cellStyle, false)
		}
		d.ensure(headingStyle.lineHeight() + 3 + headH + first)
		d.y += 1.5
		if _, err := d.text(d.left, d.y, s.title, headingStyle); err != nil {
			return err
		}
		d.y += headingStyle.lineHeight() + 1
		header := func() {
			if d.y == d.top {
				// A table that goes on from the page before says so.
				_, _ = d.text(d.left, d.y, tr("pdf.continued", "Title", s.title), pdfStyle{size: 8, bold: true, colour: blueColour})
				d.y += 5
			}
			d.fill(d.left, d.y, d.width(), headH, headColour)
			l.row(d.y, widths, head, headCellStyle, true)
			d.y += headH
		}
		header()
		noteH := 0.0
		if s.note != "" {
			noteH, _ = d.paragraph(d.left, 0, d.width(), s.note, noteStyle, false)
			noteH++
		}
		for i, r := range s.rows {
			h := l.row(d.y, widths, r, cellStyle, false)
			need := h
			if i == len(s.rows)-1 {
				need += noteH // the note stays with the table
			}
			if d.ensure(need) {
				header()
			}
			if i%2 == 1 {
				d.fill(d.left, d.y, d.width(), h, color.NRGBA{R: 0xf7, G: 0xf8, B: 0xfa, A: 0xff})
			}
			l.row(d.y, widths, r, cellStyle, true)
			d.y += h
			d.rule(d.left, d.y, d.left+d.width(), d.y, 0.15, ruleColour)
		}
		if len(s.rows) == 0 {
			h, _ := d.paragraph(d.left+1.5, d.y+1, d.width()-3, tr("pdf.nothing"), cellStyle, true)
			d.y += h + 2
		}
		if s.note != "" {
			d.ensure(noteH)
			if _, err := d.paragraph(d.left, d.y+1, d.width(), s.note, noteStyle, true); err != nil {
				return err
			}
			d.y += noteH
		}
		d.y += 2.5
	}
	return nil
}

// row draws (or measures) a table row with its top at y; the first cell
// is bold. It returns the row's height.
func (l *briefLayout) row(y float64, widths []float64, cells []string, s pdfStyle, draw bool) float64 {
	const padX, padY = 1.5, 0.9
	d := l.d
	x := d.left
	height := 0.0
	for i, text := range cells {
		st := s
		if i == 0 {
			st.bold = true
		}
		// A cell's first line is its value; lines under it, in grey, say
		// more about it (a project's sector).
		main, more, _ := strings.Cut(text, "\n")
		h, _ := d.paragraph(x+padX, y+padY, widths[i]-2*padX, main, st, draw)
		if more != "" {
			h2, _ := d.paragraph(x+padX, y+padY+h, widths[i]-2*padX, more, subCellStyle, draw)
			h += h2
		}
		height = max(height, h)
		x += widths[i]
	}
	return height + 2*padY
}

// sources lists the sources cited, numbered, in two columns, each a link
// to its address.
func (l *briefLayout) sources(b *briefing) error {
	d := l.d
	if len(b.sources) == 0 {
		return nil
	}
	const indent = 6.0
	colW := (d.width() - gap) / 2
	textW := colW - indent
	type entry struct {
		n          int
		s          *data.Source
		title, sub string
		h          float64
	}
	var entries []entry
	for i, s := range b.sources {
		e := entry{n: i + 1, s: s, title: s.Title}
		var meta []string
		if s.Publisher != "" {
			meta = append(meta, s.Publisher)
		}
		if s.Date.Known() {
			meta = append(meta, lc().Date(s.Date))
		} else {
			meta = append(meta, tr("about.undated"))
		}
		e.sub = strings.Join(meta, ", ")
		th, _ := d.paragraph(0, 0, textW, e.title, sourceStyle, false)
		mh, _ := d.paragraph(0, 0, textW, e.sub+" · "+linkText(s.URL), sourceMeta, false)
		e.h = th + mh + 0.9
		entries = append(entries, e)
	}
	intro, _ := d.paragraph(0, 0, d.width(), b.citeNote, noteStyle, false)
	d.ensure(headingStyle.lineHeight() + 3 + intro + entries[0].h)
	d.y += 2
	if _, err := d.text(d.left, d.y, tr("brief.col.sources"), headingStyle); err != nil {
		return err
	}
	d.y += headingStyle.lineHeight() + 0.5
	if _, err := d.paragraph(d.left, d.y, d.width(), b.citeNote, noteStyle, true); err != nil {
		return err
	}
	d.y += intro + 1.5
	draw := func(e entry, x, y float64) error {
		if _, err := d.text(x, y, "["+strconv.Itoa(e.n)+"]", pdfStyle{size: sourceStyle.size, bold: true, colour: blueColour}); err != nil {
			return err
		}
		th, err := d.paragraph(x+indent, y, textW, e.title, sourceStyle, true)
		if err != nil {
			return err
		}
		// The publisher and date, then the address's site, in link blue.
		lines := d.wrap(e.sub+" · "+linkText(e.s.URL), sourceMeta, textW)
		yy := y + th
		for i, line := range lines {
			meta, site := line, ""
			if i == len(lines)-1 {
				if k := strings.LastIndex(line, " · "); k >= 0 {
					meta, site = line[:k+len(" · ")], line[k+len(" · "):]
				} else if len(lines) > 1 {
					meta, site = "", line
				}
			}
			w, err := d.text(x+indent, yy, meta, sourceMeta)
			if err != nil {
				return err
			}
			st := sourceMeta
			if e.s.URL != "" {
				st = linkStyle
			}
			if _, err := d.text(x+indent+w, yy, site, st); err != nil {
				return err
			}
			yy += sourceMeta.lineHeight()
		}
		if e.s.URL != "" {
			d.link(e.s.URL, x, y, colW, e.h-0.9)
		}
		return nil
	}
	for len(entries) > 0 {
		room := d.room()
		total := 0.0
		for _, e := range entries {
			total += e.h
		}
		target := room
		if total <= 2*room {
			target = total / 2
		}
		var cols [2][]entry
		k := 0
		for c := range cols {
			h := 0.0
			for k < len(entries) && (h+entries[k].h <= room || len(cols[c]) == 0 && d.y == d.top) {
				if c == 0 && h >= target {
					break
				}
				cols[c] = append(cols[c], entries[k])
				h += entries[k].h
				k++
			}
		}
		bottom := d.y
		for c, col := range cols {
			y := d.y
			for _, e := range col {
				if err := draw(e, d.left+float64(c)*(colW+gap), y); err != nil {
					return err
				}
				y += e.h
			}
			bottom = max(bottom, y)
		}
		entries = entries[k:]
		d.y = bottom
		if len(entries) > 0 {
			d.newPage()
		}
	}
	return nil
}

// linkText is what a source's address shows on paper: its site and path,
// shortened; "no address (print or offline source)" when it has none.
func linkText(addr string) string {
	if addr == "" {
		return tr("pdf.no-address")
	}
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" {
		return addr
	}
	return strings.TrimPrefix(u.Host, "www.")
}
