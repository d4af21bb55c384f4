package engine

import (
	"html"
	"slices"
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Controls is the markup of the controls that curate an article's cast, which the page shows as it
// is: built here, in the engine that the page loads on demand, it costs the reader of the bundled
// article nothing in app.wasm.
//
// Every control that edits carries data-edit, the Edit's Op (or "undo", "redo", "export-yaml",
// "export-md", and "adding", which opens the form that adds the name selected in the text), and
// data-entity; data-name, data-into and data-kind give the id of the field whose value fills that
// part of the Edit. A text field's data-submit names the button that Enter in it presses. The page
// reads these attributes and nothing else of the markup.
type Controls struct {
	// Bar holds the controls of the whole cast: undo and redo, adding an entity, the hidden
	// entities, each a button that shows it again, and the export of entities.yaml and article.md.
	Bar string `json:"bar"`
	// Editors holds, by entity id, the controls that edit that entity: rename it, change its kind,
	// merge it into another (whose options are Others, in place of "<!--others-->"), split one of its
	// other names off, hide it.
	Editors map[string]string `json:"editors"`
	// Others are the <option>s of the entities to merge into, one per entity of the cast.
	Others string `json:"others"`
}

// OthersMark is where an editor's list of the entities to merge into goes.
const OthersMark = "<!--others-->"

// controls returns the Controls of a's cast, with entities the entities shown.
func controls(a *Article, entities, hidden []model.Entity) Controls {
	c := Controls{Editors: make(map[string]string, len(entities))}
	var b strings.Builder
	for _, e := range entities {
		b.WriteString(`<option value="` + esc(e.ID) + `">` + esc(e.Name) + `</option>`)
		c.Editors[e.ID] = editor(e)
	}
	c.Others = b.String()
	b.Reset()
	b.WriteString(`<div class="curate-body"><div class="tools">` +
		button("undo", "", "Undo", len(a.Undo) == 0, "") + button("redo", "", "Redo", len(a.Redo) == 0, "") +
		button("adding", "", "Add selected name", false, `aria-controls="add-form" aria-expanded="false"`) +
		`<span class="tools-label">Export</span>` +
		button("export-yaml", "", "entities.yaml", false, `title="The curated cast, for dramatis build"`) +
		button("export-md", "", "article.md", false, `title="The article's text, for dramatis build"`) + `</div>`)
	b.WriteString(`<div class="add-form" id="add-form" role="group" aria-label="Add to the cast" hidden>` +
		`<label for="add-name">Name</label><input id="add-name" type="text" maxlength="120" data-submit="add-submit">` +
		`<label for="add-kind">Kind</label>` + kindSelect("add-kind", model.Person, "") +
		`<button type="button" class="tool primary" id="add-submit" data-edit="add" data-name="add-name" data-kind="add-kind">Add</button>` +
		`<button type="button" class="tool" id="add-cancel" data-edit="adding-cancel">Cancel</button></div>`)
	if len(hidden) > 0 {
		b.WriteString(`<p class="hidden-list" id="hidden">Hidden:`)
		for _, e := range hidden {
			b.WriteString(` <button type="button" class="tool unhide" data-edit="unhide" data-entity="` + esc(e.ID) +
				`" aria-label="Show ` + esc(e.Name) + ` again">` + esc(e.Name) + ` <span aria-hidden="true">↺</span></button>`)
		}
		b.WriteString(`</p>`)
	}
	b.WriteString(`</div>`)
	c.Bar = b.String()
	return c
}

// editor is the markup of the controls that edit e.
func editor(e model.Entity) string {
	id := esc(e.ID)
	prov := "Edited by you"
	if e.Auto() {
		prov = "Found by detection; no one has edited it yet"
	}
	var b strings.Builder
	b.WriteString(`<h3 class="editor-title">Edit this entry</h3><p class="editor-source">` + prov + `</p>` +
		`<div class="editor-row"><label for="edit-name">Name</label><input id="edit-name" type="text" maxlength="120" data-submit="edit-rename" value="` + esc(e.Name) + `">` +
		button("rename", id, "Rename", false, `data-name="edit-name"`) + `</div>` +
		`<div class="editor-row"><label for="edit-kind">Kind</label>` + kindSelect("edit-kind", e.Kind, `data-edit="kind" data-entity="`+id+`" data-kind="edit-kind"`) + `</div>` +
		`<div class="editor-row"><label for="edit-into">Merge into</label><select id="edit-into"><option value="">Choose…</option>` + OthersMark + `</select>` +
		button("merge", id, "Merge", false, `data-into="edit-into"`) + `</div>`)
	if more := slices.Concat(e.Aliases, e.Demonyms, e.Places); len(more) > 0 {
		b.WriteString(`<div class="editor-row"><label for="edit-split-name">Split off</label><select id="edit-split-name">`)
		for _, n := range more {
			b.WriteString(`<option>` + esc(n) + `</option>`)
		}
		b.WriteString(`</select>` + button("split", id, "Split off", false, `data-name="edit-split-name"`) + `</div>`)
	}
	b.WriteString(button("hide", id, "Hide from the cast", false, ""))
	return b.String()
}

// button is a button of the controls that carries out op on entity (which may be "").
func button(op, entity, label string, disabled bool, attrs string) string {
	s := `<button type="button" class="tool" id="` + controlID(op, entity) + `" data-edit="` + op + `"`
	if entity != "" {
		s += ` data-entity="` + entity + `"`
	}
	if disabled {
		s += ` disabled`
	}
	if attrs != "" {
		s += " " + attrs
	}
	return s + `>` + label + `</button>`
}

// controlID is the id of the button of op: "undo", or "edit-rename" for an entity's.
func controlID(op, entity string) string {
	if entity == "" {
		return op
	}
	return "edit-" + op
}

// kindSelect is a <select> of the kinds, with id and kind chosen.
func kindSelect(id string, kind model.Kind, attrs string) string {
	var b strings.Builder
	b.WriteString(`<select id="` + id + `" ` + attrs + `>`)
	for _, k := range []model.Kind{model.Person, model.Organisation, model.Country, model.Place} {
		sel := ""
		if k == kind {
			sel = " selected"
		}
		b.WriteString(`<option value="` + string(k) + `"` + sel + `>` + k.Name() + `</option>`)
	}
	b.WriteString(`</select>`)
	return b.String()
}

func esc(s string) string { return html.EscapeString(s) }
