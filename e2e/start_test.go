package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// renders reads how often the whole page has rendered in the browser (window.dramatisRenders), once
// what a change left for after the next paint has run: the page renders the rest of a change in a
// task that a frame's callback queues (afterPaint), so this waits for two frames and those tasks.
func renders(b *browser) int {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
		setTimeout(() => setTimeout(() => done(window.dramatisRenders || 0), 20), 0))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("reading the render count: %v", err)
	}
	return n
}

// TestNoNeedlessRenders checks that what changes nothing go-app draws renders nothing: showing the
// shortcuts, their Close, Escape with nothing selected, and a focus on the entity already in focus.
// Each runs before an action that does render, a selection, whose renders are counted first: go-app
// handles actions in order, so once the selection shows, the ones before it have run.
func TestNoNeedlessRenders(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.open("/")
	b.waitLive()

	// What one selection and one clearing cost, counted.
	r0 := renders(b)
	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	perSelect := renders(b) - r0
	b.blur()
	b.press(kb.Escape)
	b.waitSelection(nil)
	r1 := renders(b)
	if perSelect < 1 {
		t.Fatalf("a selection rendered the page %d times; the counter does not count", perSelect)
	}

	// Escape with nothing selected, the shortcuts and their Close, then a selection.
	b.press(kb.Escape)
	b.press("?")
	b.eventually("the shortcuts open", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.getElementById('shortcuts').open`) {
			return fmt.Errorf("the dialog is closed")
		}
		return nil
	})
	b.click("#shortcuts-close")
	b.eventually("the shortcuts closed", settleTimeout, func() error {
		if mustEvaluate[bool](b, `document.getElementById('shortcuts').open`) {
			return fmt.Errorf("the dialog is open")
		}
		return nil
	})
	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	if got := renders(b) - r1; got != perSelect {
		t.Errorf("Escape with nothing selected, the shortcuts and Close, then a selection rendered the page %d times; the selection alone renders it %d", got, perSelect)
	}

	// A focus on the entity in focus already (its legend entry), then another selection.
	r2 := renders(b)
	b.click(`#legend li[data-entity="` + ramaID + `"] .legend-text`)
	b.click(buttonSelector(alID))
	b.waitSelection([]string{ramaID, alID})
	if got := renders(b) - r2; got != perSelect {
		t.Errorf("a focus on the entity in focus, then a selection, rendered the page %d times; a selection alone renders it %d", got, perSelect)
	}
	b.assertClean()
}

// TestEarlyInput holds app.wasm back, clicks a prerendered cast entry and presses j before the app is
// live, and checks that the entry shows it was heard (pending) and that both take effect, in order,
// once the app is live: Edi Rama selected, then his first mention current.
func TestEarlyInput(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	release := b.openHoldingWasm("/")

	b.click(buttonSelector(ramaID))
	b.press("j")
	type early struct {
		Live, Pending, Pressed string
	}
	got := mustEvaluate[early](b, `(() => {
		const btn = document.querySelector('#cast button[data-entity="edi-rama"]');
		return {Live: document.querySelector('#dramatis').getAttribute('data-live') || '',
			Pending: btn.getAttribute('data-pending') || '', Pressed: btn.getAttribute('aria-pressed')};
	})()`)
	if got.Live == "true" || got.Pending != "true" || got.Pressed != "false" {
		t.Fatalf("before the app is live: live %q, the entry pending %q and pressed %q; want not live, pending, not pressed yet", got.Live, got.Pending, got.Pressed)
	}
	b.screenshot(filepath.Join(os.TempDir(), "early-pending.png"))

	release()
	b.waitLive()
	b.waitSelection([]string{ramaID})
	n := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), ramaID)
	b.waitReader("the early j, after the early click", atMention(ramaID, "Edi Rama", 0, n))
	if left := mustEvaluate[int](b, `document.querySelectorAll('[data-pending]').length`); left != 0 {
		t.Errorf("%d elements still show as pending once the app is live", left)
	}
	b.assertClean()
}

// TestCardRelated: a co-mention on the card adds its entity to the selection and puts it in focus, as
// the README says, and the keyboard focus stays on the card.
func TestCardRelated(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.open("/?e=edi-rama")
	b.waitLive()
	b.waitSelection([]string{ramaID})
	other := mustEvaluate[string](b, `document.querySelector('#card button.related').dataset.related`)
	b.click(`#card button.related[data-related="` + other + `"]`)
	b.waitSelection([]string{ramaID, other})
	b.eventually("the card of "+other+" with the keyboard focus", settleTimeout, func() error {
		type st struct{ Focus, Name string }
		s := mustEvaluate[st](b, `({Focus: document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : '',
			Name: (document.querySelector('#card-name') || {}).textContent || ''})`)
		if s.Focus != "card-name" {
			return fmt.Errorf("the keyboard focus is on %q, the card shows %q", s.Focus, s.Name)
		}
		return nil
	})
	if f := mustEvaluate[string](b, `new URLSearchParams(location.search).get('e') || ''`); f != ramaID+","+other {
		t.Errorf("the address selects %q, want %s,%s", f, ramaID, other)
	}
	b.assertClean()
}

// openHoldingWasm opens path with the request for app.wasm held back, so that the test sees the
// prerendered page before the app runs; the function it returns lets app.wasm through.
func (b *browser) openHoldingWasm(path string) (release func()) {
	b.t.Helper()
	paused := chromedp.Events(b.ctx, fetch.RequestPaused)
	held := make(chan fetch.RequestID, 8)
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			held <- ev.RequestID
		}
	}()
	b.do("holding back app.wasm", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*app.wasm*"}}})
		return err
	}))
	b.open(path)
	var wasm fetch.RequestID
	select {
	case wasm = <-held:
	case <-time.After(30 * time.Second):
		b.t.Fatal("the page never asked for app.wasm")
	}
	return func() {
		b.t.Helper()
		b.do("letting app.wasm through", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: wasm}); err != nil {
				return err
			}
			_, err := chromedp.Call(ctx, fetch.Disable, cdp.Empty{})
			return err
		}))
	}
}
