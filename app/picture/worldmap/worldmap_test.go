package worldmap

import (
	"fmt"
	"math/rand"
	"strconv"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/picture/internal/svgtest"
	"github.com/dramatis/dramatis/app/picture/worldmap/internal/proj"
)

// TestData checks that the generated data has the article's countries and the small states
// 110m lacks, as shapes.
func TestData(t *testing.T) {
	for _, code := range []string{"al", "il", "us", "ir", "bh", "sg", "mt", "ad", "xk", "ps", "ba", "ru", "fj"} {
		s := byKey[code]
		if s == nil {
			t.Errorf("no shape for %s", code)
			continue
		}
		if s.d == "" {
			t.Errorf("%s (%s) has no path", code, s.name)
		}
		if !(s.x0 <= s.lx && s.lx <= s.x1 && s.y0 <= s.ly && s.ly <= s.y1) {
			t.Errorf("%s: label point %v,%v outside its box %v,%v–%v,%v", code, s.lx, s.ly, s.x0, s.y0, s.x1, s.y1)
		}
	}
	if Known("aq") || Known("su") || Known("") {
		t.Errorf("Known(aq), Known(su) or Known(\"\") is true")
	}
	if !Known("tv") {
		t.Errorf("Known(tv) = false: Tuvalu should at least have a point")
	}
	for i := 1; i < len(shapes); i++ {
		if a, b := shapes[i-1].key, shapes[i].key; b != "" && a >= b {
			t.Errorf("shapes not sorted by key: %q before %q", a, b)
		}
	}
}

// TestNoStreaks checks that no ring jumps across the map, as a ring crossing the antimeridian
// would, and that every position lies in the frame.
func TestNoStreaks(t *testing.T) {
	for _, s := range shapes {
		rings, err := parsePath(s.d)
		if err != nil {
			t.Errorf("%s: %v", s.name, err)
			continue
		}
		for _, r := range rings {
			for i, p := range r {
				if p[0] < -0.05 || p[0] > proj.Width+0.05 || p[1] < -0.05 || p[1] > height {
					t.Errorf("%s: %v lies outside the frame", s.name, p)
				}
				if q := r[(i+len(r)-1)%len(r)]; abs(p[0]-q[0]) > proj.Width/2 {
					t.Errorf("%s: the ring jumps from %v to %v", s.name, q, p)
				}
			}
		}
	}
}

// parsePath reads the path data pathData writes into rings of absolute positions.
func parsePath(d string) ([][][2]float64, error) {
	var rings [][][2]float64
	var cur, start [2]float64
	var cmd byte
	var ring [][2]float64
	i := 0
	next := func() (float64, error) {
		for i < len(d) && d[i] == ' ' {
			i++
		}
		j := i
		if j < len(d) && d[j] == '-' {
			j++
		}
		dot := false
		for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
			dot = dot || d[j] == '.'
			j++
		}
		f, err := strconv.ParseFloat(d[i:j], 64)
		i = j
		return f, err
	}
	for i < len(d) {
		if c := d[i]; strings.IndexByte("MmLlhvz", c) >= 0 {
			cmd = c
			i++
			if c == 'z' {
				rings = append(rings, ring)
				ring, cur = nil, start
			}
			continue
		}
		switch cmd {
		case 'M', 'm', 'L', 'l':
			x, err := next()
			if err != nil {
				return nil, err
			}
			y, err := next()
			if err != nil {
				return nil, err
			}
			if cmd == 'M' || cmd == 'L' {
				cur = [2]float64{x, y}
			} else {
				cur = [2]float64{cur[0] + x, cur[1] + y}
			}
			switch cmd {
			case 'M':
				cmd = 'L'
				start = cur
			case 'm':
				cmd = 'l'
				start = cur
			}
		case 'h', 'v':
			v, err := next()
			if err != nil {
				return nil, err
			}
			if cmd == 'h' {
				cur[0] += v
			} else {
				cur[1] += v
			}
		default:
			return nil, fmt.Errorf("number after %q at %d", cmd, i)
		}
		ring = append(ring, cur)
	}
	if ring != nil {
		return nil, fmt.Errorf("ring not closed")
	}
	return rings, nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// groups returns the <g> elements of svg by data-entity.
func groups(root svgtest.Element) map[string]svgtest.Element {
	m := map[string]svgtest.Element{}
	for _, c := range root.Children {
		if id := c.Attr("data-entity"); c.XMLName.Local == "g" && id != "" {
			m[id] = c
		}
	}
	return m
}

var sample = []Country{
	{ID: "al", Code: "al", Name: "Albania", Mentions: 36},
	{ID: "us", Code: "us", Name: "United States", Mentions: 15},
	{ID: "bh", Code: "bh", Name: "Bahrain", Mentions: 1},
	{ID: "sg", Code: "sg", Name: "Singapore", Mentions: 2},
	{ID: "kosovo", Code: "xk", Name: "Kosovo", Mentions: 6},
	{ID: "soviet-union", Code: "su", Name: "Soviet Union", Mentions: 1},
	{ID: "tv", Code: "tv", Name: "Tuvalu", Mentions: 1},
}

func TestSVG(t *testing.T) {
	svg, missing := SVG(sample, []Place{{ID: "tirana", Name: "Tirana", Lat: 41.33, Lng: 19.82, Mentions: 3}})
	root := svgtest.Parse(t, svg)
	if got, want := root.Attr("aria-label"), "World map: 6 countries of the article"; got != want {
		t.Errorf("aria-label = %q, want %q", got, want)
	}
	if got := fmt.Sprint(missing); got != "[soviet-union]" {
		t.Errorf("missing = %s, want [soviet-union]", got)
	}
	gs := groups(root)
	wantLabel := map[string]string{
		"al": "Albania, 36 mentions", "us": "United States, 15 mentions", "bh": "Bahrain, 1 mention",
		"sg": "Singapore, 2 mentions", "kosovo": "Kosovo, 6 mentions", "tv": "Tuvalu, 1 mention",
		"tirana": "Tirana, 3 mentions",
	}
	for id, label := range wantLabel {
		g, ok := gs[id]
		if !ok {
			t.Errorf("no group with data-entity=%q", id)
			continue
		}
		if got := g.Attr("aria-label"); got != label {
			t.Errorf("%s: aria-label = %q, want %q", id, got, label)
		}
		if title := g.Child("title"); title == nil || title.Text != label {
			t.Errorf("%s: title = %v, want %q", id, title, label)
		}
		if ti := g.Attr("tabindex"); (ti != "0" && ti != "-1") || g.Attr("role") != "button" {
			t.Errorf("%s: tabindex=%q role=%q", id, g.Attr("tabindex"), g.Attr("role"))
		}
		if !strings.Contains(" "+g.Attr("class")+" ", " e-"+id+" ") {
			t.Errorf("%s: class %q lacks e-%s", id, g.Attr("class"), id)
		}
	}
	for id, want := range map[string]bool{"bh": true, "sg": true, "kosovo": true, "tv": true, "al": true, "us": false} {
		var marker bool
		for _, c := range gs[id].Children {
			marker = marker || c.XMLName.Local == "circle" && c.Attr("class") == "marker"
		}
		if marker != want {
			t.Errorf("%s: marker %t, want %t", id, marker, want)
		}
	}
	if gs["al"].Child("path") == nil || gs["tv"].Child("path") != nil {
		t.Errorf("Albania should have a path, Tuvalu none")
	}
	// Markers come last, the most mentioned on top.
	var order []string
	for _, c := range root.Children {
		if id := c.Attr("data-entity"); id != "" {
			order = append(order, id)
		}
	}
	if got, want := strings.Join(order, " "), "us bh tv sg kosovo al tirana"; got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
	if n := strings.Count(svg, `class="land"`); n != 1 {
		t.Errorf("%d land layers, want 1", n)
	}
}

// TestHardToFind checks which shapes get a marker: small states and thin small ones, not large or
// long ones.
func TestHardToFind(t *testing.T) {
	for code, want := range map[string]bool{
		"bh": true, "sg": true, "xk": true, "al": true, "il": true, "lb": true, "va": true, "mt": true, "gm": true,
		"us": false, "cl": false, "no": false, "ru": false, "ir": false, "fr": false, "it": false, "ba": false,
	} {
		if got := byKey[code].hardToFind(); got != want {
			s := byKey[code]
			t.Errorf("%s: hardToFind() = %t, want %t (box %.1f×%.1f, area %.1f)", code, got, want, s.x1-s.x0, s.y1-s.y0, s.area)
		}
	}
}

func TestShade(t *testing.T) {
	for _, c := range []struct{ n, top, want int }{
		{36, 36, 5}, {1, 36, 1}, {2, 36, 2}, {6, 36, 3}, {15, 36, 4}, {35, 36, 5},
		{1, 1, 5}, {0, 10, 1}, {3, 3, 5}, {1, 2, 1}, {2, 4, 3},
	} {
		if got := Shade(c.n, c.top); got != c.want {
			t.Errorf("Shade(%d, %d) = %d, want %d", c.n, c.top, got, c.want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	want, _ := SVG(sample, nil)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 10; i++ {
		cs := append([]Country(nil), sample...)
		r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
		if got, _ := SVG(cs, nil); got != want {
			t.Fatalf("the SVG of %v differs from that of the same countries in another order", cs)
		}
	}
}

func TestEscaping(t *testing.T) {
	name := `Trinidad & <Tobago> "T&T"`
	svg, _ := SVG([]Country{{ID: "tt", Code: "tt", Name: name, Mentions: 2}},
		[]Place{{ID: "p", Name: "A<B & C", Lat: 10, Lng: 10, Mentions: 1}})
	root := svgtest.Parse(t, svg)
	gs := groups(root)
	if got := gs["tt"].Attr("aria-label"); got != name+", 2 mentions" {
		t.Errorf("aria-label = %q", got)
	}
	if txt := gs["p"].Child("text"); txt == nil || txt.Text != "A<B & C" {
		t.Errorf("the place's text = %v", txt)
	}
	if strings.Contains(svg, "<Tobago>") || strings.Contains(svg, "A<B") {
		t.Errorf("a name is not escaped")
	}
}

func TestEmpty(t *testing.T) {
	svg, missing := SVG(nil, nil)
	root := svgtest.Parse(t, svg)
	if root.Attr("aria-label") != "World map: 0 countries of the article" || len(missing) != 0 {
		t.Errorf("aria-label = %q, missing = %v", root.Attr("aria-label"), missing)
	}
	if root.Attr("viewBox") != ViewBox() || root.Attr("width") != "" {
		t.Errorf("viewBox = %q, width = %q", root.Attr("viewBox"), root.Attr("width"))
	}
}

// TestInset: small countries close together get a detail, which repeats them larger, hidden from
// assistive technology and out of the tab order; one small country alone, or small countries far
// apart, get none.
func TestInset(t *testing.T) {
	balkans := []Country{{ID: "al", Code: "al", Name: "Albania", Mentions: 30}, {ID: "kosovo", Code: "xk", Name: "Kosovo", Mentions: 2},
		{ID: "us", Code: "us", Name: "United States", Mentions: 10}}
	svg, _ := SVG(balkans, nil)
	_, inset, ok := strings.Cut(svg, `<g class="inset" aria-hidden="true">`)
	if !ok {
		t.Fatalf("Albania and Kosovo get no detail")
	}
	if !strings.Contains(svg, `<rect class="inset-area"`) {
		t.Errorf("the map does not outline the detail's region")
	}
	for _, id := range []string{"al", "kosovo"} {
		if !strings.Contains(inset, `data-entity="`+id+`"`) {
			t.Errorf("the detail lacks %s", id)
		}
	}
	if strings.Contains(inset, `data-entity="us"`) {
		t.Errorf("the detail of the Balkans holds the United States")
	}
	if strings.Contains(inset, "tabindex") || strings.Contains(inset, "aria-label") {
		t.Errorf("the detail's copies are in the tab order or named for assistive technology")
	}
	for name, cs := range map[string][]Country{
		"one small country": {{ID: "al", Code: "al", Name: "Albania", Mentions: 3}},
		"far apart":         {{ID: "al", Code: "al", Name: "Albania", Mentions: 3}, {ID: "sg", Code: "sg", Name: "Singapore", Mentions: 1}},
	} {
		if svg, _ := SVG(cs, nil); strings.Contains(svg, `class="inset"`) {
			t.Errorf("%s: a detail", name)
		}
	}
}
