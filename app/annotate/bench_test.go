package annotate_test

import (
	"bytes"
	"io/fs"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/annotate"
	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/content"
)

// longScale is how many times the bundled article's body the long synthetic article repeats.
const longScale = 100

// repeatBody returns body n times over, a blank line between copies, so that no paragraph of one copy
// runs into the next. bench/ builds its long article the same way.
func repeatBody(body []byte, n int) []byte {
	parts := make([][]byte, n)
	for i := range parts {
		parts[i] = body
	}
	return bytes.Join(parts, []byte("\n\n"))
}

// render parses src with md and renders it into buf, as document.Build does, and returns the parser
// context, which holds the extension's Result.
func render(md goldmark.Markdown, src []byte, buf *bytes.Buffer) (parser.Context, error) {
	buf.Reset()
	pc := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	return pc, md.Renderer().Render(buf, src, root)
}

// BenchmarkRender renders the bundled article, and a synthetic one longScale times longer, from
// Markdown to HTML with plain goldmark ("plain") and with goldmark plus the mention extension
// ("annotated"), each converter built once as the server builds it. The extension's cost is the ratio
// of the two throughputs. The extension builds its list of mentions and sentences (annotate.Get) only
// when asked; "mentions" renders and asks, as document.Build does. bench/ runs it in rounds and
// reports both ratios.
func BenchmarkRender(b *testing.B) {
	entities, err := catalog.Load(content.FS, content.CatalogueFile)
	if err != nil {
		b.Fatal(err)
	}
	article, err := fs.ReadFile(content.FS, content.ArticleFile)
	if err != nil {
		b.Fatal(err)
	}
	_, body, err := document.Prepare(content.ArticleFile, article)
	if err != nil {
		b.Fatal(err)
	}
	articles := []struct {
		name string
		src  []byte
	}{
		{"bundled", body},
		{"x100", repeatBody(body, longScale)},
	}
	converters := []struct {
		name string
		md   goldmark.Markdown
	}{
		{"plain", document.NewMarkdown()},
		{"annotated", document.NewMarkdown(annotate.New(entities))},
		{"mentions", document.NewMarkdown(annotate.New(entities))},
	}
	for _, a := range articles {
		for _, c := range converters {
			b.Run(a.name+"/"+c.name, func(b *testing.B) {
				var buf bytes.Buffer
				pc, err := render(c.md, a.src, &buf)
				if err != nil {
					b.Fatal(err)
				}
				if marked := bytes.Contains(buf.Bytes(), []byte("<mark ")); marked != (c.name != "plain") {
					b.Fatalf("the %s rendering has <mark> elements: %v", c.name, marked)
				}
				if n := len(annotate.Get(pc).Mentions); (n > 0) != (c.name != "plain") {
					b.Fatalf("the %s rendering has %d mentions", c.name, n)
				}
				b.SetBytes(int64(len(a.src)))
				b.ReportAllocs()
				for b.Loop() {
					pc, err := render(c.md, a.src, &buf)
					if err != nil {
						b.Fatal(err)
					}
					if c.name == "mentions" {
						annotate.Get(pc)
					}
				}
			})
		}
	}
}
