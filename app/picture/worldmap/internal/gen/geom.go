package main

import (
	"log"
	"math"
	"sort"

	"github.com/dramatis/dramatis/app/picture/worldmap/internal/proj"
)

// xy is a position in the projected frame.
type xy struct{ x, y float64 }

// ring is an open ring (its last position is not repeated) of a shape, projected.
type ring struct {
	pts  []xy
	hole bool
	poly int // the index of its polygon in the feature
}

// build projects a country and measures it.
func build(key string, f feature) shape {
	var rings []ring
	for n, p := range f.polygons {
		for i, r := range p {
			for _, piece := range cutAntimeridian(f.name, r) {
				pts := make([]xy, len(piece))
				for j, q := range piece {
					x, y := proj.Project(q.lat, q.lon)
					pts[j] = xy{x, y}
				}
				rings = append(rings, ring{pts, i > 0, n})
			}
		}
	}
	s := shape{key: key, name: f.name, x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
	var largest *ring
	largestArea := -1.0
	for i := range rings {
		r := &rings[i]
		a := area(r.pts)
		// Exteriors turn clockwise on the screen, holes counter-clockwise, so that the nonzero
		// fill rule fills overlapping shapes and empties holes whatever the source's winding.
		if (a < 0) != r.hole {
			reverse(r.pts)
		}
		a = math.Abs(a)
		if r.hole {
			s.area -= a
		} else {
			s.area += a
			if a > largestArea {
				largest, largestArea = r, a
			}
		}
		for _, p := range r.pts {
			s.x0, s.y0 = math.Min(s.x0, p.x), math.Min(s.y0, p.y)
			s.x1, s.y1 = math.Max(s.x1, p.x), math.Max(s.y1, p.y)
		}
	}
	if largest == nil {
		log.Fatalf("%s: no ring", f.name)
	}
	var holes []ring
	for _, r := range rings {
		if r.hole && r.poly == largest.poly {
			holes = append(holes, r)
		}
	}
	l := labelPoint(*largest, holes)
	s.lx, s.ly = l.x, l.y
	s.d = pathData(rings)
	return s
}

// cutAntimeridian returns the ring r (closed) as one or more open rings that stay within
// ±180° of longitude: a ring whose consecutive positions jump across the antimeridian is
// unwrapped into a continuous one and cut along ±180°, and the part beyond is shifted back.
func cutAntimeridian(name string, r []lonLat) [][]lonLat {
	if len(r) > 1 && r[0] == r[len(r)-1] {
		r = r[:len(r)-1]
	}
	crosses := false
	for i := 1; i < len(r); i++ {
		if math.Abs(r[i].lon-r[i-1].lon) > 180 {
			crosses = true
		}
	}
	if !crosses {
		return [][]lonLat{r}
	}
	u := make([]lonLat, len(r))
	u[0] = r[0]
	for i := 1; i < len(r); i++ {
		lon := r[i].lon
		for lon-u[i-1].lon > 180 {
			lon -= 360
		}
		for lon-u[i-1].lon < -180 {
			lon += 360
		}
		u[i] = lonLat{lon, r[i].lat}
	}
	if math.Abs(u[len(u)-1].lon-u[0].lon) > 180 {
		log.Fatalf("%s: a ring goes round a pole", name)
	}
	var out [][]lonLat
	for k := -1; k <= 1; k++ {
		lo, hi := -180+360*float64(k), 180+360*float64(k)
		c := clip(clip(u, lo, false), hi, true)
		if len(c) < 3 {
			continue
		}
		for i := range c {
			c[i].lon -= 360 * float64(k)
		}
		out = append(out, c)
	}
	return out
}

// clip cuts the open ring r along the meridian lon, keeping what lies west of it when west is
// true and east of it otherwise (Sutherland–Hodgman).
func clip(r []lonLat, lon float64, west bool) []lonLat {
	in := func(p lonLat) bool { return p.lon == lon || (p.lon < lon) == west }
	cut := func(a, b lonLat) lonLat {
		t := (lon - a.lon) / (b.lon - a.lon)
		return lonLat{lon, a.lat + t*(b.lat-a.lat)}
	}
	var out []lonLat
	for i, p := range r {
		prev := r[(i+len(r)-1)%len(r)]
		switch {
		case in(p) && in(prev):
			out = append(out, p)
		case in(p):
			out = append(out, cut(prev, p), p)
		case in(prev):
			out = append(out, cut(prev, p))
		}
	}
	return out
}

// area returns the signed area of an open ring: positive when it turns clockwise on the screen.
func area(pts []xy) float64 {
	a := 0.0
	for i, p := range pts {
		q := pts[(i+1)%len(pts)]
		a += p.x*q.y - q.x*p.y
	}
	return a / 2
}

func reverse(pts []xy) {
	for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
		pts[i], pts[j] = pts[j], pts[i]
	}
}

// labelPoint returns a point inside the ring ext and outside the holes: the ring's centroid if it
// lies inside, else the middle of the widest inside stretch of the horizontal line through it.
func labelPoint(ext ring, holes []ring) xy {
	a := area(ext.pts)
	var c xy
	if a == 0 {
		for _, p := range ext.pts {
			c.x += p.x / float64(len(ext.pts))
			c.y += p.y / float64(len(ext.pts))
		}
		return c
	}
	for i, p := range ext.pts {
		q := ext.pts[(i+1)%len(ext.pts)]
		k := p.x*q.y - q.x*p.y
		c.x += (p.x + q.x) * k
		c.y += (p.y + q.y) * k
	}
	c.x /= 6 * a
	c.y /= 6 * a
	all := append([]ring{ext}, holes...)
	var xs []float64
	for _, r := range all {
		for i, p := range r.pts {
			q := r.pts[(i+1)%len(r.pts)]
			if (p.y > c.y) != (q.y > c.y) {
				xs = append(xs, p.x+(c.y-p.y)/(q.y-p.y)*(q.x-p.x))
			}
		}
	}
	sort.Float64s(xs)
	best, bestW := c, -1.0
	for i := 0; i+1 < len(xs); i += 2 {
		if c.x >= xs[i] && c.x <= xs[i+1] {
			return c // the centroid is inside
		}
		if w := xs[i+1] - xs[i]; w > bestW {
			best, bestW = xy{(xs[i] + xs[i+1]) / 2, c.y}, w
		}
	}
	return best
}
