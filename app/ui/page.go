// Package ui is the go-app user interface of Dramatis: the article beside its cast panel. Page holds the
// state (who is selected, who is in focus, the current mention, how highlights show); its children get
// their inputs as exported fields and report clicks as actions, which Page handles. The state that a
// link can carry lives in the page's address, so a link restores it and back and forward step through
// it. Highlighting changes a small generated <style> and a few attributes, never the article.
package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// The ids of the page's root and of its generated <style> elements: the palette (in the page's head,
// see PaletteStyle), the highlights and selectionRules.
const (
	rootID       = "dramatis"
	paletteID    = "palette"
	highlightsID = "highlights"
	rulesID      = "selection-rules"
)

// PaletteStyle is the <style> element of the palette's colours (paletteCSS), which the page's head
// carries: it never changes, and a style sheet that the browser meets in the body, after the
// elements it styles, makes it style them all again before it first paints the page.
func PaletteStyle() string { return styleElement(paletteID, paletteCSS()) }

// styleElement returns a <style> element with the given id and text, as markup. Its string is built
// once and never changes, so go-app neither rebuilds nor compares anything new on a render.
func styleElement(id, css string) string { return `<style id="` + id + `">` + css + `</style>` }

// densityBins is the number of stretches of the article that a panel entry's density strip shows.
const densityBins = 24

// Page is the whole screen: masthead, mention navigator, article, rail and the cast panel.
type Page struct {
	app.Compo

	// Doc is the bundled article, which the page shows unless its address names an article the
	// reader opened (see opened.go). It never changes: go-app sets a mounted page's exported fields
	// again from the route on every navigation.
	Doc *model.Document
	// Data is Doc encoded as JSON. The server prerenders it into the page, where the WebAssembly client
	// reads it back before it starts (see DocumentFromPage); the client leaves it empty.
	Data string
	// Pictures are the map and the network of Doc, for the panel's views.
	Pictures Pictures

	doc  *model.Document // the article shown: Doc, or one the reader opened
	pics Pictures        // the pictures of doc

	// Worked out once from Doc.
	rd     *reader.Article
	groups []model.Group
	ticks  string // the rail's ticks, see TicksHTML
	// Each entity's density strip and count, of every form [0] and of names only [1].
	density [2]map[string]string
	counts  [2]map[string]int

	// What a link carries (see reader.State).
	sel       Selection
	pressed   Selection // what the cast's buttons show, see syncPressed
	epoch     int       // counts restores, so that an address written after a paint is not out of date
	focus     string    // the entity in focus, "" when nothing is selected
	cur       int       // the current mention's place among the focused entity's, from 0; -1 for none
	together  bool
	namesOnly bool
	view      string // the panel's view: "" for the cast, or one of reader.Views

	// The rest of the state.
	opened   map[string]bool // the views shown since the page started, whose pictures the client draws
	filter   string          // what the reader typed in the cast filter
	theme    string          // the reader's choice: "light", "dark", or "" for the system's
	dark     bool            // the dark theme is showing
	sheet    bool            // on a narrow screen, the cast panel is open over the article
	notice   string          // a quiet message, such as ids of a link that the cast does not have
	announce string          // what the live region last said
	live     bool
	renders  int      // the page's renders in the browser, which countRender tells the page
	rules    string   // the <style> of selectionRules for every entity, once live
	stop     []func() // removes the page's listeners
	later    []func() // what to do after the next commit's render, such as moving the keyboard focus

	// The articles the reader opens (see opened.go).
	article  string        // the id of the opened article shown; "" for the bundled one
	pending  string        // the address of an opened article to show once the page is mounted
	engine   engineLink    // the engine's worker, started on first use
	library  []LibraryItem // the library's list, as the worker last answered it
	status   string        // what the library's dialog says
	failed   bool          // status is an error
	busy     bool          // the worker is opening or editing an article
	curation curation      // the markup of the controls that curate the opened article's cast
	docs     int           // counts the articles shown, for the cast's list
}

// OnInit derives what the reader needs from Doc, on the server and in the browser alike. In the
// browser it also restores the state from the page's address and marks the page as live, so that the
// page go-app mounts is the live one at once: a state that changed after the mount would cost a
// render of the whole page while the app starts.
func (p *Page) OnInit() {
	p.doc, p.pics = p.Doc, p.Pictures
	p.derive()
	p.cur = -1
	p.opened = map[string]bool{}
	if app.IsClient {
		// The link of an opened article waits for the worker to read it from the library (see
		// OnMount): its state is not the bundled article's.
		if q := currentQuery(); stateOf(q).Article != "" {
			p.pending = q
		} else {
			p.restore(app.Context{}, q) // not live yet: restore needs no context
		}
		p.announce = ""   // said once mounted, see OnMount
		p.pressed = p.sel // the cast's first render shows it
		p.live = true
		p.rules = styleElement(rulesID, selectionRules(p.doc.Entities))
		p.dark = prefersDark()
	}
}

// derive works out what the reader needs from Doc.
func (p *Page) derive() {
	idx := model.NewIndex(p.doc)
	p.rd = reader.New(p.doc, idx)
	p.groups = p.doc.Groups(idx)
	p.ticks = TicksHTML(railTicks(p.rd))
	for i, namesOnly := range []bool{false, true} {
		p.density[i] = densityStrips(p.rd, densityBins, namesOnly)
		p.counts[i] = make(map[string]int, len(p.doc.Entities))
		for _, e := range p.doc.Entities {
			p.counts[i][e.ID] = p.rd.Count(e.ID, namesOnly)
		}
	}
}

// OnNav restores the state from the page's address, on the server (so the prerendered page shows it)
// and in the browser, where OnInit did so already on the first visit. It renders the page only when
// the state changed.
func (p *Page) OnNav(ctx app.Context) {
	before, notice := p.state().Query(), p.notice
	p.restore(ctx, ctx.Page().URL().RawQuery)
	if p.state().Query() == before && p.notice == notice {
		ctx.PreventUpdate()
	}
}

// OnMount starts handling the children's actions, the keyboard and the history, applies the
// remembered theme and shows and announces the current mention of a link. It renders the page only
// when one of those changed it.
func (p *Page) OnMount(ctx app.Context) {
	p.handleActions(ctx)
	p.handleLibrary(ctx)
	if p.pending != "" {
		p.switchTo(ctx, p.pending)
		p.pending = ""
	}
	p.stop = append(p.stop,
		onKey(ctx, shortcut),
		onPopState(ctx, func(ctx app.Context) { p.restore(ctx, currentQuery()) }),
	)
	dark := p.dark
	p.theme = loadTheme(ctx)
	p.dark = p.theme == "dark" || (p.theme == "" && prefersDark())
	firstStop("#article", markSel)
	p.showCurrent(ctx, true)
	if p.cur >= 0 {
		// A live region says only what changes in it once it is on the screen.
		label := p.mentionLabel()
		afterPaint(ctx, func(app.Context) { p.say(label) })
	}
	if p.theme == "" && p.dark == dark {
		ctx.PreventUpdate()
	}
}

// OnDismount stops the page's listeners.
func (p *Page) OnDismount() {
	for _, stop := range p.stop {
		stop()
	}
	p.stop = nil
}

// Render draws the page from the document and the current state.
func (p *Page) Render() app.UI {
	p.renders++
	countRender(p.renders)
	focus, _ := p.rd.Entity(p.focus)
	items, names := p.legendItems(), b2i(p.namesOnly)
	return app.Div().ID(rootID).Class(p.classes()).Attr("data-live", p.live).Attr("data-theme", p.themeName()).Body(
		app.A().ID("skip").Class("skip-link").Href("#cast").Text("Skip to the cast").OnClick(skipToCast),
		&UpdateBanner{},
		&Masthead{Dark: p.dark},
		app.Div().Class("layout").Body(
			app.Main().Class("reading").Body(
				&Navigator{Entity: focus, Slot: p.sel.Slot(p.focus), Pos: p.cur, Total: p.total(), Selected: p.sel.Len(), SheetOpen: p.sheet, Key: items},
				&ArticleView{HTML: p.doc.HTML},
			),
			app.Div().Class("rail-region").Role("region").Aria("label", "Rail").Body(
				&Rail{Ticks: p.ticks, Name: focus.Name, Pos: p.cur, Total: p.total(), Where: p.rd.Position(p.currentIndex())},
			),
			p.panel(focus, items, names),
		),
		&Peek{Article: p.rd, NamesOnly: p.namesOnly, Selection: p.sel},
		&Notice{Text: p.notice},
		app.Div().ID("announce").Class("visually-hidden").Attr("role", "status").Aria("live", "polite").Text(p.announce),
		&Shortcuts{},
		&Library{Items: p.library, Bundled: HeadText(p.Doc.Meta.Title), Current: p.article, Status: p.status, Failed: p.failed, Busy: p.busy},
		app.If(p.rules != "", func() app.UI { return app.Raw(p.rules) }),
		p.highlights(),
		app.If(p.Data != "", func() app.UI {
			return app.Raw(`<script type="application/json" id="` + dataElementID + `">` + p.Data + `</script>`)
		}),
	)
}

// panel draws the cast panel: the tabs of its views, the legend and the card of the entity in focus,
// and the view shown. It is one scroll area: selecting keeps the clicked cast entry where it was (see
// Page.pick). In a picture's view, the card comes after the picture.
func (p *Page) panel(focus model.Entity, items []LegendItem, names int) app.UI {
	card := func(under bool) app.UI {
		return app.If(p.focus != "" && under == (p.view != ""), func() app.UI { return p.card(focus) })
	}
	editor := app.If(p.article != "" && p.focus != "", func() app.UI {
		c := p.curation
		return &Controls{ID: "editor", Label: "Edit " + focus.Name, HTML: editorHTML(c.Editors[focus.ID], c.Others, focus.ID), Busy: p.busy}
	})
	return app.Aside().ID("panel").Class("panel").Aria("label", "Cast").Body(
		&ViewTabs{View: p.view},
		// The legend and the card in one element, so that the card coming and going leaves the
		// elements after them, the cast's list with the keyboard focus among them, as they are.
		app.Div().Class("panel-head").Body(
			&Legend{Items: items, Together: p.together, Passages: p.passages(), Passage: p.passageAt(), Oldest: p.oldestName()},
			card(false),
			editor,
		),
		tabPanel(castView, p.view == "").Body(
			app.If(p.article != "", func() app.UI {
				return &Controls{ID: "curate", Label: "Curate the cast", HTML: p.curation.Bar, Busy: p.busy}
			}),
			&Tools{Selected: p.sel.Len()},
			&CastFilter{NamesOnly: p.namesOnly},
			&Cast{Doc: p.docs, Groups: reader.Filter(p.groups, p.filter), Counts: p.counts[names], NamesOnly: p.namesOnly, Selection: p.sel, Density: p.density[names], Query: p.filter},
		),
		p.pictureView(reader.ViewMap, p.pics.Map),
		p.pictureView(reader.ViewNetwork, p.pics.Network),
		card(true),
	)
}

// pictureView draws the view of a picture. The server draws the picture shown as markup, which
// shows before the app has loaded, and any other as text in an inert <script type="text/html">,
// which the browser's parser skips over rather than building thousands of elements the reader may
// never open; the client reads either back (see PicturesFromPage). The client draws a picture from
// the first time it is shown on.
func (p *Page) pictureView(id, html string) app.UI {
	shown := p.view == id
	if p.live && !p.opened[id] {
		html = ""
	}
	var stash app.UI
	if !p.live && !shown && html != "" {
		stash, html = app.Raw(`<script type="text/html" id="`+pictureStashID(id)+`">`+html+`</script>`), ""
	}
	return tabPanel(id, shown).Body(
		&PictureView{ID: id, HTML: html},
		app.If(stash != nil, func() app.UI { return stash }),
	)
}

// skipToCast is the skip link's click: the keyboard focus goes to the cast (see actionSkip), without
// the history entry that go-app's handling of links would add for the fragment.
func skipToCast(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation")
	send(ctx, actionSkip, nil)
}

// oldestName is the name of the entity that leaves when one more is selected, or "" while colours
// are free.
func (p *Page) oldestName() string {
	if !p.sel.Full() {
		return ""
	}
	e, _ := p.rd.Entity(p.sel.Oldest())
	return e.Name
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// highlights returns the generated <style> of the highlights (see css). On the server it is raw, since
// go-app would escape its text; in the browser, where the page is live from the first render, it is a
// text node, which commit changes at once and the next render sets to the same text.
func (p *Page) highlights() app.UI {
	if !p.live {
		return app.Raw(`<style id="` + highlightsID + `">` + p.css() + `</style>`)
	}
	return app.Style().ID(highlightsID).Text(p.css())
}
