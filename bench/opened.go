package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/dramatis/dramatis/app/engine"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/site"
	"github.com/dramatis/dramatis/content"
)

// This file measures a reader opening an article of their own: a 100 KB article pasted into the
// library's dialog, first in a fresh page (the engine's worker loads engine.wasm: cold) and then
// again in the same page (warm), against a static HTML page of the same article; the longest task
// of the page's main thread meanwhile, against the page's own cold load; and the sizes of app.wasm
// and engine.wasm under brotli 11, against app.wasm as it was before the feature.

//go:embed opened.js
var openedJS string

const (
	// openedSize is about how many bytes the opened article has, as app/engine's bigArticle.
	openedSize = 100_000
	// openPause is how long the page is left alone before the dialog is used, as a reader pauses:
	// the app's start, the dialog's opening and the library's list are over by then.
	openPause = 500 * time.Millisecond
	// openTimeout bounds one open, until the article and its cast are shown.
	openTimeout = 2 * time.Minute
	// defaultBaseCommit is the last commit before the feature, whose app.wasm the sizes compare with.
	defaultBaseCommit = "0def729"
)

// Targets of the issue of opening one's own article.
const (
	targetOpenTextMS = 1000.0 // the opened article's text shown, ms after the click, at most
	targetOpenCastMS = 2000.0 // its cast shown, at most
	targetLongTaskMS = 100.0  // the longest main-thread task while opening, at most
	targetAppVsBase  = 1.02   // app.wasm under brotli 11 / the base commit's, at most
)

// The series of the opened article, in milliseconds, one value per run.
const (
	openStaticText = "opened/static-text" // the static page of the same article, from navigation
	openColdText   = "opened/cold-text"   // from the click on #open-submit, engine loaded on the way
	openColdCast   = "opened/cold-cast"
	openWarmText   = "opened/warm-text" // a second article in the same page
	openWarmCast   = "opened/warm-cast"
	openColdLong   = "opened/cold-longest-task" // from the click until the cast is shown
	openWarmLong   = "opened/warm-longest-task"
	openLoadLong   = "opened/load-longest-task" // the page's cold load, until openPause after it is live
)

// openedResult is what the opened article's measurements found.
type openedResult struct {
	series map[string][]float64
	sizes  *wasmSizes
	bytes  int // of the cold article's text
}

// wasmSizes is the bytes of app.wasm, engine.wasm and the base commit's app.wasm, raw and under
// brotli (level 11, or the fast level in the smoke run).
type wasmSizes struct {
	app, engine, base [2]int // raw, brotli
	commit            string // the base commit
	level             string // the brotli level, for the report
}

// openResult is what opened.js recorded of one open.
type openResult struct {
	Text    *float64 `json:"text"`    // ms from the click until the article's text is painted
	Cast    *float64 `json:"cast"`    // until its cast is
	Longest float64  `json:"longest"` // ms, the longest task from the click until the cast; 0 for none of 50 ms
	Address string   `json:"address"` // location.search once both are shown
	Error   *string  `json:"error"`
}

// openedArticle is a text opened by paste: the sentence it ends with, and the id of an entity that
// its cast has and neither the bundled article's nor the other text's has.
type openedArticle struct {
	text, marker, entity string
}

// openedCountries are the countries that the last sentences of the opened texts name, one each: the
// bundled article names neither.
var openedCountries = [2]string{"Norway", "Iceland"}

// openRun is one page's measurements: its cold load's longest task, and the cold and the warm open.
type openRun struct {
	loadLongest float64
	cold, warm  openResult
}

// measureOpened measures the sizes, then runs cfg.loads rounds (one more, not counted, outside the
// smoke run) of a cold load of the static page of the 100 KB article and of a page of Dramatis in
// which the article is opened cold and then warm.
func measureOpened(ctx context.Context, w *work, cfg config, logf func(string, ...any)) (*openedResult, error) {
	res := &openedResult{series: map[string][]float64{}}
	var err error
	if res.sizes, err = measureSizes(ctx, w, cfg, logf); err != nil {
		return nil, err
	}
	texts, err := openedTexts(w.bundled)
	if err != nil {
		return nil, err
	}
	res.bytes = len(texts[0].text)
	doc, err := openedDocument(texts[0].text)
	if err != nil {
		return nil, fmt.Errorf("the static page of the opened article: %w", err)
	}
	pages, err := servePage(w, "/static/opened", staticPage(doc))
	if err != nil {
		return nil, err
	}
	defer pages.close()
	app, err := startProcess(ctx, w.dir, "dramatis-opened", w.server, func(addr string) []string {
		return []string{"serve", "-addr", addr, "-web", w.web}
	})
	if err != nil {
		return nil, err
	}
	defer app.stop()
	if err := app.warm("/", "/web/app.wasm", "/web/engine.js", "/web/engine.wasm"); err != nil {
		return nil, err
	}
	c, err := startChrome(ctx, cfg, w.dir)
	if err != nil {
		return nil, err
	}
	defer c.cancel()

	rounds, first := cfg.loads, 0
	if !cfg.smoke {
		rounds, first = rounds+1, 1
	}
	for round := range rounds {
		static, err := c.load(pages.url+"/static/opened", probeConfig{Article: true}, probeStaticDone)
		if err != nil {
			return nil, fmt.Errorf("the static page of the opened article: %w", err)
		}
		run, err := c.openRun(app.url+"/", texts)
		if err != nil {
			return nil, err
		}
		if round < first {
			continue
		}
		res.add(openStaticText, *static.Article)
		res.add(openColdText, *run.cold.Text)
		res.add(openColdCast, *run.cold.Cast)
		res.add(openWarmText, *run.warm.Text)
		res.add(openWarmCast, *run.warm.Cast)
		res.add(openColdLong, run.cold.Longest)
		res.add(openWarmLong, run.warm.Longest)
		res.add(openLoadLong, run.loadLongest)
		logf("opened article: round %d of %d", round-first+1, cfg.loads)
	}
	return res, nil
}

// add appends v to the series key.
func (r *openedResult) add(key string, v float64) { r.series[key] = append(r.series[key], v) }

// openedTexts returns the two texts to open: each the bundled article's body repeated to about
// openedSize bytes, a blank line after each copy, as app/engine's bigArticle makes it, and then a last
// sentence of its own, which names one of openedCountries. opened.js looks for the sentence in the
// article and for the country in the cast, and it makes each text, and so its id, differ.
func openedTexts(bundled *model.Document) ([2]openedArticle, error) {
	var texts [2]openedArticle
	article, err := fs.ReadFile(content.FS, content.ArticleFile)
	if err != nil {
		return texts, err
	}
	_, body := splitFrontMatter(article)
	var copies bytes.Buffer
	for copies.Len() < openedSize {
		copies.Write(body)
		copies.WriteString("\n\n")
	}
	var ids [2][]string // of each text's cast, in its order
	for i, country := range openedCountries {
		texts[i].marker = fmt.Sprintf("This copy was opened by the benchmark as text number %d, from %s.", i+1, country)
		texts[i].text = copies.String() + texts[i].marker + "\n"
		a, err := engine.Open("pasted.md", []byte(texts[i].text), time.Now())
		if err != nil {
			return texts, fmt.Errorf("opening text %d: %w", i+1, err)
		}
		for _, e := range a.Cast.Entities {
			ids[i] = append(ids[i], e.ID)
		}
	}
	inBundled := map[string]bool{}
	for _, e := range bundled.Entities {
		inBundled[e.ID] = true
	}
	for i := range texts {
		for _, id := range ids[i] {
			if !inBundled[id] && !slices.Contains(ids[1-i], id) {
				texts[i].entity = id
				break
			}
		}
		if texts[i].entity == "" {
			return texts, fmt.Errorf("detection found %s in neither text's cast, or in both", strings.Join(openedCountries[:], " nor "))
		}
	}
	return texts, nil
}

// openedDocument returns the Document that the engine makes of text, pasted: the article as the
// page shows it once opened.
func openedDocument(text string) (*model.Document, error) {
	a, err := engine.Open("pasted.md", []byte(text), time.Now())
	if err != nil {
		return nil, err
	}
	v, err := engine.Render(a)
	if err != nil {
		return nil, err
	}
	return v.Doc, nil
}

// servePage serves body at path on loopback, and the files of w's web directory under /web/, with
// the compression and headers of Dramatis's own server, as the page server does.
func servePage(w *work, path, body string) (*pageServer, error) {
	mux := http.NewServeMux()
	mux.HandleFunc(path, func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/html; charset=utf-8")
		rw.Header().Set("Cache-Control", "no-cache")
		_, _ = rw.Write([]byte(body))
	})
	mux.Handle("/web/", http.StripPrefix("/web/", http.FileServer(http.Dir(w.web))))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &pageServer{srv: &http.Server{Handler: site.Headers(site.Compress(mux)), ReadHeaderTimeout: 10 * time.Second}, url: "http://" + l.Addr().String()}
	go func() {
		if err := s.srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Println("bench: page server:", err)
		}
	}()
	return s, nil
}

// openRun loads url from cold with opened.js, waits until the app is live, and opens texts[0] and
// then texts[1] by paste.
func (c *chrome) openRun(url string, texts [2]openedArticle) (openRun, error) {
	var run openRun
	ctx, cancel, err := c.tab(loadTimeout + 2*openTimeout)
	if err != nil {
		return run, err
	}
	defer cancel()
	if err := chromedp.Do(ctx, onNewDocument(openedJS), chromedp.Navigate(url)); err != nil {
		return run, fmt.Errorf("loading %s: %w", url, err)
	}
	if err := poll(ctx, appReady, loadTimeout); err != nil {
		return run, fmt.Errorf("waiting for %s on %s: %w", appReady, url, err)
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(openPause)); err != nil {
		return run, err
	}
	if run.loadLongest, err = chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__longest(0, performance.now())`)); err != nil {
		return run, fmt.Errorf("the longest task of loading %s: %w", url, err)
	}
	for i, r := range []*openResult{&run.cold, &run.warm} {
		if *r, err = openOnce(ctx, texts[i]); err != nil {
			return run, fmt.Errorf("opening text %d on %s: %w", i+1, url, err)
		}
	}
	return run, nil
}

// openOnce opens the library's dialog, leaves it for openPause, pastes a's text and opens it, and
// returns what opened.js recorded once the article and its cast are shown.
func openOnce(ctx context.Context, a openedArticle) (openResult, error) {
	var r openResult
	const dialogOpen = `!!document.querySelector('#library-dialog')?.open`
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById('open-library').click(), true`)); err != nil {
		return r, fmt.Errorf("clicking #open-library: %w", err)
	}
	if err := poll(ctx, dialogOpen, openTimeout); err != nil {
		return r, fmt.Errorf("waiting for the library's dialog: %w", err)
	}
	if err := chromedp.Do(ctx, chromedp.Sleep(openPause)); err != nil {
		return r, err
	}
	args, err := json.Marshal([]string{a.text, a.marker, a.entity})
	if err != nil {
		return r, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__open(...`+string(args)+`)`)); err != nil {
		return r, fmt.Errorf("pasting and opening: %w", err)
	}
	if err := poll(ctx, `window.__opened.done`, openTimeout); err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[json.RawMessage](`window.__readOpen()`))
		return r, fmt.Errorf("waiting for the article and its cast: %w (the probe has %s)", err, got)
	}
	if r, err = chromedp.Run(ctx, chromedp.Evaluate[openResult](`window.__readOpen()`)); err != nil {
		return r, err
	}
	switch {
	case r.Error != nil:
		return r, errors.New(*r.Error)
	case r.Text == nil || r.Cast == nil:
		return r, errors.New("the probe has no time for the text or the cast")
	case !strings.Contains(r.Address, "a="):
		return r, fmt.Errorf("the address does not name the opened article: %q", r.Address)
	}
	return r, nil
}

// onNewDocument adds src to every new document of the tab, before the page's own scripts.
func onNewDocument(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// poll waits until the script cond is true in the page, for up to timeout.
func poll(ctx context.Context, cond string, timeout time.Duration) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
	return err
}

// measureSizes builds app.wasm at cfg.baseCommit and compresses it, w's app.wasm and its engine.wasm
// with brotli: at level 11, or at the fast level in the smoke run, which has no minutes for it.
func measureSizes(ctx context.Context, w *work, cfg config, logf func(string, ...any)) (*wasmSizes, error) {
	base, err := buildBase(ctx, w, cfg.baseCommit, logf)
	if err != nil {
		return nil, err
	}
	sizes := &wasmSizes{commit: cfg.baseCommit, level: "brotli 11"}
	effort := site.Max
	if cfg.smoke {
		sizes.level, effort = "brotli, fast level (smoke)", site.Fast
	}
	files := []struct {
		path string
		size *[2]int
	}{
		{filepath.Join(w.web, "app.wasm"), &sizes.app},
		{filepath.Join(w.web, "engine.wasm"), &sizes.engine},
		{base, &sizes.base},
	}
	start := time.Now()
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		wg.Go(func() {
			data, err := os.ReadFile(f.path)
			if err != nil {
				errs[i] = err
				return
			}
			out, err := site.Encode("br", data, effort)
			if err != nil {
				errs[i] = fmt.Errorf("compressing %s: %w", f.path, err)
				return
			}
			*f.size = [2]int{len(data), len(out)}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	logf("compressed app.wasm, engine.wasm and app.wasm of %s (%s) in %s", cfg.baseCommit, sizes.level, time.Since(start).Round(100*time.Millisecond))
	return sizes, nil
}

// buildBase builds app.wasm of commit, with the flags of app.wasm, in a git worktree of the module's
// repository made for it in w's work directory and removed after, and returns the file's path.
func buildBase(ctx context.Context, w *work, commit string, logf func(string, ...any)) (string, error) {
	if _, err := output(ctx, w.root, nil, "git", "rev-parse", "--verify", "--quiet", commit+"^{commit}"); err != nil {
		return "", fmt.Errorf("the base commit %q: %w", commit, err)
	}
	dir := filepath.Join(w.dir, "base")
	start := time.Now()
	if _, err := output(ctx, w.root, nil, "git", "worktree", "add", "--detach", dir, commit); err != nil {
		return "", fmt.Errorf("a worktree of the base commit: %w", err)
	}
	defer func() {
		// Not ctx: the worktree goes even when the run was interrupted.
		if _, err := output(context.Background(), w.root, nil, "git", "worktree", "remove", "--force", dir); err != nil {
			logf("removing the worktree of %s: %v", commit, err)
		}
	}()
	wasm := filepath.Join(w.dir, "base.wasm")
	args := append(append([]string{"build"}, wasmFlags...), "-o", wasm, ".")
	if _, err := output(ctx, dir, []string{"GOOS=js", "GOARCH=wasm"}, "go", args...); err != nil {
		return "", fmt.Errorf("building app.wasm of %s: %w", commit, err)
	}
	logf("built app.wasm of %s in %s", commit, time.Since(start).Round(100*time.Millisecond))
	return wasm, nil
}

// rows returns the headline rows of the opened article. Times are medians of the runs.
func (r *openedResult) rows() []row {
	s := r.series
	n := len(s[openColdText])
	static := median(s[openStaticText])
	var rows []row
	for _, t := range []struct {
		key, what string
		limit     float64
	}{
		{openColdText, "text visible, first open (engine loaded)", targetOpenTextMS},
		{openColdCast, "cast visible, first open (engine loaded)", targetOpenCastMS},
		{openWarmText, "text visible, second open (engine warm)", targetOpenTextMS},
		{openWarmCast, "cast visible, second open (engine warm)", targetOpenCastMS},
	} {
		v := median(s[t.key])
		rows = append(rows, row{
			what:     fmt.Sprintf("A %s article opened by paste: %s, median of %d", kb(r.bytes), t.what, n),
			dramatis: ms(v),
			baseline: "static HTML page of it, text visible " + ms(static),
			ratio:    times(v / static),
			target:   fmt.Sprintf("≤ %.0f ms", t.limit),
			met:      v <= t.limit,
		})
	}
	load := median(s[openLoadLong])
	for _, t := range []struct{ key, what string }{
		{openColdLong, "first open"},
		{openWarmLong, "second open"},
	} {
		v := median(s[t.key])
		rows = append(rows, row{
			what:     fmt.Sprintf("Longest main-thread task from the click until the cast is visible, %s, median of %d", t.what, n),
			dramatis: longTask(v),
			baseline: "the bundled page's cold load " + longTask(load),
			ratio:    longTaskRatio(v, load),
			target:   fmt.Sprintf("≤ %.0f ms", targetLongTaskMS),
			met:      v <= targetLongTaskMS,
		})
	}
	z := r.sizes
	q := float64(z.app[1]) / float64(z.base[1])
	rows = append(rows, row{
		what:     "app.wasm, " + z.level + " (raw " + mb(z.app[0]) + ")",
		dramatis: mb(z.app[1]),
		baseline: "app.wasm of " + z.commit + ", before the feature, " + mb(z.base[1]) + " (raw " + mb(z.base[0]) + ")",
		ratio:    fmt.Sprintf("%.3f×", q),
		target:   "≤ " + times(targetAppVsBase),
		met:      q <= targetAppVsBase,
	}, row{
		what:     "engine.wasm, " + z.level + ", loaded on the first open (raw " + mb(z.engine[0]) + ")",
		dramatis: mb(z.engine[1]),
		baseline: "app.wasm " + mb(z.app[1]),
		ratio:    times(float64(z.engine[1]) / float64(z.app[1])),
		target:   "—",
		met:      true,
	})
	return rows
}

// longTask writes the duration of a longest task, of which the browser reports only those of 50 ms
// or more.
func longTask(v float64) string {
	if v == 0 {
		return "none of 50 ms or more"
	}
	return ms(v)
}

// longTaskRatio writes v / base for two longest tasks, a bound where v is below what the browser
// reports.
func longTaskRatio(v, base float64) string {
	switch {
	case base == 0:
		return "—"
	case v == 0:
		return "< " + times(50/base)
	}
	return times(v / base)
}

// table returns the details of the opened article as Markdown.
func (r *openedResult) table() string {
	var b strings.Builder
	s := r.series
	fmt.Fprintf(&b, "\n#### Opening an article by paste (ms; median, min–max of %d)\n\n", len(s[openColdText]))
	b.WriteString("| Page | Event | Median | Min–max |\n| --- | --- | ---: | ---: |\n")
	for _, e := range []struct{ page, event, key string }{
		{"static HTML page of the article", "article text visible, from the start of navigation", openStaticText},
		{"Dramatis, first open", "text visible, from the click on Open", openColdText},
		{"Dramatis, first open", "cast visible", openColdCast},
		{"Dramatis, first open", "longest main-thread task, click → cast visible", openColdLong},
		{"Dramatis, second open", "text visible, from the click on Open", openWarmText},
		{"Dramatis, second open", "cast visible", openWarmCast},
		{"Dramatis, second open", "longest main-thread task, click → cast visible", openWarmLong},
		{"Dramatis, the bundled article", "longest main-thread task of the cold load, until 0.5 s after live", openLoadLong},
	} {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", e.page, e.event, ms(median(s[e.key])), span(s[e.key]))
	}
	fmt.Fprintf(&b, "\nEach run is a fresh browser context: the static page of the article (the HTML the engine makes of it, "+
		"with Dramatis's stylesheet and no script) loaded cold, then Dramatis loaded cold; once it is live, the library's "+
		"dialog is opened, and %.1f s later a text of %s (the bundled article's body repeated, as app/engine's `bigArticle`, "+
		"and a last sentence of its own) is put into `#open-text` and `#open-submit` clicked. The first open starts the "+
		"engine: the worker fetches and compiles engine.wasm; the second opens another such text in the same page. "+
		"\"Text visible\" is the first frame, once painted, in which the article's last paragraph is the new one and its "+
		"first paragraph is on top (the dialog closed); \"cast visible\" the first in which `#cast` lists the country "+
		"that the text's last sentence names, which neither the bundled article nor the other text has. The page is "+
		"timed by `performance.now()` from just before the click, dispatched from the page's script. A long task is one of 50 ms or more (`PerformanceObserver`, `longtask`); 0 means none. "+
		"Sizes in MB of 10⁶ bytes; engine.wasm and the base commit's app.wasm are built as app.wasm is, the latter in a "+
		"git worktree of %s.\n", openPause.Seconds(), kb(r.bytes), r.sizes.commit)
	z := r.sizes
	fmt.Fprintf(&b, "\n| File (bytes) | raw | %s |\n| --- | ---: | ---: |\n", z.level)
	for _, f := range []struct {
		name string
		size [2]int
	}{
		{"app.wasm", z.app},
		{"app.wasm of " + z.commit + ", before the feature", z.base},
		{"engine.wasm", z.engine},
	} {
		fmt.Fprintf(&b, "| %s | %d | %d |\n", f.name, f.size[0], f.size[1])
	}
	return b.String()
}

// logRows logs the rows of the opened article, for -only opened.
func (r *openedResult) logRows(w io.Writer) {
	for _, row := range r.rows() {
		status := "met"
		if !row.met {
			status = "missed"
		}
		_, _ = fmt.Fprintf(w, "%s: %s | baseline %s | ratio %s | target %s: %s\n", row.what, row.dramatis, row.baseline, row.ratio, row.target, status)
	}
}
