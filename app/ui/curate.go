package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// edit is one change to the cast of an opened article, as app/engine's Edit reads it.
type edit struct {
	Op     string `json:"op"`
	Entity string `json:"entity,omitempty"`
	Into   string `json:"into,omitempty"`
	Name   string `json:"name,omitempty"`
	Kind   string `json:"kind,omitempty"`

	from string // the id of the control used, which has the keyboard focus again once the edit is shown
}

// Controls shows controls that curate an opened article's cast: the bar of the whole cast (#curate)
// or the editor of the entity in focus (#editor). The engine writes their markup (see app/engine's
// Controls), which the reader of the bundled article never loads; Controls reads what a control does
// from its data-edit attributes and sends it to Page.
type Controls struct {
	app.Compo

	ID, Label string
	HTML      string
	Busy      bool // an edit is under way
}

// Render draws the controls.
func (c *Controls) Render() app.UI {
	return app.Section().ID(c.ID).Class(c.ID).Aria("label", c.Label).Aria("busy", ariaBool(c.Busy)).
		OnClick(c.onEvent).OnChange(c.onEvent).OnKeyDown(c.onKey).Body(app.Raw(`<div>` + c.HTML + `</div>`))
}

// onKey carries out, on Enter in a text field, the control that the field's data-submit names.
func (c *Controls) onKey(ctx app.Context, e app.Event) {
	t := e.Get("target")
	if e.Get("key").String() == "Enter" && t.Call("hasAttribute", "data-submit").Bool() {
		e.PreventDefault()
		app.Window().GetElementByID(t.Call("getAttribute", "data-submit").String()).Call("click")
	}
	ctx.PreventUpdate()
}

// onEvent sends the edit of the control clicked, or of the field changed, that has data-edit.
func (c *Controls) onEvent(ctx app.Context, e app.Event) {
	op, ok := dataAttr(e, "edit")
	isSelect := e.Get("target").Get("tagName").String() == "SELECT"
	if !ok || (e.Get("type").String() == "change") != isSelect {
		ctx.PreventUpdate() // a click on a field, or the change of a text field
		return
	}
	el := e.Get("target").Call("closest", "[data-edit]")
	field := func(name string) string { return fieldValue(el.Call("getAttribute", "data-"+name).String()) }
	x := edit{Op: op, Entity: el.Call("getAttribute", "data-entity").String(), from: el.Get("id").String()}
	if !el.Call("hasAttribute", "data-entity").Bool() {
		x.Entity = ""
	}
	x.Name, x.Into, x.Kind = field("name"), field("into"), field("kind")
	send(ctx, actionEdit, x)
}

// editorHTML is the markup of the editor of the entity with id: its controls, with the list of the
// entities to merge into, others, in which it is disabled.
func editorHTML(editor, others, id string) string {
	v := `value="` + id + `"`
	return strings.Replace(editor, othersMark, strings.Replace(others, v, v+" disabled", 1), 1)
}

// othersMark is where an editor's list of the entities to merge into goes (app/engine's OthersMark).
const othersMark = "<!--others-->"
