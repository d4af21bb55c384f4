package site

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// page is the head go-app writes, with the attributes of its og: tags in both orders, as it writes
// them from one render to the next.
const page = `<head>
    <meta property="og:url" content="https://">
    <meta content="A title" property="og:title">
    <meta content="https://" property="og:image">
    <title>A title</title>
</head>`

func TestLinkPreview(t *testing.T) {
	bare := string(LinkPreview([]byte(page), ""))
	want := "<head>\n    <meta content=\"A title\" property=\"og:title\">\n    <title>A title</title>\n</head>"
	if bare != want {
		t.Errorf("LinkPreview(page, \"\") =\n%s\nwant\n%s", bare, want)
	}
	published := string(LinkPreview([]byte(page), "https://example.org/a&b/"))
	for _, want := range []string{
		`    <meta property="og:url" content="https://example.org/a&amp;b/">`,
		`    <meta property="og:image" content="https://example.org/a&amp;b/web/icon-512.png">`,
		"</title>\n    <link rel=\"canonical\" href=\"https://example.org/a&amp;b/\">",
	} {
		if !strings.Contains(published, want) {
			t.Errorf("LinkPreview(page, url) lacks %q:\n%s", want, published)
		}
	}
}

func TestParseSiteURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://user.github.io/dramatis":  "https://user.github.io/dramatis/",
		"https://user.github.io/dramatis/": "https://user.github.io/dramatis/",
		"http://localhost:8000":            "http://localhost:8000/",
	} {
		if got, err := ParseSiteURL(in); err != nil || got != want {
			t.Errorf("ParseSiteURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "user.github.io/dramatis", "mailto:a@b", "https:///x", "https://h/?q=1", "https://h/#top"} {
		if got, err := ParseSiteURL(in); err == nil {
			t.Errorf("ParseSiteURL(%q) = %q, want an error", in, got)
		}
	}
}

func TestPreview(t *testing.T) {
	h := Preview(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/app.js" {
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(`content="https://"`))
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusAccepted)
		_, _ = w.Write([]byte(page))
	}), "")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != http.StatusAccepted || strings.Contains(rec.Body.String(), "og:url") || rec.Header().Get("Content-Length") != strconv.Itoa(rec.Body.Len()) {
		t.Errorf("Preview of a page: %d, Content-Length %s, body\n%s", rec.Code, rec.Header().Get("Content-Length"), rec.Body)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	if rec.Body.String() != `content="https://"` {
		t.Errorf("Preview changed a script: %q", rec.Body)
	}
}
