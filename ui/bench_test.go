package ui

import (
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"uzkor/data"
)

// BenchmarkKeystroke is the budget "one keystroke in the filter box,
// 100,000 rows, list refreshed: under 16 ms", measured through the real
// widgets with Fyne's test driver: the text changes in the entry, the
// view filters every row again (the worst case: the text got shorter),
// the table and the status line refresh.
func BenchmarkKeystroke(b *testing.B) {
	for _, n := range []int{1000, 100000} {
		m := fstest.MapFS{}
		for name, body := range data.Synthetic(n) {
			m[name] = &fstest.MapFile{Data: body}
		}
		d, err := data.Loader{MaxFileBytes: 1 << 30}.Load(m)
		if err != nil {
			b.Fatal(err)
		}
		a := test.NewTempApp(b)
		u := build(a, d, nil, themeLight)
		u.onMain = func(func()) {}
		w := a.NewWindow("bench")
		w.SetContent(u.Content())
		w.Resize(fyne.NewSize(1280, 800))
		u.ShowTab("projects")
		lv := listOf(b, u, "projects")
		name := "1k"
		if n == 100000 {
			name = "100k"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				if i%2 == 0 {
					lv.filter.SetText("cent")
				} else {
					lv.filter.SetText("cen")
				}
				i++
			}
			if len(lv.view.Rows()) == 0 {
				b.Fatal("nothing matched")
			}
		})
		w.Close()
	}
}
