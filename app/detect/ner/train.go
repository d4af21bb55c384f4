package ner

import "math/rand/v2"

// Example is one sentence to learn from, with its names.
type Example struct {
	Sentence Sentence
	Spans    []Span
}

// Train learns a two-pass model (see TagDoc) from documents, each a list of sentences, with 1<<bits
// feature buckets per pass and epochs passes over the sentences. The second pass learns from what a
// first pass trained on the other half of the documents made of each document, as it will see a
// first pass's work on text it has not learned from.
func Train(docs [][]Example, bits uint, epochs int) *Model {
	first := trainPass(docs, nil, bits, epochs, 1)
	halves := [2][][]Example{}
	for i, d := range docs {
		halves[i%2] = append(halves[i%2], d)
	}
	labels := make([]map[string]int, len(docs))
	for h := range halves {
		m := trainPass(halves[1-h], nil, bits, epochs, 2)
		for i := h; i < len(docs); i += 2 {
			sents := sentencesOf(docs[i])
			labels[i] = docLabels(sents, m.TagDoc(sents))
		}
	}
	first.second = trainPass(docs, labels, bits, epochs, 3)
	return first
}

func sentencesOf(doc []Example) []Sentence {
	s := make([]Sentence, len(doc))
	for i, e := range doc {
		s[i] = e.Sentence
	}
	return s
}

type trainSentence struct {
	doc *Doc
	Example
}

// trainPass learns one pass, from documents whose words the first pass labelled as labels says (nil
// for the first pass itself), in an order shuffled by seed, and returns the averaged weights.
func trainPass(docs [][]Example, labels []map[string]int, bits uint, epochs int, seed uint64) *Model {
	var examples []trainSentence
	for i, d := range docs {
		doc := NewDoc(sentencesOf(d))
		if labels != nil {
			doc.labels = labels[i]
		}
		for _, e := range d {
			examples = append(examples, trainSentence{doc: doc, Example: e})
		}
	}
	n := nTags << bits
	w := make([]float32, n)     // the current weights
	total := make([]float32, n) // their sum over the updates so far, lazily
	stamp := make([]int32, n)   // the update at which total was last brought up to date
	mask := uint32(1)<<bits - 1
	step := int32(1)
	update := func(f uint32, tag int, delta float32) {
		k := int(f&mask)*nTags + tag
		total[k] += float32(step-stamp[k]) * w[k]
		stamp[k] = step
		w[k] += delta
	}
	m := &Model{bits: bits, weights: w}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var scores [nTags]float32
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, e := range order {
			ex := examples[e]
			gold := goldTags(len(ex.Sentence.Tokens), ex.Spans)
			c := newContext(ex.doc, ex.Sentence)
			// Learn with the history the tagger itself wrote, as it will have when it tags.
			guesses := make([]int, len(gold))
			for i := range gold {
				t1, t2 := tagAt(guesses, i-1), tagAt(guesses, i-2)
				if c.skip(i, t1) && gold[i] == 0 {
					continue
				}
				feats := c.features(i, t1, t2)
				m.score(feats, &scores)
				guess := best(&scores, t1)
				guesses[i] = guess
				if guess != gold[i] {
					for _, f := range feats {
						update(f, gold[i], 1)
						update(f, guess, -1)
					}
				}
				step++
			}
		}
	}
	avg := make([]float32, n)
	for k := range avg {
		avg[k] = (total[k] + float32(step-stamp[k])*w[k]) / float32(step)
	}
	return &Model{bits: bits, weights: avg}
}

// goldTags writes spans as IOB2 tags of a sentence of n tokens.
func goldTags(n int, spans []Span) []int {
	tags := make([]int, n)
	for _, s := range spans {
		tags[s.Start] = begin(s.Type)
		for i := s.Start + 1; i < s.End; i++ {
			tags[i] = inside(s.Type)
		}
	}
	return tags
}
