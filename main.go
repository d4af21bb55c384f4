// Command dramatis shows an article beside its cast: the people, organisations, countries and places
// it mentions. The same program is the local server (the default "serve" command) and, compiled to
// WebAssembly, the app that runs in the browser.
//
// Usage:
//
//	dramatis [serve] [-addr :8000] [-content DIR] [-web DIR]
package main

import (
	"fmt"
	"os"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/ui"
)

func main() {
	cfg, err := parseCommand(os.Args[1:])
	if err != nil {
		fail(err)
	}
	doc, data, err := loadDocument(cfg)
	if err != nil {
		fail(err)
	}
	pictures := loadPictures(doc)
	app.Route("/", func() app.Composer { return &ui.Page{Doc: doc, Data: data, Pictures: pictures} })
	app.RunWhenOnBrowser() // in the browser this never returns
	if err := runCommand(cfg, doc); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "dramatis:", err)
	os.Exit(1)
}
