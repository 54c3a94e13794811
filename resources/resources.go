// Package resources holds the files compiled into the app: the bundled
// data set.
package resources

import (
	"embed"
	"io/fs"
)

//go:embed *.csv
var files embed.FS

// Data is the bundled data set: the six CSV files the dashboard shows
// when the user has not opened a folder of their own.
var Data fs.FS = files
