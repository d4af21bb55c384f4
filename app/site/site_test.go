package site

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

func TestNegotiate(t *testing.T) {
	tests := []struct{ accept, want string }{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"gzip, deflate, br, zstd", "br"},
		{"zstd, gzip", "zstd"},
		{"br;q=0, gzip", "gzip"},
		{"BR;q=0.5", "br"},
		{"gzip;q=0", ""},
		{" gzip ; q=1.0 ", "gzip"},
	}
	for _, tt := range tests {
		if got := Negotiate(tt.accept); got != tt.want {
			t.Errorf("Negotiate(%q) = %q, want %q", tt.accept, got, tt.want)
		}
	}
}

func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	var err error
	switch enc {
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(b))
	case "zstd":
		var d *zstd.Decoder
		d, err = zstd.NewReader(bytes.NewReader(b))
		r = d
	default:
		return b
	}
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

func TestCompress(t *testing.T) {
	page := []byte(strings.Repeat("<p>Edi Rama met Yair Lapid.</p>\n", 200))
	tiny := []byte("tiny")
	png := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 1000)
	mux := http.NewServeMux()
	serve := func(path, ctype string, body []byte) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			_, _ = w.Write(body)
		})
	}
	serve("/page", "text/html; charset=utf-8", page)
	serve("/tiny", "text/css", tiny)
	serve("/icon", "image/png", png)
	h := Compress(mux)
	tests := []struct {
		name, path, accept, wantEnc string
		want                        []byte
	}{
		{"brotli page", "/page", "gzip, br", "br", page},
		{"zstd page", "/page", "zstd", "zstd", page},
		{"gzip page", "/page", "gzip", "gzip", page},
		{"no coding accepted", "/page", "", "", page},
		{"too small to bother", "/tiny", "br", "", tiny},
		{"already compressed media", "/icon", "br", "", png},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for range 2 { // the second answer comes from the cache
				req := httptest.NewRequest(http.MethodGet, tt.path, nil)
				req.Header.Set("Accept-Encoding", tt.accept)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if got := rec.Header().Get("Content-Encoding"); got != tt.wantEnc {
					t.Fatalf("Content-Encoding = %q, want %q", got, tt.wantEnc)
				}
				if got := decode(t, tt.wantEnc, rec.Body.Bytes()); !bytes.Equal(got, tt.want) {
					t.Fatalf("decoded body differs: %d bytes, want %d", len(got), len(tt.want))
				}
				if tt.wantEnc != "" && rec.Body.Len() >= len(tt.want) {
					t.Errorf("%d bytes compressed to %d", len(tt.want), rec.Body.Len())
				}
				if !strings.Contains(rec.Header().Get("Vary"), "Accept-Encoding") {
					t.Error("no Vary: Accept-Encoding")
				}
			}
		})
	}
	t.Run("HEAD has the headers of GET", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodHead, "/page", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Header().Get("Content-Encoding") != "gzip" || rec.Header().Get("Content-Length") == "" || rec.Body.Len() != 0 {
			t.Errorf("HEAD: Content-Encoding %q, Content-Length %q, %d body bytes; want gzip, a length, none",
				rec.Header().Get("Content-Encoding"), rec.Header().Get("Content-Length"), rec.Body.Len())
		}
	})
	t.Run("revalidation with the compressed ETag", func(t *testing.T) {
		req := httptest.NewRequest(http.MethodGet, "/page", nil)
		req.Header.Set("Accept-Encoding", "br")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		etag := rec.Header().Get("ETag")
		if etag != `"v1-br"` {
			t.Fatalf("ETag = %q, want %q", etag, `"v1-br"`)
		}
		req.Header.Set("If-None-Match", etag)
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotModified {
			t.Errorf("status = %d, want 304", rec.Code)
		}
	})
}

func TestHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	Headers(http.NotFoundHandler()).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "'wasm-unsafe-eval'", "frame-ancestors 'none'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
		}
	}
	if strings.Contains(ContentSecurityPolicy, "http") || strings.Contains(ContentSecurityPolicy, "*") {
		t.Errorf("the policy allows other origins: %q", ContentSecurityPolicy)
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
}

func TestWasmPreload(t *testing.T) {
	for base, want := range map[string]string{
		"":           `href="/web/app.wasm"`,
		"/dramatis":  `href="/dramatis/web/app.wasm"`,
		"/dramatis/": `href="/dramatis/web/app.wasm"`,
		`/a"b`:       `href="/a&#34;b/web/app.wasm"`,
	} {
		got := WasmPreload(base)
		if !strings.Contains(got, want) || !strings.Contains(got, `rel="preload"`) || !strings.Contains(got, `as="fetch"`) || !strings.HasSuffix(got, " crossorigin>") {
			t.Errorf("WasmPreload(%q) = %s, want a fetch preload with %s, crossorigin", base, got, want)
		}
	}
}

func TestFixManifest(t *testing.T) {
	for _, base := range []string{"", "/dramatis"} {
		path := filepath.Join(t.TempDir(), "manifest.webmanifest")
		if err := os.WriteFile(path, []byte(`{"name":"Dramatis","scope":"/","start_url":"/dramatis"}`), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := fixManifest(path, base); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		for _, k := range []string{"scope", "start_url", "id"} {
			if m[k] != base+"/" {
				t.Errorf("base %q: %s = %v, want %q", base, k, m[k], base+"/")
			}
		}
		if m["name"] != "Dramatis" {
			t.Errorf("base %q: name lost: %v", base, m["name"])
		}
	}
}

func TestPrecompress(t *testing.T) {
	dir := t.TempDir()
	big := []byte(strings.Repeat("body { color: #1d1d22; }\n", 100))
	files := map[string][]byte{"app.css": big, "small.js": []byte("x"), "icon.png": big}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := precompress(dir, Thorough); err != nil {
		t.Fatal(err)
	}
	for _, enc := range []struct{ name, suffix string }{{"br", ".br"}, {"gzip", ".gz"}} {
		data, err := os.ReadFile(filepath.Join(dir, "app.css"+enc.suffix))
		if err != nil {
			t.Fatalf("no %s sibling: %v", enc.suffix, err)
		}
		if got := decode(t, enc.name, data); !bytes.Equal(got, big) {
			t.Errorf("app.css%s does not decode to app.css", enc.suffix)
		}
		for _, skipped := range []string{"small.js", "icon.png"} {
			if _, err := os.Stat(filepath.Join(dir, skipped+enc.suffix)); err == nil {
				t.Errorf("%s%s written, want none", skipped, enc.suffix)
			}
		}
	}
}

func TestReplaceDirKeepsOldOnFailure(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "dist")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A web directory without app.wasm: the build fails before writing anything.
	if err := WriteStatic(out, filepath.Join(root, "no-web"), "", "", Fast, nil); err == nil {
		t.Fatal("WriteStatic without app.wasm succeeded")
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "old" {
		t.Errorf("the previous dist was changed: index.html = %q", got)
	}
	entries, _ := os.ReadDir(root)
	if len(entries) != 1 {
		t.Errorf("left %d entries beside dist, want only dist", len(entries))
	}

	// A finished directory replaces the old one whole.
	tmp := filepath.Join(root, ".dist-new")
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, "index.html"), []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := replaceDir(out, tmp); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "new" {
		t.Errorf("index.html = %q, want new", got)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("left %d entries, want only dist", len(entries))
	}
}
