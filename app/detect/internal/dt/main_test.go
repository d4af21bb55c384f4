package dt

import (
	"fmt"
	"os"
	"testing"

	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/document"
	"strings"
)

func TestShow(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("ART"))
	meta, body, err := document.Prepare("a", src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range detect.Detect(meta, body) {
		fmt.Printf("%-13s %-28s %q al=%q dem=%q pl=%q role=%q c=%s\n", e.Kind, e.ID, e.Name, e.Aliases, e.Demonyms, e.Places, e.Role, e.Country)
	}
}

func TestSpans(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("ART"))
	_, body, _ := document.Prepare("a", src)
	blocks := detect.Blocks(body)
	sents, _ := detect.Sentences(blocks)
	found := ner.Default().TagDoc(sents)
	for i, s := range sents {
		var out []string
		for _, sp := range found[i] {
			var w []string
			for _, t := range s.Tokens[sp.Start:sp.End] {
				w = append(w, t.Text)
			}
			out = append(out, ner.Types[sp.Type]+":"+strings.Join(w, " "))
		}
		fmt.Println(i, out)
	}
}
