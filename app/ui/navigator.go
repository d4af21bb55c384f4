package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// Navigator is the bar above the article that steps through the mentions of the entity in focus:
// previous and next buttons and the position, such as "3 of 12". On a narrow screen it sits at the
// bottom of the view and holds the button that opens the cast panel.
type Navigator struct {
	app.Compo

	// Entity is the entity in focus; its ID is "" when nothing is selected.
	Entity model.Entity
	// Slot is the focused entity's selection slot, which gives its colour.
	Slot int
	// Pos is the current mention's place among Total, from 0; -1 for none.
	Pos   int
	Total int
	// Selected is the number of selected entities.
	Selected int
	// SheetOpen says whether the cast panel is open over the article (narrow screens only).
	SheetOpen bool
	// Key is the selected entities, whose colours the bar shows on a narrow screen, where the legend
	// is in the closed panel.
	Key []LegendItem
}

// Render draws the bar.
func (n *Navigator) Render() app.UI {
	on := n.Entity.ID != "" && n.Total > 0
	return app.Nav().ID("navigator").Aria("label", "Mentions").Body(
		app.If(len(n.Key) > 0, func() app.UI {
			return app.Ul().ID("nav-key").Aria("label", "Highlighted").Body(app.Range(n.Key).Slice(func(i int) app.UI { return n.keyItem(n.Key[i]) }))
		}),
		app.Button().ID("sheet-toggle").Class("tool").Aria("expanded", ariaBool(n.SheetOpen)).Aria("controls", "panel").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionSheet, nil) }).
			Body(n.sheetLabel()),
		app.If(n.Entity.ID == "", func() app.UI {
			return app.P().Class("hint").Text("Choose someone in the cast, then step through their mentions with j and k.")
		}).Else(func() app.UI {
			return app.Div().Class("nav-focus").DataSet("entity", n.Entity.ID).Body(
				app.Span().Class("swatch").Aria("hidden", ariaBool(true)),
				app.Strong().Class("nav-name").Text(n.Entity.Name),
			)
		}),
		app.Button().ID("prev").Class("step").Disabled(!on).Aria("label", "Previous mention").Title("Previous mention (k)").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionStep, -1) }).Text("‹"),
		app.Span().ID("position").Text(n.position()),
		app.Button().ID("next").Class("step").Disabled(!on).Aria("label", "Next mention").Title("Next mention (j)").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionStep, 1) }).Text("›"),
	)
}

// keyItem is the colour key of one selected entity: its swatch and name, a button that puts it in
// focus.
func (n *Navigator) keyItem(it LegendItem) app.UI {
	id := it.Entity.ID
	return app.Li().DataSet("entity", id).Body(
		app.Button().Class("key-chip").Aria("pressed", ariaBool(it.Focused)).
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionFocus, id) }, app.EventScope(id)).
			Body(app.Span().Class("swatch").Aria("hidden", ariaBool(true)), app.Text(it.Entity.Name)),
	)
}

// position is the text between the buttons: "3 of 12", or the number of mentions before the first move.
func (n *Navigator) position() string {
	switch {
	case n.Entity.ID == "":
		return ""
	case n.Pos < 0:
		return mentionsLabel(n.Total)
	}
	return strconv.Itoa(n.Pos+1) + " of " + strconv.Itoa(n.Total)
}

// sheetLabel is the text of the button that opens and closes the cast panel.
func (n *Navigator) sheetLabel() app.UI {
	switch {
	case n.SheetOpen:
		return app.Span().Body(app.Text("Close"), app.Span().Class("visually-hidden").Text(" the cast"))
	case n.Selected > 0:
		return app.Text("Cast (" + strconv.Itoa(n.Selected) + ")")
	}
	return app.Text("Cast")
}
