package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// Encodings lists the content codings Compress and the static build produce, most preferred first,
// with the file suffix of their precompressed form.
var Encodings = []struct{ Name, Suffix string }{
	{"br", ".br"},
	{"zstd", ".zst"},
	{"gzip", ".gz"},
}

// minCompressSize is the size below which a response is sent as it is.
const minCompressSize = 1024

// Compressible reports whether a response of the given media type is worth compressing.
func Compressible(contentType string) bool {
	ct, _, _ := strings.Cut(contentType, ";")
	ct = strings.TrimSpace(strings.ToLower(ct))
	switch {
	case strings.HasPrefix(ct, "text/"),
		ct == "application/wasm",
		ct == "application/javascript", ct == "text/javascript",
		ct == "application/json", ct == "application/manifest+json",
		ct == "image/svg+xml":
		return true
	}
	return false
}

// Effort says how hard Encode works.
type Effort int

const (
	// Fast suits a server that compresses on first request.
	Fast Effort = iota
	// Thorough suits files compressed once, in a build that should stay quick.
	Thorough
	// Max gives the smallest files: brotli level 11, which saves another tenth of app.wasm over
	// Thorough but takes the better part of a minute for it.
	Max
)

// ParseEffort reads an Effort from its name: fast, thorough or max.
func ParseEffort(name string) (Effort, error) {
	for e, n := range []string{"fast", "thorough", "max"} {
		if name == n {
			return Effort(e), nil
		}
	}
	return Fast, fmt.Errorf("unknown compression effort %q (want fast, thorough or max)", name)
}

// Encode compresses data with the named coding ("br", "zstd" or "gzip") at the given effort.
func Encode(name string, data []byte, effort Effort) ([]byte, error) {
	best := effort >= Thorough
	var buf bytes.Buffer
	var w io.WriteCloser
	var err error
	switch name {
	case "br":
		level := []int{5, 9, brotli.BestCompression}[effort]
		w = brotli.NewWriterLevel(&buf, level)
	case "zstd":
		level := zstd.SpeedDefault
		if best {
			level = zstd.SpeedBestCompression
		}
		w, err = zstd.NewWriter(&buf, zstd.WithEncoderLevel(level))
	default:
		level := gzip.DefaultCompression
		if best {
			level = gzip.BestCompression
		}
		w, err = gzip.NewWriterLevel(&buf, level)
	}
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Negotiate picks the coding to answer a request with from its Accept-Encoding header, or "" for
// none. A coding the client gives q=0 is refused.
func Negotiate(acceptEncoding string) string {
	accepted := map[string]bool{}
	for _, part := range strings.Split(acceptEncoding, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		accepted[strings.ToLower(strings.TrimSpace(name))] = q > 0
	}
	for _, e := range Encodings {
		if accepted[e.Name] {
			return e.Name
		}
	}
	return ""
}

// Compress answers GET requests of next with a compressed body when the client accepts one of
// Encodings and the response is compressible. Compressed bodies are kept in memory by the digest of
// their source, so each file (app.wasm above all) is compressed once per coding, fast; Prime gives it
// a body compressed harder beforehand.
func Compress(next http.Handler) *Compressor {
	return &Compressor{next: next, cache: map[[32]byte][]byte{}, primed: map[[32]byte]bool{}}
}

// Compressor is the handler Compress returns.
type Compressor struct {
	next   http.Handler
	mu     sync.Mutex
	cache  map[[32]byte][]byte
	primed map[[32]byte]bool // the bodies Prime gave, which the cache keeps always
}

// Prime has c answer a request for body in the coding enc with out, body compressed beforehand
// (app.wasm at brotli's level 11, say), from the next request on.
func (c *Compressor) Prime(enc string, body, out []byte) {
	key := cacheKey(enc, body)
	c.mu.Lock()
	c.cache[key] = out
	c.primed[key] = true
	c.mu.Unlock()
}

func cacheKey(enc string, body []byte) [32]byte {
	return sha256.Sum256(append([]byte(enc+"\x00"), body...))
}

// Precompressed returns the file at path if it is data compressed with brotli: app.wasm.br made for
// app.wasm, say. It returns false if there is no such file or it holds something else.
func Precompressed(path string, data []byte) ([]byte, bool) {
	br, err := os.ReadFile(path)
	if err != nil {
		return nil, false
	}
	plain, err := io.ReadAll(io.LimitReader(brotli.NewReader(bytes.NewReader(br)), int64(len(data))+1))
	if err != nil || !bytes.Equal(plain, data) {
		return nil, false
	}
	return br, true
}

// maxCached bounds the number of compressed bodies kept; past it the cache starts afresh.
const maxCached = 64

func (c *Compressor) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	enc := Negotiate(r.Header.Get("Accept-Encoding"))
	if (r.Method != http.MethodGet && r.Method != http.MethodHead) || r.Header.Get("Range") != "" || enc == "" {
		w.Header().Add("Vary", "Accept-Encoding")
		c.next.ServeHTTP(w, r)
		return
	}
	// The ETag of a compressed answer carries the coding; the handler behind knows only its own.
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		r = r.Clone(r.Context())
		r.Header.Set("If-None-Match", strings.ReplaceAll(inm, "-"+enc+`"`, `"`))
	}
	// A HEAD request is answered with the headers of the GET, compressed length included.
	head := r.Method == http.MethodHead
	if head {
		r = r.Clone(r.Context())
		r.Method = http.MethodGet
	}
	rec := &recorder{header: http.Header{}, status: http.StatusOK}
	c.next.ServeHTTP(rec, r)
	h := w.Header()
	for k, v := range rec.header {
		h[k] = v
	}
	h.Add("Vary", "Accept-Encoding")
	body := rec.body.Bytes()
	if rec.status != http.StatusOK || len(body) < minCompressSize || h.Get("Content-Encoding") != "" || !Compressible(h.Get("Content-Type")) {
		writeBody(w, rec.status, body, head)
		return
	}
	out, err := c.encoded(enc, body)
	if err != nil {
		writeBody(w, rec.status, body, head)
		return
	}
	h.Set("Content-Encoding", enc)
	h.Set("Content-Length", strconv.Itoa(len(out)))
	if etag := h.Get("ETag"); etag != "" {
		h.Set("ETag", strings.TrimSuffix(etag, `"`)+"-"+enc+`"`)
	}
	writeBody(w, http.StatusOK, out, head)
}

func writeBody(w http.ResponseWriter, status int, body []byte, head bool) {
	w.WriteHeader(status)
	if !head {
		_, _ = w.Write(body)
	}
}

func (c *Compressor) encoded(enc string, body []byte) ([]byte, error) {
	key := cacheKey(enc, body)
	c.mu.Lock()
	out, ok := c.cache[key]
	c.mu.Unlock()
	if ok {
		return out, nil
	}
	out, err := Encode(enc, body, Fast)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.cache) >= maxCached {
		for k := range c.cache {
			if !c.primed[k] {
				delete(c.cache, k)
			}
		}
	}
	if !c.primed[key] { // a primed body may have come meanwhile: it is the better one
		c.cache[key] = out
	}
	c.mu.Unlock()
	return out, nil
}

// recorder keeps a response in memory so that it can be compressed whole.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
	wrote  bool
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.body.Write(b)
}
