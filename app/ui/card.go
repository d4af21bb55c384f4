package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// EntityCard tells who the entity in focus is: name, role, the forms the article uses for it, the
// sentence of its first mention, and the entities most often mentioned in the same paragraphs, each a
// button that puts that entity in focus.
type EntityCard struct {
	app.Compo

	Entity  model.Entity
	Count   int
	Forms   []string         // the surface forms seen in the article
	First   string           // the sentence of the first mention
	Related []reader.Related // most often mentioned in the same paragraphs
}

// Render draws the card.
func (c *EntityCard) Render() app.UI {
	e := c.Entity
	return app.Section().ID("card").Aria("labelledby", "card-name").Body(
		app.H2().ID("card-name").Class("card-name").Text(e.Name),
		app.P().Class("card-role").Text(strings.TrimSpace(e.Role+" · "+kindName(e.Kind)+" · "+mentionsLabel(c.Count))),
		app.Dl().Body(
			app.If(len(c.Forms) > 0, func() app.UI {
				return app.Div().Class("card-forms").Body(app.Dt().Text("Named as"), app.Dd().Text(strings.Join(c.Forms, ", ")))
			}),
			app.If(c.First != "", func() app.UI {
				return app.Div().Class("card-first").Body(app.Dt().Text("First mention"), app.Dd().Body(app.Q().Text(c.First)))
			}),
			app.If(len(c.Related) > 0, func() app.UI {
				return app.Div().Class("card-related").Body(app.Dt().Text("Mentioned with"), app.Dd().Body(app.Ul().Body(
					app.Range(c.Related).Slice(func(i int) app.UI { return c.related(c.Related[i]) }),
				)))
			}),
		),
	)
}

// related is the button of an entity mentioned in the same paragraphs.
func (c *EntityCard) related(r reader.Related) app.UI {
	id := r.Entity.ID
	return app.Li().Body(app.Button().Class("related").DataSet("related", id).
		Title(attr(r.Entity.Role)).
		OnClick(func(ctx app.Context, _ app.Event) { ctx.NewActionWithValue(actionFocus, id) }, app.EventScope(id)).
		Body(
			app.Span().Class("related-name").Text(r.Entity.Name),
			app.Span().Class("related-count").Aria("label", "in "+paragraphsLabel(r.Shared)+" together").Text(strconv.Itoa(r.Shared)),
		))
}

// kindName is the singular of a kind, for the card.
func kindName(k model.Kind) string {
	switch k {
	case model.Person:
		return "Person"
	case model.Organisation:
		return "Organisation"
	case model.Country:
		return "Country"
	case model.Place:
		return "Place"
	}
	return string(k)
}

func paragraphsLabel(n int) string {
	if n == 1 {
		return "1 paragraph"
	}
	return strconv.Itoa(n) + " paragraphs"
}
