package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/site"
)

// floorJS is the whole script of the floor page: a click on a cast button toggles it and rewrites
// <style id="highlights">, which is all a click needs to do.
//
//go:embed floor.js
var floorJS string

// floorButtons is how many cast buttons the floor page has.
const floorButtons = 8

// staticPage returns a plain HTML page of doc's article, styled by Dramatis's stylesheet, with no
// script: the baseline for the time until the article is visible.
func staticPage(doc *model.Document) string {
	return pageHead(doc, "") + `<body>
<main class="reading"><article class="story">
<header class="story-head"><h1>` + html.EscapeString(doc.Meta.Title) + `</h1></header>
<div class="story-body">` + doc.HTML + `</div>
</article></main>
</body>
</html>
`
}

// floorPage returns the static page of doc with a few cast buttons whose click does nothing but set
// aria-pressed and rewrite a <style>: the least work a click can do, so the floor of click → paint.
func floorPage(doc *model.Document) string {
	var b strings.Builder
	b.WriteString(pageHead(doc, `<script src="/floor.js" defer></script>
<style id="highlights"></style>
`))
	b.WriteString(`<body>
<nav id="cast" style="position:fixed;top:0;right:0;z-index:10;background:#fff;padding:8px">
`)
	for i, e := range doc.Entities {
		if i == floorButtons {
			break
		}
		fmt.Fprintf(&b, "<button data-entity=\"%s\" aria-pressed=\"false\">%s</button>\n", html.EscapeString(e.ID), html.EscapeString(e.Name))
	}
	b.WriteString(`</nav>
<main class="reading"><article class="story">
<header class="story-head"><h1>` + html.EscapeString(doc.Meta.Title) + `</h1></header>
<div class="story-body">` + doc.HTML + `</div>
</article></main>
</body>
</html>
`)
	return b.String()
}

// pageHead returns the page's doctype and head, with extra at its end.
func pageHead(doc *model.Document, extra string) string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + html.EscapeString(doc.Meta.Title) + `</title>
<link rel="stylesheet" href="/web/app.css">
` + extra + `</head>
`
}

// pageServer serves the baseline pages on loopback, compressed and with the headers of Dramatis's
// own server: /static/bundled, /static/long, /floor/bundled, /floor/long, and /web/ from web.
type pageServer struct {
	srv *http.Server
	url string // http://127.0.0.1:PORT

	mu             sync.Mutex
	acceptEncoding string // what the browser last accepted, for the report
}

// startPages starts the page server.
func startPages(w *work) (*pageServer, error) {
	pages := map[string]string{
		"/static/bundled": staticPage(w.bundled),
		"/static/long":    staticPage(w.long),
		"/floor/bundled":  floorPage(w.bundled),
		"/floor/long":     floorPage(w.long),
	}
	mux := http.NewServeMux()
	s := &pageServer{}
	for path, body := range pages {
		mux.HandleFunc(path, func(rw http.ResponseWriter, r *http.Request) {
			s.mu.Lock()
			s.acceptEncoding = r.Header.Get("Accept-Encoding")
			s.mu.Unlock()
			rw.Header().Set("Content-Type", "text/html; charset=utf-8")
			rw.Header().Set("Cache-Control", "no-cache")
			_, _ = rw.Write([]byte(body))
		})
	}
	mux.HandleFunc("/floor.js", func(rw http.ResponseWriter, _ *http.Request) {
		rw.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = rw.Write([]byte(floorJS))
	})
	mux.Handle("/web/", http.StripPrefix("/web/", http.FileServer(http.Dir(w.web))))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.srv = &http.Server{Handler: site.Headers(site.Compress(mux)), ReadHeaderTimeout: 10 * time.Second}
	s.url = "http://" + l.Addr().String()
	go func() {
		if err := s.srv.Serve(l); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Println("bench: page server:", err)
		}
	}()
	return s, nil
}

// accepted returns the Accept-Encoding of the browser's last page request.
func (s *pageServer) accepted() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.acceptEncoding
}

func (s *pageServer) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
}
