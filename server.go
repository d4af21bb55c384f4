//go:build !wasm

package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/picture"
	"github.com/dramatis/dramatis/app/site"
	"github.com/dramatis/dramatis/app/ui"
	"github.com/dramatis/dramatis/content"
)

// loadDocument builds the Document from the bundled content or from cmd.content, and its JSON form
// for the page (without the body's HTML, which the page carries already).
func loadDocument(cmd command) (*model.Document, string, error) {
	if cmd.file != "" {
		return loadFile(cmd.file)
	}
	var fsys fs.FS = content.FS
	if cmd.content != "" {
		fsys = os.DirFS(cmd.content)
	}
	doc, err := document.Load(fsys)
	if err != nil {
		if cmd.content != "" {
			err = fmt.Errorf("%s: %w", cmd.content, err)
		}
		return nil, "", err
	}
	return withData(doc)
}

// loadFile builds the Document of an article file, with its detected cast.
func loadFile(file string) (*model.Document, string, error) {
	article, err := os.ReadFile(file)
	if err != nil {
		return nil, "", err
	}
	entities, err := document.Detect(file, article)
	if err != nil {
		return nil, "", err
	}
	doc, err := document.Build(file, article, entities)
	if err != nil {
		return nil, "", err
	}
	return withData(doc)
}

// withData returns doc with its JSON form for the page.
func withData(doc *model.Document) (*model.Document, string, error) {
	// The body's HTML is in the page already, inside #article: the client reads it from there.
	light := *doc
	light.HTML = ""
	data, err := json.Marshal(&light)
	if err != nil {
		return nil, "", err
	}
	return doc, string(data), nil
}

// loadPictures draws the map and the network of doc, which the server prerenders into the page.
func loadPictures(doc *model.Document) ui.Pictures {
	m, n := picture.Views(doc, model.NewIndex(doc))
	return ui.Pictures{Map: m, Network: n}
}

// runCommand carries out the command on the server.
func runCommand(cmd command, doc *model.Document) error {
	switch cmd.name {
	case "suggest":
		return suggest(os.Stdout, cmd)
	case "mentions":
		return mentions(os.Stdout, cmd)
	case "precompress":
		return precompress(cmd)
	case "build":
		return build(cmd, doc)
	case "check":
		return check(cmd, doc)
	}
	return serve(cmd, doc)
}

// serve serves the app, prerendered with doc, until the server fails.
func serve(cmd command, doc *model.Document) error {
	wasm, err := os.ReadFile(filepath.Join(cmd.web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%w (build it with: make wasm)", err)
	}
	var page atomic.Pointer[http.Handler] // the page of the article as it is now
	show := func(doc *model.Document) {
		h := newHandler(doc, wasm)
		h.RawHeaders = append(h.RawHeaders, site.WasmPreload(""))
		p := site.Preview(h, "")
		page.Store(&p)
	}
	show(doc)
	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web/", noCache(http.FileServer(http.Dir(cmd.web)))))
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*page.Load()).ServeHTTP(w, r) }))
	if cmd.watch {
		go watchContent(cmd, time.Second, func(doc *model.Document, data string) {
			pictures := loadPictures(doc)
			app.Route("/", func() app.Composer { return &ui.Page{Doc: doc, Data: data, Pictures: pictures} })
			show(doc)
		})
	}
	c := site.Compress(mux)
	primeWasm(c, wasm, filepath.Join(cmd.web, "app.wasm.br"))
	log.Printf("dramatis: serving %q on %s", doc.Meta.Title, cmd.addr)
	return http.ListenAndServe(cmd.addr, site.Headers(c))
}

// watchContent checks the content directory of cmd every interval and, when article.md or
// entities.yaml changed, loads it again and hands the new document to reload. A mistake in the
// edited files is logged with its file and line, and the page goes on showing the last good version.
func watchContent(cmd command, interval time.Duration, reload func(*model.Document, string)) {
	stamp := func() string {
		var b strings.Builder
		for _, name := range []string{content.ArticleFile, content.CatalogueFile} {
			if fi, err := os.Stat(filepath.Join(cmd.content, name)); err == nil {
				fmt.Fprintf(&b, "%s %d %d;", name, fi.Size(), fi.ModTime().UnixNano())
			}
		}
		return b.String()
	}
	last := stamp()
	for range time.Tick(interval) {
		now := stamp()
		if now == last {
			continue
		}
		last = now
		doc, data, err := loadDocument(cmd)
		if err != nil {
			log.Printf("dramatis: not reloaded: %v", err)
			continue
		}
		reload(doc, data)
		log.Printf("dramatis: reloaded %q; a reload of the page shows it", doc.Meta.Title)
	}
}

// primeWasm has c send app.wasm at brotli's level 11, as the static build does: at once from br, the
// file that make build writes (dramatis precompress), if it was made for this app.wasm; else once
// compressed in the background, with the fast coding served meanwhile. Start-up never waits.
func primeWasm(c *site.Compressor, wasm []byte, br string) {
	if out, ok := site.Precompressed(br, wasm); ok {
		c.Prime("br", wasm, out)
		return
	}
	go func() {
		start := time.Now()
		out, err := site.Encode("br", wasm, site.Max)
		if err != nil {
			log.Printf("dramatis: compressing app.wasm: %v", err)
			return
		}
		c.Prime("br", wasm, out)
		log.Printf("dramatis: app.wasm compressed to %d bytes in %s (make build does it beforehand)", len(out), time.Since(start).Round(time.Second))
	}()
}

// precompress writes app.wasm.br beside app.wasm in cmd.web, at brotli's level 11, unless the file
// there is already app.wasm compressed. It writes a temporary file and renames it, so a server never
// reads half of one.
func precompress(cmd command) error {
	src := filepath.Join(cmd.web, "app.wasm")
	wasm, err := os.ReadFile(src)
	if err != nil {
		return fmt.Errorf("%w (build it with: make wasm)", err)
	}
	dst := src + ".br"
	if _, ok := site.Precompressed(dst, wasm); ok {
		return nil
	}
	out, err := site.Encode("br", wasm, site.Max)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(cmd.web, ".app.wasm.br-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(out); err != nil {
		_ = tmp.Close()
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		_ = os.Remove(tmp.Name())
		return err
	}
	log.Printf("dramatis: wrote %s (%d bytes, from %d)", dst, len(out), len(wasm))
	return nil
}

// noCache makes browsers revalidate static files on each use: their names carry no version, and the
// service worker keeps the offline copy.
func noCache(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}

// version identifies a build of the app and its article: it changes whenever either does, which is how
// an installed app learns that an update is available.
func version(wasm []byte, doc *model.Document) string {
	h := sha256.New()
	h.Write(wasm)
	_ = json.NewEncoder(h).Encode(doc)
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// newHandler returns the go-app handler that prerenders and serves the page of doc with the given
// WebAssembly build of the app.
func newHandler(doc *model.Document, wasm []byte) *app.Handler {
	title := "Dramatis"
	if doc.Meta.Title != "" {
		title = ui.HeadText(doc.Meta.Title) + " · Dramatis"
	}
	return &app.Handler{
		Name:            "Dramatis",
		ShortName:       "Dramatis",
		Title:           title,
		Description:     description(doc.Meta),
		Author:          ui.HeadText(doc.Meta.Author),
		Lang:            "en",
		ThemeColor:      "#23395b",
		BackgroundColor: "#fbfaf7",
		LoadingLabel:    "Dramatis is setting the stage… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-maskable.png",
		},
		Styles:  []string{"/web/app.css"},
		Scripts: []string{"/web/early.js"}, // records clicks and keys made before the app is live
		// The engine's worker script is small and kept for offline use; the engine's WebAssembly is
		// large and kept only once a reader has opened an article (see web/engine.js).
		CacheableResources:    []string{"/web/engine.js"},
		RawHeaders:            []string{ui.PaletteStyle()},
		Version:               version(wasm, doc),
		WasmContentLength:     strconv.Itoa(len(wasm)),
		ServiceWorkerTemplate: site.WorkerTemplate,
	}
}

// description is what search results and link previews say of the page: the article's standfirst,
// or what Dramatis does when the article has none.
func description(meta model.Meta) string {
	if meta.Standfirst != "" {
		return ui.HeadText(meta.Standfirst)
	}
	return "Read an article beside its cast: everyone it mentions, and where."
}
