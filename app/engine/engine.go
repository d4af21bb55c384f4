// Package engine opens an article that a reader brings to the browser and keeps its cast as the reader
// curates it. Open checks the file and detects the cast; Apply carries out one edit (rename, change
// of kind, merge, split, hide, add), Undo and Redo step through them, Render builds the annotated
// Document and its pictures from the article and its cast, and Export writes the cast as a catalogue
// and the article as Markdown, for dramatis build.
//
// It is pure Go, used by the engine program that runs in the browser's Web Worker (see
// app/engine/worker) and by its tests. Each Article is a value that the worker keeps in the browser's
// storage between calls: the engine holds no state of its own.
package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture"
)

// MaxSize is the largest article, in bytes, that Open accepts: document.MaxArticleSize.
const MaxSize = document.MaxArticleSize

// maxHistory is the number of edits that Undo can take back.
const maxHistory = 200

// Article is an opened article with its curated cast and the history of the reader's edits.
type Article struct {
	ID     string    `json:"id"`     // from the article's text: opening the same text again finds it
	File   string    `json:"file"`   // the file's name as opened, or "pasted.md"
	Title  string    `json:"title"`  // for the library
	Opened time.Time `json:"opened"` // when it was last opened
	Text   string    `json:"text"`   // the article, as Markdown (a text file reads as Markdown)
	Cast   Cast      `json:"cast"`
	Undo   []Cast    `json:"undo,omitempty"` // the casts before each edit, the latest last
	Redo   []Cast    `json:"redo,omitempty"` // the casts that Undo took back, the latest last
}

// Cast is the article's entities as the reader has curated them. Entities keep their provenance in
// Source: model.SourceAuto while detection's proposal stands, model.SourceCurated once the reader
// edited or added the entry. Hidden lists the ids of entities the reader hid: they stay in the cast,
// so that Unhide can bring them back, but are neither marked nor exported.
type Cast struct {
	Entities []model.Entity `json:"entities"`
	Hidden   []string       `json:"hidden,omitempty"`
}

// View is what the page shows of an article: its Document and its pictures (see picture.Views), and
// notes about what Open left out.
type View struct {
	Title   string          `json:"title"` // the article's title for the library (see Article)
	Doc     *model.Document `json:"doc"`
	Map     string          `json:"map"`
	Network string          `json:"network"`
	Notes   []string        `json:"notes,omitempty"`
	Hidden  []model.Entity  `json:"hidden,omitempty"` // the entities the reader hid, which Doc leaves out
	// Controls is the markup of the controls that curate the cast.
	Controls Controls `json:"controls"`
}

// Open checks data, the content of the file named file, and returns it as an Article with its cast
// detected. A file that is too large, binary, not UTF-8, or empty is an error that names the file and
// the line.
func Open(file string, data []byte, now time.Time) (*Article, error) {
	file = path.Base(strings.ReplaceAll(file, `\`, "/"))
	if file == "." || file == "/" || file == "" {
		file = "article.md"
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%s is %s; Dramatis opens articles of up to %s", file, megabytes(len(data)), megabytes(MaxSize))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("%s:%d: this is not a text file: it holds binary data (open a .md, .markdown or .txt file)", file, lineAt(data, i))
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s:%d: the file is not UTF-8 text (save it as UTF-8 and open it again)", file, lineAt(data, invalidAt(data)))
	}
	entities, err := document.Detect(file, data)
	if err != nil {
		return nil, err
	}
	meta, body, _ := document.Prepare(file, data) // Detect checked it
	sum := sha256.Sum256(data)
	return &Article{
		ID:     hex.EncodeToString(sum[:6]),
		File:   file,
		Title:  title(meta, body, file),
		Opened: now.UTC().Truncate(time.Second),
		Text:   string(data),
		Cast:   Cast{Entities: entities},
	}, nil
}

// Render builds the annotated Document of a and its pictures, with the cast's hidden entities left
// out, and notes on the raw HTML that the article holds, which the page leaves out.
func Render(a *Article) (*View, error) {
	doc, err := document.Build(a.File, []byte(a.Text), a.Cast.Shown())
	if err != nil {
		return nil, err
	}
	m, n := picture.Views(doc, model.NewIndex(doc))
	var hidden []model.Entity
	for _, e := range a.Cast.Entities {
		if a.Cast.hidden(e.ID) {
			hidden = append(hidden, e)
		}
	}
	return &View{Title: a.Title, Doc: doc, Map: m, Network: n, Notes: rawHTML(a), Hidden: hidden, Controls: controls(a, doc.Entities, hidden)}, nil
}

// Export returns a's cast as a catalogue (entities.yaml, which dramatis check and dramatis build
// read) and its article (article.md), the hidden entities left out.
func Export(a *Article) (entities, article []byte) {
	header := fmt.Sprintf("The cast of %s, curated in Dramatis.\nEntries with \"source: auto\" are detection's proposals that no one edited.", a.File)
	return catalog.Format(a.Cast.Shown(), header), []byte(a.Text)
}

// Shown returns the cast's entities that are not hidden. An entity's country that is hidden, or no
// longer a country, is left out of it.
func (c Cast) Shown() []model.Entity {
	countries := map[string]bool{}
	for _, e := range c.Entities {
		countries[e.ID] = e.Kind == model.Country && !c.hidden(e.ID)
	}
	out := make([]model.Entity, 0, len(c.Entities))
	for _, e := range c.Entities {
		if !c.hidden(e.ID) {
			if !countries[e.Country] {
				e.Country = ""
			}
			out = append(out, e)
		}
	}
	return out
}

func (c Cast) hidden(id string) bool {
	for _, h := range c.Hidden {
		if h == id {
			return true
		}
	}
	return false
}

// title is what the library calls an article: its front matter's title, its first heading, its first
// line, or its file's name, in that order of preference.
func title(meta model.Meta, body []byte, file string) string {
	if meta.Title != "" {
		return clip(meta.Title)
	}
	var first string
	for _, line := range strings.Split(string(body), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if h := strings.TrimLeft(line, "#"); h != line && strings.HasPrefix(h, " ") {
			return clip(strings.TrimSpace(h))
		}
		if first == "" {
			first = line
		}
	}
	if first != "" {
		return clip(first)
	}
	return file
}

// clip shortens s to 80 characters at most, at a word where it can, with an ellipsis.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	const most = 80
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)[:most]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > most/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:.") + "…"
}

// rawHTML returns a note for each block or inline run of raw HTML in a's article, which the page
// leaves out (see document.NewMarkdown), with its line.
func rawHTML(a *Article) []string {
	_, body, err := document.Prepare(a.File, []byte(a.Text))
	if err != nil {
		return nil
	}
	root := document.NewMarkdown().Parser().Parse(text.NewReader(body))
	var lines []int
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var at int
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				at = n.Lines().At(0).Start
			}
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				at = n.Segments.At(0).Start
			}
		default:
			return ast.WalkContinue, nil
		}
		line := lineAt(body, at)
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
		return ast.WalkSkipChildren, nil
	})
	if len(lines) == 0 {
		return nil
	}
	where := make([]string, len(lines))
	for i, l := range lines {
		where[i] = fmt.Sprint(l)
	}
	s := "s"
	if len(lines) == 1 {
		s = ""
	}
	return []string{fmt.Sprintf("%s: raw HTML on line%s %s was left out; Dramatis shows the article's text only", a.File, s, strings.Join(where, ", "))}
}

// lineAt is the line, from 1, of byte i of b.
func lineAt(b []byte, i int) int { return bytes.Count(b[:i], []byte("\n")) + 1 }

// invalidAt is the offset of the first byte of b that is not valid UTF-8.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

func megabytes(n int) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }
