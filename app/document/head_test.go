package document

import (
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/model"
)

// headCast is a cast whose names occur in a head.
var headCast = []model.Entity{
	{ID: "al", Name: "Albania", Kind: model.Country, Places: []string{"Tirana"}},
	{ID: "us", Name: "United States", Kind: model.Country, Aliases: []string{"U.S."}},
	{ID: "ir", Name: "Iran", Kind: model.Country, Places: []string{"Tehran"}},
	{ID: "fp", Name: "Foreign Policy", Kind: model.Organisation},
	{ID: "hk", Name: "Harun Karcic", Kind: model.Person},
}

func TestHeadIsAnnotated(t *testing.T) {
	article := lines("---", "title: Albania teams up with U.S. against Iran",
		"standfirst: Tirana stands by the U.S.", "author: Harun Karcic", "publication: Foreign Policy",
		"dateline: TEHRAN", "---", "", "Albania and Iran.")
	doc, err := Build("article.md", []byte(article), headCast)
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		e    string
		p, s int
	}
	want := []got{
		{"fp", 0, 0},                             // the kicker
		{"al", 1, 1}, {"us", 1, 1}, {"ir", 1, 1}, // the title
		{"al", 2, 2}, {"us", 2, 2}, // the standfirst: Tirana, U.S.
		{"hk", 3, 3},               // the byline
		{"ir", 4, 4},               // the dateline
		{"al", 5, 5}, {"ir", 5, 5}, // the body
	}
	var have []got
	for _, m := range doc.Mentions {
		have = append(have, got{m.Entity, m.Paragraph, m.Sentence})
	}
	if len(have) != len(want) {
		t.Fatalf("mentions = %+v, want %+v", have, want)
	}
	for i := range want {
		if have[i] != want[i] {
			t.Errorf("mention %d = %+v, want %+v", i, have[i], want[i])
		}
	}
	if got := doc.Sentences[doc.Mentions[7].Sentence]; got != "Tehran" {
		t.Errorf("the dateline's sentence = %q, want %q", got, "Tehran")
	}
	for _, s := range []string{
		`<div id="article" class="article-body"><header class="story-head"><p class="kicker" data-p="0"><mark class="mention e-fp"`,
		`<h1 data-p="1"><mark class="mention e-al" data-entity="al" data-form="name">Albania</mark> teams up with`,
		`<p class="byline" data-p="3">By <mark class="mention e-hk"`,
		`<p class="dateline" data-p="4"><mark class="mention e-ir" data-entity="ir" data-form="place">Tehran</mark></p>`,
		`</header><p data-p="5">`,
	} {
		if !strings.Contains(doc.HTML, s) {
			t.Errorf("HTML lacks %q:\n%s", s, doc.HTML)
		}
	}
	if got, want := strings.Count(doc.HTML, "<mark "), len(doc.Mentions); got != want {
		t.Errorf("the HTML has %d marks, want %d", got, want)
	}
}

func TestHeadIsPlainText(t *testing.T) {
	article := lines("---", `title: "1. *Not* [a link](x) <b>or</b> # &amp; list"`, "---", "", "Body.")
	doc, err := Build("article.md", []byte(article), headCast)
	if err != nil {
		t.Fatal(err)
	}
	want := `<h1 data-p="0">1. *Not* [a link](x) &lt;b&gt;or&lt;/b&gt; # &amp;amp; list</h1>`
	if !strings.Contains(doc.HTML, want) {
		t.Errorf("HTML = %s\nwant it to contain %s", doc.HTML, want)
	}
}

func TestDatelineCase(t *testing.T) {
	for in, want := range map[string]string{
		"TEHRAN":           "Tehran",
		"WASHINGTON, D.C.": "Washington, D.C.",
		"TEL AVIV":         "Tel Aviv",
		"O'HARE":           "O'Hare",
		"Tirana":           "Tirana",
		"2022":             "2022",
	} {
		if got := datelineCase(in); got != want {
			t.Errorf("datelineCase(%q) = %q, want %q", in, got, want)
		}
	}
}
