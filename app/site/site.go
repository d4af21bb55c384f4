// Package site delivers Dramatis: the security headers and compression of the local server, the
// service worker that makes the app work offline at the root or under a sub-path, and the writing of
// the static website.
package site

import (
	_ "embed"
	"html"
	"net/http"
	"strings"
)

// WorkerTemplate is the go-app service worker template Dramatis uses instead of go-app's own: it waits
// for the whole cache before installing, bypasses the HTTP cache when fetching a new version, caches
// the page at the registration scope (which makes sub-paths work offline), and answers navigations
// with that page whatever their query string.
//
//go:embed worker.js
var WorkerTemplate string

// ContentSecurityPolicy lets the page load scripts, styles, images, the manifest and the service
// worker from its own origin only, and compile WebAssembly. Inline styles are allowed for the small
// generated <style> that colours the highlights; no inline script is.
var ContentSecurityPolicy = strings.Join([]string{
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data: blob:",
	"connect-src 'self'",
	"worker-src 'self'",
	"manifest-src 'self'",
	"object-src 'none'",
	"base-uri 'self'",
	"form-action 'self'",
}, "; ")

// CSPMeta is ContentSecurityPolicy as a <meta> element, for static pages whose host sets no headers.
func CSPMeta() string {
	return `<meta http-equiv="Content-Security-Policy" content="` + ContentSecurityPolicy + `">`
}

// WasmPreload is a <link> that has the browser fetch app.wasm, served under base ("" for a host's
// root), while it still parses the page. go-app's app.js asks for app.wasm only after the whole page
// is parsed and the deferred scripts have run; with the link, that fetch finds the file under way or
// there. The link must match app.js's fetch, which is same-origin with credentials: hence crossorigin.
func WasmPreload(base string) string {
	return `<link rel="preload" href="` + html.EscapeString(strings.TrimSuffix(base, "/")+"/web/app.wasm") +
		`" as="fetch" type="application/wasm" crossorigin>`
}

// Headers adds the security headers to every response of next. Pages may not be framed by others.
func Headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy+"; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}
