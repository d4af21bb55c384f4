package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/reader"
)

// peekAt is the mention the pointer is over or the keyboard focus is on: its entity, "" for none, and
// where its mark stands.
type peekAt struct {
	Entity string
	At     box
}

// peekWidth is the peek card's width in CSS pixels (app.css gives it the same).
const peekWidth = 288

// Peek is the small card that says who a mention in the article is, shown while the pointer is over
// it or the keyboard focus is on it, selected or not: name, kind, mention count and role, with a
// button that selects the entity (or deselects it). It holds which mention it shows itself, set by
// the article's actionPeek, so that hovering renders the card alone and never the page.
type Peek struct {
	app.Compo

	// Article gives the entities and their counts.
	Article *reader.Article
	// NamesOnly says whether the counts are of names and aliases only.
	NamesOnly bool
	// Selection says whether the entity shown is selected.
	Selection Selection

	at peekAt
}

// OnMount starts following the mentions hovered and focused.
func (k *Peek) OnMount(ctx app.Context) {
	ctx.Handle(actionPeek, func(_ app.Context, a app.Action) { k.at, _ = a.Value.(peekAt) })
}

// Render draws the card under the mention, or over it near the foot of the view; nothing for none.
func (k *Peek) Render() app.UI {
	e, ok := k.Article.Entity(k.at.Entity)
	if !ok {
		return app.Aside().ID("peek").Class("peek").Hidden(true)
	}
	b, class, top := k.at.At, "peek", k.at.At.Bottom+6
	if b.Bottom+170 > b.ViewHeight && b.Top > 170 {
		class, top = "peek above", b.Top-6
	}
	left := min(max(b.Left, 8), b.ViewWidth-peekWidth-8)
	action, label := actionFocus, "Select"
	if k.Selection.Has(e.ID) {
		action, label = actionToggle, "Deselect"
	}
	return app.Aside().ID("peek").Class(class).Aria("label", attr("About "+e.Name)).
		Style("left", px(left+b.ScrollX)).Style("top", px(top+b.ScrollY)).
		OnMouseLeave(func(ctx app.Context, _ app.Event) { k.at = peekAt{} }).Body(
		app.P().ID("peek-text").Body(
			app.Strong().Class("peek-name").Text(e.Name),
			app.Span().Class("peek-facts").Text(e.Kind.Name()+" · "+mentionsLabel(k.Article.Count(e.ID, k.NamesOnly))),
			app.If(e.Role != "", func() app.UI { return app.Span().Class("peek-role").Text(e.Role) }),
		),
		app.Button().ID("peek-select").Class("tool").Text(label).
			OnClick(func(ctx app.Context, _ app.Event) { k.at = peekAt{}; ctx.NewActionWithValue(action, e.ID) }),
	)
}

// px formats a length in CSS pixels.
func px(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) + "px" }
