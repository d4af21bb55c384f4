package worldmap

import (
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture/worldmap/internal/proj"
)

// Country is a country of the article to draw.
type Country struct {
	ID       string // the entity's ID: "al", "kosovo"
	Code     string // its ISO 3166-1 alpha-2 code in lower case, usually the same as ID: "al", "xk"
	Name     string // the name to show: "Albania"
	Mentions int    // how often the article mentions it
}

// Place is a place of the article to draw as a dot.
type Place struct {
	ID, Name string
	Lat, Lng float64 // in degrees
	Mentions int
}

// shape is one entry of the generated data: a country's projected outline in SVG path data
// (empty when the outline is too small to draw, or when only a point is known), its bounding
// box, its area and a point inside it to put a marker on, all in units of the frame.
type shape struct {
	key, name      string // the ISO 3166-1 alpha-2 code (empty for land only) and Natural Earth's name
	x0, y0, x1, y1 float64
	area           float64
	lx, ly         float64
	d              string
}

// A country gets a marker on its label point when its shape is hard to find: smaller than
// markerArea, or narrower or lower than markerSide and smaller than smallArea (Albania, Israel,
// Lebanon; not Chile). The marker's radius grows with the shade, from 3 to 5.
const (
	markerSide  = 6
	markerArea  = 4
	smallArea   = 40
	placeRadius = 2.5
	fontSize    = 11
)

// hardToFind reports whether s needs a marker.
func (s *shape) hardToFind() bool {
	w, h := s.x1-s.x0, s.y1-s.y0
	return s.d == "" || s.area < markerArea || (min(w, h) < markerSide && s.area < smallArea)
}

// markerRadius returns the radius of the marker of a country of the given shade.
func markerRadius(shade int) float64 { return 2.5 + 0.5*float64(shade) }

// byKey indexes shapes by key.
var byKey = func() map[string]*shape {
	m := make(map[string]*shape, len(shapes))
	for i := range shapes {
		if k := shapes[i].key; k != "" {
			m[k] = &shapes[i]
		}
	}
	return m
}()

// Known reports whether the map can place the country with the given ISO 3166-1 alpha-2 code
// (lower case): as a shape, or as a point for the few that have none.
func Known(code string) bool { return byKey[code] != nil }

// ViewBox is the frame of the map, in the form of the SVG attribute.
func ViewBox() string { return "0 0 " + strconv.Itoa(proj.Width) + " " + num(height) }

// drawn is one country ready to write.
type drawn struct {
	Country
	s      *shape
	marker bool
}

// SVG returns the markup of the map of countries and places, and the IDs of those it cannot
// place (a code without data, a place outside the frame), in the order given. The markup is one
// <svg> element without width and height, for CSS to size: the land of every country not given,
// as one path of class "land"; each country as a <g class="country e-ID"> with its data-entity,
// a data-shade from 1 to 5 (see Shade), a title and an aria-label naming it and its mentions,
// a tabindex (the first country or place is the one tab stop, see tabIndex), its path and, when the shape is hard to find, a circle of class "marker",
// larger for darker shades; then each place as a <g class="place e-ID"> with a circle and its
// name. Countries with markers come after those without, the most mentioned last, so that it
// draws on top. Where small countries and places crowd, a detail of their region follows (see
// writeInset). The output depends on the input's values only, not on its order.
func SVG(countries []Country, places []Place) (svg string, missing []string) {
	var ds []drawn
	top := 0
	for _, c := range countries {
		s := byKey[c.Code]
		if s == nil {
			missing = append(missing, c.ID)
			continue
		}
		ds = append(ds, drawn{c, s, s.hardToFind()})
		top = max(top, c.Mentions)
	}
	sort.Slice(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.marker != b.marker {
			return b.marker
		}
		if a.Mentions != b.Mentions {
			if a.marker {
				return a.Mentions < b.Mentions // the most mentioned marker on top
			}
			return a.Mentions > b.Mentions
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		return a.Name < b.Name
	})
	var ps []Place
	for _, p := range places {
		if x, y := proj.Project(p.Lat, p.Lng); !(x >= 0 && x <= proj.Width && y >= 0 && y <= height) {
			missing = append(missing, p.ID)
			continue
		}
		ps = append(ps, p)
	}
	sort.Slice(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Mentions != b.Mentions {
			return a.Mentions < b.Mentions
		}
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Lat < b.Lat || a.Lat == b.Lat && a.Lng < b.Lng
	})

	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="` + ViewBox() + `" class="worldmap" role="group" aria-label="`)
	b.WriteString(esc("World map: " + count(len(ds), "country", "countries") + " of the article"))
	b.WriteString(`">`)
	writeLand(&b, ds)
	for i, d := range ds {
		writeCountry(&b, d, top, tabIndex(i == 0))
	}
	for i, p := range ps {
		writePlace(&b, p, tabIndex(i == 0 && len(ds) == 0))
	}
	if r, ok := insetRegion(ds, ps); ok {
		writeInset(&b, r, ds, ps, top)
	}
	b.WriteString(`</svg>`)
	return b.String(), missing
}

// writeLand writes the outline of every country not drawn on its own, as one path.
func writeLand(b *strings.Builder, ds []drawn) {
	own := map[string]bool{}
	for _, d := range ds {
		own[d.s.key] = true
	}
	b.WriteString(`<path class="land" aria-hidden="true" d="`)
	for i := range shapes {
		if s := &shapes[i]; s.key == "" || !own[s.key] {
			b.WriteString(s.d)
		}
	}
	b.WriteString(`"/>`)
}

// tabIndex is the tabindex of a country or place: "0" for the first, the map's one tab stop, and "-1"
// for the others, which the arrow keys reach (the page moves the tab stop among them).
func tabIndex(first bool) string {
	if first {
		return "0"
	}
	return "-1"
}

func writeCountry(b *strings.Builder, d drawn, top int, tabindex string) {
	label := esc(d.Name + ", " + count(d.Mentions, "mention", "mentions"))
	id := esc(d.ID)
	shade := Shade(d.Mentions, top)
	b.WriteString(`<g class="country ` + esc(model.MarkClass(d.ID)) + `" data-entity="` + id +
		`" data-shade="` + strconv.Itoa(shade) + `" tabindex="` + tabindex + `" role="button" aria-label="` +
		label + `"><title>` + label + `</title>`)
	if d.s.d != "" {
		b.WriteString(`<path d="` + d.s.d + `"/>`)
	}
	if d.marker {
		b.WriteString(`<circle class="marker" cx="` + num(d.s.lx) + `" cy="` + num(d.s.ly) +
			`" r="` + num(markerRadius(shade)) + `"/>`)
	}
	b.WriteString(`</g>`)
}

func writePlace(b *strings.Builder, p Place, tabindex string) {
	x, y := proj.Project(p.Lat, p.Lng)
	label := esc(p.Name + ", " + count(p.Mentions, "mention", "mentions"))
	b.WriteString(`<g class="place ` + esc(model.MarkClass(p.ID)) + `" data-entity="` + esc(p.ID) +
		`" tabindex="` + tabindex + `" role="button" aria-label="` + label + `"><title>` + label + `</title>`)
	b.WriteString(`<circle cx="` + num(x) + `" cy="` + num(y) + `" r="` + num(placeRadius) + `"/>`)
	// The name goes to the right of the dot, or to its left near the right edge.
	tx, anchor := x+placeRadius+2, "start"
	if width := float64(len([]rune(p.Name))) * 0.6 * fontSize; tx+width > proj.Width {
		tx, anchor = x-placeRadius-2, "end"
	}
	b.WriteString(`<text x="` + num(tx) + `" y="` + num(y+0.35*fontSize) + `" font-size="` + num(fontSize) + `"`)
	if anchor != "start" {
		b.WriteString(` text-anchor="` + anchor + `"`)
	}
	b.WriteString(`>` + esc(p.Name) + `</text></g>`)
}

// Shade returns the shade, from 1 to 5, of a country mentioned n times when the most mentioned is
// mentioned top times: 1 + 4·ln n / ln top, rounded, so that each shade stands for a like ratio
// of mentions (with top 36: 1 mention is 1, 2 are 2, 6 are 3, 15 are 4, 36 are 5).
func Shade(n, top int) int {
	switch {
	case n <= 0:
		return 1
	case n >= top:
		return 5
	case n == 1:
		return 1
	}
	return 1 + int(math.Round(4*math.Log(float64(n))/math.Log(float64(top))))
}

// count writes n with the noun in the singular or the plural: "1 mention", "36 mentions".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// num writes f rounded to a tenth.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

// esc escapes s for text and attribute values.
func esc(s string) string { return html.EscapeString(s) }
