package ui

import (
	"image/color"
	"slices"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

const (
	minColumnWidth = 56
	maxColumnWidth = 220 // a longer cell is elided; the detail shows it whole
	maxNameWidth   = 260 // the first column, the row's name
	sampleRows     = 400 // rows measured to size a column
)

// sortTable shows a data.View as a table with a header row: a tap on a
// header sorts by that column, a second tap reverses, and an arrow marks
// the sorted column. Tapping a cell selects its whole row.
type sortTable struct {
	widget.Table

	view     *data.View
	cols     []int // the table's columns shown, in order
	sortCol  int   // index into cols, −1 for file order
	desc     bool
	selected int       // the selected row of the data table, −1 for none
	sized    bool      // the columns were fitted to their content
	focusCol int       // the column of the cell with the keyboard focus
	widths   []float32 // each column's width, as sized

	onSort   func(column string, desc bool)
	onSelect func(row int)
}

func newSortTable(view *data.View, cols []int) *sortTable {
	t := &sortTable{view: view, cols: cols, sortCol: -1, selected: -1}
	t.Length = func() (int, int) {
		// Laid out with no height (a tab not shown is laid out at zero
		// size), Fyne's table makes a row divider for every row of the
		// data, 100,000 of them, kept for good; it has no rows until it
		// has a size.
		if s := t.Size(); s.Height <= 0 || s.Width <= 0 {
			return 0, len(t.cols)
		}
		return len(t.view.Rows()), len(t.cols)
	}
	t.CreateCell = func() fyne.CanvasObject {
		bg := canvas.NewRectangle(color.Transparent)
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return container.NewStack(bg, l)
	}
	t.UpdateCell = t.updateCell
	t.ShowHeaderRow = true
	// The name stays in view when the table scrolls sideways.
	t.StickyColumnCount = 1
	t.OnHighlighted = func(id widget.TableCellID) { t.focusCol = id.Col }
	t.CreateHeader = func() fyne.CanvasObject { return newHeaderCell() }
	t.UpdateHeader = t.updateHeader
	t.OnSelected = func(id widget.TableCellID) {
		rows := t.view.Rows()
		if id.Row < 0 || id.Row >= len(rows) {
			return
		}
		t.selected = rows[id.Row]
		t.Refresh()
		if t.onSelect != nil {
			t.onSelect(t.selected)
		}
	}
	t.ExtendBaseWidget(t)
	return t
}

// setColumns shows other columns, sized to their content.
func (t *sortTable) setColumns(cols []int) {
	sorted, desc := "", t.desc
	if t.sortCol >= 0 && t.sortCol < len(t.cols) {
		sorted = t.view.Table().Columns()[t.cols[t.sortCol]].Name
	}
	t.cols = cols
	t.setSort(sorted, desc)
	t.focusCol = min(t.focusCol, len(cols)-1)
	t.sizeColumns()
	t.Refresh()
}

// TypedKey adds to the table's keys: Enter selects the row with the
// keyboard focus, as Space does.
func (t *sortTable) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		k = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	t.Table.TypedKey(k)
}

// TypedRune sorts from the keyboard: S sorts by the column with the
// keyboard focus, a second S reverses.
func (t *sortTable) TypedRune(r rune) {
	if (r == 's' || r == 'S') && t.focusCol >= 0 && t.focusCol < len(t.cols) {
		t.tapHeader(t.focusCol)
	}
}

// ensureSized sizes the columns the first time the table is shown:
// measuring text is the costly part of building a tab, and a tab that is
// never opened need not pay it.
func (t *sortTable) ensureSized() {
	if !t.sized {
		t.sizeColumns()
	}
}

func (t *sortTable) numeric(i int) bool {
	k := t.view.Table().Columns()[t.cols[i]].Kind
	return k.Numeric() || k == data.When
}

// updateCell sets every property of a recycled cell.
func (t *sortTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	stack := o.(*fyne.Container)
	bg := stack.Objects[0].(*canvas.Rectangle)
	l := stack.Objects[1].(*widget.Label)
	rows := t.view.Rows()
	if id.Row >= len(rows) || id.Col >= len(t.cols) {
		l.SetText("")
		return
	}
	row := rows[id.Row]
	// Every property is set, as cells are recycled; but only what changed
	// is refreshed, since laying out text is the costly part of a keystroke.
	align := fyne.TextAlignLeading
	if t.numeric(id.Col) {
		align = fyne.TextAlignTrailing
	}
	style := fyne.TextStyle{Bold: id.Col == 0}
	text := t.view.Table().Display(row, t.cols[id.Col])
	if l.Text != text || l.Alignment != align || l.TextStyle != style {
		l.Alignment, l.TextStyle = align, style
		l.SetText(text)
	}
	fill := color.Color(color.Transparent)
	if row == t.selected {
		fill = theme.Color(theme.ColorNameSelection)
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
}

func (t *sortTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	if id.Col < 0 || id.Col >= len(t.cols) {
		return
	}
	col := t.view.Table().Columns()[t.cols[id.Col]]
	icon := fyne.Resource(nil)
	if id.Col == t.sortCol {
		icon = theme.MoveUpIcon()
		if t.desc {
			icon = theme.MoveDownIcon()
		}
	}
	h.set(lc().Title(col.Title), icon, t.numeric(id.Col))
	c := id.Col
	h.onTapped = func() { t.tapHeader(c) }
}

// tapHeader sorts by a column, or reverses the sort when it is sorted.
func (t *sortTable) tapHeader(i int) {
	if i == t.sortCol {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = i, false
	}
	if t.onSort != nil {
		t.onSort(t.view.Table().Columns()[t.cols[i]].Name, t.desc)
	}
}

// setSort marks the sorted column without sorting (the view does that).
func (t *sortTable) setSort(column string, desc bool) {
	t.sortCol, t.desc = -1, desc
	for i, c := range t.cols {
		if t.view.Table().Columns()[c].Name == column {
			t.sortCol = i
		}
	}
}

// sizeColumns fits each column to its header and to its widest cells,
// within limits; longer text is elided. Only the longest texts of the
// first rows are measured: measuring is the costly part.
func (t *sortTable) sizeColumns() {
	tab := t.view.Table()
	size := theme.TextSize()
	cellPad := theme.InnerPadding()*2 + theme.Padding()*2
	pad := cellPad + theme.IconInlineSize() + theme.Padding()
	n := min(tab.Len(), sampleRows)
	const measured = 4
	t.widths = make([]float32, len(t.cols))
	for i, c := range t.cols {
		w := fyne.MeasureText(colTitle(tab, c), size, fyne.TextStyle{Bold: true}).Width + pad
		style := fyne.TextStyle{Bold: i == 0}
		// the few longest texts, by character count
		var longest []string
		for r := 0; r < n; r++ {
			s := tab.Display(r, c)
			longest = append(longest, s)
			slices.SortFunc(longest, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
			if len(longest) > measured {
				longest = longest[:measured]
			}
		}
		for _, s := range longest {
			if tw := fyne.MeasureText(s, size, style).Width + cellPad; tw > w {
				w = tw
			}
		}
		limit := float32(maxColumnWidth)
		switch {
		case i == 0:
			limit = maxNameWidth
		case tab.Columns()[c].Kind == data.Regions:
			limit = 170 // a second region is read in the detail
		case tab.Columns()[c].Kind == data.Decimal:
			limit = 290 // a quantity says whose it is: "96.4 t (2024), NMMC (company)"
		}
		t.widths[i] = max(minColumnWidth, min(limit, w))
		t.SetColumnWidth(i, t.widths[i])
	}
	t.sized = true
}

// showRow selects a row of the data table and scrolls to it; it reports
// false when the row is not among those shown.
func (t *sortTable) showRow(row int) bool {
	for i, r := range t.view.Rows() {
		if r == row {
			t.selected = row
			// Before its first layout the table cannot tell what is in
			// view: selecting would scroll the row under the header.
			if t.Size().Height > 0 {
				t.Select(widget.TableCellID{Row: i, Col: 0})
				t.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			}
			t.Refresh()
			return true
		}
	}
	return false
}

// headerCell is a tappable column title with an optional sort arrow.
type headerCell struct {
	widget.BaseWidget
	label    *widget.Label
	icon     *widget.Icon
	onTapped func()
	bg       *canvas.Rectangle
}

func newHeaderCell() *headerCell {
	h := &headerCell{label: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), icon: widget.NewIcon(nil), bg: canvas.NewRectangle(color.Transparent)}
	h.label.Truncation = fyne.TextTruncateEllipsis
	h.ExtendBaseWidget(h)
	return h
}

func (h *headerCell) set(title string, icon fyne.Resource, trailing bool) {
	h.label.Text = title
	h.label.Alignment = fyne.TextAlignLeading
	if trailing {
		h.label.Alignment = fyne.TextAlignTrailing
	}
	h.label.Refresh()
	h.icon.SetResource(icon)
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(h.bg, container.NewBorder(nil, nil, nil, h.icon, h.label)))
}

// Tapped sorts by this column.
func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTapped != nil {
		h.onTapped()
	}
}

// Cursor shows a pointer over a header, which is a button.
func (h *headerCell) Cursor() desktop.Cursor { return desktop.PointerCursor }

// MouseIn, MouseMoved and MouseOut show a hover background.
func (h *headerCell) MouseIn(*desktop.MouseEvent) {
	h.bg.FillColor = theme.Color(theme.ColorNameHover)
	h.bg.Refresh()
}
func (h *headerCell) MouseMoved(*desktop.MouseEvent) {}
func (h *headerCell) MouseOut() {
	h.bg.FillColor = color.Transparent
	h.bg.Refresh()
}
