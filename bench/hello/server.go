//go:build !wasm

package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/site"
)

// serve serves h and the files of web as Dramatis's server does: compressed, with the same headers.
func serve(addr, web string, h *app.Handler) error {
	if fi, err := os.Stat(filepath.Join(web, "app.wasm")); err == nil {
		h.WasmContentLength = strconv.FormatInt(fi.Size(), 10)
	}
	mux := http.NewServeMux()
	mux.Handle("/web/", http.StripPrefix("/web/", http.FileServer(http.Dir(web))))
	mux.Handle("/", h)
	return http.ListenAndServe(addr, site.Headers(site.Compress(mux)))
}
