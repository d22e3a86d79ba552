package loader

import (
	"errors"
	"fmt"
)

// errNotNew: the loader creates records; a correction goes through a save.
var errNotNew = errors.New("loader: only new records are loaded")

// panicked is a validation hook's panic, reported as the record's error.
type panicked struct{ value any }

func (p *panicked) Error() string { return fmt.Sprintf("loader: validation panicked: %v", p.value) }

// RowError is a record Write could not store: its create hooks refused it. The transaction has
// run the create hooks of the records before it, so the caller rolls it back.
type RowError struct {
	Index int
	Err   error
}

func (e *RowError) Error() string { return fmt.Sprintf("loader: record %d: %v", e.Index, e.Err) }

func (e *RowError) Unwrap() error { return e.Err }
