package document

import (
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/model"
)

// testCast is a small catalogue for the articles written in these tests.
var testCast = []model.Entity{
	{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}},
	{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}, Places: []string{"Tirana"}},
	{ID: "il", Name: "Israel", Kind: model.Country, Demonyms: []string{"Israeli"}},
}

// lines joins lines into an article, so that line n of the article is the nth argument.
func lines(ls ...string) string {
	return strings.Join(ls, "\n") + "\n"
}

var buildErrorTests = []struct {
	name    string
	article string
	want    string
}{
	{
		"unknown field",
		lines("---", "title: T", "author: A", "byline: B", "---", "", "Text."),
		`article.md:4: unknown front matter field "byline" (want title, standfirst, author, publication or dateline)`,
	},
	{
		"field given twice",
		lines("---", "title: T", "author: A", "title: U", "---", "", "Text."),
		`article.md:4: front matter field "title" given twice`,
	},
	{
		"unclosed front matter",
		lines("---", "title: T", "", "Text."),
		"article.md:1: front matter opened with --- is never closed",
	},
	{
		"closing line with trailing text",
		lines("---", "title: T", "--- more", "", "Text."),
		"article.md:1: front matter opened with --- is never closed",
	},
	{
		"list instead of mapping",
		lines("---", "- title", "- author", "---", "Text."),
		"article.md:2: front matter must be a mapping of fields",
	},
	{
		"text instead of mapping",
		lines("---", "", "Just a line", "---", "Text."),
		"article.md:3: front matter must be a mapping of fields",
	},
	{
		"field is a flow list",
		lines("---", "title: T", "author: [A, B]", "---", "Text."),
		`article.md:3: front matter field "author" must be text`,
	},
	{
		"field is a block list",
		lines("---", "title: T", "author:", "  - A", "  - B", "---", "Text."),
		`article.md:4: front matter field "author" must be text`,
	},
	{
		"field is a mapping",
		lines("---", "title: T", "author: {name: A}", "---", "Text."),
		`article.md:3: front matter field "author" must be text`,
	},
	{
		"invalid UTF-8 in body",
		lines("---", "title: T", "---", "", "Good text.", "Bad \xff text."),
		"article.md:6: invalid UTF-8",
	},
	{
		"invalid UTF-8 in front matter",
		lines("---", "title: T", "author: \xc3", "---", "Text."),
		"article.md:3: invalid UTF-8",
	},
	{
		"invalid UTF-8 after BOM and CRLF",
		"\uFEFF---\r\ntitle: T\r\n---\r\n\r\nBad \xe2\x28 text.\r\n",
		"article.md:5: invalid UTF-8",
	},
	// YAML syntax errors name the article line of the problem; the front matter starts on line 2.
	{
		"yaml mapping value in a value",
		lines("---", "title: T", "author: A: B", "---", "Text."),
		"article.md:3: front matter: mapping values are not allowed in this context",
	},
	{
		"yaml list item after mapping",
		lines("---", "title: T", "author: A", "- item", "---", "Text."),
		"article.md:4: front matter: did not find expected key",
	},
	{
		"yaml unclosed flow list",
		lines("---", "title: T", "", "author: [A,", "", "B", "---", "Text."),
		"article.md:4: front matter: did not find expected ',' or ']'",
	},
	{
		"yaml bad flow list on first line",
		lines("---", "title: [a, b}", "---", "Text."),
		"article.md:2: front matter: did not find expected ',' or ']'",
	},
	{
		"yaml tab in indentation",
		lines("---", "title: >", " a", "\tb", "---", "Text."),
		"article.md:4: front matter: found a tab character where an indentation space is expected",
	},
	{
		"yaml unclosed quote",
		lines("---", "title: T", `author: "A`, "---", "Text."),
		"article.md:3: front matter: found unexpected end of stream",
	},
	{
		"yaml bad indentation",
		lines("---", "title: T", "author: A", "  dateline: D", "---", "Text."),
		"article.md:4: front matter: mapping values are not allowed in this context",
	},
	{
		"yaml unknown anchor",
		lines("---", "title: T", "author: *someone", "---", "Text."),
		"article.md:3: front matter: unknown anchor 'someone' referenced",
	},
	{
		"yaml error after BOM and CRLF",
		"\uFEFF---\r\ntitle: T\r\n\r\nauthor: A: B\r\n---\r\nText.\r\n",
		"article.md:4: front matter: mapping values are not allowed in this context",
	},
}

func TestBuildErrors(t *testing.T) {
	for _, tt := range buildErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Build("article.md", []byte(tt.article), testCast)
			if err == nil {
				t.Fatalf("Build(%q) = %+v, nil; want error %q", tt.article, doc.Meta, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("Build(%q) error = %q, want %q", tt.article, err, tt.want)
			}
		})
	}
}

func TestBuildErrorNamesFile(t *testing.T) {
	_, err := Build("story.md", []byte(lines("---", "titel: T", "---", "Text.")), testCast)
	if want := "story.md:2: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Build(story.md) error = %v, want it to start %q", err, want)
	}
}

var buildTests = []struct {
	name     string
	article  string
	meta     model.Meta
	contains []string // in the HTML
}{
	{
		"all fields",
		lines("---", "title: Rama in Israel", "standfirst: A visit", "author: A. Writer",
			"publication: Weekly", "dateline: TIRANA", "---", "", "Edi Rama visited Israel."),
		model.Meta{Title: "Rama in Israel", Standfirst: "A visit", Author: "A. Writer", Publication: "Weekly", Dateline: "TIRANA"},
		[]string{`data-entity="edi-rama"`, `data-entity="il"`},
	},
	{
		"no front matter",
		lines("# Albania", "", "Edi Rama spoke."),
		model.Meta{},
		[]string{"<h1", "Edi Rama</mark> spoke.", `data-entity="al"`},
	},
	{
		"empty front matter",
		lines("---", "---", "", "Edi Rama spoke."),
		model.Meta{},
		[]string{"Edi Rama</mark> spoke."},
	},
	{
		"front matter of comments",
		lines("---", "# nothing yet", "---", "Edi Rama spoke."),
		model.Meta{},
		[]string{"Edi Rama</mark> spoke."},
	},
	{
		"quoted and folded values",
		lines("---", `title: "Israel: a view"`, "standfirst: >", "  One line", "  and another", "---", "Text."),
		model.Meta{Title: "Israel: a view", Standfirst: "One line and another"},
		[]string{"<p"},
	},
	{
		"surrounding space trimmed wherever the field stands",
		lines("---", "standfirst: >", "  One line", "  and another", "", "title: '  Spaced  '", "author: |", "  A. Writer", "---", "Text."),
		model.Meta{Title: "Spaced", Standfirst: "One line and another", Author: "A. Writer"},
		[]string{"<p"},
	},
	{
		"later thematic break stays in the body",
		lines("---", "title: T", "---", "", "Albania first.", "", "---", "", "Israel after."),
		model.Meta{Title: "T"},
		[]string{"<hr", `data-entity="il"`},
	},
}

func TestBuild(t *testing.T) {
	for _, tt := range buildTests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Build("article.md", []byte(tt.article), testCast)
			if err != nil {
				t.Fatalf("Build(%q): %v", tt.article, err)
			}
			if doc.Meta != tt.meta {
				t.Errorf("Build(%q).Meta = %+v, want %+v", tt.article, doc.Meta, tt.meta)
			}
			if !strings.HasPrefix(doc.HTML, `<div id="article" `) || !strings.HasSuffix(doc.HTML, "</div>") {
				t.Errorf("Build(%q).HTML = %q, want one <div id=\"article\"> element", tt.article, doc.HTML)
			}
			for _, s := range tt.contains {
				if !strings.Contains(doc.HTML, s) {
					t.Errorf("Build(%q).HTML = %q, want it to contain %q", tt.article, doc.HTML, s)
				}
			}
			if strings.Contains(doc.HTML, "title:") {
				t.Errorf("Build(%q).HTML = %q shows the front matter", tt.article, doc.HTML)
			}
		})
	}
}

// TestBuildFrontMatterIsNotABlock checks that the front matter yields no block of its own: the
// first paragraph after it follows the head's two blocks, the title and the byline.
func TestBuildFrontMatterIsNotABlock(t *testing.T) {
	doc, err := Build("article.md", []byte(lines("---", "title: T", "author: A", "---", "", "Edi Rama spoke.")), testCast)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Mentions) != 1 || doc.Mentions[0].Paragraph != 2 {
		t.Errorf("Mentions = %+v, want one, in paragraph 2", doc.Mentions)
	}
}

func TestBuildBOMAndCRLF(t *testing.T) {
	lf := lines("---", "title: Rama and Israel", "author: A", "---", "", "Edi Rama visited",
		"Israel. Rama", "spoke.", "", "- Albania", "- Tirana")
	variants := []struct {
		name    string
		article string
	}{
		{"BOM", "\uFEFF" + lf},
		{"CRLF", strings.ReplaceAll(lf, "\n", "\r\n")},
		{"BOM and CRLF", "\uFEFF" + strings.ReplaceAll(lf, "\n", "\r\n")},
	}
	want, err := Build("article.md", []byte(lf), testCast)
	if err != nil {
		t.Fatalf("Build(LF): %v", err)
	}
	// Rama and Israel in the title; Edi Rama, Israel, Rama, Albania, Tirana in the body.
	if want.Meta.Title != "Rama and Israel" || len(want.Mentions) != 7 {
		t.Fatalf("Build(LF) = title %q, %d mentions; want %q, 7", want.Meta.Title, len(want.Mentions), "Rama and Israel")
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			got, err := Build("article.md", []byte(v.article), testCast)
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			if got.Meta != want.Meta {
				t.Errorf("Meta = %+v, want %+v", got.Meta, want.Meta)
			}
			if got.HTML != want.HTML {
				t.Errorf("HTML = %q, want %q", got.HTML, want.HTML)
			}
			if len(got.Mentions) != len(want.Mentions) || len(got.Sentences) != len(want.Sentences) {
				t.Errorf("%d mentions in %d sentences, want %d in %d", len(got.Mentions), len(got.Sentences), len(want.Mentions), len(want.Sentences))
			}
			if strings.ContainsAny(got.HTML, "\r\uFEFF") {
				t.Errorf("HTML = %q keeps a carriage return or BOM", got.HTML)
			}
		})
	}
}

func TestBuildOmitsRawHTML(t *testing.T) {
	tests := []struct {
		name, article string
	}{
		{"script block", lines("---", "title: T", "---", "", "<script>alert(1)</script>", "", "Edi Rama spoke.")},
		{"inline script", lines("Edi Rama <script>alert(1)</script> spoke.")},
		{"event handler", lines(`<img src="x" onerror="alert(1)">`, "", "Israel.")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Build("article.md", []byte(tt.article), testCast)
			if err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"<script", "onerror", "<img"} {
				if strings.Contains(doc.HTML, bad) {
					t.Errorf("Build(%q).HTML = %q, contains %q", tt.article, doc.HTML, bad)
				}
			}
			if !strings.Contains(doc.HTML, "<mark") {
				t.Errorf("Build(%q).HTML = %q, lost the text around the raw HTML", tt.article, doc.HTML)
			}
		})
	}
}
