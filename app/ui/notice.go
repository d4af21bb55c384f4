package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Notice is a quiet message that the reader may dismiss, such as ids in a link that the cast does not
// have. Its element is always there, so that assistive technology announces a new message.
type Notice struct {
	app.Compo

	// Text is the message; "" shows nothing.
	Text string
}

// Render draws the message and its dismiss button.
func (n *Notice) Render() app.UI {
	return app.Div().ID("notice").Attr("role", "status").Body(
		app.If(n.Text != "", func() app.UI {
			return app.Div().Class("notice-box").Body(
				app.P().Text(n.Text),
				app.Button().Class("remove").Aria("label", "Dismiss").Text("×").
					OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionNotice, nil) }),
			)
		}),
	)
}
