package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ArticleView shows the annotated article, its head (kicker, title, standfirst, byline, dateline)
// included: document.Build writes both, with their mentions marked alike. It is one app.Raw node
// whose string never changes, so go-app never rebuilds it.
//
// Its mentions are one tab stop (see rove): Tab goes into the article at one mention, the arrow keys,
// Home and End move among them, and Enter selects. Hovering or focusing a mention shows the Peek card.
type ArticleView struct {
	app.Compo

	// HTML is the annotated article, a single element with id "article".
	HTML string
}

// markSel is the CSS selector of the article's mentions.
const markSel = "mark[data-entity]"

// Render draws the article.
func (a *ArticleView) Render() app.UI {
	return app.Article().Class("story").Body(
		app.Div().Class("story-body").Attr("data-roving", true).OnClick(a.onClick).OnKeyDown(a.onKey).
			OnMouseOver(a.onOver).OnMouseOut(a.onOut).On("focusin", a.onFocus).On("focusout", a.onOut).
			Body(app.Raw(a.HTML)),
	)
}

// onClick selects the entity of a clicked mention and makes the mention the current one.
func (a *ArticleView) onClick(ctx app.Context, e app.Event) {
	id, n := mentionTarget(e)
	sendIf(ctx, id != "", actionSelect, mentionRef{Entity: id, N: n})
}

// onKey moves among the mentions with the arrow keys, Home and End, and selects one with Enter or
// the space bar.
func (a *ArticleView) onKey(ctx app.Context, e app.Event) {
	switch k := e.Get("key").String(); k {
	case "Enter", " ":
		id, n := mentionTarget(e)
		if id != "" {
			e.PreventDefault()
		}
		sendIf(ctx, id != "", actionSelect, mentionRef{Entity: id, N: n})
	default:
		rove(e, markSel, k)
		ctx.PreventUpdate()
	}
}

// onOver shows the peek card of the mention the pointer came over. (On a narrow screen, where a
// finger is the pointer, app.css hides the card.)
func (a *ArticleView) onOver(ctx app.Context, e app.Event) {
	b, ok := targetBox(e, markSel)
	sendIf(ctx, ok, actionPeek, peekAt{Entity: dataTarget(e, "entity"), At: b})
}

// onFocus shows the peek card of the mention the keyboard focus came to, and makes it the tab stop.
func (a *ArticleView) onFocus(ctx app.Context, e app.Event) {
	b, ok := targetBox(e, markSel)
	if ok {
		stopAt(e, markSel)
	}
	sendIf(ctx, ok, actionPeek, peekAt{Entity: dataTarget(e, "entity"), At: b})
}

// onOut hides the peek card when the pointer or the focus leaves a mention, unless for the card.
func (a *ArticleView) onOut(ctx app.Context, e app.Event) {
	_, ok := targetBox(e, markSel)
	sendIf(ctx, ok && !leavesFor(e, "#peek"), actionPeek, peekAt{})
}
