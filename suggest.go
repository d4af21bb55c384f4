//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// articleInput is the article a command reads: a file given on the command line, or the article of a
// content directory with its catalogue, if it has one.
type articleInput struct {
	file     string // the article's path, for messages
	article  []byte
	curated  []model.Entity // the catalogue's entities; nil without one
	hasCast  bool           // a catalogue was there
	catalog  string         // the catalogue's path
	fromFile bool
}

// readInput reads the article of cmd: cmd.file, or the content directory's (the bundled one
// without -content).
func readInput(cmd command) (articleInput, error) {
	if cmd.file != "" {
		data, err := os.ReadFile(cmd.file)
		return articleInput{file: cmd.file, article: data, fromFile: true}, err
	}
	var fsys fs.FS = content.FS
	if cmd.content != "" {
		fsys = os.DirFS(cmd.content)
	}
	in := articleInput{file: filepath.Join(cmd.content, content.ArticleFile), catalog: filepath.Join(cmd.content, content.CatalogueFile)}
	var err error
	if in.article, err = fs.ReadFile(fsys, content.ArticleFile); err != nil {
		return in, err
	}
	in.curated, err = catalog.Load(fsys, content.CatalogueFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return in, nil
	case err != nil:
		return in, err
	}
	in.hasCast = true
	return in, nil
}

// cast returns the catalogue's entities, or the detected cast without a catalogue.
func (in articleInput) cast() ([]model.Entity, error) {
	if in.hasCast {
		return in.curated, nil
	}
	return document.Detect(in.file, in.article)
}

// suggest writes a catalogue for the article to w: the curated entries, if there is a catalogue,
// then what detection adds, each marked source: auto.
func suggest(w io.Writer, cmd command) error {
	in, err := readInput(cmd)
	if err != nil {
		return err
	}
	detected, err := document.Detect(in.file, in.article)
	if err != nil {
		return err
	}
	entities := detect.Additions(in.curated, detected)
	header := fmt.Sprintf("The cast of %s, proposed by dramatis suggest.\nEntries marked source: auto were detected; review them, then drop the source line.", in.file)
	if in.hasCast {
		header = fmt.Sprintf("The cast of %s: the entries of %s, then those detection adds (source: auto).", in.file, in.catalog)
		entities = append(in.curated, entities...)
	}
	_, err = w.Write(catalog.Format(entities, header))
	return err
}

// mentionLine is one line of dramatis mentions.
type mentionLine struct {
	Entity string     `json:"entity"`
	Kind   model.Kind `json:"kind"`
	Form   model.Form `json:"form"`
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
}

// mentions writes the article's mentions to w as JSON Lines, in reading order, with byte offsets
// into the article file as given.
func mentions(w io.Writer, cmd command) error {
	in, err := readInput(cmd)
	if err != nil {
		return err
	}
	entities, err := in.cast()
	if err != nil {
		return err
	}
	_, located, err := document.Locate(in.file, in.article, entities)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, m := range located {
		line := mentionLine{Entity: m.Entity, Kind: m.Kind, Form: m.Form, Start: m.Start, End: m.End, Text: m.Text}
		if m.Start >= 0 {
			line.Text = string(in.article[m.Start:m.End])
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
