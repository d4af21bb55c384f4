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

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
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

// runCommand carries out the command on the server.
func runCommand(cmd command, doc *model.Document) error {
	switch cmd.name {
	case "suggest":
		return suggest(os.Stdout, cmd)
	case "mentions":
		return mentions(os.Stdout, cmd)
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
	h := newHandler(doc, wasm)
	h.RawHeaders = append(h.RawHeaders, site.WasmPreload(""))
	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web/", noCache(http.FileServer(http.Dir(cmd.web)))))
	mux.Handle("/", site.Preview(h, ""))
	log.Printf("dramatis: serving %q on %s", doc.Meta.Title, cmd.addr)
	return http.ListenAndServe(cmd.addr, site.Headers(site.Compress(mux)))
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
		Styles:                []string{"/web/app.css"},
		Scripts:               []string{"/web/early.js"}, // records clicks and keys made before the app is live
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
