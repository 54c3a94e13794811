package ui

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2/theme"
	"github.com/signintech/gopdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"uzkor/resources"
)

// A small typesetter over gopdf: real text in the app's own fonts (Fyne's
// Noto Sans for Latin and Cyrillic, the bundled Uzkor Hangul for Korean),
// wrapped to a width, on pages that break where a block no longer fits,
// with filled boxes, rules, pictures and links. Lengths are millimetres
// from the page's top left; type sizes are points.

// pdfPaper is a page size.
type pdfPaper struct {
	name string  // "A4"
	w, h float64 // mm
}

var (
	paperA4     = pdfPaper{name: "A4", w: 210, h: 297}
	paperLetter = pdfPaper{name: "Letter", w: 215.9, h: 279.4}
)

// paperNamed reads "a4" or "letter".
func paperNamed(s string) (pdfPaper, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "a4":
		return paperA4, true
	case "letter", "us-letter":
		return paperLetter, true
	}
	return pdfPaper{}, false
}

const ptMM = 25.4 / 72 // one point in millimetres

// pdfFace is one font file: the family gopdf knows it by, and its glyphs
// and advances, read to choose a font per character and to measure.
type pdfFace struct {
	family string // a subset tag, then the font's name: "UZKAAA+NotoSans-Regular"
	data   []byte
	font   *sfnt.Font
	buf    sfnt.Buffer
	adv    map[rune]float64 // advance in ems, 0 for no glyph
	added  bool             // registered with gopdf: the first time it draws
}

func newFace(family string, data []byte) (*pdfFace, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", family, err)
	}
	return &pdfFace{family: family, data: data, font: f, adv: map[rune]float64{}}, nil
}

// advance is a character's width in ems, or 0 when the font lacks it.
func (f *pdfFace) advance(r rune) float64 {
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := 0.0
	if i, err := f.font.GlyphIndex(&f.buf, r); err == nil && i != 0 {
		upem := f.font.UnitsPerEm()
		if w, err := f.font.GlyphAdvance(&f.buf, i, fixed.I(int(upem)), font.HintingNone); err == nil {
			a = float64(w) / 64 / float64(upem)
		}
		if a == 0 {
			a = 1e-9 // a glyph with no width (a combining mark) is still a glyph
		}
	}
	f.adv[r] = a
	return a
}

func (f *pdfFace) has(r rune) bool { return f.advance(r) > 0 }

// pdfStyle is how a piece of text looks.
type pdfStyle struct {
	size   float64 // points
	bold   bool
	italic bool
	colour color.NRGBA
}

func (s pdfStyle) lineHeight() float64 { return s.size * 1.3 * ptMM }

// pdfRun is text drawn in one font.
type pdfRun struct {
	face *pdfFace
	text string
}

// pdfDoc is a document being typeset.
type pdfDoc struct {
	gp     *gopdf.GoPdf
	paper  pdfPaper
	left   float64 // the text area: margins in mm
	right  float64
	top    float64
	bottom float64 // from the page's top: where the text area ends
	y      float64 // where the next block goes on the current page
	pages  int

	faces  [4]*pdfFace // regular, bold, italic, bold italic
	hangul [2]*pdfFace // regular, bold
	// missing counts the characters no bundled font has, drawn as U+FFFD.
	missing map[rune]int
	links   int
}

// newPDFDoc starts a document with its fonts and one empty page.
func newPDFDoc(paper pdfPaper, info gopdf.PdfInfo) (*pdfDoc, error) {
	d := &pdfDoc{gp: &gopdf.GoPdf{}, paper: paper, left: 15, right: 15, top: 13, missing: map[rune]int{}}
	d.bottom = paper.h - 15
	sources := []struct {
		family string
		data   []byte
	}{
		{"UZKAAA+NotoSans-Regular", theme.DefaultTextFont().Content()},
		{"UZKAAB+NotoSans-Bold", theme.DefaultTextBoldFont().Content()},
		{"UZKAAC+NotoSans-Italic", theme.DefaultTextItalicFont().Content()},
		{"UZKAAD+NotoSans-BoldItalic", theme.DefaultTextBoldItalicFont().Content()},
	}
	for i, s := range sources {
		f, err := newFace(s.family, s.data)
		if err != nil {
			return nil, err
		}
		d.faces[i] = f
	}
	for i, s := range []struct {
		family string
		data   []byte
	}{{"UZKAAE+UzkorHangul-Regular", resources.HangulFont}, {"UZKAAF+UzkorHangul-Bold", resources.HangulBoldFont}} {
		h, err := newFace(s.family, s.data)
		if err != nil {
			return nil, err
		}
		d.hangul[i] = h
	}
	d.gp.Start(gopdf.Config{PageSize: gopdf.Rect{W: paper.w, H: paper.h}, Unit: gopdf.UnitMM})
	d.gp.SetInfo(info)
	d.gp.SetCompressLevel(9)
	d.newPage()
	return d, nil
}

// newPage starts a page and puts the cursor at the top of its text area.
func (d *pdfDoc) newPage() {
	d.gp.AddPage()
	d.pages++
	d.y = d.top
}

// width is the text area's width.
func (d *pdfDoc) width() float64 { return d.paper.w - d.left - d.right }

// room is what is left of the page below the cursor.
func (d *pdfDoc) room() float64 { return d.bottom - d.y }

// ensure starts a new page unless h mm fit below the cursor; it reports
// whether it did.
func (d *pdfDoc) ensure(h float64) bool {
	if d.y+h <= d.bottom || d.y == d.top {
		return false
	}
	d.newPage()
	return true
}

// face is the font that draws r in a style: the style's Noto Sans, else
// the Hangul font of its weight, else regular Noto Sans; nil when none
// has it.
func (d *pdfDoc) face(s pdfStyle, r rune) *pdfFace {
	own := d.faces[styleIndex(s)]
	hangul := d.hangul[0]
	if s.bold {
		hangul = d.hangul[1]
	}
	switch {
	case own.has(r):
		return own
	case hangul.has(r):
		return hangul
	case d.faces[0].has(r):
		return d.faces[0]
	}
	return nil
}

func styleIndex(s pdfStyle) int {
	i := 0
	if s.bold {
		i++
	}
	if s.italic {
		i += 2
	}
	return i
}

// runs splits text into the runs of one font each; a character no font
// has becomes U+FFFD.
func (d *pdfDoc) runs(text string, s pdfStyle) []pdfRun {
	var out []pdfRun
	var cur *pdfFace
	var b strings.Builder
	for _, r := range text {
		if r == '\n' || r == '\t' {
			r = ' '
		}
		// The style's own font wherever it has the character, so that
		// Latin after Hangul goes back to Noto Sans; a space stays in the
		// run it is in, when that font has one.
		f := cur
		if f == nil || r != ' ' || !f.has(r) {
			f = d.face(s, r)
		}
		if f == nil {
			d.missing[r]++
			r, f = utf8.RuneError, d.faces[0]
		}
		if f != cur && b.Len() > 0 {
			out = append(out, pdfRun{face: cur, text: b.String()})
			b.Reset()
		}
		cur = f
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		out = append(out, pdfRun{face: cur, text: b.String()})
	}
	return out
}

// textWidth measures text in mm.
func (d *pdfDoc) textWidth(text string, s pdfStyle) float64 {
	w := 0.0
	for _, run := range d.runs(text, s) {
		for _, r := range run.text {
			w += run.face.advance(r)
		}
	}
	return w * s.size * ptMM
}

// wrap breaks text into lines no wider than width: at spaces, and inside a
// word (an address) only when the word alone is too wide, after a / or -
// where it can.
func (d *pdfDoc) wrap(text string, s pdfStyle, width float64) []string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			try := word
			if line != "" {
				try = line + " " + word
			}
			if d.textWidth(try, s) <= width {
				line = try
				continue
			}
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			for d.textWidth(word, s) > width {
				head, rest := d.breakWord(word, s, width)
				lines = append(lines, head)
				word = rest
			}
			line = word
		}
		lines = append(lines, line)
	}
	return lines
}

// breakWord cuts the longest start of a word that fits the width, after a
// / or - when there is one in its second half.
func (d *pdfDoc) breakWord(word string, s pdfStyle, width float64) (string, string) {
	rs := []rune(word)
	n := 1
	for n < len(rs) && d.textWidth(string(rs[:n+1]), s) <= width {
		n++
	}
	for i := n; i > n/2; i-- {
		if rs[i-1] == '/' || rs[i-1] == '-' {
			n = i
			break
		}
	}
	return string(rs[:n]), string(rs[n:])
}

// use makes a face the current font, registering it the first time.
func (d *pdfDoc) use(f *pdfFace, s pdfStyle) error {
	if !f.added {
		if err := d.gp.AddTTFFontData(f.family, f.data); err != nil {
			return fmt.Errorf("font %s: %w", f.family, err)
		}
		f.added = true
	}
	return d.gp.SetFont(f.family, "", s.size)
}

// text draws one line with its top at y; it returns the width drawn.
func (d *pdfDoc) text(x, y float64, text string, s pdfStyle) (float64, error) {
	base := y + s.size*ptMM // the baseline: the ascent of a 1.3 line
	d.gp.SetTextColor(s.colour.R, s.colour.G, s.colour.B)
	start := x
	for _, run := range d.runs(text, s) {
		if err := d.use(run.face, s); err != nil {
			return 0, err
		}
		d.gp.SetXY(x, base)
		if err := d.gp.Text(run.text); err != nil {
			return 0, err
		}
		for _, r := range run.text {
			x += run.face.advance(r) * s.size * ptMM
		}
	}
	return x - start, nil
}

// textRight draws one line ending at x.
func (d *pdfDoc) textRight(x, y float64, text string, s pdfStyle) error {
	_, err := d.text(x-d.textWidth(text, s), y, text, s)
	return err
}

// paragraph draws text wrapped to a width from y down and returns its
// height. Nothing is drawn when draw is false: it only measures.
func (d *pdfDoc) paragraph(x, y, width float64, text string, s pdfStyle, draw bool) (float64, error) {
	if strings.TrimSpace(text) == "" {
		return 0, nil
	}
	lines := d.wrap(text, s, width)
	if draw {
		for i, l := range lines {
			if _, err := d.text(x, y+float64(i)*s.lineHeight(), l, s); err != nil {
				return 0, err
			}
		}
	}
	return float64(len(lines)) * s.lineHeight(), nil
}

// fill paints a rectangle.
func (d *pdfDoc) fill(x, y, w, h float64, c color.NRGBA) {
	d.gp.SetFillColor(c.R, c.G, c.B)
	d.gp.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// rule draws a line.
func (d *pdfDoc) rule(x1, y1, x2, y2, thickness float64, c color.NRGBA) {
	d.gp.SetStrokeColor(c.R, c.G, c.B)
	d.gp.SetLineWidth(thickness)
	d.gp.Line(x1, y1, x2, y2)
}

// picture places an image in a box.
func (d *pdfDoc) picture(img image.Image, x, y, w, h float64) error {
	return d.gp.ImageFrom(img, x, y, &gopdf.Rect{W: w, H: h})
}

// link makes a box clickable, opening an address.
func (d *pdfDoc) link(url string, x, y, w, h float64) {
	d.gp.AddExternalLink(url, x, y, w, h)
	d.links++
}

// finish draws each page's footer, knowing the page count, and writes the
// document.
func (d *pdfDoc) finish(w io.Writer, footer func(page, pages int) error) error {
	for p := 1; p <= d.pages; p++ {
		if err := d.gp.SetPage(p); err != nil {
			return err
		}
		if err := footer(p, d.pages); err != nil {
			return err
		}
	}
	// gopdf's WriteTo drops the writer's errors (a full disk would leave
	// half a file looking whole): compile to memory, then write and check.
	b, err := d.gp.GetBytesPdfReturnErr()
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
