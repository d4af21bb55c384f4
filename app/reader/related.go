package reader

import (
	"sort"

	"github.com/dramatis/dramatis/app/model"
)

// Related is an entity mentioned in the same paragraphs as another, with the number of paragraphs they
// share.
type Related struct {
	Entity model.Entity
	Shared int
}

// Related returns the entities most often mentioned in the same paragraphs as id, at most limit of
// them: those that share the most paragraphs first, then the most mentioned, then by name. With
// namesOnly set, only mentions by name or alias count, on both sides.
func (a *Article) Related(id string, limit int, namesOnly bool) []Related {
	paras := a.paras
	if namesOnly {
		paras = a.named
	}
	shared := map[string]int{}
	for _, p := range a.Paragraphs(id, namesOnly) {
		for _, other := range paras[p] {
			if other != id {
				shared[other]++
			}
		}
	}
	out := make([]Related, 0, len(shared))
	for other, n := range shared {
		e, ok := a.byID[other]
		if !ok {
			continue
		}
		out = append(out, Related{Entity: e, Shared: n})
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.Shared != y.Shared {
			return x.Shared > y.Shared
		}
		if cx, cy := a.Count(x.Entity.ID, namesOnly), a.Count(y.Entity.ID, namesOnly); cx != cy {
			return cx > cy
		}
		return x.Entity.Name < y.Entity.Name
	})
	if limit >= 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// Together returns, in order, the paragraphs that mention every one of ids (by name or alias only,
// when namesOnly is set). It returns nil for fewer than two ids. Its work grows with the paragraphs
// the entities stand in, not with their mentions.
func (a *Article) Together(ids []string, namesOnly bool) []int {
	if len(ids) < 2 {
		return nil
	}
	count := map[int]int{}
	for _, id := range ids {
		for _, p := range a.Paragraphs(id, namesOnly) {
			count[p]++
		}
	}
	var out []int
	for p, n := range count {
		if n == len(ids) {
			out = append(out, p)
		}
	}
	sort.Ints(out)
	return out
}

// Paragraphs returns the paragraphs that mention id (by name or alias only, when namesOnly is set),
// ascending, each once. The slice is shared: do not change it.
func (a *Article) Paragraphs(id string, namesOnly bool) []int {
	if namesOnly {
		return a.nameP[id]
	}
	if s := a.Index[id]; s != nil {
		return s.Paragraphs
	}
	return nil
}
