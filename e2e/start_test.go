package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
)

// renders reads how often the whole page has rendered in the browser (window.dramatisRenders).
func renders(b *browser) int {
	b.t.Helper()
	return mustEvaluate[int](b, `window.dramatisRenders || 0`)
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
