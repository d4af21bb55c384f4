//go:build !wasm

package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/site"
)

// build writes the static website of doc to cmd.out, for serving under cmd.base.
func build(cmd command, doc *model.Document) error {
	wasm, err := os.ReadFile(filepath.Join(cmd.web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("%w (build it with: make wasm)", err)
	}
	effort, err := site.ParseEffort(cmd.effort)
	if err != nil {
		return err
	}
	siteURL := ""
	if cmd.url != "" {
		if siteURL, err = site.ParseSiteURL(cmd.url); err != nil {
			return err
		}
	}
	if err := site.WriteStatic(cmd.out, cmd.web, cmd.base, siteURL, effort, newHandler(doc, wasm)); err != nil {
		return err
	}
	log.Printf("dramatis: wrote %s for %s/", cmd.out, cmd.base)
	return nil
}
