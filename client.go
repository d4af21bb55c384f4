//go:build wasm

package main

import (
	"errors"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/ui"
)

// command is empty in the browser: the page takes no command line. (The server's command.go reads
// it with the flag package, which the client leaves out: it would only add to app.wasm.)
type command struct{}

// parseCommand has nothing to read in the browser.
func parseCommand([]string) (command, error) { return command{}, nil }

// loadDocument reads the article from the prerendered page; the browser has no content directory.
func loadDocument(command) (*model.Document, string, error) {
	doc, err := ui.DocumentFromPage()
	return doc, "", err
}

// loadPictures reads the pictures of the article from the prerendered page.
func loadPictures(*model.Document) ui.Pictures { return ui.PicturesFromPage() }

// runCommand is never reached in the browser, where app.RunWhenOnBrowser does not return.
func runCommand(command, *model.Document) error {
	return errors.New("commands run on the server only")
}
