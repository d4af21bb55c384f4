package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/reader"
)

// Pictures holds the markup of the panel's pictures of the article, each one element (see
// picture.Views): the server draws them and prerenders them into the page, where the client reads
// them back (PicturesFromPage), so that the map's data never enters app.wasm.
type Pictures struct {
	Map, Network string
}

// view is one view of the panel: the cast (whose id a link leaves out, see reader.State) or a
// picture.
type view struct {
	id, label string
}

// castView is the cast's view, as the view tabs name it.
const castView = "cast"

// views lists the panel's views in the order of their tabs.
var views = []view{{castView, "Cast"}, {reader.ViewMap, "Map"}, {reader.ViewNetwork, "Network"}}

// ViewTabs switches the panel between the cast, the map and the network. The tabs are one tab stop:
// the arrow keys, Home and End move to another tab and show its view.
type ViewTabs struct {
	app.Compo

	// View is the view shown: "" for the cast, or one of reader.Views.
	View string
}

// Render draws the tabs.
func (v *ViewTabs) Render() app.UI {
	shown := v.View
	if shown == "" {
		shown = castView
	}
	return app.Div().ID("views").Class("views").Role("tablist").Aria("label", "Panel").Attr("data-roving", true).
		OnKeyDown(v.onKey).Body(
		app.Range(views).Slice(func(i int) app.UI {
			t, on := views[i], views[i].id == shown
			return app.Button().ID("tab-"+t.id).Class("view-tab").Role("tab").DataSet("view", t.id).
				Aria("selected", ariaBool(on)).Aria("controls", t.id+"-view").TabIndex(tabIndex(on)).Text(t.label).
				OnClick(func(ctx app.Context, _ app.Event) { send(ctx, actionView, viewOf(t.id)) })
		}),
	)
}

// onKey moves to the tab before or after, or the first or the last, and shows its view.
func (v *ViewTabs) onKey(ctx app.Context, e app.Event) {
	moved := rove(e, "[role=tab]", e.Get("key").String())
	sendIf(ctx, moved, actionView, viewOf(focusedData("view")))
}

// viewOf returns the view a tab names as the page's state holds it: "" for the cast.
func viewOf(id string) string {
	if id == castView {
		return ""
	}
	return id
}

// tabIndex is the tabindex of an item of a widget with one tab stop: 0 for the stop, -1 for the rest.
func tabIndex(stop bool) int {
	if stop {
		return 0
	}
	return -1
}

// tabPanel is the element of a view of the panel, hidden unless shown. (go-app prerenders
// Hidden(false) as hidden="false", which hides as well: the attribute is set only to hide.)
func tabPanel(id string, shown bool) app.HTMLDiv {
	d := app.Div().ID(id+"-view").Class("view").Role("tabpanel").Aria("labelledby", "tab-"+id)
	if !shown {
		d = d.Hidden(true)
	}
	return d
}
