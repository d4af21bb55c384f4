package engine

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/model"
)

// The operations of an Edit.
const (
	OpRename = "rename" // Entity is called Name from now on; its old name stays as an alias
	OpKind   = "kind"   // Entity is of Kind
	OpMerge  = "merge"  // Entity joins Into: its names become Into's aliases
	OpSplit  = "split"  // Name, an alias, demonym or place of Entity, becomes an entity of its own
	OpHide   = "hide"   // Entity is neither marked nor exported
	OpUnhide = "unhide" // Entity is shown again
	OpAdd    = "add"    // a new entity called Name, of Kind, which the article mentions
)

// Edit is one change the reader makes to the cast.
type Edit struct {
	Op     string     `json:"op"`
	Entity string     `json:"entity,omitempty"`
	Into   string     `json:"into,omitempty"`
	Name   string     `json:"name,omitempty"`
	Kind   model.Kind `json:"kind,omitempty"`
}

// maxName is the longest name, in bytes, an edit may give.
const maxName = 120

// Apply carries out e on a's cast, which keeps the cast before it for Undo, and returns the id of the
// entity the edit leaves in question (the renamed, merged into, split off or added one). An edit
// that would make the cast invalid changes nothing and is an error that says why.
func Apply(a *Article, e Edit) (string, error) {
	next := a.Cast.clone()
	id, err := next.apply(e, a.Text)
	if err != nil {
		return "", err
	}
	if _, err := catalog.Parse("entities.yaml", catalog.Format(next.Shown(), "")); err != nil {
		return "", fmt.Errorf("that edit would make the cast invalid: %w", err)
	}
	a.Undo = append(a.Undo, a.Cast)
	if len(a.Undo) > maxHistory {
		a.Undo = a.Undo[len(a.Undo)-maxHistory:]
	}
	a.Redo = nil
	a.Cast = next
	return id, nil
}

// ErrNoHistory is the error of Undo with nothing to undo and of Redo with nothing to redo.
var ErrNoHistory = errors.New("there is no edit to take back or to do again")

// Undo takes back the latest edit of a's cast.
func Undo(a *Article) error { return step(a, &a.Undo, &a.Redo) }

// Redo does again the edit that Undo took back last.
func Redo(a *Article) error { return step(a, &a.Redo, &a.Undo) }

func step(a *Article, from, to *[]Cast) error {
	if len(*from) == 0 {
		return ErrNoHistory
	}
	last := len(*from) - 1
	*to = append(*to, a.Cast)
	a.Cast, *from = (*from)[last], (*from)[:last]
	return nil
}

// apply carries out e on c (a clone, which it may change) for the article text.
func (c *Cast) apply(e Edit, article string) (string, error) {
	name := strings.Join(strings.Fields(e.Name), " ")
	if e.Op == OpAdd {
		return c.add(name, e.Kind, article)
	}
	i := c.index(e.Entity)
	if i < 0 {
		return "", fmt.Errorf("the cast has no entity %q", e.Entity)
	}
	ent := &c.Entities[i]
	switch e.Op {
	case OpRename:
		if err := c.checkName(name, ent.ID); err != nil {
			return "", err
		}
		if name != ent.Name {
			old := ent.Name
			ent.Name = name
			ent.Aliases, ent.Demonyms, ent.Places = without(ent.Aliases, name), without(ent.Demonyms, name), without(ent.Places, name)
			ent.Aliases = append(ent.Aliases, old)
		}
	case OpKind:
		if !e.Kind.Valid() {
			return "", fmt.Errorf("%q is not a kind (want person, organisation, country or place)", e.Kind)
		}
		ent.Kind = e.Kind
	case OpMerge:
		j := c.index(e.Into)
		if j < 0 || j == i {
			return "", fmt.Errorf("merge %s into which entity? %q is not another one of the cast", ent.Name, e.Into)
		}
		from, into := *ent, &c.Entities[j]
		into.Aliases = appendNew(into, into.Aliases, append([]string{from.Name}, from.Aliases...)...)
		into.Demonyms = appendNew(into, into.Demonyms, from.Demonyms...)
		into.Places = appendNew(into, into.Places, from.Places...)
		if into.Role == "" {
			into.Role = from.Role
		}
		into.Source = model.SourceCurated
		id := into.ID
		c.remove(from.ID)
		for k := range c.Entities {
			if c.Entities[k].Country == from.ID {
				c.Entities[k].Country = id
			}
		}
		return id, nil
	case OpSplit:
		if !slices.Contains(ent.Aliases, name) && !slices.Contains(ent.Demonyms, name) && !slices.Contains(ent.Places, name) {
			return "", fmt.Errorf("%q is not another name of %s", name, ent.Name)
		}
		ent.Aliases, ent.Demonyms, ent.Places = without(ent.Aliases, name), without(ent.Demonyms, name), without(ent.Places, name)
		ent.Source = model.SourceCurated
		n := model.Entity{ID: c.newID(name), Name: name, Kind: ent.Kind, Source: model.SourceCurated}
		c.Entities = slices.Insert(c.Entities, i+1, n)
		return n.ID, nil
	case OpHide:
		if !c.hidden(ent.ID) {
			c.Hidden = append(c.Hidden, ent.ID)
		}
		return ent.ID, nil
	case OpUnhide:
		c.Hidden = without(c.Hidden, ent.ID)
		return ent.ID, nil
	default:
		return "", fmt.Errorf("unknown edit %q", e.Op)
	}
	ent.Source = model.SourceCurated
	return ent.ID, nil
}

// add adds an entity called name, of kind, which article must mention.
func (c *Cast) add(name string, kind model.Kind, article string) (string, error) {
	if err := c.checkName(name, ""); err != nil {
		return "", err
	}
	if !kind.Valid() {
		return "", fmt.Errorf("%q is not a kind (want person, organisation, country or place)", kind)
	}
	if !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(article, "’", "'")), " "), strings.ReplaceAll(name, "’", "'")) {
		return "", fmt.Errorf("the article does not mention %q as written (select the name as it stands in one paragraph)", name)
	}
	e := model.Entity{ID: c.newID(name), Name: name, Kind: kind, Source: model.SourceCurated}
	c.Entities = append(c.Entities, e)
	return e.ID, nil
}

// checkName checks that name can be a name of the entity with id self ("" for a new one): not empty,
// not too long, and not a name of another entity (each string belongs to one entity only).
func (c *Cast) checkName(name, self string) error {
	if name == "" {
		return errors.New("a name cannot be empty")
	}
	if len(name) > maxName {
		return fmt.Errorf("a name may have at most %d characters", maxName)
	}
	key := fold(name)
	for _, e := range c.Entities {
		if e.ID == self {
			continue
		}
		for _, s := range names(e) {
			if fold(s) == key {
				return fmt.Errorf("%q is already a name of %s: merge the two instead", name, e.Name)
			}
		}
	}
	return nil
}

// names returns every string an entity is matched by.
func names(e model.Entity) []string {
	return append(append(append([]string{e.Name}, e.Aliases...), e.Demonyms...), e.Places...)
}

// fold makes the apostrophes and the white space of s alike, as matching does.
func fold(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "’", "'")), " ")
}

// appendNew appends to list each of add that is not yet a name of e.
func appendNew(e *model.Entity, list []string, add ...string) []string {
	for _, s := range add {
		if !slices.ContainsFunc(names(*e), func(t string) bool { return fold(t) == fold(s) }) && !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// newID returns an id for an entity called name that no entity of c has.
func (c *Cast) newID(name string) string {
	base := detect.Slug(name)
	id := base
	for n := 2; c.index(id) >= 0; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	return id
}

func (c *Cast) index(id string) int {
	return slices.IndexFunc(c.Entities, func(e model.Entity) bool { return e.ID == id })
}

func (c *Cast) remove(id string) {
	c.Entities = slices.DeleteFunc(c.Entities, func(e model.Entity) bool { return e.ID == id })
	c.Hidden = without(c.Hidden, id)
}

// clone returns a copy of c that shares nothing with it.
func (c Cast) clone() Cast {
	out := Cast{Entities: make([]model.Entity, len(c.Entities)), Hidden: slices.Clone(c.Hidden)}
	for i, e := range c.Entities {
		e.Aliases, e.Demonyms, e.Places = slices.Clone(e.Aliases), slices.Clone(e.Demonyms), slices.Clone(e.Places)
		out.Entities[i] = e
	}
	return out
}

// without returns list without s.
func without(list []string, s string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(t string) bool { return t == s })
}
