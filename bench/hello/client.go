//go:build wasm

package main

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// serve is never reached in the browser, where app.RunWhenOnBrowser does not return.
func serve(string, string, *app.Handler) error { return errors.New("the server runs on the host only") }
