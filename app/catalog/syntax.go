package catalog

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	// yamlErrorPattern matches the YAML decoder's syntax errors that give a line.
	yamlErrorPattern = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)

	// unknownAnchorPattern and selfAnchorPattern match the YAML decoder's anchor errors, which
	// give no line, capturing the anchor's name.
	unknownAnchorPattern = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)
	selfAnchorPattern    = regexp.MustCompile(`^anchor '(.*)' value contains itself$`)
)

// checkText reports the position of the first invalid UTF-8 sequence in data, of the first
// character YAML does not allow, or of the first line separator other than LF.
func checkText(file string, data []byte) error {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Error{File: file, Line: line, Column: col, Msg: "invalid UTF-8"}
		case !printable(r):
			return &Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf("control character %U not allowed", r)}
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			// YAML breaks lines at these, most editors do not: line numbers would disagree.
			return &Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf("line separator %U not allowed (want a plain line break)", r)}
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		data = data[size:]
	}
	return nil
}

// printable reports whether YAML allows r in a document.
func printable(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return false
	case r >= 0xd800 && r <= 0xdfff, r == 0xfffe, r == 0xffff:
		return false
	}
	return true
}

// SyntaxError converts an error of the YAML decoder on data, "yaml: line N: MSG", to an *Error whose
// line (and, where the decoder gives none, column) points at the problem in data. Line is 0 when no
// position can be found. The YAML front matter of articles reports its errors through it too.
func SyntaxError(file string, data []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file}
	if m := yamlErrorPattern.FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	e.Msg = "YAML syntax: " + msg
	if m := unknownAnchorPattern.FindStringSubmatch(msg); m != nil {
		e.Line, e.Column = position(data, "*"+m[1])
	} else if m := selfAnchorPattern.FindStringSubmatch(msg); m != nil {
		e.Line, e.Column = position(data, "&"+m[1])
	} else if parserProblems[msg] && e.Line == 0 {
		e.Line = 1 // a parser error on the first line comes without a line
	} else if parserProblems[msg] {
		// The decoder counts a parser error's line from 0 and a scanner error's from 1
		// (go-yaml/yaml issue 205).
		e.Line++
	} else if strings.Contains(msg, "tab character") {
		// The line given is where the scalar before the tab starts: point at the tab instead.
		e.Line = tabLine(data, e.Line)
	} else if msg == "found character that cannot start any token" {
		// Often a tab where YAML wants a space, after a list's "-" or in the indentation; the
		// decoder may give no line for it.
		if line, col := indentTab(data, max(e.Line, 1)); line > 0 {
			e.Line, e.Column = line, col
			e.Msg = "YAML syntax: a tab character in the indentation (YAML indents with spaces only)"
		}
	}
	// An error at the end of the input may be placed on the line after the last.
	last := bytes.Count(data, []byte("\n"))
	if !bytes.HasSuffix(data, []byte("\n")) {
		last++
	}
	if e.Line > last {
		e.Line, e.Column = max(last, 1), 0
	}
	return e
}

// parserProblems lists the messages of the YAML decoder's parser, as opposed to its scanner.
var parserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// tabLine returns the first line from line on whose indentation holds a tab, or line if there is
// none.
func tabLine(data []byte, line int) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]
		if i+1 >= line && bytes.IndexByte(indent, '\t') >= 0 {
			return i + 1
		}
	}
	return line
}

// indentTab returns the line and column of the first tab, from line on, that stands in a line's
// indentation or right after a list's "-", or 0, 0.
func indentTab(data []byte, line int) (int, int) {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if i+1 < line {
			continue
		}
		for j, c := range l {
			if c == '\t' {
				return i + 1, j + 1
			}
			if c != ' ' && c != '-' {
				break
			}
		}
	}
	return 0, 0
}

// position returns the line and column of the first s in data, or 0, 0 if there is none.
func position(data []byte, s string) (line, column int) {
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		return 0, 0
	}
	before := data[:i]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}
