package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// libraryID is the id of the dialog that opens articles and lists the library.
const libraryID = "library-dialog"

// LibraryItem is an article the reader opened in this browser, as the library lists it.
type LibraryItem struct {
	ID     string
	Title  string
	File   string
	Opened string // when, as an ISO 8601 time
	When   string // the same in the reader's locale
}

// Library is the dialog of "Open article": a file field (#open-file), a text area to paste an article
// into (#open-text, with #open-submit), and the library (#library) of the articles opened in this
// browser, the bundled one first, each with a button that opens it and one that deletes it. A file
// can also be dropped anywhere on the page. The form is fixed markup, so that what the reader typed
// survives a render; one handler each takes the dialog's clicks and its file field's change.
type Library struct {
	app.Compo

	Items   []LibraryItem
	Bundled string // the bundled article's title
	Current string // the id of the article shown, "" for the bundled one
	Status  string // what happens, or what went wrong
	Failed  bool   // Status is an error
	Busy    bool   // an article is being opened
}

// Render draws the dialog, closed until Page opens it.
func (l *Library) Render() app.UI {
	status := `<p id="open-status" class="open-status" role="status">$1</p>`
	if l.Failed {
		status = `<p id="open-status" class="open-status failed" role="alert">$1</p>`
	}
	return app.Dialog().ID(libraryID).Class("library-dialog").Aria("labelledby", "library-title").Aria("busy", ariaBool(l.Busy)).
		OnClick(l.onClick).OnChange(l.onChange).Body(
		app.Raw(openFormHTML),
		app.Raw(fill(status, l.Status)),
		app.Raw(libraryHTML(l.Bundled, l.Current, l.Items)),
		app.Raw(`<button id="library-close" class="tool" type="button">Close</button>`),
	)
}

// onClick opens or deletes the article of the button clicked, opens the pasted text, or closes.
func (l *Library) onClick(ctx app.Context, e app.Event) {
	switch id := e.Get("target").Get("id").String(); {
	case dataTarget(e, "delete") != "":
		send(ctx, actionDelete, dataTarget(e, "delete"))
	case id == "open-submit":
		send(ctx, actionOpenText, fieldValue("open-text"))
	case id == "library-close":
		closeDialog(libraryID)
		ctx.PreventUpdate()
	default:
		open, ok := dataAttr(e, "open")
		sendIf(ctx, ok, actionOpenArticle, open)
	}
}

// onChange opens the file picked in the file field.
func (l *Library) onChange(ctx app.Context, e app.Event) {
	file, name, size := chosenFile(e)
	sendIf(ctx, file.Truthy(), actionOpenFile, fileChoice{File: file, Name: name, Size: size})
}

// fileChoice is a file the reader picked or dropped, with its name and size in bytes.
type fileChoice struct {
	File app.Value
	Name string
	Size int
}

// openFormHTML is the dialog's title and form: it never changes.
const openFormHTML = `<div class="open-form"><h2 id="library-title" class="dialog-title">Open an article</h2>` +
	`<label class="open-label" for="open-file">A Markdown or text file of the article (.md, .markdown, .txt; up to 10 MB), or drop one anywhere on the page</label>` +
	`<input type="file" id="open-file" accept=".md,.markdown,.txt,text/markdown,text/plain">` +
	`<label class="open-label" for="open-text">Or paste the article’s text</label>` +
	`<textarea id="open-text" rows="6" spellcheck="false" placeholder="# The title&#10;&#10;The article’s text, in Markdown or plain text…"></textarea>` +
	`<button id="open-submit" class="tool primary" type="button">Open the pasted text</button></div>`

// libraryHTML is the library's heading and list: the bundled article, then each of items (the
// latest first), with current marked.
func libraryHTML(bundled, current string, items []LibraryItem) string {
	var b strings.Builder
	b.WriteString(`<div class="library-list"><h3 id="library-heading" class="library-heading">Library</h3><ul id="library" class="library" aria-labelledby="library-heading">`)
	cur := func(id string) string {
		if id == current {
			return "true"
		}
		return "false"
	}
	b.WriteString(fill(`<li class="library-item" aria-current="$1"><button type="button" class="library-open" data-open="">$2</button>`+
		`<span class="library-meta">Bundled with Dramatis</span></li>`, cur(""), bundled))
	for _, it := range items {
		b.WriteString(fill(`<li class="library-item" aria-current="$1"><button type="button" class="library-open" data-open="$2">$3</button>`+
			`<span class="library-meta">$4 · opened $5</span><button type="button" class="tool library-delete" data-delete="$2" `+
			`aria-label="Delete $3 from the library">Delete</button></li>`, cur(it.ID), it.ID, it.Title, it.File, it.When))
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}
