package data

import (
	"errors"
	"io/fs"
	"os"
	"strings"
)

// Overlay lays a folder of the user's files over the bundled data set: each
// file is read from Top when Top has it, else from Base. Only a missing
// file falls back; a file that is there but unreadable is reported, and
// so is a symbolic link in Top to nothing: the user meant to give a file.
type Overlay struct {
	Top, Base fs.FS
}

// Open implements fs.FS.
func (o Overlay) Open(name string) (fs.File, error) {
	f, err := o.Top.Open(name)
	if errors.Is(err, fs.ErrNotExist) && !o.inTop(name) {
		return o.Base.Open(name)
	}
	return f, err
}

// Stat implements fs.StatFS.
func (o Overlay) Stat(name string) (fs.FileInfo, error) {
	info, err := fs.Stat(o.Top, name)
	if errors.Is(err, fs.ErrNotExist) && !o.inTop(name) {
		return fs.Stat(o.Base, name)
	}
	return info, err
}

// Lstat implements fs.ReadLinkFS: a link in Top is described as a link.
func (o Overlay) Lstat(name string) (fs.FileInfo, error) {
	info, err := fs.Lstat(o.Top, name)
	if errors.Is(err, fs.ErrNotExist) {
		return fs.Lstat(o.Base, name)
	}
	return info, err
}

// ReadLink implements fs.ReadLinkFS.
func (o Overlay) ReadLink(name string) (string, error) {
	if o.inTop(name) {
		return fs.ReadLink(o.Top, name)
	}
	return fs.ReadLink(o.Base, name)
}

// inTop reports whether Top has something of that name, even a link to
// nothing.
func (o Overlay) inTop(name string) bool {
	_, err := fs.Lstat(o.Top, name)
	return !errors.Is(err, fs.ErrNotExist)
}

// FromTop lists the files of the data set that Top provides.
func (o Overlay) FromTop() []string {
	var out []string
	for _, name := range Files {
		if o.inTop(name) {
			out = append(out, name)
		}
	}
	return out
}

// FromFolder says which files a data folder provides when only some are
// there: " (from the folder: projects.csv; the others bundled)", or "".
func FromFolder(dir string, bundle fs.FS) string {
	if dir == "" {
		return ""
	}
	from := Overlay{Top: os.DirFS(dir), Base: bundle}.FromTop()
	if len(from) == len(Files) {
		return ""
	}
	return " (from the folder: " + strings.Join(from, ", ") + "; the others bundled)"
}
