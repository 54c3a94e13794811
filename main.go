// Command uzkor is the Uzbekistan–Korea Partnership Dashboard: a desktop
// app over bundled, sourced CSV data, which can also render a view to PNG
// without a window.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"uzkor/data"
	"uzkor/resources"
	"uzkor/ui"
)

const appID = "org.uzkor.dashboard"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run does what the command line asks and returns the exit status: 0 on
// success, 1 when the data is wrong, 2 for a bad command line.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("uzkor", flag.ContinueOnError)
	fl.SetOutput(stderr)
	shot := fl.String("screenshot", "", "render a view to this PNG `file` and exit, without opening a window")
	tab := fl.String("tab", "overview", "the tab to render: overview, minerals, sectors, projects, timeline, sources")
	theme := fl.String("theme", "light", "the theme to render: light or dark")
	size := fl.String("size", "1600x1000", "the size to render, `WIDTHxHEIGHT`")
	selectID := fl.String("select", "", "the `id` of the row to show in a list tab's detail pane (default: the first row)")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "Usage: uzkor [flags]\n\nWith no flags, opens the dashboard on the bundled data.\n\nFlags:\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "uzkor: unexpected argument %q; see uzkor -help\n", fl.Arg(0))
		return 2
	}

	d, err := data.Load(resources.Data)
	if err != nil {
		fmt.Fprintf(stderr, "uzkor: the bundled data does not load:\n%v\n", err)
		return 1
	}

	a := app.NewWithID(appID)
	if *shot != "" {
		w, h, err := parseSize(*size)
		if err != nil {
			fmt.Fprintf(stderr, "uzkor: -size: %v\n", err)
			return 2
		}
		img, err := ui.Render(a, d, ui.Shot{Tab: *tab, Theme: *theme, Size: fyne.NewSize(w, h), Select: *selectID})
		if err != nil {
			fmt.Fprintf(stderr, "uzkor: %v\n", err)
			return 2
		}
		if err := ui.WritePNG(*shot, img); err != nil {
			fmt.Fprintf(stderr, "uzkor: %v\n", err)
			return 2
		}
		return 0
	}

	w := a.NewWindow(ui.Title)
	ui.New(a, d).Attach(w)
	w.ShowAndRun()
	return 0
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
