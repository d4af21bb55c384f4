package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// lighthouseSpec is the Lighthouse the bench runs: 12.2.3, the last to run on Node 20.
const lighthouseSpec = "lighthouse@12.2.3"

// Lighthouse targets.
const (
	targetTBT   = 0.6 // Dramatis's total blocking time / the hello-world's
	targetScore = 90  // Dramatis's performance score
)

// lighthouseRun is what one Lighthouse run reported.
type lighthouseRun struct {
	tbt, lcp, fid         float64 // ms: total blocking time, largest contentful paint, max potential first input delay
	perf, a11y, best, seo float64 // scores, 0 to 100
}

// lighthouseResult is Lighthouse's runs on Dramatis and on the hello-world, alternating.
type lighthouseResult struct {
	app, hello []lighthouseRun
	note       string // why it did not run, if it did not
}

// measureLighthouse installs Lighthouse from npm in the work directory and runs it runs times on
// each of the two servers, mobile with simulated throttling (its defaults), alternating.
func measureLighthouse(ctx context.Context, w *work, cfg config, runs int, logf func(string, ...any)) (*lighthouseResult, error) {
	res := &lighthouseResult{}
	if _, err := exec.LookPath("npm"); err != nil {
		res.note = "not measured: npm is not installed"
		return res, nil
	}
	dir := filepath.Join(w.dir, "lighthouse")
	logf("Lighthouse: npm install %s", lighthouseSpec)
	if _, err := output(ctx, w.dir, nil, "npm", "install", "--no-audit", "--no-fund", "--prefix", dir, lighthouseSpec); err != nil {
		res.note = "not measured: npm install " + lighthouseSpec + " failed"
		return res, nil
	}
	app, err := startProcess(ctx, w.dir, "dramatis-lighthouse", w.server, func(addr string) []string {
		return []string{"serve", "-addr", addr, "-web", w.web}
	})
	if err != nil {
		return nil, err
	}
	defer app.stop()
	hello, err := startProcess(ctx, w.dir, "hello-lighthouse", w.hello, func(addr string) []string {
		return []string{addr, w.helloWeb}
	})
	if err != nil {
		return nil, err
	}
	defer hello.stop()
	for _, p := range []*process{app, hello} {
		if err := p.warm("/", "/web/app.wasm"); err != nil {
			return nil, err
		}
	}
	bin := filepath.Join(dir, "node_modules", ".bin", "lighthouse")
	for i := range runs {
		for _, s := range []struct {
			p   *process
			out *[]lighthouseRun
		}{{app, &res.app}, {hello, &res.hello}} {
			logf("Lighthouse: %s, run %d of %d", s.p.name, i+1, runs)
			r, err := runLighthouse(ctx, w.dir, bin, cfg.chromium, s.p.url+"/")
			if err != nil {
				return nil, err
			}
			*s.out = append(*s.out, r)
		}
	}
	return res, nil
}

// runLighthouse runs Lighthouse once on url with the given Chromium and reads its report.
func runLighthouse(ctx context.Context, dir, bin, chromium, url string) (lighthouseRun, error) {
	report := filepath.Join(dir, "lighthouse-report.json")
	_ = os.Remove(report)
	flags := "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic"
	_, err := output(ctx, dir, []string{"CHROME_PATH=" + chromium}, bin, url, "--quiet", "--output=json", "--output-path="+report,
		"--only-categories=performance,accessibility,best-practices,seo", "--chrome-flags="+flags)
	if err != nil {
		return lighthouseRun{}, fmt.Errorf("lighthouse %s: %w", url, err)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		return lighthouseRun{}, err
	}
	var r struct {
		Categories map[string]struct {
			Score *float64 `json:"score"`
		} `json:"categories"`
		Audits map[string]struct {
			NumericValue float64 `json:"numericValue"`
		} `json:"audits"`
		RuntimeError *struct {
			Code, Message string
		} `json:"runtimeError"`
	}
	if err := json.Unmarshal(data, &r); err != nil {
		return lighthouseRun{}, fmt.Errorf("reading Lighthouse's report: %w", err)
	}
	if r.RuntimeError != nil && r.RuntimeError.Code != "" {
		return lighthouseRun{}, fmt.Errorf("lighthouse %s: %s: %s", url, r.RuntimeError.Code, r.RuntimeError.Message)
	}
	score := func(k string) float64 {
		if c, ok := r.Categories[k]; ok && c.Score != nil {
			return 100 * *c.Score
		}
		return -1
	}
	out := lighthouseRun{
		tbt: r.Audits["total-blocking-time"].NumericValue, lcp: r.Audits["largest-contentful-paint"].NumericValue,
		fid:  r.Audits["max-potential-fid"].NumericValue,
		perf: score("performance"), a11y: score("accessibility"), best: score("best-practices"), seo: score("seo"),
	}
	if out.perf < 0 {
		return out, errors.New("the Lighthouse report has no performance score")
	}
	return out, nil
}

// table writes the Lighthouse rows.
func (r *lighthouseResult) table() string {
	if r.note != "" || len(r.app) == 0 {
		note := r.note
		if note == "" {
			note = "not measured in the smoke run"
		}
		return "| Lighthouse " + strings.TrimPrefix(lighthouseSpec, "lighthouse@") + " (mobile, simulated throttling) | " + note + " | | | |\n"
	}
	med := func(runs []lighthouseRun, f func(lighthouseRun) float64) float64 {
		xs := make([]float64, len(runs))
		for i, x := range runs {
			xs[i] = f(x)
		}
		return median(xs)
	}
	var b strings.Builder
	n := len(r.app)
	tbtA, tbtH := med(r.app, func(x lighthouseRun) float64 { return x.tbt }), med(r.hello, func(x lighthouseRun) float64 { return x.tbt })
	ratio := "–"
	met := tbtA <= 0
	if tbtH > 0 {
		ratio = times(tbtA / tbtH)
		met = tbtA/tbtH <= targetTBT
	}
	row := func(what, a, h, q, target string, ok bool) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", what, a, h, q, target, yes(ok))
	}
	b.WriteString("| Lighthouse " + strings.TrimPrefix(lighthouseSpec, "lighthouse@") + ", mobile, simulated throttling (median of " + fmt.Sprint(n) + " runs each, alternating) | Dramatis | hello-world | Ratio | Target | Met |\n|---|---|---|---|---|---|\n")
	row("Total blocking time", ms(tbtA), ms(tbtH), ratio, fmt.Sprintf("≤ %.1f×", targetTBT), met)
	lcpA, lcpH := med(r.app, func(x lighthouseRun) float64 { return x.lcp }), med(r.hello, func(x lighthouseRun) float64 { return x.lcp })
	row("Largest contentful paint", ms(lcpA), ms(lcpH), times(lcpA/lcpH), "", true)
	fidA, fidH := med(r.app, func(x lighthouseRun) float64 { return x.fid }), med(r.hello, func(x lighthouseRun) float64 { return x.fid })
	row("Max potential first input delay", ms(fidA), ms(fidH), times(fidA/fidH), "", true)
	perf := med(r.app, func(x lighthouseRun) float64 { return x.perf })
	row("Performance score", fmt.Sprintf("%.0f", perf), fmt.Sprintf("%.0f", med(r.hello, func(x lighthouseRun) float64 { return x.perf })), "", fmt.Sprintf("≥ %d", targetScore), perf >= targetScore)
	for _, c := range []struct {
		name string
		f    func(lighthouseRun) float64
	}{{"Accessibility", func(x lighthouseRun) float64 { return x.a11y }}, {"Best practices", func(x lighthouseRun) float64 { return x.best }}, {"SEO", func(x lighthouseRun) float64 { return x.seo }}} {
		v := med(r.app, c.f)
		row(c.name+" score", fmt.Sprintf("%.0f", v), fmt.Sprintf("%.0f", med(r.hello, c.f)), "", "100", v == 100)
	}
	return b.String()
}
