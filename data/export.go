package data

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// ExportRequest is a list exported without a window: a table with the
// filter and sort the app's list would apply, and the columns to write.
type ExportRequest struct {
	Table   string   // "projects"
	Filter  string   // matched as the filter box matches
	Sort    string   // "column" or "column:desc"; "" keeps file order
	Columns []string // nil: the list's columns with their units and years
	BOM     bool     // start with a UTF-8 byte-order mark
}

// RequestError says which part of an ExportRequest is wrong: "table",
// "sort" or "columns".
type RequestError struct {
	Part string
	Err  error
}

func (e *RequestError) Error() string { return e.Part + ": " + e.Err.Error() }
func (e *RequestError) Unwrap() error { return e.Err }

// Exporter checks an export request and returns what writes it: the same
// bytes as the app's Export for the same filter and sort.
func (d *Dataset) Exporter(r ExportRequest) (func(io.Writer) error, error) {
	t, v, cols, err := d.request(r)
	if err != nil {
		return nil, err
	}
	if r.Columns == nil {
		return func(w io.Writer) error { return WriteView(w, v, t.DefaultColumns(), r.BOM) }, nil
	}
	return func(w io.Writer) error { return WriteCSV(w, t, v.Rows(), cols, r.BOM) }, nil
}

// request checks an export request: the table, the view its filter and
// sort make, and the columns asked for (nil for the list's).
func (d *Dataset) request(r ExportRequest) (Table, *View, []int, error) {
	t := d.Table(r.Table)
	if t == nil {
		names := make([]string, 0, len(d.Tables()))
		for _, t := range d.Tables() {
			names = append(names, t.Name())
		}
		return nil, nil, nil, &RequestError{"table", fmt.Errorf("no view %q (expected one of %s)", r.Table, strings.Join(names, ", "))}
	}
	q := Query{Text: r.Filter}
	if r.Sort != "" {
		col, desc, err := ParseSort(r.Sort)
		if err != nil {
			return nil, nil, nil, &RequestError{"sort", err}
		}
		q.Sort, q.Desc = col, desc
	}
	v := NewView(t, nil)
	if err := v.Set(q); err != nil {
		var uc *UnknownColumnError
		if errors.As(err, &uc) {
			return nil, nil, nil, &RequestError{"sort", err}
		}
		return nil, nil, nil, err
	}
	if r.Columns == nil {
		return t, v, nil, nil
	}
	cols, err := ColumnsNamed(t, r.Columns)
	if err != nil {
		return nil, nil, nil, &RequestError{"columns", err}
	}
	return t, v, cols, nil
}
