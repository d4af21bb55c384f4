package annotate

import (
	"strconv"
	"strings"

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

// Transform implements parser.ASTTransformer.Transform.
func (t *Transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	res := &Result{}
	pc.Set(resultKey, res)
	source := reader.Source()
	p := 0
	for block := doc.FirstChild(); block != nil; block = block.NextSibling() {
		block.SetAttributeString("data-p", []byte(strconv.Itoa(p)))
		t.annotateBlock(block, p, source, res)
		p++
	}
}

// blockText is the plain text of one top-level block, with each text node's offset in it.
type blockText struct {
	buf    []byte
	offset map[*ast.Text]int
}

// annotateBlock finds the mentions of one top-level block, wraps them, and records them with their
// sentences.
func (t *Transformer) annotateBlock(block ast.Node, p int, source []byte, res *Result) {
	bt := blockText{offset: map[*ast.Text]int{}}
	var runs [][]*ast.Text
	collect(block, source, &bt, &runs)
	if len(runs) == 0 {
		return
	}
	type found struct {
		Match
		at int // offset in bt.buf
	}
	var all []found
	for _, run := range runs {
		joined := joinRun(run, source)
		matches := t.matcher.Find(joined)
		for _, m := range matches {
			all = append(all, found{Match: m, at: bt.offset[run[0]] + m.Start})
		}
		wrap(run, matches)
	}
	if len(all) == 0 {
		return
	}
	spans := sentenceSpans(bt.buf)
	first := len(res.Sentences)
	for _, s := range spans {
		res.Sentences = append(res.Sentences, foldSpace(string(bt.buf[s[0]:s[1]])))
	}
	si := 0
	for _, f := range all {
		for si+1 < len(spans) && spans[si+1][0] <= f.at {
			si++
		}
		res.Mentions = append(res.Mentions, model.Mention{
			Entity:    f.Entity,
			Form:      f.Form,
			Text:      foldSpace(string(bt.buf[f.at : f.at+f.End-f.Start])),
			Paragraph: p,
			Sentence:  first + si,
		})
	}
}

// collect walks the inline content under n in reading order. It appends the text it reads to bt and
// gathers runs of adjacent plain text nodes, the stretches within which a name may be matched.
func collect(n ast.Node, source []byte, bt *blockText, runs *[][]*ast.Text) {
	var run []*ast.Text
	flush := func() {
		if len(run) > 0 {
			*runs = append(*runs, run)
			run = nil
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Segment.Value(source)
			bt.offset[c] = len(bt.buf)
			bt.buf = append(bt.buf, v...)
			if c.SoftLineBreak() || c.HardLineBreak() {
				bt.buf = append(bt.buf, '\n')
			}
			if c.IsRaw() || c.Segment.Padding != 0 {
				flush()
				continue
			}
			run = append(run, c)
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Image:
			flush()
			bt.buf = append(bt.buf, ' ')
		case *ast.String:
			flush()
			bt.buf = append(bt.buf, c.Value...)
		default:
			flush()
			collect(c, source, bt, runs)
		}
	}
	flush()
}

// joinRun returns the text of a run, a newline standing for each line break.
func joinRun(run []*ast.Text, source []byte) []byte {
	var b []byte
	for _, n := range run {
		b = append(b, n.Segment.Value(source)...)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b = append(b, '\n')
		}
	}
	return b
}

// wrap splits the text nodes of run at the edges of matches (given in the run's joined coordinates)
// and moves the pieces inside each match into a new Mention node in their place. A match may cross a
// line break, and so span several text nodes: its Mention then holds a piece of each.
func wrap(run []*ast.Text, matches []Match) {
	if len(matches) == 0 {
		return
	}
	parent := run[0].Parent()
	mi := 0           // the first match that does not end before the current position
	var open *Mention // the Mention of matches[mi], once made
	pos := 0          // where the current node starts in joined coordinates
	for _, n := range run {
		seg := n.Segment
		start, end := pos, pos+seg.Len()
		pos = end
		if n.SoftLineBreak() || n.HardLineBreak() {
			pos++
		}
		for a := start; a < end; {
			for mi < len(matches) && matches[mi].End <= a {
				mi, open = mi+1, nil
			}
			b, inside := end, false
			if mi < len(matches) {
				if m := matches[mi]; a < m.Start {
					b = min(end, m.Start)
				} else {
					b, inside = min(end, m.End), true
				}
			}
			piece := ast.NewTextSegment(text.NewSegment(seg.Start+a-start, seg.Start+b-start))
			piece.SetRaw(n.IsRaw())
			if inside {
				if open == nil {
					open = NewMention(matches[mi].Entity, matches[mi].Form)
					parent.InsertBefore(parent, n, open)
				}
				open.AppendChild(open, piece)
			} else {
				parent.InsertBefore(parent, n, piece)
			}
			if b == end {
				// The node's line break goes with its last piece, unless a mention ends there: then
				// it follows the mention, as an empty text node, so the <mark> holds no newline.
				if inside && matches[mi].End == end {
					piece = ast.NewTextSegment(text.NewSegment(seg.Stop, seg.Stop))
					parent.InsertBefore(parent, n, piece)
				}
				piece.SetSoftLineBreak(n.SoftLineBreak())
				piece.SetHardLineBreak(n.HardLineBreak())
			}
			a = b
		}
		if start == end {
			continue // an empty node keeps its place
		}
		parent.RemoveChild(parent, n)
	}
}

// foldSpace trims s and folds each run of white space in it to one space.
func foldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
