package main

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// renderCase is one sub-benchmark of BenchmarkRender over all rounds.
type renderCase struct {
	ns   []float64 // ns/op of each round
	mbps []float64 // MB/s of each round
}

// annotateResult is the annotation throughput: for each article ("bundled", "x100"), plain goldmark,
// goldmark with the extension, and the same with the list of mentions built, and the ratios of their
// throughputs to plain goldmark's in each round.
type annotateResult struct {
	cases    map[string]*renderCase // by sub-benchmark name, such as "bundled/plain"
	ratios   map[string][]float64   // by article: annotated throughput / plain throughput, per round
	mentions map[string][]float64   // by article: with the mention list / plain, per round
}

// benchLine matches a result line of BenchmarkRender, such as
// "BenchmarkRender/bundled/plain-2   5000   216897 ns/op   43.62 MB/s   ...".
var benchLine = regexp.MustCompile(`^BenchmarkRender/(\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) MB/s`)

// benchAnnotate runs BenchmarkRender cfg.rounds times. In each round plain and annotated alternate,
// so that the machine's noise falls on both.
func benchAnnotate(ctx context.Context, w *work, cfg config) (*annotateResult, error) {
	res := &annotateResult{cases: map[string]*renderCase{}, ratios: map[string][]float64{}, mentions: map[string][]float64{}}
	for round := 0; round < cfg.rounds; round++ {
		out, err := output(ctx, w.dir, nil, w.annotate, "-test.run=^$", "-test.bench=^BenchmarkRender$",
			"-test.benchtime="+cfg.benchtime, "-test.count=1")
		if err != nil {
			return nil, err
		}
		got := map[string]float64{}
		for _, line := range strings.Split(out, "\n") {
			m := benchLine.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			ns, err1 := strconv.ParseFloat(m[2], 64)
			mbps, err2 := strconv.ParseFloat(m[3], 64)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("reading %q", line)
			}
			c := res.cases[m[1]]
			if c == nil {
				c = &renderCase{}
				res.cases[m[1]] = c
			}
			c.ns = append(c.ns, ns)
			c.mbps = append(c.mbps, mbps)
			got[m[1]] = ns
		}
		for _, article := range []string{"bundled", "x100"} {
			plain, annotated, mentions := got[article+"/plain"], got[article+"/annotated"], got[article+"/mentions"]
			if plain == 0 || annotated == 0 || mentions == 0 {
				return nil, fmt.Errorf("BenchmarkRender printed no result for %s:\n%s", article, out)
			}
			res.ratios[article] = append(res.ratios[article], plain/annotated)
			res.mentions[article] = append(res.mentions[article], plain/mentions)
		}
	}
	return res, nil
}
