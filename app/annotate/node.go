// Package annotate is a goldmark extension that finds the cast of an article in its text. An AST
// transformer splits text nodes at every mention that a Matcher finds and wraps each in a Mention node,
// which renders as
//
//	<mark class="mention" data-entity="ID" data-form="FORM">…</mark>
//
// It also numbers the article's top-level blocks (data-p="N") and records every mention with its
// paragraph and sentence, from which model.NewIndex builds what the reader's panel needs.
//
// Code spans, code blocks, raw HTML, autolinks and image descriptions are never annotated; names inside
// emphasis and link text are.
package annotate

import (
	"github.com/yuin/goldmark/ast"

	"github.com/dramatis/dramatis/app/model"
)

// KindMention is the NodeKind of a Mention.
var KindMention = ast.NewNodeKind("Mention")

// Mention is an inline node around the text of one mention of an entity.
type Mention struct {
	ast.BaseInline
	Entity string
	Form   model.Form
	// target is what the Matcher found, with the tag to render, when the Transformer made the node.
	target *target
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
