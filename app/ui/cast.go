package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// Cast is the panel of the entities of the catalogue that match the filter, grouped by kind, each a
// toggle button with its mention count and a strip showing where in the article its mentions fall.
// The list is one tab stop: the arrow keys, Home and End move among its entries (see rove).
//
// The list is markup (castHTML) that Cast builds again only when the filter changes. A change of
// selection sets aria-pressed on the buttons whose state changed (Page.syncPressed): the buttons stay
// as they are, the one with the keyboard focus among them, and starting the app builds one element
// instead of seventy buttons and their handlers. One handler on the list takes the buttons' clicks.
type Cast struct {
	app.Compo

	// Groups are the entities to show by kind, in display order.
	Groups []model.Group
	// Counts gives each entity's mention count, of names only or of every form as NamesOnly says.
	Counts map[string]int
	// NamesOnly says whether the counts and strips are of names and aliases only.
	NamesOnly bool
	// Selection says which buttons are pressed when the list is built.
	Selection Selection
	// Density holds each entity's density strip as a CSS background (see densityStrips).
	Density map[string]string
	// Query is the filter the groups went through, for the message when nothing matches.
	Query string
	// Doc counts the articles the page has shown: the list is built again for another.
	Doc int

	list  string // castHTML of the groups, which change with the filter and the forms alone; "" until built
	query string // the filter list was built for
	names bool   // the forms list was built for
	doc   int    // the article list was built for
}

// Render draws the list, and a message when nothing matches the filter.
func (c *Cast) Render() app.UI {
	// The server renders the page once for each request, its state restored from the address after
	// the first render: there the list follows the selection.
	if c.list == "" || c.query != c.Query || c.names != c.NamesOnly || c.doc != c.Doc || app.IsServer {
		c.list, c.query, c.names, c.doc = castHTML(c.Groups, c.Counts, c.Selection, c.Density), c.Query, c.NamesOnly, c.Doc
	}
	return app.Nav().ID("cast").Aria("label", "Cast of the article").Aria("describedby", "cast-keys").Attr("data-roving", true).
		OnClick(c.onClick).OnKeyDown(c.onKey).Body(
		app.P().ID("cast-keys").Class("visually-hidden").Text("Arrow keys move through the cast; Enter selects."),
		app.If(len(c.Groups) == 0, func() app.UI {
			return app.P().Class("hint").Text("No one in the cast matches “" + strings.TrimSpace(c.Query) + "”.")
		}),
		app.Raw(c.list),
	)
}

// onClick selects or deselects the entity whose button was clicked, which becomes the list's tab stop.
func (c *Cast) onClick(ctx app.Context, e app.Event) {
	id := dataTarget(e, "entity")
	if id != "" {
		stopAt(e, ".entity")
	}
	sendIf(ctx, id != "", actionPick, pick{ID: id, Top: topOf(id)})
}

// onKey moves the keyboard focus through the list with the arrow keys, Home and End.
func (c *Cast) onKey(ctx app.Context, e app.Event) {
	rove(e, ".entity", e.Get("key").String())
	ctx.PreventUpdate()
}

// castHTML is the cast list: a section per group, with a toggle button per entity that carries its
// id (data-entity), whether it is selected (aria-pressed) and its role as a tooltip. The first button
// is the list's tab stop (tabindex 0), the others are reached with the arrow keys (tabindex -1).
func castHTML(groups []model.Group, counts map[string]int, sel Selection, density map[string]string) string {
	var b strings.Builder
	stop := "0"
	b.WriteString(`<div class="groups">`)
	if anyAuto(groups) {
		b.WriteString(autoNote)
	}
	for _, g := range groups {
		b.WriteString(`<section class="group"><h2>` + escapeHTML(g.Kind.Group()) + `<span class="group-count">` +
			strconv.Itoa(len(g.Entities)) + `</span></h2><ul>`)
		for _, e := range g.Entities {
			b.WriteString(`<li><button type="button" class="entity" tabindex="` + stop + `" data-entity="` + escapeHTML(e.ID) +
				`" aria-pressed="` + strconv.FormatBool(sel.Has(e.ID)) + `"`)
			stop = "-1"
			if e.Role != "" {
				b.WriteString(` title="` + escapeHTML(e.Role) + `"`)
			}
			b.WriteString(`>` + entryHTML(e.Name, e.Auto(), counts[e.ID], density[e.ID]) + `</button></li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// autoBadge marks an entry that detection proposed and no one reviewed: "auto" on the screen, "found
// by detection" for a screen reader.
const autoBadge = `<span class="auto-badge"><span aria-hidden="true">auto</span><span class="visually-hidden">, found by detection</span></span>`

// autoNote is the legend of the badge, above the cast when some entry has it.
const autoNote = `<p class="auto-note" id="auto-note"><span class="auto-badge" aria-hidden="true">auto</span> found by detection, not reviewed by anyone</p>`

// anyAuto reports whether some entity of the groups came from detection.
func anyAuto(groups []model.Group) bool {
	for _, g := range groups {
		for _, e := range g.Entities {
			if e.Auto() {
				return true
			}
		}
	}
	return false
}

// entryHTML is the inside of a cast entry: its swatch, name (with the auto badge if detection
// proposed it), count of mentions and density strip,
// in a <span class="entry"> that takes no box of its own (display: contents), so that they are laid
// out by the button's grid.
func entryHTML(name string, auto bool, n int, density string) string {
	badge := ""
	if auto {
		badge = autoBadge
	}
	return `<span class="entry"><span class="swatch" aria-hidden="true"></span><span class="name">` +
		escapeHTML(name) + badge + `</span><span class="count" aria-label="` + mentionsLabel(n) + `">` +
		strconv.Itoa(n) + `</span><span class="density" aria-hidden="true" style="background-image:` +
		escapeHTML(density) + `"></span></span>`
}

func mentionsLabel(n int) string { return countOf(n, "mention", "mentions") }

// densityStrips returns, for every entity, a CSS background image that draws its mentions' density
// (by name or alias only when namesOnly is set) over bins stretches of the article: a hard-edged band
// per stretch with mentions, in one of three strengths (custom properties --d1 to --d3).
func densityStrips(a *reader.Article, bins int, namesOnly bool) map[string]string {
	out := make(map[string]string, len(a.Doc.Entities))
	for _, e := range a.Doc.Entities {
		counts := a.Density(e.ID, bins, namesOnly)
		most := 0
		for _, n := range counts {
			most = max(most, n)
		}
		if most == 0 {
			out[e.ID] = "none"
			continue
		}
		var stops []string
		for i, n := range counts {
			if n == 0 {
				continue
			}
			level := (3*n + most - 1) / most // 1 to 3
			from, to := percent(float64(i)/float64(bins)), percent(float64(i+1)/float64(bins))
			stops = append(stops, "transparent "+from, "var(--d"+strconv.Itoa(level)+") "+from+" "+to, "transparent "+to)
		}
		out[e.ID] = "linear-gradient(90deg," + strings.Join(stops, ",") + ")"
	}
	return out
}
