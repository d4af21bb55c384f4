//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dramatis/dramatis/app/site"
)

// precompress writes app.wasm.br once, and serve sends it from the first request; without it, serve
// sends the fast coding at first and level 11 once compressed in the background.
func TestPrecompressAndServe(t *testing.T) {
	dir := t.TempDir()
	var b bytes.Buffer
	for i := range 20000 {
		fmt.Fprintf(&b, "func%d(%d) -> %x;", i%977, i*7919%104729, i*31)
	}
	wasm := b.Bytes()
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), wasm, 0o644); err != nil {
		t.Fatal(err)
	}
	br := filepath.Join(dir, "app.wasm.br")
	get := func(c *site.Compressor) []byte {
		req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", "br")
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, req)
		return rec.Body.Bytes()
	}
	handler := func() *site.Compressor {
		mux := http.NewServeMux()
		mux.HandleFunc("/web/app.wasm", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/wasm")
			_, _ = w.Write(wasm)
		})
		return site.Compress(mux)
	}

	// Without app.wasm.br: the first answer is the fast coding, then level 11 arrives.
	c := handler()
	primeWasm(c, wasm, br)
	best, err := site.Encode("br", wasm, site.Max)
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for !bytes.Equal(get(c), best) {
		if time.Now().After(deadline) {
			t.Fatal("serve never sends app.wasm at level 11 without app.wasm.br")
		}
		time.Sleep(20 * time.Millisecond)
	}

	// precompress writes the file, and leaves it be when it is current.
	if err := precompress(command{web: dir}); err != nil {
		t.Fatal(err)
	}
	if out, ok := site.Precompressed(br, wasm); !ok || !bytes.Equal(out, best) {
		t.Fatal("precompress did not write app.wasm at level 11")
	}
	before, _ := os.Stat(br)
	if err := precompress(command{web: dir}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(br); !after.ModTime().Equal(before.ModTime()) {
		t.Error("precompress rewrote a current app.wasm.br")
	}
	// With it: level 11 from the first request.
	c = handler()
	primeWasm(c, wasm, br)
	if got := get(c); !bytes.Equal(got, best) {
		t.Errorf("the first answer is %d bytes, want app.wasm.br's %d", len(got), len(best))
	}
	if err := precompress(command{web: t.TempDir()}); err == nil {
		t.Error("precompress without app.wasm: no error")
	}
}
