package annotate

import (
	"slices"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/model"
)

var resultKey = parser.NewContextKey()

// Result is what the transformer records while annotating one document: every mention in reading order
// and the sentences they stand in.
type Result struct {
	Mentions  []model.Mention
	Sentences []string
}

// Get returns the Result recorded in pc by a conversion with the extension, or an empty Result.
func Get(pc parser.Context) *Result {
	if r, ok := pc.Get(resultKey).(*Result); ok {
		return r
	}
	return &Result{}
}

// Transformer is the AST transformer that wraps mentions in Mention nodes.
type Transformer struct {
	matcher *Matcher
}

// NewTransformer returns a Transformer that annotates with m.
func NewTransformer(m *Matcher) *Transformer { return &Transformer{matcher: m} }

// Transform implements parser.ASTTransformer.Transform. It works in three passes over the document's
// top-level blocks: it numbers them, reads their text and finds the mentions in it; it wraps the
// mentions, with the new nodes allocated together; and it records the mentions and the sentences of
// the blocks that have any.
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	res := &Result{}
	pc.Set(resultKey, res)
	a := scratchPool.Get().(*annotator)
	defer a.release()
	a.matcher, a.source = t.matcher, reader.Source()

	var nums []byte // the decimal numbers of the blocks, which their data-p attributes slice
	p := 0
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		start := len(nums)
		nums = strconv.AppendInt(nums, int64(p), 10)
		block.SetAttributeString("data-p", nums[start:len(nums):len(nums)])
		a.readBlock(block, p)
		p++
	}
	if len(a.found) == 0 {
		return
	}
	// Every match takes a Mention, which most often holds its own text, and most one new text node,
	// the text before it; the node's text after the last match keeps the node.
	a.mentionPool = make([]Mention, min(len(a.found), poolSize))
	a.textPool = make([]ast.Text, min(len(a.found), poolSize))
	for _, r := range a.runs {
		a.wrap(a.texts[r.lo:r.hi], r.start, a.found[r.foundLo:r.foundHi])
	}
	a.record(res)
}

// poolSize is the most nodes of a kind allocated together: a block of them stays below 32 KB, where
// allocation is quickest.
const poolSize = 128

// scratchPool holds annotators for reuse, so that their buffers outlive one document.
var scratchPool = sync.Pool{New: func() any { return new(annotator) }}

// annotator holds the state of one Transform. Its buffers are reused from document to document; the
// nodes it hands out, allocated together, belong to one document.
type annotator struct {
	matcher *Matcher
	source  []byte

	// buf is the plain text of the document's blocks, one after another: their text nodes, a newline
	// for each line break, a space for each code span, raw HTML, autolink or image, and the text of
	// String nodes.
	buf []byte
	// blocks are the blocks that have matches, in order, with their stretches of buf and found.
	blocks []block
	// texts are the text nodes of all runs, in order; runs index into it, buf and found.
	texts []*ast.Text
	runs  []run
	// found are the matches, with offsets in buf.
	found []hit
	// spans, folded, shifts, stops and sentence serve record.
	spans    [][2]int
	sentence []int
	folded   []byte
	shifts   []shift
	stops    []int
	// textPool and mentionPool are the nodes not yet handed out.
	textPool    []ast.Text
	mentionPool []Mention
}

// block is one top-level block: its text is buf[start:end], its matches found[foundLo:foundHi].
type block struct {
	p                int
	start, end       int
	foundLo, foundHi int
}

// run is a stretch of adjacent plain text nodes, within which a name may be matched: the nodes
// texts[lo:hi], whose text is buf[start:end], with the matches found[foundLo:foundHi].
type run struct {
	lo, hi           int
	start, end       int
	foundLo, foundHi int
}

// release empties a and puts it back in scratchPool, keeping its buffers but no nodes.
func (a *annotator) release() {
	clear(a.texts)
	*a = annotator{
		buf:    a.buf[:0],
		blocks: a.blocks[:0],
		texts:  a.texts[:0],
		runs:   a.runs[:0],
		found:  a.found[:0],
		spans:  a.spans[:0],
		folded: a.folded[:0],
		shifts: a.shifts[:0],
		stops:  a.stops[:0],
		// sentence is resliced where it is used.
		sentence: a.sentence,
	}
	scratchPool.Put(a)
}

// readBlock reads the text of one top-level block into buf and finds the mentions in it.
func (a *annotator) readBlock(n ast.Node, p int) {
	b := block{p: p, start: len(a.buf), foundLo: len(a.found)}
	firstRun := len(a.runs)
	a.collect(n)
	for i := firstRun; i < len(a.runs); i++ {
		r := &a.runs[i]
		r.foundLo = len(a.found)
		a.found = a.matcher.appendHits(a.found, a.buf[r.start:r.end])
		r.foundHi = len(a.found)
		for j := r.foundLo; j < r.foundHi; j++ {
			a.found[j].start += r.start
			a.found[j].end += r.start
		}
	}
	b.end, b.foundHi = len(a.buf), len(a.found)
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
			start := len(a.buf)
			a.buf = append(a.buf, c.Segment.Value(a.source)...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				a.buf = append(a.buf, '\n')
			}
			if c.IsRaw() || c.Segment.Padding != 0 {
				open = false
				continue
			}
			if !open {
				open = true
				a.runs = append(a.runs, run{lo: len(a.texts), start: start})
			}
			a.texts = append(a.texts, c)
			r := &a.runs[len(a.runs)-1]
			r.hi, r.end = len(a.texts), len(a.buf)
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Image:
			open = false
			a.buf = append(a.buf, ' ')
		case *ast.String:
			open = false
			a.buf = append(a.buf, c.Value...)
		default:
			open = false
			a.collect(c)
		}
	}
}

// newText returns a new text node of the segment, from textPool while it lasts.
func (a *annotator) newText(seg text.Segment) *ast.Text {
	if len(a.textPool) == 0 {
		a.textPool = make([]ast.Text, poolSize)
	}
	n := &a.textPool[0]
	a.textPool = a.textPool[1:]
	n.Segment = seg
	return n
}

// newMention returns a new Mention for h, from mentionPool while it lasts.
func (a *annotator) newMention(h *hit) *Mention {
	if len(a.mentionPool) == 0 {
		a.mentionPool = make([]Mention, poolSize)
	}
	n := &a.mentionPool[0]
	a.mentionPool = a.mentionPool[1:]
	n.Entity, n.Form, n.target = h.target.entity, h.target.form, h.target
	return n
}

// wrap splits the text nodes of a run at the edges of matches (given in the coordinates of buf, where
// the run starts at pos) and moves the pieces inside each match into a new Mention node in their
// place; a Mention of a match within one node holds its text itself, as a segment, so that it costs
// no text node to make or to render. A match may cross a line break, and so span several text nodes:
// its Mention then holds a piece of each, as children. A node that a match touches keeps its last
// piece when that lies outside every match.
func (a *annotator) wrap(run []*ast.Text, pos int, matches []hit) {
	if len(matches) == 0 {
		return
	}
	parent := run[0].Parent()
	mi := 0           // the first match that does not end before the current position
	var open *Mention // the Mention of matches[mi], once made
	for _, n := range run {
		seg := n.Segment
		start, end := pos, pos+seg.Len()
		pos = end
		if n.SoftLineBreak() || n.HardLineBreak() {
			pos++
		}
		if start == end || mi == len(matches) || end <= matches[mi].start {
			continue // an empty node, or one no match touches, stays as it is
		}
		for a0 := start; a0 < end; {
			for mi < len(matches) && matches[mi].end <= a0 {
				mi, open = mi+1, nil
			}
			b, inside := end, false
			if mi < len(matches) {
				if m := matches[mi]; a0 < m.start {
					b = min(end, m.start)
				} else {
					b, inside = min(end, m.end), true
				}
			}
			pseg := text.NewSegment(seg.Start+a0-start, seg.Start+b-start)
			if b == end && !inside && n.Attributes() == nil {
				// The last piece, outside every match: the node itself, with its line break.
				n.Segment = pseg
				break
			}
			var piece *ast.Text
			switch {
			case inside && open == nil && matches[mi].start >= start && matches[mi].end <= end:
				// A match within the node: its Mention holds its text, and needs no text node.
				open = a.newMention(&matches[mi])
				open.text = pseg
				parent.InsertBefore(parent, n, open)
			case inside:
				piece = a.newText(pseg)
				if open == nil {
					open = a.newMention(&matches[mi])
					parent.InsertBefore(parent, n, open)
				}
				open.AppendChild(open, piece)
			default:
				piece = a.newText(pseg)
				parent.InsertBefore(parent, n, piece)
			}
			if piece != nil {
				piece.SetRaw(n.IsRaw())
			}
			if b == end {
				// The node's line break goes with its last piece, unless a mention ends there: then
				// it follows the mention, as an empty text node, so the <mark> holds no newline.
				if inside && matches[mi].end == end {
					piece = a.newText(text.NewSegment(seg.Stop, seg.Stop))
					parent.InsertBefore(parent, n, piece)
				}
				piece.SetSoftLineBreak(n.SoftLineBreak())
				piece.SetHardLineBreak(n.HardLineBreak())
				parent.RemoveChild(parent, n)
			}
			a0 = b
		}
	}
}

// shift says that folding has removed removed bytes of the block's text before offset at.
type shift struct {
	at, removed int
}

// record records the mentions found, and all the sentences of the blocks they stand in, in res.
// Sentences and the texts of mentions have their white space folded (trimmed, each run one space):
// the text of those blocks is folded once, into one string, and they are slices of it. The sentences
// are split in the folded text, in which a run of white space is one space as good as another.
func (a *annotator) record(res *Result) {
	sentence := slices.Grow(a.sentence[:0], len(a.found))[:len(a.found)]
	a.sentence = sentence
	for _, b := range a.blocks {
		base := len(a.folded)
		a.fold(a.buf[b.start:b.end])
		firstSpan := len(a.spans)
		a.spans = sentenceSpans(a.spans, a.folded[base:], a.stops)
		spans := a.spans[firstSpan:]
		found := a.found[b.foundLo:b.foundHi]
		si := 0
		for i := range found {
			// From here on found holds offsets in folded. A mention neither starts nor ends with white
			// space.
			f := &found[i]
			f.start, f.end = a.foldedAt(base, f.start-b.start), a.foldedAt(base, f.end-b.start)
			for si+1 < len(spans) && base+spans[si+1][0] <= f.start {
				si++
			}
			sentence[b.foundLo+i] = firstSpan + si
		}
		for i := range spans {
			spans[i][0], spans[i][1] = base+spans[i][0], base+spans[i][1]
		}
	}
	folded := string(a.folded)
	res.Sentences = make([]string, len(a.spans))
	for i, s := range a.spans {
		res.Sentences[i] = trimSpace(folded[s[0]:s[1]])
	}
	res.Mentions = make([]model.Mention, len(a.found))
	for _, b := range a.blocks {
		for i := b.foundLo; i < b.foundHi; i++ {
			f := &a.found[i]
			res.Mentions[i] = model.Mention{
				Entity:    f.target.entity,
				Form:      f.target.form,
				Text:      folded[f.start:f.end],
				Paragraph: b.p,
				Sentence:  sentence[i],
			}
		}
	}
}

// fold appends text to folded with each run of white space made one space. It sets shifts to say
// where it removed bytes, and stops to the offsets in the folded text of its '.', '!' and '?', which
// sentenceSpans needs: one pass over the text serves both.
func (a *annotator) fold(text []byte) {
	a.shifts, a.stops = a.shifts[:0], a.stops[:0]
	out := a.folded
	base := len(out)
	removed := 0
	done := 0 // text[:done] is in out
	for i := 0; i < len(text); {
		c := text[i]
		switch foldClass[c] {
		case 0:
			i++
			continue
		case classStop:
			a.stops = append(a.stops, len(out)-base+i-done)
			i++
			continue
		}
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(text[i:])
			if !unicode.IsSpace(r) {
				i += size
				continue
			}
		}
		j := i + size // the end of the run of white space that starts at i
		for j < len(text) {
			r, s := rune(text[j]), 1
			if r >= utf8.RuneSelf {
				r, s = utf8.DecodeRune(text[j:])
			}
			if !isSpace(r) {
				break
			}
			j += s
		}
		if c == ' ' && j == i+1 {
			i = j // one space stays as it is
			continue
		}
		out = append(out, text[done:i]...)
		out = append(out, ' ')
		if n := j - i - 1; n > 0 {
			removed += n
			a.shifts = append(a.shifts, shift{at: j, removed: removed})
		}
		done, i = j, j
	}
	a.folded = append(out, text[done:]...)
}

// foldedAt returns where offset x of the text last folded, which is not inside a run of white space,
// is in folded, given that the folded text starts at base.
func (a *annotator) foldedAt(base, x int) int {
	// Find the first shift after x; the one before it, if any, applies.
	lo, hi := 0, len(a.shifts)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a.shifts[mid].at <= x {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return base + x
	}
	return base + x - a.shifts[lo-1].removed
}

// foldClass classifies the bytes for fold: classSpace for those that start a white space character
// (ASCII white space and the first bytes of the longer ones), classStop for '.', '!' and '?', which
// may end a sentence, and 0 for the rest.
var foldClass = func() (t [256]uint8) {
	var enc [utf8.UTFMax]byte
	for _, r16 := range unicode.White_Space.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			utf8.EncodeRune(enc[:], r)
			t[enc[0]] = classSpace
		}
	}
	for _, r32 := range unicode.White_Space.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			utf8.EncodeRune(enc[:], r)
			t[enc[0]] = classSpace
		}
	}
	t['.'], t['!'], t['?'] = classStop, classStop, classStop
	return t
}()

const (
	classSpace = 1 + iota
	classStop
)

// trimSpace returns s without the spaces at its start and end.
func trimSpace(s string) string {
	for len(s) > 0 && s[0] == ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] == ' ' {
		s = s[:len(s)-1]
	}
	return s
}
