// Package headless holds how Dramatis's end-to-end tests and benchmarks start Chromium: headless, as
// root without the sandbox, and with the background traffic off that a machine without network would
// otherwise refuse over and over.
package headless

import (
	"os"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium to run: the one named by DRAMATIS_E2E_CHROMIUM, or else where Debian's
// chromium package puts it.
func Path() string {
	if p := os.Getenv("DRAMATIS_E2E_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Options returns the allocator options for the Chromium at path, with the given profile directory
// and window size, followed by extra.
func Options(path, profile string, width, height int, extra ...chromedp.ExecAllocatorOption) []chromedp.ExecAllocatorOption {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(width, height),
	)
	return append(opts, extra...)
}
