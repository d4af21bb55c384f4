package annotate

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"github.com/dramatis/dramatis/app/model"
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
	if t := n.target; t != nil && t.entity == n.Entity && t.form == n.Form {
		_, _ = w.WriteString(t.tag)
	} else {
		_, _ = w.WriteString(openTag(n.Entity, n.Form))
	}
	return ast.WalkContinue, nil
}

// openTag returns the opening tag of the <mark> around a mention of entity in the given form.
func openTag(entity string, form model.Form) string {
	return `<mark class="mention" data-entity="` + string(util.EscapeHTML([]byte(entity))) +
		`" data-form="` + string(util.EscapeHTML([]byte(form))) + `">`
}
