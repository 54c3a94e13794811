// Package special makes, for tests, the files a case of data/testdata/bad cannot
// hold in git: named pipes, and links made where the case is laid out.
// A case lists them in a file named "special", one a line:
//
//	fifo projects.csv                   a named pipe
//	link projects.csv other-file.csv    a symbolic link to other-file.csv
package special

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Name is the file of a case that lists its special files.
const Name = "special"

// Make makes in dir the special files that spec lists, replacing what is
// there under their names.
func Make(dir string, spec []byte) error {
	for _, line := range strings.Split(string(spec), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		path := filepath.Join(dir, f[1])
		os.Remove(path)
		var err error
		switch {
		case f[0] == "fifo" && len(f) == 2:
			err = mkfifo(path)
		case f[0] == "link" && len(f) == 3:
			err = os.Symlink(f[2], path)
		default:
			err = fmt.Errorf("%q: expected fifo NAME or link NAME TARGET", line)
		}
		if err != nil {
			return err
		}
	}
	return nil
}
