package ner

import "strings"

// TagDoc finds the names in each sentence of a document. The first pass tags each sentence alone; when
// the model has a second pass, it tags them again knowing how the first tagged each word elsewhere
// in the document, so that a name is tagged alike throughout.
func (m *Model) TagDoc(sents []Sentence) [][]Span {
	d := NewDoc(sents)
	ctxs := make([]*context, len(sents)) // both passes read the same words
	for i, s := range sents {
		ctxs[i] = newContext(d, s)
	}
	out := m.tagAll(ctxs)
	if m.second == nil {
		return out
	}
	d.labels = docLabels(sents, out)
	return m.second.tagAll(ctxs)
}

func (m *Model) tagAll(ctxs []*context) [][]Span {
	out := make([][]Span, len(ctxs))
	for i, c := range ctxs {
		out[i] = spans(m.tags(c))
	}
	return out
}

// docLabels counts, for each word in a name, the types of the names it stands in, and keeps the most
// frequent.
func docLabels(sents []Sentence, found [][]Span) map[string]int {
	counts := map[string]*[len(Types)]int{}
	for i, s := range sents {
		for _, sp := range found[i] {
			for _, t := range s.Tokens[sp.Start:sp.End] {
				w := strings.ToLower(t.Text)
				c := counts[w]
				if c == nil {
					c = new([len(Types)]int)
					counts[w] = c
				}
				c[sp.Type]++
			}
		}
	}
	labels := make(map[string]int, len(counts))
	for w, c := range counts {
		best := 0
		for k := range c {
			if c[k] > c[best] {
				best = k
			}
		}
		labels[w] = best + 1
	}
	return labels
}

// tags decodes the sentence greedily, left to right.
func (m *Model) tags(c *context) []int {
	tags := make([]int, len(c.s.Tokens))
	var scores [nTags]float32
	for i := range c.s.Tokens {
		t1, t2 := tagAt(tags, i-1), tagAt(tags, i-2)
		if c.skip(i, t1) {
			continue
		}
		m.score(c.features(i, t1, t2), &scores)
		tags[i] = best(&scores, t1)
	}
	return tags
}

func tagAt(tags []int, i int) int {
	if i < 0 {
		return 0
	}
	return tags[i]
}

// score adds up the weights of the features for each tag.
func (m *Model) score(feats []uint32, scores *[nTags]float32) {
	*scores = [nTags]float32{}
	mask := uint32(1)<<m.bits - 1
	for _, f := range feats {
		row := m.weights[int(f&mask)*nTags:][:nTags]
		for t, w := range row {
			scores[t] += w
		}
	}
}

// best returns the highest-scoring tag that may follow prev: an I- tag only continues a name of its
// own type.
func best(scores *[nTags]float32, prev int) int {
	bestTag := 0
	for t := 1; t < nTags; t++ {
		if isInside(t) && typeOf(prev) != typeOf(t) {
			continue
		}
		if scores[t] > scores[bestTag] {
			bestTag = t
		}
	}
	return bestTag
}

// spans turns IOB2 tags into names.
func spans(tags []int) []Span {
	var out []Span
	for i := 0; i < len(tags); i++ {
		if tags[i] == 0 || isInside(tags[i]) {
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == inside(typeOf(tags[i])) {
			j++
		}
		out = append(out, Span{Start: i, End: j, Type: typeOf(tags[i])})
		i = j - 1
	}
	return out
}
