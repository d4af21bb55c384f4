package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// LegendItem is one selected entity as the legend shows it.
type LegendItem struct {
	Entity model.Entity
	Slot   int
	Count  int
}

// Legend says which colour is whom, and holds the control that clears every highlight.
type Legend struct {
	app.Compo

	// Items are the selected entities, in slot order.
	Items []LegendItem
}

// Render draws the legend, or a hint when nothing is selected.
func (l *Legend) Render() app.UI {
	return app.Section().ID("legend").Aria("live", "polite").Body(
		app.If(len(l.Items) == 0, func() app.UI {
			return app.P().Class("hint").Text("Choose someone below to light up every mention in the article.")
		}),
		app.Ul().Body(app.Range(l.Items).Slice(func(i int) app.UI {
			it := l.Items[i]
			return app.Li().DataSet("entity", it.Entity.ID).Body(
				app.Span().Class("swatch").Title(SwatchFor(it.Slot).Name).Aria("hidden", "true"),
				app.Span().Class("legend-text").Body(
					app.Strong().Text(it.Entity.Name),
					app.Span().Class("legend-role").Text(it.Entity.Role),
				),
				app.Span().Class("count").Text(mentionsLabel(it.Count)),
				app.Button().Class("remove").Aria("label", "Remove "+it.Entity.Name).Text("×").
					OnClick(func(ctx app.Context, _ app.Event) {
						ctx.NewActionWithValue(actionToggle, it.Entity.ID)
					}, app.EventScope(it.Entity.ID)),
			)
		})),
		app.Button().ID("clear").Disabled(len(l.Items) == 0).Text("Clear").
			OnClick(func(ctx app.Context, _ app.Event) { ctx.NewAction(actionClear) }),
	)
}
