// Package annotate is a goldmark extension that finds the cast of an article in its text. An AST
// transformer splits text nodes at every mention that a Matcher finds and puts a Mention node in its
// place, which renders as
//
//	<mark class="mention e-ID" data-entity="ID" data-form="FORM">…</mark>
//
// It also numbers the article's top-level blocks (data-p="N") and records every mention with its
// paragraph and sentence, from which model.NewIndex builds what the reader's panel needs.
//
// Code spans, code blocks, raw HTML, autolinks and image descriptions are never annotated; names inside
// emphasis and link text are.
package annotate

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/model"
)

// KindMention is the NodeKind of a Mention.
var KindMention = ast.NewNodeKind("Mention")

// Mention is an inline node around the text of one mention of an entity. The text is its children,
// or, for the Mentions that the Transformer makes of a mention within one text node, a segment of the
// source that the node holds itself, without children: the renderer writes it as goldmark writes a
// text node's.
type Mention struct {
	ast.BaseInline
	Entity string
	Form   model.Form
	// target is what the Matcher found, with the tag to render, when the Transformer made the node.
	target *target
	// text is the mention's text in the source, when the node holds it itself; else it is empty.
	text text.Segment
}

// ownText returns the text the Mention holds itself, or nil when its text is its children.
func (n *Mention) ownText(source []byte) []byte {
	if n.text.Len() == 0 {
		return nil
	}
	return n.text.Value(source)
}

// Kind implements ast.Node.Kind.
func (n *Mention) Kind() ast.NodeKind { return KindMention }

// Dump implements ast.Node.Dump.
func (n *Mention) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Entity": n.Entity, "Form": string(n.Form)}, nil)
}

// NewMention returns a new, empty Mention of entity in the given form.
func NewMention(entity string, form model.Form) *Mention {
	return &Mention{Entity: entity, Form: form}
}
