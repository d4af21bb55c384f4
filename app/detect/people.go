package detect

import (
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/model"
)

// people makes an entity of each person's full name and joins to it the shorter forms the text uses
// for them: a surname ("Rama" → "Edi Rama"), a first name, the name without a middle part. A short
// form that fits two people ("Park": "Daniel Park" and "Park Ji-won") joins neither. It returns the
// entities by each of their names.
func (c *caster) people() map[string]*draft {
	var names []string
	firstAt := map[string]int{}
	canon := c.canonical()
	for i := range c.occ {
		if o := &c.occ[i]; o.typ == typePER && canon(o.text) != o.text {
			o.typ = typeORG // a company's short name, or a name in capitals of something else
		}
	}
	for i, o := range c.occ {
		if o.typ != typePER {
			continue
		}
		n := personName(c.sents[o.sent].Tokens[o.start:o.end])
		if n == "" {
			continue
		}
		if _, ok := firstAt[n]; !ok {
			firstAt[n] = i
			names = append(names, n)
		}
	}
	// Longest first, so that each short form meets every full name that may own it.
	slices.SortStableFunc(names, func(a, b string) int { return len(strings.Fields(b)) - len(strings.Fields(a)) })
	byName := map[string]*draft{}
	byWord := map[string][]*draft{} // full names by their first and last words
	for _, n := range names {
		var owners []*draft
		words := strings.Fields(n)
		for _, w := range []string{words[0], words[len(words)-1]} {
			if len(byWord[w]) > maxNamesakes {
				owners = append(owners, nil, nil) // so many share the word that it says nothing
				break
			}
			for _, d := range byWord[w] {
				c.steps++
				if shortens(n, d.Name) && !slices.Contains(owners, d) {
					owners = append(owners, d)
				}
			}
		}
		switch {
		case len(owners) == 1:
			byName[n] = owners[0]
		case len(owners) > 1:
			byName[n] = nobody // two people share it: it stays nobody's
		default:
			d := c.newDraft("per:"+n, firstAt[n], model.Entity{Name: n, Kind: model.Person})
			byName[n] = d
			byWord[words[0]] = append(byWord[words[0]], d)
			if len(words) > 1 {
				byWord[words[len(words)-1]] = append(byWord[words[len(words)-1]], d)
			}
		}
	}
	for i := range c.occ {
		o := &c.occ[i]
		if o.typ != typePER {
			continue
		}
		from, to := personTokens(c.sents[o.sent].Tokens[o.start:o.end])
		o.start, o.end = o.start+from, o.start+to
		o.text = join(c.sents[o.sent].Tokens[o.start:o.end])
		if d := byName[o.text]; d == nobody {
			o.typ = -2
		} else if d != nil && o.start < o.end {
			c.claim(d, o.text, model.FormName)
			o.typ = -1
			o.entity = d
		}
	}
	return byName
}

// nobody owns the short forms that several people share.
var nobody = &draft{}

// maxNamesakes bounds the full names a short form is compared with: beyond it, the word is shared
// by too many people to stand for one.
const maxNamesakes = 8

// shortens reports whether short is a shorter form of full: its words are some of full's, in order,
// including full's first or last word ("Rama", "Edi", "Mike Pompeo" of "Mike R. Pompeo").
func shortens(short, full string) bool {
	s, f := strings.Fields(short), strings.Fields(full)
	if len(s) >= len(f) {
		return false
	}
	if s[0] != f[0] && s[len(s)-1] != f[len(f)-1] {
		return false
	}
	k := 0
	for _, w := range f {
		if k < len(s) && s[k] == w {
			k++
		}
	}
	return k == len(s)
}

// personName returns the name in tokens without the titles before it and the possessive after it:
// "President Joe Biden's" → "Joe Biden".
func personName(toks []ner.Token) string {
	from, to := personTokens(toks)
	if from == to {
		return ""
	}
	return join(toks[from:to])
}

// personTokens returns which of the tokens make up the name (see personName): [from, to).
func personTokens(toks []ner.Token) (from, to int) {
	to = len(toks)
	for to > 0 && (toks[to-1].Text == "'s" || toks[to-1].Text == "’s") {
		to--
	}
	// A title within the name ends what comes before it: "Knesset Speaker Mickey Levy".
	for k := to - 2; k >= 0; k-- {
		if isTitle(toks[k].Text) {
			from = k + 1
			break
		}
	}
	if from < to && isTitle(toks[from].Text) {
		return to, to
	}
	return from, to
}
