// Package network draws who appears with whom in an article as an SVG graph, for the server to
// embed in a page: a node per entity, sized by its mentions and shaped by its kind, and an edge
// between two entities for the paragraphs they share, drawn thicker the more they share.
//
// The layout (Layout) is computed here, without data files: a deterministic stress majorization
// that draws entities closer the more paragraphs they share. Names are shown for the most
// mentioned entities wherever they fit without covering another name or node; the others carry
// theirs hidden, for CSS to show on hover or focus.
//
// The package uses only the standard library and the model package; it is meant for the server,
// not for the WebAssembly client.
package network

import (
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Node is an entity of the article.
type Node struct {
	ID, Name string
	Kind     string // "person", "organisation", "country", "place" (others are drawn as people)
	Mentions int
}

// Edge links two entities, by ID, mentioned in Weight paragraphs together.
type Edge struct {
	A, B   string
	Weight int // the number of paragraphs they share
}

// The sizes of nodes: the radius of a person's circle grows with the square root of the
// mentions, from minRadius to maxRadius; other shapes have the same area as that circle.
const (
	minRadius = 4
	maxRadius = 18
)

// radius returns the radius of node i.
func (g *graph) radius(i int) float64 {
	top := g.nodes[0].Mentions // nodes are sorted, most mentioned first
	if top <= 0 {
		return minRadius
	}
	m := max(0, g.nodes[i].Mentions)
	return minRadius + (maxRadius-minRadius)*math.Sqrt(float64(m)/float64(top))
}

// extentOf returns how far the shape of a node of kind with radius r reaches from its centre.
func extentOf(kind string, r float64) float64 {
	switch kind {
	case string(model.Organisation):
		return r * math.Sqrt(math.Pi) / 2
	case string(model.Country):
		return r * math.Sqrt(math.Pi/2)
	case string(model.Place):
		return r * triangleApex
	}
	return r
}

// An equilateral triangle with the area of a circle of radius r has sides of √(4π/√3)·r: its apex
// lies triangleApex·r above its centroid, its base triangleBase·r below, triangleHalf·r to
// either side.
const (
	triangleApex = 1.5551203015562143 // side/√3
	triangleBase = triangleApex / 2
	triangleHalf = 1.3467736870885985 // side/2
)

// SVG returns the markup of the network: one <svg> element without width and height, for CSS to
// size, with a viewBox of Width × Height. Edges come first, each a <g class="edge"> with
// data-a, data-b and data-weight, a title ("Edi Rama and Albania: 5 paragraphs"), a wide
// transparent line of class "hit" to point at and the visible line of class "link", whose width
// grows with the weight. Then each node, most mentioned first, is a focusable
// <g class="node e-ID kind-KIND"> with data-entity, an aria-label and title ("Edi Rama, person,
// 20 mentions"), its shape (a circle for a person, a rounded square for an organisation, a
// diamond for a country, a triangle for a place) and its name in a <text class="label">; a node
// whose name did not fit has the class "unlabelled" and its text the class "label hidden-label".
// The output depends only on the input's values, not on its order.
func SVG(nodes []Node, edges []Edge) string {
	g := newGraph(nodes, edges)
	var b strings.Builder
	if len(g.nodes) == 0 {
		b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + strconv.Itoa(Width) + ` ` + strconv.Itoa(Height) + `" class="network" `)
		b.WriteString(`role="img" aria-label="Network: no entity is mentioned"><text class="empty" x="` + strconv.Itoa(Width/2) +
			`" y="` + strconv.Itoa(Height/2) + `" text-anchor="middle" font-size="16">No entity is mentioned.</text></svg>`)
		return b.String()
	}
	pts := g.layout()
	labels := g.placeLabels(pts)
	view := g.bounds(pts, labels)
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="` + num(view.x0) + ` ` + num(view.y0) + ` ` +
		num(view.x1-view.x0) + ` ` + num(view.y1-view.y0) + `" class="network" `)
	b.WriteString(`role="group" font-size="` + num(fontSize) + `" aria-label="`)
	b.WriteString(esc("Network: " + count(len(g.nodes), "entity", "entities") + ", " +
		count(len(g.edges), "pair", "pairs") + " mentioned in the same paragraph"))
	b.WriteString(`">`)

	topWeight := 1
	for _, e := range g.edges {
		topWeight = max(topWeight, e.weight)
	}
	// Lighter edges first, so that heavier ones draw over them.
	order := make([]int, len(g.edges))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return g.edges[order[x]].weight < g.edges[order[y]].weight })
	for _, i := range order {
		g.writeEdge(&b, g.edges[i], pts, topWeight)
	}
	for i := range g.nodes {
		g.writeNode(&b, i, pts[i], labels[i])
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// bounds returns the part of the frame that the nodes and their names, shown or not, cover, with a
// margin: the picture's viewBox, so that it fills the width it is given.
func (g *graph) bounds(pts []Point, labels []label) box {
	b := box{Width, Height, 0, 0}
	add := func(x box) { b = box{min(b.x0, x.x0), min(b.y0, x.y0), max(b.x1, x.x1), max(b.y1, x.y1)} }
	for i, p := range pts {
		e := extentOf(g.nodes[i].Kind, g.radius(i))
		add(box{p.X - e, p.Y - e, p.X + e, p.Y + e})
		add(labels[i].box)
	}
	b = b.grow(viewMargin)
	return box{max(0, math.Floor(b.x0)), max(0, math.Floor(b.y0)), min(Width, math.Ceil(b.x1)), min(Height, math.Ceil(b.y1))}
}

// margin is the space kept around the picture's content.
const viewMargin = 6

func (g *graph) writeEdge(b *strings.Builder, e edge, pts []Point, topWeight int) {
	a, c := g.nodes[e.a], g.nodes[e.b]
	title := esc(a.Name + " and " + c.Name + ": " + count(e.weight, "paragraph", "paragraphs"))
	ends := `x1="` + num(pts[e.a].X) + `" y1="` + num(pts[e.a].Y) + `" x2="` + num(pts[e.b].X) + `" y2="` + num(pts[e.b].Y) + `"`
	width := 0.8 + 3.2*math.Sqrt(float64(e.weight)/float64(topWeight))
	b.WriteString(`<g class="edge" data-a="` + esc(a.ID) + `" data-b="` + esc(c.ID) + `" data-weight="` +
		strconv.Itoa(e.weight) + `"><title>` + title + `</title><line class="hit" ` + ends +
		` stroke="transparent" stroke-width="8"/><line class="link" ` + ends + ` stroke-width="` + num(width) + `"/></g>`)
}

func (g *graph) writeNode(b *strings.Builder, i int, p Point, l label) {
	n := g.nodes[i]
	kind := kindClass(n.Kind)
	text := n.Name
	if kind != "" {
		text += ", " + kind
	}
	text = esc(text + ", " + count(n.Mentions, "mention", "mentions"))
	class := "node " + model.MarkClass(n.ID)
	if kind != "" {
		class += " kind-" + kind
	}
	if !l.visible {
		class += " unlabelled"
	}
	// The first node, the most mentioned, is the network's one tab stop; the arrow keys reach the
	// others (the page moves the tab stop among them).
	tabindex := "-1"
	if i == 0 {
		tabindex = "0"
	}
	b.WriteString(`<g class="` + esc(class) + `" data-entity="` + esc(n.ID) + `" tabindex="` + tabindex + `" role="button" aria-label="` +
		text + `"><title>` + text + `</title>`)
	r := g.radius(i)
	switch n.Kind {
	case string(model.Organisation):
		a := r * math.Sqrt(math.Pi)
		b.WriteString(`<rect class="shape" x="` + num(p.X-a/2) + `" y="` + num(p.Y-a/2) + `" width="` + num(a) +
			`" height="` + num(a) + `" rx="` + num(a/5) + `"/>`)
	case string(model.Country):
		h := r * math.Sqrt(math.Pi/2)
		b.WriteString(`<path class="shape" d="M` + num(p.X) + ` ` + num(p.Y-h) + `l` + num(h) + ` ` + num(h) +
			` ` + num(-h) + ` ` + num(h) + ` ` + num(-h) + ` ` + num(-h) + `z"/>`)
	case string(model.Place):
		top, base, half := r*triangleApex, r*triangleBase, r*triangleHalf
		b.WriteString(`<path class="shape" d="M` + num(p.X) + ` ` + num(p.Y-top) + `L` + num(p.X+half) + ` ` +
			num(p.Y+base) + ` ` + num(p.X-half) + ` ` + num(p.Y+base) + `z"/>`)
	default:
		b.WriteString(`<circle class="shape" cx="` + num(p.X) + `" cy="` + num(p.Y) + `" r="` + num(r) + `"/>`)
	}
	class = "label"
	if !l.visible {
		class = "label hidden-label"
	}
	b.WriteString(`<text class="` + class + `" x="` + num(l.box.x0) + `" y="` + num(l.box.y0+baseline*fontSize) + `">` +
		esc(n.Name) + `</text></g>`)
}

// kindClass returns the kind as a class name: lower-case letters, digits and hyphens, or "".
func kindClass(kind string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(kind) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// count writes n with the noun in the singular or the plural: "1 mention", "36 mentions".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// num writes f rounded to a tenth.
func num(f float64) string {
	s := strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// esc escapes s for text and attribute values.
func esc(s string) string { return html.EscapeString(s) }
