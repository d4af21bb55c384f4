package e2e

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests of this file click through the panel's pictures: the world map of the article's
// countries and places, and the network of who is mentioned with whom.

// pointOn returns a whole-pixel point of the viewport where the element that selector matches is
// the one hit (document.elementFromPoint), as near the middle of its box as can be, after scrolling
// it into view: a country's outline or a line of the network has other shapes over parts of its box.
// (The browser hit-tests a click at whole pixels: a point a fraction of a pixel inside a small
// marker's edge would click its neighbour.)
func (b *browser) pointOn(selector string) (x, y float64) {
	b.t.Helper()
	var xy []float64
	b.eventually("a point on "+selector, settleTimeout, func() error {
		var err error
		xy, err = evaluate[[]float64](b, `(() => {
			const el = document.querySelector(`+strconv.Quote(selector)+`);
			if (!el) return [];
			el.scrollIntoView({block: 'nearest'});
			const r = el.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
			const pts = [];
			for (let x = Math.floor(r.left); x <= Math.ceil(r.right); x++) for (let y = Math.floor(r.top); y <= Math.ceil(r.bottom); y++) pts.push([x, y]);
			pts.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
			const on = p => { const hit = document.elementFromPoint(p[0], p[1]); return hit && (hit === el || el.contains(hit)); };
			// A point whose neighbours are on the element too, else any.
			return pts.find(p => on(p) && on([p[0] + 1, p[1]]) && on([p[0] - 1, p[1]]) && on([p[0], p[1] + 1]) && on([p[0], p[1] - 1])) ||
				pts.find(on) || [];
		})()`)
		if err == nil && len(xy) != 2 {
			err = fmt.Errorf("no point of %s is on top", selector)
		}
		return err
	})
	return xy[0], xy[1]
}

// clickOn clicks the element that selector matches where it is on top (see pointOn).
func (b *browser) clickOn(selector string) {
	b.t.Helper()
	b.waitStill(selector)
	x, y := b.pointOn(selector)
	b.do("clicking "+selector, chromedp.MouseClickXY(x, y))
}

// fillOf returns the computed fill of the first element that selector matches.
func (b *browser) fillOf(selector string) string {
	b.t.Helper()
	return mustEvaluate[string](b, `getComputedStyle(document.querySelector(`+strconv.Quote(selector)+`)).fill`)
}

// viewShown checks that the panel shows view (cast, map or network) and no other, with its tab
// selected, and that the address names it (or, for the cast, no view).
func viewShown(b *browser, view string) error {
	type state struct {
		Shown, Selected []string
		Search          string
	}
	st, err := evaluate[state](b, `({
		Shown: [...document.querySelectorAll('#panel [role=tabpanel]:not([hidden])')].map(e => e.id),
		Selected: [...document.querySelectorAll('#views [aria-selected=true]')].map(e => e.id),
		Search: location.search})`)
	if err != nil {
		return err
	}
	inAddress := strings.Contains(st.Search, "v="+view)
	if view == "cast" {
		inAddress = !strings.Contains(st.Search, "v=")
	}
	if len(st.Shown) != 1 || st.Shown[0] != view+"-view" || len(st.Selected) != 1 || st.Selected[0] != "tab-"+view || !inAddress {
		return fmt.Errorf("views shown %q, tabs selected %q, address %q; want only %s", st.Shown, st.Selected, st.Search, view)
	}
	return nil
}

// TestMapView opens the map, selects Albania by clicking it there and deselects it again, sees a
// selection made in the cast on the map, and selects a country with the keyboard.
func TestMapView(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	if n := mustEvaluate[int](b, `document.querySelectorAll('#map [data-entity]').length`); n != 0 {
		t.Errorf("the map draws %d entities before it is opened; the client should draw it on the first opening", n)
	}
	alCount := countIn(textOf(b, `#cast [data-entity="al"] .count`))
	b.click("#tab-map")
	b.eventually("the map's view", settleTimeout, func() error { return viewShown(b, "map") })
	if got, want := mustEvaluate[string](b, `document.querySelector('#map [data-entity="al"]').getAttribute('aria-label')`), fmt.Sprintf("Albania, %d mentions", alCount); got != want {
		t.Errorf("Albania on the map is labelled %q, want %q", got, want)
	}
	unselected := b.fillOf(`#map [data-entity="al"] .marker`)

	// A click on the map selects as the cast does, and a second click deselects.
	b.clickOn(`#map [data-entity="al"] .marker`)
	_, colours := b.waitSelection([]string{alID})
	if got := b.fillOf(`#map [data-entity="al"] .marker`); got != colours[alID] {
		t.Errorf("Albania's marker is filled %s once selected, want its highlight %s (unselected: %s)", got, colours[alID], unselected)
	}
	b.checkAxe(axeSource(t, e.RepoRoot), "the map with Albania selected")
	b.clickOn(`#map [data-entity="al"] .marker`)
	b.waitSelection(nil)
	if got := b.fillOf(`#map [data-entity="al"] .marker`); got != unselected {
		t.Errorf("Albania's marker is filled %s once deselected, want %s again", got, unselected)
	}

	// A selection made in the cast shows on the map.
	b.click("#tab-cast")
	b.eventually("the cast's view", settleTimeout, func() error { return viewShown(b, "cast") })
	b.click(buttonSelector("us"))
	_, colours = b.waitSelection([]string{"us"})
	b.click("#tab-map")
	b.eventually("the map again", settleTimeout, func() error {
		if got := b.fillOf(`#map [data-entity="us"] path`); got != colours["us"] {
			return fmt.Errorf("the United States are filled %s on the map, want %s", got, colours["us"])
		}
		return nil
	})

	// The keyboard: one tab stop; the arrow keys move among the countries, Enter selects.
	if n := mustEvaluate[int](b, `document.querySelectorAll('#map [tabindex="0"]').length`); n != 1 {
		t.Errorf("the map has %d tab stops, want 1", n)
	}
	// The tab's click may still move the keyboard focus to the tab once painted: focus the map until
	// it stays there.
	b.focusStop("#map")
	first := mustEvaluate[string](b, `document.activeElement.dataset.entity`)
	b.press(kb.ArrowRight)
	second := mustEvaluate[string](b, `document.activeElement.dataset.entity`)
	if second == "" || second == first || mustEvaluate[string](b, `document.activeElement.getAttribute('tabindex')`) != "0" {
		t.Fatalf("ArrowRight moved the focus from %q to %q, want the next country, as the tab stop", first, second)
	}
	b.press(kb.Enter)
	b.waitSelection([]string{"us", second})

	// The detail of the Balkans and the Levant repeats their small countries larger, clickable too.
	b.click("#clear")
	b.waitSelection(nil)
	if n := mustEvaluate[int](b, `document.querySelectorAll('#map .inset [data-entity="al"]').length`); n != 1 {
		t.Fatalf("the map's detail has %d copies of Albania, want 1", n)
	}
	b.clickOn(`#map .inset [data-entity="al"] path`)
	b.waitSelection([]string{alID})
	b.clickOn(`#map .inset [data-entity="il"] path`)
	b.waitSelection([]string{alID, ilID})
	b.clickOn(`#map [data-entity="ir"] path`)
	b.waitSelection([]string{alID, ilID, "ir"})
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-map.png"))
	b.assertClean()
}

// TestNetworkView opens the network from a link, selects an entity by its node, selects two by the
// line between them, which turns on the together view, and walks the nodes with the keyboard.
func TestNetworkView(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/?v=network")
	b.eventually("the network's view", settleTimeout, func() error { return viewShown(b, "network") })
	type counts struct{ Nodes, Mentioned int }
	c := mustEvaluate[counts](b, `({Nodes: document.querySelectorAll('#network g.node').length,
		Mentioned: [...document.querySelectorAll('#cast button[data-entity] .count')].filter(e => parseInt(e.textContent) > 0).length})`)
	if c.Nodes == 0 || c.Nodes != c.Mentioned {
		t.Errorf("the network has %d nodes, the cast %d mentioned entities", c.Nodes, c.Mentioned)
	}

	b.clickOn(`#network g.node[data-entity="edi-rama"] .shape`)
	_, colours := b.waitSelection([]string{ramaID})
	if got := b.fillOf(`#network g.node[data-entity="edi-rama"] .shape`); got != colours[ramaID] {
		t.Errorf("Edi Rama's node is filled %s once selected, want his highlight %s", got, colours[ramaID])
	}
	b.click(`#legend li[data-entity="edi-rama"] .remove`)
	b.waitSelection(nil)

	// A line: both ends selected, together.
	edge := `#network g.edge:is([data-a="al"][data-b="il"], [data-a="il"][data-b="al"]) .hit`
	b.clickOn(edge)
	b.waitSelection([]string{alID, ilID})
	b.eventually("the together view", settleTimeout, func() error {
		type st struct {
			Together bool
			Opacity  string
			Passages string
		}
		s, err := evaluate[st](b, `({Together: document.querySelector('#dramatis').classList.contains('together'),
			Opacity: getComputedStyle(document.querySelector(`+strconv.Quote(strings.TrimSuffix(edge, " .hit")+" .link")+`)).strokeOpacity,
			Passages: (document.querySelector('#passages') || {}).textContent || ''})`)
		if err != nil {
			return err
		}
		if !s.Together || s.Opacity != "1" || countIn(s.Passages) <= 0 {
			return fmt.Errorf("together %t, the line's opacity %s, passages %q; want together, 1 and some passages", s.Together, s.Opacity, s.Passages)
		}
		return nil
	})
	b.checkAxe(axeSource(t, e.RepoRoot), "the network with a pair selected")
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-network.png"))

	// The keyboard: one tab stop, the most mentioned first; a hidden name shows on focus.
	if n := mustEvaluate[int](b, `document.querySelectorAll('#network [tabindex="0"]').length`); n != 1 {
		t.Errorf("the network has %d tab stops, want 1", n)
	}
	b.focusStop("#network")
	b.press(kb.End)
	last := mustEvaluate[string](b, `(() => { const n = document.querySelectorAll('#network g.node'); return n[n.length - 1].dataset.entity })()`)
	if got := mustEvaluate[string](b, `document.activeElement.dataset.entity`); got != last {
		t.Errorf("End moved the focus to %q, want the last node %q", got, last)
	}
	if mustEvaluate[bool](b, `!!document.activeElement.querySelector('.hidden-label')`) &&
		mustEvaluate[string](b, `getComputedStyle(document.activeElement.querySelector('.hidden-label')).display`) == "none" {
		t.Errorf("the focused node %q does not show its name", last)
	}

	// The tabs are one tab stop too: ArrowLeft goes to the map and shows it.
	b.do("focusing the tabs", chromedp.Evaluate[chromedp.Void](`document.querySelector('#tab-network').focus()`))
	b.press(kb.ArrowLeft)
	b.eventually("the map, by the keyboard", settleTimeout, func() error {
		if err := viewShown(b, "map"); err != nil {
			return err
		}
		if id := mustEvaluate[string](b, `document.activeElement.id`); id != "tab-map" {
			return fmt.Errorf("the focus is on %q, want #tab-map", id)
		}
		return nil
	})
	b.assertClean()
}

// TestPicturesBeforeWasm holds app.wasm back: a link to the map shows the prerendered map at once,
// and a click on the Network tab made then is carried out once the app is live.
func TestPicturesBeforeWasm(t *testing.T) {
	e := setupEnv(t)
	page := httpGet(t, e, "/?v=map")
	for _, want := range []string{`id="map"`, `class="worldmap"`, `id="network"`, `class="network"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the prerendered page lacks %s", want)
		}
	}
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	release := b.openHoldingWasm("/?v=map")
	type early struct {
		Live     string
		MapWidth float64
		Network  bool
	}
	got := mustEvaluate[early](b, `({Live: document.querySelector('#dramatis').getAttribute('data-live') || '',
		MapWidth: document.querySelector('#map svg').getBoundingClientRect().width,
		Network: !document.querySelector('#network-view').hidden})`)
	if got.Live == "true" || got.MapWidth < 300 || got.Network {
		t.Fatalf("before the app is live: live %q, the map %.0f px wide, the network shown %t; want not live, the map shown, not the network", got.Live, got.MapWidth, got.Network)
	}
	b.click("#tab-network")
	release()
	b.waitLive()
	b.eventually("the network, by the early click", settleTimeout, func() error { return viewShown(b, "network") })
	if n := mustEvaluate[int](b, `document.querySelectorAll('#network g.node').length`); n == 0 {
		t.Errorf("the network has no nodes once live")
	}
	b.assertClean()
}

// TestPicturesPhone: at 360 px wide the map fits the sheet, the network scrolls sideways in it with
// legible names, and a tap on a country selects it; axe finds nothing in the dark theme.
func TestPicturesPhone(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.emulateMedia("prefers-color-scheme", "dark")
	b.setViewport(360, 740)
	b.open("/?v=map")
	b.waitLive()
	b.click("#sheet-toggle")
	b.eventually("the map in the sheet", settleTimeout, func() error {
		w := mustEvaluate[float64](b, `document.querySelector('#map svg').getBoundingClientRect().width`)
		if w < 250 || w > 360 {
			return fmt.Errorf("the map is %.0f px wide in a 360 px screen", w)
		}
		if sw := mustEvaluate[int](b, `document.documentElement.scrollWidth`); sw > 360 {
			return fmt.Errorf("the page is %d px wide, wider than the screen", sw)
		}
		return nil
	})
	b.checkAxe(axeSource(t, e.RepoRoot), "the map on a phone, dark")
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-map-phone.png"))
	b.clickOn(`#map [data-entity="ir"] path`)
	b.waitSelection([]string{"ir"})
	if !mustEvaluate[bool](b, `document.querySelector('#dramatis').classList.contains('sheet-open')`) {
		t.Errorf("a tap on the map closed the sheet; the reader is still looking at the map")
	}
	b.click("#tab-network")
	b.eventually("the network in the sheet", settleTimeout, func() error {
		type sizes struct{ Box, Art, Font float64 }
		s, err := evaluate[sizes](b, `(() => {
			const svg = document.querySelector('#network svg');
			const label = document.querySelector('#network .label:not(.hidden-label)');
			return {Box: document.querySelector('#network .picture-art').clientWidth, Art: svg.getBoundingClientRect().width,
				Font: label.getBoundingClientRect().height};
		})()`)
		if err != nil {
			return err
		}
		if s.Art <= s.Box || s.Font < 8 {
			return fmt.Errorf("the network is %.0f px wide in a %.0f px box, its names %.1f px high; want it wider, scrolling, with names of 8 px or more", s.Art, s.Box, s.Font)
		}
		return nil
	})
	b.checkAxe(axeSource(t, e.RepoRoot), "the network on a phone, dark")
	b.assertClean()
}

// focusStop moves the keyboard focus to the tab stop of the picture root, a tab's id, again until it
// stays there: a click on the tab may still move the focus to the tab once painted.
func (b *browser) focusStop(root string) {
	b.t.Helper()
	b.eventually(root+"'s tab stop focused", settleTimeout, func() error {
		b.do("focusing "+root, chromedp.Evaluate[chromedp.Void](`document.querySelector('`+root+` [tabindex="0"]').focus()`))
		if !mustEvaluate[bool](b, `!!document.activeElement.closest('`+root+`') && !!document.activeElement.dataset.entity`) {
			return fmt.Errorf("the focus is on %s", mustEvaluate[string](b, `document.activeElement.outerHTML.slice(0, 80)`))
		}
		return nil
	})
}
