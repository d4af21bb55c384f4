package document

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// smallCast is enough of a catalogue to see mentions.
var smallCast = []model.Entity{
	{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}},
	{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}, Country: "al"},
}

func TestPrepare(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		wantMeta model.Meta
		wantBody string
	}{
		{"front matter", "---\ntitle: T\n---\nAlbania\n", model.Meta{Title: "T"}, "\n\n\nAlbania\n"},
		{"no front matter", "Albania\n\nEdi Rama\n", model.Meta{}, "Albania\n\nEdi Rama\n"},
		{"byte order mark", "\ufeff---\ntitle: T\n---\nAlbania\n", model.Meta{Title: "T"}, "\n\n\nAlbania\n"},
		{"CRLF line ends", "---\r\ntitle: T\r\n---\r\nAlbania\r\nEdi Rama\r\n", model.Meta{Title: "T"}, "\n\n\nAlbania\nEdi Rama\n"},
		{"CR line ends", "---\rtitle: T\r---\rAlbania\r", model.Meta{Title: "T"}, "\n\n\nAlbania\n"},
		{"byte order mark, CRLF, no front matter", "\ufeffAlbania\r\n", model.Meta{}, "Albania\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			meta, body, err := Prepare("article.md", []byte(tt.in))
			if err != nil {
				t.Fatalf("Prepare(%q): %v", tt.in, err)
			}
			if meta != tt.wantMeta || string(body) != tt.wantBody {
				t.Errorf("Prepare(%q) = %+v, %q; want %+v, %q", tt.in, meta, body, tt.wantMeta, tt.wantBody)
			}
		})
	}
}

func TestPrepareErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty file", "", "article.md:1: the article is empty"},
		{"only white space", " \n\n\t\n", "article.md:1: the article is empty"},
		{"only a byte order mark", "\ufeff", "article.md:1: the article is empty"},
		{"only front matter", "---\ntitle: T\n---\n\n\n", "article.md:3: the article is empty: it has front matter but no text after it"},
		{"front matter never closed", "---\ntitle: T\nAlbania\n", "article.md:1: front matter opened with --- is never closed"},
		{"invalid UTF-8", "Albania\nEdi R\xe0ma\n", "article.md:2: invalid UTF-8"},
		{"front matter syntax", "---\ntitle: [T\n---\nAlbania\n", "article.md:2: front matter: did not find expected ',' or ']'"},
		{"unknown front matter field", "---\ntitel: T\n---\nAlbania\n", `article.md:2: unknown front matter field "titel" (want title, standfirst, author, publication or dateline)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Prepare("article.md", []byte(tt.in))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Prepare(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestPrepareTooLarge(t *testing.T) {
	line := strings.Repeat("Albania and Edi Rama. ", 4) + "\n" // 89 bytes
	n := MaxArticleSize/len(line) + 1
	article := bytes.Repeat([]byte(line), n)
	_, _, err := Prepare("article.md", article)
	want := fmt.Sprintf("article.md:%d: the article is 10.0 MB; an article may have at most 10.0 MB", n)
	if err == nil || err.Error() != want {
		t.Errorf("Prepare(%d bytes) error = %v, want %q", len(article), err, want)
	}
	if _, _, err := Prepare("article.md", article[:MaxArticleSize-MaxArticleSize%len(line)]); err != nil {
		t.Errorf("Prepare(an article just under MaxArticleSize): %v", err)
	}
}

// tagPattern matches an HTML start or end tag, and attrPattern one attribute in it.
var (
	tagPattern  = regexp.MustCompile(`<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*/?>`)
	attrPattern = regexp.MustCompile(`([^\s=>]+)(?:="([^"]*)")?`)
)

// allowedTags and allowedAttrs are what goldmark and the annotate extension may write.
var (
	allowedTags = []string{
		"div", "header", "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "pre", "code",
		"em", "strong", "a", "img", "br", "hr", "mark",
	}
	allowedAttrs = []string{"id", "class", "href", "title", "src", "alt", "start", "data-p", "data-entity", "data-form"}
)

// checkSafeHTML reports everything in s that could run script or load from elsewhere: a tag or an
// attribute that Markdown does not produce, a "<" that starts no tag, a URL with a dangerous scheme.
func checkSafeHTML(s string) []string {
	var problems []string
	rest := s
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		rest = rest[i:]
		if strings.HasPrefix(rest, "<!-- raw HTML omitted -->") {
			rest = rest[len("<!-- raw HTML omitted -->"):]
			continue
		}
		m := tagPattern.FindStringSubmatch(rest)
		if m == nil || !strings.HasPrefix(rest, m[0]) {
			problems = append(problems, fmt.Sprintf("a %q that starts no tag: %q", "<", clip(rest, 60)))
			rest = rest[1:]
			continue
		}
		rest = rest[len(m[0]):]
		if !slices.Contains(allowedTags, strings.ToLower(m[2])) {
			problems = append(problems, fmt.Sprintf("tag %q", m[0]))
		}
		for _, a := range attrPattern.FindAllStringSubmatch(m[3], -1) {
			name, value := strings.ToLower(a[1]), html.UnescapeString(a[2])
			if !slices.Contains(allowedAttrs, name) {
				problems = append(problems, fmt.Sprintf("attribute %q in %q", name, m[0]))
			}
			if (name == "href" || name == "src") && dangerousURL(value) {
				problems = append(problems, fmt.Sprintf("URL %q in %q", value, m[0]))
			}
		}
	}
	return problems
}

// schemePattern matches a URL scheme; anything else before a colon makes a relative URL.
var schemePattern = regexp.MustCompile(`^[a-z][a-z0-9+.-]*$`)

// dangerousURL reports whether a browser would run u as script or load it from another origin.
func dangerousURL(u string) bool {
	// Browsers drop leading C0 controls and spaces, and tabs and newlines anywhere.
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"+
		"\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(strings.ToLower(u))
	scheme, _, ok := strings.Cut(u, ":")
	if !ok || !schemePattern.MatchString(scheme) {
		return false // relative
	}
	switch scheme {
	case "http", "https", "mailto":
		return false
	}
	return true
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// loadHostile loads the hostile content directory the end-to-end tests also serve.
func loadHostile(t *testing.T) *model.Document {
	t.Helper()
	doc, err := Load(os.DirFS("../../testdata/hostile"))
	if err != nil {
		t.Fatalf("Load(testdata/hostile): %v", err)
	}
	return doc
}

func TestHostileArticleIsInert(t *testing.T) {
	doc := loadHostile(t)
	for _, p := range checkSafeHTML(doc.HTML) {
		t.Errorf("testdata/hostile renders %s", p)
	}
	for _, bad := range []string{"<script", "<iframe", "<svg", "<img src=\"x\""} {
		if strings.Contains(strings.ToLower(doc.HTML), bad) {
			t.Errorf("testdata/hostile renders %q", bad)
		}
	}
	// The code keeps its script as text.
	if !strings.Contains(doc.HTML, "<code>&lt;script&gt;alert(&quot;in code&quot;)&lt;/script&gt;</code>") {
		t.Errorf("the code span lost its text: %s", doc.HTML)
	}
	// A name with quotes is matched, and its quotes escaped.
	want := `<mark class="mention e-quote" data-entity="quote" data-form="name">Mr. &quot;Quote&quot;</mark>`
	if n := strings.Count(doc.HTML, want); n != 2 {
		t.Errorf("the article has %d %s, want 2", n, want)
	}
}

func TestHostileLinksNeutralised(t *testing.T) {
	tests := []struct{ in, want string }{
		{"[a](javascript:alert(1))", `<a href="">a</a>`},
		{"[a](JaVaScRiPt:alert(1))", `<a href="">a</a>`},
		{"[a](&#106;avascript:alert(1))", `<a href="">a</a>`},
		{"[a](vbscript:msgbox(1))", `<a href="">a</a>`},
		{"[a](file:///etc/passwd)", `<a href="">a</a>`},
		{"[a](data:text/html,<script>alert(1)</script>)", `<a href="">a</a>`},
		{"[a](data:image/svg+xml;base64,PHN2Zz4=)", `<a href="">a</a>`},
		{"[a](&#1;javascript:alert(1))", `<a href="%01javascript:alert(1)">a</a>`},
		{"[a](&#x0A;javascript:alert(1))", `<a href="%0Ajavascript:alert(1)">a</a>`},
		{"<javascript:alert(1)>", `<a href="">javascript:alert(1)</a>`},
		{"[a]\n\n[a]: javascript:alert(1)", `<a href="">a</a>`},
		{"![a](javascript:alert(1))", `<img src="" alt="a">`},
		{`[a](/x "t\" onmouseover=alert(1)")`, `<a href="/x" title="t&quot; onmouseover=alert(1)">a</a>`},
		{"a <img src=x onerror=alert(1)> b", `a <!-- raw HTML omitted --> b`},
		{"<script>alert(1)</script>", `<!-- raw HTML omitted -->`},
		{"<iframe src=\"javascript:alert(1)\"></iframe>", `<!-- raw HTML omitted -->`},
		{"[Albania](javascript:alert(1))", `<a href=""><mark class="mention e-al" data-entity="al" data-form="name">Albania</mark></a>`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			doc, err := Build("article.md", []byte(tt.in), smallCast)
			if err != nil {
				t.Fatalf("Build(%q): %v", tt.in, err)
			}
			if !strings.Contains(doc.HTML, tt.want) {
				t.Errorf("Build(%q).HTML = %q, want it to contain %q", tt.in, doc.HTML, tt.want)
			}
			for _, p := range checkSafeHTML(doc.HTML) {
				t.Errorf("Build(%q) renders %s", tt.in, p)
			}
		})
	}
}

// TestHostileDataIsEscapedInJSON checks what the page relies on when it embeds the Document's JSON in
// a <script type="application/json">: no catalogue string can close that element or open another.
func TestHostileDataIsEscapedInJSON(t *testing.T) {
	doc := loadHostile(t)
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if i := bytes.IndexAny(data, "<>"); i >= 0 {
		t.Errorf("the Document's JSON holds %q at %d: %s", data[i], i, clip(string(data[max(0, i-40):]), 100))
	}
	var back model.Document
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if got := back.Entities[0].Role; got != "<script>window.__pwned=1;alert(1)</script> kingdom" {
		t.Errorf("the role came back from JSON as %q", got)
	}
}

// TestHostileIDRejected checks that an id cannot carry markup or CSS into the page: ids are slugs,
// used unescaped in CSS selectors and attribute values.
func TestHostileIDRejected(t *testing.T) {
	for _, id := range []string{`x"]{}`, `x"><script>alert(1)</script>`, `x]{background:url(//evil)}`, `x\`} {
		src := "- id: '" + strings.ReplaceAll(id, "'", "''") + "'\n  name: X\n  kind: place\n"
		if _, err := catalog.Parse("entities.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "is not a lowercase slug") {
			t.Errorf("catalog.Parse with id %q: error %v, want the id rejected", id, err)
		}
	}
}

// TestBundledArticleRepeated annotates the bundled article repeated a hundred times, about 1 MB with
// some 25,000 mentions, and checks that every copy yields the same mentions.
func TestBundledArticleRepeated(t *testing.T) {
	const copies = 100
	cast, err := Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	article, err := content.FS.ReadFile(content.ArticleFile)
	if err != nil {
		t.Fatal(err)
	}
	_, body, err := Prepare(content.ArticleFile, article)
	if err != nil {
		t.Fatal(err)
	}
	body = bytes.TrimLeft(body, "\n")
	// One copy of the body, without the front matter's head, which the repeated article has once.
	one, err := Build(content.ArticleFile, body, cast.Entities)
	if err != nil {
		t.Fatal(err)
	}
	big := bytes.Repeat(append(body, '\n'), copies)
	if len(big) < 900_000 {
		t.Fatalf("the repeated article is %d bytes, want about 1 MB", len(big))
	}
	doc, err := Build(content.ArticleFile, big, one.Entities)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(doc.Mentions), copies*len(one.Mentions); got != want {
		t.Fatalf("%d copies of the article have %d mentions, want %d", copies, got, want)
	}
	if len(doc.Mentions) < 20_000 {
		t.Errorf("the repeated article has only %d mentions", len(doc.Mentions))
	}
	blocks := strings.Count(one.HTML, ` data-p="`) // top-level blocks of one copy
	for i, m := range doc.Mentions {
		o := one.Mentions[i%len(one.Mentions)]
		if m.Entity != o.Entity || m.Text != o.Text || m.Form != o.Form {
			t.Fatalf("mention %d = %+v, want it like mention %d of one copy, %+v", i, m, i%len(one.Mentions), o)
		}
		if want := o.Paragraph + i/len(one.Mentions)*blocks; m.Paragraph != want {
			t.Fatalf("mention %d is in block %d, want %d", i, m.Paragraph, want)
		}
		if doc.Sentences[m.Sentence] != one.Sentences[o.Sentence] {
			t.Fatalf("mention %d stands in %q, want %q", i, doc.Sentences[m.Sentence], one.Sentences[o.Sentence])
		}
	}
	if got, want := strings.Count(doc.HTML, "<mark "), len(doc.Mentions); got != want {
		t.Errorf("the HTML has %d marks, want %d", got, want)
	}
}
