package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// Tick is one mention on the rail.
type Tick struct {
	I      int // index into Document.Mentions
	Entity string
	Form   model.Form
	Top    string // CSS percentage of the rail's height
}

// Rail is the thin strip beside the article with a tick per mention at its place in the text. Every
// tick is drawn once and hidden; the generated style shows the ticks of the selected entities in their
// colours, so selecting draws nothing here. Clicking a tick goes to its mention.
type Rail struct {
	app.Compo

	// Ticks are every mention's tick, in reading order. The slice never changes.
	Ticks []Tick
}

// Render draws the rail.
func (r *Rail) Render() app.UI {
	return app.Div().ID("rail").Aria("hidden", ariaBool(true)).Title("Mentions in the article: click one to go to it").
		OnClick(r.onClick).Body(
		app.Range(r.Ticks).Slice(func(i int) app.UI {
			t := r.Ticks[i]
			return app.Span().Class("tick", tickClass(t.Entity)).DataSet("i", t.I).DataSet("entity", t.Entity).DataSet("form", t.Form).Style("top", t.Top)
		}),
	)
}

// tickClass is the class of the ticks of entity id. The generated style shows them by this class,
// which only they carry, so that the browser restyles no other tick when a selection changes.
func tickClass(id string) string { return attr("tick-" + id) }

// onClick goes to the mention of the clicked tick.
func (r *Rail) onClick(ctx app.Context, e app.Event) {
	if i := tickTarget(e); i >= 0 {
		ctx.NewActionWithValue(actionJump, i)
	}
}

// railTicks returns the ticks of every mention of the article.
func railTicks(a *reader.Article) []Tick {
	ticks := make([]Tick, len(a.Doc.Mentions))
	for i, m := range a.Doc.Mentions {
		ticks[i] = Tick{I: i, Entity: m.Entity, Form: m.Form, Top: percent(a.Position(i))}
	}
	return ticks
}

// percent formats a fraction as a CSS percentage with two decimals.
func percent(f float64) string {
	return strconv.FormatFloat(100*f, 'f', 2, 64) + "%"
}
