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
//
// For the keyboard and a screen reader the rail is a slider over the mentions that ‹ and › step
// through: the arrow keys step, Home and End go to the first and the last, and it says which mention
// is the current one and where it stands in the article.
type Rail struct {
	app.Compo

	// Ticks is every mention's tick in reading order, as markup (see TicksHTML).
	Ticks string
	// Name is the name of the entity in focus, "" for none.
	Name string
	// Pos is the current mention's place among Total, from 0; -1 for none.
	Pos, Total int
	// Where is how far into the article the current mention stands, from 0 to 1.
	Where float64
}

// Render draws the rail.
func (r *Rail) Render() app.UI {
	return app.Div().ID("rail").Role("slider").TabIndex(0).Aria("label", attr(r.label())).Aria("orientation", "vertical").
		Aria("valuemin", min(1, r.Total)).Aria("valuemax", r.Total).Aria("valuenow", r.Pos+1).Aria("valuetext", attr(r.valueText())).
		Title("Mentions in the article: click near one to go to it").
		OnClick(r.onClick).OnKeyDown(r.onKey).Body(app.Raw(r.Ticks))
}

// label is the rail's accessible name.
func (r *Rail) label() string {
	if r.Name == "" {
		return "Mentions along the article"
	}
	return "Mentions of " + r.Name + " along the article"
}

// valueText says which mention is the current one and where it stands.
func (r *Rail) valueText() string {
	switch {
	case r.Name == "":
		return "Choose someone in the cast first"
	case r.Total == 0:
		return "No mentions to step through"
	case r.Pos < 0:
		return mentionsLabel(r.Total) + "; none is current yet"
	}
	return "Mention " + strconv.Itoa(r.Pos+1) + " of " + strconv.Itoa(r.Total) + ", " +
		strconv.Itoa(int(100*r.Where+0.5)) + "% into the article"
}

// onKey steps with the arrow keys and goes to the first or last mention with Home and End.
func (r *Rail) onKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "ArrowDown", "ArrowRight":
		e.PreventDefault()
		send(ctx, actionStep, 1)
	case "ArrowUp", "ArrowLeft":
		e.PreventDefault()
		send(ctx, actionStep, -1)
	case "Home":
		e.PreventDefault()
		send(ctx, actionStepEnd, -1)
	case "End":
		e.PreventDefault()
		send(ctx, actionStepEnd, 1)
	default:
		ctx.PreventUpdate()
	}
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

// onClick goes to the mention of the clicked tick, or, between ticks, to the nearest mention that
// can be stepped to: a tick is only a few pixels tall.
func (r *Rail) onClick(ctx app.Context, e app.Event) {
	if i := tickTarget(e); i >= 0 {
		send(ctx, actionJump, i)
		return
	}
	send(ctx, actionRailAt, fractionDown(e))
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
