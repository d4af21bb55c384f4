//go:build !wasm

package main

import (
	"errors"

	"github.com/dramatis/dramatis/app/model"
)

// check validates the content directory; loading it has already reported any error.
func check(command, *model.Document) error {
	return errors.New("check is not available yet")
}
