package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Tools holds the controls that take the reading elsewhere: a link to the page as it is, and the
// mentions of the selected entities (or of everyone) as CSV or JSON.
type Tools struct {
	app.Compo

	// Selected is the number of selected entities; with none, an export holds everyone.
	Selected int
}

// Render draws the controls.
func (t *Tools) Render() app.UI {
	whose := "every mention"
	if t.Selected > 0 {
		whose = "the mentions of the selected entities"
	}
	return app.Div().ID("tools").Class("tools").Body(
		app.Button().ID("copy-link").Class("tool").Text("Copy link").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionCopy, nil) }),
		app.Span().Class("tools-label").ID("export-label").Body(
			app.Text("Export"), app.Span().Class("visually-hidden").Text(" "+whose+" as"),
		),
		app.Button().ID("export-csv").Class("tool").Aria("describedby", "export-label").Text("CSV").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionExport, "csv") }),
		app.Button().ID("export-json").Class("tool").Aria("describedby", "export-label").Text("JSON").
			OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionExport, "json") }),
	)
}
