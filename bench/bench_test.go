package main

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dramatis/dramatis/internal/headless"
)

// TestSmoke runs the whole suite once on tiny inputs, as `go run ./bench -smoke` does, and checks
// that every measurement produced a number and that the table was written. It asserts no timing.
func TestSmoke(t *testing.T) {
	out := filepath.Join(t.TempDir(), "benchmarks.md")
	cfg := smokeConfig(config{
		out:        out,
		chromium:   headless.Path(),
		webSrc:     "web",
		baseCommit: defaultBaseCommit,
		timeout:    5 * time.Minute,
	})
	res, err := run(context.Background(), cfg, testWriter{t})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range res.headline() {
		for _, v := range []string{row.dramatis, row.baseline, row.ratio} {
			if strings.Contains(v, "NaN") || strings.Contains(v, "Inf") || strings.Contains(v, "–") {
				t.Errorf("%s: no number (%q, %q, %q)", row.what, row.dramatis, row.baseline, row.ratio)
			}
		}
	}
	for key, xs := range res.browser.series {
		if len(xs) == 0 {
			t.Errorf("%s: no value", key)
		}
		for _, x := range xs {
			if math.IsNaN(x) || x < 0 {
				t.Errorf("%s: %v", key, x)
			}
		}
	}
	for _, key := range []string{staticArticle, appArticle, appInteractive, helloMount, appWasmBytes, helloWasmBytes} {
		if len(res.browser.series[key]) != cfg.loads {
			t.Errorf("%s: %d values, want %d", key, len(res.browser.series[key]), cfg.loads)
		}
	}
	for _, key := range []string{clicksApp, clicksFloor, clicksAppLong, clicksFloorLong, clicksAppMap} {
		if c := res.browser.clicks[key]; c == nil || len(c.Paint) != cfg.clicks || len(c.DOM) != cfg.clicks {
			t.Errorf("%s: clicks not all measured: %+v", key, c)
		}
	}
	if o := res.opened; o == nil {
		t.Error("the opened article was not measured")
	} else {
		for _, key := range []string{openStaticText, openColdText, openColdCast, openWarmText, openWarmCast, openColdLong, openWarmLong, openLoadLong} {
			if len(o.series[key]) != cfg.loads {
				t.Errorf("%s: %d values, want %d", key, len(o.series[key]), cfg.loads)
			}
		}
		for _, s := range [][2]int{o.sizes.app, o.sizes.engine, o.sizes.base} {
			if s[0] <= 0 || s[1] <= 0 || s[1] >= s[0] {
				t.Errorf("the sizes of the wasm files: %+v", o.sizes)
			}
		}
	}
	if p := res.browser.pictures; p == nil || len(p.views) != 2 || p.wasmHasMapData || p.views[0].gzip <= 0 || p.views[0].gzip >= p.pageGzip {
		t.Errorf("the pictures' bytes: %+v", p)
	}
	doc, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{beginMarker, endMarker, detectBegin, detectEnd, "Smoke run", "| Annotation throughput, bundled article |", "Click → highlight painted", "The map view's markup in the page", "the bundled article (", "Throughput, detection / goldmark", "opened by paste", "Opening an article by paste", "engine.wasm, "} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("the table written to %s lacks %q", out, want)
		}
	}
}

// testWriter sends the suite's progress to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func TestPercentile(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 6, 7, 8, 9, 10}
	tests := []struct {
		p, want float64
	}{
		{50, 5}, {95, 10}, {90, 9}, {10, 1}, {0, 1}, {100, 10},
	}
	for _, tt := range tests {
		if got := percentile(xs, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %v) = %v, want %v", xs, tt.p, got, tt.want)
		}
	}
	if got := median([]float64{3, 1, 2, 10}); got != 2.5 {
		t.Errorf("median = %v, want 2.5", got)
	}
	if !math.IsNaN(median(nil)) || !math.IsNaN(percentile(nil, 50)) {
		t.Error("median and percentile of nothing are not NaN")
	}
}

func TestReplaceBetween(t *testing.T) {
	doc := "# Benchmarks\n\nintro\n\n" + beginMarker + "\nold table\n" + endMarker + "\n\n## History\n\nkept\n"
	got, err := replaceBetween([]byte(doc), beginMarker, endMarker, "\nnew table\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "# Benchmarks\n\nintro\n\n" + beginMarker + "\nnew table\n" + endMarker + "\n\n## History\n\nkept\n"
	if string(got) != want {
		t.Errorf("replaceBetween = %q, want %q", got, want)
	}
	if _, err := replaceBetween([]byte("no markers"), beginMarker, endMarker, "x"); err == nil {
		t.Error("replaceBetween without markers did not fail")
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, front, body string
	}{
		{"front matter", "---\ntitle: T\n---\n\nBody.\n", "---\ntitle: T\n---\n", "\nBody.\n"},
		{"none", "Body.\n", "", "Body.\n"},
		{"unclosed", "---\ntitle: T\nBody.\n", "", "---\ntitle: T\nBody.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			front, body := splitFrontMatter([]byte(tt.in))
			if string(front) != tt.front || string(body) != tt.body {
				t.Errorf("splitFrontMatter(%q) = %q, %q, want %q, %q", tt.in, front, body, tt.front, tt.body)
			}
		})
	}
}

func TestBenchLine(t *testing.T) {
	line := "BenchmarkRender/x100/annotated-2     \t       9\t 126997515 ns/op\t   7.45 MB/s\t46875408 B/op\t  298557 allocs/op"
	m := benchLine.FindStringSubmatch(line)
	if m == nil || m[1] != "x100/annotated" || m[2] != "126997515" || m[3] != "7.45" {
		t.Errorf("benchLine on %q = %q", line, m)
	}
}
