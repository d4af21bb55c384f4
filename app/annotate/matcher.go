package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis/dramatis/app/model"
)

// A Matcher finds every name of a cast catalogue in a text in one left-to-right pass over it. It walks
// a trie of all names (folded the same way as the text: any run of white space is one space, and the
// typewriter apostrophe is the typographic one) from each word start, so its cost grows with the length
// of the text, not with the number of entities.
type Matcher struct {
	root  *trieNode
	names int
	// steps counts trie edges followed by Find since the Matcher was made; tests use it to show that
	// matching time is linear in the text.
	steps int
}

type trieNode struct {
	next   map[rune]*trieNode
	target *target
}

type target struct {
	entity string
	form   model.Form
}

// Match is one mention found by a Matcher: the bytes [Start, End) of the text name Entity in the given
// Form.
type Match struct {
	Start, End int
	Entity     string
	Form       model.Form
}

// NewMatcher returns a Matcher for the names, aliases, demonyms (and their plurals) and places of the
// given entities. When the same string is given twice, the first entity keeps it; the catalogue loader
// already rejects such catalogues, so this only decides which generated plural yields.
func NewMatcher(entities []model.Entity) *Matcher {
	m := &Matcher{root: &trieNode{}}
	for _, e := range entities {
		m.add(e.Name, e.ID, model.FormName)
		for _, s := range e.Aliases {
			m.add(s, e.ID, model.FormAlias)
		}
		for _, s := range e.Demonyms {
			m.add(s, e.ID, model.FormDemonym)
		}
		for _, s := range e.Places {
			m.add(s, e.ID, model.FormPlace)
		}
	}
	// Plurals come last so that a name written out in the catalogue always wins over a generated one.
	for _, e := range entities {
		for _, s := range e.Demonyms {
			if !strings.HasSuffix(s, "s") {
				m.add(s+"s", e.ID, model.FormDemonym)
			}
		}
	}
	return m
}

// Len returns how many distinct strings the Matcher looks for.
func (m *Matcher) Len() int { return m.names }

func (m *Matcher) add(name, entity string, form model.Form) {
	n := m.root
	space := false
	started := false
	for _, r := range name {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			n = n.child(' ')
			space = false
		}
		n = n.child(fold(r))
		started = true
	}
	if n == m.root || n.target != nil {
		return
	}
	n.target = &target{entity: entity, form: form}
	m.names++
}

func (n *trieNode) child(r rune) *trieNode {
	if n.next == nil {
		n.next = make(map[rune]*trieNode, 1)
	}
	c := n.next[r]
	if c == nil {
		c = &trieNode{}
		n.next[r] = c
	}
	return c
}

// fold maps a rune to the form the trie stores.
func fold(r rune) rune {
	if r == '\'' {
		return '’'
	}
	return r
}

// isWord reports whether r belongs to a word, so that a name must not start or end next to it.
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Find returns the mentions in text, leftmost first. At each word start the longest name that ends at a
// word boundary wins, and matching resumes after it, so mentions never nest or overlap.
func (m *Matcher) Find(text []byte) []Match {
	var out []Match
	prevWord := false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		if !prevWord {
			if end, t := m.longest(text, i); t != nil {
				out = append(out, Match{Start: i, End: end, Entity: t.entity, Form: t.form})
				last, _ := utf8.DecodeLastRune(text[:end])
				prevWord = isWord(last)
				i = end
				continue
			}
		}
		prevWord = isWord(r)
		i += size
	}
	return out
}

// longest walks the trie from text[start:] and returns the end of the longest name found there that
// ends at a word boundary, with its target; or nil.
func (m *Matcher) longest(text []byte, start int) (int, *target) {
	n := m.root
	bestEnd, best := 0, (*target)(nil)
	lastWord := false
	for i := start; i < len(text); {
		r, size := utf8.DecodeRune(text[i:])
		next := i + size
		key := fold(r)
		if unicode.IsSpace(r) {
			if i == start {
				return 0, nil
			}
			key = ' '
			for next < len(text) {
				r2, s2 := utf8.DecodeRune(text[next:])
				if !unicode.IsSpace(r2) {
					break
				}
				next += s2
			}
		}
		c := n.next[key]
		if c == nil {
			break
		}
		m.steps++
		n = c
		i = next
		lastWord = isWord(r)
		if n.target != nil && key != ' ' && (!lastWord || i == len(text) || !startsWord(text[i:])) {
			bestEnd, best = i, n.target
		}
	}
	return bestEnd, best
}

func startsWord(b []byte) bool {
	r, _ := utf8.DecodeRune(b)
	return isWord(r)
}
