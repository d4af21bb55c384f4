package detect

import (
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Additions returns the detected entities that the curated cast lacks: those none of whose names
// (name, aliases, demonyms, places) a curated entity has. Each keeps only the names no curated
// entity has, and takes a new ID where a curated entity has its own, so that the curated cast with
// the additions after it is a valid catalogue.
func Additions(curated, detected []model.Entity) []model.Entity {
	names := map[string]bool{}
	ids := map[string]bool{}
	countries := map[string]bool{}
	for _, e := range curated {
		ids[e.ID] = true
		countries[e.ID] = e.Kind == model.Country
		for _, n := range allNames(e) {
			names[nameKey(n)] = true
		}
	}
	var out []model.Entity
	for _, e := range detected {
		known := false
		for _, n := range allNames(e) {
			known = known || names[nameKey(n)]
		}
		if known {
			continue
		}
		if ids[e.ID] {
			e.ID = uniqueID(e.ID, ids)
		}
		ids[e.ID] = true
		if !countries[e.Country] {
			e.Country = "" // its country is an addition too, or under another ID
		}
		out = append(out, e)
	}
	return out
}

func allNames(e model.Entity) []string {
	out := append([]string{e.Name}, e.Aliases...)
	out = append(out, e.Demonyms...)
	return append(out, e.Places...)
}

// nameKey folds a name as the catalogue compares names: any run of white space is one space, and
// the typewriter apostrophe is the typographic one.
func nameKey(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "'", "’")
}
