package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/detect"
	"github.com/dramatis/dramatis/app/detect/eval"
	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
)

// The detection table has markers of its own, so that -only detect rewrites it alone.
const (
	detectBegin = "<!-- bench:detect:begin -->"
	detectEnd   = "<!-- bench:detect:end -->"
)

// Targets of cast detection.
const (
	targetMicro    = 0.85 // CoNLL-2003 development articles, micro F1 over PER, LOC and ORG
	targetType     = 0.80 // each of PER, LOC and ORG
	targetCast     = 0.90 // an article's catalogue: people and countries found, mention recall and precision
	targetSpeed    = 0.5  // detection throughput / goldmark parsing throughput
	compromiseSpec = "compromise@14.17"
)

// castRow is detection measured against one article's hand-written catalogue.
type castRow struct {
	name, about string
	words       int
	score       eval.Cast
}

// detectResult is what the detection measurements found.
type detectResult struct {
	conll, compromise   *eval.CoNLL
	conllNote, compNote string // why a CoNLL row was not measured
	casts               []castRow
	speed               []float64  // per round, detection throughput / goldmark's, bundled article
	speedLong           []float64  // the same on the bundled body 20 times over
	perByte             [2]float64 // detection ns per byte, bundled and 20 times over, medians
}

// measureDetect runs the detection measurements. conll is the folder of the CoNLL-2003 development
// articles (conll.py split ... --min-tokens 80), or "" to leave those rows out.
func measureDetect(ctx context.Context, root, conll string, rounds int, benchtime string, logf func(string, ...any)) (*detectResult, error) {
	res := &detectResult{}
	if conll == "" {
		res.conllNote = "not measured: no -conll folder given"
		res.compNote = res.conllNote
	} else {
		logf("detection: CoNLL-2003 articles in %s", conll)
		r, err := eval.ScoreCoNLL(conll, eval.Predict)
		if err != nil {
			return nil, err
		}
		res.conll = &r
		logf("detection: %s on the same articles", compromiseSpec)
		if c, err := scoreCompromise(ctx, root, conll); err != nil {
			res.compNote = "not measured: " + err.Error()
		} else {
			res.compromise = &c
		}
	}
	logf("detection: the bundled article and the articles of app/detect/testdata, catalogues set aside")
	if err := res.scoreCasts(root); err != nil {
		return nil, err
	}
	logf("detection: throughput against goldmark, %d round(s)", rounds)
	return res, res.measureSpeed(root, rounds, benchtime)
}

// scoreCasts scores detection on each article that has a hand-written catalogue.
func (r *detectResult) scoreCasts(root string) error {
	dirs := []string{filepath.Join(root, "content")}
	more, err := filepath.Glob(filepath.Join(root, "app", "detect", "testdata", "articles", "*"))
	if err != nil {
		return err
	}
	slices.Sort(more)
	dirs = append(dirs, more...)
	for _, dir := range dirs {
		article, err := os.ReadFile(filepath.Join(dir, "article.md"))
		if err != nil {
			return err
		}
		gold, err := catalog.Load(os.DirFS(dir), "entities.yaml")
		if err != nil {
			return fmt.Errorf("%s: %w", dir, err)
		}
		meta, body, err := document.Prepare(dir, article)
		if err != nil {
			return err
		}
		sc, err := eval.ScoreCast(filepath.Join(dir, "article.md"), article, gold)
		if err != nil {
			return err
		}
		name := filepath.Base(dir)
		if name == "content" {
			name = "the bundled article"
		}
		r.casts = append(r.casts, castRow{name: name, about: meta.Publication, words: len(strings.Fields(string(body))), score: sc})
	}
	return nil
}

// measureSpeed compares detection's throughput with goldmark parsing the same text, in rounds that
// alternate the two.
func (r *detectResult) measureSpeed(root string, rounds int, benchtime string) error {
	src, err := os.ReadFile(filepath.Join(root, "content", "article.md"))
	if err != nil {
		return err
	}
	_, body, err := document.Prepare("article.md", src)
	if err != nil {
		return err
	}
	long := bytes.Repeat(append(body, '\n'), 20)
	detect.Detect(model.Meta{}, body) // the model, decoded once
	once := benchtime == "1x"
	var perByte [2][]float64
	for range rounds {
		for k, text := range [][]byte{body, long} {
			parse, det := timeParse(text, once), timeDetect(text, once)
			ratio := parse / det
			if k == 0 {
				r.speed = append(r.speed, ratio)
			} else {
				r.speedLong = append(r.speedLong, ratio)
			}
			perByte[k] = append(perByte[k], det/float64(len(text)))
		}
	}
	r.perByte = [2]float64{median(perByte[0]), median(perByte[1])}
	return nil
}

// timeParse and timeDetect return ns per run; once runs each a single time, for the smoke run.
func timeParse(body []byte, once bool) float64 {
	md := goldmark.New()
	return nsPerOp(once, func() { md.Parser().Parse(text.NewReader(body)) })
}

func timeDetect(body []byte, once bool) float64 {
	return nsPerOp(once, func() { detect.Detect(model.Meta{}, body) })
}

func nsPerOp(once bool, f func()) float64 {
	if once {
		start := time.Now()
		f()
		return float64(time.Since(start).Nanoseconds())
	}
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			f()
		}
	})
	return float64(res.NsPerOp())
}

// scoreCompromise installs the npm package compromise in a temporary folder and scores its people,
// places and organisations on the CoNLL articles, as the baseline.
func scoreCompromise(ctx context.Context, root, conll string) (eval.CoNLL, error) {
	if _, err := exec.LookPath("npm"); err != nil {
		return eval.CoNLL{}, errors.New("npm is not installed")
	}
	// node runs in a directory of its own, where a relative path to the articles would not lead.
	conll, err := filepath.Abs(conll)
	if err != nil {
		return eval.CoNLL{}, err
	}
	dir, err := os.MkdirTemp("", "dramatis-compromise-")
	if err != nil {
		return eval.CoNLL{}, err
	}
	defer func() { _ = os.RemoveAll(dir) }()
	if _, err := output(ctx, dir, nil, "npm", "install", "--no-audit", "--no-fund", "--prefix", dir, compromiseSpec); err != nil {
		return eval.CoNLL{}, fmt.Errorf("npm install %s failed", compromiseSpec)
	}
	paths, err := filepath.Glob(filepath.Join(conll, "doc-*.md"))
	if err != nil {
		return eval.CoNLL{}, err
	}
	args := append([]string{filepath.Join(root, "bench", "compromise.js")}, paths...)
	out, err := output(ctx, dir, []string{"NODE_PATH=" + filepath.Join(dir, "node_modules")}, "node", args...)
	if err != nil {
		return eval.CoNLL{}, err
	}
	pred := map[string][]eval.Span{}
	if err := json.Unmarshal([]byte(out), &pred); err != nil {
		return eval.CoNLL{}, fmt.Errorf("reading compromise's output: %w", err)
	}
	return eval.ScoreCoNLL(conll, func(file string, _ []byte) ([]eval.Span, error) {
		spans, ok := pred[file]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return spans, nil
	})
}

// detectTable writes the detection results as Markdown.
func (r *detectResult) table(smoke bool) string {
	var b strings.Builder
	if smoke {
		b.WriteString("**Smoke run**: the speed figures mean nothing.\n\n")
	}
	b.WriteString("| Cast detection | Dramatis | Baseline | Target | Met |\n|---|---|---|---|---|\n")
	row := func(what, got, base, target string, met bool) {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", what, got, base, target, yes(met))
	}
	if r.conll == nil {
		fmt.Fprintf(&b, "| CoNLL-2003 development articles | %s | | micro F1 ≥ %.2f | |\n", r.conllNote, targetMicro)
	} else {
		base := func(t string) string {
			if r.compromise == nil {
				return r.compNote
			}
			return fmt.Sprintf("%.3f (%s)", r.compromise.Types[t].F1(), compromiseSpec)
		}
		microBase := r.compNote
		if r.compromise != nil {
			microBase = fmt.Sprintf("%.3f (%s)", r.compromise.Micro.F1(), compromiseSpec)
		}
		row(fmt.Sprintf("CoNLL-2003 development articles (%d), exact-span micro F1, PER+LOC+ORG", r.conll.Docs),
			fmt.Sprintf("%.3f", r.conll.Micro.F1()), microBase, fmt.Sprintf("≥ %.2f", targetMicro), r.conll.Micro.F1() >= targetMicro)
		for _, t := range []string{"PER", "LOC", "ORG"} {
			s := r.conll.Types[t]
			row(fmt.Sprintf("… %s F1 (P %.3f, R %.3f)", t, s.Precision(), s.Recall()), fmt.Sprintf("%.3f", s.F1()), base(t),
				fmt.Sprintf("≥ %.2f", targetType), s.F1() >= targetType)
		}
	}
	for _, c := range r.casts {
		what := fmt.Sprintf("%s (%d words)", c.name, c.words)
		row(what+": people and countries found", ratioOf(c.score.Entities.TP, c.score.Entities.TP+c.score.Entities.FN), "", fmt.Sprintf("≥ %.2f", targetCast), c.score.Entities.Recall() >= targetCast)
		row(what+": their mentions, recall", fmt.Sprintf("%.2f", c.score.Mentions.Recall()), "", fmt.Sprintf("≥ %.2f", targetCast), c.score.Mentions.Recall() >= targetCast)
		row(what+": their mentions, precision", fmt.Sprintf("%.2f", c.score.Mentions.Precision()), "", fmt.Sprintf("≥ %.2f", targetCast), c.score.Mentions.Precision() >= targetCast)
	}
	sp, sl := median(r.speed), median(r.speedLong)
	row("Throughput, detection / goldmark parsing the same text, bundled article", times(sp), "goldmark parse = 1×", fmt.Sprintf("≥ %.1f×", targetSpeed), sp >= targetSpeed)
	row("… on its body 20 times over", times(sl), "goldmark parse = 1×", fmt.Sprintf("≥ %.1f×", targetSpeed), sl >= targetSpeed)
	row("Linear: ns per byte, 20 times the text / once", fmt.Sprintf("%.0f / %.0f = %.2f", r.perByte[1], r.perByte[0], r.perByte[1]/r.perByte[0]), "", "≈ 1", r.perByte[1]/r.perByte[0] < 1.5)
	return b.String()
}

func ratioOf(a, b int) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f (%d of %d)", float64(a)/float64(b), a, b)
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}
