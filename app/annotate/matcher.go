package annotate

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis/dramatis/app/model"
)

// A Matcher finds every name of a cast catalogue in a text in one left-to-right pass over it. It walks
// a trie of all names (folded the same way as the text: any run of white space is one space, and the
// typewriter apostrophe is the typographic one) from each word start, so its cost grows with the length
// of the text, not with the number of entities.
//
// The trie is kept over the UTF-8 bytes of the folded names, in flat arrays: a table of 256 entries for
// the first byte, and for every other node its outgoing edges sorted by byte. A word whose first byte
// starts no name costs one lookup in a table.
type Matcher struct {
	// root maps a first byte to the node it leads to, or to 0 (the root itself) when no name starts
	// with that byte.
	root [256]int32
	// nodes are the trie's nodes; nodes[0] is the root.
	nodes []trieNode
	// labels and kids hold the edges of all nodes but the root: those of node n are
	// labels[n.lo:n.hi], sorted, leading to kids[n.lo:n.hi].
	labels []byte
	kids   []int32
	// targets are what the names stand for; a node's target indexes it.
	targets []target
	// general is set when a byte that is no first byte of a character may start a name, so that
	// Find must step through the text character by character.
	general bool
	// starts reports which bytes of a text may start a name: the first bytes of the names, the
	// typewriter apostrophe when some name starts with the typographic one, and, when some name starts
	// with U+FFFD, which invalid UTF-8 decodes to, every byte from 0x80 on.
	starts [256]bool
	names  int
	// steps counts trie edges followed by Find since the Matcher was made, one for each byte of a
	// folded name (and one for a run of white space); tests use it to show that matching time is
	// linear in the text.
	steps int
}

// trieNode is one node of a Matcher's trie: its edges are labels[lo:hi] and kids[lo:hi], and target
// is 1 + the index of the name that ends here in Matcher.targets, or 0.
type trieNode struct {
	lo, hi int32
	target int32
}

// target is what a name stands for, with the opening tag of the <mark> around its mentions.
type target struct {
	entity string
	form   model.Form
	tag    string
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
	b := &builder{root: &buildNode{}}
	for _, e := range entities {
		b.add(e.Name, e.ID, model.FormName)
		for _, s := range e.Aliases {
			b.add(s, e.ID, model.FormAlias)
		}
		for _, s := range e.Demonyms {
			b.add(s, e.ID, model.FormDemonym)
		}
		for _, s := range e.Places {
			b.add(s, e.ID, model.FormPlace)
		}
	}
	// Plurals come last so that a name written out in the catalogue always wins over a generated one.
	for _, e := range entities {
		for _, s := range e.Demonyms {
			if !strings.HasSuffix(s, "s") {
				b.add(s+"s", e.ID, model.FormDemonym)
			}
		}
	}
	return b.build()
}

// Len returns how many distinct strings the Matcher looks for.
func (m *Matcher) Len() int { return m.names }

// builder is the trie of a Matcher while names are added to it.
type builder struct {
	root    *buildNode
	targets []target
}

type buildNode struct {
	next   map[byte]*buildNode
	target int32
}

// add adds name, folded, to the trie, unless it is empty or already there.
func (b *builder) add(name, entity string, form model.Form) {
	n := b.root
	space := false
	started := false
	var enc [utf8.UTFMax]byte
	for _, r := range name {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			n = n.child(' ')
			space = false
		}
		for _, c := range enc[:utf8.EncodeRune(enc[:], fold(r))] {
			n = n.child(c)
		}
		started = true
	}
	if n == b.root || n.target != 0 {
		return
	}
	b.targets = append(b.targets, target{entity: entity, form: form, tag: openTag(entity, form)})
	n.target = int32(len(b.targets))
}

func (n *buildNode) child(c byte) *buildNode {
	if n.next == nil {
		n.next = make(map[byte]*buildNode, 1)
	}
	k := n.next[c]
	if k == nil {
		k = &buildNode{}
		n.next[c] = k
	}
	return k
}

// build lays the trie out in flat arrays, breadth first.
func (b *builder) build() *Matcher {
	m := &Matcher{targets: b.targets, names: len(b.targets)}
	queue := []*buildNode{b.root}
	m.nodes = append(m.nodes, trieNode{target: b.root.target})
	for i := 0; i < len(queue); i++ {
		n := queue[i]
		keys := make([]byte, 0, len(n.next))
		for c := range n.next {
			keys = append(keys, c)
		}
		sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
		lo := int32(len(m.labels))
		for _, c := range keys {
			k := n.next[c]
			id := int32(len(m.nodes))
			m.nodes = append(m.nodes, trieNode{target: k.target})
			queue = append(queue, k)
			if i == 0 {
				m.root[c] = id
				m.starts[c] = true
				continue
			}
			m.labels = append(m.labels, c)
			m.kids = append(m.kids, id)
		}
		m.nodes[i].lo, m.nodes[i].hi = lo, int32(len(m.labels))
	}
	if m.starts[apostrophe[0]] {
		m.starts['\''] = true
	}
	if m.starts[replacement[0]] {
		// Invalid UTF-8 decodes to U+FFFD, which a name may hold.
		for c := 0x80; c < 0x100; c++ {
			m.starts[c] = true
		}
		m.general = true
	}
	return m
}

// apostrophe and replacement are the UTF-8 encodings of the typographic apostrophe, which the
// typewriter one folds to, and of U+FFFD, which invalid UTF-8 decodes to.
var (
	apostrophe  = []byte("’")
	replacement = []byte(string(utf8.RuneError))
)

// fold maps a rune to the form the trie stores.
func fold(r rune) rune {
	if r == '\'' {
		return '’'
	}
	return r
}

// isWord reports whether r belongs to a word, so that a name must not start or end next to it.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// asciiWord and asciiSpace classify the ASCII bytes as isWord and unicode.IsSpace do.
var asciiWord, asciiSpace = func() (w, s [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		w[r] = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		s[r] = unicode.IsSpace(r)
	}
	return w, s
}()

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// Find returns the mentions in text, leftmost first. At each word start the longest name that ends at a
// word boundary wins, and matching resumes after it, so mentions never nest or overlap.
func (m *Matcher) Find(text []byte) []Match {
	hits := m.appendHits(nil, text)
	if len(hits) == 0 {
		return nil
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		out[i] = Match{Start: h.start, End: h.end, Entity: h.target.entity, Form: h.target.form}
	}
	return out
}

// hit is a Match as the Transformer keeps it: the bytes [start, end) of the text name target.
type hit struct {
	start, end int
	target     *target
}

// appendHits appends the mentions in text to out, as Find finds them.
func (m *Matcher) appendHits(out []hit, text []byte) []hit {
	if m.general {
		return m.appendHitsGeneral(out, text)
	}
	// Only a byte in starts can start a name, and none of them is inside a character, so the text
	// between them is skipped over byte by byte. A word starts where the character before is none of
	// a word's.
	for i := 0; i < len(text); i++ {
		for !m.starts[text[i]] {
			if i++; i == len(text) {
				return out
			}
		}
		if i > 0 && endsWord(text[:i]) {
			continue
		}
		if end, t := m.longest(text, i); t != 0 {
			out = append(out, hit{start: i, end: end, target: &m.targets[t-1]})
			i = end - 1
		}
	}
	return out
}

// appendHitsGeneral is appendHits for a Matcher whose names may start with any byte: it steps through
// the text character by character.
func (m *Matcher) appendHitsGeneral(out []hit, text []byte) []hit {
	prevWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if !prevWord && m.starts[c] {
			if end, t := m.longest(text, i); t != 0 {
				out = append(out, hit{start: i, end: end, target: &m.targets[t-1]})
				prevWord = endsWord(text[:end])
				i = end
				continue
			}
		}
		if c < utf8.RuneSelf {
			prevWord = asciiWord[c]
			i++
			continue
		}
		r, size := utf8.DecodeRune(text[i:])
		prevWord = isWord(r)
		i += size
	}
	return out
}

// endsWord reports whether the last character of b belongs to a word.
func endsWord(b []byte) bool {
	if c := b[len(b)-1]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRune(b)
	return isWord(r)
}

// next returns the node that the edge labelled c leads to from node n, or 0 when there is none.
func (m *Matcher) next(n int32, c byte) int32 {
	if n == 0 {
		return m.root[c]
	}
	nd := m.nodes[n]
	labels := m.labels[nd.lo:nd.hi]
	if len(labels) <= 8 {
		for i, l := range labels {
			if l == c {
				return m.kids[int(nd.lo)+i]
			}
		}
		return 0
	}
	// Binary search, written out: sort.Search's closure costs more than the search.
	lo, hi := 0, len(labels)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if labels[mid] < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(labels) && labels[lo] == c {
		return m.kids[int(nd.lo)+lo]
	}
	return 0
}

// walk follows the edges labelled key from node n, adding them to *steps, and returns the node
// reached, or 0 when the trie has no such path.
func (m *Matcher) walk(n int32, key []byte, steps *int) int32 {
	for _, c := range key {
		if n = m.next(n, c); n == 0 {
			return 0
		}
		*steps++
	}
	return n
}

// longest walks the trie from text[start:] and returns the end of the longest name found there that
// ends at a word boundary, with 1 + the index of its target; or 0.
func (m *Matcher) longest(text []byte, start int) (bestEnd int, best int32) {
	n := int32(0)
	steps := 0 // added to m.steps on return: a local counter costs less in the loop
	var enc [utf8.UTFMax]byte
	for i := start; i < len(text); {
		c := text[i]
		next := i + 1
		lastWord, space := false, false
		switch {
		case c < utf8.RuneSelf && asciiSpace[c]:
			space = true
		case c == '\'':
			n = m.walk(n, apostrophe, &steps)
		case c < utf8.RuneSelf:
			if n = m.next(n, c); n != 0 {
				steps++
			}
			lastWord = asciiWord[c]
		default:
			r, size := utf8.DecodeRune(text[i:])
			next = i + size
			if unicode.IsSpace(r) {
				space = true
				break
			}
			n = m.walk(n, enc[:utf8.EncodeRune(enc[:], r)], &steps)
			lastWord = isWord(r)
		}
		if space {
			if i == start {
				m.steps += steps
				return 0, 0
			}
			for next < len(text) {
				r2, s2 := utf8.DecodeRune(text[next:])
				if !isSpace(r2) {
					break
				}
				next += s2
			}
			if n = m.next(n, ' '); n != 0 {
				steps++
			}
		}
		if n == 0 {
			break
		}
		i = next
		if t := m.nodes[n].target; t != 0 && !space && (!lastWord || i == len(text) || !startsWord(text[i:])) {
			bestEnd, best = i, t
		}
	}
	m.steps += steps
	return bestEnd, best
}

func startsWord(b []byte) bool {
	if b[0] < utf8.RuneSelf {
		return asciiWord[b[0]]
	}
	r, _ := utf8.DecodeRune(b)
	return isWord(r)
}
