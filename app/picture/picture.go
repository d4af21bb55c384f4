// Package picture draws the pictures of an annotated article that the server embeds in its pages:
// the world map of its countries and places (package worldmap, from Natural Earth's shapes) and the
// network of the entities mentioned in the same paragraphs (package network). Both are SVG markup,
// computed from the Document and its Index with no other input; the coordinates of places come
// from the gazetteer (app/detect/gazetteer, GeoNames cities and world-countries data).
//
// The package is meant for the server, not for the WebAssembly client, which need not carry the
// map's data (about 70 KB of path data).
package picture

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/dramatis/dramatis/app/detect/gazetteer"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture/network"
	"github.com/dramatis/dramatis/app/picture/worldmap"
)

// Map returns the world map of doc: every country of the cast that the article mentions, shaded by
// its count in idx, and every mentioned place whose position the gazetteer knows. A country is
// found by its ID when that is an ISO 3166-1 alpha-2 code the map knows ("al"), else by its name
// in the gazetteer ("Kosovo" is "xk"); one the map cannot place (the Soviet Union) is left out,
// as is a place that is a region ("Balkans") or that the gazetteer does not list.
func Map(doc *model.Document, idx model.Index) (svg string) {
	countries, places, _ := mapped(doc, idx)
	svg, _ = worldmap.SVG(countries, places)
	return svg
}

// mapped returns the countries and places of doc for the map, and the names of the mentioned places
// that it cannot place (regions, places the gazetteer does not list).
func mapped(doc *model.Document, idx model.Index) ([]worldmap.Country, []worldmap.Place, []string) {
	var countries []worldmap.Country
	var places []worldmap.Place
	var unplaced []string
	for _, e := range doc.Entities {
		n := idx.Count(e.ID)
		if n == 0 {
			continue
		}
		switch e.Kind {
		case model.Country:
			countries = append(countries, worldmap.Country{ID: e.ID, Code: countryCode(e), Name: e.Name, Mentions: n})
		case model.Place:
			if lat, lng, ok := placePosition(e); ok {
				places = append(places, worldmap.Place{ID: e.ID, Name: e.Name, Lat: lat, Lng: lng, Mentions: n})
			} else {
				unplaced = append(unplaced, e.Name)
			}
		}
	}
	return countries, places, unplaced
}

// countryCode returns the ISO 3166-1 alpha-2 code of a country entity: its ID if the map knows
// it, else the ID of the gazetteer's country named like it, else "".
func countryCode(e model.Entity) string {
	if worldmap.Known(e.ID) {
		return e.ID
	}
	names := append([]string{e.Name}, e.Aliases...)
	for _, c := range gazetteer.Countries() {
		if c.Kind != "country" {
			continue
		}
		for _, n := range names {
			if strings.EqualFold(n, c.Name) || strings.EqualFold(n, c.Official) || containsFold(c.Aliases, n) {
				return c.ID
			}
		}
	}
	return ""
}

// placePosition returns the position of a place entity: that of the gazetteer's most populous
// city of that name (or of one of its aliases), in the entity's country when it names one and has
// such a city; else that of a gazetteer place of that name (Republika Srpska, Gaza, Scotland).
func placePosition(e model.Entity) (lat, lng float64, ok bool) {
	names := append([]string{e.Name}, e.Aliases...)
	var best *gazetteer.City
	better := func(c *gazetteer.City) bool {
		if best == nil {
			return true
		}
		if e.Country != "" && (c.Country == e.Country) != (best.Country == e.Country) {
			return c.Country == e.Country
		}
		return c.Population > best.Population
	}
	cities := gazetteer.Cities()
	for _, n := range names {
		// Cities are sorted by name.
		i := sort.Search(len(cities), func(i int) bool { return cities[i].Name >= n })
		for ; i < len(cities) && cities[i].Name == n; i++ {
			if better(&cities[i]) {
				best = &cities[i]
			}
		}
	}
	if best != nil {
		return best.Lat, best.Lng, true
	}
	for _, c := range gazetteer.Countries() {
		if c.Kind == "place" && (containsFold(names, c.Name) || anyFold(names, c.Aliases)) {
			return c.Lat, c.Lng, true
		}
	}
	return 0, 0, false
}

// Network returns the network of doc: a node for each entity mentioned at least once, with its
// count in idx, and an edge between two entities for each paragraph (or field of the head) that
// mentions both.
func Network(doc *model.Document, idx model.Index) (svg string) {
	nodes, edges := linked(doc, idx)
	return network.SVG(nodes, edges)
}

// linked returns the nodes and edges of doc's network.
func linked(doc *model.Document, idx model.Index) ([]network.Node, []network.Edge) {
	var nodes []network.Node
	known := map[string]bool{}
	for _, e := range doc.Entities {
		if n := idx.Count(e.ID); n > 0 && !known[e.ID] {
			known[e.ID] = true
			nodes = append(nodes, network.Node{ID: e.ID, Name: e.Name, Kind: string(e.Kind), Mentions: n})
		}
	}
	// The entities of each paragraph, each once.
	byParagraph := map[int][]string{}
	for _, m := range doc.Mentions {
		if es := byParagraph[m.Paragraph]; known[m.Entity] && !slices.Contains(es, m.Entity) {
			byParagraph[m.Paragraph] = append(es, m.Entity)
		}
	}
	weight := map[[2]string]int{}
	for _, es := range byParagraph {
		for i, a := range es {
			for _, b := range es[i+1:] {
				weight[[2]string{min(a, b), max(a, b)}]++
			}
		}
	}
	var edges []network.Edge
	for _, k := range slices.SortedFunc(maps.Keys(weight), func(a, b [2]string) int {
		return cmp.Or(strings.Compare(a[0], b[0]), strings.Compare(a[1], b[1]))
	}) {
		edges = append(edges, network.Edge{A: k[0], B: k[1], Weight: weight[k]})
	}
	return nodes, edges
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// anyFold reports whether a and b share a string, ignoring case.
func anyFold(a, b []string) bool {
	for _, s := range a {
		if containsFold(b, s) {
			return true
		}
	}
	return false
}
