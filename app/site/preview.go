package site

import (
	"bytes"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// PreviewImage is the image, relative to the site's address, that link previews show.
const PreviewImage = "web/icon-512.png"

// ogAddress matches the og:url and og:image tags go-app writes into every page, with their
// attributes in either order. It resolves them against a Domain, which cannot hold a path, and with
// none it writes the bare string "https://".
var ogAddress = regexp.MustCompile(`\n?[ \t]*<meta (?:property="og:(url|image)" content="[^"]*"|content="[^"]*" property="og:(url|image)")>`)

// ParseSiteURL checks the address a site is published at: absolute http or https, with a host, and
// no query or fragment. It returns it ending in "/".
func ParseSiteURL(s string) (string, error) {
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("-url %q: %w", s, err)
	}
	if (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("-url %q: want an absolute address such as https://example.org/dramatis/", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("-url %q: want the page's address without a query or fragment", s)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u.String(), nil
}

// LinkPreview fills the page's og:url and og:image for a site published at siteURL (as
// ParseSiteURL returns it) and adds a canonical link. With siteURL "" it removes both tags, so a
// page never carries an empty address.
func LinkPreview(page []byte, siteURL string) []byte {
	out := ogAddress.ReplaceAllFunc(page, func(tag []byte) []byte {
		if siteURL == "" {
			return nil
		}
		indent, _, _ := bytes.Cut(tag, []byte("<"))
		property, value := "url", siteURL
		if bytes.Contains(tag, []byte(`"og:image"`)) {
			property, value = "image", siteURL+PreviewImage
		}
		return fmt.Appendf(indent, `<meta property="og:%s" content="%s">`, property, html.EscapeString(value))
	})
	if siteURL == "" {
		return out
	}
	canonical := fmt.Sprintf(`<link rel="canonical" href="%s">`, html.EscapeString(siteURL))
	return bytes.Replace(out, []byte("</title>"), []byte("</title>\n    "+canonical), 1)
}

// Preview serves next with LinkPreview applied to its HTML pages, for the server, whose pages go-app
// renders on request.
func Preview(next http.Handler, siteURL string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &pageRecorder{header: http.Header{}, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		body := rec.body.Bytes()
		if strings.HasPrefix(rec.header.Get("Content-Type"), "text/html") {
			body = LinkPreview(body, siteURL)
			rec.header.Set("Content-Length", strconv.Itoa(len(body)))
		}
		maps.Copy(w.Header(), rec.header)
		w.WriteHeader(rec.status)
		_, _ = w.Write(body)
	})
}

// pageRecorder keeps a response to change it before it is sent.
type pageRecorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (p *pageRecorder) Header() http.Header         { return p.header }
func (p *pageRecorder) WriteHeader(status int)      { p.status = status }
func (p *pageRecorder) Write(b []byte) (int, error) { return p.body.Write(b) }
