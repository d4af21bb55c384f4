package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests of this file check how the page looks and reads: the themes, a phone's screen, the
// accessibility rules of axe-core, and the screenshots of the README.

// emulateMediaAction makes the page match a media feature.
func emulateMediaAction(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: name, Value: value}},
		})
		return err
	})
}

// themeState is how the page shows its theme.
type themeState struct {
	Theme   string `json:"theme"`   // data-theme of #dramatis
	Pressed string `json:"pressed"` // aria-pressed of #theme
	Paper   string `json:"paper"`   // the computed background of <html>
	Stored  string `json:"stored"`  // what local storage remembers
}

const themeStateJS = `({
	theme: document.querySelector('#dramatis').getAttribute('data-theme'),
	pressed: document.querySelector('#theme').getAttribute('aria-pressed'),
	paper: getComputedStyle(document.documentElement).backgroundColor,
	stored: localStorage.getItem('dramatis.theme') || '',
})`

const (
	lightPaper = "rgb(251, 250, 247)"
	darkPaper  = "rgb(23, 24, 28)"
)

// waitTheme waits until the page shows the theme named by want ("light" or "dark") with the given
// state of the switch.
func (b *browser) waitTheme(want, pressed string) themeState {
	b.t.Helper()
	paper := map[string]string{"light": lightPaper, "dark": darkPaper}[want]
	var st themeState
	b.eventually("the "+want+" theme", settleTimeout, func() error {
		var err error
		if st, err = evaluate[themeState](b, themeStateJS); err != nil {
			return err
		}
		if st.Paper != paper || st.Pressed != pressed {
			return fmt.Errorf("paper %s (want %s), #theme aria-pressed %q (want %q), data-theme %q", st.Paper, paper, st.Pressed, pressed, st.Theme)
		}
		return nil
	})
	return st
}

// TestDarkTheme switches to the dark theme, which is remembered, checks the highlight colours in it,
// and follows the system's preference when the reader made no choice.
func TestDarkTheme(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.emulateMedia("prefers-color-scheme", "light")
	b.open("/?e=" + ramaID)
	b.waitLive()
	b.waitTheme("light", "false")
	_, light := b.waitSelection([]string{ramaID})

	b.click("#theme")
	st := b.waitTheme("dark", "true")
	if st.Theme != "dark" || st.Stored != `"dark"` {
		t.Errorf("data-theme %q, stored %q; want dark, remembered", st.Theme, st.Stored)
	}
	_, dark := b.waitSelection([]string{ramaID})
	if dark[ramaID] == light[ramaID] {
		t.Errorf("Rama is highlighted %s in both themes", dark[ramaID])
	}
	if dark[ramaID] != "rgb(110, 68, 0)" {
		t.Errorf("Rama is highlighted %s in the dark theme, want the dark orange rgb(110, 68, 0)", dark[ramaID])
	}
	if ink := mustEvaluate[string](b, `getComputedStyle(document.querySelector('#article > p')).color`); ink != "rgb(236, 233, 226)" {
		t.Errorf("the dark theme's text is %s", ink)
	}

	// Remembered on the next visit.
	b.open("/")
	b.waitLive()
	b.waitTheme("dark", "true")
	b.click("#theme")
	st = b.waitTheme("light", "false")
	if st.Stored != `"light"` {
		t.Errorf("stored %q after switching back, want \"light\"", st.Stored)
	}
	b.assertClean()

	// A new reader whose system prefers dark gets the dark theme, and can switch.
	b2 := newBrowser(t, e)
	b2.emulateMedia("prefers-color-scheme", "dark")
	b2.open("/")
	b2.waitLive()
	st = b2.waitTheme("dark", "true")
	if st.Theme != "auto" {
		t.Errorf("data-theme %q with no choice, want auto", st.Theme)
	}
	b2.click("#theme")
	b2.waitTheme("light", "false")
	b2.assertClean()
}

// TestMobile reads the article on a 360×740 screen: nothing overflows, the cast is a sheet that opens
// over the article, every control is at least 44px, and the navigator stays at the bottom.
func TestMobile(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(360, 740)
	b.open("/")
	b.waitLive()

	type layout struct {
		ScrollWidth int      `json:"scrollWidth"`
		Overflow    []string `json:"overflow"`
		PanelShown  bool     `json:"panelShown"`
		PanelTop    float64  `json:"panelTop"`
		PanelBottom float64  `json:"panelBottom"`
		NavTop      float64  `json:"navTop"`
		NavBottom   float64  `json:"navBottom"`
		Moving      int      `json:"moving"`
		Small       []string `json:"small"`
		Expanded    string   `json:"expanded"`
	}
	const layoutJS = `(() => {
		const vw = document.documentElement.clientWidth, vh = innerHeight;
		const visible = el => { const cs = getComputedStyle(el); const r = el.getBoundingClientRect();
			return cs.visibility !== 'hidden' && cs.display !== 'none' && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh; };
		const overflow = [];
		for (const el of document.querySelectorAll('#dramatis *')) {
			const r = el.getBoundingClientRect();
			if (visible(el) && (r.right > vw + 0.5 || r.left < -0.5) && !el.closest('.visually-hidden'))
				overflow.push(el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
		}
		const small = [];
		for (const el of document.querySelectorAll('#dramatis button, #dramatis input')) {
			if (!visible(el)) continue;
			const r = el.getBoundingClientRect();
			if (r.height < 43.5 || r.width < 43.5) small.push((el.id || el.className || el.tagName) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
		}
		const panel = document.querySelector('#panel'), nav = document.querySelector('#navigator');
		return {
			scrollWidth: document.documentElement.scrollWidth, overflow: overflow.slice(0, 10),
			panelShown: visible(panel), panelTop: panel.getBoundingClientRect().top, panelBottom: panel.getBoundingClientRect().bottom,
			navTop: nav.getBoundingClientRect().top, navBottom: nav.getBoundingClientRect().bottom, small: small.slice(0, 10),
			moving: document.getAnimations().filter(a => a.playState === 'running').length,
			expanded: document.querySelector('#sheet-toggle').getAttribute('aria-expanded'),
		};
	})()`
	check := func(what string, sheet bool) layout {
		t.Helper()
		var l layout
		b.eventually(what, settleTimeout, func() error {
			var err error
			if l, err = evaluate[layout](b, layoutJS); err != nil {
				return err
			}
			switch {
			case l.Moving > 0:
				return fmt.Errorf("%d animations run", l.Moving)
			case sheet && l.PanelBottom > l.NavTop+1:
				return fmt.Errorf("the open sheet ends at %.0f, below the navigator's top %.0f", l.PanelBottom, l.NavTop)
			case !sheet && l.PanelTop < 740:
				return fmt.Errorf("the closed sheet starts at %.0f, in the view", l.PanelTop)
			case l.ScrollWidth > 360:
				return fmt.Errorf("the page is %dpx wide: %q", l.ScrollWidth, l.Overflow)
			case len(l.Overflow) > 0:
				return fmt.Errorf("elements stick out of the view: %q", l.Overflow)
			case len(l.Small) > 0:
				return fmt.Errorf("controls smaller than 44px: %q", l.Small)
			case l.PanelShown != sheet || l.Expanded != fmt.Sprint(sheet):
				return fmt.Errorf("the cast sheet shows: %v, aria-expanded %q; want %v", l.PanelShown, l.Expanded, sheet)
			case l.NavBottom < 739 || l.NavBottom > 741:
				return fmt.Errorf("the navigator ends at %.0f, not at the bottom of the view", l.NavBottom)
			}
			return nil
		})
		return l
	}
	check("the closed sheet", false)

	b.click("#sheet-toggle")
	l := check("the open sheet", true)
	if l.PanelTop < 40 {
		t.Errorf("the sheet starts at %.0fpx, covering the whole screen", l.PanelTop)
	}
	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	check("the sheet closed after a pick", false)
	b.click("#sheet-toggle")
	check("the sheet open again", true)
	b.click(buttonSelector(alID))
	b.waitSelection([]string{ramaID, alID})
	b.click("#sheet-toggle")
	b.click(`#legend li[data-entity="` + ramaID + `"] .legend-text`)
	check("the sheet with a selection", true)

	b.blur()
	b.press(kb.Escape) // closes the sheet, and keeps the selection
	check("the sheet closed again", false)
	b.waitSelection([]string{ramaID, alID})
	b.click("#next")
	b.click("#next")
	n := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), ramaID)
	b.waitReader("the second mention on a phone", atMention(ramaID, "Edi Rama", 1, n))
	b.waitReader("the second mention above the navigator", func(st readerState) error {
		if err := centred(st); err != nil {
			return err
		}
		if st.Current[0].Bottom > l.NavBottom-60 {
			return fmt.Errorf("the current mention (bottom %.0f) hides under the navigator", st.Current[0].Bottom)
		}
		return nil
	})
	check("reading on a phone", false)
	settleTransitions(b)
	shot := filepath.Join(e.RepoRoot, "docs", "screenshot-mobile.png")
	w, h := b.screenshot(shot)
	t.Logf("saved %s (%dx%d)", shot, w, h)
	b.assertClean()
}

// settleTransitions waits until no CSS transition runs.
func settleTransitions(b *browser) {
	b.t.Helper()
	b.eventually("transitions to end", settleTimeout, func() error {
		if n := mustEvaluate[int](b, `document.getAnimations().filter(a => a.playState === 'running').length`); n > 0 {
			return fmt.Errorf("%d animations run", n)
		}
		return nil
	})
}

// axe holds the source of axe-core, read once.
var axe struct {
	once sync.Once
	src  string
	err  error
}

// axeSource returns the source of axe-core from e2e/node_modules (see e2e/package.json). When it is
// missing it installs it with npm first, from the lock file.
func axeSource(t *testing.T, root string) string {
	t.Helper()
	axe.once.Do(func() {
		dir := filepath.Join(root, "e2e")
		path := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
		if _, err := os.Stat(path); err != nil {
			cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				axe.err = fmt.Errorf("axe-core is not installed and `npm ci` in e2e/ failed: %v\n%s", err, out)
				return
			}
		}
		data, err := os.ReadFile(path)
		axe.src, axe.err = string(data), err
	})
	if axe.err != nil {
		t.Fatal(axe.err)
	}
	return axe.src
}

// axeViolation is one rule that axe found broken.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// checkAxe runs axe-core on the page and fails the test for every violation.
func (b *browser) checkAxe(src, what string) {
	b.t.Helper()
	if !mustEvaluate[bool](b, `typeof window.axe === 'object'`) {
		b.do("injecting axe-core", chromedp.Evaluate[chromedp.Void](src))
	}
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: running axe: %v", what, err)
	}
	for _, v := range vs {
		var nodes []string
		for _, n := range v.Nodes {
			nodes = append(nodes, fmt.Sprint(n.Target)+": "+strings.ReplaceAll(n.Summary, "\n", " "))
		}
		if len(nodes) > 5 {
			nodes = append(nodes[:5], fmt.Sprintf("… and %d more", len(nodes)-5))
		}
		b.t.Errorf("%s: axe %s (%s): %s\n    %s", what, v.ID, v.Impact, v.Help, strings.Join(nodes, "\n    "))
	}
	b.t.Logf("%s: axe found %d violations", what, len(vs))
}

// TestAccessibility runs axe-core on the page in both themes, with nothing selected and with a
// selection, a focus, a current mention and the together view.
func TestAccessibility(t *testing.T) {
	e := setupEnv(t)
	src := axeSource(t, e.RepoRoot)
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			b := newBrowser(t, e)
			b.setViewport(viewportWidth, viewportHeight)
			b.emulateMedia("prefers-color-scheme", theme)
			b.open("/")
			b.waitLive()
			b.waitTheme(theme, fmt.Sprint(theme == "dark"))
			b.checkAxe(src, theme+", nothing selected")

			b.click(buttonSelector(ramaID))
			b.click(buttonSelector(alID))
			b.waitSelection([]string{ramaID, alID})
			b.blur()
			b.press("j")
			b.waitReader("a current mention", func(st readerState) error {
				if len(st.Current) != 1 {
					return fmt.Errorf("%d current marks", len(st.Current))
				}
				return nil
			})
			b.checkAxe(src, theme+", two selected")
			b.click("#together")
			b.checkAxe(src, theme+", together view")
			b.blur()
			b.press("?")
			b.eventually("the shortcuts dialog opens", settleTimeout, func() error {
				if !mustEvaluate[bool](b, `document.querySelector('#shortcuts').open`) {
					return fmt.Errorf("#shortcuts is not open")
				}
				return nil
			})
			b.checkAxe(src, theme+", shortcuts dialog")
			b.assertClean()
		})
	}
}

// TestScreenshots saves the README's screenshots of the desktop page in the light and the dark theme:
// two entities selected, Edi Rama in focus at his second mention.
func TestScreenshots(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.emulateMedia("prefers-color-scheme", "light")
	n := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), ramaID)
	b.open("/?e=al,edi-rama&m=2")
	b.waitLive()
	b.waitSelection([]string{alID, ramaID})
	b.waitReader("Rama's second mention", atMention(ramaID, "Edi Rama", 1, n))
	b.waitReader("Rama's second mention in view", centred)
	settleTransitions(b)
	for _, theme := range []string{"light", "dark"} {
		if theme == "dark" {
			// The masthead is scrolled almost out of view: bring it back at once, so that the click does
			// not land while the page still scrolls, then scroll back to the mention.
			b.do("scrolling to the masthead", chromedp.Evaluate[chromedp.Void](`window.scrollTo({top: 0, behavior: 'instant'})`))
			b.click("#theme")
			b.waitTheme("dark", "true")
			b.blur()
			b.do("scrolling back to the mention", chromedp.Evaluate[chromedp.Void](
				`document.querySelector('#article mark[data-current]').scrollIntoView({block: 'center'})`))
			b.waitReader("Rama's second mention in view again", centred)
			settleTransitions(b)
		}
		shot := filepath.Join(e.RepoRoot, "docs", "screenshot-"+theme+".png")
		w, h := b.screenshot(shot)
		t.Logf("saved %s (%dx%d)", shot, w, h)
	}
	b.assertClean()
}
