package annotate

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/dramatis/dramatis/app/model"
)

// HTMLRenderer renders Mention nodes as <mark> elements.
type HTMLRenderer struct {
	// Config is the HTML renderer's configuration, as the goldmark.Markdown sets it: the text a
	// Mention holds is written with its Writer.
	html.Config
}

// NewHTMLRenderer returns a new HTMLRenderer.
func NewHTMLRenderer() renderer.NodeRenderer { return &HTMLRenderer{Config: html.NewConfig()} }

// SetOption implements renderer.SetOptioner.
func (r *HTMLRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *HTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMention, r.renderMention)
}

func (r *HTMLRenderer) renderMention(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
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
	if t := n.ownText(source); t != nil {
		r.Writer.Write(w, t)
	}
	return ast.WalkContinue, nil
}

// openTag returns the opening tag of the <mark> around a mention of entity in the given form.
func openTag(entity string, form model.Form) string {
	id := string(util.EscapeHTML([]byte(entity)))
	return `<mark class="mention ` + model.MarkClass(id) + `" data-entity="` + id +
		`" data-form="` + string(util.EscapeHTML([]byte(form))) + `">`
}
