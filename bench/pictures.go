package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"strings"

	"github.com/dramatis/dramatis/app/site"
)

// pictureResult is what the panel's pictures add to the page as the server sends it: the bytes of
// each view's markup, raw and at gzip's best level, against the whole page; and whether app.wasm
// holds any of the map's path data (it should not: the client reads the pictures from the page).
type pictureResult struct {
	page, pageGzip int
	views          []pictureBytes
	wasmHasMapData bool
}

// pictureBytes is one view's markup in the page.
type pictureBytes struct {
	name        string
	raw, gzip   int
	shareOfPage float64 // of the page's gzipped bytes
}

// pathData matches the start of a path's data in the map's markup.
var pathData = regexp.MustCompile(`<path class="land" aria-hidden="true" d="([^"]{64})`)

// measurePictures fetches the page at url and measures each picture's markup in it, and looks for
// the map's path data in the app.wasm at wasmPath.
func measurePictures(url, wasmPath string) (*pictureResult, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	page, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	gz := func(b []byte) (int, error) {
		out, err := site.Encode("gzip", b, site.Max)
		return len(out), err
	}
	res := &pictureResult{page: len(page)}
	if res.pageGzip, err = gz(page); err != nil {
		return nil, err
	}
	for _, name := range []string{"map", "network"} {
		markup, err := pictureMarkup(page, name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", url, err)
		}
		n, err := gz(markup)
		if err != nil {
			return nil, err
		}
		res.views = append(res.views, pictureBytes{name, len(markup), n, float64(n) / float64(res.pageGzip)})
		if name == "map" {
			m := pathData.FindSubmatch(markup)
			if m == nil {
				return nil, fmt.Errorf("%s: the map has no land path", url)
			}
			wasm, err := os.ReadFile(wasmPath)
			if err != nil {
				return nil, err
			}
			res.wasmHasMapData = bytes.Contains(wasm, m[1])
		}
	}
	return res, nil
}

// pictureMarkup returns the element inside the picture's container (id name) of page: its
// <div class="picture-body">, up to the matching end tag.
func pictureMarkup(page []byte, name string) ([]byte, error) {
	s := string(page)
	at := strings.Index(s, `id="`+name+`"`)
	if at < 0 {
		return nil, fmt.Errorf("no #%s", name)
	}
	start := strings.Index(s[at:], `<div class="picture-body">`)
	if start < 0 {
		return nil, fmt.Errorf("#%s holds no picture", name)
	}
	start += at
	depth := 0
	for i := start; i < len(s); {
		open, end := strings.Index(s[i:], "<div"), strings.Index(s[i:], "</div>")
		switch {
		case end < 0:
			return nil, fmt.Errorf("#%s: the picture does not end", name)
		case open >= 0 && open < end:
			depth++
			i += open + len("<div")
		default:
			depth--
			i += end + len("</div>")
			if depth == 0 {
				return []byte(s[start:i]), nil
			}
		}
	}
	return nil, fmt.Errorf("#%s: the picture does not end", name)
}
