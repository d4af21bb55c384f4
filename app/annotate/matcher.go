package annotate

import (
	"sort"
	"strings"
	"sync/atomic"
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
// the first byte, and the nodes numbered depth first, so that a node's first child, often its only
// one, is the node after it: most of a name is a chain of nodes one after another. A word whose first
// byte starts no name costs one lookup in a table.
type Matcher struct {
	// root maps a first byte to the node it leads to, or to 0 (the root itself) when no name starts
	// with that byte.
	root [256]int32
	// nodes are the trie's nodes; nodes[0] is the root.
	nodes []trieNode
	// labels are the bytes that lead to the nodes: labels[k] leads from its parent to node k.
	labels []byte
	// kids lists the children of the nodes that have more than one, in the order of their labels,
	// and kidLabels their labels: kidLabels[i] is labels[kids[i]].
	kids      []int32
	kidLabels []byte
	// targets are what the names stand for; a node's target indexes it.
	targets []target
	// general is set when a byte that is no first byte of a character may start a name, so that
	// Find must step through the text character by character.
	general bool
	// starts reports which bytes of a text may start a name: the first bytes of the names, the
	// typewriter apostrophe when some name starts with the typographic one, and, when some name starts
	// with U+FFFD, which invalid UTF-8 decodes to, every byte from 0x80 on.
	starts [256]bool
	// class classifies the bytes for the Transformer, which folds white space and finds the places
	// where a name may start in one pass: it is foldClass, with classStart added to the bytes in
	// starts unless the Matcher is general.
	class [256]uint8
	// quick is class for the Transformer's quick folding, which leaves single spaces be: it gives a
	// space classBlank instead of classSpace.
	quick [256]uint8
	names int
	// steps counts the trie edges followed since the Matcher was made, by Find and the
	// Transformer, one for each byte of a folded name (and one for a run of white space); tests use
	// it to show that matching time is linear in the text.
	steps atomic.Int64
}

// trieNode is one node of a Matcher's trie, with count children: when it has one, that is the node
// after it; when more, they are kids[first:first+count]. target is 1 + the index of the name that
// ends here in Matcher.targets, or 0.
type trieNode struct {
	first, count int32
	target       int32
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

// build lays the trie out in flat arrays, depth first.
func (b *builder) build() *Matcher {
	m := &Matcher{targets: b.targets, names: len(b.targets)}
	m.place(b.root, 0)
	for c := range m.root {
		if m.root[c] != 0 {
			m.starts[c] = true
		}
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
	m.class = foldClass
	for c := range m.class {
		if m.starts[c] && !m.general {
			m.class[c] |= classStart
		}
	}
	m.quick = m.class
	m.quick[' '] = classBlank
	return m
}

// place numbers n and the nodes under it depth first, from the next free number on, puts them in
// m's arrays and returns n's number. label is the byte that leads to n.
func (m *Matcher) place(n *buildNode, label byte) int32 {
	id := int32(len(m.nodes))
	m.nodes = append(m.nodes, trieNode{target: n.target, count: int32(len(n.next))})
	m.labels = append(m.labels, label)
	keys := make([]byte, 0, len(n.next))
	for c := range n.next {
		keys = append(keys, c)
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a] < keys[b] })
	var kids []int32
	for _, c := range keys {
		k := m.place(n.next[c], c)
		kids = append(kids, k)
		if id == 0 {
			m.root[c] = k
		}
	}
	if len(kids) > 1 && id != 0 {
		m.nodes[id].first = int32(len(m.kids))
		m.kids = append(m.kids, kids...)
		m.kidLabels = append(m.kidLabels, keys...)
	}
	return id
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

// isWord reports whether r belongs to a word, so that a name must not start or end next to it: it is
// a letter, a digit or a mark. The Latin letters and the general punctuation (quotes, dashes), which
// stand beside names most, are answered without unicode's tables.
func isWord(r rune) bool {
	switch {
	case r < latinEnd:
		return latinWord[r]
	case r >= 0x2000 && r <= 0x206F:
		// General Punctuation holds no letters, digits or marks.
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// latinEnd is the end of the Latin blocks of Unicode: Basic Latin (ASCII), Latin-1 Supplement and
// Latin Extended-A and -B.
const latinEnd = 0x250

// latinWord, asciiWord and asciiSpace classify the Latin and the ASCII characters as isWord and
// unicode.IsSpace do.
var latinWord, asciiWord, asciiSpace = func() (l [latinEnd]bool, w, s [utf8.RuneSelf]bool) {
	for r := range rune(latinEnd) {
		l[r] = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
	}
	copy(w[:], l[:])
	for r := range rune(utf8.RuneSelf) {
		s[r] = unicode.IsSpace(r)
	}
	return l, w, s
}()

// plainASCII reports which bytes are ASCII characters other than white space and the typewriter
// apostrophe: those the trie holds as they are.
var plainASCII = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = !asciiSpace[c] && c != '\''
	}
	return t
}()

// isSpace is unicode.IsSpace, without its tables: the white space characters are few.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	switch r {
	case 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

// Find returns the mentions in text, leftmost first. At each word start the longest name that ends at a
// word boundary wins, and matching resumes after it, so mentions never nest or overlap.
func (m *Matcher) Find(text []byte) []Match {
	var steps int
	hits := m.appendHits(nil, text, 0, &steps)
	m.steps.Add(int64(steps))
	if len(hits) == 0 {
		return nil
	}
	out := make([]Match, len(hits))
	for i, h := range hits {
		t := &m.targets[h.target-1]
		out[i] = Match{Start: h.start, End: h.end, Entity: t.entity, Form: t.form}
	}
	return out
}

// hit is a Match as the Transformer keeps it: the bytes [start, end) of a text name
// targets[target-1].
type hit struct {
	start, end int
	target     int32
}

// appendHits appends the mentions in text to out, as Find finds them, with base added to their
// offsets. It adds the trie edges it follows to *steps.
func (m *Matcher) appendHits(out []hit, text []byte, base int, steps *int) []hit {
	if m.general {
		return m.appendHitsGeneral(out, text, base, steps)
	}
	// Only a byte in starts can start a name, and none of them is inside a character, so the text
	// between them is skipped over byte by byte. A word starts where the character before is none of
	// a word's.
	starts := &m.starts
	for i := 0; i < len(text); i++ {
		for !starts[text[i]] {
			if i++; i == len(text) {
				return out
			}
		}
		if i > 0 && endsWordAt(text, i) {
			continue
		}
		if end, t := m.longest(text, i, steps); t != 0 {
			out = append(out, hit{start: base + i, end: base + end, target: t})
			i = end - 1
		}
	}
	return out
}

// appendHitsAt is appendHits for a text whose places where a name may start (those of a byte in
// starts) are given, in order, as cands, offsets in text plus base; it skips those outside text.
func (m *Matcher) appendHitsAt(out []hit, text []byte, base int, cands []int, steps *int) []hit {
	resume := 0 // where the next mention may start
	for _, c := range cands {
		i := c - base
		if i < resume || i >= len(text) {
			continue
		}
		if i > 0 && endsWordAt(text, i) {
			continue
		}
		if end, t := m.longest(text, i, steps); t != 0 {
			out = append(out, hit{start: base + i, end: base + end, target: t})
			resume = end
		}
	}
	return out
}

// appendHitsGeneral is appendHits for a Matcher whose names may start with any byte: it steps through
// the text character by character.
func (m *Matcher) appendHitsGeneral(out []hit, text []byte, base int, steps *int) []hit {
	prevWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if !prevWord && m.starts[c] {
			if end, t := m.longest(text, i, steps); t != 0 {
				out = append(out, hit{start: base + i, end: base + end, target: t})
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

// endsWordAt reports whether the character before text[i] belongs to a word. The test of an ASCII
// byte is inlined.
func endsWordAt(text []byte, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	return endsWord(text[:i])
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
	return m.child(n, c)
}

// child returns the child of node n (not the root) that the byte c leads to, or 0 when there is none.
func (m *Matcher) child(n int32, c byte) int32 {
	switch nd := m.nodes[n]; nd.count {
	case 0:
		return 0
	case 1:
		if m.labels[n+1] == c {
			return n + 1
		}
		return 0
	default:
		return m.kid(nd, c)
	}
}

// kid returns the child that the byte c leads to of nd, which has several, or 0 when there is none.
func (m *Matcher) kid(nd trieNode, c byte) int32 {
	labels := m.kidLabels[nd.first : nd.first+nd.count]
	if len(labels) <= 16 {
		for i, l := range labels {
			if l == c {
				return m.kids[int(nd.first)+i]
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
		return m.kids[int(nd.first)+lo]
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
// ends at a word boundary, with 1 + the index of its target; or 0. It adds the edges it follows to
// *steps.
//
// Most bytes of a name are ASCII characters other than the apostrophe, which lead through the trie
// as they are, and single spaces: longest follows those itself, in a short loop, and leaves the
// others to step.
func (m *Matcher) longest(text []byte, start int, steps *int) (bestEnd int, best int32) {
	nodes, labels := m.nodes, m.labels
	n := int32(0)
	k := 0 // added to *steps on return: a local counter costs less in the loop
	for i := start; i < len(text); {
		c := text[i]
		if !plainASCII[c] && (c != ' ' || i == start || (i+1 < len(text) && foldClass[text[i+1]]&classSpace != 0)) {
			var w walker
			w, i = m.step(walker{n: n, bestEnd: bestEnd, best: best}, text, start, i)
			n, bestEnd, best, k = w.n, w.bestEnd, w.best, k+w.steps
			if n == 0 {
				break
			}
			continue
		}
		switch nd := nodes[n]; {
		case n == 0:
			n = m.root[c]
		case nd.count == 1:
			// The only child, the next node: the common case.
			if labels[n+1] == c {
				n++
			} else {
				n = 0
			}
		case nd.count == 0:
			n = 0
		default:
			n = m.kid(nd, c)
		}
		if n == 0 {
			break
		}
		k++
		i++
		// No name ends with a space, so none ends after c when it is one.
		if t := nodes[n].target; t != 0 && (!asciiWord[c] || i == len(text) || !startsWordAt(text, i)) {
			bestEnd, best = i, t
		}
	}
	*steps += k
	return bestEnd, best
}

// walker is the state of a walk through the trie: the node reached, or 0 when the walk has ended, the
// longest name found so far, as longest returns it, and the edges followed.
type walker struct {
	n       int32
	bestEnd int
	best    int32
	steps   int
}

// step is longest for the character at text[i] when that is not a plain ASCII byte, or is the first
// of the name: it follows the edges of the character from w's node and returns the walk's new state
// and where in text it goes on. A run of white space is one edge, labelled with a space.
func (m *Matcher) step(w walker, text []byte, start, i int) (walker, int) {
	var enc [utf8.UTFMax]byte
	c := text[i]
	next := i + 1
	lastWord, space := false, false
	switch {
	case c < utf8.RuneSelf && asciiSpace[c]:
		space = true
	case c == '\'':
		w.n = m.walk(w.n, apostrophe, &w.steps)
	case c < utf8.RuneSelf:
		if w.n = m.next(w.n, c); w.n != 0 {
			w.steps++
		}
		lastWord = asciiWord[c]
	default:
		r, size := utf8.DecodeRune(text[i:])
		next = i + size
		if isSpace(r) {
			space = true
			break
		}
		if r != utf8.RuneError || size > 1 {
			w.n = m.walk(w.n, text[i:next], &w.steps)
		} else {
			w.n = m.walk(w.n, enc[:utf8.EncodeRune(enc[:], r)], &w.steps)
		}
		lastWord = isWord(r)
	}
	if space {
		if i == start {
			w.n = 0
			return w, next
		}
		for next < len(text) {
			r2, s2 := utf8.DecodeRune(text[next:])
			if !isSpace(r2) {
				break
			}
			next += s2
		}
		if w.n = m.next(w.n, ' '); w.n != 0 {
			w.steps++
		}
	}
	if w.n == 0 {
		return w, next
	}
	if t := m.nodes[w.n].target; t != 0 && !space && (!lastWord || next == len(text) || !startsWord(text[next:])) {
		w.bestEnd, w.best = next, t
	}
	return w, next
}

// startsWordAt reports whether the character at text[i:] belongs to a word. The test of an ASCII
// byte is inlined.
func startsWordAt(text []byte, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	return startsWord(text[i:])
}

// startsWord reports whether the first character of b belongs to a word.
func startsWord(b []byte) bool {
	if b[0] < utf8.RuneSelf {
		return asciiWord[b[0]]
	}
	r, _ := utf8.DecodeRune(b)
	return isWord(r)
}
