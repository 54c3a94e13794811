package ui

import (
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"uzkor/data"
)

// csvExport is what File → Export view as CSV writes for the tab shown:
// exactly what it shows, rows in order, columns in order.
type csvExport struct {
	name  string // "projects", for the suggested file name
	count int    // rows written
	noun  string // "projects"
	write func(w io.Writer, bom bool) error
}

// today is the date in suggested file names; tests set it.
var today = func() time.Time { return time.Now() }

// suggestedName is "projects-2026-11-27.csv".
func suggestedName(view, ext string) string {
	return view + "-" + today().Format("2006-01-02") + ext
}

// withExt adds the extension when the name has none of that kind, since
// the save dialog does not.
func withExt(name, ext string) string {
	if strings.EqualFold(filepath.Ext(name), ext) {
		return name
	}
	return name + ext
}

// currentCSV describes the CSV export of the tab shown.
func (u *UI) currentCSV() csvExport {
	switch tab := u.CurrentTab(); tab {
	case "overview":
		return u.overview.csv()
	case "timeline":
		v := u.timeline.view
		t := v.Table()
		cols := make([]int, len(t.Columns()))
		for i := range cols {
			cols[i] = i
		}
		rows := v.Rows()
		return csvExport{name: "milestones", count: len(rows), noun: plural(len(rows), "milestone"),
			write: func(w io.Writer, bom bool) error { return data.WriteCSV(w, t, rows, cols, bom) }}
	default:
		lv := u.list(tab)
		t := lv.view.Table()
		rows := lv.view.Rows()
		cols := data.ExportColumns(t, lv.table.cols)
		return csvExport{name: lv.name, count: len(rows), noun: plural(len(rows), t.Noun()),
			write: func(w io.Writer, bom bool) error { return data.WriteCSV(w, t, rows, cols, bom) }}
	}
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// exportCSVTo writes the tab shown to a file, whole or not at all, and
// returns the path written (with .csv added when the name had none).
func (u *UI) exportCSVTo(path string) (string, csvExport, error) {
	e := u.currentCSV()
	path = withExt(path, ".csv")
	bom := u.prefBoolDefault("export.bom", true)
	err := data.WriteFile(path, func(w io.Writer) error { return e.write(w, bom) })
	if err == nil {
		u.setPref(func(p fyne.Preferences) { p.SetString("export.folder", filepath.Dir(path)) })
	}
	return path, e, err
}

// ExportCSV saves the tab shown as CSV, as File → Export view as CSV
// does, and returns the path written.
func (u *UI) ExportCSV(path string) (string, error) {
	final, _, err := u.exportCSVTo(path)
	return final, err
}

// exportFolder is where the save dialog starts: the last export folder,
// else Documents, else home.
func (u *UI) exportFolder() string {
	if dir := u.prefString("export.folder", ""); dir != "" {
		if info, err := os.Stat(dir); err == nil && info.IsDir() {
			return dir
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return os.TempDir()
	}
	if docs := filepath.Join(home, "Documents"); isDir(docs) {
		return docs
	}
	return home
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// saveError explains a failed save to a person.
func saveError(path string, err error) error {
	reason := err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission):
		reason = "this folder cannot be written to (permission denied); choose another folder"
	case errors.Is(err, fs.ErrNotExist):
		reason = "the folder " + filepath.Dir(path) + " no longer exists"
	case errors.Is(err, syscall.ENOSPC):
		reason = "the disk is full"
	case errors.Is(err, syscall.EROFS):
		reason = "the disk is read-only"
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
	}
	return fmt.Errorf("%s could not be saved: %s. Nothing was written, and a file already there is unchanged", filepath.Base(path), reason)
}

// showExportCSV asks where to save the tab shown as CSV, then saves it.
func (u *UI) showExportCSV() {
	if u.win == nil {
		return
	}
	e := u.currentCSV()
	bom := widget.NewCheck("Start with a byte-order mark, so Excel reads Hangul and Cyrillic right", func(on bool) {
		u.setPref(func(p fyne.Preferences) { p.SetBool("export.bom", on) })
	})
	bom.SetChecked(u.prefBoolDefault("export.bom", true))
	u.showSaveDialog("Export "+e.noun+" as CSV", suggestedName(e.name, ".csv"), ".csv", bom, func(path string) {
		final, e, err := u.exportCSVTo(path)
		if err != nil {
			dialog.ShowError(saveError(final, err), u.win)
			return
		}
		u.confirmSaved("Exported "+e.noun+" to "+shortPath(final), final)
	})
}

// shortPath shows a path with the home folder as ~.
func shortPath(p string) string {
	if home, err := os.UserHomeDir(); err == nil && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
}

// confirmSaved says what was saved where, with a way to open the folder.
func (u *UI) confirmSaved(message, path string) {
	d := dialog.NewConfirm("Saved", message, func(open bool) {
		if open {
			_ = u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.Dir(path)})
		}
	}, u.win)
	d.SetConfirmText("Open folder")
	d.SetDismissText("Close")
	d.Show()
}

// showSaveDialog asks for a file name and a folder. Fyne's own save dialog
// creates the file as soon as it closes, which would truncate a file the
// user means to replace before anything is written; this one only picks a
// path, and the save writes it whole or not at all.
func (u *UI) showSaveDialog(title, name, ext string, extra fyne.CanvasObject, save func(path string)) {
	dir := u.exportFolder()
	nameEntry := widget.NewEntry()
	nameEntry.SetText(name)
	folder := widget.NewLabel(shortPath(dir))
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton("Choose…", func() {
		fd := dialog.NewFolderOpen(func(lu fyne.ListableURI, err error) {
			if err != nil || lu == nil {
				return
			}
			dir = lu.Path()
			folder.SetText(shortPath(dir))
		}, u.win)
		if lu, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(lu)
		}
		fd.Show()
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel("File name"), nameEntry,
		widget.NewLabel("Folder"), container.NewBorder(nil, nil, nil, choose, folder))
	content := container.NewVBox(form)
	if extra != nil {
		content.Add(extra)
	}
	confirm := func(ok bool) {
		if !ok {
			return
		}
		n := strings.TrimSpace(nameEntry.Text)
		if n == "" || strings.ContainsAny(n, `/\`) {
			dialog.ShowInformation(title, "Type a file name without folders in it; choose the folder with Choose….", u.win)
			return
		}
		path := filepath.Join(dir, withExt(n, ext))
		if _, err := os.Stat(path); err == nil {
			dialog.ShowConfirm("Replace "+filepath.Base(path)+"?", "A file of that name is already in "+shortPath(dir)+". Replace it?", func(yes bool) {
				if yes {
					save(path)
				}
			}, u.win)
			return
		}
		save(path)
	}
	d := dialog.NewCustomConfirm(title, "Save", "Cancel", container.NewGridWrap(fyne.NewSize(560, content.MinSize().Height), content), confirm, u.win)
	// Enter in the name box saves, as the Save button does.
	nameEntry.OnSubmitted = func(string) {
		d.Hide()
		confirm(true)
	}
	d.Show()
	u.win.Canvas().Focus(nameEntry)
}

// Image export -------------------------------------------------------------

// exportImageTo renders the tab shown, in its current state, to a PNG
// file at the window's pixel size times scale (1, or 2 for print).
func (u *UI) exportImageTo(path string, scale float32) (string, error) {
	path = withExt(path, ".png")
	shot := u.shot(scale)
	img, err := Render(u.app, u.data, shot)
	if err != nil {
		return path, err
	}
	err = data.WriteFile(path, func(w io.Writer) error { return png.Encode(w, img) })
	if err == nil {
		u.setPref(func(p fyne.Preferences) { p.SetString("export.folder", filepath.Dir(path)) })
	}
	return path, err
}

// shot describes the tab shown as it is now, for Render.
func (u *UI) shot(scale float32) Shot {
	s := Shot{Tab: u.CurrentTab(), Theme: u.themeVariant(), Scale: scale, Size: fyne.NewSize(defaultWidth, defaultHeight)}
	if u.win != nil {
		s.Size = u.win.Canvas().Size()
		if sc := u.win.Canvas().Scale(); sc > 0 {
			s.Scale = scale * sc
		}
	}
	tab := s.Tab
	lv := u.list(tab)
	var q data.Query
	selected := ""
	if lv != nil {
		q = lv.view.Query()
		if lv.selected >= 0 {
			selected = lv.view.Table().ID(lv.selected)
		}
		split := lv.split.Offset
		s.prepare = func(r *UI) {
			rl := r.list(tab)
			rl.setQuery(q)
			rl.split.Offset = split
			if selected != "" {
				rl.showID(selected)
			}
		}
		s.Select = selected
		if selected == "" {
			s.noSelection = true
		}
	}
	if tab == "timeline" {
		tq := u.timeline.view.Query()
		s.prepare = func(r *UI) { r.timeline.apply(func(q *data.Query) { *q = tq }) }
	}
	if tab == "overview" {
		var tables []bool
		for _, c := range u.overview.charts {
			tables = append(tables, c.table.Visible())
		}
		s.prepare = func(r *UI) {
			for i, c := range r.overview.charts {
				if i < len(tables) && tables[i] {
					c.flip()
				}
			}
		}
	}
	return s
}

// themeVariant names the variant shown: light or dark.
func (u *UI) themeVariant() string {
	switch u.theme.mode {
	case themeLight, themeDark:
		return u.theme.mode
	}
	if u.app.Settings().ThemeVariant() == theme.VariantDark {
		return themeDark
	}
	return themeLight
}

// showExportImage asks where to save the tab shown as PNG, and at what size.
func (u *UI) showExportImage() {
	if u.win == nil {
		return
	}
	s := u.win.Canvas().Size()
	sc := u.win.Canvas().Scale()
	px := func(f float32) string {
		return strconv.Itoa(int(s.Width*sc*f)) + " × " + strconv.Itoa(int(s.Height*sc*f)) + " px"
	}
	size := widget.NewRadioGroup([]string{"Window size (" + px(1) + ")", "Twice the size, for print (" + px(2) + ")"}, nil)
	size.SetSelected(size.Options[0])
	size.Required = true
	u.showSaveDialog("Export "+u.tabTitle()+" as an image", suggestedName(u.CurrentTab(), ".png"), ".png", size, func(path string) {
		scale := float32(1)
		if size.Selected == size.Options[1] {
			scale = 2
		}
		final, err := u.exportImageTo(path, scale)
		if err != nil {
			dialog.ShowError(saveError(final, err), u.win)
			return
		}
		u.confirmSaved("Saved the "+u.tabTitle()+" view to "+shortPath(final), final)
	})
}

func (u *UI) tabTitle() string {
	for _, v := range u.views {
		if v.item == u.tabs.Selected() {
			return v.title
		}
	}
	return ""
}

// showExportChart saves one chart's numbers as CSV.
func (u *UI) showExportChart(cc *chartCard) {
	if u.win == nil {
		return
	}
	name := strings.ToLower(strings.NewReplacer(" ", "-", "'", "").Replace(cc.chart.title))
	u.showSaveDialog("Export the chart's numbers as CSV", suggestedName(name, ".csv"), ".csv", nil, func(path string) {
		path = withExt(path, ".csv")
		bom := u.prefBoolDefault("export.bom", true)
		if err := data.WriteFile(path, func(w io.Writer) error { return cc.chart.writeCSV(w, bom) }); err != nil {
			dialog.ShowError(saveError(path, err), u.win)
			return
		}
		u.confirmSaved("Exported "+plural(len(cc.chart.bars), "row")+" of "+cc.chart.title+" to "+shortPath(path), path)
	})
}
