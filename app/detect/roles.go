package detect

import (
	"strings"
	"unicode"

	"github.com/dramatis/dramatis/app/detect/ner"
	"github.com/dramatis/dramatis/app/model"
)

// roles gives each person the role the text gives them at a mention: the words before the name
// ("Iranian Foreign Ministry spokesperson Nasser Kanaani" → "spokesperson of the Iranian Foreign
// Ministry", "Israeli Prime Minister Yair Lapid" → "Prime Minister of Israel") or an apposition
// after it ("Jane Doe, chief executive of Acme, said" → "chief executive of Acme").
func (c *caster) roles() {
	type at struct{ sent, end int }
	ending := map[at]*occurrence{} // the names by where they end
	for i := range c.occ {
		c.steps++
		if o := &c.occ[i]; o.entity != nil {
			ending[at{o.sent, o.end}] = o
		}
	}
	for _, o := range c.occ {
		c.steps++
		d := o.entity
		if d == nil || d.Kind != model.Person || d.Role != "" {
			continue
		}
		before := ending[at{o.sent, c.roleStart(o)}]
		if r := c.roleBefore(o, before); r != "" {
			d.Role = r
		} else if r := apposition(c.sents[o.sent].Tokens, o.end); r != "" {
			d.Role = r
		}
	}
}

// roleStart returns where the role words before a person's mention start.
func (c *caster) roleStart(o occurrence) int {
	toks := c.sents[o.sent].Tokens
	j := o.start
	for j > 0 && (roleWords[strings.ToLower(toks[j-1].Text)] || toks[j-1].Text == "of" && j >= 2 && roleWords[strings.ToLower(toks[j-2].Text)]) {
		j--
	}
	return j
}

// roleBefore reads the role in the words before a person's mention, and whom it is of: a
// possessive ("Albania's prime minister"), or the name just before the role, p, if it is a country
// ("Israeli Prime Minister") or an organisation ("Iranian Foreign Ministry spokesperson").
func (c *caster) roleBefore(o occurrence, p *occurrence) string {
	toks := c.sents[o.sent].Tokens
	k := o.start
	j := c.roleStart(o)
	if j == k || !roleHeads[strings.ToLower(toks[k-1].Text)] && !strings.Contains(join(toks[j:k]), " of ") {
		return ""
	}
	role := join(toks[j:k])
	if j >= 2 && (toks[j-1].Text == "'s" || toks[j-1].Text == "’s") {
		return role + " of " + toks[j-2].Text
	}
	switch {
	case p == nil:
	case p.entity.Kind == model.Country:
		return role + " of " + withThe(p.entity.Name)
	case p.entity.Kind == model.Organisation:
		return role + " of the " + p.text
	}
	return role
}

// withThe puts "the" before a country's name that takes it: "the United States", "the Netherlands".
func withThe(name string) string {
	if strings.HasPrefix(name, "United ") || strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "us") {
		return "the " + name
	}
	return name
}

// apposition reads the role in ", a/the … ," after the name ending at token k.
func apposition(toks []ner.Token, k int) string {
	if k+2 >= len(toks) || toks[k].Text != "," {
		return ""
	}
	j := k + 1
	switch strings.ToLower(toks[j].Text) {
	case "the", "a", "an":
		j++
	}
	if j >= len(toks) || !roleWords[toks[j].Text] {
		return ""
	}
	end := j
	for end < len(toks) && end-j < 12 && toks[end].Text != "," && toks[end].Text != "." && toks[end].Text != ";" {
		end++
	}
	if end >= len(toks) || end-j >= 12 {
		return ""
	}
	return join(toks[j:end])
}

func startsLower(s string) bool {
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}
