package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/dramatis/dramatis/internal/headless"
)

//go:embed probe.js
var probeJS string

//go:embed clicks.js
var clicksJS string

const (
	// viewportWidth and viewportHeight are the size of the browser window, as in the e2e tests.
	viewportWidth  = 1280
	viewportHeight = 900
	// loadTimeout bounds one load, the long article's included.
	loadTimeout = 3 * time.Minute
	// clickTimeout bounds the wait for one click's paint.
	clickTimeout = 20 * time.Second
	// clickPause separates clicks, so that each starts from a quiet page; the pointer rests on the
	// button that long before it presses it.
	clickPause = 100 * time.Millisecond
	// clickHold is how long the button is held down, about as long as a person holds it.
	clickHold = 80 * time.Millisecond
	// clickEntities is how many cast entries the clicks go round; each is clicked on, then off.
	clickEntities = 6
)

// loadResult is what the load probe recorded (see probe.js), in milliseconds from the start of
// navigation, with what resource timing says of app.wasm.
type loadResult struct {
	Article      *float64 `json:"article"`
	FirstArticle *float64 `json:"firstArticle"`
	Covered      int      `json:"covered"`
	Live         *float64 `json:"live"`
	Interactive  *float64 `json:"interactive"`
	FCP          *float64 `json:"fcp"`
	Error        *string  `json:"error"`
	WasmBytes    *float64 `json:"wasmBytes"` // app.wasm's body as received (encoded)
	WasmStart    *float64 `json:"wasmStart"` // when it was requested
	WasmEnd      *float64 `json:"wasmEnd"`   // when its last byte arrived
}

// readProbe evaluates to a loadResult.
const readProbe = `(() => {
	const w = performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/app.wasm'));
	const fcp = performance.getEntriesByName('first-contentful-paint')[0];
	return Object.assign({}, window.__bench, {
		fcp: fcp ? fcp.startTime : null,
		wasmBytes: w ? w.encodedBodySize : null,
		wasmStart: w ? w.startTime : null,
		wasmEnd: w ? w.responseEnd : null,
	});
})()`

// clickResult is one click → paint run: milliseconds from each click to the change of the highlight
// rules ("dom") and to the paint after it.
type clickResult struct {
	Paint []float64 `json:"paint"`
	DOM   []float64 `json:"dom"`
}

// browserResult holds every browser measurement. Series are in milliseconds, one value per load.
type browserResult struct {
	series         map[string][]float64 // by key, see the series constants
	clicks         map[string]*clickResult
	acceptEncoding string // what Chromium accepts over loopback HTTP
	pictures       *pictureResult
}

// The series of cold loads.
const (
	staticArticle   = "static/article"
	staticFCP       = "static/fcp"
	appArticle      = "app/article"
	appFirstArticle = "app/first-article"
	appCovered      = "app/covered"
	appFCP          = "app/fcp"
	appLive         = "app/live"
	appInteractive  = "app/interactive"
	appWasmBytes    = "app/wasm-bytes"
	appWasmStart    = "app/wasm-start"
	appWasmEnd      = "app/wasm-end"
	helloMount      = "hello/mount"
	helloFCP        = "hello/fcp"
	helloWasmBytes  = "hello/wasm-bytes"
	helloWasmStart  = "hello/wasm-start"
	helloWasmEnd    = "hello/wasm-end"
)

// The click → paint runs.
const (
	clicksApp       = "app/bundled"
	clicksFloor     = "floor/bundled"
	clicksAppLong   = "app/long"
	clicksFloorLong = "floor/long"
	clicksAppMap    = "app/map"
)

// What the page says when a load or a click run may go on: the load probe's results are in, the app
// is live, the page is loaded; and the cast entries a click run goes round.
const (
	probeStaticDone  = `window.__bench && window.__bench.article !== null && document.readyState === 'complete' && (performance.getEntriesByName('first-contentful-paint').length > 0 || performance.now() > window.__bench.article + 2000)`
	probeAppDone     = `window.__bench && ((window.__bench.article !== null && window.__bench.interactive !== null) || window.__bench.error !== null)`
	probeHelloDone   = `window.__bench && window.__bench.live !== null`
	appReady         = `document.querySelector('#dramatis[data-live="true"]') !== null`
	floorReady       = `document.readyState === 'complete'`
	clickEntitiesSel = `[...document.querySelectorAll('#cast button[data-entity]')].slice(0, %d).map((b) => b.dataset.entity)`
	castItem         = `#cast button[data-entity="%s"]`
	// The countries of the map, on the map's view.
	mapReady       = appReady + ` && document.querySelector('#map g.country') !== null`
	mapEntitiesSel = `[...document.querySelectorAll('#map g.country[data-entity]')].slice(0, %d).map((g) => g.dataset.entity)`
	mapItem        = `#map g.country[data-entity="%s"]`
)

// probeConfig is the CFG of probe.js.
type probeConfig struct {
	Article  bool `json:"article"`  // watch for #article on top
	Interact bool `json:"interact"` // click the first cast entry once live
}

// chrome is one headless Chromium for the whole run.
type chrome struct {
	ctx     context.Context
	cancel  func()
	profile string
	version string
}

// startChrome starts Chromium as the e2e tests do: headless, with a fresh profile and the flags that
// keep it off the network.
func startChrome(ctx context.Context, cfg config, dir string) (*chrome, error) {
	if _, err := os.Stat(cfg.chromium); err != nil {
		return nil, fmt.Errorf("the browser measurements need Chromium: %w (install it, or give -chromium)", err)
	}
	profile, err := os.MkdirTemp(dir, "profile-")
	if err != nil {
		return nil, err
	}
	opts := headless.Options(cfg.chromium, profile, viewportWidth, viewportHeight)
	allocCtx, allocCancel := chromedp.NewExecAllocator(ctx, opts...)
	bctx, bcancel := chromedp.NewContext(allocCtx)
	c := &chrome{ctx: bctx, profile: profile, cancel: func() { bcancel(); allocCancel() }}
	if err := chromedp.Do(bctx); err != nil {
		c.cancel()
		return nil, fmt.Errorf("starting Chromium %s: %w", cfg.chromium, err)
	}
	if v, err := chromedp.CallBrowser(bctx, browser.GetVersion, cdp.Empty{}); err == nil {
		c.version = strings.TrimPrefix(v.Product, "HeadlessChrome/")
	}
	return c, nil
}

// tab opens a tab in a new browser context (its own cache, storage and service workers: a cold load)
// and returns it with a deadline of timeout.
func (c *chrome) tab(timeout time.Duration) (context.Context, func(), error) {
	tab, cancelTab := chromedp.NewContext(c.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tab); err != nil {
		cancelTab()
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	return ctx, func() { cancel(); cancelTab() }, nil
}

// load opens url from cold with the load probe and waits until done is true in the page.
func (c *chrome) load(url string, pc probeConfig, done string) (loadResult, error) {
	ctx, cancel, err := c.tab(loadTimeout)
	if err != nil {
		return loadResult{}, err
	}
	defer cancel()
	cfg, err := json.Marshal(pc)
	if err != nil {
		return loadResult{}, err
	}
	src := "{\nconst CFG = " + string(cfg) + ";\n" + probeJS + "\n}"
	addProbe := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
	if err := chromedp.Do(ctx, addProbe, chromedp.Navigate(url)); err != nil {
		return loadResult{}, fmt.Errorf("loading %s: %w", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](done,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](readProbe))
		return loadResult{}, fmt.Errorf("waiting for %s on %s: %w (the probe has %s)", done, url, err, got)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[loadResult](readProbe))
	if err != nil {
		return res, err
	}
	if res.Error != nil {
		return res, fmt.Errorf("%s: %s", url, *res.Error)
	}
	return res, nil
}

// clickRun opens url, waits until ready is true, and clicks the first clickEntities entities that
// list (a script, with %d for how many) names, each on and then off, n clicks in all, measuring each
// with clicks.js; item is the selector of an entity's element, with %s for its ID.
func (c *chrome) clickRun(url, ready, list, item string, n int) (*clickResult, error) {
	ctx, cancel, err := c.tab(loadTimeout + time.Duration(n)*clickTimeout)
	if err != nil {
		return nil, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return nil, fmt.Errorf("loading %s: %w", url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](ready,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(loadTimeout))); err != nil {
		return nil, fmt.Errorf("waiting for %s on %s: %w", ready, url, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](clicksJS)); err != nil {
		return nil, err
	}
	ids, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](fmt.Sprintf(list, clickEntities)))
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("%s has nothing to click (%s)", url, list)
	}
	for i := range n {
		sel := fmt.Sprintf(item, ids[(i/2)%len(ids)])
		if err := chromedp.Do(ctx, personClick(sel)); err != nil {
			return nil, fmt.Errorf("clicking %s on %s: %w", sel, url, err)
		}
		wait := fmt.Sprintf("window.__clicks.paint.length >= %d", i+1)
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](wait,
			chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(clickTimeout))); err != nil {
			return nil, fmt.Errorf("click %d (%s) on %s changed no highlight: %w", i+1, sel, url, err)
		}
		if err := chromedp.Do(ctx, chromedp.Sleep(clickPause)); err != nil {
			return nil, err
		}
	}
	return chromedp.Run(ctx, chromedp.Evaluate[*clickResult](`({paint: window.__clicks.paint, dom: window.__clicks.dom})`))
}

// personClick clicks the element at sel as a person does, at the whole pixel nearest its middle where
// it is on top (a country's box holds its neighbours too): the pointer moves onto it and rests there,
// then the button goes down and, a moment later, up. (chromedp.Click presses at once where the
// pointer was not: the hover and the press then ask for a frame of their own just before the click,
// which the click's frame must wait behind.)
func personClick(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		c, err := chromedp.Evaluate[[]float64](`(() => {
			const el = document.querySelector(`+strconv.Quote(sel)+`);
			el.scrollIntoView({block: "nearest"});
			const r = el.getBoundingClientRect(), cx = r.left + r.width / 2, cy = r.top + r.height / 2;
			const on = (x, y) => { const h = document.elementFromPoint(x, y); return h && (h === el || el.contains(h)); };
			if (on(Math.round(cx), Math.round(cy))) return [Math.round(cx), Math.round(cy)];
			// The nearest point whose neighbours are on it too, else the nearest point on it.
			let best = null, gap = Infinity, any = null, anyGap = Infinity;
			for (let x = Math.floor(r.left); x <= Math.ceil(r.right); x++) for (let y = Math.floor(r.top); y <= Math.ceil(r.bottom); y++) {
				const d = Math.hypot(x - cx, y - cy);
				if (d >= anyGap || !on(x, y)) continue;
				any = [x, y]; anyGap = d;
				if (d < gap && on(x + 1, y) && on(x - 1, y) && on(x, y + 1) && on(x, y - 1)) { best = [x, y]; gap = d; }
			}
			return best || any || [];
		})()`)(ctx, t)
		if err != nil {
			return err
		}
		if len(c) != 2 {
			return fmt.Errorf("no point of %s is on top", sel)
		}
		x, y := c[0], c[1]
		for _, a := range []chromedp.Action[chromedp.Void]{
			chromedp.MouseEvent(chromedp.MouseMoved, x, y),
			chromedp.Sleep(clickPause),
			chromedp.MouseEvent(chromedp.MousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
			chromedp.Sleep(clickHold),
			chromedp.MouseEvent(chromedp.MouseReleased, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		} {
			if _, err := a(ctx, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// measureBrowser starts the servers and Chromium, loads each page cold cfg.loads times, interleaved,
// and runs the click → paint measurements. It returns the results and Chromium's version.
func measureBrowser(ctx context.Context, w *work, cfg config, logf func(string, ...any)) (*browserResult, string, error) {
	app, err := startProcess(ctx, w.dir, "dramatis", w.server, func(addr string) []string {
		return []string{"serve", "-addr", addr, "-web", w.web}
	})
	if err != nil {
		return nil, "", err
	}
	defer app.stop()
	long, err := startProcess(ctx, w.dir, "dramatis-long", w.server, func(addr string) []string {
		return []string{"serve", "-addr", addr, "-web", w.web, "-content", w.longDir}
	})
	if err != nil {
		return nil, "", err
	}
	defer long.stop()
	hello, err := startProcess(ctx, w.dir, "hello", w.hello, func(addr string) []string {
		return []string{addr, w.helloWeb}
	})
	if err != nil {
		return nil, "", err
	}
	defer hello.stop()
	pages, err := startPages(w)
	if err != nil {
		return nil, "", err
	}
	defer pages.close()
	for _, p := range []*process{app, long, hello} {
		if err := p.warm("/", "/web/app.wasm"); err != nil {
			return nil, "", err
		}
	}

	c, err := startChrome(ctx, cfg, w.dir)
	if err != nil {
		return nil, "", err
	}
	defer c.cancel()

	res := &browserResult{series: map[string][]float64{}, clicks: map[string]*clickResult{}}
	add := func(key string, v *float64) {
		if v != nil {
			res.series[key] = append(res.series[key], *v)
		}
	}
	type pageLoad struct {
		name string
		url  string
		pc   probeConfig
		done string
		keep func(loadResult)
	}
	loads := []pageLoad{
		{"static page", pages.url + "/static/bundled", probeConfig{Article: true}, probeStaticDone, func(r loadResult) {
			add(staticArticle, r.Article)
			add(staticFCP, r.FCP)
		}},
		{"Dramatis", app.url + "/", probeConfig{Article: true, Interact: true}, probeAppDone, func(r loadResult) {
			add(appArticle, r.Article)
			add(appFirstArticle, r.FirstArticle)
			covered := float64(r.Covered)
			add(appCovered, &covered)
			add(appFCP, r.FCP)
			add(appLive, r.Live)
			add(appInteractive, r.Interactive)
			add(appWasmBytes, r.WasmBytes)
			add(appWasmStart, r.WasmStart)
			add(appWasmEnd, r.WasmEnd)
		}},
		{"hello-world", hello.url + "/", probeConfig{}, probeHelloDone, func(r loadResult) {
			add(helloMount, r.Live)
			add(helloFCP, r.FCP)
			add(helloWasmBytes, r.WasmBytes)
			add(helloWasmStart, r.WasmStart)
			add(helloWasmEnd, r.WasmEnd)
		}},
	}
	// One load of each, not counted, warms what a cold browser context does not reset: the servers'
	// compressed copies, the operating system's file cache, the browser process.
	rounds := cfg.loads
	first := 0
	if cfg.only == "clicks" {
		rounds = 0
	} else if !cfg.smoke {
		rounds++
		first = 1
	}
	for round := range rounds {
		for _, l := range loads {
			r, err := c.load(l.url, l.pc, l.done)
			if err != nil {
				return nil, "", fmt.Errorf("%s: %w", l.name, err)
			}
			if round >= first {
				l.keep(r)
			}
		}
		if round >= first {
			logf("cold loads: round %d of %d", round-first+1, cfg.loads)
		}
	}

	runs := []struct {
		key, url, ready, list, item string
	}{
		{clicksFloor, pages.url + "/floor/bundled", floorReady, clickEntitiesSel, castItem},
		{clicksApp, app.url + "/", appReady, clickEntitiesSel, castItem},
		{clicksAppMap, app.url + "/?v=map", mapReady, mapEntitiesSel, mapItem},
		{clicksFloorLong, pages.url + "/floor/long", floorReady, clickEntitiesSel, castItem},
		{clicksAppLong, long.url + "/", appReady, clickEntitiesSel, castItem},
	}
	if cfg.only == "loads" {
		runs = nil
		for _, k := range []string{staticArticle, appArticle, appWasmStart, appWasmEnd, appLive, appInteractive, helloWasmStart, helloWasmEnd, helloMount} {
			logf("cold loads, %s: median %.0f ms", k, percentile(res.series[k], 50))
		}
		logf("interactive / hello-world mounted: %.2f×", percentile(res.series[appInteractive], 50)/percentile(res.series[helloMount], 50))
	}
	for _, r := range runs {
		got, err := c.clickRun(r.url, r.ready, r.list, r.item, cfg.clicks)
		if err != nil {
			return nil, "", err
		}
		if len(got.Paint) != cfg.clicks {
			return nil, "", errors.New(r.key + ": a click went unmeasured")
		}
		res.clicks[r.key] = got
		logf("click → paint on %s: p50 %.1f ms, p95 %.1f ms (click → style changed: p50 %.1f ms, p95 %.1f ms)", r.key,
			percentile(got.Paint, 50), percentile(got.Paint, 95), percentile(got.DOM, 50), percentile(got.DOM, 95))
	}
	res.acceptEncoding = pages.accepted()
	if res.pictures, err = measurePictures(app.url+"/", filepath.Join(w.web, "app.wasm")); err != nil {
		return nil, "", err
	}
	return res, c.version, nil
}
