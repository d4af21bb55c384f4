package network

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/picture/internal/svgtest"
)

// synthetic returns a graph of n nodes of the four kinds and about m edges, the same for a seed.
func synthetic(seed int64, n, m int) ([]Node, []Edge) {
	r := rand.New(rand.NewSource(seed))
	kinds := []string{"person", "organisation", "country", "place"}
	nodes := make([]Node, n)
	for i := range nodes {
		nodes[i] = Node{ID: fmt.Sprintf("n%02d", i), Name: fmt.Sprintf("Entity %d", i), Kind: kinds[i%4], Mentions: 1 + r.Intn(40)}
	}
	seen := map[[2]int]bool{}
	var edges []Edge
	for len(edges) < m {
		a, b := r.Intn(n), r.Intn(n)
		if a == b || seen[[2]int{min(a, b), max(a, b)}] {
			continue
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		edges = append(edges, Edge{A: nodes[a].ID, B: nodes[b].ID, Weight: 1 + r.Intn(3)*r.Intn(4)})
	}
	return nodes, edges
}

func TestDeterministic(t *testing.T) {
	nodes, edges := synthetic(1, 40, 90)
	want := SVG(nodes, edges)
	if got := SVG(nodes, edges); got != want {
		t.Fatalf("two runs on the same input differ")
	}
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 5; i++ {
		ns := append([]Node(nil), nodes...)
		es := append([]Edge(nil), edges...)
		r.Shuffle(len(ns), func(i, j int) { ns[i], ns[j] = ns[j], ns[i] })
		r.Shuffle(len(es), func(i, j int) { es[i], es[j] = es[j], es[i] })
		for k := range es {
			if r.Intn(2) == 0 {
				es[k].A, es[k].B = es[k].B, es[k].A
			}
		}
		if got := SVG(ns, es); got != want {
			t.Fatalf("shuffle %d: the SVG differs from that of the same graph in another order", i)
		}
	}
}

// labelBox returns the estimated box of a <text> element as placeLabels estimates it.
func labelBox(t *testing.T, e svgtest.Element) box {
	x, err1 := strconv.ParseFloat(e.Attr("x"), 64)
	y, err2 := strconv.ParseFloat(e.Attr("y"), 64)
	if err1 != nil || err2 != nil {
		t.Fatalf("text x=%q y=%q", e.Attr("x"), e.Attr("y"))
	}
	w := charWidth * fontSize * float64(len([]rune(e.Text)))
	top := y - baseline*fontSize
	return box{x, top, x + w, top + fontSize}
}

func TestLabels(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		nodes, edges := synthetic(seed, 70, 300)
		root := svgtest.Parse(t, SVG(nodes, edges))
		var visible []box
		shown := 0
		for _, g := range root.Children {
			if !g.HasClass("node") {
				continue
			}
			text := g.Child("text")
			if text == nil {
				t.Fatalf("node %s has no text", g.Attr("data-entity"))
			}
			b := labelBox(t, *text)
			if b.x0 < -0.05 || b.y0 < -0.05 || b.x1 > Width+0.05 || b.y1 > Height+0.05 {
				t.Errorf("the label of %s, %v, leaves the frame", g.Attr("data-entity"), b)
			}
			switch {
			case g.HasClass("unlabelled") != text.HasClass("hidden-label"):
				t.Errorf("node %s: class %q, text class %q", g.Attr("data-entity"), g.Attr("class"), text.Attr("class"))
			case !g.HasClass("unlabelled"):
				shown++
				for _, o := range visible {
					if b.overlaps(o) {
						t.Errorf("seed %d: the label of %s, %v, overlaps another, %v", seed, g.Attr("data-entity"), b, o)
					}
				}
				visible = append(visible, b)
			}
		}
		if shown < 20 {
			t.Errorf("seed %d: only %d names shown", seed, shown)
		}
	}
}

func TestInsideFrame(t *testing.T) {
	for _, seed := range []int64{1, 2, 3, 4} {
		nodes, edges := synthetic(seed, 70, 300)
		// Some lone nodes too.
		nodes = append(nodes, Node{ID: "lone1", Name: "Lone", Kind: "person", Mentions: 50}, Node{ID: "lone2", Name: "Lone", Kind: "place", Mentions: 1})
		g := newGraph(nodes, edges)
		pts := g.layout()
		for i, p := range pts {
			e := extentOf(g.nodes[i].Kind, g.radius(i))
			if p.X-e < 0 || p.Y-e < 0 || p.X+e > Width || p.Y+e > Height {
				t.Errorf("seed %d: %s at %v (reaching %.1f) leaves the frame", seed, g.nodes[i].ID, p, e)
			}
			if p.X != round(p.X) || p.Y != round(p.Y) {
				t.Errorf("%v is not rounded to a tenth", p)
			}
		}
	}
}

// TestCloser checks that pairs sharing many paragraphs end up closer on average than pairs
// sharing one, and those closer than pairs sharing none, on a ring whose edges share eight
// paragraphs and one in turn, so that only the weights tell them apart.
func TestCloser(t *testing.T) {
	const n = 12
	var nodes []Node
	for i := 0; i < n; i++ {
		nodes = append(nodes, Node{ID: fmt.Sprintf("n%02d", i), Name: fmt.Sprint(i), Kind: "person", Mentions: 5})
	}
	var edges []Edge
	weight := map[[2]int]int{}
	for i := 0; i < n; i++ {
		j := (i + 1) % n
		w := 1
		if i%2 == 0 {
			w = 8
		}
		edges = append(edges, Edge{A: nodes[i].ID, B: nodes[j].ID, Weight: w})
		weight[[2]int{min(i, j), max(i, j)}] = w
	}
	pos := Layout(nodes, edges)
	mean := map[int]float64{}
	count := map[int]int{}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := pos[nodes[i].ID], pos[nodes[j].ID]
			w := weight[[2]int{i, j}]
			mean[w] += math.Hypot(a.X-b.X, a.Y-b.Y)
			count[w]++
		}
	}
	for w := range mean {
		mean[w] /= float64(count[w])
	}
	if !(mean[8] < 0.9*mean[1] && mean[1] < mean[0]) {
		t.Errorf("mean distances: pairs sharing 8 paragraphs %.1f, 1 paragraph %.1f, none %.1f; want them increasing", mean[8], mean[1], mean[0])
	}
}

// TestComponents checks that components are drawn apart and lone nodes below them.
func TestComponents(t *testing.T) {
	nodes := []Node{
		{ID: "a1", Name: "A1", Mentions: 9}, {ID: "a2", Name: "A2", Mentions: 8}, {ID: "a3", Name: "A3", Mentions: 7},
		{ID: "b1", Name: "B1", Mentions: 6}, {ID: "b2", Name: "B2", Mentions: 5},
		{ID: "c", Name: "C", Mentions: 4}, {ID: "d", Name: "D", Mentions: 3},
	}
	edges := []Edge{{"a1", "a2", 2}, {"a2", "a3", 1}, {"a1", "a3", 1}, {"b1", "b2", 1}}
	pos := Layout(nodes, edges)
	bbox := func(ids ...string) box {
		b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
		for _, id := range ids {
			p := pos[id]
			b = box{math.Min(b.x0, p.X), math.Min(b.y0, p.Y), math.Max(b.x1, p.X), math.Max(b.y1, p.Y)}
		}
		return b.grow(maxRadius)
	}
	if a, b := bbox("a1", "a2", "a3"), bbox("b1", "b2"); a.overlaps(b) {
		t.Errorf("components overlap: %v and %v", a, b)
	}
	for _, id := range []string{"c", "d"} {
		for _, o := range []string{"a1", "a2", "a3", "b1", "b2"} {
			if pos[id].Y <= pos[o].Y {
				t.Errorf("lone node %s at %v is not below %s at %v", id, pos[id], o, pos[o])
			}
		}
	}
	if pos["c"].Y != pos["d"].Y {
		t.Errorf("lone nodes not in a row: %v, %v", pos["c"], pos["d"])
	}
}

func TestMarkup(t *testing.T) {
	nodes := []Node{
		{ID: "edi-rama", Name: "Edi Rama", Kind: "person", Mentions: 20},
		{ID: "al", Name: "Albania", Kind: "country", Mentions: 36},
		{ID: "nato", Name: "NATO", Kind: "organisation", Mentions: 1},
		{ID: "tirana", Name: "Tirana", Kind: "place", Mentions: 2},
		{ID: "x", Name: `Smith & <Sons> "Ltd"`, Kind: "organisation", Mentions: 3},
	}
	edges := []Edge{{"edi-rama", "al", 5}, {"al", "nato", 1}, {"x", "tirana", 2}, {"al", "ghost", 4}}
	svg := SVG(nodes, edges)
	root := svgtest.Parse(t, svg)
	if got, want := root.Attr("aria-label"), "Network: 5 entities, 3 pairs mentioned in the same paragraph"; got != want {
		t.Errorf("aria-label = %q, want %q", got, want)
	}
	if root.Attr("class") != "network" || root.Attr("width") != "" {
		t.Errorf("svg attributes: %v", root.Attrs)
	}
	var view [4]float64
	if n, err := fmt.Sscanf(root.Attr("viewBox"), "%g %g %g %g", &view[0], &view[1], &view[2], &view[3]); n != 4 || err != nil ||
		view[0] < 0 || view[1] < 0 || view[2] <= 0 || view[3] <= 0 || view[0]+view[2] > Width || view[1]+view[3] > Height {
		t.Errorf("viewBox %q is not a part of the %dx%d frame", root.Attr("viewBox"), Width, Height)
	}
	wantNodes := map[string][2]string{
		"edi-rama": {"Edi Rama, person, 20 mentions", "circle"},
		"al":       {"Albania, country, 36 mentions", "path"},
		"nato":     {"NATO, organisation, 1 mention", "rect"},
		"tirana":   {"Tirana, place, 2 mentions", "path"},
		"x":        {`Smith & <Sons> "Ltd", organisation, 3 mentions`, "rect"},
	}
	wantEdges := map[string]string{
		"al edi-rama": "Albania and Edi Rama: 5 paragraphs",
		"al nato":     "Albania and NATO: 1 paragraph",
		"x tirana":    `Smith & <Sons> "Ltd" and Tirana: 2 paragraphs`,
	}
	seenNodes, seenEdges := 0, 0
	for _, g := range root.Children {
		switch {
		case g.HasClass("node"):
			seenNodes++
			id := g.Attr("data-entity")
			want, ok := wantNodes[id]
			if !ok {
				t.Errorf("unexpected node %q", id)
				continue
			}
			if g.Attr("aria-label") != want[0] || g.Child("title") == nil || g.Child("title").Text != want[0] {
				t.Errorf("%s: aria-label %q, title %v, want %q", id, g.Attr("aria-label"), g.Child("title"), want[0])
			}
			if ti := g.Attr("tabindex"); ti != map[bool]string{true: "0", false: "-1"}[seenNodes == 1] || g.Attr("role") != "button" || !g.HasClass("e-"+id) {
				t.Errorf("%s: attributes %v", id, g.Attrs)
			}
			if len(g.Children) < 2 || g.Children[1].XMLName.Local != want[1] {
				t.Errorf("%s: shape %v, want %s", id, g.Children, want[1])
			}
		case g.HasClass("edge"):
			seenEdges++
			key := g.Attr("data-a") + " " + g.Attr("data-b")
			want, ok := wantEdges[key]
			if !ok {
				t.Errorf("unexpected edge %q", key)
				continue
			}
			if g.Child("title") == nil || g.Child("title").Text != want {
				t.Errorf("%s: title %v, want %q", key, g.Child("title"), want)
			}
			if g.Attr("tabindex") != "" {
				t.Errorf("%s: an edge is focusable", key)
			}
			var lines []string
			for _, c := range g.Children {
				if c.XMLName.Local == "line" {
					lines = append(lines, c.Attr("class"))
				}
			}
			if strings.Join(lines, " ") != "hit link" {
				t.Errorf("%s: lines %v, want hit and link", key, lines)
			}
		}
	}
	if seenNodes != 5 || seenEdges != 3 {
		t.Errorf("%d nodes and %d edges, want 5 and 3", seenNodes, seenEdges)
	}
	if strings.Contains(svg, "<Sons>") {
		t.Errorf("a name is not escaped")
	}
	// Edges draw before nodes, so that nodes cover their ends.
	if strings.Index(svg, `class="node`) < strings.LastIndex(svg, `class="edge"`) {
		t.Errorf("an edge comes after a node")
	}
}

func TestEmpty(t *testing.T) {
	svg := SVG(nil, []Edge{{"a", "b", 1}})
	root := svgtest.Parse(t, svg)
	if root.Attr("aria-label") != "Network: no entity is mentioned" || root.Child("text") == nil || root.Child("text").Text == "" {
		t.Errorf("empty network: %s", svg)
	}
	if len(svg) > 400 {
		t.Errorf("empty network takes %d bytes", len(svg))
	}
	if got := Layout(nil, nil); len(got) != 0 {
		t.Errorf("Layout(nil, nil) = %v", got)
	}
	one := Layout([]Node{{ID: "a", Name: "A", Mentions: 1}}, nil)
	if p := one["a"]; p.X <= 0 || p.X >= Width || p.Y <= 0 || p.Y >= Height {
		t.Errorf("a single node at %v", p)
	}
}

func BenchmarkLayout(b *testing.B) {
	nodes, edges := synthetic(1, 70, 300)
	for b.Loop() {
		Layout(nodes, edges)
	}
}

func BenchmarkSVG(b *testing.B) {
	nodes, edges := synthetic(1, 70, 300)
	for b.Loop() {
		SVG(nodes, edges)
	}
}

// TestLoneOnly checks a graph without edges: every node in the frame, none on another.
func TestLoneOnly(t *testing.T) {
	for _, n := range []int{1, 2, 7, 70} {
		var nodes []Node
		for i := 0; i < n; i++ {
			nodes = append(nodes, Node{ID: fmt.Sprintf("n%03d", i), Name: "N", Kind: "place", Mentions: 1 + i%5})
		}
		g := newGraph(nodes, nil)
		pts := g.layout()
		seen := map[Point]bool{}
		for i, p := range pts {
			if e := extentOf(g.nodes[i].Kind, g.radius(i)); p.X-e < 0 || p.Y-e < 0 || p.X+e > Width || p.Y+e > Height {
				t.Errorf("%d nodes: %v leaves the frame", n, p)
			}
			if seen[p] {
				t.Errorf("%d nodes: two at %v", n, p)
			}
			seen[p] = true
		}
	}
}
