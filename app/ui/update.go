package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// UpdateBanner tells the reader, politely, that a new version of the app has been installed in the
// background, and reloads into it on request. go-app calls OnAppUpdate on every mounted component once
// the service worker has cached the new version whole.
type UpdateBanner struct {
	app.Compo

	available bool
}

// OnMount picks up an update that arrived before the component mounted, whether go-app saw it or not
// (see onWorkerUpdate).
func (u *UpdateBanner) OnMount(ctx app.Context) {
	u.available = ctx.AppUpdateAvailable()
	onWorkerUpdate(ctx, func(app.Context) { u.available = true })
	if !u.available {
		ctx.PreventUpdate() // nothing changed
	}
}

// OnAppUpdate shows the banner.
func (u *UpdateBanner) OnAppUpdate(ctx app.Context) { u.available = ctx.AppUpdateAvailable() }

// Render draws the banner while an update is waiting, and nothing otherwise.
func (u *UpdateBanner) Render() app.UI {
	if !u.available {
		return app.Div().ID("update").Hidden(true)
	}
	return app.Div().ID("update").Class("update-banner").Attr("role", "status").Body(
		app.Span().Text("A new version is available — "),
		app.Button().ID("update-reload").Text("Reload").OnClick(func(ctx app.Context, _ app.Event) {
			ctx.Reload()
		}),
	)
}
