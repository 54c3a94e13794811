//go:build unix

package data

import (
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives a file the owner and group of the file it replaces,
// where the system lets it (as root, or to a group of one's own).
func keepOwner(path string, was fs.FileInfo) {
	if st, ok := was.Sys().(*syscall.Stat_t); ok {
		_ = os.Chown(path, int(st.Uid), int(st.Gid))
	}
}
