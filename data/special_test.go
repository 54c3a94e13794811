//go:build unix

package data

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// A named pipe in a file's place is refused from its mode: the load never
// opens it, so it never waits for a writer that does not come.
func TestNamedPipeNeverOpened(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, ProjectsFile)
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan []string, 1)
	go func() {
		lines, _ := problemLines(Overlay{Top: os.DirFS(dir), Base: goodFS(t)})
		done <- lines
	}()
	select {
	case lines := <-done:
		want := "projects.csv: this is a named pipe, not a file (expected a CSV file named projects.csv)"
		if len(lines) != 1 || lines[0] != want {
			t.Errorf("got %q", lines)
		}
	case <-time.After(10 * time.Second):
		// Let the load go: a writer releases the open.
		if f, err := os.OpenFile(pipe, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
		t.Fatal("the load waited on the pipe")
	}
}

// A device (here one described by a file system, never the machine's
// own) is refused from its mode, whatever size it claims.
func TestDeviceRefused(t *testing.T) {
	for _, mode := range []fs.FileMode{fs.ModeDevice | fs.ModeCharDevice, fs.ModeDevice, fs.ModeSocket, fs.ModeIrregular} {
		m := goodFS(t)
		m[ProjectsFile] = &fstest.MapFile{Data: []byte("id\n"), Mode: mode | 0o666}
		lines, loaded := problemLines(m)
		if loaded || len(lines) != 1 || !strings.Contains(lines[0], "not a file") || strings.Contains(lines[0], "MB") {
			t.Errorf("%v: %q", mode, lines)
		}
	}
}

// A file whose size is not known and that does not end is cut at the
// limit, and the message does not claim a size it does not know.
func TestEndlessFileNoSizeClaimed(t *testing.T) {
	m := goodFS(t)
	m[ProjectsFile] = &fstest.MapFile{Data: []byte(strings.Repeat("x", 4096))}
	_, err := Loader{MaxFileBytes: 1024}.Load(sizeHidingFS{m})
	ps, _ := err.(Problems)
	if len(ps) != 1 || ps[0].Msg != "the file is larger than the limit of 0.0 MB" {
		t.Fatalf("got %v", err)
	}
}
