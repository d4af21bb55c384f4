package ui

import (
	"fmt"
	"math"
	"strings"
)

// Swatch is one highlight colour: a light background that dark text reads on with at least WCAG AA
// contrast, an edge colour for the underline that marks it, and a line style so that the legend and
// the article do not rely on colour alone.
type Swatch struct {
	Name       string
	Background string
	Edge       string
	Line       string // a CSS border-style
}

// Palette holds the highlight colours in the order slots take them: light tints of the Okabe–Ito
// colours, which stay distinct for the common forms of colour blindness.
var Palette = []Swatch{
	{"orange", "#ffd28a", "#a86400", "solid"},
	{"sky blue", "#a9dbf7", "#00639a", "dashed"},
	{"green", "#a3e4cb", "#00704f", "dotted"},
	{"yellow", "#f3ec8f", "#746b00", "double"},
	{"pink", "#efc3e0", "#9a3f78", "solid"},
	{"vermilion", "#f9bd9f", "#a74200", "dashed"},
	{"blue", "#c4cff6", "#3a52ad", "dotted"},
	{"grey", "#dcdcdc", "#555555", "double"},
}

// TextColour is the colour of the article text that highlights must keep readable.
const TextColour = "#1d1d22"

// SwatchFor returns the swatch of a selection slot.
func SwatchFor(slot int) Swatch { return Palette[slot%len(Palette)] }

// highlightCSS returns the style rules that colour the mentions of the selected entities and the
// legend swatches of their slots. Entity IDs are slugs, so they need no escaping.
func highlightCSS(sel Selection) string {
	var b strings.Builder
	for i, id := range sel.slots {
		if id == "" {
			continue
		}
		s := SwatchFor(i)
		fmt.Fprintf(&b, `#article mark[data-entity="%s"]{background:%s;border-bottom:2px %s %s}`, id, s.Background, s.Line, s.Edge)
		fmt.Fprintf(&b, `[data-entity="%s"] .swatch{background:%s;border:2px %s %s}`, id, s.Background, s.Line, s.Edge)
	}
	return b.String()
}

// contrast returns the WCAG contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(hex string) float64 {
	var r, g, b int
	if _, err := fmt.Sscanf(hex, "#%02x%02x%02x", &r, &g, &b); err != nil {
		return math.NaN()
	}
	lin := func(c int) float64 {
		v := float64(c) / 255
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
