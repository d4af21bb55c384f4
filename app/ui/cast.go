package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// Cast is the panel of every entity in the catalogue, grouped by kind, each a toggle button with its
// mention count.
type Cast struct {
	app.Compo

	// Groups are the entities by kind, in display order.
	Groups []model.Group
	// Index gives each entity's mention count.
	Index model.Index
	// Selection says which buttons are pressed.
	Selection Selection
}

// Render draws one section per group.
func (c *Cast) Render() app.UI {
	return app.Nav().ID("cast").Aria("label", "Cast of the article").Body(
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

// button is the toggle for one entity.
func (c *Cast) button(e model.Entity) app.UI {
	n := c.Index.Count(e.ID)
	return app.Button().
		Class("entity").
		DataSet("entity", e.ID).
		Aria("pressed", strconv.FormatBool(c.Selection.Has(e.ID))).
		Title(e.Role).
		OnClick(func(ctx app.Context, _ app.Event) {
			ctx.NewActionWithValue(actionToggle, e.ID)
		}, app.EventScope(e.ID)).
		Body(
			app.Span().Class("swatch").Aria("hidden", "true"),
			app.Span().Class("name").Text(e.Name),
			app.Span().Class("count").Aria("label", mentionsLabel(n)).Text(strconv.Itoa(n)),
		)
}

func mentionsLabel(n int) string {
	if n == 1 {
		return "1 mention"
	}
	return strconv.Itoa(n) + " mentions"
}
