package detect

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/dramatis/dramatis/app/detect/gazetteer"
	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/model"
)

// The tagger's types, by their index in ner.Types.
const (
	typePER = iota
	typeLOC
	typeORG
	typeMISC
)

// occurrence is one name found in the text: tokens [start, end) of sentence sent.
type occurrence struct {
	text       string
	typ        int
	sent       int
	start, end int
	gaz        *gazName // the gazetteer's entry for the whole name, if any
	entity     *draft   // the entity it was given to
}

// caster gathers the names found and turns them into entities.
type caster struct {
	sents []ner.Sentence
	occ   []occurrence
	// entities in the order they were made, and by the key that identifies each.
	entities []*draft
	byKey    map[string]*draft
	// owner maps each string claimed as a name of some entity to it.
	owner map[string]*draft
	// steps counts the steps of the loops over names, for tests that show that the work grows
	// linearly with the text.
	steps int
}

// draft is an entity being built: its names with how often each occurs.
type draft struct {
	model.Entity
	key   string
	first int // the index of its first occurrence, for the order of the cast
	forms map[string]int
}

func newCaster(sents []ner.Sentence) *caster {
	return &caster{sents: sents, byKey: map[string]*draft{}, owner: map[string]*draft{}}
}

// build turns the tagger's names into a cast.
func (c *caster) build(found [][]ner.Span) []model.Entity {
	c.collect(found)
	acronyms := c.acronyms()
	c.countries()
	people := c.people()
	c.others(people, acronyms)
	c.roles()
	return c.finish()
}

// collect lists the tagger's names and the gazetteer's names the tagger left out, in reading order.
func (c *caster) collect(found [][]ner.Span) {
	g := gaz()
	surnames := map[string]bool{} // the last words of people's names
	for i, s := range c.sents {
		for _, sp := range found[i] {
			if sp.Type == typePER {
				surnames[s.Tokens[sp.End-1].Text] = true
			}
		}
	}
	for i, s := range c.sents {
		covered := make([]bool, len(s.Tokens))
		for _, sp := range joinMinistries(s, organisations(s, tidy(s, people(s, found[i], surnames)))) {
			o := c.occurrence(i, sp.Start, sp.End, sp.Type)
			o.gaz = g.whole(s.Tokens[sp.Start:sp.End])
			c.occ = append(c.occ, o)
			for k := sp.Start; k < sp.End; k++ {
				covered[k] = true
			}
		}
		for k := 0; k < len(s.Tokens); k++ {
			n := g.match(s.Tokens, k)
			if n == nil || covered[k] || n.label == gazCity {
				continue
			}
			if !c.inSentence(i, k, len(n.words)) {
				continue
			}
			typ := typeLOC
			if n.label == gazDemonym {
				typ = typeMISC
			}
			o := c.occurrence(i, k, k+len(n.words), typ)
			o.gaz = n
			c.occ = append(c.occ, o)
			k += len(n.words) - 1
		}
	}
	slices.SortStableFunc(c.occ, func(a, b occurrence) int {
		return cmp.Or(cmp.Compare(a.sent, b.sent), cmp.Compare(a.start, b.start))
	})
}

// people gives back to a person a name that the tagger took, with the words before it, for
// something else, when the text names the person elsewhere: "Secretary of State Mike Pompeo" is
// not the organisation "State Mike Pompeo" when "Pompeo" is a person further on.
func people(s ner.Sentence, spans []ner.Span, surnames map[string]bool) []ner.Span {
	for i, sp := range spans {
		last := s.Tokens[sp.End-1].Text
		if sp.Type == typePER || sp.Type == typeMISC || sp.End-sp.Start < 2 || !surnames[last] || s.Gaz[sp.End-1] != "" {
			continue
		}
		start := sp.End - 1
		if prev := s.Tokens[start-1].Text; startsUpper(prev) && !orgWords[prev] && !roleWords[strings.ToLower(prev)] && start-1 > sp.Start {
			start--
		}
		if orgWords[s.Tokens[sp.Start].Text] || start == sp.Start {
			continue
		}
		spans[i] = ner.Span{Start: start, End: sp.End, Type: typePER}
	}
	return spans
}

// tidy drops names that end in a lower-case word, which names seldom do ("Muslim states"), and
// joins a one-word place to the place right after it ("Camp" "Ashraf-3" → "Camp Ashraf-3").
func tidy(s ner.Sentence, spans []ner.Span) []ner.Span {
	out := make([]ner.Span, 0, len(spans))
	for _, sp := range spans {
		// Marks at either end are no part of a name; a name of marks alone is none.
		for sp.Start < sp.End && !hasLetterOrDigit(s.Tokens[sp.Start].Text) {
			sp.Start++
		}
		for sp.End > sp.Start && !hasLetterOrDigit(s.Tokens[sp.End-1].Text) {
			sp.End--
		}
		if sp.Start == sp.End {
			continue
		}
		if last := s.Tokens[sp.End-1].Text; startsLower(last) {
			continue
		}
		// A name that ends in a word such as Inc, Authority or Partners is an organisation's.
		if sp.Type != typeORG && sp.End-sp.Start > 1 && (orgWords[s.Tokens[sp.End-1].Text] || hasCompanySuffix(s.Tokens[sp.Start+1:sp.End])) {
			sp.Type = typeORG
		}
		if n := len(out); n > 0 {
			last := out[n-1]
			if last.End == sp.Start && last.Type == sp.Type && sp.Type != typePER && last.End-last.Start == 1 &&
				s.Gaz[last.Start] == "" && s.Gaz[sp.Start] == "" {
				out[n-1].End = sp.End
				continue
			}
		}
		out = append(out, sp)
	}
	return out
}

// organisations adds the organisations the tagger left out: a capitalised run that ends in a word
// such as Ministry, Council or Inc ("National Cyber Directorate" does not; "Iranian Foreign
// Ministry" does), one that starts with such a word and "of" ("Ministry of Intelligence"), and one
// that an acronym in parentheses follows ("Mujahedeen-e-Khalq (MEK)").
func organisations(s ner.Sentence, spans []ner.Span) []ner.Span {
	covered := make([]bool, len(s.Tokens))
	for _, sp := range spans {
		for k := sp.Start; k < sp.End; k++ {
			covered[k] = true
		}
	}
	toks := s.Tokens
	for k := 0; k < len(toks); k++ {
		if covered[k] || !startsUpper(toks[k].Text) {
			continue
		}
		end := k + 1
		for end < len(toks) && !covered[end] && (startsUpper(toks[end].Text) ||
			connectors[toks[end].Text] && end+1 < len(toks) && startsUpper(toks[end+1].Text) && !covered[end+1]) {
			end++
		}
		start := k
		for start < end && (sentenceStart(toks, start) && !orgWords[toks[start].Text] && s.Gaz[start] == "" && end-start > 1 || titles[toks[start].Text]) {
			start++
		}
		if start == end {
			k = end
			continue
		}
		acr := end+2 < len(toks) && toks[end].Text == "(" && toks[end+2].Text == ")" && isAcronym(toks[end+1].Text)
		org := orgWords[toks[end-1].Text] && end-start > 1 || orgWords[toks[start].Text] && end-start > 2 && toks[start+1].Text == "of"
		if org || acr && s.Gaz[start] == "" {
			spans = append(spans, ner.Span{Start: start, End: end, Type: typeORG})
		}
		k = end
	}
	slices.SortFunc(spans, func(a, b ner.Span) int { return a.Start - b.Start })
	return spans
}

func hasCompanySuffix(toks []ner.Token) bool {
	for _, t := range toks {
		if companySuffixes[t.Text] {
			return true
		}
	}
	return false
}

func hasLetterOrDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// joinMinistries joins a government body to the demonym or country name before it: "Iranian" and
// "Foreign Ministry" are one name, "Iranian Foreign Ministry", of an organisation of Iran.
func joinMinistries(s ner.Sentence, spans []ner.Span) []ner.Span {
	out := make([]ner.Span, 0, len(spans))
	for _, sp := range spans {
		if sp.Type == typeORG && sp.Start > 0 && ministryWords[s.Tokens[sp.End-1].Text] &&
			(s.Gaz[sp.Start-1] == gazDemonym || s.Gaz[sp.Start-1] == gazCountry) {
			start := sp.Start - 1
			for start > 0 && s.Gaz[start-1] == s.Gaz[sp.Start-1] {
				start--
			}
			if n := len(out); n > 0 && out[n-1].End > start {
				out = out[:n-1]
			}
			sp.Start = start
		}
		out = append(out, sp)
	}
	return out
}

// inSentence reports whether tokens [k, k+n) of sentence i stand as a name of their own: not
// inside a capitalised run that the tagger did not take for a name ("Iran Air", "New Mexico").
func (c *caster) inSentence(i, k, n int) bool {
	toks := c.sents[i].Tokens
	capital := func(j int) bool {
		return j >= 0 && j < len(toks) && startsUpper(toks[j].Text) && !allUpperSentence(toks)
	}
	if k > 0 && capital(k-1) && !sentenceStart(toks, k-1) {
		return false
	}
	return !capital(k + n)
}

func (c *caster) occurrence(sent, start, end, typ int) occurrence {
	toks := c.sents[sent].Tokens
	return occurrence{text: join(toks[start:end]), typ: typ, sent: sent, start: start, end: end}
}

// join writes tokens as the text wrote them, a space wherever the text had white space.
func join(toks []ner.Token) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && t.Start > toks[i-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// whole returns the gazetteer's entry for exactly these tokens.
func (g *gazIndex) whole(toks []ner.Token) *gazName {
	if len(toks) == 0 {
		return nil
	}
	if n := g.match(toks, 0); n != nil && len(n.words) == len(toks) {
		return n
	}
	return nil
}

// countries makes an entity of each country, union or region the gazetteer knows that the text
// names, by name, alias, demonym or capital; a capital makes its country only beside a mention of
// the country by name or demonym, and only if the text does not mostly speak of it as a place one
// is in, goes to or comes from ("in Seoul"), rather than for its government ("Seoul said").
func (c *caster) countries() {
	mentioned := map[string]bool{}
	type tally struct{ places, others int }
	capitals := map[*gazName]*tally{}
	for _, o := range c.occ {
		c.steps++
		switch {
		case o.gaz == nil || o.typ == typePER:
		case o.gaz.label == gazCapital:
			t := capitals[o.gaz]
			if t == nil {
				t = &tally{}
				capitals[o.gaz] = t
			}
			if o.start > 0 && locatives[strings.ToLower(c.sents[o.sent].Tokens[o.start-1].Text)] {
				t.places++
			} else {
				t.others++
			}
		case o.gaz.label != gazCity:
			mentioned[o.gaz.id] = true
		}
	}
	for i := range c.occ {
		c.steps++
		o := &c.occ[i]
		if o.gaz == nil || o.typ == typePER || o.gaz.label == gazCity {
			continue
		}
		if o.gaz.label == gazCapital && o.typ == typeMISC {
			continue
		}
		if t := capitals[o.gaz]; o.gaz.label == gazCapital && (!mentioned[o.gaz.id] || t.places > t.others) {
			continue
		}
		d := c.countryDraft(o.gaz.id, i)
		if d == nil {
			continue
		}
		switch o.gaz.label {
		case gazDemonym:
			c.claim(d, singular(o.gaz.id, o.text), model.FormDemonym)
		case gazCapital:
			c.claim(d, o.text, model.FormPlace)
		default:
			c.claim(d, o.text, model.FormName)
		}
		o.typ = -1 // used
		o.entity = d
	}
}

// countryDraft returns the entity of the gazetteer's entry id, making it at occurrence i.
func (c *caster) countryDraft(id string, i int) *draft {
	key := "gaz:" + id
	if d := c.byKey[key]; d != nil {
		return d
	}
	g, ok := gazetteer.ByID(id)
	if !ok {
		return nil
	}
	kind := model.Country
	switch g.Kind {
	case "organisation":
		kind = model.Organisation
	case "place":
		kind = model.Place
	}
	d := c.newDraft(key, i, model.Entity{ID: id, Name: g.Name, Kind: kind})
	return d
}

// singular returns the singular of a demonym of country id as the gazetteer lists it: "Albanians"
// → "Albanian"; the annotator finds the plural of a demonym by itself.
func singular(id, demonym string) string {
	g, _ := gazetteer.ByID(id)
	if s, ok := strings.CutSuffix(demonym, "s"); ok && slices.Contains(g.Demonyms, s) {
		return s
	}
	if up := strings.ToUpper(demonym); up == demonym {
		for _, d := range g.Demonyms {
			if strings.ToUpper(d) == up {
				return d
			}
		}
	}
	return demonym
}

func (c *caster) newDraft(key string, first int, e model.Entity) *draft {
	e.Source = model.SourceAuto
	d := &draft{Entity: e, key: key, first: first, forms: map[string]int{}}
	c.entities = append(c.entities, d)
	c.byKey[key] = d
	return d
}

// claim records s as one of d's names in the given form, unless another entity has it.
func (c *caster) claim(d *draft, s string, form model.Form) bool {
	if s == "" {
		return false
	}
	key := nameKey(s)
	if o, ok := c.owner[key]; ok {
		if o == d {
			d.forms[s]++
		}
		return o == d
	}
	c.owner[key] = d
	d.forms[s]++
	switch form {
	case model.FormDemonym:
		d.Demonyms = append(d.Demonyms, s)
	case model.FormPlace:
		d.Places = append(d.Places, s)
	default:
		if s != d.Name {
			d.Aliases = append(d.Aliases, s)
		}
	}
	return true
}

// finish settles each entity's name (the gazetteer's, if the text uses it, else its most frequent
// full form), drops entities no name of which remains, gives each an ID and sorts the cast.
func (c *caster) finish() []model.Entity {
	var out []model.Entity
	ids := map[string]bool{}
	slices.SortStableFunc(c.entities, func(a, b *draft) int {
		return cmp.Or(cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)), cmp.Compare(a.first, b.first))
	})
	lower, inner := c.words()
	for _, d := range c.entities {
		c.steps++
		if len(d.forms) == 0 || commonWord(d, lower, inner) {
			continue
		}
		e := d.Entity
		if d.forms[e.Name] == 0 && !strings.HasPrefix(d.key, "gaz:") {
			e.Name = d.mainForm()
			e.Aliases = slices.DeleteFunc(slices.Clone(e.Aliases), func(a string) bool { return a == e.Name })
			e.Demonyms = slices.DeleteFunc(slices.Clone(e.Demonyms), func(a string) bool { return a == e.Name })
			e.Places = slices.DeleteFunc(slices.Clone(e.Places), func(a string) bool { return a == e.Name })
		}
		if e.ID == "" || ids[e.ID] {
			e.ID = uniqueID(Slug(e.Name), ids)
		}
		ids[e.ID] = true
		out = append(out, e)
	}
	// A country reference holds only if its country is in the cast, as a country.
	kinds := map[string]model.Kind{}
	for _, e := range out {
		kinds[e.ID] = e.Kind
	}
	for i := range out {
		if out[i].Country != "" && (kinds[out[i].Country] != model.Country || out[i].Country == out[i].ID) {
			out[i].Country = ""
		}
	}
	return out
}

// mainForm returns the name the entity goes by: the longest of its names the text uses most often
// in the name or alias form.
func (d *draft) mainForm() string {
	best := ""
	for s, n := range d.forms {
		if slices.Contains(d.Demonyms, s) || slices.Contains(d.Places, s) {
			continue
		}
		if best == "" || len(s) > len(best) || len(s) == len(best) && (n > d.forms[best] || n == d.forms[best] && s < best) {
			best = s
		}
	}
	if best == "" {
		for s := range d.forms {
			if best == "" || s < best {
				best = s
			}
		}
	}
	return best
}

func kindOrder(k model.Kind) int {
	return slices.Index([]model.Kind{model.Person, model.Organisation, model.Country, model.Place}, k)
}

// Slug makes an ID of a name: its letters and digits in lower case, runs of anything else one
// hyphen, accents dropped where the letter has a plain form.
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		r = plain(r)
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		} else if r != '\'' && r != '’' && r != '.' {
			hyphen = true
		}
	}
	if b.Len() == 0 {
		return "entity"
	}
	return b.String()
}

// plain maps a Latin letter with a diacritic to the letter without it, for IDs.
func plain(r rune) rune {
	const from, to = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿšžčćđłńśźżăâîșțő", "aaaaaaceeeeiiiinoooooouuuuyyszccdlnszzaaistao"
	if i := strings.IndexRune(from, r); i >= 0 {
		return []rune(to)[len([]rune(from[:i]))]
	}
	return r
}

func uniqueID(base string, taken map[string]bool) string {
	id := base
	for n := 2; taken[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// allUpperSentence reports whether a sentence is written in capitals, as a headline.
func allUpperSentence(toks []ner.Token) bool {
	upper, lower := 0, 0
	for _, t := range toks {
		for _, r := range t.Text {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
	}
	return upper > 4*lower
}

// sentenceStart reports whether token k starts a sentence.
func sentenceStart(toks []ner.Token, k int) bool {
	if k == 0 {
		return true
	}
	switch toks[k-1].Text {
	case ".", "?", "!", ":", "\"", "“", "”", "‘", "'", "(", "—", "–", "-":
		return true
	}
	return false
}

// words returns the words the text writes in lower case, and those it writes within a sentence,
// not at its start.
func (c *caster) words() (lower, inner map[string]bool) {
	lower, inner = map[string]bool{}, map[string]bool{}
	for _, s := range c.sents {
		for k, t := range s.Tokens {
			c.steps++
			if startsLower(t.Text) {
				lower[t.Text] = true
			}
			if !sentenceStart(s.Tokens, k) {
				inner[t.Text] = true
			}
		}
	}
	return lower, inner
}

// commonWord reports whether an entity is a common word the tagger took for a name: its only name is
// one word, a title, or one that starts a sentence wherever it occurs and that the text also writes
// in lower case ("Even", "Back"); for a person, one that only ever starts a sentence ("Alone, …").
func commonWord(d *draft, lower, inner map[string]bool) bool {
	if len(d.forms) != 1 || strings.HasPrefix(d.key, "gaz:") {
		return false
	}
	name := d.mainForm()
	if strings.ContainsAny(name, " -") {
		return false
	}
	if titles[name] || roleWords[strings.ToLower(name)] {
		return true
	}
	if !lower[strings.ToLower(name)] && d.Kind != model.Person {
		return false
	}
	return !inner[name]
}
