package ui

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// buildInline is how many problems are grouped on the main thread, at
// once; a longer list is grouped off it, and the dialog says so until
// the list is ready. The loader keeps about a thousand (data.MaxProblems),
// but the dialog copes with a million.
const buildInline = 2000

// problemRow is one line of the problems list: a file, a kind of problem
// within it, or one problem.
type problemRow struct {
	level int    // 0 a file, 1 a kind, 2 a problem
	text  string // the heading; "" for a problem, whose text is made when shown
	p     int    // the problem, for level 2
	heads [2]int // for a problem, the rows of its file and of its kind (−1: none)
}

// problemsDialog is the one dialog that lists problems, so a reload does
// not stack a new dialog on an old one. The list is virtualised: only the
// lines on screen are made, so its length does not matter.
type problemsDialog struct {
	u      *UI
	ps     data.Problems
	d      *dialog.CustomDialog
	list   *widget.List
	count  *widget.Label
	detail *widget.Label
	filter *widget.Entry
	rows   []problemRow // what the list shows
	all    []problemRow // every row, before the filter
	seq    atomic.Int64 // the latest grouping or filtering asked for
	closed bool
}

// showProblems lists problems in a dialog: grouped by file and by kind,
// with their number in the title, a filter, and Copy for all of them.
func (u *UI) showProblems(title, intro string, ps data.Problems) {
	u.lastProblems = ps
	if u.win == nil {
		return
	}
	if u.problems != nil {
		u.problems.close()
	}
	pd := &problemsDialog{u: u, ps: ps}
	u.problems = pd
	pd.list = widget.NewList(
		func() int { return len(pd.rows) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(pd.rows) {
				l := o.(*widget.Label)
				l.TextStyle = fyne.TextStyle{Bold: pd.rows[id].level < 2}
				l.SetText(pd.rowText(pd.rows[id]))
			}
		})
	pd.list.OnSelected = func(id widget.ListItemID) {
		if id < len(pd.rows) {
			pd.detail.SetText(pd.fullText(pd.rows[id]))
		}
	}
	pd.detail = widget.NewLabel("")
	pd.detail.Wrapping = fyne.TextWrapWord
	pd.detail.Selectable = true
	pd.filter = widget.NewEntry()
	pd.filter.SetPlaceHolder(tr("problems.filter"))
	pd.filter.OnChanged = pd.setFilter
	pd.count = widget.NewLabel("")
	head := widget.NewLabel(intro)
	head.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(head, container.NewBorder(nil, nil, nil, pd.count, pd.filter))
	body := container.NewBorder(top, pd.detail, nil, nil, pd.list)
	size := u.win.Canvas().Size()
	content := container.NewGridWrap(fyne.NewSize(min(900, size.Width*0.8), min(560, size.Height*0.75)), body)
	pd.d = dialog.NewCustom(title+" — "+counted(ps.Count(), "problems"), tr("dialog.close"), content, u.win)
	copyButton := widget.NewButtonWithIcon(tr("detail.copy"), theme.ContentCopyIcon(), pd.copyAll)
	pd.d.SetButtons([]fyne.CanvasObject{copyButton, widget.NewButton(tr("dialog.close"), pd.close)})
	pd.d.Show()

	if len(ps) <= buildInline {
		pd.show(groupProblems(ps), "")
		return
	}
	pd.count.SetText(tr("problems.grouping", "Lines", counted(len(ps), "lines")))
	seq := pd.seq.Add(1)
	onMain := u.onMain
	go func() {
		rows := groupProblems(ps)
		onMain(func() {
			if pd.seq.Load() == seq && !pd.closed {
				pd.show(rows, "")
			}
		})
	}()
}

// close hides the dialog and stops what it was working on.
func (pd *problemsDialog) close() {
	pd.closed = true
	pd.seq.Add(1)
	pd.d.Hide()
	if pd.u.problems == pd {
		pd.u.problems = nil
	}
}

// show puts rows in the list: all of them, or those the filter kept.
func (pd *problemsDialog) show(rows []problemRow, filter string) {
	if filter == "" {
		pd.all = rows
	}
	pd.rows = rows
	pd.list.UnselectAll()
	pd.list.Refresh()
	pd.list.ScrollToTop()
	shown := 0
	first := -1
	for i, r := range rows {
		if r.level == 2 {
			shown++
			if first < 0 {
				first = i
			}
		}
	}
	switch {
	case filter == "":
		pd.count.SetText(counted(pd.ps.Count(), "problems"))
	default:
		pd.count.SetText(tr("problems.match", "Lines", counted(shown, "lines")))
	}
	pd.detail.SetText("")
	if first >= 0 {
		pd.detail.SetText(pd.fullText(rows[first]))
	}
}

// setFilter keeps the lines that contain the filter's words, ignoring
// case and accents; a long list is filtered off the main thread.
func (pd *problemsDialog) setFilter(text string) {
	words := strings.Fields(data.Fold(text))
	seq := pd.seq.Add(1)
	all := pd.all
	if len(words) == 0 {
		pd.show(all, "")
		return
	}
	if len(pd.ps) <= buildInline {
		pd.show(filterRows(all, pd.ps, words), text)
		return
	}
	pd.count.SetText(tr("problems.filtering"))
	onMain := pd.u.onMain
	go func() {
		rows := filterRows(all, pd.ps, words)
		onMain(func() {
			if pd.seq.Load() == seq && !pd.closed {
				pd.show(rows, text)
			}
		})
	}()
}

// rowText is what a line of the list shows: headings stand out, the
// problems under a kind's heading are set in further.
func (pd *problemsDialog) rowText(r problemRow) string {
	switch {
	case r.level == 0:
		return r.text
	case r.level == 1:
		return "    " + r.text
	case r.heads[1] >= 0:
		return "        " + pd.ps[r.p].String()
	}
	return "    " + pd.ps[r.p].String()
}

// fullText is the selected line in full, under the list.
func (pd *problemsDialog) fullText(r problemRow) string {
	if r.level < 2 {
		return r.text
	}
	return pd.ps[r.p].String()
}

// copyAll puts every problem kept on the clipboard, one a line, with the
// lines that say how many more there were; a long list is written off
// the main thread.
func (pd *problemsDialog) copyAll() {
	u := pd.u
	done := func(text string) {
		u.copyText(text)
		msg := tr("problems.copied", "Lines", counted(len(pd.ps), "lines"))
		if n := pd.ps.Count(); n != len(pd.ps) {
			msg += " (" + counted(n, "problems") + ")"
		}
		u.status(msg)
	}
	if len(pd.ps) <= buildInline {
		done(pd.ps.Error())
		return
	}
	u.status(tr("problems.copying", "Lines", counted(len(pd.ps), "lines")))
	onMain := u.onMain
	ps := pd.ps
	go func() {
		text := ps.Error()
		onMain(func() { done(text) })
	}()
}

// groupProblems orders problems by file, in the order the files first
// appear, and within a file by kind, each kind where it first appears.
// A file heads its problems; a kind of more than one problem heads its
// own, with their number.
func groupProblems(ps data.Problems) []problemRow {
	type group struct {
		text  string // the kind
		items []int
		count int
		warn  bool
	}
	type file struct {
		name        string
		kinds       []*group
		byKind      map[string]*group
		errs, warns int
	}
	var files []*file
	byName := map[string]*file{}
	for i, p := range ps {
		f := byName[p.File]
		if f == nil {
			f = &file{name: p.File, byKind: map[string]*group{}}
			byName[p.File] = f
			files = append(files, f)
		}
		k := p.Kind()
		g := f.byKind[k]
		if g == nil {
			g = &group{text: k, warn: p.Warning}
			f.byKind[k] = g
			f.kinds = append(f.kinds, g)
		}
		g.items = append(g.items, i)
		n := max(1, p.More)
		g.count += n
		if p.Warning {
			f.warns += n
		} else {
			f.errs += n
		}
	}
	rows := make([]problemRow, 0, len(ps)+2*len(files))
	for _, f := range files {
		var what []string
		if f.errs > 0 {
			what = append(what, counted(f.errs, "problems"))
		}
		if f.warns > 0 {
			what = append(what, counted(f.warns, "warnings"))
		}
		fileRow := len(rows)
		rows = append(rows, problemRow{level: 0, text: f.name + " — " + strings.Join(what, ", ")})
		// Kinds of one problem first, in the order found; then the
		// kinds of several, each under its heading.
		for _, g := range f.kinds {
			if g.count == 1 {
				rows = append(rows, problemRow{level: 2, p: g.items[0], heads: [2]int{fileRow, -1}})
			}
		}
		for _, g := range f.kinds {
			if g.count == 1 {
				continue
			}
			kindRow := len(rows)
			rows = append(rows, problemRow{level: 1, text: g.text + " — " + data.Thousands(float64(g.count))})
			for _, i := range g.items {
				rows = append(rows, problemRow{level: 2, p: i, heads: [2]int{fileRow, kindRow}})
			}
		}
	}
	return rows
}

// filterRows keeps the problems whose text holds every word, with the
// headings above them.
func filterRows(all []problemRow, ps data.Problems, words []string) []problemRow {
	var out []problemRow
	last := [2]int{-1, -1} // the headings put in last
	for _, r := range all {
		if r.level < 2 || !matches(data.Fold(ps[r.p].String()), words) {
			continue
		}
		for h := range 2 {
			if r.heads[h] >= 0 && r.heads[h] != last[h] {
				out = append(out, all[r.heads[h]])
				last[h] = r.heads[h]
			}
		}
		out = append(out, r)
	}
	return out
}

func matches(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
}

// counted is "1 problem", "1,048,452 problems": what ("problems",
// "lines", "warnings") counted in the window's language.
func counted(n int, what string) string { return trn("count."+what, n) }
