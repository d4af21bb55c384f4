package network

import "math"

// Labels are set in fontSize units; a name is estimated to be charWidth·fontSize wide per
// character, and its baseline to lie baseline·fontSize below the top of its box.
const (
	fontSize  = 11
	charWidth = 0.6
	baseline  = 0.8
	// maxLabels is how many names at most are shown at once.
	maxLabels = 60
	// labelGap is the space between a node's shape and its name, and the least between names.
	labelGap = 2
)

// box is a rectangle in the frame.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a box) grow(d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

// label is where a node's name goes, and whether it shows.
type label struct {
	box     box
	visible bool
}

// placeLabels places the names greedily, most mentioned node first: each at the first of a few
// positions around its node (right, left, above, below, then the corners) that stays in the frame
// and covers neither a name placed before nor any node. A name that fits nowhere, or comes after
// the first maxLabels, is hidden and put on the right of its node, moved into the frame.
func (g *graph) placeLabels(pts []Point) []label {
	nodeBoxes := make([]box, len(pts))
	for i, p := range pts {
		e := extentOf(g.nodes[i].Kind, g.radius(i))
		nodeBoxes[i] = box{p.X - e, p.Y - e, p.X + e, p.Y + e}
	}
	frame := box{0, 0, Width, Height}
	out := make([]label, len(pts))
	var placed []box
	for i, p := range pts {
		w := charWidth * fontSize * float64(len([]rune(g.nodes[i].Name)))
		h := float64(fontSize)
		e := extentOf(g.nodes[i].Kind, g.radius(i)) + labelGap
		candidates := []box{
			{p.X + e, p.Y - h/2, p.X + e + w, p.Y + h/2},                 // right
			{p.X - e - w, p.Y - h/2, p.X - e, p.Y + h/2},                 // left
			{p.X - w/2, p.Y - e - h, p.X + w/2, p.Y - e},                 // above
			{p.X - w/2, p.Y + e, p.X + w/2, p.Y + e + h},                 // below
			{p.X + e*0.7, p.Y - e*0.7 - h, p.X + e*0.7 + w, p.Y - e*0.7}, // upper right
			{p.X + e*0.7, p.Y + e*0.7, p.X + e*0.7 + w, p.Y + e*0.7 + h}, // lower right
			{p.X - e*0.7 - w, p.Y - e*0.7 - h, p.X - e*0.7, p.Y - e*0.7}, // upper left
			{p.X - e*0.7 - w, p.Y + e*0.7, p.X - e*0.7, p.Y + e*0.7 + h}, // lower left
		}
		out[i] = label{box: inside(candidates[0], frame)}
		if len(placed) >= maxLabels {
			continue
		}
	search:
		for _, c := range candidates {
			if c.x0 < frame.x0 || c.y0 < frame.y0 || c.x1 > frame.x1 || c.y1 > frame.y1 {
				continue
			}
			for _, o := range placed {
				if c.overlaps(o.grow(labelGap)) {
					continue search
				}
			}
			for _, nb := range nodeBoxes {
				if c.overlaps(nb) {
					continue search
				}
			}
			out[i] = label{box: c, visible: true}
			placed = append(placed, c)
			break
		}
	}
	return out
}

// inside moves b into frame, as far as it fits.
func inside(b, frame box) box {
	dx := math.Max(0, frame.x0-b.x0) - math.Max(0, b.x1-frame.x1)
	dy := math.Max(0, frame.y0-b.y0) - math.Max(0, b.y1-frame.y1)
	return box{b.x0 + dx, b.y0 + dy, b.x1 + dx, b.y1 + dy}
}
