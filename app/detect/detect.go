// Package detect finds an article's cast without a catalogue: the people, organisations, countries
// and places it names, as model.Entity values marked model.SourceAuto, ready for the annotator.
//
// Detection runs in three steps, each in its own file:
//   - text.go reads the Markdown's blocks as plain text, mapped back to the source;
//   - the tagger (package ner, learned from CoNLL-2003) marks names in each block, reading the
//     gazetteer's labels (gaz.go, from package gazetteer) as features;
//   - cast.go turns the tagged names into entities: countries joined with their aliases, demonyms
//     and capitals from the gazetteer, surnames and short forms joined to the full name they
//     shorten, acronyms defined in parentheses joined to their organisation, a ministry joined to
//     its country, and roles from the words before a name or an apposition after it (roles.go).
//
// The package is pure Go and builds for the browser (GOOS=js) as for the server.
package detect

import (
	"bytes"
	"strings"

	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/model"
)

// Detect proposes the cast of an article: meta is its head (title, standfirst…), body its Markdown
// without front matter. The result is sorted by kind then name; every entry is marked auto.
func Detect(meta model.Meta, body []byte) []model.Entity {
	entities, _ := detect(meta, body)
	return entities
}

// detect is Detect, also counting its steps: the tokens tagged and the steps of the cast builder's
// loops, which tests use to show that the work grows linearly with the text.
func detect(meta model.Meta, body []byte) ([]model.Entity, int) {
	// Callers check the text first (see document.Prepare); bytes that are no UTF-8 are taken as
	// U+FFFD, so that no name holds them.
	body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	for _, f := range []*string{&meta.Title, &meta.Standfirst, &meta.Author, &meta.Dateline} {
		*f = strings.ToValidUTF8(*f, "\uFFFD")
	}
	blocks := headBlocks(meta)
	blocks = append(blocks, Blocks(body)...)
	sents, _ := Sentences(blocks)
	found := ner.Default().TagDoc(sents)
	steps := 0
	for _, s := range sents {
		steps += len(s.Tokens)
	}
	c := newCaster(sents)
	entities := c.build(found)
	return entities, steps + c.steps
}

// headBlocks returns the head's fields as blocks of their own, the title first.
func headBlocks(meta model.Meta) []Block {
	var out []Block
	for _, s := range []string{meta.Title, meta.Standfirst, meta.Author, meta.Dateline} {
		if s != "" {
			out = append(out, Block{Text: s})
		}
	}
	return out
}
