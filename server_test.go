//go:build !wasm

package main

import (
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/ui"
)

// TestPaletteInHead checks that the prerendered page carries the palette's <style> in its head, and
// only there: a style sheet in the body makes the browser style the page again before it first
// paints it.
func TestPaletteInHead(t *testing.T) {
	doc, data, err := loadDocument(command{})
	if err != nil {
		t.Fatal(err)
	}
	app.Route("/", func() app.Composer { return &ui.Page{Doc: doc, Data: data} })
	rec := httptest.NewRecorder()
	newHandler(doc, []byte("wasm")).ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	head, body, ok := strings.Cut(rec.Body.String(), "</head>")
	if !ok {
		t.Fatalf("the page has no </head>: %.300q", rec.Body.String())
	}
	if !strings.Contains(head, ui.PaletteStyle()) {
		t.Errorf("the page's head lacks the palette's <style>: %q", head)
	}
	if !strings.Contains(ui.PaletteStyle(), "--hl0:") {
		t.Errorf("the palette's <style> defines no colour: %q", ui.PaletteStyle())
	}
	if strings.Contains(body, `id="palette"`) {
		t.Error("the page's body has a palette <style> too")
	}
	if !strings.Contains(body, `id="article"`) {
		t.Errorf("the page's body lacks the article: %.300q", body)
	}
}
