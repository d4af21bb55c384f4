package catalog

import "fmt"

// Error is one problem found in a catalogue, with the position it was found at.
type Error struct {
	File   string // the name the catalogue was parsed under
	Line   int    // 1-based line, or 0 when the position is unknown
	Column int    // 1-based column in runes, or 0 when only the line is known
	Msg    string
}

// Error returns the problem as "FILE:LINE:COL: MSG", leaving out the column or the line and column
// when they are unknown.
func (e *Error) Error() string {
	switch {
	case e.Line <= 0:
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Column <= 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Msg)
}
