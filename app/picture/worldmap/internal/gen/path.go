package main

import (
	"math"
	"strconv"
	"strings"
)

// pathData writes rings as SVG path data on a grid of a tenth of a unit: the first ring from an
// absolute moveto, each next one from a moveto relative to the start of the one before (where a
// closepath leaves the current point), every other position relative to the one before, with h
// and v for horizontal and vertical steps, no repeated command letters and no needless
// separators. Positions that round onto the one before are dropped, and so are rings left with
// fewer than three.
func pathData(rings []ring) string {
	w := pathWriter{}
	var start [2]int // the start of the last ring written, in tenths
	first := true
	for _, r := range rings {
		pts := grid(r.pts)
		if len(pts) < 3 {
			continue
		}
		if first {
			w.command('M')
			w.number(pts[0][0])
			w.number(pts[0][1])
			w.cmd = 'L' // what a number after M means
			first = false
		} else {
			w.command('m')
			w.number(pts[0][0] - start[0])
			w.number(pts[0][1] - start[1])
			w.cmd = 'l'
		}
		start = pts[0]
		for i := 1; i < len(pts); i++ {
			dx, dy := pts[i][0]-pts[i-1][0], pts[i][1]-pts[i-1][1]
			switch {
			case dy == 0:
				w.command('h')
				w.number(dx)
			case dx == 0:
				w.command('v')
				w.number(dy)
			default:
				w.command('l')
				w.number(dx)
				w.number(dy)
			}
		}
		w.b.WriteByte('z')
		w.cmd, w.last = 'z', ""
	}
	return w.b.String()
}

// grid rounds an open ring onto the grid of tenths, without consecutive duplicates.
func grid(pts []xy) [][2]int {
	var out [][2]int
	for _, p := range pts {
		q := [2]int{int(math.Round(p.x * 10)), int(math.Round(p.y * 10))}
		if len(out) == 0 || out[len(out)-1] != q {
			out = append(out, q)
		}
	}
	for len(out) > 1 && out[len(out)-1] == out[0] {
		out = out[:len(out)-1]
	}
	return out
}

// pathWriter writes path data tersely.
type pathWriter struct {
	b    strings.Builder
	cmd  byte   // the command in force
	last string // the number written last since a command letter, or ""
}

// command makes c the command in force, writing it unless it already is.
func (w *pathWriter) command(c byte) {
	if w.cmd != c {
		w.b.WriteByte(c)
		w.cmd, w.last = c, ""
	}
}

// number writes n tenths: "12.3", "-.5", "4", with a space before it only where it would
// otherwise run into the number before.
func (w *pathWriter) number(n int) {
	s := tenths(n)
	if w.last != "" && s[0] != '-' && (s[0] != '.' || !strings.Contains(w.last, ".")) {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(s)
	w.last = s
}

// tenths formats n/10 with at most one decimal and no leading zero.
func tenths(n int) string {
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.Itoa(n / 10)
	if n%10 != 0 {
		if s == "0" {
			s = ""
		}
		s += "." + strconv.Itoa(n%10)
	}
	if neg {
		s = "-" + s
	}
	return s
}
