package annotate

import (
	"slices"
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"

	"github.com/dramatis/dramatis/app/model"
)

var resultKey = parser.NewContextKey()

// firstBlockKey holds the number of the document's first top-level block, when SetFirstBlock set it.
var firstBlockKey = parser.NewContextKey()

// SetFirstBlock makes the Transform that parses with pc number the document's top-level blocks from
// n rather than 0, in their data-p attributes and their mentions' paragraphs: for a document that
// follows n blocks of another on the page, such as the article's head.
func SetFirstBlock(pc parser.Context, n int) { pc.Set(firstBlockKey, n) }

// Result is what the extension finds in one document: every mention in reading order and the
// sentences they stand in.
type Result struct {
	Mentions  []model.Mention
	Sentences []string
}

// Get returns the Result of a conversion with the extension in pc, or an empty Result.
//
// The first call builds the Result, which only callers that ask for it need: the Transformer keeps,
// in its buffers, the folded text, the matches and the full stops it found, and Get splits the
// sentences and lists the mentions from them. When the Transformer has read another document since,
// Get reads the document again, which must then be as the Transformer left it. Later calls return
// the same Result.
func Get(pc parser.Context) *Result {
	switch r := pc.Get(resultKey).(type) {
	case *pendingResult:
		return r.get()
	case *Result:
		return r
	}
	return &Result{}
}

// pendingResult is the Result of a document until Get builds it.
type pendingResult struct {
	once   sync.Once
	result Result
	// t is the Transformer that read the document, and use the Transform: see annotator.use.
	t   *Transformer
	use uint64
	// doc and source are the document, which Get reads again when t's buffers serve another.
	doc    *ast.Document
	source []byte
}

// get builds the Result, once.
func (p *pendingResult) get() *Result {
	p.once.Do(func() {
		a := p.t.spare.Swap(nil)
		if a != nil && a.use == p.use {
			a.record(&p.result)
			p.t.keep(a)
		} else {
			if a != nil {
				p.t.spare.CompareAndSwap(nil, a)
			}
			a = new(annotator)
			a.reset(p.t.matcher, p.source)
			a.readBlocks(p.doc)
			a.record(&p.result)
		}
		p.t, p.doc, p.source = nil, nil, nil
	})
	return &p.result
}

// record records the mentions found, and all the sentences of the blocks they stand in, in res. The
// sentences and the texts of the mentions are slices of one string, the folded text; the sentences
// are trimmed.
func (a *annotator) record(res *Result) {
	folded := string(a.buf)
	sentence := slices.Grow(a.sentence[:0], len(a.found))[:len(a.found)]
	a.sentence = sentence
	for _, b := range a.blocks {
		stops := a.stops[b.stopLo:b.stopHi]
		for i := range stops {
			stops[i] -= b.start
		}
		firstSpan := len(a.spans)
		a.spans = sentenceSpans(a.spans, a.buf[b.start:b.end], stops)
		spans := a.spans[firstSpan:]
		si := 0
		for i := b.foundLo; i < b.foundHi; i++ {
			for si+1 < len(spans) && b.start+spans[si+1][0] <= a.found[i].start {
				si++
			}
			sentence[i] = firstSpan + si
		}
		for i := range spans {
			spans[i][0], spans[i][1] = b.start+spans[i][0], b.start+spans[i][1]
		}
	}
	res.Sentences = make([]string, len(a.spans))
	for i, s := range a.spans {
		res.Sentences[i] = trimSpace(folded[s[0]:s[1]])
	}
	res.Mentions = make([]model.Mention, len(a.found))
	for _, b := range a.blocks {
		for i := b.foundLo; i < b.foundHi; i++ {
			f := &a.found[i]
			t := &a.matcher.targets[f.target-1]
			res.Mentions[i] = model.Mention{
				Entity:    t.entity,
				Form:      t.form,
				Text:      folded[f.start:f.end],
				Paragraph: b.p,
				Sentence:  sentence[i],
			}
		}
	}
}

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
