package catalog

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/dramatis/dramatis/app/model"
	"go.yaml.in/yaml/v3"
)

// fieldNames lists the fields an entity may have, in the order error messages give them.
var fieldNames = []string{"id", "name", "kind", "aliases", "demonyms", "places", "role", "country", "source"}

// slugPattern matches a valid id.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// parser walks the decoded YAML, collecting entities and problems.
type parser struct {
	file   string
	errs   []*Error
	ids    map[string]*entry // by id, the first entity to claim it
	owners map[string]owner  // by matchKey, the entity a name, alias, demonym or place belongs to
}

// entry is an entity with the positions needed to report problems with it.
type entry struct {
	model.Entity
	node    *yaml.Node // the entity's mapping
	id      *yaml.Node // the id field's value, if any
	country *yaml.Node // the country field's value, if any
}

// owner records which entity first used a string, and where.
type owner struct {
	id   string
	line int
}

// errorf records a problem at the position of n.
func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Column: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// err returns the recorded problems in file order, or nil if there are none.
func (p *parser) err() error {
	slices.SortStableFunc(p.errs, func(a, b *Error) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	})
	switch len(p.errs) {
	case 0:
		return nil
	case 1:
		return p.errs[0]
	}
	errs := make([]error, len(p.errs))
	for i, e := range p.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// parse checks the top-level list and every entity in it.
func (p *parser) parse(root *yaml.Node) []model.Entity {
	root = resolve(root)
	if root.Kind != yaml.SequenceNode {
		p.errorf(root, "top level is %s (want a list of entities)", describe(root))
		return nil
	}
	var entries []*entry
	for _, n := range root.Content {
		if e := p.entry(resolve(n)); e != nil {
			entries = append(entries, e)
		}
	}
	entities := make([]model.Entity, 0, len(entries))
	for _, e := range entries {
		p.checkCountry(e)
		entities = append(entities, e.Entity)
	}
	return entities
}

// entry checks one entity's mapping. It returns nil if n is not a mapping.
func (p *parser) entry(n *yaml.Node) *entry {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "entity is %s (want a mapping of fields)", describe(n))
		return nil
	}
	e := &entry{node: n}
	keys := map[string]*yaml.Node{}   // by field, its key
	values := map[string]*yaml.Node{} // by field, its value
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := resolve(n.Content[i]), resolve(n.Content[i+1])
		if key.Kind != yaml.ScalarNode {
			p.errorf(key, "field name is %s (want one of %s)", describe(key), strings.Join(fieldNames, ", "))
			continue
		}
		if !slices.Contains(fieldNames, key.Value) {
			p.errorf(key, "unknown field %q (want one of %s)", key.Value, strings.Join(fieldNames, ", "))
			continue
		}
		if first, ok := keys[key.Value]; ok {
			p.errorf(key, "field %q repeated (first at line %d)", key.Value, first.Line)
			continue
		}
		keys[key.Value], values[key.Value] = key, value
		switch key.Value {
		case "id":
			e.ID = p.text(value, "id")
			e.id = value
		case "name":
			e.Name = p.text(value, "name")
		case "kind":
			e.Kind = model.Kind(p.text(value, "kind"))
		case "role":
			e.Role = p.text(value, "role")
		case "country":
			e.Country = p.text(value, "country")
			e.country = value
		case "source":
			e.Source = model.Source(p.text(value, "source"))
			if e.Source != model.SourceAuto && e.Source != model.SourceCurated {
				p.errorf(value, "unknown source %q (want %s, or no source field for a curated entry)", e.Source, model.SourceAuto)
			}
			if e.Source == model.SourceCurated {
				e.Source = ""
			}
		}
	}
	p.checkRequired(e, values)
	p.checkID(e)
	if e.Kind != "" && !e.Kind.Valid() {
		p.errorf(values["kind"], "unknown kind %q (want one of %s)", e.Kind, kindList())
	}

	// Strings are claimed name first, then aliases, demonyms and places, so that a string
	// repeated within the entity is kept where it first appears and dropped from later fields.
	seen := map[string]bool{}
	if e.Name != "" {
		p.claim(e, "name", e.Name, values["name"], seen)
	}
	e.Aliases = p.list(e, values["aliases"], "aliases", "alias", seen)
	e.Demonyms = p.list(e, values["demonyms"], "demonyms", "demonym", seen)
	e.Places = p.list(e, values["places"], "places", "place", seen)
	return e
}

// checkRequired reports a missing or empty id, name or kind. values holds the entity's field
// values by field name.
func (p *parser) checkRequired(e *entry, values map[string]*yaml.Node) {
	for _, f := range []struct {
		field string
		value string
	}{{"id", e.ID}, {"name", e.Name}, {"kind", string(e.Kind)}} {
		v, ok := values[f.field]
		switch {
		case !ok:
			p.errorf(e.node, "entity has no %s", f.field)
		case f.value == "" && v.Kind == yaml.ScalarNode:
			p.errorf(v, "empty %s", f.field)
		}
	}
}

// checkID checks that e's id is a slug that no earlier entity has.
func (p *parser) checkID(e *entry) {
	if e.ID == "" {
		return
	}
	v := e.id
	if !slugPattern.MatchString(e.ID) {
		p.errorf(v, "id %q is not a lowercase slug (want words of a-z and 0-9 joined by single hyphens, like \"edi-rama\")", e.ID)
		return
	}
	if first, ok := p.ids[e.ID]; ok {
		p.errorf(v, "duplicate id %q (first at line %d)", e.ID, first.id.Line)
		return
	}
	p.ids[e.ID] = e
}

// checkCountry checks that e's country field names a country entity.
func (p *parser) checkCountry(e *entry) {
	if e.country == nil || e.country.Kind != yaml.ScalarNode || e.country.Tag == "!!null" {
		return
	}
	c, ok := p.ids[e.Country]
	switch {
	case e.Country == "":
		p.errorf(e.country, "empty country (want the id of a country entity, or no country field)")
	case !ok:
		p.errorf(e.country, "country %q names no entity", e.Country)
	case c.Kind != model.Country:
		p.errorf(e.country, "country %q is %s (line %d), not a country", e.Country, withArticle(string(c.Kind)), c.node.Line)
	}
}

// withArticle returns word after "a" or "an".
func withArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}

// text returns the trimmed value of a scalar field, or "" after reporting a field of the wrong type.
// A null value counts as empty.
func (p *parser) text(n *yaml.Node, field string) string {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s is %s (want a string)", field, describe(n))
		return ""
	}
	if n.Tag == "!!null" {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// list returns the trimmed, distinct items of the list field whose value is n, claiming each for
// e. item names one item in messages. n is nil when the field is absent.
func (p *parser) list(e *entry, n *yaml.Node, field, item string, seen map[string]bool) []string {
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s is %s (want a list of strings)", field, describe(n))
		return nil
	}
	var out []string
	for _, c := range n.Content {
		c = resolve(c)
		if c.Kind != yaml.ScalarNode {
			p.errorf(c, "%s item is %s (want a string)", field, describe(c))
			continue
		}
		s := ""
		if c.Tag != "!!null" {
			s = strings.TrimSpace(c.Value)
		}
		if p.claim(e, item, s, c, seen) {
			out = append(out, s)
		}
	}
	return out
}

// claim checks a name, alias, demonym or place s of entity e, found at n, and records e as its
// owner. It reports whether s is new to e and valid.
func (p *parser) claim(e *entry, item, s string, n *yaml.Node, seen map[string]bool) bool {
	if s == "" {
		p.errorf(n, "empty %s", item)
		return false
	}
	if !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		p.errorf(n, "%s %q has no letter or digit", item, s)
		return false
	}
	key := matchKey(s)
	if seen[key] {
		return false
	}
	seen[key] = true
	if first, ok := p.owners[key]; ok {
		who := "another entity"
		if first.id != "" {
			who = fmt.Sprintf("entity %q", first.id)
		}
		p.errorf(n, "%s %q already belongs to %s (line %d)", item, s, who, first.line)
		return false
	}
	p.owners[key] = owner{id: e.ID, line: n.Line}
	return true
}

// matchKey folds s the way mention matching does: straight and curly apostrophes are alike and any
// run of white space is one space.
func matchKey(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "’", "'")
}

// resolve follows a YAML alias to the node it stands for, keeping the alias's position.
func resolve(n *yaml.Node) *yaml.Node {
	if n.Kind != yaml.AliasNode || n.Alias == nil {
		return n
	}
	c := *resolve(n.Alias)
	c.Line, c.Column = n.Line, n.Column
	return &c
}

// describe names the YAML type of n for error messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "null"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "a boolean"
		}
		return "a string"
	}
	return "empty"
}

// kindList returns the valid kinds as a comma-separated list.
func kindList() string {
	names := make([]string, len(model.Kinds))
	for i, k := range model.Kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
