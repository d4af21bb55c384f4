//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/lint"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// check validates the content directory; loading it has already reported any error. It then warns,
// on standard output, about catalogue entries the article never mentions and capitalised names in
// the article that no entry covers. Warnings do not make it fail.
func check(cmd command, doc *model.Document) error {
	return checkContent(os.Stdout, cmd.content, doc)
}

// checkContent writes the warnings for the content in dir ("" for the bundled content), which
// loaded as doc, to w, and a summary line after them.
func checkContent(w io.Writer, dir string, doc *model.Document) error {
	var fsys fs.FS = content.FS
	if dir != "" {
		fsys = os.DirFS(dir)
	}
	_, lines, err := catalog.LoadWithLines(fsys, content.CatalogueFile)
	detected := errors.Is(err, fs.ErrNotExist) // no catalogue: doc's cast was detected
	if err != nil && !detected {
		return err
	}
	article, err := fs.ReadFile(fsys, content.ArticleFile)
	if err != nil {
		return err
	}
	_, body, err := document.Prepare(content.ArticleFile, article)
	if err != nil {
		return err
	}
	articlePath := filepath.Join(dir, content.ArticleFile)
	warnings := lint.Uncovered(articlePath, body, doc.Entities)
	if !detected {
		warnings = append(lint.Unused(filepath.Join(dir, content.CatalogueFile), doc.Entities, lines, doc.Mentions, body), warnings...)
		if warnings, err = withAdditions(warnings, articlePath, article, doc.Entities); err != nil {
			return err
		}
	}
	for _, warning := range warnings {
		if _, err := fmt.Fprintln(w, warning); err != nil {
			return err
		}
	}
	name := dir
	if name == "" {
		name = "the bundled article"
	}
	cast := ""
	if detected {
		cast = fmt.Sprintf(" (no %s: the cast was detected)", content.CatalogueFile)
	}
	_, err = fmt.Fprintf(w, "%s: %d entities, %d mentions, %s%s\n", name, len(doc.Entities), len(doc.Mentions), plural(len(warnings), "warning"), cast)
	return err
}

// withAdditions appends a warning for each entity that detection finds in the article and the
// catalogue lacks.
func withAdditions(warnings []lint.Warning, articlePath string, article []byte, curated []model.Entity) ([]lint.Warning, error) {
	detected, err := document.Detect(articlePath, article)
	if err != nil {
		return nil, err
	}
	for _, e := range detect.Additions(curated, detected) {
		line := firstLine(article, e.Name)
		// The name may be a capitalised one that no entry covers already: say it once.
		uncovered := fmt.Sprintf("%q is capitalised but no entry covers it", e.Name)
		i := slices.IndexFunc(warnings, func(w lint.Warning) bool { return w.Line == line && w.Msg == uncovered })
		if i >= 0 {
			warnings[i].Msg += fmt.Sprintf(": detection proposes it as %s (dramatis suggest writes its entry)", e.Kind)
			continue
		}
		warnings = append(warnings, lint.Warning{File: articlePath, Line: line,
			Msg: fmt.Sprintf("detection would add %s %q (dramatis suggest writes it)", e.Kind, e.Name)})
	}
	return warnings, nil
}

// firstLine returns the line of the article on which name first stands, or 1.
func firstLine(article []byte, name string) int {
	words := strings.Fields(regexp.QuoteMeta(name))
	loc := regexp.MustCompile(strings.Join(words, `\s+`)).FindIndex(article)
	if loc == nil {
		return 1
	}
	return bytes.Count(article[:loc[0]], []byte("\n")) + 1
}

// plural returns n and noun, with an "s" unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
