package ui

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// The actions children send to Page, with the value each carries.
const (
	actionToggle   = "dramatis/toggle"   // string: an entity ID to select or deselect
	actionPick     = "dramatis/pick"     // pick: the same, from the cast, which keeps the entry in place
	actionRemove   = "dramatis/remove"   // string: an entity ID to deselect from the legend
	actionPassage  = "dramatis/passage"  // int: 1 for the next passage of the together view, -1 for the previous
	actionRailAt   = "dramatis/rail-at"  // float64: a place on the rail, from 0 (top) to 1, to go to the nearest mention of
	actionStepEnd  = "dramatis/step-end" // int: 1 for the last mention of the entity in focus, -1 for the first
	actionPeek     = "dramatis/peek"     // peekAt: the mention hovered or focused, for the peek card; Entity "" hides it
	actionFocus    = "dramatis/focus"    // string: an entity ID to select if need be and put in focus
	actionRelated  = "dramatis/related"  // string: the same, from the card, which keeps the keyboard focus
	actionSelect   = "dramatis/select"   // mentionRef: a mention clicked in the article
	actionJump     = "dramatis/jump"     // int: the index into Document.Mentions of a mention to go to
	actionStep     = "dramatis/step"     // int: 1 for the next mention of the entity in focus, -1 for the previous
	actionClear    = "dramatis/clear"    // none: deselect everyone
	actionTogether = "dramatis/together" // none: turn the together view on or off
	actionNames    = "dramatis/names"    // none: highlight names only, or demonyms and places too
	actionFilter   = "dramatis/filter"   // string: what the reader typed in the cast filter
	actionTheme    = "dramatis/theme"    // none: switch between the light and the dark theme
	actionCopy     = "dramatis/copy"     // none: copy the link to the page as it is
	actionExport   = "dramatis/export"   // string: "csv" or "json"
	actionSheet    = "dramatis/sheet"    // none: open or close the cast panel on a narrow screen
	actionNotice   = "dramatis/notice"   // none: dismiss the notice
	actionHelp     = "dramatis/help"     // none: show the keyboard shortcuts
	actionSearch   = "dramatis/search"   // none: move the keyboard focus to the cast filter
	actionSkip     = "dramatis/skip"     // none: move the keyboard focus to the cast's tab stop
	actionEscape   = "dramatis/escape"   // none: close the cast panel if it is open over the article, or clear
	actionView     = "dramatis/view"     // string: the panel's view to show, "" for the cast (see reader.State)
	actionPair     = "dramatis/pair"     // [2]string: a line of the network clicked, to select both ends together
)

// send sends an action with its value to Page, which holds all the state and renders what the action
// changes. The sender renders nothing for it: go-app would otherwise render the component an event
// happened in and each of its parents, which is the whole page, on every click.
func send(ctx app.Context, action string, v any) { sendIf(ctx, true, action, v) }

// sendIf sends the action as send does when ok; otherwise the event renders nothing either.
func sendIf(ctx app.Context, ok bool, action string, v any) {
	if ok {
		ctx.NewActionWithValue(action, v)
	}
	ctx.PreventUpdate()
}

// mentionRef names a mention by its entity and its place among that entity's marks.
type mentionRef struct {
	Entity string
	N      int
}

// pick is an entry of the cast clicked, with where it was in the view.
type pick struct {
	ID  string
	Top float64
}

// onString is the handler of an action whose value is a string.
func onString(f func(app.Context, string)) app.ActionHandler {
	return func(ctx app.Context, a app.Action) { s, _ := a.Value.(string); f(ctx, s) }
}

// handleActions makes Page handle its children's actions.
func (p *Page) handleActions(ctx app.Context) {
	num := func(f func(app.Context, int)) app.ActionHandler {
		return func(ctx app.Context, a app.Action) {
			if n, ok := a.Value.(int); ok {
				f(ctx, n)
			}
		}
	}
	ctx.Handle(actionToggle, onString(p.toggle))
	ctx.Handle(actionPick, func(ctx app.Context, a app.Action) {
		if pk, ok := a.Value.(pick); ok {
			p.pick(ctx, pk)
		}
	})
	ctx.Handle(actionRemove, onString(p.remove))
	ctx.Handle(actionView, onString(p.showView))
	ctx.Handle(actionPair, func(ctx app.Context, a app.Action) {
		if ends, ok := a.Value.([2]string); ok {
			p.pair(ctx, ends[0], ends[1])
		}
	})
	ctx.Handle(actionPassage, num(p.passage))
	ctx.Handle(actionStepEnd, num(func(ctx app.Context, end int) { p.cur = -1; p.step(ctx, -end) }))
	ctx.Handle(actionRailAt, func(ctx app.Context, a app.Action) {
		if f, ok := a.Value.(float64); ok {
			p.railAt(ctx, f)
		}
	})
	ctx.Handle(actionFocus, onString(p.focusOn))
	ctx.Handle(actionRelated, onString(func(ctx app.Context, id string) {
		// The card shows the new entity in place of the button clicked: the keyboard focus goes
		// to its name once it has rendered, rather than to the page's body.
		p.later = append(p.later, func() { focusElement(cardNameID) })
		p.focusOn(ctx, id)
	}))
	ctx.Handle(actionSelect, func(ctx app.Context, a app.Action) {
		if r, ok := a.Value.(mentionRef); ok {
			p.selectMention(ctx, r)
		}
	})
	ctx.Handle(actionJump, num(func(ctx app.Context, i int) { p.jump(ctx, i, true) }))
	ctx.Handle(actionStep, num(p.step))
	ctx.Handle(actionClear, func(ctx app.Context, _ app.Action) {
		// The button is disabled once nothing is selected: the keyboard focus goes to the cast.
		if p.sel.Len() > 0 {
			p.later = append(p.later, func() { focusStop("#cast") })
		}
		p.clear(ctx)
	})
	ctx.Handle(actionEscape, func(ctx app.Context, _ app.Action) {
		if p.sheet && isNarrow() {
			p.sheet = false
			return
		}
		p.clear(ctx)
	})
	// Showing the dialog changes nothing go-app draws.
	ctx.Handle(actionHelp, func(ctx app.Context, _ app.Action) { showDialog(shortcutsID); ctx.PreventUpdate() })
	ctx.Handle(actionTogether, func(ctx app.Context, _ app.Action) {
		p.keepCurrent(func() { p.together = !p.together })
		p.commit(ctx, true, false)
	})
	ctx.Handle(actionNames, func(ctx app.Context, _ app.Action) { p.switchForms(ctx) })
	ctx.Handle(actionFilter, onString(func(_ app.Context, s string) { p.filter = s }))
	ctx.Handle(actionTheme, func(ctx app.Context, _ app.Action) { p.switchTheme(ctx) })
	ctx.Handle(actionCopy, func(ctx app.Context, _ app.Action) { p.copyLink(ctx) })
	ctx.Handle(actionExport, onString(p.export))
	ctx.Handle(actionSheet, func(app.Context, app.Action) { p.sheet = !p.sheet })
	ctx.Handle(actionNotice, func(app.Context, app.Action) { p.notice = "" })
	ctx.Handle(actionSkip, func(ctx app.Context, _ app.Action) {
		p.sheet = p.sheet || isNarrow() // on a narrow screen the cast is in the panel, which must be open
		ctx.Defer(func(app.Context) { focusStop("#cast") })
	})
	ctx.Handle(actionSearch, func(ctx app.Context, _ app.Action) {
		p.sheet = true // on a narrow screen the filter is in the panel, which must be open
		ctx.Defer(func(app.Context) { focusElement(filterID) })
	})
}

// shortcut maps a key press to what it does, if anything. It runs in the browser's event handler, so
// it reads no state: what it returns runs later, on the UI goroutine.
func shortcut(k key) (func(app.Context), bool) {
	post := func(action string, v any) func(app.Context) {
		return func(ctx app.Context) { send(ctx, action, v) }
	}
	if k.Dialog {
		return nil, false // the dialog closes itself on Escape
	}
	if k.Typing {
		if k.Key == "Escape" {
			return func(ctx app.Context) {
				send(ctx, actionFilter, "")
				clearField(filterID)
			}, true
		}
		return nil, false
	}
	switch k.Key {
	case "j", "n":
		return post(actionStep, 1), true
	case "k", "p":
		return post(actionStep, -1), true
	case "Escape":
		return post(actionEscape, nil), true
	case "/":
		return post(actionSearch, nil), true
	case "?":
		return post(actionHelp, nil), true
	}
	return nil, false
}

// toggle selects an entity, putting it in focus, or deselects it.
func (p *Page) toggle(ctx app.Context, id string) {
	e, ok := p.rd.Entity(id)
	if !ok {
		p.later = nil
		return
	}
	if !p.sel.Has(id) {
		p.say(e.Name + " selected: " + mentionsLabel(p.rd.Count(id, p.namesOnly)) + p.leaving())
		p.sel, p.focus, p.cur = p.sel.With(id), id, -1
	} else {
		p.keepCurrent(func() {
			p.sel = p.sel.Without(id)
			if p.focus == id {
				p.focus, p.cur = p.sel.Last(), -1
			}
		})
		p.say(e.Name + " deselected")
	}
	p.commit(ctx, true, false)
}

// showView shows one of the panel's views: the cast, the map or the network.
func (p *Page) showView(ctx app.Context, v string) {
	if v != "" && !slices.Contains(reader.Views, v) || v == p.view {
		ctx.PreventUpdate()
		return
	}
	p.view = v
	p.opened[v] = true
	p.commit(ctx, false, false)
}

// pair selects both ends of a line of the network, a and b, putting b in focus, and turns on the
// together view, which shows the paragraphs that mention them both (and everyone else selected).
func (p *Page) pair(ctx app.Context, a, b string) {
	ea, okA := p.rd.Entity(a)
	eb, okB := p.rd.Entity(b)
	if !okA || !okB || a == b {
		ctx.PreventUpdate()
		return
	}
	p.keepCurrent(func() {
		p.sel = p.sel.With(a).With(b)
		if !p.sel.Has(a) { // a left to make room for b: choose a again, which keeps b
			p.sel = p.sel.With(a)
		}
		p.focus, p.together = b, true
	})
	p.cur = -1
	p.say(ea.Name + " and " + eb.Name + " selected together: " + countOf(len(p.passages()), "passage", "passages") + " mention everyone selected")
	p.commit(ctx, true, false)
}

// countOf writes n with the noun in the singular or the plural.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// leaving says who leaves the highlights when one more is selected, if anyone does.
func (p *Page) leaving() string {
	if !p.sel.Full() {
		return ""
	}
	e, _ := p.rd.Entity(p.sel.Oldest())
	return "; " + e.Name + " leaves the highlights to make room"
}

// pick selects or deselects the entity of a cast entry the reader clicked, keeping the entry where it
// was in the view while the legend and the card above it change. On a narrow screen, a selection
// closes the cast panel, so that the reader sees the article light up.
func (p *Page) pick(ctx app.Context, pk pick) {
	if isNarrow() && !p.sel.Has(pk.ID) {
		p.sheet = false
		p.later = append(p.later, func() { focusElement("sheet-toggle") }) // the entry is out of view
	} else {
		p.later = append(p.later, func() { keepTop(pk.ID, pk.Top) })
	}
	p.toggle(ctx, pk.ID)
}

// remove deselects an entity from the legend. The keyboard focus goes to the next entry's remove
// button, or the one before, or to the cast when none is left, rather than to the page's body.
func (p *Page) remove(ctx app.Context, id string) {
	ids := p.sel.IDs()
	i := slices.Index(ids, id)
	if i < 0 {
		return
	}
	var next []string
	for _, j := range []int{i + 1, i - 1} {
		if j >= 0 && j < len(ids) {
			next = append(next, `#legend li[data-entity="`+ids[j]+`"] .remove`)
		}
	}
	p.later = append(p.later, func() {
		focusFirst(next...)
		if len(next) == 0 {
			focusStop("#cast")
		}
	})
	p.toggle(ctx, id)
}

// keepCurrent runs change, which changes what can be stepped through (see steps), and keeps the
// current mention when it still can be.
func (p *Page) keepCurrent(change func()) {
	i := p.currentIndex()
	change()
	p.cur = p.ordinal(i)
}

// passage goes to the next (delta 1) or previous (delta -1) passage of the together view: the first
// mention of the entity in focus in it.
func (p *Page) passage(ctx app.Context, delta int) {
	ps := p.passages()
	if !p.togetherOn() || len(ps) == 0 {
		return
	}
	at := p.passageAt()
	k := reader.Step(at, delta, len(ps))
	for n, i := range p.steps() {
		if p.doc.Mentions[i].Paragraph == ps[k] {
			p.cur = n
			break
		}
	}
	p.say("Passage " + strconv.Itoa(k+1) + " of " + strconv.Itoa(len(ps)) + ". " + p.mentionLabel())
	p.commit(ctx, false, true)
}

// passageAt returns the place among passages of the passage the current mention stands in, or -1.
func (p *Page) passageAt() int {
	i := p.currentIndex()
	if i < 0 {
		return -1
	}
	k, ok := slices.BinarySearch(p.passages(), p.doc.Mentions[i].Paragraph)
	if !ok {
		return -1
	}
	return k
}

// railAt goes to the mention that can be stepped to (see steps) nearest to the place f on the rail.
func (p *Page) railAt(ctx app.Context, f float64) {
	best, gap := -1, 2.0
	for _, i := range p.steps() {
		if d := math.Abs(p.rd.Position(i) - f); d < gap {
			best, gap = i, d
		}
	}
	if best >= 0 {
		p.jump(ctx, best, true)
	}
}

// focusOn puts an entity in focus, selecting it first if need be.
func (p *Page) focusOn(ctx app.Context, id string) {
	e, ok := p.rd.Entity(id)
	if !ok || (p.focus == id && p.sel.Has(id)) {
		p.later = nil
		ctx.PreventUpdate() // nothing changes
		return
	}
	p.say(e.Name + " in focus: " + mentionsLabel(p.rd.Count(id, p.namesOnly)) + p.leaving())
	p.sel, p.focus, p.cur = p.sel.With(id), id, -1
	p.commit(ctx, true, false)
}

// selectMention selects the entity of a mention clicked in the article and makes it the current one.
func (p *Page) selectMention(ctx app.Context, r mentionRef) {
	if ms := p.rd.Mentions(r.Entity, false); r.N >= 0 && r.N < len(ms) {
		p.jump(ctx, ms[r.N], false)
		return
	}
	p.focusOn(ctx, r.Entity)
}

// jump makes the mention with index i into Document.Mentions the current one, selecting and focusing
// its entity.
func (p *Page) jump(ctx app.Context, i int, scroll bool) {
	if i < 0 || i >= len(p.doc.Mentions) {
		return
	}
	id := p.doc.Mentions[i].Entity
	if _, ok := p.rd.Entity(id); !ok {
		return
	}
	push := !p.sel.Has(id) || p.focus != id
	p.sel, p.focus = p.sel.With(id), id
	p.cur = p.ordinal(i)
	if p.cur >= 0 {
		p.say(p.mentionLabel())
	}
	p.commit(ctx, push, scroll)
}

// step moves to the next (delta 1) or previous (delta -1) mention of the entity in focus.
func (p *Page) step(ctx app.Context, delta int) {
	if p.focus == "" {
		p.say("Select someone in the cast first.")
		return
	}
	p.cur = reader.Step(p.cur, delta, p.total())
	if p.cur < 0 {
		p.say("No mentions to step through.")
		return
	}
	p.say(p.mentionLabel())
	p.commit(ctx, false, true)
}

// clear deselects everyone.
func (p *Page) clear(ctx app.Context) {
	if p.sel.Len() == 0 {
		ctx.PreventUpdate() // nothing to clear
		return
	}
	p.sel, p.focus, p.cur = Selection{}, "", -1
	p.say("Selection cleared")
	p.commit(ctx, true, false)
}

// switchForms switches between highlighting names and aliases only and highlighting demonyms and
// places too, keeping the current mention when it still counts.
func (p *Page) switchForms(ctx app.Context) {
	p.keepCurrent(func() { p.namesOnly = !p.namesOnly })
	if p.namesOnly {
		p.say("Highlighting names only")
	} else {
		p.say("Highlighting names, demonyms and places")
	}
	p.commit(ctx, true, false)
}

// switchTheme switches between the light and the dark theme, and remembers the choice.
func (p *Page) switchTheme(ctx app.Context) {
	p.dark = !p.dark
	p.theme = "light"
	if p.dark {
		p.theme = "dark"
	}
	saveTheme(ctx, p.theme)
}

// copyLink copies the link to the page as it is, and says whether that worked.
func (p *Page) copyLink(ctx app.Context) {
	copyText(ctx, pageURL(), func(ctx app.Context, ok bool) {
		p.notice = "Link copied."
		if !ok {
			p.notice = "The link could not be copied; copy it from the address bar."
		}
	})
}

// export offers the mentions of the selected entities, or of everyone, as a CSV or JSON file: those
// by name or alias only when the highlights show names only.
func (p *Page) export(_ app.Context, format string) {
	ids := p.sel.IDs()
	name := "mentions"
	if len(ids) > 0 {
		name += "-" + strings.Join(ids, "-")
	}
	if p.namesOnly {
		name += "-names"
	}
	rows := p.rd.Rows(ids, p.namesOnly)
	switch format {
	case "csv":
		download(name+".csv", "text/csv;charset=utf-8", reader.CSV(rows))
	case "json":
		download(name+".json", "application/json", reader.JSON(rows))
	default:
		return
	}
	p.say("Exported " + strconv.Itoa(len(rows)) + " mentions as " + strings.ToUpper(format))
}

// say puts a message in the live region.
func (p *Page) say(s string) { p.announce = s }

// card returns the entity card of e, the entity in focus.
func (p *Page) card(e model.Entity) app.UI {
	return &EntityCard{
		Entity:  e,
		Count:   p.rd.Count(e.ID, p.namesOnly),
		Forms:   p.rd.Forms(e.ID, p.namesOnly),
		First:   p.rd.First(e.ID, p.namesOnly),
		Related: p.rd.Related(e.ID, 5, p.namesOnly),
	}
}
