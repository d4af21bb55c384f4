// Package document turns a content directory (an article in Markdown with front matter, and its cast
// catalogue) into a model.Document: the article's metadata, its body as annotated HTML, and every
// mention. It runs on the server, at build time and in tests; the browser only decodes the result.
package document

import (
	"bytes"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/annotate"
	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// Load reads content.ArticleFile and content.CatalogueFile from fsys and builds their Document.
func Load(fsys fs.FS) (*model.Document, error) {
	entities, err := catalog.Load(fsys, content.CatalogueFile)
	if err != nil {
		return nil, err
	}
	article, err := fs.ReadFile(fsys, content.ArticleFile)
	if err != nil {
		return nil, err
	}
	return Build(content.ArticleFile, article, entities)
}

// Build parses article (named file in errors) and annotates it with the given cast.
func Build(file string, article []byte, entities []model.Entity) (*model.Document, error) {
	article = bytes.TrimPrefix(article, []byte("\uFEFF"))
	if !utf8.Valid(article) {
		return nil, fmt.Errorf("%s:%d: invalid UTF-8", file, invalidLine(article))
	}
	article = bytes.ReplaceAll(article, []byte("\r\n"), []byte("\n"))
	meta, body, err := splitFrontMatter(file, article)
	if err != nil {
		return nil, err
	}
	md := NewMarkdown(annotate.New(entities))
	pc := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.WriteString(`<div id="article" class="article-body">`)
	if err := md.Renderer().Render(&buf, body, root); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	buf.WriteString(`</div>`)
	res := annotate.Get(pc)
	return &model.Document{
		Meta:      meta,
		HTML:      buf.String(),
		Entities:  entities,
		Mentions:  res.Mentions,
		Sentences: res.Sentences,
	}, nil
}

// NewMarkdown returns the Markdown converter Dramatis uses, with the given extensions added. Raw HTML
// in the article is omitted, as goldmark does by default.
func NewMarkdown(extensions ...goldmark.Extender) goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extensions...))
}

func invalidLine(b []byte) int {
	line := 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		b = b[size:]
	}
	return line
}
