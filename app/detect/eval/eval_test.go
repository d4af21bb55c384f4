package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
)

func TestShowScores(t *testing.T) {
	dirs, _ := filepath.Glob("../testdata/articles/*")
	dirs = append(dirs, "../../../content")
	for _, d := range dirs {
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
		fmt.Printf("%-20s entities %.2f (%+v) mentions R %.2f P %.2f (%+v)\n", filepath.Base(d), c.Entities.Recall(), c.Entities, c.Mentions.Recall(), c.Mentions.Precision(), c.Mentions)
	}
	if dir := os.Getenv("CONLL_DEV"); dir != "" {
		r, err := ScoreCoNLL(dir, Predict)
		if err != nil {
			t.Fatal(err)
		}
		for _, ty := range []string{"PER", "LOC", "ORG", "MISC"} {
			fmt.Printf("%s P %.3f R %.3f F1 %.3f\n", ty, r.Types[ty].Precision(), r.Types[ty].Recall(), r.Types[ty].F1())
		}
		fmt.Printf("micro F1 %.3f over %d docs\n", r.Micro.F1(), r.Docs)
	}
}
