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
type Cast struct {
	app.Compo

	// Groups are the entities to show by kind, in display order.
	Groups []model.Group
	// Index gives each entity's mention count.
	Index model.Index
	// Selection says which buttons are pressed.
	Selection Selection
	// Density holds each entity's density strip as a CSS background (see densityStrips).
	Density map[string]string
	// Query is the filter the groups went through, for the message when nothing matches.
	Query string
}

// Render draws one section per group.
func (c *Cast) Render() app.UI {
	return app.Nav().ID("cast").Aria("label", "Cast of the article").Body(
		app.If(len(c.Groups) == 0, func() app.UI {
			return app.P().Class("hint").Text("No one in the cast matches “" + strings.TrimSpace(c.Query) + "”.")
		}),
		app.Range(c.Groups).Slice(func(i int) app.UI {
			g := c.Groups[i]
			return app.Section().Class("group").Body(
				app.H2().Body(
					app.Text(g.Kind.Group()),
					app.Span().Class("group-count").Text(strconv.Itoa(len(g.Entities))),
				),
				app.Ul().Body(app.Range(g.Entities).Slice(func(j int) app.UI {
					return app.Li().Body(c.button(g.Entities[j]))
				})),
			)
		}),
	)
}

// CastEntry is the toggle button of one entity in the cast panel. It is a component of its own so
// that a change of selection renders again only the entries whose state changed.
type CastEntry struct {
	app.Compo

	// Entity is the entity the button toggles.
	Entity model.Entity
	// Count is its number of mentions.
	Count int
	// Pressed says whether it is selected.
	Pressed bool
	// Density is its density strip as a CSS background (see densityStrips).
	Density string
}

// Render draws the button. What is inside it never changes with the selection, so it is one
// app.Raw node (see entryHTML): seventy entries of four elements each would otherwise be built by
// go-app element by element when the app starts.
func (c *CastEntry) Render() app.UI {
	return app.Button().
		Class("entity").
		DataSet("entity", c.Entity.ID).
		Aria("pressed", ariaBool(c.Pressed)).
		Title(attr(c.Entity.Role)).
		OnClick(c.onClick).
		Body(app.Raw(entryHTML(c.Entity.Name, c.Count, c.Density)))
}

// entryHTML is the inside of a cast entry: its swatch, name, count of mentions and density strip,
// in a <span class="entry"> that takes no box of its own (display: contents), so that they are laid
// out by the button's grid.
func entryHTML(name string, n int, density string) string {
	return `<span class="entry"><span class="swatch" aria-hidden="true"></span><span class="name">` +
		escapeHTML(name) + `</span><span class="count" aria-label="` + mentionsLabel(n) + `">` +
		strconv.Itoa(n) + `</span><span class="density" aria-hidden="true" style="background-image:` +
		escapeHTML(density) + `"></span></span>`
}

// onClick selects or deselects the entity.
func (c *CastEntry) onClick(ctx app.Context, _ app.Event) {
	send(ctx, actionToggle, c.Entity.ID)
}

// button is the toggle for one entity.
func (c *Cast) button(e model.Entity) app.UI {
	return &CastEntry{Entity: e, Count: c.Index.Count(e.ID), Pressed: c.Selection.Has(e.ID), Density: c.Density[e.ID]}
}

func mentionsLabel(n int) string {
	if n == 1 {
		return "1 mention"
	}
	return strconv.Itoa(n) + " mentions"
}

// densityStrips returns, for every entity, a CSS background image that draws its mentions' density
// over bins stretches of the article: a hard-edged band per stretch with mentions, in one of three
// strengths (custom properties --d1 to --d3).
func densityStrips(a *reader.Article, bins int) map[string]string {
	out := make(map[string]string, len(a.Doc.Entities))
	for _, e := range a.Doc.Entities {
		counts := a.Density(e.ID, bins)
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
