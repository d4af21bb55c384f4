package annotate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"

	"github.com/dramatis/dramatis/app/catalog"
)

var update = flag.Bool("update", false, "rewrite the golden .html files from the current output")

// TestGolden renders each testdata/golden/*.md with the cast in testdata/golden/entities.yaml and
// compares the HTML with the .html file beside it. Run with -update to rewrite them, and review the diff.
func TestGolden(t *testing.T) {
	cast, err := catalog.Load(os.DirFS("testdata/golden"), "entities.yaml")
	if err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(New(cast)))
	files, _ := filepath.Glob("testdata/golden/*.md")
	if len(files) == 0 {
		t.Fatal("no golden cases in testdata/golden")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := md.Convert(src, &got); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".md") + ".html"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("%s: output differs from %s\ngot:\n%s\nwant:\n%s", file, golden, got.String(), want)
			}
		})
	}
}
