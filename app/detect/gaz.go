package detect

import (
	"strings"
	"sync"

	"github.com/dramatis/dramatis/app/detect/gazetteer"
	"github.com/dramatis/dramatis/app/detect/ner"
)

// The gazetteer's labels, which the tagger reads as features and the cast builder as facts.
const (
	gazCountry = "country" // a country's name or alias, or a union of states
	gazDemonym = "demonym"
	gazCapital = "capital"
	gazRegion  = "region" // an entry of kind place: Gaza, Crimea, Scotland
	gazCity    = "city"
)

// gazName is one name of the gazetteer, as tokens.
type gazName struct {
	words []string
	label string
	id    string // the country's ID; for a city, its country's
	name  string // the name as the gazetteer writes it
}

// gazIndex finds the gazetteer's names in tokens: by first word, the names that start with it,
// longest first. A name is also found written in capitals, as in a headline or a dateline.
type gazIndex struct {
	first map[string][]*gazName
}

var gaz = sync.OnceValue(func() *gazIndex {
	g := &gazIndex{first: map[string][]*gazName{}}
	add := func(name, label, id string) {
		if name == "" {
			return
		}
		var words []string
		for _, t := range ner.Tokenize(name) {
			words = append(words, t.Text)
		}
		n := &gazName{words: words, label: label, id: id, name: name}
		g.first[words[0]] = append(g.first[words[0]], n)
		if up := strings.ToUpper(name); up != name && len(name) > 3 {
			var uw []string
			for _, w := range words {
				uw = append(uw, strings.ToUpper(w))
			}
			u := &gazName{words: uw, label: label, id: id, name: name}
			g.first[uw[0]] = append(g.first[uw[0]], u)
		}
	}
	for _, c := range gazetteer.Countries() {
		label := gazCountry
		if c.Kind == "place" {
			label = gazRegion
		}
		add(c.Name, label, c.ID)
		for _, a := range c.Aliases {
			add(a, label, c.ID)
		}
		for _, d := range c.Demonyms {
			add(d, gazDemonym, c.ID)
		}
		add(c.Capital, gazCapital, c.ID)
		// "Washington D.C." is "Washington" in running text.
		if short, ok := strings.CutSuffix(c.Capital, " D.C."); ok {
			add(short, gazCapital, c.ID)
		}
	}
	for _, c := range gazetteer.Cities() {
		if _, taken := g.lookup(c.Name); !taken {
			add(c.Name, gazCity, c.Country)
		}
	}
	for _, list := range g.first {
		// Longest first, so that "South Africa" wins over "South".
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j].words) > len(list[j-1].words); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
	}
	return g
})

// lookup returns the gazetteer's entry for a whole name, as written.
func (g *gazIndex) lookup(name string) (*gazName, bool) {
	toks := ner.Tokenize(name)
	if len(toks) == 0 {
		return nil, false
	}
	n := g.match(toks, 0)
	if n == nil || len(n.words) != len(toks) {
		return nil, false
	}
	return n, true
}

// match returns the longest name that starts at token i, or nil.
func (g *gazIndex) match(toks []ner.Token, i int) *gazName {
next:
	for _, n := range g.first[toks[i].Text] {
		if i+len(n.words) > len(toks) {
			continue
		}
		for k, w := range n.words[1:] {
			if toks[i+1+k].Text != w {
				continue next
			}
		}
		return n
	}
	return nil
}

// gazLabels labels each token that is part of a name the gazetteer knows.
func gazLabels(toks []ner.Token) []string {
	labels := make([]string, len(toks))
	g := gaz()
	for i := 0; i < len(toks); i++ {
		if n := g.match(toks, i); n != nil {
			for k := range n.words {
				labels[i+k] = n.label
			}
			i += len(n.words) - 1
		}
	}
	return labels
}
