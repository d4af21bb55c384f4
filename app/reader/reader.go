// Package reader is the logic of reading an article beside its cast, apart from the user interface:
// stepping through an entity's mentions, where each mention stands in the text, who is mentioned
// together with whom, filtering the cast, the passages that mention several entities, exporting the
// mentions, and the state that a link carries. It imports no go-app, so it runs and is tested on the
// host and in the browser alike.
package reader

import "github.com/dramatis/dramatis/app/model"

// Article is a Document with what reading it needs, worked out once: each entity's mentions in
// reading order, with and without demonyms and places, the paragraphs they stand in, and the
// position of every mention in the text.
type Article struct {
	Doc   *model.Document
	Index model.Index

	byID   map[string]model.Entity
	all    map[string][]int // entity → indices into Doc.Mentions, in reading order
	names  map[string][]int // the same, name and alias mentions only
	nameP  map[string][]int // entity → the paragraphs it is named in (by name or alias), ascending, each once
	named  map[int][]string // paragraph → the entities named in it (by name or alias), each once
	paras  map[int][]string // paragraph → the entities mentioned in it, each once, in order of first mention
	pos    []float64        // the position of each mention in the body, from 0 (start) to 1 (end)
	blocks int              // the number of top-level blocks that hold a mention, counted to the last
}

// New works out the Article of doc with its index idx.
func New(doc *model.Document, idx model.Index) *Article {
	a := &Article{
		Doc:   doc,
		Index: idx,
		byID:  make(map[string]model.Entity, len(doc.Entities)),
		all:   map[string][]int{},
		names: map[string][]int{},
		nameP: map[string][]int{},
		named: map[int][]string{},
		paras: map[int][]string{},
	}
	for _, e := range doc.Entities {
		a.byID[e.ID] = e
	}
	for i, m := range doc.Mentions {
		a.all[m.Entity] = append(a.all[m.Entity], i)
		if IsName(m.Form) {
			a.names[m.Entity] = append(a.names[m.Entity], i)
			if ps := a.nameP[m.Entity]; len(ps) == 0 || ps[len(ps)-1] != m.Paragraph {
				a.nameP[m.Entity] = append(ps, m.Paragraph)
			}
			if !contains(a.named[m.Paragraph], m.Entity) {
				a.named[m.Paragraph] = append(a.named[m.Paragraph], m.Entity)
			}
		}
		if !contains(a.paras[m.Paragraph], m.Entity) {
			a.paras[m.Paragraph] = append(a.paras[m.Paragraph], m.Entity)
		}
		a.blocks = max(a.blocks, m.Paragraph+1)
	}
	a.pos = a.positions()
	return a
}

// IsName reports whether a mention in form f names its entity (by name or alias), rather than
// standing for it through a demonym or a place.
func IsName(f model.Form) bool { return f == model.FormName || f == model.FormAlias }

// Entity returns the entity with the given id, and whether the catalogue has it.
func (a *Article) Entity(id string) (model.Entity, bool) {
	e, ok := a.byID[id]
	return e, ok
}

// Mentions returns the indices into Doc.Mentions of the mentions of id in reading order: all of them,
// or only those by name or alias when namesOnly is set. The slice is shared: do not change it.
func (a *Article) Mentions(id string, namesOnly bool) []int {
	if namesOnly {
		return a.names[id]
	}
	return a.all[id]
}

// Count returns the number of mentions of id: all of them, or those by name or alias only when
// namesOnly is set. Every count the reader sees goes through it, so that one switch decides them all.
func (a *Article) Count(id string, namesOnly bool) int { return len(a.Mentions(id, namesOnly)) }

// First returns the sentence of the first mention of id (the first by name or alias when namesOnly is
// set), or "" when there is none.
func (a *Article) First(id string, namesOnly bool) string {
	ms := a.Mentions(id, namesOnly)
	if len(ms) == 0 {
		return ""
	}
	if n := a.Doc.Mentions[ms[0]].Sentence; n >= 0 && n < len(a.Doc.Sentences) {
		return a.Doc.Sentences[n]
	}
	return ""
}

// Forms returns the surface texts of the mentions of id (by name or alias only when namesOnly is
// set), in order of first appearance, each once.
func (a *Article) Forms(id string, namesOnly bool) []string {
	var out []string
	for _, i := range a.Mentions(id, namesOnly) {
		if t := a.Doc.Mentions[i].Text; !contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// Ordinal returns the place, from 0, of the mention with index i among the mentions of its entity
// (those by name or alias only, when namesOnly is set), or -1 when i is out of range or not among them.
func (a *Article) Ordinal(i int, namesOnly bool) int {
	if i < 0 || i >= len(a.Doc.Mentions) {
		return -1
	}
	for n, j := range a.Mentions(a.Doc.Mentions[i].Entity, namesOnly) {
		if j == i {
			return n
		}
	}
	return -1
}

// Step returns the place of the mention after cur (delta 1) or before it (delta -1) among total
// mentions, wrapping around at either end. From no mention (cur < 0) it goes to the first or the last.
// It returns -1 when there are no mentions.
func Step(cur, delta, total int) int {
	switch {
	case total <= 0:
		return -1
	case cur < 0 || cur >= total:
		if delta < 0 {
			return total - 1
		}
		return 0
	}
	return ((cur+delta)%total + total) % total
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
