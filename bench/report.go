package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// results is everything one run measured.
type results struct {
	cfg        config
	env        envInfo
	annotate   *annotateResult
	detect     *detectResult
	lighthouse *lighthouseResult
	wire       *wireResult
	browser    *browserResult
	opened     *openedResult
}

// envInfo describes where and with what the run measured.
type envInfo struct {
	date      string
	machine   string
	goVersion string
	chromium  string
	wasm      string
}

// environment describes this machine and the toolchain of w.
func environment(ctx context.Context, w *work) envInfo {
	cpu := "unknown CPU"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	machine := fmt.Sprintf("%s, %d cores", cpu, runtime.NumCPU())
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		var kb int64
		if _, err := fmt.Sscanf(string(data), "MemTotal: %d kB", &kb); err == nil {
			machine += fmt.Sprintf(", %.0f GiB", float64(kb)/(1<<20))
		}
	}
	if out, err := output(ctx, "", nil, "uname", "-sr"); err == nil {
		machine += ", " + strings.TrimSpace(out)
	}
	if data, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(data)); len(f) > 0 {
			machine += "; load average " + f[0] + " at the start"
		}
	}
	return envInfo{
		date:      time.Now().UTC().Format("2006-01-02 15:04 UTC"),
		machine:   machine,
		goVersion: w.goVersion,
		wasm:      w.wasmSource,
	}
}

// Targets of the issue "Speed: a benchmark suite against baselines, and the wasm diet".
const (
	targetAnnotate    = 0.70 // annotated throughput / plain, at least
	targetWireGzip9   = 0.75 // app.wasm's smallest encoding / hello-world's gzip -9, at most
	targetWireSame    = 1.10 // app.wasm / hello-world's under the same encoding, at most
	targetArticle     = 1.25 // article visible / static page's, at most
	targetInteractive = 1.25 // interactive / hello-world's mount, at most
	targetClickMS     = 16.0 // click → paint p95 on the bundled article, under
	targetClickLongMS = 50.0 // click → paint p95 on the long article, under
)

// row is one line of the headline table.
type row struct {
	what, dramatis, baseline, ratio, target string
	met                                     bool
}

// headline returns the rows of the headline table.
func (r *results) headline() []row {
	var rows []row
	for _, a := range []struct{ key, name string }{{"bundled", "bundled article"}, {"x100", "100× article"}} {
		plain := r.annotate.cases[a.key+"/plain"]
		for _, c := range []struct {
			what, key string
			ratios    map[string][]float64
		}{
			{"Annotation throughput, ", "/annotated", r.annotate.ratios},
			{"Annotation throughput with the list of mentions built, ", "/mentions", r.annotate.mentions},
		} {
			q := median(c.ratios[a.key])
			rows = append(rows, row{
				what:     c.what + a.name,
				dramatis: fmt.Sprintf("%.1f MB/s", median(r.annotate.cases[a.key+c.key].mbps)),
				baseline: fmt.Sprintf("plain goldmark %.1f MB/s", median(plain.mbps)),
				ratio:    times(q),
				target:   "≥ " + times(targetAnnotate),
				met:      q >= targetAnnotate,
			})
		}
	}

	w := r.wire
	best, label := w.best()
	q := float64(best) / float64(w.hello["gzip -9"])
	rows = append(rows, row{
		what:     "app.wasm on the wire, smallest encoding served (" + label + ")",
		dramatis: mb(best),
		baseline: "hello-world gzip -9 " + mb(w.hello["gzip -9"]),
		ratio:    times(q),
		target:   "≤ " + times(targetWireGzip9),
		met:      q <= targetWireGzip9,
	})
	worst, wl := w.worstRatio()
	rows = append(rows, row{
		what:     "app.wasm against the hello-world under the same encoding (worst: " + wl + ")",
		dramatis: mb(w.app[wl]),
		baseline: "hello-world " + mb(w.hello[wl]),
		ratio:    times(worst),
		target:   "≤ " + times(targetWireSame),
		met:      worst <= targetWireSame,
	})

	s := r.browser.series
	article, static := median(s[appArticle]), median(s[staticArticle])
	rows = append(rows, row{
		what:     fmt.Sprintf("Article text visible, median of %d cold loads", len(s[appArticle])),
		dramatis: ms(article),
		baseline: "static HTML page " + ms(static),
		ratio:    times(article / static),
		target:   "≤ " + times(targetArticle),
		met:      article/static <= targetArticle,
	})
	inter, mount := median(s[appInteractive]), median(s[helloMount])
	rows = append(rows, row{
		what:     fmt.Sprintf("Interactive (a cast click handled), median of %d cold loads", len(s[appInteractive])),
		dramatis: ms(inter),
		baseline: "hello-world mounted " + ms(mount),
		ratio:    times(inter / mount),
		target:   "≤ " + times(targetInteractive),
		met:      inter/mount <= targetInteractive,
	})
	for _, c := range []struct {
		app, floor, name string
		limit            float64
	}{
		{clicksApp, clicksFloor, "bundled article", targetClickMS},
		{clicksAppLong, clicksFloorLong, fmt.Sprintf("%d× article", r.cfg.scale), targetClickLongMS},
		{clicksAppMap, clicksFloor, "a country clicked on the map, bundled article", targetClickMS},
	} {
		p95 := percentile(r.browser.clicks[c.app].Paint, 95)
		floor := percentile(r.browser.clicks[c.floor].Paint, 95)
		rows = append(rows, row{
			what:     fmt.Sprintf("Click → highlight painted, p95 of %d clicks, %s", len(r.browser.clicks[c.app].Paint), c.name),
			dramatis: ms1(p95),
			baseline: "style-swap page " + ms1(floor),
			ratio:    times(p95 / floor),
			target:   fmt.Sprintf("< %.0f ms", c.limit),
			met:      p95 < c.limit,
		})
	}
	if p := r.browser.pictures; p != nil {
		for _, v := range p.views {
			rows = append(rows, row{
				what:     "The " + v.name + " view's markup in the page, gzip 9 (raw " + kb(v.raw) + ")",
				dramatis: kb(v.gzip),
				baseline: "the whole page " + kb(p.pageGzip),
				ratio:    fmt.Sprintf("%.0f%%", 100*v.shareOfPage),
				target:   "—",
				met:      true,
			})
		}
		held := "none"
		if p.wasmHasMapData {
			held = "some"
		}
		rows = append(rows, row{
			what:     "The map's path data in app.wasm",
			dramatis: held,
			baseline: "—",
			ratio:    "—",
			target:   "none",
			met:      !p.wasmHasMapData,
		})
	}
	if r.opened != nil {
		rows = append(rows, r.opened.rows()...)
	}
	return rows
}

// kb writes n bytes in kB (10³ bytes).
func kb(n int) string { return fmt.Sprintf("%.1f kB", float64(n)/1e3) }

// table returns the results as Markdown: the settings, the headline table and the details.
func (r *results) table() string {
	var b strings.Builder
	c := r.cfg
	if c.smoke {
		b.WriteString("**Smoke run**: every measurement once, on tiny inputs, to show that the suite works. The numbers mean nothing.\n\n")
	}
	fmt.Fprintf(&b, "Measured %s by `go run ./bench`: %d cold load(s) of each page, interleaved; %d click(s) per click run; "+
		"the long article is the bundled body %d times over; %d round(s) of `BenchmarkRender` at `-benchtime %s`.\n\n",
		r.env.date, c.loads, c.clicks, c.scale, c.rounds, c.benchtime)
	fmt.Fprintf(&b, "- Machine: %s\n- Go: %s\n- Chromium: %s (headless, over loopback HTTP)\n- app.wasm: %s; the hello-world the same way\n\n",
		r.env.machine, r.env.goVersion, r.env.chromium, r.env.wasm)

	b.WriteString("| Measure | Dramatis | Baseline, same run | Ratio | Target | |\n| --- | ---: | ---: | ---: | ---: | --- |\n")
	for _, row := range r.headline() {
		status := "met"
		switch {
		case c.smoke:
			status = "not judged (smoke)"
		case !row.met:
			status = "**missed**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", row.what, row.dramatis, row.baseline, row.ratio, row.target, status)
	}

	if r.lighthouse != nil {
		b.WriteString("\n#### Lighthouse\n\n" + r.lighthouse.table())
	}
	b.WriteString("\n#### Annotation throughput (`BenchmarkRender` in app/annotate)\n\n")
	b.WriteString("| Article | plain goldmark | goldmark + mentions | Ratio | + the list of mentions | Ratio |\n| --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, a := range []struct{ key, name string }{{"bundled", "bundled"}, {"x100", "100× (synthetic)"}} {
		p, q, m := r.annotate.cases[a.key+"/plain"], r.annotate.cases[a.key+"/annotated"], r.annotate.cases[a.key+"/mentions"]
		fmt.Fprintf(&b, "| %s | %s/op, %.1f MB/s | %s/op, %.1f MB/s | %s | %s/op, %.1f MB/s | %s |\n", a.name,
			dur(median(p.ns)), median(p.mbps), dur(median(q.ns)), median(q.mbps), times(median(r.annotate.ratios[a.key])),
			dur(median(m.ns)), median(m.mbps), times(median(r.annotate.mentions[a.key])))
	}
	b.WriteString("\nRatios are medians over rounds of the ratio within each round. \"goldmark + mentions\" renders the HTML " +
		"with its marks; the extension builds its list of mentions and their sentences only when asked for it " +
		"(`annotate.Get`), which the server does once per article: \"+ the list of mentions\" renders and asks.\n")

	b.WriteString("\n#### Bytes on the wire: app.wasm (MB = 10⁶ bytes)\n\n")
	b.WriteString("| Encoding | Dramatis | hello-world | Ratio |\n| --- | ---: | ---: | ---: |\n")
	for _, l := range r.wire.labels {
		name := l
		if l == "gzip -9" {
			name = r.wire.gzip9Program + " (reference)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, mb(r.wire.app[l]), mb(r.wire.hello[l]),
			times(float64(r.wire.app[l])/float64(r.wire.hello[l])))
	}
	fmt.Fprintf(&b, "\n\"server\" is what `dramatis serve` sends (app/site `Encode`, compressed on first request: br 5, zstd default, gzip default); "+
		"\"static build\" is what `dramatis build` writes beside each file (br 11, zstd best, gzip 9, by default). "+
		"Over loopback HTTP this Chromium sent `Accept-Encoding: %s`; the server picks br, then zstd, then gzip.\n", r.browser.acceptEncoding)

	s := r.browser.series
	fmt.Fprintf(&b, "\n#### Cold loads over loopback (ms from the start of navigation; median, min–max of %d)\n\n", len(s[appArticle]))
	b.WriteString("| Page | Event | Median | Min–max |\n| --- | --- | ---: | ---: |\n")
	for _, e := range []struct{ page, event, key string }{
		{"static HTML page", "article text visible", staticArticle},
		{"static HTML page", "first contentful paint", staticFCP},
		{"Dramatis", "article text first shown", appFirstArticle},
		{"Dramatis", "article text visible for good", appArticle},
		{"Dramatis", "first contentful paint", appFCP},
		{"Dramatis", "app.wasm requested", appWasmStart},
		{"Dramatis", "app.wasm received (compiled as it streams)", appWasmEnd},
		{"Dramatis", "live (`data-live=\"true\"`)", appLive},
		{"Dramatis", "interactive (cast click handled)", appInteractive},
		{"hello-world", "first contentful paint", helloFCP},
		{"hello-world", "app.wasm requested", helloWasmStart},
		{"hello-world", "app.wasm received (compiled as it streams)", helloWasmEnd},
		{"hello-world", "mounted", helloMount},
	} {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", e.page, e.event, ms(median(s[e.key])), span(s[e.key]))
	}
	covered := 0
	for _, n := range s[appCovered] {
		if n > 0 {
			covered++
		}
	}
	fmt.Fprintf(&b, "\n\"Article text visible\" is the animation frame from which on the article's first paragraph is on top at its first line "+
		"(`elementFromPoint`), so a loading screen over the article does not count as showing it. "+
		"In %d of %d loads Dramatis showed the article and then covered it again before it stayed. "+
		"app.wasm as received over loopback: Dramatis %s, hello-world %s.\n",
		covered, len(s[appCovered]), mb(int(median(s[appWasmBytes]))), mb(int(median(s[helloWasmBytes]))))

	b.WriteString("\n#### Click → highlight painted (ms)\n\n")
	b.WriteString("| Page | Article | Clicks | p50 | p95 | Max | Click → style changed, p50 / p95 |\n| --- | --- | ---: | ---: | ---: | ---: | ---: |\n")
	for _, k := range []struct{ key, page, article string }{
		{clicksApp, "Dramatis", "bundled"},
		{clicksFloor, "style-swap page", "bundled"},
		{clicksAppMap, "Dramatis, the map (a country clicked)", "bundled"},
		{clicksAppLong, "Dramatis", fmt.Sprintf("%d×", c.scale)},
		{clicksFloorLong, "style-swap page", fmt.Sprintf("%d×", c.scale)},
	} {
		cr := r.browser.clicks[k.key]
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s / %s |\n", k.page, k.article, len(cr.Paint),
			ms1(percentile(cr.Paint, 50)), ms1(percentile(cr.Paint, 95)), ms1(percentile(cr.Paint, 100)),
			ms1(percentile(cr.DOM, 50)), ms1(percentile(cr.DOM, 95)))
	}
	b.WriteString("\nEach click is timed in the page from a capturing click listener to the first animation frame after " +
		"what highlights the mentions changed (requestAnimationFrame, then a task): the text of `<style id=\"highlights\">`, or " +
		"the classes of the page's root, which Dramatis toggles once live. The style-swap page is the static page with a " +
		"script that only toggles `aria-pressed` and rewrites such a `<style>`: the floor for highlighting by rewriting a style " +
		"sheet, including the wait for the next frame (up to 16.7 ms at 60 Hz). The probe's task is queued ahead of any " +
		"the page queues in the same frame, so work a page leaves until after the paint does not count. Each click is " +
		"made as a person makes it: the pointer rests on the button for 100 ms, presses it and lets go 80 ms later; " +
		"the time runs from the click, when the button is let go.\n")
	if r.opened != nil {
		b.WriteString(r.opened.table())
	}
	return b.String()
}

// Markers around the generated part of the report file.
const (
	beginMarker = "<!-- bench:begin -->"
	endMarker   = "<!-- bench:end -->"
)

// skeleton is the report file written where there is none yet.
const skeleton = `# Benchmarks

` + "`make bench`" + ` measures Dramatis against baselines measured in the same run and writes the
table below.

` + beginMarker + `
` + endMarker + `

## Cast detection

` + detectBegin + `
` + detectEnd + `
`

// writeReport writes r's table into the file at path, between the markers, keeping the rest of the
// file; it creates the file from skeleton where there is none.
func writeReport(path string, r *results) error {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		old, err = []byte(skeleton), nil
	}
	if err != nil {
		return err
	}
	updated, err := replaceBetween(old, beginMarker, endMarker, "\n"+r.table())
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if r.detect != nil {
		if updated, err = replaceBetween(updated, detectBegin, detectEnd, "\n"+r.detect.table(r.cfg.smoke)); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, updated, 0o644)
}

// writeSection replaces the text between begin and end in the file at path with body.
func writeSection(path, begin, end, body string) error {
	old, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		old, err = []byte(skeleton), nil
	}
	if err != nil {
		return err
	}
	updated, err := replaceBetween(old, begin, end, "\n"+body)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, updated, 0o644)
}

// replaceBetween returns doc with the text between the markers begin and end replaced by body.
func replaceBetween(doc []byte, begin, end, body string) ([]byte, error) {
	i := bytes.Index(doc, []byte(begin))
	j := bytes.Index(doc, []byte(end))
	if i < 0 || j < i {
		return nil, fmt.Errorf("no %s … %s section to write the table into", begin, end)
	}
	var out bytes.Buffer
	out.Write(doc[:i+len(begin)])
	out.WriteString("\n" + strings.Trim(body, "\n") + "\n")
	out.Write(doc[j:])
	return out.Bytes(), nil
}

func times(q float64) string { return fmt.Sprintf("%.2f×", q) }

func mb(n int) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }

func ms(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.0f ms", x)
}

func ms1(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.1f ms", x)
}

// dur formats nanoseconds.
func dur(ns float64) string {
	return time.Duration(ns).Round(time.Microsecond).String()
}

// span formats the least and greatest of xs in milliseconds.
func span(xs []float64) string {
	if len(xs) == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f–%.0f", percentile(xs, 0), percentile(xs, 100))
}
