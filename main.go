// Command uzkor is the Uzbekistan–Korea Partnership Dashboard: a desktop
// app over bundled, sourced CSV data. The same binary exports a view to
// CSV, writes a PDF briefing, checks a data folder and renders a view to
// PNG, without a window.
package main

import (
	"bytes"
	_ "embed" // FyneApp.toml
	"errors"
	"flag"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/BurntSushi/toml"

	"uzkor/data"
	"uzkor/resources"
	"uzkor/ui"
)

const appID = "org.uzkor.dashboard"

// started is when the process started, for -timing.
var started = time.Now()

// newApp makes the Fyne app, with its icon and the metadata of
// FyneApp.toml; tests swap in Fyne's test app.
var newApp = func() fyne.App {
	a := app.NewWithID(appID)
	icon := fyne.NewStaticResource("icon.png", resources.Icon)
	a.SetIcon(icon)
	// A packaged build has its metadata from the fyne tool; a plain go
	// build reads the same file, compiled in.
	if m := a.Metadata(); m.ID == "" || m.Version == "0.0.1" {
		app.SetMetadata(metadata(fyneAppToml, icon))
	}
	return a
}

// fyneAppToml is the one place the version is written.
//
//go:embed FyneApp.toml
var fyneAppToml string

// metadata reads the [Details] of FyneApp.toml: ID, Name, Version, Build.
func metadata(text string, icon fyne.Resource) fyne.AppMetadata {
	var f struct {
		Details struct {
			ID, Name, Version string
			Build             int
		}
		Migrations map[string]bool
	}
	if _, err := toml.Decode(text, &f); err != nil {
		fyne.LogError("FyneApp.toml", err)
	}
	return fyne.AppMetadata{ID: f.Details.ID, Name: f.Details.Name, Version: f.Details.Version, Build: f.Details.Build,
		Icon: icon, Migrations: f.Migrations}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command line's flags.
type options struct {
	dataDir  string
	validate bool

	export  string
	filter  string
	sort    string
	columns string
	out     string
	bom     bool
	format  string

	briefing bool
	paper    string

	synthetic int
	timing    bool

	screenshot string
	present    bool
	slide      int
	presenter  bool
	tab        string
	theme      string
	size       string
	selectID   string
	lang       string
}

// usageError is a bad command line: one line on stderr, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// run does what the command line asks and returns the exit status: 0 on
// success, 1 when the data is wrong, 2 for a bad command line or path.
func run(args []string, stdout, stderr io.Writer) int {
	var o options
	fl := flag.NewFlagSet("uzkor", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	fl.StringVar(&o.dataDir, "data", "", "read the CSV files in `folder` instead of the bundled ones (any file missing there comes from the bundle)")
	fl.BoolVar(&o.validate, "validate", false, "check the data (the bundle, or -data) and exit: 0 and a summary if it is good, 1 and one line per problem if not")
	fl.StringVar(&o.export, "export", "", "write a `view` as CSV or an Excel workbook and exit: "+strings.Join(data.TableNames(), ", "))
	fl.StringVar(&o.filter, "filter", "", "with -export: keep the rows whose visible columns contain every word of `text`, as the app's filter box does")
	fl.StringVar(&o.sort, "sort", "", "with -export: sort by `column`, or column:desc")
	fl.StringVar(&o.columns, "columns", "", "with -export: the `list` of columns to write, comma-separated (default: the list's columns with their units and years)")
	fl.StringVar(&o.out, "o", "", "with -export or -briefing: the output `file`, - for standard output; with -synthetic: the folder")
	fl.StringVar(&o.format, "format", "", "with -export: csv, or xlsx for an Excel workbook (default: xlsx when the -o file ends in .xlsx, else csv)")
	fl.BoolVar(&o.bom, "bom", true, "with -export: start the CSV with a UTF-8 byte-order mark, so that spreadsheet programs read Hangul and Cyrillic right")
	fl.BoolVar(&o.briefing, "briefing", false, "write a sourced PDF briefing of the partnership to -o FILE.pdf and exit; with -export VIEW (projects, minerals, sectors or sources), -filter and -sort, a briefing of the rows that list keeps")
	fl.StringVar(&o.paper, "paper", "a4", "with -briefing: the paper `size`, a4 or letter")
	fl.IntVar(&o.synthetic, "synthetic", 0, "write a synthetic data set of this many `projects` into the folder -o (for measuring) and exit")
	fl.BoolVar(&o.timing, "timing", false, "print how long start-up takes (loading, the window, the fonts, the first frame, a folder read and shown), the processor time used by then, and the peak memory")
	fl.StringVar(&o.screenshot, "screenshot", "", "render a view to the PNG `file` (- for standard output) and exit, without opening a window")
	fl.StringVar(&o.tab, "tab", "overview", "with -screenshot: the tab: "+strings.Join(ui.Tabs(), ", "))
	fl.BoolVar(&o.present, "present", false, "with -screenshot: draw a slide of the presentation, as a projector shows it")
	fl.IntVar(&o.slide, "slide", 1, "with -screenshot -present: the slide `number`, from 1")
	fl.BoolVar(&o.presenter, "presenter", false, "with -screenshot -present: draw the presenter console at that slide (the slides as on a 1920x1080 projector; -theme is the console's)")
	fl.StringVar(&o.theme, "theme", "", "with -screenshot: light, dark or projector (default light; projector for -present)")
	fl.StringVar(&o.size, "size", "1600x1000", "with -screenshot: the size, `WIDTHxHEIGHT`")
	fl.StringVar(&o.selectID, "select", "", "with -screenshot: the `id` of the row to show in a list's detail pane (default: the first row)")
	fl.StringVar(&o.lang, "lang", "", "the `language` of the window, -screenshot and -briefing: "+strings.Join(ui.LanguageTags(), ", ")+" (default: the one chosen in View → Language, else the system's); -export and -validate write English")
	fl.Usage = func() {} // printed below, on -help only

	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fl)
			return 0
		}
		fmt.Fprintf(stderr, "uzkor: %v; see uzkor -help\n", err)
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "uzkor: unexpected argument %q; see uzkor -help\n", fl.Arg(0))
		return 2
	}

	err := dispatch(o, stdout, stderr)
	var ue usageError
	var ps data.Problems
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "uzkor: %s\n", ue.msg)
		return 2
	case errors.As(err, &ps):
		for _, p := range ps {
			fmt.Fprintln(stderr, p.String())
		}
		return 1
	default:
		fmt.Fprintf(stderr, "uzkor: %v\n", err)
		return 2
	}
}

func usage(w io.Writer, fl *flag.FlagSet) {
	fmt.Fprint(w, `Usage: uzkor [flags]

With no flags, opens the dashboard on the bundled data.

  uzkor -export projects -filter pharma -sort amount_usd_m:desc -o pharma.csv
  uzkor -export minerals -columns name,production,production_unit -o -
  uzkor -export projects -sort amount_usd_m:desc -o projects.xlsx    (an Excel workbook)
  uzkor -briefing -o briefing.pdf             (the partnership, two A4 pages)
  uzkor -briefing -export projects -filter health -paper letter -o health.pdf
  uzkor -data ~/my-data -validate
  uzkor -data ~/my-data                      (opens the dashboard on that folder)
  uzkor -screenshot projects.png -tab projects -theme dark -size 1600x1000
  uzkor -screenshot slide3.png -present -slide 3 -size 1920x1080
  uzkor -screenshot console.png -present -presenter -slide 3 -size 1600x1000

Exit status: 0 on success; 1 when the data has problems (one line each on
standard error); 2 for a bad flag, view, column or path.

Flags:
`)
	fl.SetOutput(w)
	fl.PrintDefaults()
	fl.SetOutput(io.Discard)
}

func dispatch(o options, stdout, stderr io.Writer) error {
	if o.briefing && (o.validate || o.screenshot != "" || o.synthetic != 0) {
		return usagef("-briefing cannot be combined with -validate, -screenshot or -synthetic")
	}
	if o.briefing && o.columns != "" {
		return usagef("-columns goes with -export alone: a briefing has columns of its own")
	}
	modes := 0
	for _, on := range []bool{o.validate, o.export != "" && !o.briefing, o.screenshot != "", o.synthetic != 0} {
		if on {
			modes++
		}
	}
	if modes > 1 {
		return usagef("-validate, -export, -screenshot and -synthetic cannot be combined")
	}
	if o.synthetic != 0 {
		return synthetic(o)
	}
	if o.export == "" && (o.filter != "" || o.sort != "" || o.columns != "") {
		return usagef("-filter, -sort and -columns go with -export")
	}
	if o.export == "" && o.format != "" {
		return usagef("-format goes with -export")
	}
	if o.lang != "" && !ui.UseLanguage(o.lang) {
		return usagef("-lang: %q is not a language of the dashboard (expected one of %s)", o.lang, strings.Join(ui.LanguageTags(), ", "))
	}
	gui := !o.validate && o.export == "" && o.screenshot == "" && !o.briefing
	if o.lang == "" && !gui {
		ui.UseLanguage("") // the system's, as the window speaks it
	}
	if gui {
		return runApp(o, stderr)
	}
	d, err := load(o.dataDir)
	if err != nil {
		return err
	}
	switch {
	case o.validate:
		fmt.Fprintf(stdout, "OK: %d files, %d rows%s\n", len(data.Files), d.Rows(), data.FromFolder(o.dataDir, resources.Data))
		for _, w := range d.Warnings {
			fmt.Fprintln(stderr, w.String())
		}
		return nil
	case o.briefing:
		return briefing(d, o, stdout)
	case o.export != "":
		return export(d, o, stdout)
	default:
		return screenshot(d, o, stdout)
	}
}

// runApp opens the dashboard. With -data it opens that folder, as File →
// Open data folder does: bad data there leaves the bundled data shown and
// lists the problems.
func runApp(o options, stderr io.Writer) error {
	phase := func(name string) {
		if o.timing {
			fmt.Fprintf(stderr, "timing: %-12s %7.1f ms after start, %7.1f ms of processor time\n", name,
				float64(time.Since(started).Microseconds())/1000, float64(cpuTime().Microseconds())/1000)
		}
	}
	if o.dataDir != "" && !isDir(o.dataDir) {
		return usagef("-data: %q is not a folder", o.dataDir)
	}
	d, err := data.Load(resources.Data)
	if err != nil {
		return err
	}
	phase("load")
	a := newApp()
	phase("app")
	// The folder given, or the one remembered, is read off the main
	// thread while the window is made.
	reading := ui.StartReading(a, o.dataDir, phase)
	// The fonts are loaded while the window is made; the views, which
	// measure text, only after.
	fontsLoaded := ui.WarmFonts(a)
	w := a.NewWindow(ui.Title)
	phase("window")
	fontsLoaded()
	phase("fonts")
	u := ui.NewOpening(a, d, reading)
	u.Timing = phase
	phase("views")
	u.Attach(w)
	phase("build")
	a.Lifecycle().SetOnStarted(func() {
		phase("first frame")
		// Building the window leaves garbage behind; once it is shown,
		// give the memory back rather than hold it while the app idles.
		go func() {
			time.Sleep(2 * time.Second)
			debug.FreeOSMemory()
			if o.timing {
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				now, peak := resident()
				fmt.Fprintf(stderr, "timing: memory: Go heap in use %.1f MB, Go runtime total %.1f MB, peak resident %s, process resident %s\n",
					float64(m.HeapInuse)/(1<<20), float64(m.Sys-m.HeapReleased)/(1<<20), peak, now)
			}
		}()
	})
	w.ShowAndRun()
	return nil
}

// cpuTime is the processor time the process has used so far, on all its
// threads (Mesa's renderer threads too), from /proc on Linux in steps of
// 10 ms; 0 elsewhere.
func cpuTime() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The fields after the command, which is in parentheses and may
	// hold anything: the state is the third field of the line, user and
	// system time the 14th and 15th, in clock ticks of 1/100 s.
	end := strings.LastIndexByte(string(b), ')')
	f := strings.Fields(string(b[end+1:]))
	if end < 0 || len(f) < 13 {
		return 0
	}
	user, err1 := strconv.ParseInt(f[11], 10, 64)
	sys, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(user+sys) * 10 * time.Millisecond
}

// resident is the process's resident memory now and at its highest (VmRSS
// and VmHWM), from /proc on Linux.
func resident() (now, peak string) {
	now, peak = "unknown", "unknown"
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return now, peak
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			now = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			peak = strings.TrimSpace(v)
		}
	}
	return now, peak
}

func isDir(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.IsDir()
}

// synthetic writes a synthetic data set for measuring.
func synthetic(o options) error {
	if o.synthetic < 1 {
		return usagef("-synthetic: %d is not a number of projects", o.synthetic)
	}
	if o.out == "" || o.out == "-" {
		return usagef("-synthetic needs -o FOLDER")
	}
	if err := data.WriteFolder(o.out, data.Synthetic(o.synthetic)); err != nil {
		return usagef("-o: cannot write %s: %v", o.out, pathReason(err))
	}
	return nil
}

// load reads the bundled data, with the files of dir laid over it.
func load(dir string) (*data.Dataset, error) {
	if dir == "" {
		return data.Load(resources.Data)
	}
	if !isDir(dir) {
		return nil, usagef("-data: %q is not a folder", dir)
	}
	return data.Load(data.Overlay{Top: os.DirFS(dir), Base: resources.Data})
}

// export writes a view as CSV or as a workbook, as the app's Export does
// for the same filter and sort.
func export(d *data.Dataset, o options, stdout io.Writer) error {
	r := data.ExportRequest{Table: o.export, Filter: o.filter, Sort: o.sort, BOM: o.bom}
	if o.columns != "" {
		r.Columns = strings.Split(o.columns, ",")
	}
	format := strings.ToLower(o.format)
	switch format {
	case "":
		format = "csv"
		if strings.EqualFold(filepath.Ext(o.out), ".xlsx") {
			format = "xlsx"
		}
	case "csv", "xlsx":
	default:
		return usagef("-format: %q is not a format (expected csv or xlsx)", o.format)
	}
	var write func(io.Writer) error
	var err error
	if format == "xlsx" {
		p := data.Provenance{App: ui.Title + ", version " + metadata(fyneAppToml, nil).Version, Folder: o.dataDir, When: time.Now()}
		write, err = d.WorkbookExporter(r, p)
	} else {
		write, err = d.Exporter(r)
	}
	if re := requestUsage(err); re != nil {
		return re
	}
	if err != nil {
		return err
	}
	if o.out == "" {
		return usagef("-export needs -o FILE, or -o - for standard output")
	}
	if o.out == "-" {
		return write(stdout)
	}
	if err := data.WriteFile(o.out, write); err != nil {
		return usagef("-o: cannot write %s: %v", o.out, pathReason(err))
	}
	return nil
}

// requestUsage is a request the data refused (a table, sort, column or
// paper that is not there) as a usage error naming its flag, or nil.
func requestUsage(err error) error {
	var re *data.RequestError
	if !errors.As(err, &re) {
		return nil
	}
	flag := map[string]string{"table": "-export", "sort": "-sort", "columns": "-columns", "paper": "-paper"}[re.Part]
	return usagef("%s: %v", flag, re.Err)
}

// briefing writes a PDF briefing, as File → Export briefing does: of the
// partnership, or of a list with -export, -filter and -sort.
func briefing(d *data.Dataset, o options, stdout io.Writer) error {
	if o.out == "" {
		return usagef("-briefing needs -o FILE.pdf, or -o - for standard output")
	}
	newApp() // the charts are drawn by the app's own renderer, without a window
	r := ui.BriefingRequest{Table: o.export, Filter: o.filter, Sort: o.sort, Paper: o.paper}
	write := func(w io.Writer) error { _, err := ui.WriteBriefing(d, r, w); return err }
	var err error
	if o.out == "-" {
		var b bytes.Buffer // nothing reaches standard output unless all of it does
		if err = write(&b); err == nil {
			_, err = b.WriteTo(stdout)
		}
	} else {
		err = data.WriteFile(o.out, write)
	}
	if re := requestUsage(err); re != nil {
		return re
	}
	if err != nil && o.out != "-" {
		return usagef("-o: cannot write %s: %v", o.out, pathReason(err))
	}
	return err
}

// pathReason says in a few words why a file could not be written.
func pathReason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "the folder does not exist"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func screenshot(d *data.Dataset, o options, stdout io.Writer) error {
	w, h, err := parseSize(o.size)
	if err != nil {
		return usagef("-size: %v", err)
	}
	a := newApp()
	img, err := ui.Render(a, d, ui.Shot{Tab: o.tab, Theme: o.theme, Size: fyne.NewSize(w, h), Select: o.selectID, Folder: o.dataDir, Present: o.present, Slide: o.slide, Presenter: o.presenter})
	if err != nil {
		return usagef("%v", err)
	}
	if o.screenshot == "-" {
		return png.Encode(stdout, img)
	}
	if err := ui.WritePNG(o.screenshot, img); err != nil {
		return usagef("-screenshot: cannot write %s: %v", o.screenshot, pathReason(err))
	}
	return nil
}

// parseSize reads "1600x1000".
func parseSize(s string) (float32, float32, error) {
	ws, hs, ok := strings.Cut(strings.ToLower(s), "x")
	w, err1 := strconv.Atoi(ws)
	h, err2 := strconv.Atoi(hs)
	if !ok || err1 != nil || err2 != nil || w < 200 || h < 150 || w > 8000 || h > 8000 {
		return 0, 0, fmt.Errorf("%q is not a size (expected WIDTHxHEIGHT such as 1600x1000, from 200x150 to 8000x8000)", s)
	}
	return float32(w), float32(h), nil
}
