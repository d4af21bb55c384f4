package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// ArticleView shows the article: its header from the metadata, then the annotated body. The body is one
// app.Raw node whose string never changes, so go-app never rebuilds it.
type ArticleView struct {
	app.Compo

	// Meta is the front matter of the article.
	Meta model.Meta
	// HTML is the annotated body, a single element with id "article".
	HTML string
}

// Render draws the article header and body.
func (a *ArticleView) Render() app.UI {
	m := a.Meta
	return app.Article().Class("story").Body(
		app.Header().Class("story-head").Body(
			app.If(m.Publication != "", func() app.UI { return app.P().Class("kicker").Text(m.Publication) }),
			app.H1().Text(m.Title),
			app.If(m.Standfirst != "", func() app.UI { return app.P().Class("standfirst").Text(m.Standfirst) }),
			app.P().Class("byline").Body(
				app.If(m.Author != "", func() app.UI { return app.Span().Class("author").Text("By " + m.Author) }),
				app.If(m.Dateline != "", func() app.UI { return app.Span().Class("dateline").Text(m.Dateline) }),
			),
		),
		app.Div().Class("story-body").OnClick(a.onClick).Body(app.Raw(a.HTML)),
	)
}

// onClick selects the entity of a clicked mention and makes the mention the current one.
func (a *ArticleView) onClick(ctx app.Context, e app.Event) {
	id, n := mentionTarget(e)
	sendIf(ctx, id != "", actionSelect, mentionRef{Entity: id, N: n})
}
