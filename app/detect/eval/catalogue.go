package eval

import (
	"fmt"
	"slices"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
)

// Cast is how detection did on an article with a hand-written catalogue, counting its people and
// countries only.
type Cast struct {
	// Entities counts the catalogue's people and countries found: a detected entity of the same
	// kind holds one of its names.
	Entities Score
	// Mentions scores the detected mentions of people and countries against the catalogue's,
	// by exact span and entity (a detected entity stands for the catalogue entity whose mentions it
	// shares most).
	Mentions Score
	// False and Missed describe the mentions counted as false alarms and as misses.
	False, Missed []string
}

// names returns an entity's name and aliases.
func names(e model.Entity) []string { return append([]string{e.Name}, e.Aliases...) }

// judged reports whether the figures count an entity of this kind.
func judged(k model.Kind) bool { return k == model.Person || k == model.Country }

// ScoreCast detects the cast of article and compares it with the catalogue gold.
func ScoreCast(file string, article []byte, gold []model.Entity) (Cast, error) {
	var c Cast
	detected, err := document.Detect(file, article)
	if err != nil {
		return c, err
	}
	_, want, err := document.Locate(file, article, gold)
	if err != nil {
		return c, err
	}
	_, got, err := document.Locate(file, article, detected)
	if err != nil {
		return c, err
	}
	// Entities: a detected entity of the same kind that has the catalogue entry's name, or whose
	// name the entry has.
	for _, e := range gold {
		if !judged(e.Kind) {
			continue
		}
		found := false
		for _, d := range detected {
			found = found || d.Kind == e.Kind && (slices.Contains(names(d), e.Name) || slices.Contains(names(e), d.Name))
		}
		if found {
			c.Entities.TP++
		} else {
			c.Entities.FN++
		}
	}
	// Mentions: map each detected entity to the gold entity whose spans it shares most.
	type span struct{ start, end int }
	goldAt := map[span]string{}
	goldKind := map[string]model.Kind{}
	for _, e := range gold {
		goldKind[e.ID] = e.Kind
	}
	for _, m := range want {
		goldAt[span{m.Start, m.End}] = m.Entity
	}
	shared := map[string]map[string]int{}
	for _, m := range got {
		if g, ok := goldAt[span{m.Start, m.End}]; ok {
			if shared[m.Entity] == nil {
				shared[m.Entity] = map[string]int{}
			}
			shared[m.Entity][g]++
		}
	}
	standsFor := map[string]string{}
	for d, counts := range shared {
		best, n := "", 0
		for g, k := range counts {
			if k > n || k == n && g < best {
				best, n = g, k
			}
		}
		standsFor[d] = best
	}
	detectedKind := map[string]model.Kind{}
	for _, e := range detected {
		detectedKind[e.ID] = e.Kind
	}
	hit := map[span]bool{}
	for _, m := range got {
		at := span{m.Start, m.End}
		g, ok := goldAt[at]
		switch {
		case ok && judged(goldKind[g]) && standsFor[m.Entity] == g:
			c.Mentions.TP++
			hit[at] = true
		case judged(detectedKind[m.Entity]) || ok && judged(goldKind[g]):
			c.Mentions.FP++
			c.False = append(c.False, fmt.Sprintf("%s %q (the catalogue: %q)", m.Entity, m.Text, g))
		}
	}
	for _, m := range want {
		if judged(goldKind[m.Entity]) && !hit[span{m.Start, m.End}] {
			c.Mentions.FN++
			c.Missed = append(c.Missed, fmt.Sprintf("%s %q", m.Entity, m.Text))
		}
	}
	return c, nil
}
