//go:build wasm

package main

import (
	"errors"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/ui"
)

// loadDocument reads the article from the prerendered page; the browser has no content directory.
func loadDocument(command) (*model.Document, string, error) {
	doc, err := ui.DocumentFromPage()
	return doc, "", err
}

// runCommand is never reached in the browser, where app.RunWhenOnBrowser does not return.
func runCommand(command, *model.Document) error {
	return errors.New("commands run on the server only")
}
