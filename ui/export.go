package ui

import (
	"errors"
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

// csvExport is what File → Export as CSV writes for the tab shown:
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

// currentCSV describes the CSV export of the view shown; ok is false
// when the view has nothing to export as CSV.
func (u *UI) currentCSV() (csvExport, bool) {
	if e, ok := u.current().(csvExporter); ok {
		return e.csv(), true
	}
	return csvExport{}, false
}

// exportCSVTo writes the tab shown to a file, whole or not at all, and
// returns the path written (with .csv added when the name had none).
func (u *UI) exportCSVTo(path string) (string, csvExport, error) {
	e, ok := u.currentCSV()
	path = withExt(path, ".csv")
	if !ok {
		return path, e, errNoCSV
	}
	bom := u.pref().boolean("export.bom", true)
	err := data.WriteFile(path, func(w io.Writer) error { return e.write(w, bom) })
	if err == nil {
		u.rememberFolder(path)
	}
	return path, e, err
}

// errNoCSV is the export of a view with nothing to export as CSV.
var errNoCSV = errors.New("this view has nothing to export as CSV")

// rememberFolder makes the folder of a file saved the one the next save
// dialog starts in.
func (u *UI) rememberFolder(path string) {
	u.pref().setStr("export.folder", filepath.Dir(path))
}

// exportFolder is where the save dialog starts: the last export folder,
// else Documents, else home.
func (u *UI) exportFolder() string {
	if dir := u.pref().str("export.folder", ""); dir != "" {
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

// saveError explains a failed save to a person.
func saveError(path string, err error) error {
	reason := err.Error()
	switch {
	case errors.Is(err, fs.ErrPermission):
		reason = tr("save.denied")
	case errors.Is(err, fs.ErrNotExist):
		reason = tr("save.no-folder", "Folder", filepath.Dir(path))
	case errors.Is(err, syscall.ENOSPC):
		reason = tr("save.full")
	case errors.Is(err, syscall.EROFS):
		reason = tr("save.read-only")
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			reason = pe.Err.Error()
		}
	}
	return errors.New(tr("save.failed", "File", filepath.Base(path), "Reason", reason))
}

// showExportCSV asks where to save the view shown as CSV, or as a
// workbook when that was the format last chosen (ui/xlsx.go), then saves it.
func (u *UI) showExportCSV() { u.showExport(u.pref().str("export.format", formatCSV)) }

// saveCSVFile writes the view shown as CSV and says so, or what went wrong.
func (u *UI) saveCSVFile(path string) {
	final, e, err := u.exportCSVTo(path)
	if err != nil {
		u.showError(saveError(final, err))
		return
	}
	u.confirmSaved(tr("export.done", "What", e.noun, "Path", shortPath(final)), final)
}

// confirmSaved says what was saved where, with a way to open the folder,
// and says it in the status bar too, after the dialog is closed.
func (u *UI) confirmSaved(message, path string) {
	u.status(message)
	l := widget.NewLabel(message)
	l.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, l)
	u.showDialog(dialog.NewCustomConfirm(tr("save.saved"), tr("dialog.close"), tr("save.open-folder"), container.NewGridWrap(fyne.NewSize(460, l.MinSize().Height*3), body), func(close bool) {
		if !close {
			_ = u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.Dir(path)})
		}
	}, u.win))
}

// showSaveDialog asks for a file name and a folder. Fyne's own save dialog
// creates the file as soon as it closes, which would truncate a file the
// user means to replace before anything is written; this one only picks a
// path, and the save writes it whole or not at all.
func (u *UI) showSaveDialog(title, name, ext string, extra fyne.CanvasObject, save func(path string)) {
	u.saveDialog(title, name, func() string { return ext }, extra, save)
}

// saveDialog is showSaveDialog with an extension that the extra widgets
// may change (a choice of format); it returns the file name box.
func (u *UI) saveDialog(title, name string, ext func() string, extra fyne.CanvasObject, save func(path string)) *keyEntry {
	dir := u.exportFolder()
	nameEntry := newKeyEntry()
	nameEntry.SetText(name)
	folder := widget.NewLabel(shortPath(dir))
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButton(tr("save.choose"), func() {
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
		widget.NewLabel(tr("save.file-name")), nameEntry,
		widget.NewLabel(tr("save.folder")), container.NewBorder(nil, nil, nil, choose, folder))
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
			u.showInfo(title, tr("save.bad-name"))
			return
		}
		path := filepath.Join(dir, withExt(n, ext()))
		if _, err := os.Stat(path); err == nil {
			u.askConfirm(tr("save.replace-title", "File", filepath.Base(path)), tr("save.replace-message", "Folder", shortPath(dir)), func() { save(path) })
			return
		}
		save(path)
	}
	d := dialog.NewCustomConfirm(title, tr("save.save"), tr("dialog.cancel"), container.NewGridWrap(fyne.NewSize(600, content.MinSize().Height), content), confirm, u.win)
	// Enter in the name box saves, as the Save button does; Esc cancels.
	nameEntry.OnSubmitted = func(string) { d.Confirm() }
	nameEntry.onEscape = d.Hide
	u.showDialog(d)
	u.win.Canvas().Focus(nameEntry)
	return nameEntry
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
		u.rememberFolder(path)
	}
	return path, err
}

// shot describes the view shown as it is now, for Render.
func (u *UI) shot(scale float32) Shot {
	s := Shot{Tab: u.CurrentTab(), Theme: u.themeVariant(), Scale: scale, Size: fyne.NewSize(defaultWidth, defaultHeight), Folder: u.folder.dir}
	if u.win != nil {
		s.Size = u.win.Canvas().Size()
		if sc := u.win.Canvas().Scale(); sc > 0 {
			s.Scale = scale * sc
		}
	}
	if sn, ok := u.current().(snapshotter); ok {
		s.restore = sn.snapshot()
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
	size := widget.NewRadioGroup([]string{tr("image.window-size", "Size", px(1)), tr("image.twice", "Size", px(2))}, nil)
	size.SetSelected(size.Options[0])
	size.Required = true
	what := widget.NewLabel(tr("image.what", "Tab", u.tabTitle()))
	what.Wrapping = fyne.TextWrapWord
	u.showSaveDialog(tr("image.title", "Tab", u.tabTitle()), suggestedName(u.CurrentTab(), ".png"), ".png", container.NewVBox(what, size), func(path string) {
		scale := float32(1)
		if size.Selected == size.Options[1] {
			scale = 2
		}
		final, err := u.exportImageTo(path, scale)
		if err != nil {
			u.showError(saveError(final, err))
			return
		}
		u.confirmSaved(tr("image.saved", "Tab", u.tabTitle(), "Path", shortPath(final)), final)
	})
}

func (u *UI) tabTitle() string {
	if v := u.current(); v != nil {
		return v.title()
	}
	return ""
}

// showSaveCSV asks where to save a CSV file, then writes it whole or not
// at all: a chart's numbers.
func (u *UI) showSaveCSV(title, name, done string, write func(w io.Writer, bom bool) error) {
	if u.win == nil {
		return
	}
	u.showSaveDialog(title, suggestedName(name, ".csv"), ".csv", nil, func(path string) {
		path = withExt(path, ".csv")
		bom := u.pref().boolean("export.bom", true)
		if err := data.WriteFile(path, func(w io.Writer) error { return write(w, bom) }); err != nil {
			u.showError(saveError(path, err))
			return
		}
		u.rememberFolder(path)
		u.confirmSaved(tr("export.done", "What", done, "Path", shortPath(path)), path)
	})
}
