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
