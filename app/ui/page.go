// Package ui is the go-app user interface of Dramatis: the article beside its cast panel. Page holds the
// one piece of state, the Selection; its children get their inputs as exported fields and report clicks
// as actions, which Page handles. Highlighting changes a small generated <style>, never the article.
package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// The actions children send to Page; each carries an entity ID as its value (none for clear).
const (
	actionToggle = "dramatis/toggle"
	actionSelect = "dramatis/select"
	actionClear  = "dramatis/clear"
)

// Page is the whole screen: masthead, article, legend and cast panel.
type Page struct {
	app.Compo

	// Doc is the annotated article to show.
	Doc *model.Document
	// Data is Doc encoded as JSON. The server prerenders it into the page, where the WebAssembly client
	// reads it back before it starts (see DocumentFromPage); the client leaves it empty.
	Data string

	idx    model.Index
	groups []model.Group
	byID   map[string]model.Entity
	sel    Selection
	live   bool
}

// OnInit derives the index and panel groups from Doc, on the server and in the browser alike.
func (p *Page) OnInit() {
	p.idx = model.NewIndex(p.Doc)
	p.groups = p.Doc.Groups(p.idx)
	p.byID = make(map[string]model.Entity, len(p.Doc.Entities))
	for _, e := range p.Doc.Entities {
		p.byID[e.ID] = e
	}
}

// OnMount marks the page as live, which tells tests and styles that the client has taken over, and
// starts handling the children's actions.
func (p *Page) OnMount(ctx app.Context) {
	p.live = true
	ctx.Handle(actionToggle, func(_ app.Context, a app.Action) { p.sel = p.sel.Toggle(entityOf(a)) })
	ctx.Handle(actionSelect, func(_ app.Context, a app.Action) { p.sel = p.sel.With(entityOf(a)) })
	ctx.Handle(actionClear, func(app.Context, app.Action) { p.sel = Selection{} })
}

// Render draws the page from the document and the current selection.
func (p *Page) Render() app.UI {
	return app.Div().ID("dramatis").Attr("data-live", p.live).Body(
		&UpdateBanner{},
		app.Header().Class("masthead").Body(
			app.Span().Class("brand").Text("Dramatis"),
			app.Span().Class("tagline").Text("who is in the article, and where"),
		),
		app.Div().Class("layout").Body(
			app.Main().Class("reading").Body(
				&ArticleView{Meta: p.Doc.Meta, HTML: p.Doc.HTML},
			),
			app.Aside().Class("panel").Aria("label", "Cast").Body(
				&Legend{Items: p.legendItems()},
				&Cast{Groups: p.groups, Index: p.idx, Selection: p.sel},
			),
		),
		app.Raw("<style id=\"highlights\">"+highlightCSS(p.sel)+"</style>"),
		app.If(p.Data != "", func() app.UI {
			return app.Raw(`<script type="application/json" id="` + dataElementID + `">` + p.Data + `</script>`)
		}),
	)
}

// legendItems lists the selected entities in slot order.
func (p *Page) legendItems() []LegendItem {
	items := make([]LegendItem, 0, p.sel.Len())
	for _, id := range p.sel.IDs() {
		items = append(items, LegendItem{Entity: p.byID[id], Slot: p.sel.Slot(id), Count: p.idx.Count(id)})
	}
	return items
}

func entityOf(a app.Action) string {
	id, _ := a.Value.(string)
	return id
}
