// Command bench measures how fast Dramatis is against baselines measured in the same run, and writes
// the results as a Markdown table.
//
// It measures three things, each as a ratio to a baseline:
//
//   - Annotation throughput: the Go benchmark BenchmarkRender of app/annotate renders the bundled
//     article, and one a hundred times longer, with goldmark plus the mention extension and with
//     plain goldmark, in rounds that alternate the two.
//   - Bytes on the wire: app.wasm raw and in every encoding the server sends, against a go-app
//     hello-world (bench/hello) built in the same run with the same flags.
//   - Cast detection (app/detect): exact-span F1 on the CoNLL-2003 development articles (from
//     -conll) beside the npm package compromise, the share of the people and countries of each
//     article with a hand-written catalogue that it finds and the recall and precision of their
//     mentions, and its throughput against goldmark parsing the same text.
//   - In headless Chromium over loopback, from cold (a fresh browser context each load): the time
//     until the article text is visible against a static HTML page of the same article; the time
//     until a click on the cast panel is handled against the time the hello-world takes to mount;
//     and click → highlight painted, on the bundled article and on one -scale times longer, against
//     a page whose click handler does nothing but swap a <style>.
//   - Opening an article of one's own (see opened.go): a 100 KB article pasted into the library's
//     dialog, the engine cold and then warm, against a static HTML page of the same article; the
//     longest main-thread task meanwhile, against the bundled page's cold load; and app.wasm and
//     engine.wasm under brotli 11, against app.wasm of -base-commit, built in the same run.
//
// Usage, from anywhere in the module:
//
//	go run ./bench [-out docs/benchmarks.md] [-loads 10] [-clicks 60] [-scale 100]
//	go run ./bench -smoke -out /tmp/benchmarks.md
//	go run ./bench -only clicks [-clicks 60] [-scale 100]
//	go run ./bench -only loads [-loads 10]
//	go run ./bench -only detect [-conll DIR]
//	go run ./bench -only lighthouse [-lighthouse 3]
//	go run ./bench -only opened [-loads 10] [-base-commit 0def729]
//
// The table replaces the part of -out between the markers <!-- bench:begin --> and
// <!-- bench:end -->, so notes around it stay. -smoke measures everything once, on a tiny long
// article, to show that the suite works: its numbers mean nothing.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/dramatis/dramatis/internal/headless"
)

// config is what the command line asks for.
type config struct {
	out        string        // the Markdown file to write the table into
	smoke      bool          // measure each thing once, quickly
	loads      int           // cold loads of each page
	clicks     int           // clicks per click → paint run
	scale      int           // how many times longer than the bundled article the long one is
	rounds     int           // rounds of the Go benchmark
	benchtime  string        // -test.benchtime of each round
	chromium   string        // the browser
	webSrc     string        // the static files to serve beside app.wasm, relative to the module root
	appWasm    string        // a prebuilt app.wasm to measure instead of building one
	keep       bool          // keep the work directory
	only       string        // "clicks", "loads" or "opened" runs only those measurements, logs them and writes no table; "detect" runs and writes only the detection table
	baseCommit string        // the commit whose app.wasm the sizes of the opened article's rows compare with
	conll      string        // the CoNLL-2003 development articles for the detection table; "" leaves them out
	lighthouse int           // Lighthouse runs on each of Dramatis and the hello-world
	timeout    time.Duration // bounds the whole run
}

// smokeConfig returns cfg reduced to the smoke run.
func smokeConfig(cfg config) config {
	cfg.smoke = true
	cfg.loads = 1
	cfg.clicks = 3
	cfg.scale = 2
	cfg.rounds = 1
	cfg.benchtime = "1x"
	return cfg
}

func main() {
	cfg := config{}
	flag.StringVar(&cfg.out, "out", "docs/benchmarks.md", "Markdown file to write the table into (relative to the module root)")
	flag.BoolVar(&cfg.smoke, "smoke", false, "measure everything once to show that the suite works; the numbers mean nothing")
	flag.IntVar(&cfg.loads, "loads", 10, "cold loads of each page")
	flag.IntVar(&cfg.clicks, "clicks", 60, "clicks per click → paint run")
	flag.IntVar(&cfg.scale, "scale", 100, "the long article is the bundled one's body this many times over")
	flag.IntVar(&cfg.rounds, "rounds", 5, "rounds of the Go benchmark, plain and annotated alternating")
	flag.StringVar(&cfg.benchtime, "benchtime", "1s", "the Go benchmark's -benchtime in each round")
	flag.StringVar(&cfg.chromium, "chromium", headless.Path(), "the Chromium to run")
	flag.StringVar(&cfg.webSrc, "web", "web", "the static files served beside app.wasm")
	flag.StringVar(&cfg.appWasm, "app-wasm", "", "measure this app.wasm instead of building one")
	flag.BoolVar(&cfg.keep, "keep", false, "keep the work directory (binaries, pages, server logs)")
	flag.StringVar(&cfg.only, "only", "", `"clicks" runs only the click → paint measurements, "loads" only the cold loads, "opened" only opening an article by paste and the sizes of app.wasm and engine.wasm (each logs them and writes no table); "detect" only cast detection, whose table it writes`)
	flag.StringVar(&cfg.baseCommit, "base-commit", defaultBaseCommit, "the commit whose app.wasm, built in a git worktree, app.wasm's size under brotli 11 is compared with")
	flag.IntVar(&cfg.lighthouse, "lighthouse", 3, "Lighthouse runs on each of Dramatis and the hello-world, alternating")
	flag.StringVar(&cfg.conll, "conll", "", "folder of the CoNLL-2003 development articles (conll.py split conll2003-dev.txt DIR --min-tokens 80) for the detection table")
	flag.DurationVar(&cfg.timeout, "timeout", 30*time.Minute, "bound on the whole run")
	flag.Parse()
	if cfg.smoke {
		cfg = smokeConfig(cfg)
	}
	if cfg.only != "" && cfg.only != "clicks" && cfg.only != "loads" && cfg.only != "detect" && cfg.only != "lighthouse" && cfg.only != "opened" {
		fmt.Fprintf(os.Stderr, "bench: -only takes \"clicks\", \"loads\", \"detect\", \"lighthouse\" or \"opened\", not %q\n", cfg.only)
		os.Exit(2)
	}
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "bench: unexpected argument %q\n", flag.Arg(0))
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if _, err := run(ctx, cfg, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// run carries out every measurement, writes the table into cfg.out and returns the results. It logs
// its progress to logw.
func run(ctx context.Context, cfg config, logw io.Writer) (*results, error) {
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	logf := func(format string, args ...any) {
		_, _ = fmt.Fprintf(logw, "bench: "+format+"\n", args...)
	}
	if cfg.only == "detect" {
		return runDetect(ctx, cfg, logw, logf)
	}
	w, err := prepare(ctx, cfg, logf)
	if err != nil {
		return nil, err
	}
	defer w.close(cfg.keep, logf)

	res := &results{cfg: cfg, env: environment(ctx, w)}
	if cfg.only == "lighthouse" {
		res.lighthouse, err = measureLighthouse(ctx, w, cfg, cfg.lighthouse, logf)
		if err == nil {
			_, _ = fmt.Fprint(logw, res.lighthouse.table())
		}
		return res, err
	}
	if cfg.only == "opened" {
		logf("opening an article by paste: %d run(s)", cfg.loads)
		if res.opened, err = measureOpened(ctx, w, cfg, logf); err == nil {
			res.opened.logRows(logw)
		}
		return res, err
	}
	if cfg.only != "" {
		logf("headless Chromium: %s only", cfg.only)
		res.browser, res.env.chromium, err = measureBrowser(ctx, w, cfg, logf)
		return res, err
	}
	logf("annotation throughput: %d round(s) of BenchmarkRender", cfg.rounds)
	if res.annotate, err = benchAnnotate(ctx, w, cfg); err != nil {
		return nil, err
	}
	logf("bytes on the wire")
	if res.wire, err = measureWire(w, cfg); err != nil {
		return nil, err
	}
	if res.detect, err = measureDetect(ctx, w.root, cfg.conll, cfg.rounds, cfg.benchtime, logf); err != nil {
		return nil, err
	}
	logf("headless Chromium: %d cold load(s) of each page, %d click(s) per run", cfg.loads, cfg.clicks)
	if res.browser, res.env.chromium, err = measureBrowser(ctx, w, cfg, logf); err != nil {
		return nil, err
	}
	logf("opening an article by paste: %d run(s)", cfg.loads)
	if res.opened, err = measureOpened(ctx, w, cfg, logf); err != nil {
		return nil, err
	}
	res.lighthouse = &lighthouseResult{}
	if !cfg.smoke {
		if res.lighthouse, err = measureLighthouse(ctx, w, cfg, cfg.lighthouse, logf); err != nil {
			return nil, err
		}
	}
	out := w.path(cfg.out)
	if err := writeReport(out, res); err != nil {
		return nil, err
	}
	logf("wrote %s", out)
	_, _ = fmt.Fprint(logw, res.table(), "\n", res.detect.table(cfg.smoke))
	return res, nil
}

// runDetect measures cast detection alone and writes its table.
func runDetect(ctx context.Context, cfg config, logw io.Writer, logf func(string, ...any)) (*results, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return nil, err
	}
	res := &results{cfg: cfg}
	if res.detect, err = measureDetect(ctx, root, cfg.conll, cfg.rounds, cfg.benchtime, logf); err != nil {
		return nil, err
	}
	out := cfg.out
	if !filepath.IsAbs(out) {
		out = filepath.Join(root, out)
	}
	if err := writeSection(out, detectBegin, detectEnd, res.detect.table(cfg.smoke)); err != nil {
		return nil, err
	}
	logf("wrote %s", out)
	_, _ = fmt.Fprint(logw, res.detect.table(cfg.smoke))
	return res, nil
}
