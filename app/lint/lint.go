// Package lint finds the gaps between an article and its cast catalogue: entries that the article
// never mentions, and capitalised names in the article that no entry covers. It is the publisher's
// spell-check behind "dramatis check"; what it reports are warnings, not errors.
package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Warning is one finding, at a line of a file.
type Warning struct {
	File string
	Line int // 1-based
	Msg  string
}

// String returns the warning as "FILE:LINE: MSG".
func (w Warning) String() string {
	return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg)
}

// Unused returns a warning for each entity that has no mention, in catalogue order, placed at the
// entity's line in file as given by lines (an entity missing from lines is placed at line 1). When
// the article body holds one of the entity's names in another case ("paul keating"), the warning
// says so: names match case-sensitively.
func Unused(file string, entities []model.Entity, lines map[string]int, mentions []model.Mention, body []byte) []Warning {
	seen := make(map[string]bool, len(entities))
	for _, m := range mentions {
		seen[m.Entity] = true
	}
	var out []Warning
	for _, e := range entities {
		if seen[e.ID] {
			continue
		}
		msg := e.ID + " never occurs in the article"
		if other := otherCase(body, e); other != "" {
			msg += fmt.Sprintf("; it has %q, in another case (names match case-sensitively)", other)
		}
		out = append(out, Warning{File: file, Line: max(lines[e.ID], 1), Msg: msg})
	}
	return out
}

// otherCase returns the first place where body holds one of e's names in another case, as a word
// of its own, or "".
func otherCase(body []byte, e model.Entity) string {
	for _, name := range append(append(append([]string{e.Name}, e.Aliases...), e.Demonyms...), e.Places...) {
		words := strings.Fields(regexp.QuoteMeta(name))
		if len(words) == 0 {
			continue
		}
		re, err := regexp.Compile(`(?i)(?:^|[^\pL\pN])(` + strings.Join(words, `\s+`) + `)(?:[^\pL\pN]|$)`)
		if err != nil {
			continue
		}
		if m := re.FindSubmatch(body); m != nil {
			return strings.Join(strings.Fields(string(m[1])), " ")
		}
	}
	return ""
}

// Sort orders warnings by file, then line, keeping the order of warnings at the same place.
func Sort(ws []Warning) {
	slices.SortStableFunc(ws, func(a, b Warning) int {
		if a.File != b.File {
			if a.File < b.File {
				return -1
			}
			return 1
		}
		return a.Line - b.Line
	})
}
