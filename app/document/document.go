// Package document turns a content directory (an article in Markdown with front matter, and its cast
// catalogue) into a model.Document: the article's metadata, its body as annotated HTML, and every
// mention. It runs on the server, at build time and in tests; the browser only decodes the result.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/annotate"
	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// Load reads content.ArticleFile and content.CatalogueFile from fsys and builds their Document.
// Without a catalogue, the cast is detected (see Detect), every entry marked auto.
func Load(fsys fs.FS) (*model.Document, error) {
	entities, err := catalog.Load(fsys, content.CatalogueFile)
	noCatalogue := errors.Is(err, fs.ErrNotExist)
	if err != nil && !noCatalogue {
		return nil, err
	}
	article, err := fs.ReadFile(fsys, content.ArticleFile)
	if err != nil {
		return nil, err
	}
	if noCatalogue {
		if entities, err = Detect(content.ArticleFile, article); err != nil {
			return nil, err
		}
	}
	return Build(content.ArticleFile, article, entities)
}

// Detect proposes the cast of an article (named file in errors) with package detect, from its head
// and its body; the article is checked as Build checks it.
func Detect(file string, article []byte) ([]model.Entity, error) {
	meta, body, err := Prepare(file, article)
	if err != nil {
		return nil, err
	}
	return detect.Detect(meta, body), nil
}

// MaxArticleSize is the largest article, in bytes, that Prepare accepts. It is a hundred times a long
// feature, and keeps a mistaken file (a whole book, a log) from exhausting the server and the reader's
// browser.
const MaxArticleSize = 10 << 20

// Build parses article (named file in errors) and annotates it with the given cast: its head (the
// front matter's publication, title, standfirst, author and dateline, in a <header> at the top of
// #article) and its body alike, the head's blocks and mentions first.
func Build(file string, article []byte, entities []model.Entity) (*model.Document, error) {
	doc, _, _, err := build(file, article, entities)
	return doc, err
}

// build is Build, also returning where each of the body's mentions lies in the prepared body (see
// Prepare), in reading order, and the length of the front matter (see prepare).
func build(file string, article []byte, entities []model.Entity) (*model.Document, []text.Segment, int, error) {
	meta, body, front, err := prepare(file, article)
	if err != nil {
		return nil, nil, 0, err
	}
	md := NewMarkdown(annotate.New(entities))
	hd, err := renderHead(file, md, meta)
	if err != nil {
		return nil, nil, 0, err
	}
	pc := parser.NewContext()
	annotate.SetFirstBlock(pc, hd.blocks)
	root := md.Parser().Parse(text.NewReader(body), parser.WithContext(pc))
	var buf bytes.Buffer
	buf.WriteString(`<div id="article" class="article-body">`)
	buf.WriteString(hd.html)
	if err := md.Renderer().Render(&buf, body, root); err != nil {
		return nil, nil, 0, fmt.Errorf("%s: %w", file, err)
	}
	buf.WriteString(`</div>`)
	res := annotate.Get(pc)
	for i := range res.Mentions {
		res.Mentions[i].Sentence += len(hd.sentences)
	}
	return &model.Document{
		Meta:      meta,
		HTML:      buf.String(),
		Entities:  entities,
		Mentions:  append(hd.mentions, res.Mentions...),
		Sentences: append(hd.sentences, res.Sentences...),
	}, annotate.Spans(root.(*ast.Document)), front, nil
}

// Prepare checks article (named file in errors) and splits it into its front matter and its Markdown
// body. It drops a byte order mark and turns CRLF and CR line ends into LF; it rejects an article
// larger than MaxArticleSize, invalid UTF-8, a broken front matter and an article with no text, each
// with the line of the problem. The body keeps the article's line numbers: the front matter's lines
// are blanked.
func Prepare(file string, article []byte) (model.Meta, []byte, error) {
	meta, body, _, err := prepare(file, article)
	return meta, body, err
}

// prepare is Prepare, also returning the length of the front matter in the article as normalised
// (byte order mark dropped, LF line ends), for Locate.
func prepare(file string, article []byte) (model.Meta, []byte, int, error) {
	if len(article) > MaxArticleSize {
		line := bytes.Count(article[:MaxArticleSize], []byte("\n")) + 1
		return model.Meta{}, nil, 0, fmt.Errorf("%s:%d: the article is %s; an article may have at most %s",
			file, line, size(len(article)), size(MaxArticleSize))
	}
	article = bytes.TrimPrefix(article, []byte("\uFEFF"))
	if !utf8.Valid(article) {
		return model.Meta{}, nil, 0, fmt.Errorf("%s:%d: invalid UTF-8", file, invalidLine(article))
	}
	article = bytes.ReplaceAll(bytes.ReplaceAll(article, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	meta, body, front, err := splitFrontMatter(file, article)
	if err != nil {
		return meta, nil, 0, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		if len(bytes.TrimSpace(article)) == 0 {
			return meta, nil, 0, fmt.Errorf("%s:1: the article is empty", file)
		}
		last := bytes.Count(bytes.TrimRight(article, " \t\n"), []byte("\n")) + 1 // the closing "---"
		return meta, nil, 0, fmt.Errorf("%s:%d: the article is empty: it has front matter but no text after it", file, last)
	}
	return meta, body, front, nil
}

// size formats a number of bytes in megabytes for messages.
func size(n int) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
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
