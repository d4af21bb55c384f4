//go:build !wasm

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
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
	watch   bool   // serve: load the content directory again when its files change
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

// parseCommand reads the command line (without the program name). "dramatis help [COMMAND]", and -h
// or -help anywhere, print the usage on standard output and exit.
func parseCommand(args []string) (command, error) {
	cmd, err := readCommand(args)
	if errors.Is(err, errHelp) {
		fmt.Print(err.(*helpError).text)
		os.Exit(0)
	}
	return cmd, err
}

// errHelp is the error of readCommand when the command line asks for help; it is a *helpError, with
// the text to print.
var errHelp = errors.New("help requested")

type helpError struct{ text string }

func (e *helpError) Error() string        { return errHelp.Error() }
func (e *helpError) Is(target error) bool { return target == errHelp }

// overview is what "dramatis help" prints: the commands, and how to learn more of one.
func overview() string {
	var b strings.Builder
	b.WriteString("Dramatis shows an article beside its cast: the people, organisations, countries and places it\nmentions.\n\nusage: dramatis [COMMAND] [FLAGS]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-12s %s\n", c.name, c.about)
	}
	b.WriteString("\n\"dramatis help COMMAND\" or \"dramatis COMMAND -h\" lists a command's flags.\n")
	return b.String()
}

// readCommand is parseCommand without printing or exiting.
func readCommand(args []string) (command, error) {
	cmd := command{name: "serve"}
	if len(args) > 0 && (args[0] == "help" || args[0] == "-h" || args[0] == "-help" || args[0] == "--help") {
		if len(args) == 1 || args[0] != "help" {
			return cmd, &helpError{overview()}
		}
		args = []string{args[1], "-h"}
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd.name, args = args[0], args[1:]
	}
	about := ""
	var names []string
	for _, c := range commands {
		if c.name == cmd.name {
			about = c.about
		}
		names = append(names, c.name)
	}
	if about == "" {
		return cmd, fmt.Errorf("unknown command %q (want %s; dramatis help says what each does)", cmd.name, strings.Join(names, ", "))
	}
	fs := flag.NewFlagSet("dramatis "+cmd.name, flag.ContinueOnError)
	var flagOut strings.Builder
	fs.SetOutput(&flagOut)
	fs.StringVar(&cmd.content, "content", "", "directory holding article.md and entities.yaml (default: the bundled article)")
	fs.StringVar(&cmd.web, "web", "web", "directory of static assets, with app.wasm")
	switch cmd.name {
	case "serve":
		fs.StringVar(&cmd.addr, "addr", ":8000", "address to listen on")
		fs.BoolVar(&cmd.watch, "watch", false, "load -content again whenever article.md or entities.yaml changes (reload the page to see it)")
	case "build":
		fs.StringVar(&cmd.out, "out", "dist", "directory to write the static site to")
		fs.StringVar(&cmd.base, "base", "", "path prefix the site is served under, such as /dramatis")
		fs.StringVar(&cmd.effort, "compress", "max", "how hard to precompress files: fast, thorough or max")
		fs.StringVar(&cmd.url, "url", "", "address the site is published at, such as https://user.github.io/dramatis/, for link previews and the canonical link")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			flagOut.Reset()
			fs.PrintDefaults()
			file := ""
			if cmd.name == "suggest" || cmd.name == "mentions" {
				file = " [FILE.md]"
			}
			return cmd, &helpError{fmt.Sprintf("usage: dramatis %s [FLAGS]%s\n\n%s%s.\n\nflags:\n%s", cmd.name, file,
				strings.ToUpper(about[:1]), about[1:], flagOut.String())}
		}
		first, _, _ := strings.Cut(flagOut.String(), "\n")
		return cmd, fmt.Errorf("%s (dramatis %s -h lists the flags)", first, cmd.name)
	}
	if (cmd.name == "suggest" || cmd.name == "mentions") && fs.NArg() == 1 && cmd.content == "" {
		cmd.file = fs.Arg(0)
		return cmd, nil
	}
	if fs.NArg() > 0 {
		return cmd, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if cmd.watch && cmd.content == "" {
		return cmd, errors.New("-watch needs -content DIR: the bundled article is built into the program")
	}
	return cmd, nil
}
