package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shortcutsID is the id of the keyboard shortcuts dialog.
const shortcutsID = "shortcuts"

// shortcutKeys lists the keyboard shortcuts with what they do.
var shortcutKeys = []struct{ Keys, What string }{
	{"j  n", "Next mention of the entity in focus"},
	{"k  p", "Previous mention"},
	{"Esc", "Clear the selection"},
	{"/", "Filter the cast"},
	{"?", "Show these shortcuts"},
}

// Shortcuts is the dialog that lists the keyboard shortcuts. It opens as a modal dialog and closes
// with its button or Escape.
type Shortcuts struct {
	app.Compo
}

// Render draws the dialog, closed. The list of keys is fixed markup (see keysHTML).
func (s *Shortcuts) Render() app.UI {
	return app.Dialog().ID(shortcutsID).Aria("labelledby", "shortcuts-title").Body(
		app.H2().ID("shortcuts-title").Class("dialog-title").Text("Keyboard shortcuts"),
		app.Raw(keysHTML()),
		app.Button().ID("shortcuts-close").Class("tool").Text("Close").
			OnClick(func(ctx app.Context, _ app.Event) { closeDialog(shortcutsID); ctx.PreventUpdate() }),
	)
}

// keysHTML is the list of shortcutKeys: a <dl class="keys"> with a <kbd> per key.
func keysHTML() string {
	var b strings.Builder
	b.WriteString(`<dl class="keys">`)
	for _, k := range shortcutKeys {
		b.WriteString(`<div><dt><kbd>` + escapeHTML(k.Keys) + `</kbd></dt><dd>` + escapeHTML(k.What) + `</dd></div>`)
	}
	b.WriteString(`</dl>`)
	return b.String()
}
