package reader

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// TestBundledArticle checks the reader on the bundled article: its body's marks are its mentions, so
// positions come from the text, and every entity's mentions add up.
func TestBundledArticle(t *testing.T) {
	doc, err := document.Load(content.FS)
	if err != nil {
		t.Fatalf("document.Load(content.FS): %v", err)
	}
	idx := model.NewIndex(doc)
	a := New(doc, idx)
	if marks, _ := markOffsets(doc.HTML); len(marks) != len(doc.Mentions) {
		t.Fatalf("the body has %d marks, the document %d mentions", len(marks), len(doc.Mentions))
	}
	for i := 1; i < len(doc.Mentions); i++ {
		if a.Position(i) <= a.Position(i-1) {
			t.Errorf("Position(%d) = %v is not after Position(%d) = %v", i, a.Position(i), i-1, a.Position(i-1))
		}
	}
	for _, e := range doc.Entities {
		if got, want := len(a.Mentions(e.ID, false)), idx.Count(e.ID); got != want {
			t.Errorf("%s: %d mentions, the index counts %d", e.ID, got, want)
		}
		sum := 0
		for _, n := range a.Density(e.ID, 24, false) {
			sum += n
		}
		if sum != idx.Count(e.ID) {
			t.Errorf("%s: the density strip holds %d mentions, want %d", e.ID, sum, idx.Count(e.ID))
		}
	}
	rel := a.Related("edi-rama", 5, false)
	if len(rel) == 0 {
		t.Fatalf("Related(edi-rama) is empty")
	}
	for i := 1; i < len(rel); i++ {
		if rel[i].Shared > rel[i-1].Shared {
			t.Errorf("Related(edi-rama)[%d] shares %d paragraphs, more than the one before it (%d)", i, rel[i].Shared, rel[i-1].Shared)
		}
	}
}

// TestBundledHead checks that the head's mentions count with the body's: the headline's Albania,
// Israel, U.S. and Iran, the standfirst's U.S. and Tirana, the byline's Harun Karcic, the kicker's
// Foreign Policy and the dateline's Tehran, and that the first mention and the panel's order
// follow from them.
func TestBundledHead(t *testing.T) {
	doc, err := document.Load(content.FS)
	if err != nil {
		t.Fatal(err)
	}
	idx := model.NewIndex(doc)
	head, _, ok := strings.Cut(doc.HTML, "</header>")
	if !ok {
		t.Fatalf("the article has no head: %.200s", doc.HTML)
	}
	inHead := map[string]int{}
	for _, m := range regexp.MustCompile(`data-entity="([^"]+)"`).FindAllStringSubmatch(head, -1) {
		inHead[m[1]]++
	}
	want := map[string]int{"al": 2, "il": 1, "us": 2, "ir": 2, "harun-karcic": 1, "foreign-policy": 1}
	if !maps.Equal(inHead, want) {
		t.Errorf("the head's marks = %v, want %v", inHead, want)
	}
	for _, e := range doc.Entities {
		all := strings.Count(doc.HTML, `data-entity="`+e.ID+`"`)
		if idx.Count(e.ID) != all {
			t.Errorf("%s: the panel counts %d mentions, the article has %d marks", e.ID, idx.Count(e.ID), all)
		}
	}
	if got, want := doc.FirstContext(idx, "al"), "Albania teams up with Israel and U.S. against Iran"; got != want {
		t.Errorf("Albania's first mention stands in %q, want the headline %q", got, want)
	}
	if got, want := doc.FirstContext(idx, "ir"), "Albania teams up with Israel and U.S. against Iran"; got != want {
		t.Errorf("Iran's first mention stands in %q, want the headline %q", got, want)
	}
	// The countries most mentioned lead their group: Albania and Israel before the United States
	// and Iran, each counting the body's mentions (36, 36, 25, 18) and the head's.
	var order []string
	for _, g := range doc.Groups(idx) {
		if g.Kind == model.Country {
			for _, e := range g.Entities[:4] {
				order = append(order, fmt.Sprintf("%s %d", e.ID, idx.Count(e.ID)))
			}
		}
	}
	if got, want := strings.Join(order, ", "), "al 38, il 37, us 27, ir 20"; got != want {
		t.Errorf("the first countries of the panel = %s, want %s", got, want)
	}
	// "Iranian Foreign Ministry spokesperson": the ministry is one mention, not the demonym alone.
	ministry := regexp.MustCompile(`<mark[^>]*data-entity="foreign-ministry-of-iran"[^>]*>Iranian\s+Foreign\s+Ministry</mark>\s+spokesperson`)
	if !ministry.MatchString(doc.HTML) {
		t.Error(`"Iranian Foreign Ministry spokesperson" does not mark the ministry as one mention`)
	}
}
