package detect

import (
	"sort"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Block is the running text of one top-level block of an article (a paragraph, a heading, a list
// item's text, a quotation), as a reader reads it: Markdown's markup and escapes gone, each line break
// one space. Code blocks and raw HTML have none.
type Block struct {
	Text string
	// pieces map Text back to the source: Text[p.at:] begins at source[p.src:], up to the next piece.
	pieces []piece
	// breaks are where the text had a hard line break, which ends a sentence (a caption's line).
	breaks []int
}

type piece struct{ at, src int }

// Source returns the offset in the source of byte i of the block's text.
func (b *Block) Source(i int) int {
	k := sort.Search(len(b.pieces), func(k int) bool { return b.pieces[k].at > i }) - 1
	if k < 0 {
		return i
	}
	return b.pieces[k].src + i - b.pieces[k].at
}

// markdown parses without extensions: the blocks' text is the same under the annotating extension.
var markdown = goldmark.New()

// Blocks parses Markdown and returns its blocks' text in reading order.
func Blocks(source []byte) []Block {
	doc := markdown.Parser().Parse(text.NewReader(source))
	var out []Block
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		var b blockBuilder
		b.collect(n, source)
		if len(b.text) > 0 {
			out = append(out, Block{Text: string(b.text), pieces: b.pieces, breaks: b.breaks})
		}
	}
	return out
}

type blockBuilder struct {
	text   []byte
	pieces []piece
	breaks []int
}

// add appends source[start:stop] to the text, dropping the backslash of each escaped punctuation
// mark.
func (b *blockBuilder) add(source []byte, start, stop int) {
	for i := start; i < stop; {
		j := i
		for j < stop && (source[j] != '\\' || j+1 >= stop || !isPunct(source[j+1])) {
			j++
		}
		if j > i {
			b.pieces = append(b.pieces, piece{at: len(b.text), src: i})
			b.text = append(b.text, source[i:j]...)
		}
		if j < stop {
			j++ // the backslash
			b.pieces = append(b.pieces, piece{at: len(b.text), src: j})
			b.text = append(b.text, source[j])
			j++
		}
		i = j
	}
}

// space appends one space standing for source[at], unless the text already ends in one.
func (b *blockBuilder) space(at int) {
	if len(b.text) == 0 || b.text[len(b.text)-1] == ' ' {
		return
	}
	b.pieces = append(b.pieces, piece{at: len(b.text), src: at})
	b.text = append(b.text, ' ')
}

func (b *blockBuilder) collect(n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		b.add(source, n.Segment.Start, n.Segment.Stop)
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.space(n.Segment.Stop)
		}
		if n.HardLineBreak() {
			b.breaks = append(b.breaks, len(b.text))
		}
		return
	case *ast.String:
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink, *ast.ThematicBreak:
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindText && n.Type() == ast.TypeBlock && len(b.text) > 0 && c.Type() == ast.TypeBlock {
			b.space(c.Pos())
		}
		b.collect(c, source)
	}
}

func isPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
