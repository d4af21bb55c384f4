package ui

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// This file holds the Page's handling of the articles a reader opens: the library, opening a file or
// pasted text, going from one article to another, and curating an opened article's cast. The work
// itself happens in the engine's worker (engineLink), off the page's thread.

// The actions of the library and of curation, with the value each carries.
const (
	actionLibrary     = "dramatis/library"      // none: open the library's dialog
	actionOpenFile    = "dramatis/open-file"    // fileChoice: a file picked or dropped
	actionOpenText    = "dramatis/open-text"    // string: the text pasted
	actionOpenArticle = "dramatis/open-article" // string: the id of an article of the library, "" for the bundled one
	actionDelete      = "dramatis/delete"       // string: the id of an article to delete from the library
	actionEdit        = "dramatis/edit"         // edit: a control of Controls used (see Page.edit)
)

// maxArticleSize is the largest article the library opens, app/engine's MaxSize: the page says so
// before it reads a larger file.
const maxArticleSize = 10 << 20

// articleView is what the engine answers for an article: its Document, its pictures, notes on what
// it left out, and the entities the reader hid (app/engine's View).
type articleView struct {
	Title    string          `json:"title"`
	Doc      *model.Document `json:"doc"`
	Map      string          `json:"map"`
	Network  string          `json:"network"`
	Notes    []string        `json:"notes"`
	Controls curation        `json:"controls"`
}

// curation is the markup of the controls that curate an opened article's cast (see Controls and
// app/engine's Controls).
type curation struct {
	Bar     string            `json:"bar"`
	Editors map[string]string `json:"editors"`
	Others  string            `json:"others"`
}

// answer is what the engine's worker answers a request (see web/engine.js): an error, or the fields of
// the request's op.
type answer struct {
	Error    string        `json:"error"`
	ID       string        `json:"id"`
	View     *articleView  `json:"view"`
	Entity   string        `json:"entity"` // the entity an edit concerns
	Items    []LibraryItem `json:"items"`
	Entities string        `json:"entities"` // entities.yaml
	Article  string        `json:"article"`  // article.md
}

// handleLibrary makes Page handle the actions of the library and of curation, and files dropped on
// the page.
func (p *Page) handleLibrary(ctx app.Context) {
	ctx.Handle(actionLibrary, func(ctx app.Context, _ app.Action) { p.openLibrary(ctx) })
	ctx.Handle(actionOpenFile, func(ctx app.Context, a app.Action) {
		if f, ok := a.Value.(fileChoice); ok {
			p.openFile(ctx, f)
		}
	})
	ctx.Handle(actionOpenText, onString(p.openText))
	ctx.Handle(actionOpenArticle, onString(func(ctx app.Context, id string) {
		closeDialog(libraryID)
		setQuery(reader.State{Article: id}.Query(), true)
		p.switchTo(ctx, currentQuery())
	}))
	ctx.Handle(actionDelete, onString(p.deleteArticle))
	ctx.Handle(actionEdit, func(ctx app.Context, a app.Action) {
		if e, ok := a.Value.(edit); ok {
			p.edit(ctx, e)
		}
	})
	p.stop = append(p.stop, onDrop(ctx, func(ctx app.Context, file app.Value, name string, size int) {
		p.openFile(ctx, fileChoice{File: file, Name: name, Size: size})
	}))
}

// openLibrary shows the library's dialog and asks the worker for its list.
func (p *Page) openLibrary(ctx app.Context) {
	showDialog(libraryID)
	p.engine.ask(ctx, "list", nil, func(ctx app.Context, a *answer) {
		if a.Error != "" {
			p.status, p.failed = a.Error, true
			return
		}
		p.library = a.Items
	})
	p.engine.ask(ctx, "warm", nil, func(app.Context, *answer) {}) // an open is likely: load the engine meanwhile
}

// openFile opens a file the reader picked or dropped, after checking its size.
func (p *Page) openFile(ctx app.Context, f fileChoice) {
	showDialog(libraryID)
	if f.Size > maxArticleSize {
		p.status, p.failed = f.Name+" is "+megabytes(f.Size)+"; Dramatis opens articles of up to "+megabytes(maxArticleSize)+". Nothing was opened or kept.", true
		return
	}
	p.open(ctx, f.Name, map[string]any{"file": f.File, "name": f.Name}, "")
}

// openText opens the text pasted into the dialog.
func (p *Page) openText(ctx app.Context, text string) {
	switch {
	case strings.TrimSpace(text) == "":
		p.status, p.failed = "There is no text to open: paste an article’s text first.", true
		return
	case len(text) > maxArticleSize:
		p.status, p.failed = "The pasted text is "+megabytes(len(text))+"; Dramatis opens articles of up to "+megabytes(maxArticleSize)+".", true
		return
	}
	clearField("open-text") // a long text costs the page a layout at each render of the dialog
	p.open(ctx, "the pasted text", map[string]any{"text": text, "name": "pasted.md"}, text)
}

// open asks the worker to open an article, keep it in the library and answer its view, which it
// then shows as a new entry of the history. The pasted text, if any, goes back into its field when
// the article could not be opened.
func (p *Page) open(ctx app.Context, what string, fields map[string]any, pasted string) {
	p.busy, p.status, p.failed = true, "Opening "+what+"…", false
	p.engine.ask(ctx, "open", fields, func(ctx app.Context, a *answer) {
		p.busy = false
		if a.Error != "" {
			p.status, p.failed = a.Error+" Nothing was opened or kept.", true
			setField("open-text", pasted)
			return
		}
		p.status = ""
		closeDialog(libraryID)
		st := reader.State{Article: a.ID, View: p.view}
		setQuery(st.Query(), true)
		p.showAnswer(ctx, a, st)
	})
}

// switchTo shows the article that the address query names, in the state it holds: the bundled one
// at once, an opened one once the worker has read it from the library.
func (p *Page) switchTo(ctx app.Context, query string) {
	st := stateOf(query)
	if st.Article == "" {
		p.showDoc(ctx, "", p.bundled(), st)
		return
	}
	p.busy = true
	p.engine.ask(ctx, "get", map[string]any{"id": st.Article}, func(ctx app.Context, a *answer) {
		p.busy = false
		if a.Error != "" {
			p.showDoc(ctx, "", p.bundled(), reader.State{})
			p.notice = a.Error
			return
		}
		p.showAnswer(ctx, a, st)
	})
}

// bundled is the bundled article's view.
func (p *Page) bundled() *articleView {
	return &articleView{Doc: p.Doc, Map: p.Pictures.Map, Network: p.Pictures.Network}
}

// showAnswer shows the article of an answer of the worker, in the state st.
func (p *Page) showAnswer(ctx app.Context, a *answer, st reader.State) {
	if a.View == nil || a.View.Doc == nil {
		doneOpening()
		p.notice = "The article could not be shown: its stored form is damaged. Delete it from the library and open its file again."
		return
	}
	p.showDoc(ctx, a.ID, a.View, st)
	if len(a.View.Notes) > 0 {
		p.notice = strings.Join(a.View.Notes, " ")
	}
}

// showDoc makes view the article shown, with id ("" for the bundled one), and restores st in it:
// what of st the article lacks is left out quietly.
func (p *Page) showDoc(ctx app.Context, id string, view *articleView, st reader.State) {
	p.article, p.doc, p.pics, p.curation = id, view.Doc, Pictures{Map: view.Map, Network: view.Network}, view.Controls
	p.derive()
	p.rules = styleElement(rulesID, selectionRules(p.doc.Entities))
	p.docs++
	p.opened = map[string]bool{}
	st.Article = id
	st.Selected = slices.DeleteFunc(slices.Clone(st.Selected), func(s string) bool { _, ok := p.rd.Entity(s); return !ok })
	if _, ok := p.rd.Entity(st.Focus); !ok {
		st.Focus = ""
	}
	p.epoch++
	p.sel, p.pressed, p.notice = Selection{}, Selection{}, ""
	p.restore(ctx, st.Query())
	p.pressed = p.sel // the cast's list is built again, with the selection
	if !p.live {
		return // a test's page: there is no browser
	}
	title := view.Title
	if title == "" {
		title = HeadText(p.doc.Meta.Title)
	}
	setTitle(title + " · Dramatis")
	doneOpening()
	ctx.Defer(func(app.Context) { firstStop("#article", markSel) })
}

// edit carries out a control of Controls: an edit of the cast, which the worker applies to the
// opened article and keeps, "undo" or "redo", an export, or opening and closing the form that adds
// the name selected in the article.
func (p *Page) edit(ctx app.Context, e edit) {
	switch e.Op {
	case "export-yaml", "export-md":
		p.exportCast(ctx, e.Op)
		return
	case "adding", "adding-cancel":
		name := articleSelection()
		if e.Op == "adding" && name == "" {
			p.notice = "Select a name in the article first, then press “Add selected name”."
			return
		}
		showAddForm(e.Op == "adding", name)
		ctx.PreventUpdate()
		return
	}
	op, fields := e.Op, map[string]any{"id": p.article}
	if op != "undo" && op != "redo" {
		data, _ := json.Marshal(e) // strings only: it cannot fail
		op, fields["edit"] = "edit", string(data)
	}
	p.busy = true
	p.engine.ask(ctx, op, fields, func(ctx app.Context, a *answer) {
		p.busy = false
		if a.Error != "" {
			p.notice = "Nothing changed: " + a.Error + "."
			return
		}
		showAddForm(false, "")
		st := p.state()
		if a.Entity != "" && e.Op != "hide" {
			if !slices.Contains(st.Selected, a.Entity) {
				st.Selected = append(st.Selected, a.Entity)
			}
			st.Focus = a.Entity
		}
		p.showAnswer(ctx, a, st)
		back := []string{`#cast [tabindex="0"]`} // the control used is gone, or disabled
		if e.from != "" {
			back = append([]string{"#" + e.from + ":not(:disabled)"}, back...)
		}
		ctx.Defer(func(app.Context) { focusFirst(back...) })
		after, _ := p.rd.Entity(a.Entity)
		p.say(editSaid(e.Op, after.Name))
	})
}

// editSaid is what the live region says after an edit of the entity now called name.
func editSaid(op, name string) string {
	switch op {
	case "undo":
		return "Edit undone"
	case "redo":
		return "Edit redone"
	}
	return "Cast updated: " + name
}

// exportCast offers the opened article's curated cast as entities.yaml, or its text as article.md.
func (p *Page) exportCast(ctx app.Context, what string) {
	p.engine.ask(ctx, "export", map[string]any{"id": p.article}, func(ctx app.Context, a *answer) {
		switch {
		case a.Error != "":
			p.notice = "Nothing was exported: " + a.Error
		case what == "export-yaml":
			download("entities.yaml", "application/yaml", []byte(a.Entities))
			p.say("Exported the cast as entities.yaml")
		default:
			download("article.md", "text/markdown;charset=utf-8", []byte(a.Article))
			p.say("Exported the article as article.md")
		}
	})
}

// deleteArticle deletes an article from the library; the page shows the bundled one if it was shown.
func (p *Page) deleteArticle(ctx app.Context, id string) {
	p.engine.ask(ctx, "delete", map[string]any{"id": id}, func(ctx app.Context, a *answer) {
		if a.Error != "" {
			p.status, p.failed = a.Error, true
			return
		}
		p.library, p.status, p.failed = a.Items, "Deleted from the library.", false
		if id == p.article {
			setQuery("", true)
			p.switchTo(ctx, "")
		}
	})
}

// megabytes formats a number of bytes in megabytes, for messages.
func megabytes(n int) string {
	tenths := (n*10 + 1<<19) >> 20
	return strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10) + " MB"
}

// stateOf decodes the state of a query string with every id kept, whether the article shown has it
// or not: the article the query names may be another.
func stateOf(query string) reader.State {
	st, _ := reader.ParseQuery(query, func(string) bool { return true })
	return st
}
