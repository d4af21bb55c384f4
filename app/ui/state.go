package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/reader"
)

// This file holds the Page's state: what of it a link carries, and what the children are given.

// state returns what a link to the page as it is now holds.
func (p *Page) state() reader.State {
	return reader.State{
		Article:   p.article,
		Selected:  p.sel.Slots(),
		Focus:     p.focus,
		Mention:   p.cur + 1,
		Together:  p.together,
		NamesOnly: p.namesOnly,
		View:      p.view,
	}
}

// restore sets the state from a query string. What of it the page cannot show is left out, and a
// quiet notice says what: ids that are not in the cast, entities past the palette's colours, a mention
// number past the entity's last. In the browser the address is then tidied to the state shown. When
// the page is live it shows the state at once, as commit does: go-app, which writes only what differs
// from its last render, may not have rendered the state a click left yet.
func (p *Page) restore(ctx app.Context, query string) {
	if p.live && stateOf(query).Article != p.article {
		p.switchTo(ctx, query) // another article: restore comes back once it is shown
		return
	}
	st, unknown := reader.ParseQuery(query, func(id string) bool { _, ok := p.rd.Entity(id); return ok })
	before, prev := p.state().Query(), p.sel
	sel, left := SelectionOf(st.Selected)
	focus := st.FocusOrLast()
	if !sel.Has(focus) {
		focus = sel.Last()
	}
	p.sel, p.focus, p.together, p.namesOnly, p.cur = sel, focus, st.Together, st.NamesOnly, -1
	p.view = st.View
	p.opened[p.view] = true
	var notes []string
	if len(unknown) > 0 {
		notes = append(notes, "Left out of the link, as this article’s cast has no one by that id: "+listOf(unknown)+".")
	}
	if len(left) > 0 {
		notes = append(notes, "Left out of the link, as "+strconv.Itoa(len(Palette))+" can be highlighted at once: "+listOf(p.names(left))+".")
	}
	switch total := p.total(); {
	case st.Mention > 0 && st.Mention <= total:
		p.cur = st.Mention - 1
	case st.Mention > total && p.focus != "":
		e, _ := p.rd.Entity(p.focus)
		notes = append(notes, "The link asks for mention "+strconv.Itoa(st.Mention)+" of "+e.Name+", who has "+
			strconv.Itoa(total)+"; it shows no mention as the current one.")
	}
	if app.IsClient {
		setQuery(p.state().Query(), false)
	}
	if p.state().Query() == before {
		// The same state again, as when the tidied address comes back: the selection keeps who was
		// chosen first (see Selection.Oldest), and the notice stays.
		p.sel = prev
		if len(notes) > 0 {
			p.notice = strings.Join(notes, " ")
		}
		return
	}
	p.notice = strings.Join(notes, " ")
	if p.cur >= 0 {
		p.say(p.mentionLabel())
	}
	p.epoch++ // an address written for the state before is out of date
	if p.live {
		p.show(ctx, true)
	}
}

// names returns the names of the entities with the given ids.
func (p *Page) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		e, _ := p.rd.Entity(id)
		out[i] = e.Name
	}
	return out
}

// show writes what the state changes in the page at once, ahead of go-app's next render: the root's
// classes, the generated highlights and the cast's pressed buttons; then it shows the current
// mention, scrolling to it when scroll is set.
func (p *Page) show(ctx app.Context, scroll bool) {
	setClass(rootID, p.classes())
	setStyleText(highlightsID, p.css())
	p.syncPressed()
	p.showCurrent(ctx, scroll)
}

// syncPressed sets aria-pressed on the cast's buttons whose entity was selected or deselected since
// the last call: go-app builds the cast's list again only for a new filter (see Cast).
func (p *Page) syncPressed() {
	for _, id := range p.pressed.IDs() {
		if !p.sel.Has(id) {
			setPressed(id, false)
		}
	}
	for _, id := range p.sel.IDs() {
		if !p.pressed.Has(id) {
			setPressed(id, true)
		}
	}
	p.pressed = p.sel
}

// commit writes the state into the page's address, as a new history entry when push is set (a change
// of who is selected or in focus, or of the view) or in place of the current one (a move to another
// mention), and shows the current mention, scrolling to it when scroll is set.
//
// The highlights change at once; the address, and go-app's render of the rest of the page, wait until
// the browser has painted them. Writing the address takes a millisecond or more, and go-app renders
// a changed component in a timer about 8 ms after the event: when that timer fires before the frame
// is painted, which it often does, the highlights would wait for the whole page's render.
func (p *Page) commit(ctx app.Context, push, scroll bool) {
	p.show(ctx, scroll)
	query, epoch := p.state().Query(), p.epoch
	ctx.PreventUpdate()
	later := p.later
	p.later = nil
	afterPaint(ctx, func(ctx app.Context) {
		if p.epoch == epoch { // no link or history step restored another state meanwhile
			setQuery(query, push)
		}
		for _, f := range later {
			ctx.Defer(func(app.Context) { f() })
		}
	})
}

// showCurrent marks the current mention in the article at go-app's next frame.
func (p *Page) showCurrent(ctx app.Context, scroll bool) {
	id, n := p.focus, p.rd.Ordinal(p.currentIndex(), false)
	ctx.Defer(func(app.Context) { showMention(id, n, scroll) })
}

// listOf lists at most three of items, each cut to 40 characters (a link can carry anything), and
// says how many more there are.
func listOf(items []string) string {
	shown := make([]string, 0, 3)
	for _, s := range items[:min(len(items), 3)] {
		if r := []rune(s); len(r) > 40 {
			s = string(r[:40]) + "…"
		}
		shown = append(shown, "“"+s+"”")
	}
	list := strings.Join(shown, ", ")
	if len(items) > 3 {
		list += " and " + strconv.Itoa(len(items)-3) + " more"
	}
	return list
}

// steps returns the mentions that ‹ and › step through, as indices into Document.Mentions: those of
// the entity in focus, by name or alias only when namesOnly is set, and while the together view is on,
// only those in the passages that mention everyone selected.
func (p *Page) steps() []int {
	ms := p.rd.Mentions(p.focus, p.namesOnly)
	if !p.togetherOn() {
		return ms
	}
	ps := p.passages()
	out := make([]int, 0, len(ms))
	for _, i := range ms {
		if _, ok := slices.BinarySearch(ps, p.doc.Mentions[i].Paragraph); ok {
			out = append(out, i)
		}
	}
	return out
}

// togetherOn reports whether the together view shows: it is on, and two or more are selected.
func (p *Page) togetherOn() bool { return p.together && p.sel.Len() >= 2 }

// ordinal returns the place of the mention with index i among steps, or -1.
func (p *Page) ordinal(i int) int { return slices.Index(p.steps(), i) }

// total returns the number of mentions that can be stepped through (see steps).
func (p *Page) total() int { return len(p.steps()) }

// currentIndex returns the index into Document.Mentions of the current mention, or -1.
func (p *Page) currentIndex() int {
	ms := p.steps()
	if p.cur < 0 || p.cur >= len(ms) {
		return -1
	}
	return ms[p.cur]
}

// passages returns the paragraphs that mention everyone selected, or nil with fewer than two selected.
func (p *Page) passages() []int { return p.rd.Together(p.sel.IDs(), p.namesOnly) }

// css returns the generated style: the highlights, the together view and the current rail tick.
func (p *Page) css() string {
	css := highlightCSS(p.sel, p.live)
	if p.togetherOn() {
		css += togetherCSS(p.passages())
	}
	if p.view == reader.ViewNetwork {
		css += linksCSS(p.sel.IDs())
	}
	return css + currentTickCSS(p.currentIndex())
}

// classes returns the classes of the page's root element.
func (p *Page) classes() string {
	var c []string
	if p.live {
		for i, id := range p.sel.slots {
			if id != "" && i < len(Palette) {
				c = append(c, slotClass(i, id))
			}
		}
	}
	if p.namesOnly {
		c = append(c, "names-only")
	}
	if p.togetherOn() {
		c = append(c, "together")
	}
	if p.sheet {
		c = append(c, "sheet-open")
	}
	if p.view != "" {
		c = append(c, "view-"+p.view)
	}
	return strings.Join(c, " ")
}

// themeName returns the value of the root's data-theme: the reader's choice, or "auto".
func (p *Page) themeName() string {
	if p.theme == "" {
		return "auto"
	}
	return p.theme
}

// legendItems lists the selected entities in slot order.
func (p *Page) legendItems() []LegendItem {
	items := make([]LegendItem, 0, p.sel.Len())
	for _, id := range p.sel.IDs() {
		e, _ := p.rd.Entity(id)
		items = append(items, LegendItem{Entity: e, Slot: p.sel.Slot(id), Count: p.rd.Count(id, p.namesOnly), Focused: id == p.focus})
	}
	return items
}

// mentionLabel is what the live region says about the current mention.
func (p *Page) mentionLabel() string {
	e, _ := p.rd.Entity(p.focus)
	return "Mention " + strconv.Itoa(p.cur+1) + " of " + strconv.Itoa(p.total()) + ": " + e.Name
}
