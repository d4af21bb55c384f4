package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/model"
)

// acronym is one defined in parentheses: "Mujahedeen-e-Khalq (MEK)".
type acronym struct {
	short, long string
	at          int // the occurrence of the long form
}

// acronyms finds the acronyms the text defines after a name, and marks their long forms as
// organisations: a name that takes an acronym is an organisation unless the gazetteer knows it.
func (c *caster) acronyms() map[string]acronym {
	out := map[string]acronym{}
	for i := range c.occ {
		o := &c.occ[i]
		toks := c.sents[o.sent].Tokens
		k := o.end
		if k+2 >= len(toks) || toks[k].Text != "(" || toks[k+2].Text != ")" || !isAcronym(toks[k+1].Text) {
			continue
		}
		if o.gaz != nil {
			continue
		}
		if !initialsOf(toks[k+1].Text, toks[o.start:o.end]) {
			// The tagger may have cut the long form short: "Korea Advanced Institute of Science"
			// "Technology" (KAIST). Take in the capitalised words before it while that makes the
			// initials.
			start := o.start
			for start > 0 && (startsUpper(toks[start-1].Text) || connectors[toks[start-1].Text]) && !initialsOf(toks[k+1].Text, toks[start:o.end]) {
				start--
			}
			if !initialsOf(toks[k+1].Text, toks[start:o.end]) {
				if o.typ == typePER {
					continue
				}
			} else if start < o.start {
				// The names it takes in are the ones just before it in reading order.
				for j := i - 1; j >= 0 && c.occ[j].sent == o.sent && c.occ[j].start >= start; j-- {
					c.steps++
					if c.occ[j].end <= o.start {
						c.occ[j].typ = -2 // swallowed
					}
				}
				*o = c.occurrence(o.sent, start, o.end, typeORG)
			}
		}
		if _, ok := out[toks[k+1].Text]; !ok {
			out[toks[k+1].Text] = acronym{short: toks[k+1].Text, long: o.text, at: i}
		}
		o.typ = typeORG
	}
	return out
}

// isAcronym reports whether w looks like an acronym: two to ten capitals, digits, dots, hyphens or
// ampersands, with at least two capitals.
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	caps := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r), r == '.', r == '-', r == '&':
		default:
			return false
		}
	}
	return caps >= 2
}

// initialsOf reports whether an acronym is made of the capitalised words' initials.
func initialsOf(acr string, toks []ner.Token) bool {
	var in []rune
	for _, t := range toks {
		if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
			in = append(in, r)
		}
	}
	return string(in) == acr
}

// others makes entities of the remaining names: a short form of a person joins them whatever the
// tagger called it, an acronym joins its organisation, and every other name becomes an organisation
// or a place as the tagger called it most often.
func (c *caster) others(people map[string]*draft, acronyms map[string]acronym) {
	canon := c.canonical()
	tokens := c.tokenCounts()
	votes := map[string]*[3]int{} // by name, the PER, LOC and ORG tags it had
	var order []string
	firstAt := map[string]int{}
	group := map[string][]int{} // by name, the occurrences that stand for it
	for i := range c.occ {
		c.steps++
		o := &c.occ[i]
		if o.typ < 0 || o.typ == typeMISC && acronyms[o.text].long == "" && !isLongForm(acronyms, o.text) {
			continue
		}
		if d := people[o.text]; d == nobody {
			o.typ = -2
			continue
		} else if d != nil {
			c.claim(d, o.text, model.FormName)
			o.typ, o.entity = -1, d
			continue
		}
		text := canon(o.text)
		if a, ok := acronyms[text]; ok {
			text = a.long
		}
		group[text] = append(group[text], i)
		v := votes[text]
		if v == nil {
			v = new([3]int)
			votes[text] = v
			order = append(order, text)
			firstAt[text] = i
		}
		typ := o.typ
		if isLongForm(acronyms, text) || typ == typeMISC {
			typ = typeORG
		}
		v[typ]++
	}
	for _, text := range order {
		c.steps++
		v := votes[text]
		first := c.occ[firstAt[text]]
		kind := model.Organisation
		if v[typeLOC] > v[typeORG] && !isLongForm(acronyms, text) {
			kind = model.Place
		}
		if v[typePER] > v[typeLOC] && v[typePER] > v[typeORG] && !isLongForm(acronyms, text) {
			d := c.newDraft("per:"+text, firstAt[text], model.Entity{Name: text, Kind: model.Person})
			c.claim(d, text, model.FormName)
			for _, i := range group[text] {
				c.occ[i].typ, c.occ[i].entity = -1, d
			}
			continue
		}
		e := model.Entity{Name: text, Kind: kind}
		if first.gaz != nil && first.gaz.label == gazCity || first.gaz != nil && first.gaz.label == gazCapital {
			e.Kind, e.Country = model.Place, first.gaz.id
		}
		if kind == model.Organisation {
			e.Country = c.countryIn(first)
		}
		d := c.newDraft("name:"+text, firstAt[text], e)
		c.claim(d, text, model.FormName)
		for _, i := range group[text] {
			c.steps++
			if o := &c.occ[i]; o.typ >= 0 {
				c.claim(d, o.text, model.FormAlias)
				o.typ, o.entity = -1, d
			}
		}
		for _, a := range acronyms {
			if a.long == text {
				c.claim(d, a.short, model.FormAlias)
			}
		}
		// A company's name without its suffix, where the text uses it ("Acme" of "Acme Corp").
		if words := strings.Fields(text); kind == model.Organisation && len(words) > 1 && companySuffixes[words[len(words)-1]] {
			if short := strings.Join(words[:len(words)-1], " "); tokens[short] > len(group[text]) {
				c.claim(d, short, model.FormAlias)
			}
		}
	}
}

func isLongForm(acronyms map[string]acronym, text string) bool {
	for _, a := range acronyms {
		if a.long == text {
			return true
		}
	}
	return false
}

// countryIn returns the country an organisation's name holds ("Iranian Foreign Ministry" → ir).
func (c *caster) countryIn(o occurrence) string {
	toks := c.sents[o.sent].Tokens[o.start:o.end]
	g := gaz()
	for k := range toks {
		if n := g.match(toks, k); n != nil && (n.label == gazCountry || n.label == gazDemonym) {
			return n.id
		}
	}
	return ""
}

// canonical returns a function that gives, for a name, the name of the entity it stands for: a
// name in capitals ("SAN FRANCISCO", in a dateline) stands for the same name in mixed case; an
// organisation's name after a country's ("US Federal Trade Commission") for the name alone, when
// the text uses it; a company's first word ("Lumera") for the company ("Lumera Inc").
func (c *caster) canonical() func(string) string {
	texts := map[string]bool{}
	upper := map[string]string{}
	firstWord := map[string][]string{}
	for _, o := range c.occ {
		if o.typ < 0 && o.entity == nil {
			continue
		}
		texts[o.text] = true
		if strings.ToUpper(o.text) != o.text {
			upper[strings.ToUpper(o.text)] = o.text
		}
		if words := strings.Fields(o.text); len(words) > 1 && companySuffixes[words[len(words)-1]] && !slices.Contains(firstWord[words[0]], o.text) {
			firstWord[words[0]] = append(firstWord[words[0]], o.text)
		}
	}
	g := gaz()
	return func(s string) string {
		if t, ok := upper[s]; ok && s == strings.ToUpper(s) {
			return t
		}
		if owners := firstWord[s]; len(owners) == 1 {
			return owners[0]
		}
		toks := ner.Tokenize(s)
		if len(toks) > 1 {
			if n := g.match(toks, 0); n != nil && (n.label == gazCountry || n.label == gazDemonym) && len(n.words) < len(toks) {
				if rest := join(toks[len(n.words):]); texts[rest] {
					return rest
				}
			}
		}
		return s
	}
}

// tokenCounts counts each capitalised word of the text, and each run of capitalised words up to
// three long.
func (c *caster) tokenCounts() map[string]int {
	m := map[string]int{}
	for _, s := range c.sents {
		for k, t := range s.Tokens {
			c.steps++
			if !startsUpper(t.Text) {
				continue
			}
			m[t.Text]++
			for n := 2; n <= 3 && k+n <= len(s.Tokens) && startsUpper(s.Tokens[k+n-1].Text); n++ {
				m[join(s.Tokens[k:k+n])]++
			}
		}
	}
	return m
}
