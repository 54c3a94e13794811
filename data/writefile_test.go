//go:build unix

package data

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// Writing to a symbolic link writes the file it points to; the link
// stays a link, and a link to a link is followed too.
func TestWriteFileThroughLink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real", "projects.csv")
	os.Mkdir(filepath.Dir(real), 0o755)
	os.WriteFile(real, []byte("old\n"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Symlink(filepath.Join("real", "projects.csv"), link)
	link2 := filepath.Join(dir, "link2.csv")
	os.Symlink(link, link2)
	for _, path := range []string{link, link2} {
		if err := WriteFile(path, writeString("new "+path+"\n")); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(path); err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Fatalf("%s is no longer a link: %v %v", path, info.Mode(), err)
		}
		if b, _ := os.ReadFile(real); string(b) != "new "+path+"\n" {
			t.Fatalf("the real file holds %q", b)
		}
	}
	if entries, _ := os.ReadDir(filepath.Dir(real)); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A link to nothing makes the file it points to.
	dangling := filepath.Join(dir, "dangling.csv")
	os.Symlink("made.csv", dangling)
	if err := WriteFile(dangling, writeString("made\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "made.csv")); string(b) != "made\n" {
		t.Errorf("made.csv holds %q", b)
	}
	// A loop of links is an error, not a hang.
	os.Symlink("loop-b", filepath.Join(dir, "loop-a"))
	os.Symlink("loop-a", filepath.Join(dir, "loop-b"))
	if err := WriteFile(filepath.Join(dir, "loop-a"), writeString("x")); err == nil {
		t.Error("a loop of links was written")
	}
}

// A file replaced keeps its permissions.
func TestWriteFileKeepsPermissions(t *testing.T) {
	dir := t.TempDir()
	for _, perm := range []fs.FileMode{0o600, 0o640, 0o755} {
		path := filepath.Join(dir, "x.csv")
		os.WriteFile(path, []byte("old"), 0o644)
		os.Chmod(path, perm)
		if err := WriteFile(path, writeString("new")); err != nil {
			t.Fatal(err)
		}
		if info, _ := os.Stat(path); info.Mode().Perm() != perm {
			t.Errorf("a %v file came back %v", perm, info.Mode().Perm())
		}
	}
	// A new file is readable by all, as before.
	path := filepath.Join(dir, "new.csv")
	if err := WriteFile(path, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("a new file is %v", info.Mode().Perm())
	}
}

// A named pipe is written straight to, and stays a pipe: what reads it
// gets every byte. (A device is written to the same way; tests never
// touch the machine's devices.)
func TestWriteFileToPipe(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "out.csv")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	got := make(chan string, 1)
	go func() {
		b, err := os.ReadFile(pipe)
		if err != nil {
			got <- "error: " + err.Error()
			return
		}
		got <- string(b)
	}()
	done := make(chan error, 1)
	go func() { done <- WriteFile(pipe, writeString("through the pipe\n")) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("writing to the pipe did not finish")
	}
	if s := <-got; s != "through the pipe\n" {
		t.Errorf("the reader got %q", s)
	}
	if info, err := os.Lstat(pipe); err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("the pipe was replaced: %v %v", info.Mode(), err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files left beside the pipe: %v", entries)
	}
	// Through a link to the pipe, the same.
	link := filepath.Join(dir, "link.csv")
	os.Symlink("out.csv", link)
	go func() { b, _ := os.ReadFile(pipe); got <- string(b) }()
	if err := WriteFile(link, writeString("via the link\n")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "via the link\n" {
		t.Errorf("the reader got %q", s)
	}
}

// A folder in the way is an error, and stays a folder.
func TestWriteFileOverFolder(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(dir, writeString("x"))
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Fatalf("got %v", err)
	}
	if info, _ := os.Stat(dir); !info.IsDir() {
		t.Error("the folder was replaced")
	}
}

func TestNeutraliseFullWidth(t *testing.T) {
	for _, s := range []string{"＝SUM(A1)", "＋1", "－5", "＠x", "=1", "+1", "-1", "@x", "\tx", "\rx"} {
		if got := Neutralise(s); got != "'"+s {
			t.Errorf("%q was not guarded: %q", s, got)
		}
	}
	for _, s := range []string{"Sum", "１２", "x＝y", "", "Тошкент", "희귀금속"} {
		if got := Neutralise(s); got != s {
			t.Errorf("%q was changed to %q", s, got)
		}
	}
}
