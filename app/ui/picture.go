package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// PictureView shows one of the article's pictures, the map or the network (see Pictures), as one
// app.Raw node whose string never changes. Clicking a country, a place or a node selects its entity
// as its cast entry does, and clicking it again deselects it; clicking a line of the network selects
// both its ends and turns on the together view. The picture's entities are one tab stop: the arrow
// keys, Home and End move among them, and Enter or the space bar selects. Selected entities take their
// colours from the same rules as their mentions, on the class model.MarkClass gives them.
type PictureView struct {
	app.Compo

	// ID is the element's id: "map" or "network".
	ID string
	// HTML is the picture's markup, or "" while the picture is not shown yet.
	HTML string
}

// pictureItem is the CSS selector of a picture's entities, those of the map's detail left out: it
// repeats what the map has.
const pictureItem = "[data-entity]:not(.inset *)"

// Render draws the picture.
func (v *PictureView) Render() app.UI {
	return app.Div().ID(v.ID).Class("picture").Attr("data-roving", true).
		OnClick(v.onClick).OnKeyDown(v.onKey).On("focusin", v.onFocus).
		Body(app.If(v.HTML != "", func() app.UI { return app.Raw(v.HTML) }))
}

// onClick selects or deselects a clicked entity, or selects both ends of a clicked line.
func (v *PictureView) onClick(ctx app.Context, e app.Event) {
	if a, b := dataTarget(e, "a"), dataTarget(e, "b"); a != "" && b != "" {
		send(ctx, actionPair, [2]string{a, b})
		return
	}
	id := dataTarget(e, "entity")
	if id != "" {
		stopAt(e, pictureItem)
	}
	sendIf(ctx, id != "", actionToggle, id)
}

// onKey selects or deselects the entity in focus with Enter or the space bar, and moves among them
// with the arrow keys, Home and End.
func (v *PictureView) onKey(ctx app.Context, e app.Event) {
	switch k := e.Get("key").String(); k {
	case "Enter", " ":
		id := dataTarget(e, "entity")
		if id != "" {
			e.PreventDefault()
		}
		sendIf(ctx, id != "", actionToggle, id)
	default:
		rove(e, pictureItem, k)
		ctx.PreventUpdate()
	}
}

// onFocus makes the entity the keyboard focus came to the tab stop.
func (v *PictureView) onFocus(ctx app.Context, e app.Event) {
	stopAt(e, pictureItem)
	ctx.PreventUpdate()
}
