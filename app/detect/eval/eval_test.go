package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
)

// Detection on each article with a hand-written catalogue stays above floors set below what it
// reaches today (docs/benchmarks.md has the figures): a change that loses much fails here before the
// bench shows it.
func TestCastFloors(t *testing.T) {
	dirs, err := filepath.Glob("../testdata/articles/*")
	if err != nil || len(dirs) < 4 {
		t.Fatalf("%d articles with catalogues (%v), want 4 or more", len(dirs), err)
	}
	for _, d := range append(dirs, "../../../content") {
		article, err := os.ReadFile(filepath.Join(d, "article.md"))
		if err != nil {
			t.Fatal(err)
		}
		gold, err := catalog.Load(os.DirFS(d), "entities.yaml")
		if err != nil {
			t.Fatal(err)
		}
		c, err := ScoreCast("article.md", article, gold)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: found %.2f, mentions recall %.2f, precision %.2f", filepath.Base(d), c.Entities.Recall(), c.Mentions.Recall(), c.Mentions.Precision())
		if c.Entities.Recall() < 0.85 || c.Mentions.Recall() < 0.7 || c.Mentions.Precision() < 0.65 {
			t.Errorf("%s: found %.2f, recall %.2f, precision %.2f; floors 0.85, 0.70, 0.65\nfalse: %v\nmissed: %v",
				filepath.Base(d), c.Entities.Recall(), c.Mentions.Recall(), c.Mentions.Precision(), c.False, c.Missed)
		}
	}
}

// Compare counts exact spans of the right type only.
func TestCompare(t *testing.T) {
	gold := []Span{{0, 5, "PER"}, {10, 15, "LOC"}, {20, 25, "ORG"}}
	pred := []Span{{0, 5, "PER"}, {10, 14, "LOC"}, {20, 25, "LOC"}, {0, 5, "PER"}}
	got := Compare(gold, pred)
	if got["PER"] != (Score{TP: 1}) || got["LOC"] != (Score{FP: 2, FN: 1}) || got["ORG"] != (Score{FN: 1}) {
		t.Errorf("Compare = %+v", got)
	}
}
