package lint

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

var cast = []model.Entity{
	{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}},
	{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}},
	{ID: "us", Name: "United States", Kind: model.Country, Aliases: []string{"U.S."}},
	{ID: "mek", Name: "MEK", Kind: model.Organisation},
}

func TestUncovered(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the names reported, in order
	}{
		{"name mid-sentence", "The minister met Gaby Portnoy in Albania.", []string{"Gaby Portnoy"}},
		{"covered names", "Edi Rama met the U.S. envoy in Albania. Albanians cheered.", nil},
		{"particles inside a name", "He saw the film Wag the Dog and the Ministry of Intelligence replied.", []string{"Wag the Dog", "Ministry of Intelligence"}},
		{"particles not at the ends", "the Dog of the year", []string{"Dog"}},
		{"and joins no name", "the Nazi and Western states", []string{"Nazi", "Western"}},
		{"common first word of a sentence", "The Hague ruled. But the court sat. In the end it left.", []string{"Hague"}},
		{"lone first word, also in lower case", "Late last month it came. It was late.", nil},
		{"lone first word never capitalised elsewhere", "Currently, the deal holds. Meanwhile it waits.", nil},
		{"lone first word capitalised elsewhere", "Kosovo agreed. Then Kosovo left.", []string{"Kosovo"}},
		{"multi-word name opening a sentence", "Elbit Systems opened a school.", []string{"Elbit Systems"}},
		{"title before a mention", "Prime Minister Edi Rama and Knesset Speaker Rama met.", nil},
		{"title before a mention across a line", "then-Prime Minister Edi\nRama spoke", nil},
		{"title after a comma is no title", "the Speaker, Edi Rama, spoke", []string{"Speaker"}},
		{"mention after a break", "the Foreign Ministry. Edi Rama spoke", []string{"Foreign Ministry"}},
		{"lower-case prefix", "non-Arab Muslim states and pro-Western ones", []string{"Arab", "Muslim", "Western"}},
		{"capital hyphenated name", "the Austro-Hungarian empire", []string{"Austro-Hungarian"}},
		{"possessive", "the group’s leader Maryam Rajavi’s trip and Rajavi's plan", []string{"Maryam Rajavi", "Rajavi"}},
		{"quotation opens a sentence", "he said, “Why not?” and “Foreign Terrorist\nOrganization”", []string{"Foreign Terrorist Organization"}},
		{"after a colon", "the line: Why not? Because.", nil},
		{"months and days", "in July and on a Monday in September", nil},
		{"one letter", "as I said, plan B", nil},
		{"each name once", "Nazi here, Nazi there", []string{"Nazi"}},
		{"code, autolinks and images hold no names", "the `Nazi Party` <https://Example.com> ![Nazi](x.png)", nil},
		{"text between raw HTML tags is text", "the <b>Western</b> view after `code` Nazi", []string{"Western", "Nazi"}},
		{"link text holds names", "see [Western Balkans](https://example.com)", []string{"Western Balkans"}},
		{"emphasis holds names", "the *Western* view", []string{"Western"}},
		{"heading opens a sentence", "# Why Albania\n\nthe Arab view", []string{"Arab"}},
		{"list items open sentences", "- Currently\n- Nazi\n\nthe Nazi", []string{"Nazi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, w := range Uncovered("article.md", []byte(tt.in), cast) {
				name, _, ok := strings.Cut(strings.TrimPrefix(w.Msg, `"`), `" is capitalised but no entry covers it`)
				if !ok {
					t.Fatalf("warning %q", w)
				}
				got = append(got, name)
			}
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Uncovered(%q) reports %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUncoveredLines(t *testing.T) {
	article := "---\ntitle: Nazi\n---\n\nThe Western\nview.\n\n> and the Arab\n> one\n"
	_, body, err := document.Prepare("article.md", []byte(article))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Uncovered("dir/article.md", body, cast) {
		got = append(got, w.String())
	}
	want := []string{
		`dir/article.md:5: "Western" is capitalised but no entry covers it`,
		`dir/article.md:8: "Arab" is capitalised but no entry covers it`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Uncovered = %q, want %q", got, want)
	}
}

func TestUnused(t *testing.T) {
	mentions := []model.Mention{{Entity: "al"}, {Entity: "edi-rama"}, {Entity: "al"}}
	lines := map[string]int{"edi-rama": 1, "al": 5, "us": 9}
	var got []string
	for _, w := range Unused("entities.yaml", cast, lines, mentions, nil) {
		got = append(got, w.String())
	}
	want := []string{
		"entities.yaml:9: us never occurs in the article",
		"entities.yaml:1: mek never occurs in the article",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Unused = %q, want %q", got, want)
	}
}

func TestSort(t *testing.T) {
	ws := []Warning{{"b", 2, "x"}, {"a", 9, "y"}, {"b", 1, "z"}, {"a", 9, "w"}}
	Sort(ws)
	want := []Warning{{"a", 9, "y"}, {"a", 9, "w"}, {"b", 1, "z"}, {"b", 2, "x"}}
	if !reflect.DeepEqual(ws, want) {
		t.Errorf("Sort = %v, want %v", ws, want)
	}
}

// TestBundledArticle checks that the bundled content gives a short list a publisher can act on: no
// entry goes unused, and the only capitalised names without an entry are these.
func TestBundledArticle(t *testing.T) {
	doc, err := document.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	_, lines, err := catalog.LoadWithLines(content.FS, content.CatalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	if ws := Unused(content.CatalogueFile, doc.Entities, lines, doc.Mentions, nil); len(ws) > 0 {
		t.Errorf("unused entries in the bundled catalogue: %v", ws)
	}
	article, err := content.FS.ReadFile(content.ArticleFile)
	if err != nil {
		t.Fatal(err)
	}
	_, body, err := document.Prepare(content.ArticleFile, article)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range Uncovered(content.ArticleFile, body, doc.Entities) {
		got = append(got, w.String())
	}
	want := []string{
		`article.md:40: "Foreign Terrorist Organization" is capitalised but no entry covers it`,
		`article.md:77: "Wag the Dog" is capitalised but no entry covers it`,
		`article.md:78: "Western" is capitalised but no entry covers it`,
		`article.md:83: "Uyghurs" is capitalised but no entry covers it`,
		`article.md:90: "Nazi" is capitalised but no entry covers it`,
		`article.md:128: "Arab" is capitalised but no entry covers it`,
		`article.md:129: "Muslim" is capitalised but no entry covers it`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Uncovered(bundled article) =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A name that the article holds only in another case gets a hint in its warning.
func TestUnusedOtherCase(t *testing.T) {
	cast := []model.Entity{
		{ID: "paul-keating", Name: "Paul Keating", Kind: model.Person},
		{ID: "al", Name: "Albania", Kind: model.Country},
	}
	body := []byte("Former prime minister paul\nkeating spoke; Albanians listened.\n")
	ws := Unused("entities.yaml", cast, map[string]int{"paul-keating": 2, "al": 5}, nil, body)
	if len(ws) != 2 {
		t.Fatalf("%d warnings, want 2: %v", len(ws), ws)
	}
	if want := `entities.yaml:2: paul-keating never occurs in the article; it has "paul keating", in another case (names match case-sensitively)`; ws[0].String() != want {
		t.Errorf("got  %s\nwant %s", ws[0], want)
	}
	if strings.Contains(ws[1].Msg, "another case") {
		t.Errorf("Albania's warning hints at %q, which is no whole word of the article", ws[1].Msg)
	}
}
