package ui

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Swatch is one highlight colour: a background that the theme's text reads on with at least WCAG AA
// contrast, an edge colour for the underline that marks it, and a line style so that the legend and
// the article do not rely on colour alone.
type Swatch struct {
	Name       string
	Background string
	Edge       string
	Line       string // a CSS border-style
}

// Palette holds the highlight colours of the light theme in the order slots take them: light tints of
// the Okabe–Ito colours, which stay distinct for the common forms of colour blindness.
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

// DarkPalette holds the same colours for the dark theme, slot for slot: deep shades that light text
// reads on, with bright edges.
var DarkPalette = []Swatch{
	{"orange", "#6e4400", "#ffb84d", "solid"},
	{"sky blue", "#0f4d6e", "#7cc8f2", "dashed"},
	{"green", "#0b5a45", "#5fd3a8", "dotted"},
	{"yellow", "#5c5600", "#e8dc4a", "double"},
	{"pink", "#6e2f58", "#eba3d3", "solid"},
	{"vermilion", "#7a3000", "#ff9a66", "dashed"},
	{"blue", "#2e3f85", "#a6b6f5", "dotted"},
	{"grey", "#4a4a4a", "#c8c8c8", "double"},
}

// TextColour is the colour of the article text in the light theme, which highlights must keep readable.
const TextColour = "#1d1d22"

// DarkTextColour is the colour of the article text in the dark theme.
const DarkTextColour = "#ece9e2"

// SwatchFor returns the (light) swatch of a selection slot. A Selection holds no more entities than
// Palette has colours.
func SwatchFor(slot int) Swatch { return Palette[slot%len(Palette)] }

// The selectors under which the dark theme applies: the reader's choice, or the system's when the
// reader made none. app.css uses the same two.
const (
	darkChosen = `:root:has(#dramatis[data-theme="dark"])`
	darkSystem = `:root:not(:has(#dramatis[data-theme="light"]))`
)

// paletteCSS returns the style sheet that defines the custom properties --hlN (background) and
// --hlN-edge of every palette slot N, for both themes. It never changes.
func paletteCSS() string {
	vars := func(p []Swatch) string {
		var b strings.Builder
		for i, s := range p {
			fmt.Fprintf(&b, "--hl%d:%s;--hl%d-edge:%s;", i, s.Background, i, s.Edge)
		}
		return b.String()
	}
	dark := vars(DarkPalette)
	return ":root{" + vars(Palette) + "}" +
		"@media (prefers-color-scheme: dark){" + darkSystem + "{" + dark + "}}" +
		darkChosen + "{" + dark + "}"
}

// slotRule returns the rule that gives the mentions, rail ticks and swatches of entity id the colours
// and line of selection slot i, as custom properties that app.css's rules for them read: --h the
// background, --e the edge, --l the line style, --bw the swatch's border width, --sw and --da the
// stroke's width and dashes that draw the line in the pictures, --show the tick's display and --on,
// empty, a switch that turns on the text colour and the lighter fill of demonyms
// and places. The rule names the entity's classes (model.MarkClass, tickClass), so the browser
// restyles only its marks and ticks. prefix goes before the selector: "" to apply at once, or the
// selector of a class of the page's root (see slotClass). Entity IDs are slugs: they need no escaping.
func slotRule(prefix, id string, i int) string {
	k := strconv.Itoa(i % len(Palette))
	return prefix + `:is(.` + model.MarkClass(id) + `,.` + tickClass(id) + `,[data-entity="` + id + `"] .swatch){--h:var(--hl` + k +
		`);--e:var(--hl` + k + `-edge);--l:` + SwatchFor(i).Line + `;--bw:2px;--sw:2.5;--da:` + dashes[SwatchFor(i).Line] + `;--show:block;--on: }`
}

// dashes maps a line style to the stroke-dasharray that draws it in the pictures, whose strokes are
// a few units wide.
var dashes = map[string]string{"solid": "none", "dashed": "6 3", "dotted": "1.5 2.5", "double": "8 2 2 2"}

// slotClass is the class of the page's root that puts entity id in selection slot i, for the rules
// of selectionRules.
func slotClass(i int, id string) string { return "k" + strconv.Itoa(i) + "-" + id }

// selectionRules returns, for every entity and every slot of the palette, the slot's rule under the
// root class slotClass. With them in the page, selecting is a change of the root's classes:
// a change of a style sheet makes the browser look at every element of the page again, which on a
// long article takes longer than the highlighting itself.
func selectionRules(entities []model.Entity) string {
	var b strings.Builder
	for _, e := range entities {
		for i := range Palette {
			b.WriteString(slotRule("."+slotClass(i, e.ID)+" ", e.ID, i))
		}
	}
	return b.String()
}

// highlightCSS returns the rules that colour the selected entities (see slotRule). With live set, the
// page's root classes colour the slots of the palette (see selectionRules), and only the slots past
// it need rules here.
func highlightCSS(sel Selection, live bool) string {
	var b strings.Builder
	for i, id := range sel.slots {
		if id != "" && (!live || i >= len(Palette)) {
			b.WriteString(slotRule("", id, i))
		}
	}
	return b.String()
}

// togetherCSS returns the rules of the together view: every top-level block of the article but the
// given paragraphs is dimmed, and those are marked in the margin.
func togetherCSS(paragraphs []int) string {
	if len(paragraphs) == 0 {
		return `#article>[data-p]{color:var(--dim)}#article>[data-p] mark.mention{background-image:linear-gradient(var(--lighten),var(--lighten))}`
	}
	keep := make([]string, len(paragraphs))
	for i, p := range paragraphs {
		keep[i] = `[data-p="` + strconv.Itoa(p) + `"]`
	}
	list := strings.Join(keep, ",")
	return `#article>[data-p]:not(` + list + `){color:var(--dim)}` +
		`#article>[data-p]:not(` + list + `) mark.mention{background-image:linear-gradient(var(--lighten),var(--lighten))}` +
		`#article>:is(` + list + `){box-shadow:-.75rem 0 0 -.5rem var(--accent)}`
}

// currentTickCSS returns the rule that marks the rail tick of the current mention, the mention with
// index i into Document.Mentions; nothing for i < 0.
func currentTickCSS(i int) string {
	if i < 0 {
		return ""
	}
	return `#rail [data-i="` + strconv.Itoa(i) + `"]{left:0;right:0;height:5px;margin-top:-1px;outline:2px solid var(--ink);z-index:1}`
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

// linksCSS returns the rules that bring out the lines of the network that touch the selected
// entities, ids, and fade the others; a line between two of them is drawn in the accent colour.
// With nothing selected every line shows alike.
func linksCSS(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	ends := make([]string, 0, 2*len(ids))
	var both []string
	for i, a := range ids {
		ends = append(ends, `[data-a="`+a+`"]`, `[data-b="`+a+`"]`)
		for _, b := range ids[i+1:] {
			both = append(both, `[data-a="`+a+`"][data-b="`+b+`"]`, `[data-a="`+b+`"][data-b="`+a+`"]`)
		}
	}
	css := `#network .edge .link{stroke-opacity:.07}#network .edge:is(` + strings.Join(ends, ",") + `) .link{stroke-opacity:.5}`
	if len(both) > 0 {
		css += `#network .edge:is(` + strings.Join(both, ",") + `) .link{stroke:var(--accent);stroke-opacity:1}`
	}
	return css
}
