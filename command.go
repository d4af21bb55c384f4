//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// command is what the command line asks for.
type command struct {
	name    string // serve, build or check
	addr    string // serve: where to listen
	content string // a directory with article.md and entities.yaml; "" for the bundled article
	web     string // the directory of static assets, app.wasm among them
	out     string // build: the directory to write the static site to
	base    string // build: the path the site is served under, e.g. "/dramatis"; "" for the root
	effort  string // build: how hard to precompress: fast, thorough or max
	url     string // build: the address the site is published at, for link previews; "" for none
	file    string // suggest, mentions: an article file to read instead of a content directory
}

// commands lists the command names with what each does, for usage messages.
var commands = []struct{ name, about string }{
	{"serve", "serve the article and its cast on -addr (the default command)"},
	{"build", "write the article as a static website to -out, for hosting under -base"},
	{"check", "validate a content directory and warn about gaps in its cast"},
	{"suggest", "write a catalogue for an article (-content DIR or FILE.md) to stdout: its entries, then what detection adds"},
	{"mentions", "write an article's mentions (-content DIR or FILE.md) to stdout as JSON Lines with byte offsets"},
	{"precompress", "write app.wasm.br beside app.wasm in -web at brotli's level 11, which serve then sends (make build runs it)"},
}

// parseCommand reads the command line (without the program name).
func parseCommand(args []string) (command, error) {
	cmd := command{name: "serve"}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd.name, args = args[0], args[1:]
	}
	known := false
	var names []string
	for _, c := range commands {
		known = known || c.name == cmd.name
		names = append(names, c.name)
	}
	if !known {
		return cmd, fmt.Errorf("unknown command %q (want %s)", cmd.name, strings.Join(names, ", "))
	}
	fs := flag.NewFlagSet("dramatis "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cmd.content, "content", "", "directory holding article.md and entities.yaml (default: the bundled article)")
	fs.StringVar(&cmd.web, "web", "web", "directory of static assets, with app.wasm")
	switch cmd.name {
	case "serve":
		fs.StringVar(&cmd.addr, "addr", ":8000", "address to listen on")
	case "build":
		fs.StringVar(&cmd.out, "out", "dist", "directory to write the static site to")
		fs.StringVar(&cmd.base, "base", "", "path prefix the site is served under, such as /dramatis")
		fs.StringVar(&cmd.effort, "compress", "max", "how hard to precompress files: fast, thorough or max")
		fs.StringVar(&cmd.url, "url", "", "address the site is published at, such as https://user.github.io/dramatis/, for link previews and the canonical link")
	}
	if err := fs.Parse(args); err != nil {
		return cmd, err
	}
	if (cmd.name == "suggest" || cmd.name == "mentions") && fs.NArg() == 1 && cmd.content == "" {
		cmd.file = fs.Arg(0)
		return cmd, nil
	}
	if fs.NArg() > 0 {
		return cmd, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return cmd, nil
}
