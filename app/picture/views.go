package picture

import (
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture/network"
	"github.com/dramatis/dramatis/app/picture/worldmap"
)

// Views returns the map and the network of doc as the page shows them: each one <div
// class="picture-body"> holding the SVG and, under it, a note that reads it (the map's shades and
// what it could not place, the network's shapes and lines). The page carries both, so that they
// show before its WebAssembly has loaded, and its client reads them back from there.
func Views(doc *model.Document, idx model.Index) (mapView, networkView string) {
	countries, places, unplaced := mapped(doc, idx)
	svg, missing := worldmap.SVG(countries, places)
	for _, e := range doc.Entities {
		if slices.Contains(missing, e.ID) {
			unplaced = append(unplaced, e.Name)
		}
	}
	top := 0
	for _, c := range countries {
		top = max(top, c.Mentions)
	}
	mapView = body(svg, mapNote(top, unplaced))
	nodes, edges := linked(doc, idx)
	networkView = body(Network(doc, idx), networkNote(nodes, len(edges)))
	return mapView, networkView
}

// body wraps a picture and its note.
func body(svg, note string) string {
	return `<div class="picture-body"><div class="picture-art">` + svg + `</div>` + note + `</div>`
}

// mapNote is the key of the map's shades, from the fewest mentions to top, and the names of the
// countries and places it does not show.
func mapNote(top int, unplaced []string) string {
	var b strings.Builder
	b.WriteString(`<div class="picture-note">`)
	if top > 0 {
		b.WriteString(`<p class="shade-key"><span>Mentions:</span>`)
		for shade := 1; shade <= 5; shade++ {
			from := fewestFor(shade, top)
			if from == 0 {
				continue
			}
			b.WriteString(`<span class="shade-step"><i class="shade" data-shade="` + strconv.Itoa(shade) + `" aria-hidden="true"></i>` +
				strconv.Itoa(from) + `</span>`)
		}
		b.WriteString(`<span>and more</span></p>`)
	}
	if len(unplaced) > 0 {
		b.WriteString(`<p class="unplaced">Not on the map: ` + html.EscapeString(strings.Join(unplaced, ", ")) + `.</p>`)
	}
	b.WriteString(`<p class="picture-hint">Click a country or a place to highlight it in the article; click it again to clear it.</p></div>`)
	return b.String()
}

// fewestFor returns the fewest mentions that worldmap.Shade gives the shade, or 0 if none does.
func fewestFor(shade, top int) int {
	for n := 1; n <= top; n++ {
		if worldmap.Shade(n, top) == shade {
			return n
		}
	}
	return 0
}

// networkNote is the key of the network's shapes, for the kinds it has, and of its lines.
func networkNote(nodes []network.Node, pairs int) string {
	kinds := map[string]bool{}
	for _, n := range nodes {
		kinds[n.Kind] = true
	}
	var b strings.Builder
	b.WriteString(`<div class="picture-note"><p class="kind-key">`)
	for _, k := range []struct{ kind, name, shape string }{
		{string(model.Person), "people", `<circle class="shape" cx="6" cy="6" r="5"/>`},
		{string(model.Organisation), "organisations", `<rect class="shape" x="1.5" y="1.5" width="9" height="9" rx="2"/>`},
		{string(model.Country), "countries", `<path class="shape" d="M6 0.5l5.5 5.5-5.5 5.5-5.5-5.5z"/>`},
		{string(model.Place), "places", `<path class="shape" d="M6 1l5.5 10h-11z"/>`},
	} {
		if !kinds[k.kind] {
			continue
		}
		b.WriteString(`<span class="kind-step kind-` + k.kind + `"><svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">` +
			k.shape + `</svg>` + k.name + `</span>`)
	}
	b.WriteString(`</p><p>` + strconv.Itoa(len(nodes)) + ` entities; a line joins two mentioned in the same paragraph (` +
		strconv.Itoa(pairs) + ` pairs), the thicker the more paragraphs. The most mentioned are named; hover or focus the others.</p>`)
	b.WriteString(`<p class="picture-hint">Click an entity to highlight it; click a line to highlight both ends and the paragraphs they share.</p></div>`)
	return b.String()
}
