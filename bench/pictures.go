package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"

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
	defer func() { _ = resp.Body.Close() }()
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

// pictureMarkup returns the markup of the picture name (map or network) in page: the text of its
// <script type="text/html" id="picture-NAME">, where the server keeps a picture not shown.
func pictureMarkup(page []byte, name string) ([]byte, error) {
	open := []byte(`<script type="text/html" id="picture-` + name + `">`)
	_, rest, ok := bytes.Cut(page, open)
	if !ok {
		return nil, fmt.Errorf("no picture %s", name)
	}
	markup, _, ok := bytes.Cut(rest, []byte("</script>"))
	if !ok {
		return nil, fmt.Errorf("the picture %s does not end", name)
	}
	return markup, nil
}
