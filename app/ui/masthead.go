package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Masthead is the page's title bar, with the controls that open an article (see Library), for the
// theme and for the keyboard shortcuts.
type Masthead struct {
	app.Compo

	// Dark says whether the dark theme is showing.
	Dark bool
}

// Render draws the brand and the controls.
func (m *Masthead) Render() app.UI {
	return app.Header().Class("masthead").Body(
		app.Span().Class("brand").Text("Dramatis"),
		app.Span().Class("tagline").Text("who is in the article, and where"),
		app.Div().Class("masthead-tools").Body(
			app.Button().ID("open-library").Class("tool").Aria("haspopup", "dialog").
				OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionLibrary, nil) }).
				Text("Open article"),
			app.Button().ID("shortcuts-open").Class("tool").Aria("haspopup", "dialog").
				Title("Keyboard shortcuts (?)").
				OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionHelp, nil) }).
				Body(app.Span().Aria("hidden", ariaBool(true)).Text("?"), app.Span().Class("visually-hidden").Text("Keyboard shortcuts")),
			app.Button().ID("theme").Class("tool").Aria("pressed", ariaBool(m.Dark)).
				OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionTheme, nil) }).
				Text("Dark theme"),
		),
	)
}
