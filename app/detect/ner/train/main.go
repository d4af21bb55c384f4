// Command train learns the tagger's weights from the CoNLL-2003 training split, turned into articles
// by the corpus's own splitter (conll.py split conll2003-train.txt DIR), and writes them to
// app/detect/ner/weights.bin.gz. It holds out every tenth article and reports the tagger's exact-span
// scores on them, so that features and settings are chosen on text the model did not learn from.
//
//	go run ./app/detect/ner/train -train DIR [-out app/detect/ner/weights.bin.gz]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/detect/ner"
)

func main() {
	dir := flag.String("train", "", "folder of doc-NNN.md and doc-NNN.gold.json articles of the training split (required)")
	out := flag.String("out", "app/detect/ner/weights.bin.gz", "where to write the weights")
	bits := flag.Uint("bits", 16, "log2 of the number of feature buckets")
	epochs := flag.Int("epochs", 15, "passes over the training articles")
	holdout := flag.Int("holdout", 10, "hold out every n-th article for scoring; 0 trains on all")
	flag.Parse()
	if *dir == "" {
		log.Fatal("train: -train DIR is required: the output of conll.py split on conll2003-train.txt")
	}
	docs, err := load(*dir)
	if err != nil {
		log.Fatal(err)
	}
	var learn, held [][]ner.Example
	for i, d := range docs {
		if *holdout > 0 && i%*holdout == *holdout-1 {
			held = append(held, d)
		} else {
			learn = append(learn, d)
		}
	}
	log.Printf("train: %d articles to learn from, %d held out", len(learn), len(held))
	m := ner.Train(learn, *bits, *epochs)
	if len(held) > 0 {
		report(m, held)
	}
	if err := os.WriteFile(*out, m.Encode(), 0o644); err != nil {
		log.Fatal(err)
	}
}

type goldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// load reads the articles, each as its sentences with their gold names in tokens.
func load(dir string) ([][]ner.Example, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "doc-*.md"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("train: no doc-*.md in %s", dir)
	}
	slices.Sort(paths)
	var docs [][]ner.Example
	misaligned := 0
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		gj, err := os.ReadFile(strings.TrimSuffix(p, ".md") + ".gold.json")
		if err != nil {
			return nil, err
		}
		var gold []goldSpan
		if err := json.Unmarshal(gj, &gold); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		blocks := detect.Blocks(src)
		sents, in := detect.Sentences(blocks)
		var exs []ner.Example
		for i, s := range sents {
			starts, ends := map[int]int{}, map[int]int{}
			for k, t := range s.Tokens {
				a, b := blocks[in[i]].TokenSpan(t)
				starts[a], ends[b] = k, k+1
			}
			var spans []ner.Span
			for _, g := range gold {
				a, okA := starts[g.Start]
				b, okB := ends[g.End]
				typ := slices.Index(ner.Types[:], g.Type)
				if !okA || !okB || b <= a {
					if g.Start >= blocks[in[i]].Source(s.Tokens[0].Start) && g.End <= blocks[in[i]].Source(s.Tokens[len(s.Tokens)-1].End-1)+1 {
						misaligned++
					}
					continue
				}
				spans = append(spans, ner.Span{Start: a, End: b, Type: typ})
			}
			exs = append(exs, ner.Example{Sentence: s, Spans: spans})
		}
		docs = append(docs, exs)
	}
	log.Printf("train: %d articles; %d gold names do not fall on token boundaries", len(docs), misaligned)
	return docs, nil
}

// report prints exact-span precision, recall and F1 per type on the held-out sentences.
func report(m *ner.Model, held [][]ner.Example) {
	var tp, fp, fn [len(ner.Types)]int
	for _, doc := range held {
		sents := make([]ner.Sentence, len(doc))
		for i, ex := range doc {
			sents[i] = ex.Sentence
		}
		found := m.TagDoc(sents)
		for i, ex := range doc {
			tally(found[i], ex.Spans, &tp, &fp, &fn)
			if os.Getenv("NER_ERRORS") != "" {
				showErrors(sents[i], found[i], ex.Spans)
			}
		}
	}
	var a, b, c int
	for k, t := range ner.Types {
		p, r, f := prf(tp[k], fp[k], fn[k])
		fmt.Printf("%-5s P %.3f R %.3f F1 %.3f\n", t, p, r, f)
		if k < 3 {
			a, b, c = a+tp[k], b+fp[k], c+fn[k]
		}
	}
	p, r, f := prf(a, b, c)
	fmt.Printf("micro P %.3f R %.3f F1 %.3f (PER+LOC+ORG, held-out training articles)\n", p, r, f)
}

// tally counts one sentence's exact-span hits and misses.
func tally(found, gold []ner.Span, tp, fp, fn *[len(ner.Types)]int) {
	{
		got := map[ner.Span]bool{}
		for _, s := range found {
			got[s] = true
		}
		for _, s := range gold {
			if got[s] {
				tp[s.Type]++
				delete(got, s)
			} else {
				fn[s.Type]++
			}
		}
		for s := range got {
			fp[s.Type]++
		}
	}
}

func prf(tp, fp, fn int) (p, r, f float64) {
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// showErrors prints a sentence's misses and false alarms, for NER_ERRORS=1.
func showErrors(s ner.Sentence, found, gold []ner.Span) {
	text := func(sp ner.Span) string {
		var w []string
		for _, t := range s.Tokens[sp.Start:sp.End] {
			w = append(w, t.Text)
		}
		return ner.Types[sp.Type] + " " + strings.Join(w, " ")
	}
	in := func(sp ner.Span, list []ner.Span) bool { return slices.Contains(list, sp) }
	for _, g := range gold {
		if !in(g, found) {
			fmt.Println("miss", text(g))
		}
	}
	for _, f := range found {
		if !in(f, gold) {
			fmt.Println("false", text(f))
		}
	}
}
