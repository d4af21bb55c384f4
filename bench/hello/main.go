// Command hello is go-app's "Hello World!" from its getting-started guide: the baseline that the
// benchmarks compare Dramatis with. It marks its heading data-live="true" once mounted in the
// browser, the signal Dramatis gives on #dramatis.
//
// Usage:
//
//	hello [ADDR [WEB]]
//
// serves on ADDR (default :8000) with the static files, app.wasm among them, of the directory WEB
// (default web). It reads its arguments without the flag package, which the getting-started example
// does not have either, so that the baseline carries no more code than go-app needs.
package main

import (
	"log"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type hello struct {
	app.Compo
	live bool
}

func (h *hello) OnMount(app.Context) { h.live = true }

func (h *hello) Render() app.UI {
	return app.H1().ID("hello").Attr("data-live", h.live).Text("Hello World!")
}

func main() {
	app.Route("/", func() app.Composer { return &hello{} })
	app.RunWhenOnBrowser()

	addr, web := ":8000", "web"
	if len(os.Args) > 1 {
		addr = os.Args[1]
	}
	if len(os.Args) > 2 {
		web = os.Args[2]
	}
	log.Fatal(serve(addr, web, &app.Handler{
		Name:        "Hello",
		Description: "An Hello World! example",
		Icon:        app.Icon{Default: "/web/icon.png"},
	}))
}
