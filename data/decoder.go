package data

import (
	"runtime"
	"slices"
	"sync"
	"unsafe"

	"github.com/gocarina/gocsv"
)

// chunkDecoder hands rows to gocsv a chunk at a time while the file goes
// on being read: with more than one processor, chunks are decoded side by
// side, each row straight into its own place. Only the cells of the chunks
// in hand are held.
type chunkDecoder[R any, P rowPointer[R]] struct {
	names   []string                         // the header gocsv is given: the columns in schema order
	width   int                              // cells per row
	decoded []*R                             // the rows decoded, in file order
	share   func(r *R, memo map[string]List) // see table.shareLists; may be nil
	memo    map[string]List                  // share's, when there are no workers

	cells   []string      // the chunk being filled, row after row
	pending int           // rows in cells
	free    chan []string // cell buffers to fill again
	jobs    chan job[R]
	wg      sync.WaitGroup
	mu      sync.Mutex
	err     error // the first chunk gocsv could not decode
}

type job[R any] struct {
	cells []string
	into  []*R
}

// rowPointer is a pointer to a row type that gocsv decodes a cell at a
// time.
type rowPointer[R any] interface {
	*R
	gocsv.TypeUnmarshalCSVWithFields
}

// slot is what gocsv decodes a row into. gocsv makes two values of the
// slice's element type for every row and copies one into the slice: for a
// 600-byte project that is 1.2 KB of garbage and a 600-byte copy into cold
// memory per row, which at 100,000 rows was half the time of a load. A
// slot is one pointer: its row is made once, by the first cell, and filled
// where it stays.
type slot[R any, P rowPointer[R]] struct {
	Row P
}

// UnmarshalCSVWithFields implements gocsv.TypeUnmarshalCSVWithFields.
func (s *slot[R, P]) UnmarshalCSVWithFields(key, value string) error {
	if s.Row == nil {
		s.Row = newRow[R, P]()
	}
	return s.Row.UnmarshalCSVWithFields(key, value)
}

// newRow makes a row whose memory is written before it is read. A cell is
// stored through its field's address, and Go checks that address for nil
// by reading the row's first byte: on memory fresh from the system, that
// read maps the shared zero page, and the store that follows has the
// kernel copy it and interrupt the other processors to forget the old
// mapping, once per page of rows. Writing that first byte (a zero over the
// zero there) makes the first touch a write, which needs neither.
func newRow[R any, P rowPointer[R]]() P {
	r := new(R)
	zeroFirstByte(unsafe.Pointer(r))
	return P(r)
}

// zeroFirstByte stores a zero into the byte at p. It is not inlined, so
// that the compiler does not drop the store as one of a zero into memory
// just allocated.
//
//go:noinline
func zeroFirstByte(p unsafe.Pointer) { *(*byte)(p) = 0 }

// newChunkDecoder makes a decoder for at most most rows of width cells.
func newChunkDecoder[R any, P rowPointer[R]](names []string, most int, share func(*R, map[string]List)) *chunkDecoder[R, P] {
	c := &chunkDecoder[R, P]{names: names, width: len(names), decoded: make([]*R, 0, most), share: share, memo: map[string]List{}}
	workers := 0
	if most > 2*decodeChunk {
		workers = min(runtime.GOMAXPROCS(0), 4)
	}
	c.free = make(chan []string, workers+1)
	c.cells = make([]string, 0, min(decodeChunk, most)*c.width)
	if workers > 0 {
		c.jobs = make(chan job[R], workers)
		for range workers {
			c.wg.Add(1)
			go func() {
				defer c.wg.Done()
				memo := map[string]List{}
				for j := range c.jobs {
					c.decode(j, memo)
				}
			}()
		}
	}
	return c
}

// add takes a row's cells, in schema order.
func (c *chunkDecoder[R, P]) add(cells ...string) {
	c.cells = append(c.cells, cells...)
	if c.pending++; c.pending == decodeChunk {
		c.flush()
	}
}

// flush hands the rows taken so far over to be decoded.
func (c *chunkDecoder[R, P]) flush() {
	if c.pending == 0 {
		return
	}
	n := len(c.decoded)
	if n+c.pending > cap(c.decoded) {
		// More rows than counted for: what is being decoded into the
		// old rows must be there before they move.
		c.wait()
		c.decoded = slices.Grow(c.decoded, c.pending)
	}
	c.decoded = c.decoded[:n+c.pending]
	j := job[R]{cells: c.cells, into: c.decoded[n:]}
	c.pending = 0
	select {
	case c.cells = <-c.free:
		c.cells = c.cells[:0]
	default:
		c.cells = make([]string, 0, max(0, min(decodeChunk, cap(c.decoded)-len(c.decoded)))*c.width)
	}
	if c.jobs == nil {
		c.decode(j, c.memo)
		return
	}
	c.jobs <- j
}

// decode decodes one chunk with gocsv.
func (c *chunkDecoder[R, P]) decode(j job[R], memo map[string]List) {
	rows := make([][]string, 0, len(j.into)+1)
	rows = append(rows, c.names)
	for i := range j.into {
		rows = append(rows, j.cells[i*c.width:(i+1)*c.width])
	}
	slots := make([]slot[R, P], len(j.into))
	if err := gocsv.UnmarshalDecoder(rowsDecoder(rows), &slots); err != nil {
		c.mu.Lock()
		if c.err == nil {
			c.err = err
		}
		c.mu.Unlock()
	}
	for i, s := range slots {
		if s.Row == nil { // a row of no cells
			s.Row = newRow[R, P]()
		}
		j.into[i] = s.Row
		if c.share != nil {
			c.share(s.Row, memo)
		}
	}
	clear(j.cells)
	select {
	case c.free <- j.cells:
	default:
	}
}

// wait lets the chunks handed over be decoded.
func (c *chunkDecoder[R, P]) wait() {
	if c.jobs == nil {
		return
	}
	close(c.jobs)
	c.wg.Wait()
	c.jobs = nil
}

// finish decodes what is left and returns the rows, or the first error.
func (c *chunkDecoder[R, P]) finish() ([]*R, error) {
	c.flush()
	c.wait()
	return c.decoded, c.err
}

// rowsDecoder hands rows that are already parsed to gocsv.
type rowsDecoder [][]string

func (r rowsDecoder) GetCSVRows() ([][]string, error) { return r, nil }
