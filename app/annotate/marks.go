package annotate

import (
	"cmp"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// annotationAttribute names the attribute of the Document that holds its annotation. goldmark renders
// no attributes of a Document.
var annotationAttribute = []byte("annotate")

// annotation is what the Transformer leaves on a Document for the HTMLRenderer, and for Spans: the
// marks of its mentions, and the numbers of the top-level blocks that the renderer writes itself.
type annotation struct {
	marks     *marks // nil when the document has no mentions
	numbering numbering
}

// annotationOf returns the annotation of the document that n belongs to, or nil.
func annotationOf(n ast.Node) *annotation {
	root := n
	for p := n.Parent(); p != nil; p = p.Parent() {
		root = p
	}
	doc, ok := root.(*ast.Document)
	if !ok {
		return nil
	}
	for _, a := range doc.Attributes() {
		if an, ok := a.Value.(*annotation); ok {
			return an
		}
	}
	return nil
}

// marks says where the <mark> elements of one document open and close. The Transformer leaves the
// text nodes as goldmark made them, and notes for each one that a mention touches the offsets in its
// text at which a tag goes; the HTMLRenderer writes the tags there as it writes the text. That spares
// the document new nodes for the mentions and their text, which cost about as much to make and to
// render as the article itself.
//
// A mention may cross a line break, or the edge between two adjacent text nodes: its <mark> then opens
// in one node and closes in a later one, and the line break between is written inside it. A mention
// that ends where its node's text ends closes before the node's line break. A node whose text a later
// AST transformer changes, or that it replaces, loses its marks: its text then renders as plain
// goldmark renders it.
type marks struct {
	// nodes are the text nodes that mentions touch, in reading order. Each is one of a run of plain
	// text nodes and holds a byte of some mention, so it is not empty.
	nodes []markedNode
	// sorted is set when the nodes' texts start in the source in the order of nodes, as they do
	// for goldmark's blocks, so that of may search them by their starts.
	sorted bool
	// next is where of expects the next node it is asked about to be in nodes: the renderer asks
	// about the text nodes in reading order. It is a hint only, which concurrent renderings of the
	// document may spoil; of then searches nodes, or, when they are not sorted, looks the node up
	// in index, which it makes the first time.
	next      atomic.Int64
	indexOnce sync.Once
	index     map[*ast.Text]int
	// at are the offsets of the tags in the text of their nodes, in reading order. Marks never nest,
	// so the tags alternate: at[2*i] is where the <mark> of the i-th mention opens, with the tag of
	// targets[mentions[i]-1], and at[2*i+1] where it closes.
	at       []int32
	mentions []int32
	targets  []target
}

// markedNode is a text node that mentions touch, with its text as the Transformer found it, and its
// tags: marks.at[lo:hi]. verbatim is set when its text holds none of the bytes that goldmark's
// Writer escapes or unescapes (see classEscape).
type markedNode struct {
	node        *ast.Text
	start, stop int
	lo, hi      int32
	verbatim    bool
}

// newMarks returns the marks of the matches found, which mark has noted.
func (a *annotator) newMarks() *marks {
	m := &marks{
		nodes:    slices.Clone(a.marked),
		at:       slices.Clone(a.at),
		mentions: make([]int32, len(a.found)),
		targets:  a.matcher.targets,
	}
	for i := range a.found {
		m.mentions[i] = a.found[i].target
	}
	m.sorted = slices.IsSortedFunc(m.nodes, func(x, y markedNode) int { return cmp.Compare(x.start, y.start) })
	return m
}

// mark appends to at the offsets of the tags of the matches in a run of text nodes, and to marked the
// nodes they fall in. A match opens in the node that holds its first byte and closes in the node that
// holds its last: the bytes of buf between nodes, for line breaks, are white space, which no name
// starts or ends with.
func (a *annotator) mark(run []textNode, matches []hit) {
	mi := 0 // the first match that does not end before the current node
	for k := range run {
		t := &run[k]
		for mi < len(matches) && matches[mi].end <= t.start {
			mi++
		}
		lo := len(a.at)
		for j := mi; j < len(matches) && matches[j].start < t.end; j++ {
			if h := &matches[j]; h.start >= t.start {
				a.at = append(a.at, int32(a.offsetIn(t, h.start)))
			}
			if h := &matches[j]; h.end <= t.end {
				a.at = append(a.at, int32(a.offsetIn(t, h.end)))
			}
		}
		if len(a.at) > lo {
			seg := t.node.Segment
			a.marked = append(a.marked, markedNode{node: t.node, start: seg.Start, stop: seg.Stop, lo: int32(lo), hi: int32(len(a.at)), verbatim: t.verbatim})
		}
	}
}

// of returns the marked node of the text node n, or nil when no mention touches it, or its text is not
// as the Transformer found it.
func (m *marks) of(n *ast.Text) *markedNode {
	i := int(m.next.Load())
	switch {
	case i < len(m.nodes) && m.nodes[i].node == n:
	case m.sorted:
		// A binary search for the first node whose text starts where n's does, or after.
		start := n.Segment.Start
		i = 0
		for j := len(m.nodes); i < j; {
			mid := int(uint(i+j) >> 1)
			if m.nodes[mid].start < start {
				i = mid + 1
			} else {
				j = mid
			}
		}
		for i < len(m.nodes) && m.nodes[i].node != n && m.nodes[i].start == start {
			i++
		}
		if i == len(m.nodes) || m.nodes[i].node != n {
			return nil
		}
	default:
		m.indexOnce.Do(func() {
			m.index = make(map[*ast.Text]int, len(m.nodes))
			for i, mn := range m.nodes {
				m.index[mn.node] = i
			}
		})
		var ok bool
		if i, ok = m.index[n]; !ok {
			return nil
		}
	}
	m.next.Store(int64(i + 1))
	if mn := &m.nodes[i]; n.Segment.Start == mn.start && n.Segment.Stop == mn.stop {
		return mn
	}
	return nil
}

// marksOf returns the marks of the document that n belongs to, or nil.
func marksOf(n ast.Node) *marks {
	if an := annotationOf(n); an != nil {
		return an.marks
	}
	return nil
}

// Spans returns where the mentions that the extension found in doc lie in its source, in reading
// order: each from the first byte of its text to the byte after its last, so a mention that crosses
// a line break spans it. doc must have been parsed by a goldmark.Markdown with the extension; for any
// other document, and one with no mentions, Spans returns nil.
func Spans(doc *ast.Document) []text.Segment {
	m := marksOf(doc)
	if m == nil {
		return nil
	}
	spans := make([]text.Segment, 0, len(m.mentions))
	for _, mn := range m.nodes {
		base := mn.node.Segment.Start
		for i := mn.lo; i < mn.hi; i++ {
			if i%2 == 0 {
				spans = append(spans, text.Segment{Start: base + int(m.at[i])})
			} else {
				spans[len(spans)-1].Stop = base + int(m.at[i])
			}
		}
	}
	return spans
}
