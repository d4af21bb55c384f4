package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/site"
	"github.com/dramatis/dramatis/content"
)

// wasmFlags are the go build flags of app.wasm, as the Makefile's WASM_FLAGS gives them. The
// hello-world is built with the same.
var wasmFlags = []string{"-trimpath", "-ldflags=-s -w"}

// work is the work directory of one run and what was built into it.
type work struct {
	root string // the module root
	dir  string // the work directory

	server     string // the dramatis binary
	web        string // its web directory, with app.wasm and engine.wasm
	hello      string // the hello-world server
	helloWeb   string // its web directory, with its app.wasm
	annotate   string // the test binary of app/annotate
	longDir    string // the content directory of the long article
	bundled    *model.Document
	long       *model.Document
	goVersion  string
	wasmSource string // how app.wasm was made, for the report
}

// path returns p relative to the module root unless it is absolute.
func (w *work) path(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(w.root, p)
}

// close removes the work directory unless keep is set.
func (w *work) close(keep bool, logf func(string, ...any)) {
	if keep {
		logf("work directory kept at %s", w.dir)
		return
	}
	removeAllRetry(w.dir)
}

// prepare makes the work directory and builds into it the server, app.wasm, engine.wasm (with the
// same flags), the hello-world (server and app.wasm, the same), the annotate test binary and the long
// article.
func prepare(ctx context.Context, cfg config, logf func(string, ...any)) (*work, error) {
	root, err := moduleRoot(ctx)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "dramatis-bench-")
	if err != nil {
		return nil, err
	}
	w := &work{
		root:     root,
		dir:      dir,
		server:   filepath.Join(dir, "dramatis"),
		web:      filepath.Join(dir, "web"),
		hello:    filepath.Join(dir, "hello"),
		helloWeb: filepath.Join(dir, "hello-web"),
		annotate: filepath.Join(dir, "annotate.test"),
		longDir:  filepath.Join(dir, "long"),
	}
	ok := false
	defer func() {
		if !ok {
			w.close(cfg.keep, logf)
		}
	}()
	if v, err := output(ctx, root, nil, "go", "env", "GOVERSION"); err == nil {
		w.goVersion = strings.TrimSpace(v)
	}
	for _, d := range []string{w.web, w.helloWeb, w.longDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	wasmEnv := []string{"GOOS=js", "GOARCH=wasm"}
	steps := []struct {
		what string
		env  []string
		args []string
	}{
		{"the server", nil, []string{"build", "-o", w.server, "."}},
		{"the hello-world server", nil, []string{"build", "-o", w.hello, "./bench/hello"}},
		{"the hello-world app.wasm", wasmEnv, append(append([]string{"build"}, wasmFlags...), "-o", filepath.Join(w.helloWeb, "app.wasm"), "./bench/hello")},
		{"engine.wasm", wasmEnv, append(append([]string{"build"}, wasmFlags...), "-o", filepath.Join(w.web, "engine.wasm"), "./app/engine/worker")},
	}
	if cfg.only == "" {
		steps = append(steps, struct {
			what string
			env  []string
			args []string
		}{"the annotate benchmark", nil, []string{"test", "-c", "-o", w.annotate, "./app/annotate"}})
	}
	if cfg.appWasm == "" {
		steps = append(steps, struct {
			what string
			env  []string
			args []string
		}{"app.wasm", wasmEnv, append(append([]string{"build"}, wasmFlags...), "-o", filepath.Join(w.web, "app.wasm"), ".")})
		w.wasmSource = "go build " + strings.Join(quoteArgs(wasmFlags), " ")
	} else {
		if err := site.CopyFile(filepath.Join(w.web, "app.wasm"), w.path(cfg.appWasm)); err != nil {
			return nil, err
		}
		w.wasmSource = "prebuilt " + cfg.appWasm
	}
	for _, s := range steps {
		start := time.Now()
		if _, err := output(ctx, root, s.env, "go", s.args...); err != nil {
			return nil, fmt.Errorf("building %s: %w", s.what, err)
		}
		logf("built %s in %s", s.what, time.Since(start).Round(100*time.Millisecond))
	}
	if err := site.CopyDir(w.web, w.path(cfg.webSrc), "app.wasm", "app.wasm.br", "engine.wasm"); err != nil {
		return nil, fmt.Errorf("copying the web files: %w", err)
	}
	// As make build does: the server then sends app.wasm at brotli's level 11 from the first
	// request. The smoke run has no minute for it: its server compresses in the background.
	if !cfg.smoke {
		start := time.Now()
		if _, err := output(ctx, root, nil, w.server, "precompress", "-web", w.web); err != nil {
			return nil, fmt.Errorf("precompressing app.wasm: %w", err)
		}
		logf("compressed app.wasm at brotli's level 11 in %s", time.Since(start).Round(100*time.Millisecond))
	}
	// The hello-world's icon, so that it loads nothing from elsewhere either.
	if err := site.CopyFile(filepath.Join(w.helloWeb, "icon.png"), filepath.Join(w.web, "icon-192.png")); err != nil {
		logf("the hello-world has no icon: %v", err)
	}
	if w.bundled, err = document.Load(content.FS); err != nil {
		return nil, fmt.Errorf("the bundled article: %w", err)
	}
	if w.long, err = writeLongContent(w.longDir, cfg.scale); err != nil {
		return nil, fmt.Errorf("the long article: %w", err)
	}
	ok = true
	return w, nil
}

// writeLongContent writes into dir a content directory whose article is the bundled one with its body
// repeated scale times, a blank line between copies (as BenchmarkRender makes it), and whose cast is
// the bundled one. It returns the article's Document.
func writeLongContent(dir string, scale int) (*model.Document, error) {
	article, err := fs.ReadFile(content.FS, content.ArticleFile)
	if err != nil {
		return nil, err
	}
	cast, err := fs.ReadFile(content.FS, content.CatalogueFile)
	if err != nil {
		return nil, err
	}
	front, body := splitFrontMatter(article)
	parts := make([][]byte, scale)
	for i := range parts {
		parts[i] = body
	}
	long := append(append([]byte(nil), front...), bytes.Join(parts, []byte("\n\n"))...)
	if err := os.WriteFile(filepath.Join(dir, content.ArticleFile), long, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, content.CatalogueFile), cast, 0o644); err != nil {
		return nil, err
	}
	return document.Load(os.DirFS(dir))
}

// splitFrontMatter splits an article into its YAML front matter, with both "---" lines, and its body.
func splitFrontMatter(article []byte) (front, body []byte) {
	if !bytes.HasPrefix(article, []byte("---\n")) {
		return nil, article
	}
	end := bytes.Index(article[4:], []byte("\n---\n"))
	if end < 0 {
		return nil, article
	}
	n := 4 + end + len("\n---\n")
	return article[:n], article[n:]
}

// moduleRoot returns the directory of the main module's go.mod.
func moduleRoot(ctx context.Context) (string, error) {
	gomod, err := output(ctx, "", nil, "go", "env", "GOMOD")
	if err != nil {
		return "", err
	}
	gomod = strings.TrimSpace(gomod)
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run the benchmarks inside the Dramatis module")
	}
	return filepath.Dir(gomod), nil
}

// output runs name with args in dir, with env added to the environment, and returns its standard
// output. The error carries what the command wrote.
func output(ctx context.Context, dir string, env []string, name string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s %s: %v\n%s%s", name, strings.Join(quoteArgs(args), " "), err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.String(), nil
}

// quoteArgs quotes the arguments that hold a space, for messages.
func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if strings.ContainsAny(a, " \t") {
			a = fmt.Sprintf("%q", a)
		}
		out[i] = a
	}
	return out
}

// removeAllRetry removes dir, trying again for a few seconds: Chromium's child processes can still
// write into a profile just after the browser exits.
func removeAllRetry(dir string) {
	deadline := time.Now().Add(5 * time.Second)
	for os.RemoveAll(dir) != nil && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
}
