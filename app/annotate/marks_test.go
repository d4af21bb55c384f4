package annotate

import (
	"bytes"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// markupCases are Markdown texts whose mentions stand in every kind of place: across line breaks of
// each kind, at the ends of lines, beside escapes, entities and markup, in every kind of block.
var markupCases = []string{
	"Prime Minister Edi\nRama paid a visit to Israel.",
	"after Albanians\ncomplained about Iran",
	"Edi\\\nRama and Edi  \nRama and *Edi Rama*\\\n*Israel*",
	"Israel \\*and\\* Iran &amp; Tirana <b>Iran</b> \"Iran\" Iran's <Iran> 4 < 5",
	"# Israel’s view\n\n## Tehran {#id}\n\n> Tehran rejected\n> Washington.\n\n- Albania in a list\n- and Serbia\n\n1. Iran\n2. Iraq\n\n---\n\nIsrael  and   Iran\tand\u00a0Iran",
	"日本語Israel\n日本語\nIsrael\n日本語\n\nIsrael\n語",
	"| Israel | Iran |\n| --- | --- |\n| Tirana | x |\n\nA footnote[^1] on Israel.\n\n[^1]: Iran and\n    Tirana.\n\n~~Iran~~ https://Iran.example.org and Israel -- \"Iran\"",
	"    Israel in code\n\n```\nIran\n```\n\n<div>Israel</div>\n\n`Iran` Iran",
}

// markupOptions are the goldmark options under which the tests convert markupCases, with and without
// the extension.
var markupOptions = map[string][]goldmark.Option{
	"default":       nil,
	"hard wraps":    {goldmark.WithRendererOptions(html.WithHardWraps(), html.WithXHTML())},
	"east asian":    {goldmark.WithRendererOptions(html.WithEastAsianLineBreaks(html.EastAsianLineBreaksSimple))},
	"css3 draft":    {goldmark.WithRendererOptions(html.WithEastAsianLineBreaks(html.EastAsianLineBreaksCSS3Draft))},
	"unsafe":        {goldmark.WithRendererOptions(html.WithUnsafe())},
	"escaped space": {goldmark.WithRendererOptions(html.WithWriter(html.NewWriter(html.WithEscapedSpace())))},
	"heading ids":   {goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute())},
	"extensions":    {goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer, extension.CJK)},
}

// TestMarksLeaveGoldmarksHTML checks that the extension changes nothing of goldmark's HTML but add the
// marks and the numbers of the top-level blocks, under any renderer options, parser options and
// extensions: removing the marks gives goldmark's HTML of the document with its blocks numbered.
func TestMarksLeaveGoldmarksHTML(t *testing.T) {
	for name, opts := range markupOptions {
		t.Run(name, func(t *testing.T) {
			annotated := goldmark.New(append([]goldmark.Option{goldmark.WithExtensions(New(testCast))}, opts...)...)
			plain := goldmark.New(append([]goldmark.Option{goldmark.WithParserOptions(
				parser.WithASTTransformers(util.Prioritized(numberBlocks{}, 500)))}, opts...)...)
			for _, src := range markupCases {
				var got, want bytes.Buffer
				if err := annotated.Convert([]byte(src), &got); err != nil {
					t.Fatal(err)
				}
				if err := plain.Convert([]byte(src), &want); err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(got.String(), "<mark ") {
					t.Errorf("no marks in\n%s", got.String())
				}
				if stripped := markPattern.ReplaceAllString(got.String(), ""); stripped != want.String() {
					t.Errorf("converting %q:\nwithout its marks the HTML is\n%s\nwant\n%s", src, stripped, want.String())
				}
			}
		})
	}
}

// TestRenderAgain renders one document several times, one after another and at once: the renderer's
// hints are then wrong, and it must find the marked nodes and numbered blocks all the same.
func TestRenderAgain(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	src := []byte(strings.Join(markupCases, "\n\n"))
	doc := md.Parser().Parse(text.NewReader(src))
	render := func() string {
		var buf bytes.Buffer
		if err := md.Renderer().Render(&buf, src, doc); err != nil {
			t.Error(err)
		}
		return buf.String()
	}
	want := render()
	if got := render(); got != want {
		t.Errorf("the second rendering differs from the first:\n%s\nwant\n%s", got, want)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := render(); got != want {
				t.Errorf("a rendering at the same time as others differs:\n%s\nwant\n%s", got, want)
			}
		}()
	}
	wg.Wait()
}

// TestMarksOf checks the search of marks.of when its hint is wrong, with the nodes in the order of the
// source and out of it.
func TestMarksOf(t *testing.T) {
	nodes := make([]*ast.Text, 6)
	for i := range nodes {
		nodes[i] = ast.NewTextSegment(text.NewSegment(10*i, 10*i+5))
	}
	for _, order := range [][]int{{0, 2, 3, 5}, {5, 0, 3, 2}} {
		m := &marks{}
		for k, i := range order {
			seg := nodes[i].Segment
			m.nodes = append(m.nodes, markedNode{node: nodes[i], start: seg.Start, stop: seg.Stop, lo: int32(2 * k), hi: int32(2*k + 2)})
		}
		m.sorted = order[0] == 0
		for _, hint := range []int64{0, 2, 4, 9} {
			for i, n := range nodes {
				m.next.Store(hint)
				k := indexOf(order, i)
				got := m.of(n)
				switch {
				case k < 0 && got != nil:
					t.Errorf("order %v, hint %d: of(node %d) = %+v, want nil", order, hint, i, *got)
				case k >= 0 && (got == nil || got.node != n || got.lo != int32(2*k)):
					t.Errorf("order %v, hint %d: of(node %d) = %v, want the marked node %d", order, hint, i, got, k)
				}
			}
		}
	}
}

func indexOf(s []int, x int) int {
	for i, v := range s {
		if v == x {
			return i
		}
	}
	return -1
}

// TestSpans checks that Spans gives where the mentions lie in the source, and nothing for a document
// that the extension did not parse.
func TestSpans(t *testing.T) {
	src := "Prime Minister Edi\nRama paid\n\n> a visit to *Israel*\n> and Tirana."
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	doc := md.Parser().Parse(text.NewReader([]byte(src))).(*ast.Document)
	var got []string
	for _, s := range Spans(doc) {
		got = append(got, src[s.Start:s.Stop])
	}
	want := []string{"Edi\nRama", "Israel", "Tirana"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Spans = %q, want %q", got, want)
	}
	plain := goldmark.New().Parser().Parse(text.NewReader([]byte(src))).(*ast.Document)
	if s := Spans(plain); s != nil {
		t.Errorf("Spans of a document without the extension = %v, want nil", s)
	}
}

// trimTexts is an AST transformer that drops the first byte of every text node of more than one.
type trimTexts struct{}

func (trimTexts) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && t.Segment.Len() > 1 {
			t.Segment.Start++
		}
		return ast.WalkContinue, nil
	})
}

// TestTextChangedLater checks that a text node whose text an AST transformer changes after the
// extension's renders as goldmark renders it, without marks.
func TestTextChangedLater(t *testing.T) {
	src := []byte("Israel and Iran\nmet Edi\nRama in Tirana.")
	for _, priority := range []int{100, 1000} {
		trim := goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(trimTexts{}, priority)))
		annotated := goldmark.New(goldmark.WithExtensions(New(testCast)), trim)
		plain := goldmark.New(trim, goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(numberBlocks{}, 500))))
		var got, want bytes.Buffer
		if err := annotated.Convert(src, &got); err != nil {
			t.Fatal(err)
		}
		if err := plain.Convert(src, &want); err != nil {
			t.Fatal(err)
		}
		if stripped := markPattern.ReplaceAllString(got.String(), ""); stripped != want.String() {
			t.Errorf("with the text trimmed at priority %d, without its marks the HTML is\n%s\nwant\n%s", priority, stripped, want.String())
		}
		if _, err := checkMarks(got.String(), testCast); err != nil {
			t.Errorf("with the text trimmed at priority %d: %v\nin %s", priority, err, got.String())
		}
	}
}
