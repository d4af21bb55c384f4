package ui

import (
	"strconv"
	"strings"

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
//
// The ticks are one app.Raw node (see TicksHTML): there is one per mention, and go-app would build
// each as an element of its own, attribute by attribute, when the app starts. As markup the browser
// builds them all at once; the string never changes, so go-app never rebuilds them.
type Rail struct {
	app.Compo

	// Ticks is every mention's tick in reading order, as markup (see TicksHTML).
	Ticks string
}

// Render draws the rail.
func (r *Rail) Render() app.UI {
	return app.Div().ID("rail").Aria("hidden", ariaBool(true)).Title("Mentions in the article: click one to go to it").
		OnClick(r.onClick).Body(app.Raw(r.Ticks))
}

// TicksHTML returns ticks as the markup of the rail: a <div class="ticks"> holding one <span
// class="tick …"> per tick, which carries the mention's index (data-i), entity and form, and its
// place as a "top" percentage.
func TicksHTML(ticks []Tick) string {
	var b strings.Builder
	b.Grow(len(ticks) * 110)
	b.WriteString(`<div class="ticks">`)
	for _, t := range ticks {
		id := escapeHTML(t.Entity)
		b.WriteString(`<span class="tick tick-`)
		b.WriteString(id)
		b.WriteString(`" data-i="`)
		b.WriteString(strconv.Itoa(t.I))
		b.WriteString(`" data-entity="`)
		b.WriteString(id)
		b.WriteString(`" data-form="`)
		b.WriteString(escapeHTML(string(t.Form)))
		b.WriteString(`" style="top:`)
		b.WriteString(t.Top)
		b.WriteString(`"></span>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// tickClass is the class of the ticks of entity id. The generated style shows them by this class,
// which only they carry, so that the browser restyles no other tick when a selection changes.
func tickClass(id string) string { return "tick-" + id }

// onClick goes to the mention of the clicked tick.
func (r *Rail) onClick(ctx app.Context, e app.Event) {
	i := tickTarget(e)
	sendIf(ctx, i >= 0, actionJump, i)
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
