package picture

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture/internal/svgtest"
	"github.com/dramatis/dramatis/app/picture/worldmap"
	"github.com/dramatis/dramatis/content"
)

func loadBundled(t *testing.T) (*model.Document, model.Index) {
	t.Helper()
	doc, err := document.Load(content.FS)
	if err != nil {
		t.Fatalf("document.Load(content.FS): %v", err)
	}
	return doc, model.NewIndex(doc)
}

// groups returns the opening tags of the <g> elements with a data-entity, by entity: the first of
// each, on the map rather than in its detail.
func groups(svg string) map[string]string {
	m := map[string]string{}
	for _, tag := range regexp.MustCompile(`<g [^>]*data-entity="([^"]+)"[^>]*>`).FindAllStringSubmatch(svg, -1) {
		if _, ok := m[tag[1]]; !ok {
			m[tag[1]] = tag[0]
		}
	}
	return m
}

func TestMapBundled(t *testing.T) {
	doc, idx := loadBundled(t)
	svg := Map(doc, idx)
	svgtest.Parse(t, svg)
	gs := groups(svg)
	want := fmt.Sprintf(`aria-label="Albania, %d mentions"`, idx.Count("al"))
	if !strings.Contains(gs["al"], want) {
		t.Errorf("Albania's group = %q, want it to hold %s", gs["al"], want)
	}
	drawn := 0
	for _, e := range doc.Entities {
		if e.Kind != model.Country || idx.Count(e.ID) == 0 {
			continue
		}
		_, ok := gs[e.ID]
		if code := countryCode(e); worldmap.Known(code) != ok {
			t.Errorf("%s (code %q): drawn %t, the map knows the code %t", e.ID, code, ok, !ok)
		}
		if ok {
			drawn++
		}
	}
	if _, ok := gs["kosovo"]; !ok {
		t.Errorf("Kosovo is not drawn")
	}
	if _, ok := gs["soviet-union"]; ok {
		t.Errorf("the Soviet Union is drawn")
	}
	if drawn < 25 {
		t.Errorf("%d countries drawn", drawn)
	}
	if label := fmt.Sprintf(`World map: %d countries of the article`, drawn); !strings.Contains(svg, label) {
		t.Errorf("the map's label does not say %q", label)
	}
	if _, ok := gs["republika-srpska"]; !ok {
		t.Errorf("Republika Srpska, a place the gazetteer knows, is not drawn")
	}
	for _, id := range []string{"balkans", "middle-east", "black-sea"} {
		if _, ok := gs[id]; ok {
			t.Errorf("the region %s is drawn", id)
		}
	}
	if len(svg) > 100_000 {
		t.Errorf("the map takes %d bytes", len(svg))
	}
}

func TestNetworkBundled(t *testing.T) {
	doc, idx := loadBundled(t)
	svg := Network(doc, idx)
	svgtest.Parse(t, svg)
	gs := groups(svg)
	mentioned := 0
	for _, e := range doc.Entities {
		n := idx.Count(e.ID)
		g, ok := gs[e.ID]
		if ok != (n > 0) {
			t.Errorf("%s: %d mentions, node drawn %t", e.ID, n, ok)
		}
		if n > 0 {
			mentioned++
			if want := fmt.Sprintf(`aria-label="%s, %s, %s"`, e.Name, e.Kind, plural(n, "mention")); !strings.Contains(g, want) {
				t.Errorf("%s: %q lacks %s", e.ID, g, want)
			}
		}
	}
	if want := fmt.Sprintf(`aria-label="Network: %d entities,`, mentioned); !strings.Contains(svg, want) {
		t.Errorf("the network's label does not start %q", want)
	}
	// Each edge's weight is the number of paragraphs the index lists for both.
	edges := regexp.MustCompile(`data-a="([^"]+)" data-b="([^"]+)" data-weight="(\d+)"`).FindAllStringSubmatch(svg, -1)
	if len(edges) == 0 {
		t.Fatal("no edges")
	}
	pairs := 0
	for i, a := range doc.Entities {
		for _, b := range doc.Entities[i+1:] {
			if shared(idx[a.ID].Paragraphs, idx[b.ID].Paragraphs) > 0 {
				pairs++
			}
		}
	}
	if len(edges) != pairs {
		t.Errorf("%d edges, the index has %d pairs sharing a paragraph", len(edges), pairs)
	}
	for _, e := range edges {
		w, _ := strconv.Atoi(e[3])
		if got := shared(idx[e[1]].Paragraphs, idx[e[2]].Paragraphs); got != w {
			t.Errorf("%s–%s: weight %d, they share %d paragraphs", e[1], e[2], w, got)
		}
	}
}

func shared(a, b []int) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func TestCountryCode(t *testing.T) {
	for _, c := range []struct {
		e    model.Entity
		want string
	}{
		{model.Entity{ID: "al", Name: "Albania"}, "al"},
		{model.Entity{ID: "kosovo", Name: "Kosovo"}, "xk"},
		{model.Entity{ID: "usa", Name: "America", Aliases: []string{"U.S."}}, "us"},
		{model.Entity{ID: "persia", Name: "Islamic Republic of Iran"}, "ir"},
		{model.Entity{ID: "soviet-union", Name: "Soviet Union"}, "su"},
		{model.Entity{ID: "atlantis", Name: "Atlantis"}, ""},
	} {
		if got := countryCode(c.e); got != c.want {
			t.Errorf("countryCode(%s %q) = %q, want %q", c.e.ID, c.e.Name, got, c.want)
		}
	}
}

func TestPlacePosition(t *testing.T) {
	for _, c := range []struct {
		e        model.Entity
		lat, lng float64
		ok       bool
	}{
		{model.Entity{ID: "tirana", Name: "Tirana"}, 41.33, 19.82, true},
		{model.Entity{ID: "srpska", Name: "Republika Srpska"}, 44.77, 17.19, true},
		{model.Entity{ID: "balkans", Name: "Balkans"}, 0, 0, false},
	} {
		lat, lng, ok := placePosition(c.e)
		if lat != c.lat || lng != c.lng || ok != c.ok {
			t.Errorf("placePosition(%s) = %v, %v, %t, want %v, %v, %t", c.e.ID, lat, lng, ok, c.lat, c.lng, c.ok)
		}
	}
	// A name that cities of several countries bear goes to the entity's country's city when it
	// names one, else to the most populous.
	for _, c := range []struct {
		country  string
		lat, lng float64
	}{{"pk", 25.39, 68.37}, {"in", 17.38, 78.46}, {"", 17.38, 78.46}, {"fr", 17.38, 78.46}} {
		lat, lng, ok := placePosition(model.Entity{ID: "hyderabad", Name: "Hyderabad", Country: c.country})
		if !ok || lat != c.lat || lng != c.lng {
			t.Errorf("placePosition(Hyderabad in %q) = %v, %v, %t, want %v, %v", c.country, lat, lng, ok, c.lat, c.lng)
		}
	}
}

// TestViews checks the pictures as the page shows them: each one element holding its SVG and a note,
// one tab stop among its entities, the map's key of shades up to the most mentioned country, and the
// names of the places it cannot show.
func TestViews(t *testing.T) {
	doc, idx := loadBundled(t)
	mapView, networkView := Views(doc, idx)
	for name, v := range map[string]string{"map": mapView, "network": networkView} {
		if !strings.HasPrefix(v, `<div class="picture-body"><div class="picture-art"><svg `) || !strings.HasSuffix(v, `</div>`) {
			t.Errorf("%s: not one picture-body element: %.100q…", name, v)
		}
		if n := strings.Count(v, `tabindex="0"`); n != 1 {
			t.Errorf("%s: %d tab stops, want 1", name, n)
		}
		if !strings.Contains(v, `<div class="picture-note">`) {
			t.Errorf("%s: no note", name)
		}
	}
	for _, want := range []string{`<span class="shade-step"><i class="shade" data-shade="1" aria-hidden="true"></i>1</span>`,
		"Not on the map: ", "Balkans", "Soviet Union"} {
		if !strings.Contains(mapView, want) {
			t.Errorf("the map's note lacks %q", want)
		}
	}
	if strings.Contains(mapView, "Not on the map: Albania") || strings.Contains(mapView, ", Albania,") {
		t.Errorf("the map's note lists Albania as not on the map")
	}
	for _, want := range []string{`kind-step kind-person`, `kind-step kind-organisation`, `kind-step kind-country`, `kind-step kind-place`,
		strconv.Itoa(len(doc.Entities)) + " entities"} {
		if !strings.Contains(networkView, want) {
			t.Errorf("the network's note lacks %q", want)
		}
	}
}

func TestFewestFor(t *testing.T) {
	for shade := 1; shade <= 5; shade++ {
		n := fewestFor(shade, 36)
		if n == 0 || worldmap.Shade(n, 36) != shade || n > 1 && worldmap.Shade(n-1, 36) == shade {
			t.Errorf("fewestFor(%d, 36) = %d, not the fewest mentions of that shade", shade, n)
		}
	}
}
