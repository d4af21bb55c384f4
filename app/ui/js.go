package ui

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// This file holds all of Dramatis's JavaScript interop. Each helper does a constant amount of work in
// the page: none touches every mention.

// dataElementID is the id of the <script type="application/json"> element that carries the Document in
// the prerendered page.
const dataElementID = "dramatis-data"

// articleElementID is the id of the element that holds the article body. The page's JSON leaves the
// body out, since the prerendered page holds it already.
const articleElementID = "article"

// themeKey is the local storage key under which the reader's choice of theme is remembered.
const themeKey = "dramatis.theme"

// DocumentFromPage decodes the Document that the server prerendered into the page, taking the body's
// HTML from the prerendered #article when the JSON leaves it out. The client calls it before go-app
// replaces the prerendered body.
func DocumentFromPage() (*model.Document, error) {
	el := app.Window().GetElementByID(dataElementID)
	if el == nil || !el.Truthy() {
		return nil, errors.New("the page carries no article data (#" + dataElementID + ")")
	}
	var doc model.Document
	if err := json.Unmarshal([]byte(el.Get("textContent").String()), &doc); err != nil {
		return nil, err
	}
	if doc.HTML == "" {
		body := app.Window().GetElementByID(articleElementID)
		if body == nil || !body.Truthy() {
			return nil, errors.New("the page carries no article body (#" + articleElementID + ")")
		}
		doc.HTML = body.Get("outerHTML").String()
	}
	return &doc, nil
}

// PicturesFromPage reads the pictures that the server prerendered into the page (see Pictures and
// Page.pictureView): the one shown as the element inside its #map or #network, the others as the text
// of their inert <script type="text/html">. A picture the page lacks is "". The client calls it before
// go-app replaces the prerendered body.
func PicturesFromPage() Pictures {
	doc := app.Window().Get("document")
	read := func(id string) string {
		if el := doc.Call("querySelector", "#"+id+" > .picture-body"); el.Truthy() {
			return el.Get("outerHTML").String()
		}
		if el := doc.Call("getElementById", pictureStashID(id)); el.Truthy() {
			return el.Get("textContent").String()
		}
		return ""
	}
	return Pictures{Map: read("map"), Network: read("network")}
}

// pictureStashID is the id of the <script type="text/html"> that holds a picture not shown.
func pictureStashID(id string) string { return "picture-" + id }

// focusedData returns the data-name attribute of the element with the keyboard focus, or "".
func focusedData(name string) string {
	el := app.Window().Get("document").Get("activeElement")
	if !el.Truthy() {
		return ""
	}
	v := el.Call("getAttribute", "data-"+name)
	if !v.Truthy() {
		return ""
	}
	return v.String()
}

// countRender tells the page how often the whole page has rendered, as window.dramatisRenders, for
// the tests and the bench that check that an action renders only what it changes.
func countRender(n int) {
	if app.IsClient {
		app.Window().Set("dramatisRenders", n)
	}
}

// mentionTarget returns the entity of the mention an event happened in and the mention's place among
// that entity's marks, or "" and -1.
func mentionTarget(e app.Event) (string, int) {
	m := e.Get("target").Call("closest", "mark[data-entity]")
	if !m.Truthy() {
		return "", -1
	}
	id := m.Get("dataset").Get("entity").String()
	marks := app.Window().Get("document").Call("querySelectorAll", entityMarks(id))
	n := app.Window().Get("Array").Get("prototype").Get("indexOf").Call("call", marks, m).Int()
	return id, n
}

// dataTarget returns the data-name attribute of the element with one that an event happened in, or "".
func dataTarget(e app.Event, name string) string {
	v, _ := dataAttr(e, name)
	return v
}

// dataAttr returns the data-name attribute of the element with one that an event happened in, and
// whether there is such an element.
func dataAttr(e app.Event, name string) (string, bool) {
	t := e.Get("target").Call("closest", "[data-"+name+"]")
	if !t.Truthy() {
		return "", false
	}
	return t.Call("getAttribute", "data-"+name).String(), true
}

// tickTarget returns the mention index (into Document.Mentions) of the rail tick an event happened
// on, or -1.
func tickTarget(e app.Event) int {
	t := e.Get("target").Call("closest", "[data-i]")
	if !t.Truthy() {
		return -1
	}
	i, err := strconv.Atoi(t.Get("dataset").Get("i").String())
	if err != nil {
		return -1
	}
	return i
}

// entityMarks is the CSS selector of the article's marks of entity id.
func entityMarks(id string) string { return `#article mark[data-entity="` + id + `"]` }

// showMention makes the n-th mark of entity id (counted from 0 among all its marks) the current
// mention: it takes the mark from the previous one, gives it to this one and, when scroll is set,
// scrolls it to the middle of the view, smoothly unless the reader prefers reduced motion. With n < 0
// it only clears the current mention.
func showMention(id string, n int, scroll bool) {
	doc := app.Window().Get("document")
	if prev := doc.Call("querySelector", "#article mark[data-current]"); prev.Truthy() {
		prev.Call("removeAttribute", "data-current")
		prev.Call("removeAttribute", "aria-current")
	}
	if id == "" || n < 0 {
		return
	}
	marks := doc.Call("querySelectorAll", entityMarks(id))
	if n >= marks.Length() {
		return
	}
	m := marks.Index(n)
	m.Call("setAttribute", "data-current", "true")
	m.Call("setAttribute", "aria-current", "true")
	if scroll {
		behavior := "smooth"
		if matches("(prefers-reduced-motion: reduce)") {
			behavior = "auto"
		}
		m.Call("scrollIntoView", map[string]any{"block": "center", "inline": "nearest", "behavior": behavior})
	}
}

// afterPaint dispatches f to the UI goroutine of ctx once the browser has painted its next frame:
// in a task that the frame's requestAnimationFrame callback queues. (That callback is JavaScript's
// own setTimeout, bound to the Go function: calling into Go during the frame would run go-app's
// pending render before the paint.) Like any dispatch, it renders the component of ctx afterwards.
func afterPaint(ctx app.Context, f func(app.Context)) {
	var fn app.Func
	fn = app.FuncOf(func(app.Value, []app.Value) any {
		fn.Release()
		ctx.Dispatch(f)
		return nil
	})
	w := app.Window()
	w.Call("requestAnimationFrame", w.Get("setTimeout").Call("bind", w, fn, 0))
}

// setPressed sets aria-pressed on the cast's button of entity id. Entity IDs are slugs: they need no
// escaping in the selector.
func setPressed(id string, pressed bool) {
	doc := app.Window().Get("document")
	if !doc.Truthy() {
		return
	}
	if b := doc.Call("querySelector", `#cast button[data-entity="`+id+`"]`); b.Truthy() {
		b.Call("setAttribute", "aria-pressed", strconv.FormatBool(pressed))
	}
}

// setClass makes c the class attribute of the element with the given id at once, ahead of the next
// render, which writes the same.
func setClass(id, c string) {
	if el := app.Window().GetElementByID(id); el != nil && el.Truthy() && el.Get("className").String() != c {
		el.Set("className", c)
	}
}

// setStyleText makes css the text of the <style> element with the given id at once, ahead of the
// next render, which writes the same text. It changes the element's text node in place, the node
// go-app renders, and does nothing when the text is css already.
func setStyleText(id, css string) {
	el := app.Window().GetElementByID(id)
	if el == nil || !el.Truthy() || el.Get("textContent").String() == css {
		return
	}
	if t := el.Get("firstChild"); t.Truthy() && t.Get("nodeType").Int() == 3 && !t.Get("nextSibling").Truthy() {
		t.Set("nodeValue", css)
		return
	}
	el.Set("textContent", css)
}

// matches reports whether the media query q matches.
func matches(q string) bool {
	mm := app.Window().Get("matchMedia")
	return mm.Truthy() && app.Window().Call("matchMedia", q).Get("matches").Bool()
}

// isNarrow reports whether the view is narrow enough for the cast panel to be a sheet over the
// article (the breakpoint of app.css).
func isNarrow() bool { return matches("(max-width: 800px)") }

// prefersDark reports whether the system asks for a dark theme.
func prefersDark() bool { return matches("(prefers-color-scheme: dark)") }

// focusElement moves the keyboard focus to the element with the given id, and selects its text when
// it is a text field.
func focusElement(id string) {
	el := app.Window().GetElementByID(id)
	if el == nil || !el.Truthy() {
		return
	}
	el.Call("focus")
	if el.Get("select").Truthy() {
		el.Call("select")
	}
}

// setField makes value the value of the form field with the given id.
func setField(id, value string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("value", value)
	}
}

// clearField empties the text field with the given id.
func clearField(id string) {
	if el := app.Window().GetElementByID(id); el != nil && el.Truthy() {
		el.Set("value", "")
	}
}

// showDialog opens the <dialog> with the given id as a modal dialog.
func showDialog(id string) {
	if d := app.Window().GetElementByID(id); d != nil && d.Truthy() && !d.Get("open").Bool() {
		d.Call("showModal")
	}
}

// closeDialog closes the <dialog> with the given id.
func closeDialog(id string) {
	if d := app.Window().GetElementByID(id); d != nil && d.Truthy() {
		d.Call("close")
	}
}

// currentQuery returns the query string of the page's address, without its "?"; "" where there is
// no page (WebAssembly under Node, in tests).
func currentQuery() string {
	loc := app.Window().Get("location")
	if !loc.Truthy() {
		return ""
	}
	q := loc.Get("search").String()
	if len(q) > 0 && q[0] == '?' {
		q = q[1:]
	}
	return q
}

// setQuery puts query into the page's address: as a new history entry when push is set, in place of
// the current one otherwise. It does nothing when the address holds query already.
func setQuery(query string, push bool) {
	loc := app.Window().Get("location")
	if !loc.Truthy() || query == currentQuery() {
		return // no page (WebAssembly under Node, in tests), or the address holds query already
	}
	u := loc.Get("pathname").String()
	if query != "" {
		u += "?" + query
	}
	u += loc.Get("hash").String()
	method := "replaceState"
	if push {
		method = "pushState"
	}
	app.Window().Get("history").Call(method, nil, "", u)
}

// pageURL returns the page's address.
func pageURL() string { return app.Window().Get("location").Get("href").String() }

// copyText puts text on the clipboard and calls done, on the UI goroutine of ctx, with whether that
// worked. A clipboard that has not answered within five seconds counts as a failure.
func copyText(ctx app.Context, text string, done func(app.Context, bool)) {
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		done(ctx, false)
		return
	}
	settled := false // the browser calls these functions one at a time
	settle := func(result bool) {
		if !settled {
			settled = true
			ctx.Dispatch(func(ctx app.Context) { done(ctx, result) })
		}
	}
	var ok, fail, late app.Func
	answer := func(result bool) app.Func {
		return app.FuncOf(func(app.Value, []app.Value) any {
			settle(result)
			ok.Release() // a promise settles once: neither is called again
			fail.Release()
			return nil
		})
	}
	ok, fail = answer(true), answer(false)
	late = app.FuncOf(func(app.Value, []app.Value) any {
		settle(false)
		late.Release()
		return nil
	})
	clip.Call("writeText", text).Call("then", ok, fail)
	app.Window().Call("setTimeout", late, 5000)
}

// download offers data to the reader as a file with the given name and media type, through a blob:
// address of this origin.
func download(name, mime string, data []byte) {
	w := app.Window()
	buf := w.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(buf, data)
	blob := w.Get("Blob").New([]any{buf}, map[string]any{"type": mime})
	href := w.Get("URL").Call("createObjectURL", blob)
	a := w.Get("document").Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("hidden", true)
	body := w.Get("document").Get("body")
	body.Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke app.Func
	revoke = app.FuncOf(func(app.Value, []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	w.Call("setTimeout", revoke, 60000)
}

// loadTheme returns the theme the reader chose earlier: "light", "dark" or "".
func loadTheme(ctx app.Context) string {
	var theme string
	if err := ctx.LocalStorage().Get(themeKey, &theme); err != nil || (theme != "light" && theme != "dark") {
		return ""
	}
	return theme
}

// saveTheme remembers the reader's choice of theme.
func saveTheme(ctx app.Context, theme string) {
	if err := ctx.LocalStorage().Set(themeKey, theme); err != nil {
		app.Log("dramatis: the theme could not be saved:", err)
	}
}

// key is a key press as the page's shortcuts see it.
type key struct {
	Key    string // KeyboardEvent.key
	Typing bool   // the focus is in a text field
	Dialog bool   // a modal dialog is open
}

// onKey calls handle for every key press without Ctrl, Alt or Meta anywhere in the page. When handle
// returns true, the press is the page's: its default action is cancelled at once, and run is
// dispatched on the UI goroutine of ctx. It returns the function that stops listening.
func onKey(ctx app.Context, handle func(key) (run func(app.Context), ok bool)) func() {
	fn := app.FuncOf(func(_ app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("ctrlKey").Bool() || e.Get("altKey").Bool() || e.Get("metaKey").Bool() || e.Get("isComposing").Bool() {
			return nil
		}
		t := e.Get("target")
		k := key{
			Key:    e.Get("key").String(),
			Typing: t.Truthy() && t.Get("matches").Truthy() && t.Call("matches", "input, textarea, select, [contenteditable]").Bool(),
			Dialog: app.Window().Get("document").Call("querySelector", "dialog[open]").Truthy(),
		}
		run, ok := handle(k)
		if !ok {
			return nil
		}
		e.Call("preventDefault")
		ctx.Dispatch(run)
		return nil
	})
	w := app.Window()
	w.Call("addEventListener", "keydown", fn)
	return func() {
		w.Call("removeEventListener", "keydown", fn)
		fn.Release()
	}
}

// onPopState calls f on the UI goroutine of ctx whenever the reader moves through the history with
// back or forward. It returns the function that stops listening.
func onPopState(ctx app.Context, f func(app.Context)) func() {
	fn := app.FuncOf(func(app.Value, []app.Value) any {
		ctx.Dispatch(f)
		return nil
	})
	w := app.Window()
	w.Call("addEventListener", "popstate", fn)
	return func() {
		w.Call("removeEventListener", "popstate", fn)
		fn.Release()
	}
}

// onWorkerUpdate calls found on the UI goroutine of ctx once a newer version of the service worker
// is active while an older one controls this page. go-app learns of an update from the registration's
// "updatefound" event, which it listens for only once its script has run; a browser that finds the
// update sooner, as it may while reloading, fires that event unheard. So this looks at the
// registration when the page starts: a newer worker already active, or one installing or waiting,
// which it follows until it is active.
func onWorkerUpdate(ctx app.Context, found func(app.Context)) {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() || !sw.Get("controller").Truthy() {
		return
	}
	var got app.Func
	got = app.FuncOf(func(_ app.Value, args []app.Value) any {
		got.Release()
		if len(args) == 0 || !args[0].Truthy() {
			return nil
		}
		reg, controller := args[0], sw.Get("controller")
		if active := reg.Get("active"); active.Truthy() && !active.Equal(controller) {
			ctx.Dispatch(found)
			return nil
		}
		for _, w := range []app.Value{reg.Get("installing"), reg.Get("waiting")} {
			if !w.Truthy() {
				continue
			}
			var change app.Func
			change = app.FuncOf(func(app.Value, []app.Value) any {
				if w.Get("state").String() == "activated" {
					change.Release()
					ctx.Dispatch(found)
				}
				return nil
			})
			w.Call("addEventListener", "statechange", change)
		}
		return nil
	})
	sw.Call("getRegistration").Call("then", got)
}

// rove moves the keyboard focus among the items of a composite widget (the cast, the article's
// mentions) that holds one tab stop: the item with tabindex 0, the others -1 or none. On ArrowDown or
// ArrowRight it goes to the next item of the event's current target that matches items, on ArrowUp
// or ArrowLeft to the previous one, on Home and End to the first and the last; with any other key it
// does nothing. It reports whether it moved, having cancelled the key's default (a scroll).
func rove(e app.Event, items, key string) bool {
	delta := map[string]int{"ArrowDown": 1, "ArrowRight": 1, "ArrowUp": -1, "ArrowLeft": -1, "Home": -1 << 30, "End": 1 << 30}[key]
	if delta == 0 {
		return false
	}
	list := e.Get("currentTarget").Call("querySelectorAll", items)
	n := list.Length()
	if n == 0 {
		return false
	}
	item := e.Get("target").Call("closest", items)
	i := app.Window().Get("Array").Get("prototype").Get("indexOf").Call("call", list, item).Int()
	if i < 0 {
		return false
	}
	e.PreventDefault()
	makeStop(list.Index(min(max(i+delta, 0), n-1)), true)
	return true
}

// makeStop makes el the tab stop of its widget (see rove), taking it from the one before, and moves
// the keyboard focus to it when focus is set.
func makeStop(el app.Value, focus bool) {
	if !el.Truthy() {
		return
	}
	if w := el.Get("parentElement").Call("closest", "[data-roving]"); w.Truthy() {
		if old := w.Call("querySelector", `[tabindex="0"]`); old.Truthy() && !old.Equal(el) {
			old.Call("setAttribute", "tabindex", "-1")
		}
	}
	el.Call("setAttribute", "tabindex", "0")
	if focus {
		el.Call("focus")
	}
}

// stopAt makes the item (matching items) that an event happened in the tab stop of its widget, so
// that Tab comes back to where the reader clicked.
func stopAt(e app.Event, items string) { makeStop(e.Get("target").Call("closest", items), false) }

// firstStop makes the first element matching sel the tab stop of its widget when the widget has none.
func firstStop(widget, sel string) {
	doc := app.Window().Get("document")
	if w := doc.Call("querySelector", widget); w.Truthy() && !w.Call("querySelector", `[tabindex="0"]`).Truthy() {
		if el := w.Call("querySelector", sel); el.Truthy() {
			el.Call("setAttribute", "tabindex", "0")
		}
	}
}

// focusStop moves the keyboard focus to the tab stop of the widget sel.
func focusStop(sel string) {
	if el := app.Window().Get("document").Call("querySelector", sel+` [tabindex="0"]`); el.Truthy() {
		el.Call("focus")
	}
}

// focusFirst moves the keyboard focus to the first element that matches one of sels, in their order.
func focusFirst(sels ...string) {
	doc := app.Window().Get("document")
	for _, sel := range sels {
		if el := doc.Call("querySelector", sel); el.Truthy() {
			el.Call("focus")
			return
		}
	}
}

// box is an element's place in the view, in CSS pixels, with the view's size and how far the page
// is scrolled.
type box struct{ Left, Top, Bottom, ViewWidth, ViewHeight, ScrollX, ScrollY float64 }

// targetBox returns the place of the element matching sel that an event happened in, and whether
// there is one.
func targetBox(e app.Event, sel string) (box, bool) {
	el := e.Get("target")
	if !el.Truthy() || !el.Get("closest").Truthy() {
		return box{}, false
	}
	if el = el.Call("closest", sel); !el.Truthy() {
		return box{}, false
	}
	r, w := el.Call("getBoundingClientRect"), app.Window()
	return box{r.Get("left").Float(), r.Get("top").Float(), r.Get("bottom").Float(),
		w.Get("innerWidth").Float(), w.Get("innerHeight").Float(), w.Get("scrollX").Float(), w.Get("scrollY").Float()}, true
}

// leavesFor reports whether a mouseout or focusout event moves into the element matching sel.
func leavesFor(e app.Event, sel string) bool {
	to := e.Get("relatedTarget")
	return to.Truthy() && to.Get("closest").Truthy() && to.Call("closest", sel).Truthy()
}

// fractionDown returns where in the height of the event's current target the event happened, from 0
// (top) to 1 (bottom).
func fractionDown(e app.Event) float64 {
	r := e.Get("currentTarget").Call("getBoundingClientRect")
	h := r.Get("height").Float()
	if h <= 0 {
		return 0
	}
	return min(max((e.Get("clientY").Float()-r.Get("top").Float())/h, 0), 1)
}

// topOf returns the top of the element with data-entity id in the cast, in the view, or NaN.
func topOf(id string) float64 {
	el := app.Window().Get("document").Call("querySelector", `#cast [data-entity="`+id+`"]`)
	if !el.Truthy() {
		return math.NaN()
	}
	return el.Call("getBoundingClientRect").Get("top").Float()
}

// keepTop scrolls the cast panel so that the cast's entry of id is back at top, where it was before a
// change above it (a legend entry, the card) moved it.
func keepTop(id string, top float64) {
	now := topOf(id)
	if math.IsNaN(now) || math.IsNaN(top) || now == top {
		return
	}
	if panel := app.Window().GetElementByID("panel"); panel.Truthy() {
		panel.Set("scrollTop", panel.Get("scrollTop").Float()+now-top)
	}
}

// engineLink is the page's connection to the engine's worker, web/engine.js, which keeps the library
// of opened articles and opens and edits them (see app/engine). The worker starts on the first
// request: a reader of the bundled article never starts it.
type engineLink struct {
	worker  app.Value
	next    int
	waiting map[int]func(app.Context, *answer)
	funcs   []app.Func
}

// ask posts a request (op and its fields) to the engine's worker and calls done with its answer, on
// the UI goroutine of ctx, which then renders the page. The worker answers {req, json, html, map,
// network}: the answer as JSON, which carries the article's view as the worker stored it, and the
// view's large strings as they are.
func (l *engineLink) ask(ctx app.Context, op string, fields map[string]any, done func(app.Context, *answer)) {
	w := app.Window()
	if l.worker == nil {
		l.waiting = map[int]func(app.Context, *answer){}
		l.worker = w.Get("Worker").New(webURL("engine.js"))
		reply := func(req int, a *answer) {
			ctx.Dispatch(func(ctx app.Context) {
				for id, done := range l.waiting {
					if req == id || req < 0 {
						delete(l.waiting, id)
						done(ctx, a)
					}
				}
			})
		}
		l.funcs = append(l.funcs, app.FuncOf(func(_ app.Value, args []app.Value) any {
			data, a := args[0].Get("data"), &answer{}
			if err := json.Unmarshal([]byte(data.Get("json").String()), a); err != nil {
				a.Error = "The engine’s answer could not be read (" + err.Error() + ")."
			}
			if v := a.View; v != nil && v.Doc != nil {
				v.Doc.HTML, v.Map, v.Network = data.Get("html").String(), data.Get("map").String(), data.Get("network").String()
			}
			// The page shows the answer in a task of its own, after this one's decoding.
			var later app.Func
			later = app.FuncOf(func(app.Value, []app.Value) any {
				later.Release()
				reply(data.Get("req").Int(), a)
				return nil
			})
			app.Window().Call("setTimeout", later, 0)
			return nil
		}), app.FuncOf(func(app.Value, []app.Value) any {
			// The worker's script failed to load or to run: every request waiting fails.
			reply(-1, &answer{Error: "The engine could not be started. Reload the page, online, and try again."})
			return nil
		}))
		l.worker.Set("onmessage", l.funcs[0])
		l.worker.Set("onerror", l.funcs[1])
	}
	l.next++
	msg := w.Get("Object").New()
	for k, v := range fields {
		msg.Set(k, v)
	}
	msg.Set("op", op)
	msg.Set("req", l.next)
	l.waiting[l.next] = done
	l.worker.Call("postMessage", msg)
}

// webURL is the address of a file of the web directory: beside early.js, which every page loads,
// whatever path the site is served under.
func webURL(name string) string {
	s := app.Window().Get("document").Call("querySelector", `script[src*="web/early.js"]`)
	if !s.Truthy() {
		return "/web/" + name
	}
	src := s.Get("src").String()
	return src[:strings.LastIndex(src, "/")+1] + name
}

// showAddForm shows the form that adds name to the cast, with the keyboard focus in its name field,
// or hides it.
func showAddForm(show bool, name string) {
	form, field := app.Window().GetElementByID("add-form"), app.Window().GetElementByID("add-name")
	if !form.Truthy() || !field.Truthy() {
		return
	}
	form.Set("hidden", !show)
	app.Window().GetElementByID("adding").Call("setAttribute", "aria-expanded", strconv.FormatBool(show))
	if show {
		field.Set("value", name)
		field.Call("focus")
	}
}

// chosenFile returns the file picked in the file field of an event, and its name and size in bytes,
// or a value that is not truthy.
func chosenFile(e app.Event) (file app.Value, name string, size int) {
	files := e.Get("target").Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return app.Undefined(), "", 0
	}
	f := files.Index(0)
	e.Get("target").Set("value", "") // the same file can be picked again
	return f, f.Get("name").String(), f.Get("size").Int()
}

// fieldValue returns the value of the form field with the given id, or "".
func fieldValue(id string) string {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		return el.Get("value").String()
	}
	return ""
}

// articleSelection returns the text the reader selected in the article, or "".
func articleSelection() string {
	sel := app.Window().Call("getSelection")
	if !sel.Truthy() || sel.Get("rangeCount").Int() == 0 {
		return ""
	}
	node := sel.Get("anchorNode")
	if node.Truthy() && node.Get("nodeType").Int() != 1 {
		node = node.Get("parentElement")
	}
	if !node.Truthy() || !node.Call("closest", "#"+articleElementID).Truthy() {
		return ""
	}
	return strings.TrimSpace(sel.Call("toString").String())
}

// onDrop calls f with each file dropped on the page, and shows where it can go while one is dragged
// over the page (data-drop on <html>, which app.css shows).
func onDrop(ctx app.Context, f func(ctx app.Context, file app.Value, name string, size int)) func() {
	doc := app.Window().Get("document")
	root := doc.Get("documentElement")
	events := []string{"dragover", "dragleave", "drop"}
	h := app.FuncOf(func(_ app.Value, args []app.Value) any {
		e, dt := args[0], args[0].Get("dataTransfer")
		if !dt.Truthy() || !dt.Get("types").Call("includes", "Files").Bool() {
			return nil
		}
		root.Call("removeAttribute", "data-drop")
		switch e.Get("type").String() {
		case "dragover":
			root.Call("setAttribute", "data-drop", "true")
		case "drop":
			if list := dt.Get("files"); list.Length() > 0 {
				file := list.Index(0)
				ctx.Dispatch(func(ctx app.Context) { f(ctx, file, file.Get("name").String(), file.Get("size").Int()) })
			}
		default:
			return nil // dragleave
		}
		e.Call("preventDefault")
		return nil
	})
	for _, name := range events {
		doc.Call("addEventListener", name, h)
	}
	return func() {
		for _, name := range events {
			doc.Call("removeEventListener", name, h)
		}
		h.Release()
	}
}

// setTitle makes s the page's title.
func setTitle(s string) { app.Window().Get("document").Set("title", s) }

// doneOpening removes the mark of early.js that hides the bundled article while the page waits for
// the opened article its address names (data-opening on <html>).
func doneOpening() {
	app.Window().Get("document").Get("documentElement").Call("removeAttribute", "data-opening")
}
