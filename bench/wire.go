package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"

	"github.com/dramatis/dramatis/app/site"
)

// encoding is one way app.wasm can travel: an encoding of app/site at the level the server uses
// ("live", compressed on the first request) or the one the static build uses ("static").
type encoding struct {
	name   string      // br, zstd or gzip
	effort site.Effort // how hard: the server's or the static build's
	label  string
}

// encodings lists the encodings measured; the static build's levels take seconds and are left out of
// the smoke run.
func encodings(smoke bool) []encoding {
	// dramatis serve sends brotli at level 11 from the first request, as make build writes it
	// (dramatis precompress); the smoke run, which has no time for level 11, measures the fast coding.
	serverBr := site.Max
	if smoke {
		serverBr = site.Fast
	}
	list := []encoding{
		{"br", serverBr, "br (server)"},
		{"zstd", site.Fast, "zstd (server)"},
		{"gzip", site.Fast, "gzip (server)"},
	}
	if !smoke {
		list = append(list,
			encoding{"br", site.Max, "br (static build)"},
			encoding{"zstd", site.Max, "zstd (static build)"},
			encoding{"gzip", site.Max, "gzip (static build)"},
		)
	}
	return list
}

// wireResult holds the sizes in bytes of app.wasm and the hello-world's, raw, in each encoding (by
// label) and as gzip -9 makes them.
type wireResult struct {
	labels       []string
	app, hello   map[string]int
	gzip9Program string // what made the gzip -9 sizes
}

// measureWire compresses both app.wasm files with app/site's Encode and with gzip -9.
func measureWire(w *work, cfg config) (*wireResult, error) {
	res := &wireResult{labels: []string{"raw"}, app: map[string]int{}, hello: map[string]int{}}
	for _, f := range []struct {
		path  string
		sizes map[string]int
	}{
		{filepath.Join(w.web, "app.wasm"), res.app},
		{filepath.Join(w.helloWeb, "app.wasm"), res.hello},
	} {
		data, err := os.ReadFile(f.path)
		if err != nil {
			return nil, err
		}
		f.sizes["raw"] = len(data)
		for _, e := range encodings(cfg.smoke) {
			out, err := site.Encode(e.name, data, e.effort)
			if err != nil {
				return nil, err
			}
			f.sizes[e.label] = len(out)
		}
		n, program, err := gzip9(f.path, data)
		if err != nil {
			return nil, err
		}
		f.sizes["gzip -9"] = n
		res.gzip9Program = program
	}
	for _, e := range encodings(cfg.smoke) {
		res.labels = append(res.labels, e.label)
	}
	res.labels = append(res.labels, "gzip -9")
	return res, nil
}

// gzip9 returns the size of path compressed by the gzip program at -9, or by app/site's gzip at its
// best level where there is no gzip program, and says which.
func gzip9(path string, data []byte) (int, string, error) {
	if gz, err := exec.LookPath("gzip"); err == nil {
		var out bytes.Buffer
		cmd := exec.Command(gz, "-9", "-n", "-c", path)
		cmd.Stdout = &out
		if err := cmd.Run(); err == nil {
			return out.Len(), "gzip -9", nil
		}
	}
	out, err := site.Encode("gzip", data, site.Max)
	return len(out), "klauspost/compress gzip level 9", err
}

// best returns the smallest encoded size of app.wasm that the server sends (br, zstd or gzip, at the
// server's levels) and its label.
func (r *wireResult) best() (int, string) {
	n, label := r.app["raw"], "raw"
	for _, e := range encodings(true) {
		if s := r.app[e.label]; s < n {
			n, label = s, e.label
		}
	}
	return n, label
}

// worstRatio returns the largest ratio of app.wasm to the hello-world's under the same encoding,
// among those the server sends, and that encoding's label.
func (r *wireResult) worstRatio() (float64, string) {
	worst, label := 0.0, ""
	for _, e := range encodings(true) {
		if q := float64(r.app[e.label]) / float64(r.hello[e.label]); q > worst {
			worst, label = q, e.label
		}
	}
	return worst, label
}
