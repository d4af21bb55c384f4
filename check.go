//go:build !wasm

package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dramatis/dramatis/app/catalog"
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
	if err != nil {
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
	warnings := append(
		lint.Unused(filepath.Join(dir, content.CatalogueFile), doc.Entities, lines, doc.Mentions),
		lint.Uncovered(filepath.Join(dir, content.ArticleFile), body, doc.Entities)...)
	for _, warning := range warnings {
		if _, err := fmt.Fprintln(w, warning); err != nil {
			return err
		}
	}
	name := dir
	if name == "" {
		name = "the bundled article"
	}
	_, err = fmt.Fprintf(w, "%s: %d entities, %d mentions, %s\n", name, len(doc.Entities), len(doc.Mentions), plural(len(warnings), "warning"))
	return err
}

// plural returns n and noun, with an "s" unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
