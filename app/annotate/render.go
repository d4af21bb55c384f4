package annotate

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// HTMLRenderer renders Mention nodes as <mark> elements.
type HTMLRenderer struct{}

// NewHTMLRenderer returns a new HTMLRenderer.
func NewHTMLRenderer() renderer.NodeRenderer { return &HTMLRenderer{} }

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *HTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMention, r.renderMention)
}

func (r *HTMLRenderer) renderMention(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</mark>")
		return ast.WalkContinue, nil
	}
	n := node.(*Mention)
	_, _ = w.WriteString(`<mark class="mention" data-entity="`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Entity)))
	_, _ = w.WriteString(`" data-form="`)
	_, _ = w.Write(util.EscapeHTML([]byte(n.Form)))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
