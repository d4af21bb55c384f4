// Package eval measures cast detection: against the CoNLL-2003 articles' gold names (exact spans,
// as the corpus's scorer counts them), and against an article's hand-written catalogue (the share
// of its people and countries found, and the recall and precision of their mentions).
package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
)

// Score counts hits, false alarms and misses.
type Score struct{ TP, FP, FN int }

// Add adds another score.
func (s *Score) Add(o Score) { s.TP, s.FP, s.FN = s.TP+o.TP, s.FP+o.FP, s.FN+o.FN }

// Precision is TP / (TP + FP), 0 when nothing was found.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN), 0 when there was nothing to find.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Span is a name in a text: bytes [Start, End) of type PER, LOC, ORG or MISC.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Type  string `json:"type"`
}

// TypeOf maps a mention to the corpus's types: a person to PER, an organisation to ORG, a country
// or place named by name, alias or capital to LOC, a demonym to MISC.
func TypeOf(kind model.Kind, form model.Form) string {
	switch {
	case form == model.FormDemonym:
		return "MISC"
	case kind == model.Person:
		return "PER"
	case kind == model.Organisation:
		return "ORG"
	}
	return "LOC"
}

// Predict detects the cast of an article and returns its mentions as spans of the file.
func Predict(file string, article []byte) ([]Span, error) {
	entities, err := document.Detect(file, article)
	if err != nil {
		return nil, err
	}
	_, located, err := document.Locate(file, article, entities)
	if err != nil {
		return nil, err
	}
	var out []Span
	for _, m := range located {
		if m.Start >= 0 {
			out = append(out, Span{Start: m.Start, End: m.End, Type: TypeOf(m.Kind, m.Form)})
		}
	}
	return out, nil
}

// CoNLL is the exact-span score of each type over the corpus's articles, and their micro average
// over PER, LOC and ORG.
type CoNLL struct {
	Docs  int
	Types map[string]Score
	Micro Score
}

// ScoreCoNLL detects the cast of each doc-NNN.md in dir (the corpus's splitter writes them) and
// scores its mentions against doc-NNN.gold.json. predict is Predict, or another detector to compare.
func ScoreCoNLL(dir string, predict func(file string, article []byte) ([]Span, error)) (CoNLL, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "doc-*.md"))
	if err != nil {
		return CoNLL{}, err
	}
	if len(paths) == 0 {
		return CoNLL{}, fmt.Errorf("%s: no doc-*.md articles (write them with conll.py split)", dir)
	}
	slices.Sort(paths)
	res := CoNLL{Types: map[string]Score{}}
	for _, p := range paths {
		article, err := os.ReadFile(p)
		if err != nil {
			return res, err
		}
		raw, err := os.ReadFile(strings.TrimSuffix(p, ".md") + ".gold.json")
		if err != nil {
			return res, err
		}
		var gold []Span
		if err := json.Unmarshal(raw, &gold); err != nil {
			return res, fmt.Errorf("%s: %w", p, err)
		}
		pred, err := predict(p, article)
		if err != nil {
			return res, err
		}
		for t, s := range Compare(gold, pred) {
			sc := res.Types[t]
			sc.Add(s)
			res.Types[t] = sc
		}
		res.Docs++
	}
	for _, t := range []string{"PER", "LOC", "ORG"} {
		res.Micro.Add(res.Types[t])
	}
	return res, nil
}

// Compare scores predicted spans against gold ones by exact span and type, per type.
func Compare(gold, pred []Span) map[string]Score {
	out := map[string]Score{}
	g := map[Span]bool{}
	for _, s := range gold {
		g[s] = true
	}
	seen := map[Span]bool{}
	for _, s := range pred {
		if seen[s] {
			continue
		}
		seen[s] = true
		sc := out[s.Type]
		if g[s] {
			sc.TP++
		} else {
			sc.FP++
		}
		out[s.Type] = sc
	}
	for s := range g {
		if !seen[s] {
			sc := out[s.Type]
			sc.FN++
			out[s.Type] = sc
		}
	}
	return out
}
