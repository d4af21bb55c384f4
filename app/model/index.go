package model

import "sort"

// Stats is what the index knows about one entity's presence in the article.
type Stats struct {
	Count      int      // number of mentions
	Paragraphs []int    // the blocks it is mentioned in, ascending, each once
	First      int      // index in Document.Mentions of its first mention, or -1
	Forms      []string // the surface texts seen, in order of first appearance, each once
}

// Index maps entity IDs to their Stats. Every entity of the catalogue has an entry, mentioned or not.
type Index map[string]*Stats

// NewIndex builds the index of doc from its mentions.
func NewIndex(doc *Document) Index {
	idx := make(Index, len(doc.Entities))
	for _, e := range doc.Entities {
		idx[e.ID] = &Stats{First: -1}
	}
	for i, m := range doc.Mentions {
		s := idx[m.Entity]
		if s == nil {
			s = &Stats{First: -1}
			idx[m.Entity] = s
		}
		s.Count++
		if s.First < 0 {
			s.First = i
		}
		if n := len(s.Paragraphs); n == 0 || s.Paragraphs[n-1] != m.Paragraph {
			s.Paragraphs = append(s.Paragraphs, m.Paragraph)
		}
		if !contains(s.Forms, m.Text) {
			s.Forms = append(s.Forms, m.Text)
		}
	}
	return idx
}

// FirstContext returns the sentence of the entity's first mention, or "" if it has none.
func (doc *Document) FirstContext(idx Index, id string) string {
	s := idx[id]
	if s == nil || s.First < 0 {
		return ""
	}
	n := doc.Mentions[s.First].Sentence
	if n < 0 || n >= len(doc.Sentences) {
		return ""
	}
	return doc.Sentences[n]
}

// Group is the entities of one kind, most mentioned first.
type Group struct {
	Kind     Kind
	Entities []Entity
}

// Groups returns the entities of doc grouped by kind in panel order, each group sorted by mention
// count (most first) and then by name. Groups with no entities are left out.
func (doc *Document) Groups(idx Index) []Group {
	var out []Group
	for _, k := range Kinds {
		var es []Entity
		for _, e := range doc.Entities {
			if e.Kind == k {
				es = append(es, e)
			}
		}
		if len(es) == 0 {
			continue
		}
		sort.SliceStable(es, func(i, j int) bool {
			ci, cj := idx.Count(es[i].ID), idx.Count(es[j].ID)
			if ci != cj {
				return ci > cj
			}
			return es[i].Name < es[j].Name
		})
		out = append(out, Group{Kind: k, Entities: es})
	}
	return out
}

// Count returns the number of mentions of id.
func (idx Index) Count(id string) int {
	if s := idx[id]; s != nil {
		return s.Count
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
