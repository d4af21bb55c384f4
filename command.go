package main

import (
	"flag"
	"fmt"
	"io"
)

// command is what the command line asks for.
type command struct {
	name    string // "serve"
	addr    string // where serve listens
	content string // a directory with article.md and entities.yaml; "" for the bundled article
	web     string // the directory of static assets, app.wasm among them
}

// parseCommand reads the command line (without the program name).
func parseCommand(args []string) (command, error) {
	cmd := command{name: "serve"}
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd.name, args = args[0], args[1:]
	}
	if cmd.name != "serve" {
		return cmd, fmt.Errorf("unknown command %q (want serve)", cmd.name)
	}
	fs := flag.NewFlagSet("dramatis "+cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&cmd.addr, "addr", ":8000", "address to listen on")
	fs.StringVar(&cmd.content, "content", "", "directory holding article.md and entities.yaml (default: the bundled article)")
	fs.StringVar(&cmd.web, "web", "web", "directory of static assets, with app.wasm")
	if err := fs.Parse(args); err != nil {
		return cmd, err
	}
	if fs.NArg() > 0 {
		return cmd, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return cmd, nil
}
