package worldmap

import (
	"math"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture/worldmap/internal/proj"
)

// The detail: where small countries and places crowd together (the Balkans, the Gulf), the map
// draws that part of the world again, larger, in its bottom left corner, over the South Pacific.
// It is insetWidth × insetHeight units, a margin from the frame's edges, and shows its region at
// least minZoom times larger than the map does, else it is left out.
const (
	insetWidth  = 270
	insetHeight = 170
	insetMargin = 6
	insetPad    = 10 // around what the detail frames, in map units
	minZoom     = 1.8
)

// region is a box of the frame, in map units.
type region struct{ x0, y0, x1, y1 float64 }

func (r region) w() float64 { return r.x1 - r.x0 }
func (r region) h() float64 { return r.y1 - r.y0 }

func (r region) meets(s *shape) bool {
	return s.x0 < r.x1 && r.x0 < s.x1 && s.y0 < r.y1 && r.y0 < s.y1
}

// insetRegion returns the region the detail shows: the box around the countries with markers and
// the places, grown to the detail's proportions, when there are at least two of them and the box
// is small enough for the detail to show it minZoom times larger.
func insetRegion(ds []drawn, ps []Place) (region, bool) {
	r := region{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	n := 0
	add := func(x, y float64) {
		r = region{min(r.x0, x), min(r.y0, y), max(r.x1, x), max(r.y1, y)}
		n++
	}
	for _, d := range ds {
		if d.marker {
			add(d.s.lx, d.s.ly)
		}
	}
	for _, p := range ps {
		add(proj.Project(p.Lat, p.Lng))
	}
	if n < 2 {
		return region{}, false
	}
	r = region{r.x0 - insetPad, r.y0 - insetPad, r.x1 + insetPad, r.y1 + insetPad}
	// Grow the short side to the detail's proportions, about the middle.
	if want := r.w() * insetHeight / insetWidth; r.h() < want {
		c := (r.y0 + r.y1) / 2
		r.y0, r.y1 = c-want/2, c+want/2
	} else {
		c, w := (r.x0+r.x1)/2, r.h()*insetWidth/insetHeight
		r.x0, r.x1 = c-w/2, c+w/2
	}
	if insetWidth/r.w() < minZoom {
		return region{}, false
	}
	return r, true
}

// writeInset writes the detail of region r: a frame, the land and the countries that meet r, with
// their shades and markers, and the places in it, all with data-entity so that a click on them
// selects as on the map, but hidden from assistive technology and out of the tab order, since the
// map has them already; and an outline of r on the map.
func writeInset(b *strings.Builder, r region, ds []drawn, ps []Place, top int) {
	zoom := insetWidth / r.w()
	x, y := float64(insetMargin), float64(height-insetMargin-insetHeight)
	b.WriteString(`<rect class="inset-area" x="` + num(r.x0) + `" y="` + num(r.y0) + `" width="` + num(r.w()) +
		`" height="` + num(r.h()) + `" aria-hidden="true"/>`)
	b.WriteString(`<g class="inset" aria-hidden="true"><rect class="inset-frame" x="` + num(x) + `" y="` + num(y) +
		`" width="` + num(insetWidth) + `" height="` + num(insetHeight) + `"/>`)
	b.WriteString(`<svg x="` + num(x) + `" y="` + num(y) + `" width="` + num(insetWidth) + `" height="` + num(insetHeight) +
		`" viewBox="` + num(r.x0) + ` ` + num(r.y0) + ` ` + num(r.w()) + ` ` + num(r.h()) + `">`)
	own := map[string]bool{}
	for _, d := range ds {
		own[d.s.key] = true
	}
	b.WriteString(`<path class="land" d="`)
	for i := range shapes {
		if s := &shapes[i]; (s.key == "" || !own[s.key]) && s.d != "" && r.meets(s) {
			b.WriteString(s.d)
		}
	}
	b.WriteString(`"/>`)
	for _, d := range ds {
		if !r.meets(d.s) && !(d.marker && inside(r, d.s.lx, d.s.ly)) {
			continue
		}
		shade := Shade(d.Mentions, top)
		label := esc(d.Name + ", " + count(d.Mentions, "mention", "mentions"))
		b.WriteString(`<g class="country ` + esc(model.MarkClass(d.ID)) + `" data-entity="` + esc(d.ID) +
			`" data-shade="` + strconv.Itoa(shade) + `"><title>` + label + `</title>`)
		if d.s.d != "" {
			b.WriteString(`<path d="` + d.s.d + `"/>`)
		}
		if d.marker && smallAt(d.s, zoom) {
			b.WriteString(`<circle class="marker" cx="` + num(d.s.lx) + `" cy="` + num(d.s.ly) +
				`" r="` + num(markerRadius(shade)/zoom*1.5) + `"/>`)
		}
		b.WriteString(`</g>`)
	}
	for _, p := range ps {
		px, py := proj.Project(p.Lat, p.Lng)
		if !inside(r, px, py) {
			continue
		}
		label := esc(p.Name + ", " + count(p.Mentions, "mention", "mentions"))
		fs := fontSize / zoom * 1.2
		b.WriteString(`<g class="place ` + esc(model.MarkClass(p.ID)) + `" data-entity="` + esc(p.ID) + `"><title>` + label +
			`</title><circle cx="` + num(px) + `" cy="` + num(py) + `" r="` + num(placeRadius/zoom*1.5) + `"/><text x="` +
			num(px+(placeRadius+2)/zoom*1.5) + `" y="` + num(py+0.35*fs) + `" font-size="` + num(fs) + `">` + esc(p.Name) + `</text></g>`)
	}
	b.WriteString(`</svg></g>`)
}

// inside reports whether the point (x, y) lies in r.
func inside(r region, x, y float64) bool { return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1 }

// smallAt reports whether s is still hard to find drawn zoom times larger (see shape.hardToFind).
func smallAt(s *shape, zoom float64) bool {
	w, h, area := (s.x1-s.x0)*zoom, (s.y1-s.y0)*zoom, s.area*zoom*zoom
	return s.d == "" || area < markerArea || (min(w, h) < markerSide && area < smallArea)
}
