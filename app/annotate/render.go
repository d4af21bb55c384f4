package annotate

import (
	"bufio"
	"bytes"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/dramatis/dramatis/app/model"
)

// HTMLRenderer renders the mentions that the Transformer found as <mark> elements, writing their tags
// inside the text of the text nodes they touch (see marks), and writes the numbers of the top-level
// blocks that the Transformer leaves to it (see numbering). Text nodes that no mention touches, and
// blocks it does not number, it leaves to goldmark's HTML renderer.
type HTMLRenderer struct {
	// Config is the HTML renderer's configuration, as the goldmark.Markdown sets it.
	html.Config
	// plain is goldmark's HTML renderer, configured alike, and the functions below are its own
	// renderings of the kinds of node that the HTMLRenderer renders, which it defers to.
	plain                           renderer.NodeRenderer
	text, paragraph, heading, quote renderer.NodeRendererFunc
}

// NewHTMLRenderer returns a new HTMLRenderer.
func NewHTMLRenderer() renderer.NodeRenderer {
	r := &HTMLRenderer{Config: html.NewConfig(), plain: html.NewRenderer()}
	funcs := funcsRegisterer{}
	r.plain.RegisterFuncs(funcs)
	r.text, r.paragraph = funcs[ast.KindText], funcs[ast.KindParagraph]
	r.heading, r.quote = funcs[ast.KindHeading], funcs[ast.KindBlockquote]
	return r
}

// funcsRegisterer keeps the rendering functions that a NodeRenderer registers, by kind.
type funcsRegisterer map[ast.NodeKind]renderer.NodeRendererFunc

func (f funcsRegisterer) Register(kind ast.NodeKind, fn renderer.NodeRendererFunc) {
	f[kind] = fn
}

// SetOption implements renderer.SetOptioner, for the HTMLRenderer and the plain renderer it defers
// to.
func (r *HTMLRenderer) SetOption(name renderer.OptionName, value any) {
	r.Config.SetOption(name, value)
	if s, ok := r.plain.(renderer.SetOptioner); ok {
		s.SetOption(name, value)
	}
}

// RegisterFuncs implements renderer.NodeRenderer.RegisterFuncs.
func (r *HTMLRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
	reg.Register(ast.KindParagraph, r.renderParagraph)
	reg.Register(ast.KindHeading, r.renderHeading)
	reg.Register(ast.KindBlockquote, r.renderBlockquote)
}

// renderText renders a text node, with the tags of the mentions that touch it.
func (r *HTMLRenderer) renderText(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if n, ok := node.(*ast.Text); ok && entering && !n.IsRaw() {
		if m := marksOf(n); m != nil {
			if mn := m.of(n); mn != nil {
				r.renderMarked(w, source, n, m, mn)
				return ast.WalkContinue, nil
			}
		}
	}
	return r.text(w, source, node, entering)
}

// renderMarked renders a text node with the tags of mn inside its text. It writes what goldmark writes
// for the node split at the tags into several, the line break going with the last piece, or, when a
// mention ends where the text ends, with an empty node after its </mark>.
func (r *HTMLRenderer) renderMarked(w util.BufWriter, source []byte, n *ast.Text, m *marks, mn *markedNode) {
	value := n.Segment.Value(source)
	// goldmark's own Writer writes a text with no byte that it escapes or unescapes as it is: such a
	// text, as most are, is written here in pieces without it.
	verbatim := mn.verbatim && r.Writer == html.DefaultWriter
	pos := 0
	for i := mn.lo; i < mn.hi; i++ {
		at := int(m.at[i])
		if verbatim {
			_, _ = w.Write(value[pos:at])
		} else {
			r.Writer.Write(w, value[pos:at])
		}
		if i%2 == 0 {
			_, _ = w.WriteString(m.targets[m.mentions[i/2]-1].tag)
		} else {
			_, _ = w.WriteString("</mark>")
		}
		pos = at
	}
	rest := value[pos:]
	soft, hard := n.SoftLineBreak(), n.HardLineBreak()
	if soft && !hard && !r.HardWraps && r.EastAsianLineBreaks != html.EastAsianLineBreaksNone {
		// Whether a soft line break is written then depends on the characters either side of it,
		// which goldmark's renderer decides.
		if len(rest) > 0 {
			last := *n
			last.Segment.Start += pos
			_, _ = r.text(w, source, &last, true)
		} else if r.eastAsianBreak(source, n) {
			_ = w.WriteByte('\n')
		}
		return
	}
	if verbatim {
		_, _ = w.Write(rest)
	} else {
		r.Writer.Write(w, rest)
	}
	switch {
	case hard || (soft && r.HardWraps):
		if r.XHTML {
			_, _ = w.WriteString("<br />\n")
		} else {
			_, _ = w.WriteString("<br>\n")
		}
	case soft:
		_ = w.WriteByte('\n')
	}
}

// eastAsianBreak reports whether goldmark's renderer, with East Asian line breaks on, writes the soft
// line break at the end of the non-empty text node n. It asks the renderer, with the last character
// of n's text alone.
func (r *HTMLRenderer) eastAsianBreak(source []byte, n *ast.Text) bool {
	_, size := utf8.DecodeLastRune(n.Segment.Value(source))
	last := *n
	last.Segment.Start = last.Segment.Stop - size
	var out bytes.Buffer
	bw := bufio.NewWriter(&out)
	_, _ = r.text(bw, source, &last, true)
	_ = bw.Flush()
	return bytes.HasSuffix(out.Bytes(), []byte("\n"))
}

// openTag returns the opening tag of the <mark> around a mention of entity in the given form.
func openTag(entity string, form model.Form) string {
	id := string(util.EscapeHTML([]byte(entity)))
	return `<mark class="mention ` + model.MarkClass(id) + `" data-entity="` + id +
		`" data-form="` + string(util.EscapeHTML([]byte(form))) + `">`
}
