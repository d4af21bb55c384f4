package network

import (
	"math"
	"sort"
)

// The frame the layout fits into, and the space kept free along its edges.
const (
	Width  = 800
	Height = 600
	margin = 24
)

// sweeps is the number of rounds of stress majorization each component gets.
const sweeps = 300

// Point is a position in the frame, in SVG units.
type Point struct{ X, Y float64 }

// graph is the input made canonical: nodes by mentions (most first) then ID, each ID once, and
// the edges between them once per pair, A before B in that order, weights summed.
type graph struct {
	nodes []Node
	edges []edge
	adj   [][]int // the indices into edges of each node's edges
}

// edge is an edge of graph, by node index.
type edge struct {
	a, b   int
	weight int
}

func newGraph(nodes []Node, edges []Edge) *graph {
	ns := append([]Node(nil), nodes...)
	sort.Slice(ns, func(i, j int) bool { return before(ns[i], ns[j]) })
	g := &graph{}
	index := map[string]int{}
	for _, n := range ns {
		if _, dup := index[n.ID]; dup || n.ID == "" {
			continue
		}
		index[n.ID] = len(g.nodes)
		g.nodes = append(g.nodes, n)
	}
	weight := map[[2]int]int{}
	for _, e := range edges {
		a, okA := index[e.A]
		b, okB := index[e.B]
		if !okA || !okB || a == b || e.Weight <= 0 {
			continue
		}
		if a > b {
			a, b = b, a
		}
		weight[[2]int{a, b}] += e.Weight
	}
	for k, w := range weight {
		g.edges = append(g.edges, edge{k[0], k[1], w})
	}
	sort.Slice(g.edges, func(i, j int) bool {
		if g.edges[i].a != g.edges[j].a {
			return g.edges[i].a < g.edges[j].a
		}
		return g.edges[i].b < g.edges[j].b
	})
	g.adj = make([][]int, len(g.nodes))
	for i, e := range g.edges {
		g.adj[e.a] = append(g.adj[e.a], i)
		g.adj[e.b] = append(g.adj[e.b], i)
	}
	return g
}

// before orders nodes most mentioned first, then by ID, then by the other fields so that the
// order of duplicates does not depend on the input's.
func before(a, b Node) bool {
	if a.Mentions != b.Mentions {
		return a.Mentions > b.Mentions
	}
	if a.ID != b.ID {
		return a.ID < b.ID
	}
	if a.Name != b.Name {
		return a.Name < b.Name
	}
	return a.Kind < b.Kind
}

// Layout places the nodes in a frame of Width × Height, keyed by ID. Linked nodes are drawn
// together, the more paragraphs they share the closer (stress majorization on the shortest paths,
// an edge of weight w counting (1 + 1/√w) / 2), each connected component on its own, the largest
// first, and the nodes without edges in rows along the bottom; node shapes are then pushed apart where they
// overlap. The result depends only on the input's values, not on its order, and is rounded to a
// tenth of a unit so that machines agree on it.
func Layout(nodes []Node, edges []Edge) map[string]Point {
	g := newGraph(nodes, edges)
	pts := g.layout()
	out := make(map[string]Point, len(pts))
	for i, n := range g.nodes {
		out[n.ID] = pts[i]
	}
	return out
}

// layout returns the position of each node of g, by index.
func (g *graph) layout() []Point {
	n := len(g.nodes)
	pts := make([]Point, n)
	if n == 0 {
		return pts
	}
	// The components, in the order of their first node, each listing its nodes in order.
	comp := make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	var comps [][]int
	for i := range g.nodes {
		if comp[i] >= 0 {
			continue
		}
		c := len(comps)
		members := []int{i}
		comp[i] = c
		for k := 0; k < len(members); k++ {
			for _, ei := range g.adj[members[k]] {
				e := g.edges[ei]
				for _, o := range []int{e.a, e.b} {
					if comp[o] < 0 {
						comp[o] = c
						members = append(members, o)
					}
				}
			}
		}
		sort.Ints(members)
		comps = append(comps, members)
	}

	// Lay out each component with edges; gather the lone nodes.
	type block struct {
		members []int
		pos     []Point // relative to the block's top left
		w, h    float64
	}
	var blocks []block
	var lone []int
	for _, members := range comps {
		if len(members) == 1 {
			lone = append(lone, members[0])
			continue
		}
		pos := normalise(g.stress(members, comp))
		w, h := extent(pos)
		blocks = append(blocks, block{members, pos, w, h})
	}
	sort.SliceStable(blocks, func(i, j int) bool { return len(blocks[i].members) > len(blocks[j].members) })

	// Shelf packing: blocks left to right in rows no wider than the widest block or than a
	// 4:3 box of their total area, one unit apart.
	const gap = 1.0
	rowWidth, area := 0.0, 0.0
	for _, b := range blocks {
		rowWidth = math.Max(rowWidth, b.w)
		area += (b.w + gap) * (b.h + gap)
	}
	rowWidth = math.Max(rowWidth, math.Sqrt(area*Width/Height))
	x, y, rowH := 0.0, 0.0, 0.0
	var packed []int
	for _, b := range blocks {
		if x > 0 && x+b.w > rowWidth {
			x, y, rowH = 0, y+rowH+gap, 0
		}
		for k, m := range b.members {
			pts[m] = Point{x + b.pos[k].X, y + b.pos[k].Y}
			packed = append(packed, m)
		}
		x += b.w + gap
		rowH = math.Max(rowH, b.h)
	}

	// The lone nodes go in rows along the bottom of the frame, taking at most half of it, or in
	// a 4:3 grid in its middle when there is nothing else.
	bottom := float64(Height)
	if len(lone) > 0 {
		inner := float64(Width - 2*margin)
		perRow := int(inner / loneSpacing)
		if len(blocks) == 0 {
			perRow = int(math.Ceil(math.Sqrt(float64(len(lone)) * Width / Height)))
		}
		perRow = max(1, min(perRow, len(lone)))
		rows := (len(lone) + perRow - 1) / perRow
		rowH, top := math.Min(loneRow, Height/2/float64(rows)), 0.0
		if len(blocks) == 0 {
			rowH = math.Min(loneRow*2, (Height-2*margin)/float64(rows))
			top = (Height - float64(rows)*rowH) / 2
		} else {
			top = Height - margin - float64(rows)*rowH
		}
		step := math.Min(loneSpacing, inner/float64(perRow))
		for k, m := range lone {
			row, col := k/perRow, k%perRow
			inRow := min(perRow, len(lone)-row*perRow)
			pts[m] = Point{Width/2 + (float64(col)-float64(inRow-1)/2)*step, top + (float64(row)+0.5)*rowH}
		}
		bottom = top
	}
	g.fit(pts, packed, bottom)
	g.separate(pts)
	for i := range pts {
		pts[i] = Point{round(pts[i].X), round(pts[i].Y)}
	}
	return pts
}

// edgeLength returns the length the layout aims at for an edge of weight w: 1 for one shared
// paragraph, shorter the more they share, down to half as long, (1 + 1/√w) / 2.
func edgeLength(w int) float64 { return (1 + 1/math.Sqrt(float64(w))) / 2 }

// stress lays out one component (node indices, ascending) by stress majorization: distances are
// shortest paths (Floyd–Warshall) with an edge as long as edgeLength says; the nodes start on a
// circle in index order, and every sweep moves each node in turn to where the stress, weighted by
// 1/d², is least with the others held still.
func (g *graph) stress(members []int, comp []int) []Point {
	n := len(members)
	local := make(map[int]int, n)
	for k, m := range members {
		local[m] = k
	}
	inf := math.Inf(1)
	d := make([]float64, n*n)
	for i := range d {
		d[i] = inf
	}
	for i := 0; i < n; i++ {
		d[i*n+i] = 0
	}
	for _, e := range g.edges {
		if comp[e.a] != comp[members[0]] {
			continue
		}
		i, j := local[e.a], local[e.b]
		l := edgeLength(e.weight)
		d[i*n+j], d[j*n+i] = l, l
	}
	for k := 0; k < n; k++ {
		for i := 0; i < n; i++ {
			dik := d[i*n+k]
			if dik == inf {
				continue
			}
			for j := 0; j < n; j++ {
				if v := dik + d[k*n+j]; v < d[i*n+j] {
					d[i*n+j] = v
				}
			}
		}
	}
	w := make([]float64, n*n)
	for i := range d {
		if d[i] > 0 {
			w[i] = 1 / (d[i] * d[i])
		}
	}
	pos := make([]Point, n)
	radius := math.Sqrt(float64(n)) / 2
	for k := range pos {
		a := 2 * math.Pi * float64(k) / float64(n)
		pos[k] = Point{radius * math.Cos(a), radius * math.Sin(a)}
	}
	for s := 0; s < sweeps; s++ {
		for i := 0; i < n; i++ {
			var sx, sy, sw float64
			pi := pos[i]
			for j := 0; j < n; j++ {
				if j == i {
					continue
				}
				wij, dij := w[i*n+j], d[i*n+j]
				pj := pos[j]
				dx, dy := pi.X-pj.X, pi.Y-pj.Y
				// The explicit conversions keep compilers from fusing the products into
				// multiply-adds, which would round differently on some machines.
				dist := math.Sqrt(float64(dx*dx) + float64(dy*dy))
				tx, ty := pj.X, pj.Y
				if dist > 0 {
					tx += float64(dij * dx / dist)
					ty += float64(dij * dy / dist)
				}
				sx += float64(wij * tx)
				sy += float64(wij * ty)
				sw += wij
			}
			pos[i] = Point{sx / sw, sy / sw}
		}
	}
	return pos
}

// normalise turns a component's layout so that its longest axis lies horizontal, its first node
// (the most mentioned) to the upper left of its centre, and moves it so that its box starts at 0, 0.
func normalise(pos []Point) []Point {
	var cx, cy float64
	for _, p := range pos {
		cx += p.X / float64(len(pos))
		cy += p.Y / float64(len(pos))
	}
	var sxx, sxy, syy float64
	for _, p := range pos {
		dx, dy := p.X-cx, p.Y-cy
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy) // the angle of the principal axis
	cos, sin := math.Cos(theta), math.Sin(theta)
	out := make([]Point, len(pos))
	for k, p := range pos {
		dx, dy := p.X-cx, p.Y-cy
		out[k] = Point{dx*cos + dy*sin, -dx*sin + dy*cos}
	}
	if out[0].X > 0 {
		for k := range out {
			out[k].X = -out[k].X
		}
	}
	if out[0].Y > 0 {
		for k := range out {
			out[k].Y = -out[k].Y
		}
	}
	minX, minY := math.Inf(1), math.Inf(1)
	for _, p := range out {
		minX, minY = math.Min(minX, p.X), math.Min(minY, p.Y)
	}
	for k := range out {
		out[k].X -= minX
		out[k].Y -= minY
	}
	return out
}

// extent returns the width and height of the box of pos, which starts at 0, 0.
func extent(pos []Point) (w, h float64) {
	for _, p := range pos {
		w, h = math.Max(w, p.X), math.Max(h, p.Y)
	}
	return w, h
}

// maxUnit is the most SVG units one unit of the layout may take, so that a pair of nodes is not
// drawn across the whole frame.
const maxUnit = 160

// Lone nodes are set at most loneSpacing apart in rows at most loneRow high.
const (
	loneSpacing = 120
	loneRow     = 40
)

// fit scales the points of the nodes which uniformly into the frame above bottom, less its margins
// and node sizes, centred.
func (g *graph) fit(pts []Point, which []int, bottom float64) {
	if len(which) == 0 {
		return
	}
	var w, h float64
	for _, i := range which {
		w, h = math.Max(w, pts[i].X), math.Max(h, pts[i].Y)
	}
	pad := float64(margin + maxRadius)
	availW, availH := Width-2*pad, bottom-2*pad
	s := float64(maxUnit)
	if w > 0 {
		s = math.Min(s, availW/w)
	}
	if h > 0 {
		s = math.Min(s, availH/h)
	}
	ox, oy := (Width-w*s)/2, (bottom-h*s)/2
	for _, i := range which {
		pts[i] = Point{ox + pts[i].X*s, oy + pts[i].Y*s}
	}
}

// separate pushes apart the nodes whose shapes overlap, for a few rounds, keeping them in the
// frame.
func (g *graph) separate(pts []Point) {
	ext := make([]float64, len(pts))
	for i, n := range g.nodes {
		ext[i] = extentOf(n.Kind, g.radius(i))
	}
	const space = 3
	for round := 0; round < 50; round++ {
		moved := false
		for i := range pts {
			for j := i + 1; j < len(pts); j++ {
				dx, dy := pts[j].X-pts[i].X, pts[j].Y-pts[i].Y
				dist := math.Hypot(dx, dy)
				need := ext[i] + ext[j] + space
				if dist >= need {
					continue
				}
				if dist == 0 {
					dx, dy, dist = 1, 0, 1 // the later node goes right
				}
				push := (need - dist) / 2
				ux, uy := dx/dist*push, dy/dist*push
				pts[i].X, pts[i].Y = pts[i].X-ux, pts[i].Y-uy
				pts[j].X, pts[j].Y = pts[j].X+ux, pts[j].Y+uy
				moved = true
			}
		}
		for i := range pts {
			pts[i].X = clamp(pts[i].X, margin+ext[i], Width-margin-ext[i])
			pts[i].Y = clamp(pts[i].Y, margin+ext[i], Height-margin-ext[i])
		}
		if !moved {
			break
		}
	}
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// round rounds f to a tenth.
func round(f float64) float64 { return math.Round(f*10) / 10 }
