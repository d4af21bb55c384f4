package annotate

import (
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// numbering says which top-level blocks of a document the HTMLRenderer numbers itself, and with what
// numbers. The Transformer numbers every top-level block (data-p="N"), most through an attribute,
// which goldmark's HTML renderer writes; but paragraphs, headings and block quotes without attributes,
// most of an article, it leaves to the HTMLRenderer, which writes their opening tags with the number:
// that spares each a list of attributes, which costs about as much to make and to render as a short
// paragraph's text.
type numbering struct {
	// blocks are the blocks, in order; nums[at[2*i]:at[2*i+1]] is the number of blocks[i].
	blocks []ast.Node
	at     []int32
	nums   []byte
	// next is where of expects the next block it is asked about to be in blocks: the renderer asks
	// about them in order. It is a hint only, which concurrent renderings of the document may spoil;
	// of then looks the block up in index, which it makes the first time.
	next      atomic.Int64
	indexOnce sync.Once
	index     map[ast.Node]int
}

// numbersItself reports whether the HTMLRenderer numbers the top-level block n itself.
func numbersItself(n ast.Node) bool {
	if n.Attributes() != nil {
		return false
	}
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindBlockquote:
		return true
	}
	return false
}

// of returns the number of the block n, or nil when n is none of nb's blocks.
func (nb *numbering) of(n ast.Node) []byte {
	i := int(nb.next.Load())
	if i >= len(nb.blocks) || nb.blocks[i] != n {
		nb.indexOnce.Do(func() {
			nb.index = make(map[ast.Node]int, len(nb.blocks))
			for i, b := range nb.blocks {
				nb.index[b] = i
			}
		})
		var ok bool
		if i, ok = nb.index[n]; !ok {
			return nil
		}
	}
	nb.next.Store(int64(i + 1))
	return nb.nums[nb.at[2*i]:nb.at[2*i+1]]
}

// numberOf returns the number that the HTMLRenderer writes on n, or nil when it writes none.
func numberOf(n ast.Node) []byte {
	doc, ok := n.Parent().(*ast.Document)
	if !ok {
		return nil
	}
	for _, a := range doc.Attributes() {
		if an, ok := a.Value.(*annotation); ok {
			return an.numbering.of(n)
		}
	}
	return nil
}

// openNumbered writes the opening tag, with data-p="N", of a block n that the HTMLRenderer numbers
// itself, and reports whether n is one. Such a block has no other attributes (see numbersItself).
func openNumbered(w util.BufWriter, n ast.Node, tag string) bool {
	num := numberOf(n)
	if num == nil {
		return false
	}
	_ = w.WriteByte('<')
	_, _ = w.WriteString(tag)
	_, _ = w.WriteString(` data-p="`)
	_, _ = w.Write(num)
	_, _ = w.WriteString(`">`)
	return true
}

// headingTags are the tag names of headings by level.
var headingTags = [...]string{"h0", "h1", "h2", "h3", "h4", "h5", "h6"}

// renderParagraph renders a paragraph, numbered if the Transformer left that to the HTMLRenderer.
func (r *HTMLRenderer) renderParagraph(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && openNumbered(w, n, "p") {
		return ast.WalkContinue, nil
	}
	return r.paragraph(w, source, n, entering)
}

// renderHeading renders a heading, numbered if the Transformer left that to the HTMLRenderer.
func (r *HTMLRenderer) renderHeading(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && openNumbered(w, n, headingTags[n.(*ast.Heading).Level]) {
		return ast.WalkContinue, nil
	}
	return r.heading(w, source, n, entering)
}

// renderBlockquote renders a block quote, numbered if the Transformer left that to the HTMLRenderer.
// goldmark ends the line after the tag only when the quote has no attributes; numbered, it has one.
func (r *HTMLRenderer) renderBlockquote(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering && openNumbered(w, n, "blockquote") {
		return ast.WalkContinue, nil
	}
	return r.quote(w, source, n, entering)
}
