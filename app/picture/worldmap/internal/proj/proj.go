// Package proj is the world map's projection: Equal Earth (Šavrič, Patterson and Jenny, 2018),
// scaled so that the whole world is Width units wide, with north up and the origin at the top left
// of the whole world's frame (SVG coordinates: y grows southwards). The generator projects the
// country shapes with it, and the renderer projects places the same way.
package proj

import "math"

// Width is the width of the projected world, from 180°W to 180°E along the equator.
const Width = 960

// Height is the height of the projected world, from the North Pole to the South Pole (about 467).
const Height = 2 * north * scale

// The coefficients of Equal Earth, and the constants derived from them.
const (
	a1 = 1.340264
	a2 = -0.081106
	a3 = 0.000893
	a4 = 0.003796
	m  = 0.86602540378443864676 // √3/2

	scale = Width / 2 * m * a1 / math.Pi // units per unit of the projection's plane
	pole  = math.Pi / 3                  // the parametric latitude of the poles, asin(m)
	north = pole * (a1 + a2*pole*pole + pole*pole*pole*pole*pole*pole*(a3+a4*pole*pole))
)

// Project returns the position in the frame of the point at lat, lng (in degrees).
func Project(lat, lng float64) (x, y float64) {
	theta := math.Asin(m * math.Sin(lat*math.Pi/180))
	t2 := theta * theta
	t6 := t2 * t2 * t2
	px := lng * math.Pi / 180 * math.Cos(theta) / (m * (a1 + 3*a2*t2 + t6*(7*a3+9*a4*t2)))
	py := theta * (a1 + a2*t2 + t6*(a3+a4*t2))
	return Width/2 + px*scale, (north - py) * scale
}
