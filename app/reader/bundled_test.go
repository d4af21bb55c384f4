package reader

import (
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
		for _, n := range a.Density(e.ID, 24) {
			sum += n
		}
		if sum != idx.Count(e.ID) {
			t.Errorf("%s: the density strip holds %d mentions, want %d", e.ID, sum, idx.Count(e.ID))
		}
	}
	rel := a.Related("edi-rama", 5)
	if len(rel) == 0 {
		t.Fatalf("Related(edi-rama) is empty")
	}
	for i := 1; i < len(rel); i++ {
		if rel[i].Shared > rel[i-1].Shared {
			t.Errorf("Related(edi-rama)[%d] shares %d paragraphs, more than the one before it (%d)", i, rel[i].Shared, rel[i-1].Shared)
		}
	}
}
