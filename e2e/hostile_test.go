package e2e

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The hostile content, testdata/hostile: an article with raw script, event handlers, iframes and
// javascript: and data: links, and a catalogue whose names, roles and aliases carry markup, quotes
// and script. Every payload that ran would set window.__pwned or open a dialog.
var (
	hostileIDs = []string{"ruritania", "graustark", "black-michael", "rupert", "quote", "red-elphberg-society"}

	// hostileNames are the names the panel must show as they are, by id.
	hostileNames = map[string]string{
		"black-michael": `Black Michael <script>alert(1)</script>`,
		"rupert":        `Rupert" autofocus onfocus=window.__pwned=1,alert(3) x="`,
		"quote":         `Mr. "Quote"`,
	}
	// hostileRoles are roles the panel buttons must carry as their title, by id.
	hostileRoles = map[string]string{
		"ruritania":            `<script>window.__pwned=1;alert(1)</script> kingdom`,
		"graustark":            `"><img src=x onerror=window.__pwned=1,alert(1)>`,
		"black-michael":        `Duke of Strelsau" autofocus onfocus=window.__pwned=1,alert(2) x="`,
		"red-elphberg-society": `' onfocus='alert(1)' autofocus='`,
	}
	hostileTitle = `The Hostile Herald </title><script>window.__pwned=1;alert(1)</script> " autofocus onfocus=window.__pwned=1,alert(4) x="`
	// hostileDocTitle is how the window title shows it: go-app writes the title both as text and as
	// an attribute, so straight double quotes become typographic ones there.
	hostileDocTitle = `The Hostile Herald </title><script>window.__pwned=1;alert(1)</script> “ autofocus onfocus=window.__pwned=1,alert(4) x=”`
)

// hostileQuery is a query string whose values are markup and script: it may select graustark, the
// one real id in it, and must do nothing else.
var hostileQuery = "?e=" + url.QueryEscape(`graustark,<script>window.__pwned=1;alert(1)</script>,"><img src=x onerror=alert(1)>`) +
	"&f=" + url.QueryEscape(`" autofocus onfocus=alert(1) x="`) +
	"&m=" + url.QueryEscape(`"><img src=x onerror=alert(1)>`) +
	"&t=%3Csvg%20onload%3Dalert(1)%3E&forms=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"

// injectedJS lists what in a document could run script or was injected by markup breaking out of
// an attribute: event handler or autofocus attributes, attribute names no markup writer produces,
// script-bearing elements, images from anywhere but the app's own /web/ (the article's images have
// an empty src, their URLs being neutralised), script URLs, and inline scripts that carry a payload;
// <svg> is allowed only as the panel's pictures. It is a function of the document, so that it checks both the live page and the
// prerendered HTML parsed without running it.
const injectedJS = `(doc) => {
	const bad = [];
	for (const el of doc.querySelectorAll('*')) {
		const tag = el.tagName.toLowerCase();
		for (const a of el.attributes) {
			const n = a.name.toLowerCase();
			if (n.startsWith('on') || n === 'autofocus' || !/^[a-z][a-z0-9-]*$/.test(n)) {
				bad.push(tag + ' has the attribute ' + n + '=' + JSON.stringify(a.value));
			}
			if (['href', 'src', 'action', 'formaction', 'data'].includes(n) &&
				/^[\x00-\x20]*(javascript|vbscript|data):/i.test(a.value) &&
				!/^data:image\/(png|gif|jpeg|webp)[;,]/i.test(a.value)) {
				bad.push(tag + ' links to ' + JSON.stringify(a.value));
			}
		}
		// The panel's pictures are SVG that Dramatis draws, with every name escaped; an <svg> anywhere
		// else came from the content. (The attribute checks above hold in the pictures too.)
		const picture = tag === 'svg' && el.closest('#map > .picture-body, #network > .picture-body');
		if (['iframe', 'frame', 'object', 'embed', 'svg', 'math', 'base'].includes(tag) && !picture) {
			bad.push('a <' + tag + '> element');
		}
		const src = el.getAttribute('src');
		if (tag === 'img' && src !== '' && !src.startsWith('/web/')) {
			bad.push('an image ' + el.outerHTML.slice(0, 120));
		}
		// Data blocks (the page's JSON, the pictures not shown as text/html) never run.
		if (tag === 'script' && !el.src && /__pwned|alert\(/.test(el.textContent) && !['application/json', 'text/html'].includes(el.type)) {
			bad.push('a script ' + el.textContent.slice(0, 120));
		}
	}
	return bad;
}`

// dialogWatch records every JavaScript dialog that the page opens, and dismisses it so that the
// page does not block.
type dialogWatch struct {
	mu   sync.Mutex
	seen []string
}

// watchDialogs starts recording the dialogs of b's tab.
func (b *browser) watchDialogs() *dialogWatch {
	w := &dialogWatch{}
	events := chromedp.Events(b.ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			w.mu.Lock()
			w.seen = append(w.seen, fmt.Sprintf("%s(%q) at %s", ev.Type, ev.Message, ev.URL))
			w.mu.Unlock()
			_, _ = chromedp.Call(b.ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return w
}

func (w *dialogWatch) dialogs() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.seen...)
}

// TestHostileContent serves testdata/hostile and checks that none of its payloads runs, in the
// prerendered HTML or in the live app, with or without a hostile query string; that the panel shows
// the names and roles as text; and that the page still works.
func TestHostileContent(t *testing.T) {
	e := setupEnv(t)
	h := startExtraServer(t, e, "-content", filepath.Join(e.RepoRoot, "testdata", "hostile"))

	b := newBrowser(t, h)
	dialogs := b.watchDialogs()

	// The live page.
	b.open("/")
	b.waitLive()
	b.checkInert("/")

	// The prerendered pages, parsed without running them, as a reader without JavaScript or a
	// search engine gets them. A selection in the address is prerendered too.
	for _, p := range []string{"/", "/?e=rupert,black-michael,quote", hostileQuery} {
		html := httpGet(t, h, p)
		expr := fmt.Sprintf(`(%s)(new DOMParser().parseFromString(%s, 'text/html'))`, injectedJS, jsString(html))
		if bad := mustEvaluate[[]string](b, expr); len(bad) > 0 {
			t.Errorf("the prerendered page %s holds injected markup:\n  %s", p, strings.Join(bad, "\n  "))
		}
	}
	st, err := readPageState(b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, btn := range st.Buttons {
		got = append(got, btn.Entity)
	}
	if err := compareIDs(got, hostileIDs); err != nil {
		t.Errorf("the panel: %v", err)
	}
	type live struct {
		Title   string            `json:"title"`
		Heading string            `json:"heading"`
		Names   map[string]string `json:"names"`
		Roles   map[string]string `json:"roles"`
	}
	l := mustEvaluate[live](b, `(() => {
		const names = {}, roles = {};
		for (const btn of document.querySelectorAll('#cast button[data-entity]')) {
			const n = btn.querySelector('.name');
			names[btn.dataset.entity] = n ? n.textContent : btn.textContent;
			roles[btn.dataset.entity] = btn.getAttribute('title') || '';
		}
		const h1 = document.querySelector('h1');
		return {title: document.title, heading: h1 ? h1.textContent : '', names, roles};
	})()`)
	if !strings.HasPrefix(l.Title, hostileDocTitle) {
		t.Errorf("document.title = %q, want it to start with %q", l.Title, hostileDocTitle)
	}
	if l.Heading != hostileTitle {
		t.Errorf("the heading reads %q, want %q", l.Heading, hostileTitle)
	}
	for id, want := range hostileNames {
		if got := strings.TrimSpace(l.Names[id]); got != want {
			t.Errorf("the panel shows %q as %q, want the text %q", id, got, want)
		}
	}
	for id, want := range hostileRoles {
		if got := l.Roles[id]; got != want {
			t.Errorf("the panel button of %q has the title %q, want the role %q", id, got, want)
		}
	}

	// The page works: select from the panel, then from the article, then clear.
	b.click(buttonSelector("black-michael"))
	b.waitSelection([]string{"black-michael"})
	b.click(buttonSelector("rupert"))
	b.waitSelection([]string{"black-michael", "rupert"})
	b.click(`#article mark[data-entity="quote"]`)
	b.waitSelection([]string{"black-michael", "rupert", "quote"})
	b.checkInert("/ with three selected")
	b.click("#clear")
	b.waitSelection(nil)

	// A hostile query string changes nothing but the selection: at most graustark is selected.
	b.open(hostileQuery)
	b.waitLive()
	b.checkInert(hostileQuery)
	var pressed []string
	b.eventually("the page settles on the hostile query", settleTimeout, func() error {
		st, err := readPageState(b)
		if err != nil {
			return err
		}
		pressed = nil
		for _, btn := range st.Buttons {
			if btn.Pressed != nil && *btn.Pressed == "true" {
				pressed = append(pressed, btn.Entity)
			}
		}
		if len(st.Buttons) != len(hostileIDs) {
			return fmt.Errorf("the panel has %d buttons, want %d", len(st.Buttons), len(hostileIDs))
		}
		if len(pressed) > 1 || len(pressed) == 1 && pressed[0] != "graustark" {
			return fmt.Errorf("the hostile query selected %q, want graustark at most", pressed)
		}
		return nil
	})
	t.Logf("the hostile query selected %q", pressed)
	if !slices.Contains(pressed, "graustark") {
		b.click(buttonSelector("graustark"))
	}
	b.waitSelection([]string{"graustark"})

	if d := dialogs.dialogs(); len(d) > 0 {
		t.Errorf("the page opened %d dialog(s):\n  %s", len(d), strings.Join(d, "\n  "))
	}
	b.assertClean()

	// The watch itself works: a dialog the test opens is seen.
	b.do("opening a probe dialog", chromedp.Evaluate[chromedp.Void](`setTimeout(() => alert('probe'), 0)`))
	b.eventually("the probe dialog is seen", settleTimeout, func() error {
		if d := dialogs.dialogs(); len(d) == 0 || !strings.Contains(d[len(d)-1], `"probe"`) {
			return fmt.Errorf("dialogs seen: %q", d)
		}
		return nil
	})
}

// checkInert fails the test when the live page ran a payload or holds injected markup.
func (b *browser) checkInert(where string) {
	b.t.Helper()
	// Give a payload that waits for an event or a timer the chance to run.
	time.Sleep(300 * time.Millisecond)
	if pwned := mustEvaluate[string](b, `typeof window.__pwned`); pwned != "undefined" {
		b.t.Errorf("%s: a payload ran: window.__pwned is %s", where, pwned)
	}
	if bad := mustEvaluate[[]string](b, `(`+injectedJS+`)(document)`); len(bad) > 0 {
		b.t.Errorf("%s: the live page holds injected markup:\n  %s", where, strings.Join(bad, "\n  "))
	}
}

// jsString returns s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
