package detect

import (
	"bytes"
	"os"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/model"
)

// BenchmarkDetect detects the bundled article's cast, against goldmark parsing the same text alone.
func BenchmarkDetect(b *testing.B) {
	src, err := os.ReadFile("../../content/article.md")
	if err != nil {
		b.Fatal(err)
	}
	_, body, _ := bytes.Cut(src[4:], []byte("\n---\n"))
	Detect(model.Meta{}, body) // the model, decoded once
	b.Run("parse", func(b *testing.B) {
		md := goldmark.New()
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			md.Parser().Parse(text.NewReader(body))
		}
	})
	b.Run("detect", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			Detect(model.Meta{}, body)
		}
	})
}
