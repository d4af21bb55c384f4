package site

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
)

// wasmLike is a body that compresses as a program does, not to nothing.
func wasmLike() []byte {
	var b bytes.Buffer
	for i := range 20000 {
		fmt.Fprintf(&b, "func%d(%d) -> %x;", i%977, i*7919%104729, i*31)
	}
	return b.Bytes()
}

// A body compressed beforehand, at brotli's level 11, is what the first request gets, and later
// ones; Precompressed takes a file only if it is that body compressed.
func TestPrime(t *testing.T) {
	wasm := wasmLike()
	mux := http.NewServeMux()
	mux.HandleFunc("/web/app.wasm", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		_, _ = w.Write(wasm)
	})
	best, err := Encode("br", wasm, Max)
	if err != nil {
		t.Fatal(err)
	}
	fast, err := Encode("br", wasm, Fast)
	if err != nil {
		t.Fatal(err)
	}
	if len(best) >= len(fast) {
		t.Fatalf("level 11 gives %d bytes, the fast coding %d: the test body does not tell them apart", len(best), len(fast))
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "app.wasm.br")
	if _, ok := Precompressed(path, wasm); ok {
		t.Error("Precompressed took a file that is not there")
	}
	if err := os.WriteFile(path, fast[:len(fast)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := Precompressed(path, wasm); ok {
		t.Error("Precompressed took half a file")
	}
	if err := os.WriteFile(path, best, 0o644); err != nil {
		t.Fatal(err)
	}
	out, ok := Precompressed(path, wasm)
	if !ok || !bytes.Equal(out, best) {
		t.Fatal("Precompressed refused the body compressed")
	}
	if _, ok := Precompressed(path, append(wasm, 'x')); ok {
		t.Error("Precompressed took a file made for another body")
	}

	c := Compress(mux)
	c.Prime("br", wasm, out)
	for i := range 2 {
		req := httptest.NewRequest(http.MethodGet, "/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", "gzip, br")
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, req)
		if rec.Header().Get("Content-Encoding") != "br" || !bytes.Equal(rec.Body.Bytes(), best) {
			t.Errorf("request %d: %s, %d bytes; want the %d bytes of level 11", i+1, rec.Header().Get("Content-Encoding"), rec.Body.Len(), len(best))
		}
	}
}
