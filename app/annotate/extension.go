// Package annotate is a goldmark extension that finds the cast of an article in its text. An AST
// transformer finds every mention with a Matcher, and the HTML renderer writes each as
//
//	<mark class="mention e-ID" data-entity="ID" data-form="FORM">…</mark>
//
// inside the text nodes it touches, which stay as goldmark made them: the transformer notes, on the
// Document, where in their text the tags go (Spans reads them back).
//
// It also numbers the article's top-level blocks (data-p="N"), and Get gives every mention with its
// paragraph and sentence, from which model.NewIndex builds what the reader's panel needs.
//
// Code spans, code blocks, raw HTML, autolinks and image descriptions are never annotated; names inside
// emphasis and link text are.
package annotate

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/dramatis/dramatis/app/model"
)

type extender struct {
	matcher *Matcher
}

// New returns a goldmark extension that annotates the mentions of the given entities.
func New(entities []model.Entity) goldmark.Extender {
	return NewWithMatcher(NewMatcher(entities))
}

// NewWithMatcher returns a goldmark extension that annotates with an existing Matcher.
func NewWithMatcher(m *Matcher) goldmark.Extender {
	return &extender{matcher: m}
}

// Extend implements goldmark.Extender.
func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(NewTransformer(e.matcher), 500),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(NewHTMLRenderer(), 500),
	))
}
