package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ArticleView shows the annotated article, its head (kicker, title, standfirst, byline, dateline)
// included: document.Build writes both, with their mentions marked alike. It is one app.Raw node
// whose string never changes, so go-app never rebuilds it.
type ArticleView struct {
	app.Compo

	// HTML is the annotated article, a single element with id "article".
	HTML string
}

// Render draws the article.
func (a *ArticleView) Render() app.UI {
	return app.Article().Class("story").Body(
		app.Div().Class("story-body").OnClick(a.onClick).Body(app.Raw(a.HTML)),
	)
}

// onClick selects the entity of a clicked mention and makes the mention the current one.
func (a *ArticleView) onClick(ctx app.Context, e app.Event) {
	id, n := mentionTarget(e)
	sendIf(ctx, id != "", actionSelect, mentionRef{Entity: id, N: n})
}
