package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// LegendItem is one selected entity as the legend shows it.
type LegendItem struct {
	Entity  model.Entity
	Slot    int
	Count   int
	Focused bool
}

// Legend says which colour and line is whom, lets the reader put one of them in focus, holds the
// together view's switch and the control that clears every highlight.
type Legend struct {
	app.Compo

	// Items are the selected entities, in slot order.
	Items []LegendItem
	// Together says whether the together view is on.
	Together bool
	// Passages are the paragraphs that mention everyone selected (nil for fewer than two).
	Passages []int
	// Passage is the place among Passages of the passage the current mention stands in, or -1.
	Passage int
	// Oldest names the entity that leaves when one more is selected, "" while colours are free.
	Oldest string
}

// Render draws the legend, or a hint when nothing is selected.
func (l *Legend) Render() app.UI {
	return app.Section().ID("legend").Aria("label", "Highlighted").Body(
		app.If(len(l.Items) == 0, func() app.UI {
			return app.Div().Class("hint").Body(
				app.P().Class("wide-only").Text("Choose someone below to light up every mention in the article, then step through them with ‹ and › above it or the keys j and k (? lists every shortcut)."),
				app.P().Class("narrow-only").Text("Choose someone below to light up every mention in the article; the cast then closes, and ‹ and › at the foot of the screen step through them."),
			)
		}),
		app.Ul().Body(app.Range(l.Items).Slice(func(i int) app.UI { return l.item(l.Items[i]) })),
		app.If(l.Oldest != "", func() app.UI {
			return app.P().ID("palette-full").Class("legend-note").
				Text("Every colour is taken: the next one you choose takes the place of " + l.Oldest + ", the first chosen.")
		}),
		app.Div().Class("legend-actions").Body(
			app.If(len(l.Items) >= 2, func() app.UI { return l.together() }),
			app.Button().ID("clear").Disabled(len(l.Items) == 0).Text("Clear").
				OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionClear, nil) }),
		),
	)
}

// item is the legend entry of one selected entity: its swatch with the slot's line style, a button
// that puts it in focus, its count and a button that deselects it.
func (l *Legend) item(it LegendItem) app.UI {
	id, sw := it.Entity.ID, SwatchFor(it.Slot)
	return app.Li().DataSet("entity", id).Body(
		app.Span().Class("swatch").Title(sw.Name+", "+sw.Line+" line").Aria("hidden", ariaBool(true)),
		app.Button().Class("legend-text").Aria("pressed", ariaBool(it.Focused)).
			Title(attr("Step through the mentions of "+it.Entity.Name)).
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionFocus, id) }, app.EventScope(id)).
			Body(
				app.Strong().Text(it.Entity.Name),
				app.Span().Class("legend-role").Text(it.Entity.Role),
				app.Span().Class("visually-hidden").Text(", "+sw.Name+" "+sw.Line+" underline"),
			),
		app.Span().Class("count").Text(mentionsLabel(it.Count)),
		app.Button().Class("remove").Aria("label", attr("Remove "+it.Entity.Name)).Text("×").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionRemove, id) }, app.EventScope(id)),
	)
}

// together is the together view's switch and what it leaves; while it is on, the buttons that go to
// the previous and the next of those passages.
func (l *Legend) together() app.UI {
	on := l.Together && len(l.Passages) > 0
	return app.Div().Class("together-row").Body(
		app.Button().ID("together").Class("tool").Aria("pressed", ariaBool(l.Together)).
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionTogether, nil) }).
			Text("Together"),
		app.Span().ID("passages").Text(passagesLabel(len(l.Passages), l.Passage, on)),
		app.If(on, func() app.UI {
			return app.Span().Class("passage-steps").Body(
				app.Button().ID("passage-prev").Class("step").Aria("label", "Previous passage").Title("Previous passage together").
					OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionPassage, -1) }).Text("‹"),
				app.Button().ID("passage-next").Class("step").Aria("label", "Next passage").Title("Next passage together").
					OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionPassage, 1) }).Text("›"),
			)
		}),
	)
}

// passagesLabel says how many passages mention everyone selected and, while the together view
// steps through them (stepping), which of them the current mention stands in (at, from 0; -1 for none).
func passagesLabel(n, at int, stepping bool) string {
	switch {
	case n == 0:
		return "No passage mentions all of them"
	case stepping && at >= 0:
		return "Passage " + strconv.Itoa(at+1) + " of " + strconv.Itoa(n) + " that mention all of them"
	case n == 1:
		return "1 passage mentions all of them"
	}
	return strconv.Itoa(n) + " passages mention all of them"
}
