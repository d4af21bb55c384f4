package annotate

import (
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Transformer is the AST transformer that finds the mentions, notes where their <mark> elements go,
// and leaves in the parser.Context what Get needs for the Result.
type Transformer struct {
	matcher *Matcher
	// spare is the annotator that the last Transform used, kept for the next with its buffers.
	// Unlike those in a sync.Pool, it outlives garbage collections, which a long document brings
	// about; the buffers stay as large as those of the longest document yet, for the Transformer's
	// life. Until the next Transform takes it, they still hold what Get needs for the last
	// document's Result.
	spare atomic.Pointer[annotator]
	// transforms counts the Transforms, which number the annotators' uses (see annotator.use).
	transforms atomic.Uint64
}

// NewTransformer returns a Transformer that annotates with m.
func NewTransformer(m *Matcher) *Transformer { return &Transformer{matcher: m} }

// Transform implements parser.ASTTransformer.Transform. It numbers the document's top-level blocks
// (see numbering) and reads their text, with its white space folded (trimmed, each run one space),
// into one buffer, in which it finds the mentions. It notes, for each text node that a mention
// touches, where in its text a <mark> opens or closes (see marks: the text nodes stay as they are,
// and the HTMLRenderer writes the tags as it writes their text).
//
// The Result, the mentions with the sentences they stand in, Get builds when first asked for it,
// from what Transform leaves in its buffers (see Get).
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	a := t.take(reader.Source())
	defer t.keep(a)

	an := &annotation{}
	nb := &an.numbering
	var nums []byte // the decimal numbers of the blocks, of which their data-p attributes are slices
	p, _ := pc.Get(firstBlockKey).(int)
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		start := len(nums)
		nums = strconv.AppendInt(nums, int64(p), 10)
		if numbersItself(block) {
			nb.blocks = append(nb.blocks, block)
			nb.at = append(nb.at, int32(start), int32(len(nums)))
		} else {
			block.SetAttributeString("data-p", nums[start:len(nums):len(nums)])
		}
		a.readBlock(block, p)
		p++
	}
	nb.nums = nums
	if len(a.found) > 0 {
		an.marks = a.newMarks()
		pc.Set(resultKey, &pendingResult{t: t, use: a.use, doc: doc, source: a.source})
	} else {
		pc.Set(resultKey, &Result{})
	}
	if an.marks != nil || len(nb.blocks) > 0 {
		doc.SetAttribute(annotationAttribute, an)
	}
}

// annotator holds the state of one Transform. Its buffers are reused from document to document; what
// it leaves in the document and the Result is allocated anew for each.
type annotator struct {
	matcher *Matcher
	source  []byte
	// use numbers the Transform that the buffers serve, among those of the Transformer.
	use uint64
	// steps counts the trie edges followed, for Matcher.steps.
	steps int

	// buf is the plain text of the document's blocks, one after another, folded: their text nodes, a
	// line break after those that end with one, a space for each code span, raw HTML, autolink or
	// image, and the text of String nodes, with each run of white space made one space. Folding
	// restarts at each block, so a block's text may start with a space.
	buf []byte
	// space is set when the last byte of buf ends a run of white space of the current block, so
	// that the white space that follows it is dropped.
	space bool
	// escaped is set when fold meets a byte of class classEscape.
	escaped bool
	// blocks are the blocks that have matches, in order, with their stretches of buf and found.
	blocks []block
	// texts are the text nodes of the runs of the current block, in order; runs index into it, buf
	// and found.
	texts []textNode
	runs  []run
	// shifts say where folding dropped bytes from the text nodes in texts.
	shifts []shift
	// stops are the offsets in buf of the '.', '!' and '?' of all blocks, in order.
	stops []int
	// cands are the offsets in buf of the bytes of the current block that may start a name, in
	// order.
	cands []int
	// found are the matches, with offsets in buf.
	found []hit
	// spans and sentence serve record.
	spans    [][2]int
	sentence []int
	// marked and at are the marked nodes and the offsets of the tags in their texts, as mark notes
	// them, for newMarks.
	marked []markedNode
	at     []int32
}

// block is one top-level block: its text is buf[start:end], its matches found[foundLo:foundHi] and its
// full stops stops[stopLo:stopHi].
type block struct {
	p                int
	start, end       int
	foundLo, foundHi int
	stopLo, stopHi   int
}

// run is a stretch of adjacent plain text nodes, within which a name may be matched: the nodes
// texts[lo:hi], whose text is buf[start:end], with the matches found[foundLo:foundHi].
type run struct {
	lo, hi           int
	start, end       int
	foundLo, foundHi int
}

// textNode is a text node of a run, whose text, folded, is buf[start:end]. Folding dropped the bytes
// that shifts[shiftLo:shiftHi] tell of from it. verbatim is set when its text has no byte of class
// classEscape.
type textNode struct {
	node             *ast.Text
	start, end       int
	shiftLo, shiftHi int
	verbatim         bool
}

// shift says that folding a text node has dropped removed bytes of it, in all, before the byte it
// put at offset at of buf.
type shift struct {
	at, removed int
}

// take returns an annotator for a document of the given source: t's spare, or a new one, emptied.
func (t *Transformer) take(source []byte) *annotator {
	a := t.spare.Swap(nil)
	if a == nil {
		a = new(annotator)
	}
	a.reset(t.matcher, source)
	a.use = t.transforms.Add(1)
	return a
}

// keep keeps a as t's spare. It drops a's references to the document, which Get does not need.
func (t *Transformer) keep(a *annotator) {
	t.matcher.steps.Add(int64(a.steps))
	a.steps = 0
	clear(a.texts)
	clear(a.marked)
	a.texts, a.marked, a.source = a.texts[:0], a.marked[:0], nil
	t.spare.Store(a)
}

// reset empties a, keeping its buffers, for a document of source.
func (a *annotator) reset(m *Matcher, source []byte) {
	*a = annotator{
		matcher: m,
		source:  source,
		buf:     a.buf[:0],
		blocks:  a.blocks[:0],
		texts:   a.texts[:0],
		runs:    a.runs[:0],
		shifts:  a.shifts[:0],
		stops:   a.stops[:0],
		cands:   a.cands[:0],
		found:   a.found[:0],
		spans:   a.spans[:0],
		marked:  a.marked[:0],
		at:      a.at[:0],
		// sentence is resliced where it is used.
		sentence: a.sentence,
	}
	// The folded text is seldom longer than the source: only String nodes may add to it.
	a.buf = slices.Grow(a.buf, len(source)+64)
}

// readBlocks reads the text of the top-level blocks of doc, as Transform does, without numbering
// them.
func (a *annotator) readBlocks(doc *ast.Document) {
	p := 0
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		a.readBlock(block, p)
		p++
	}
}

// readBlock reads the text of one top-level block into buf, finds the mentions in it, and notes
// where their marks go.
func (a *annotator) readBlock(n ast.Node, p int) {
	b := block{p: p, start: len(a.buf), foundLo: len(a.found), stopLo: len(a.stops)}
	a.space = false
	// The runs of a block, their text nodes, what folding dropped from them and the bytes that may
	// start a name serve the block alone.
	a.texts, a.runs, a.shifts, a.cands = a.texts[:0], a.runs[:0], a.shifts[:0], a.cands[:0]
	a.collect(n)
	cands := a.cands
	for i := range a.runs {
		r := &a.runs[i]
		r.foundLo = len(a.found)
		text := a.buf[r.start:r.end]
		if a.matcher.general {
			a.found = a.matcher.appendHits(a.found, text, r.start, &a.steps)
		} else {
			// The candidates before the run stand in no run, those in it are its own.
			for len(cands) > 0 && cands[0] < r.start {
				cands = cands[1:]
			}
			k := 0
			for k < len(cands) && cands[k] < r.end {
				k++
			}
			a.found = a.matcher.appendHitsAt(a.found, text, r.start, cands[:k], &a.steps)
			cands = cands[k:]
		}
		r.foundHi = len(a.found)
		if r.foundHi > r.foundLo {
			a.mark(a.texts[r.lo:r.hi], a.found[r.foundLo:r.foundHi])
		}
	}
	b.end, b.foundHi, b.stopHi = len(a.buf), len(a.found), len(a.stops)
	if b.foundHi > b.foundLo {
		a.blocks = append(a.blocks, b)
	}
}

// collect walks the inline content under n in reading order. It appends the text it reads to buf and
// gathers runs of adjacent plain text nodes. A run ends with its parent node, and at any node that is
// not plain text.
func (a *annotator) collect(n ast.Node) {
	open := false // whether the last run is under way
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			start, shiftLo := len(a.buf), len(a.shifts)
			a.escaped = false
			a.fold(c.Segment.Value(a.source))
			end := len(a.buf)
			if c.SoftLineBreak() || c.HardLineBreak() {
				a.foldSpace()
			}
			if c.IsRaw() || c.Segment.Padding != 0 {
				a.shifts = a.shifts[:shiftLo]
				open = false
				continue
			}
			if !open {
				open = true
				a.runs = append(a.runs, run{lo: len(a.texts), start: start})
			}
			a.texts = append(a.texts, textNode{node: c, start: start, end: end, shiftLo: shiftLo, shiftHi: len(a.shifts), verbatim: !a.escaped})
			r := &a.runs[len(a.runs)-1]
			r.hi, r.end = len(a.texts), len(a.buf)
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Image:
			open = false
			a.foldSpace()
		case *ast.String:
			open = false
			shiftLo := len(a.shifts)
			a.fold(c.Value)
			a.shifts = a.shifts[:shiftLo]
		default:
			open = false
			a.collect(c)
		}
	}
}

// offsetIn returns where offset x of buf, which is inside the folded text of t and not inside a run
// of white space, or just after its last byte, is in the text of t's node.
func (a *annotator) offsetIn(t *textNode, x int) int {
	removed := 0
	for _, s := range a.shifts[t.shiftLo:t.shiftHi] {
		if s.at > x {
			break
		}
		removed = s.removed
	}
	return x - t.start + removed
}
