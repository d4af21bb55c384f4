package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// filterID is the id of the cast filter's text field.
const filterID = "filter"

// CastFilter is the box over the cast panel that filters it as the reader types, and the switch that
// decides whether demonyms and places highlight along with names. The field keeps what the reader
// types: go-app does not write its value back, which would lose keys typed while a render is on its
// way (clearField empties it).
type CastFilter struct {
	app.Compo

	// NamesOnly says whether only names and aliases highlight.
	NamesOnly bool
}

// Render draws the field and the switch.
func (f *CastFilter) Render() app.UI {
	return app.Div().Class("cast-filter").Role("search").Body(
		app.Label().For(filterID).Class("filter-label").Text("Filter the cast"),
		app.Input().ID(filterID).Type("search").Placeholder("Name, alias or role  /").
			AutoComplete(false).Attr("spellcheck", "false").
			OnInput(func(ctx app.Context, e app.Event) {
				send(ctx, actionFilter, ctx.JSSrc().Get("value").String())
			}),
		app.Button().ID("forms").Class("switch").Role("switch").Aria("checked", ariaBool(!f.NamesOnly)).
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionNames, nil) }).
			Body(app.Span().Class("switch-track").Aria("hidden", ariaBool(true)), app.Text("Include demonyms and places")),
	)
}
