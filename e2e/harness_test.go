// Package e2e drives the built Dramatis server and its WebAssembly client in
// a real headless Chromium.
//
// The harness builds the server and the client once per test binary, starts
// the server on a free local port, and gives each test a new browser with a
// fresh profile. It records the console errors, the uncaught exceptions and
// the URL of every network request of the page, so that each test can check
// that the page stayed clean and never left the local server.
//
// Run the tests from the repository root with
//
//	go test ./e2e/ -count=1 -v
//
// Chromium must be installed at /usr/bin/chromium, or at the path in the
// environment variable DRAMATIS_E2E_CHROMIUM. Without it the tests fail.
// Set DRAMATIS_E2E_KEEP=1 to keep the work directory (binaries, web root,
// server log, screenshots); it is also kept when a test fails.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"image/png"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/dramatis/dramatis/app/site"
	"github.com/dramatis/dramatis/internal/headless"
)

const (
	// serverStartTimeout bounds the wait for the first 200 from the server.
	serverStartTimeout = 30 * time.Second
	// liveTimeout bounds the wait for the WebAssembly client to mount.
	liveTimeout = 60 * time.Second
	// stepTimeout bounds one browser action, such as a click or a query.
	stepTimeout = 15 * time.Second
	// settleTimeout bounds the wait for the page to reflect an interaction.
	settleTimeout = 10 * time.Second
	// testTimeout bounds everything one test does in its browser.
	testTimeout = 3 * time.Minute

	// viewportWidth and viewportHeight are the size of the browser window.
	viewportWidth  = 1280
	viewportHeight = 900
)

// harness is the state that all tests share: the work directory, the built
// binaries and the running server. setup fills it once.
var harness struct {
	once        sync.Once
	err         error
	reported    sync.Once // the full setup error goes to the first test only
	startLogged sync.Once // the server's start-up output goes to the first test only

	repoRoot string // the module root, the parent of e2e/
	workDir  string // $TMP: binaries, web root, logs, screenshots
	baseURL  string // http://127.0.0.1:PORT
	host     string // 127.0.0.1:PORT

	server    *exec.Cmd
	serverOut *lineLog
	exited    chan struct{} // closed when the server process ends
	exitErr   error         // the result of the server's Wait, valid after exited
}

// TestMain runs the tests, then stops the server and removes the work
// directory. The directory stays when a test failed or DRAMATIS_E2E_KEEP is
// set, and its path is printed.
func TestMain(m *testing.M) {
	code := m.Run()
	stopServer()
	if harness.workDir != "" {
		if code != 0 || os.Getenv("DRAMATIS_E2E_KEEP") != "" {
			fmt.Fprintf(os.Stderr, "e2e: work directory kept at %s\n", harness.workDir)
		} else {
			removeAllRetry(harness.workDir)
		}
	}
	os.Exit(code)
}

// env is the shared environment, as a test sees it.
type env struct {
	BaseURL  string // http://127.0.0.1:PORT
	Host     string // 127.0.0.1:PORT
	RepoRoot string
	WorkDir  string
}

// setupEnv builds the app and starts the server on first use, and fails the
// test when that did not work. It also logs, at the end of the test, what
// the server wrote to its stdout and stderr while the test ran.
func setupEnv(t *testing.T) *env {
	t.Helper()
	harness.once.Do(func() { harness.err = setup() })
	if harness.err != nil {
		full := false
		harness.reported.Do(func() { full = true })
		if full {
			t.Fatalf("e2e setup failed:\n%v", harness.err)
		}
		first, _, _ := strings.Cut(harness.err.Error(), "\n")
		t.Fatalf("e2e setup failed (the first test that failed shows the full error): %s", first)
	}
	select {
	case <-harness.exited:
		t.Fatalf("the server exited early: %v\nserver output:\n%s",
			harness.exitErr, strings.Join(harness.serverOut.since(0), "\n"))
	default:
	}
	// The first test also logs what the server wrote while it started.
	mark := harness.serverOut.len()
	harness.startLogged.Do(func() { mark = 0 })
	t.Cleanup(func() {
		for _, line := range harness.serverOut.since(mark) {
			t.Log("server: " + line)
		}
	})
	return &env{
		BaseURL:  harness.baseURL,
		Host:     harness.host,
		RepoRoot: harness.repoRoot,
		WorkDir:  harness.workDir,
	}
}

// setup builds the server and the client into a new work directory, copies
// the static files, and starts the server.
func setup() error {
	root, err := filepath.Abs("..")
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		return fmt.Errorf("the module root %s has no go.mod: %v", root, err)
	}
	harness.repoRoot = root

	work, err := os.MkdirTemp("", "dramatis-e2e-")
	if err != nil {
		return err
	}
	harness.workDir = work
	webDir := filepath.Join(work, "web")
	if err := os.MkdirAll(webDir, 0o755); err != nil {
		return err
	}
	bin := filepath.Join(work, "dramatis")

	goCmd := goTool()
	if err := goBuild(goCmd, root, "server", os.Environ(), "-o", bin, "."); err != nil {
		return err
	}
	wasmEnv := append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if err := goBuild(goCmd, root, "js/wasm client", wasmEnv, "-o", filepath.Join(webDir, "app.wasm"), "."); err != nil {
		return err
	}
	if err := goBuild(goCmd, root, "js/wasm engine", wasmEnv, "-o", filepath.Join(webDir, "engine.wasm"), "./app/engine/worker"); err != nil {
		return err
	}
	if err := copyWebFiles(filepath.Join(root, "web"), webDir); err != nil {
		return fmt.Errorf("copying web files: %w", err)
	}

	return startServer(bin, webDir)
}

// goTool returns the go command on PATH (go test puts its own GOROOT/bin
// first), or plain "go" so that the error names what is missing.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return "go"
}

// goBuild runs go build in dir with the environment environ. The error holds
// the whole output of the build; label names what was built.
func goBuild(goCmd, dir, label string, environ []string, args ...string) error {
	cmd := exec.Command(goCmd, append([]string{"build"}, args...)...)
	cmd.Dir = dir
	cmd.Env = environ
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("building the %s failed: go build %s (in %s): %v\n%s",
			label, strings.Join(args, " "), dir, err, out)
	}
	return nil
}

// copyWebFiles copies every file under src to dst, keeping the layout, except
// the top-level app.wasm and engine.wasm, which the harness builds itself. A missing src is
// not an error: then there is nothing to copy.
func copyWebFiles(src, dst string) error {
	if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return site.CopyDir(dst, src, "app.wasm", "app.wasm.br", "engine.wasm")
}

// freeAddr returns a local address with a port that was free a moment ago.
func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	addr := l.Addr().String()
	return addr, l.Close()
}

// startServer starts the built server and waits until GET / answers 200.
func startServer(bin, webDir string) error {
	addr, err := freeAddr()
	if err != nil {
		return fmt.Errorf("finding a free port: %w", err)
	}
	logFile, err := os.Create(filepath.Join(harness.workDir, "server.log"))
	if err != nil {
		return err
	}
	out := &lineLog{tee: logFile}
	cmd := exec.Command(bin, "-addr", addr, "-web", webDir)
	cmd.Dir = harness.repoRoot
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", bin, err)
	}
	harness.server = cmd
	harness.serverOut = out
	harness.host = addr
	harness.baseURL = "http://" + addr
	harness.exited = make(chan struct{})
	go func() {
		harness.exitErr = cmd.Wait()
		close(harness.exited)
	}()

	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(serverStartTimeout)
	var last string
	for {
		select {
		case <-harness.exited:
			return fmt.Errorf("the server %s exited before it answered: %v\nserver output:\n%s",
				strings.Join(cmd.Args, " "), harness.exitErr, strings.Join(out.since(0), "\n"))
		default:
		}
		resp, err := client.Get(harness.baseURL + "/")
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			last = resp.Status
		} else {
			last = err.Error()
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("the server %s did not answer GET / with 200 within %s; last result: %s\nserver output:\n%s",
				strings.Join(cmd.Args, " "), serverStartTimeout, last, strings.Join(out.since(0), "\n"))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// stopServer interrupts the server, and kills it when it does not end soon.
func stopServer() {
	cmd := harness.server
	if cmd == nil || cmd.Process == nil {
		return
	}
	select {
	case <-harness.exited:
		return
	default:
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		_ = cmd.Process.Kill()
	}
	select {
	case <-harness.exited:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-harness.exited
	}
}

// removeAllRetry removes dir, and tries again for a few seconds, because
// Chromium's child processes can still write into a profile just after the
// browser exits.
func removeAllRetry(dir string) {
	deadline := time.Now().Add(5 * time.Second)
	for os.RemoveAll(dir) != nil && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
}

// lineLog collects what a process writes, line by line. It is safe for
// concurrent use.
type lineLog struct {
	mu      sync.Mutex
	lines   []string
	partial []byte
	tee     io.Writer
}

func (l *lineLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.tee != nil {
		_, _ = l.tee.Write(p)
	}
	l.partial = append(l.partial, p...)
	for {
		i := bytes.IndexByte(l.partial, '\n')
		if i < 0 {
			break
		}
		l.lines = append(l.lines, strings.TrimRight(string(l.partial[:i]), "\r"))
		l.partial = l.partial[i+1:]
	}
	return len(p), nil
}

// len returns the number of complete lines so far.
func (l *lineLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.lines)
}

// since returns the lines from index n on, and the unfinished last line.
func (l *lineLog) since(n int) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	if n < len(l.lines) {
		out = append(out, l.lines[n:]...)
	}
	if len(l.partial) > 0 {
		out = append(out, string(l.partial))
	}
	return out
}

// httpGet fetches path from the server and returns the body. It fails the
// test unless the status is 200.
func httpGet(t *testing.T, e *env, path string) string {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(e.BaseURL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: reading the body: %v", path, err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %s, want 200 OK; body:\n%s", path, resp.Status, body)
	}
	return string(body)
}

// chromiumPath returns the Chromium to run, and fails the test when there is
// none. The tests never skip for a missing browser.
func chromiumPath(t *testing.T) string {
	t.Helper()
	path := headless.Path()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("Chromium is required for the end-to-end tests but was not found at %s (%v). "+
			"Install it (Debian: apt-get install chromium) or set DRAMATIS_E2E_CHROMIUM to its path.", path, err)
	}
	if info.IsDir() || info.Mode().Perm()&0o111 == 0 {
		t.Fatalf("Chromium is required for the end-to-end tests but %s is not an executable file.", path)
	}
	return path
}

// browser is one headless Chromium with one tab, for one test. It records
// the console errors, the uncaught exceptions and the requests of the tab.
type browser struct {
	t   *testing.T
	env *env
	// ctx is the context of the tab, bounded by testTimeout. Actions run with
	// a shorter child of it.
	ctx context.Context

	mu       sync.Mutex
	errs     []string // console errors, error log entries, uncaught exceptions
	console  []string // every console message and log entry, for diagnostics
	requests []string // the URL of every request, in order
}

// newBrowser starts a headless Chromium with a fresh profile and opens a
// tab. The browser ends with the test. When the test failed, the cleanup
// saves a screenshot into the work directory and logs the console.
func newBrowser(t *testing.T, e *env) *browser {
	t.Helper()
	path := chromiumPath(t)
	b := &browser{t: t, env: e}
	var (
		profile                string
		chromeOut              *lineLog
		allocCancel, tabCancel context.CancelFunc
		tabCtx                 context.Context
	)
	// Chromium now and then crashes while it starts on a loaded machine ("chrome failed to start",
	// with a crash report): a fresh profile and a second or third try start it.
	for try := 1; ; try++ {
		var err error
		if profile, err = os.MkdirTemp(e.WorkDir, "profile-"); err != nil {
			t.Fatal(err)
		}
		chromeOut = &lineLog{}
		opts := headless.Options(path, profile, viewportWidth, viewportHeight, chromedp.CombinedOutput(chromeOut))
		var allocCtx context.Context
		allocCtx, allocCancel = chromedp.NewExecAllocator(context.Background(), opts...)
		tabCtx, tabCancel = chromedp.NewContext(allocCtx, chromedp.WithListener(b.record))
		// The first Do starts the browser and binds its life to tabCtx, which has
		// no deadline; the test's deadline goes on a child context below.
		err = chromedp.Do(tabCtx)
		if err == nil {
			break
		}
		tabCancel()
		allocCancel()
		removeAllRetry(profile)
		if try == 3 {
			t.Fatalf("starting Chromium %s (%d tries): %v\nChromium output:\n%s", path, try, err, strings.Join(chromiumNoise(chromeOut.since(0)), "\n"))
		}
		t.Logf("starting Chromium, try %d: %v; trying again", try, strings.SplitN(err.Error(), "\n", 2)[0])
	}
	ctx, cancel := context.WithTimeout(tabCtx, testTimeout)
	b.ctx = ctx
	t.Cleanup(func() {
		if t.Failed() {
			b.saveFailureArtifacts(chromeOut)
		}
		cancel()
		tabCancel()
		allocCancel()
		removeAllRetry(profile)
	})
	return b
}

// record is called by the tab for each event, in order, on the goroutine that
// reads the browser's messages. It must return fast and run no command.
func (b *browser) record(ev any) {
	switch ev := ev.(type) {
	case *cdpruntime.EventConsoleAPICalled:
		text := consoleText(ev.Args)
		line := fmt.Sprintf("console.%s: %s", ev.Type, text)
		b.mu.Lock()
		defer b.mu.Unlock()
		b.console = append(b.console, line)
		// The Go WebAssembly runtime prints a panic through console.log.
		goPanic := strings.HasPrefix(text, "panic: ") || strings.HasPrefix(text, "fatal error: ")
		if ev.Type == cdpruntime.ConsoleAPICalledTypeError || ev.Type == cdpruntime.ConsoleAPICalledTypeAssert || goPanic {
			b.errs = append(b.errs, line+stackSuffix(ev.StackTrace))
		}
	case *cdpruntime.EventExceptionThrown:
		line := "uncaught exception: " + exceptionText(ev.ExceptionDetails)
		b.mu.Lock()
		defer b.mu.Unlock()
		b.console = append(b.console, line)
		b.errs = append(b.errs, line)
	case *cdplog.EventEntryAdded:
		if ev.Entry == nil {
			return
		}
		line := fmt.Sprintf("log %s (%s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text)
		if ev.Entry.URL != "" {
			line += " [" + ev.Entry.URL + "]"
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		b.console = append(b.console, line)
		if ev.Entry.Level == cdplog.EntryLevelError {
			b.errs = append(b.errs, line)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request == nil {
			return
		}
		b.mu.Lock()
		defer b.mu.Unlock()
		b.requests = append(b.requests, ev.Request.URL)
	}
}

// consoleText renders the arguments of a console call roughly as DevTools
// does: strings as they are, other values by their JSON or description.
func consoleText(args []*cdpruntime.RemoteObject) string {
	parts := make([]string, 0, len(args))
	for _, a := range args {
		if a == nil {
			continue
		}
		switch {
		case len(a.Value) > 0:
			var s string
			if json.Unmarshal([]byte(a.Value), &s) == nil {
				parts = append(parts, s)
			} else {
				parts = append(parts, string(a.Value))
			}
		case a.UnserializableValue != "":
			parts = append(parts, string(a.UnserializableValue))
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, string(a.Type))
		}
	}
	return strings.Join(parts, " ")
}

// exceptionText describes an uncaught exception with its place.
func exceptionText(d *cdpruntime.ExceptionDetails) string {
	if d == nil {
		return "(no details)"
	}
	text := d.Text
	if d.Exception != nil && d.Exception.Description != "" {
		text += " " + d.Exception.Description
	}
	if d.URL != "" {
		text += fmt.Sprintf(" at %s:%d:%d", d.URL, d.LineNumber+1, d.ColumnNumber+1)
	}
	return text + stackSuffix(d.StackTrace)
}

// stackSuffix returns the top frame of a stack trace, or nothing.
func stackSuffix(st *cdpruntime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	name := f.FunctionName
	if name == "" {
		name = "(anonymous)"
	}
	return fmt.Sprintf(" (at %s %s:%d:%d)", name, clip(f.URL, 200), f.LineNumber+1, f.ColumnNumber+1)
}

// step returns a context for one action, bounded by stepTimeout.
func (b *browser) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(b.ctx, stepTimeout)
}

// do runs actions that return nothing, and fails the test on an error.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := b.step()
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %v", what, err)
	}
}

// evaluate runs a JavaScript expression in the page and decodes its value.
func evaluate[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) (T, error) {
	ctx, cancel := b.step()
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
}

// mustEvaluate is evaluate that fails the test on an error.
func mustEvaluate[T any](b *browser, expr string, opts ...chromedp.EvaluateOption) T {
	b.t.Helper()
	v, err := evaluate[T](b, expr, opts...)
	if err != nil {
		b.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// open navigates the tab to path on the server and waits for the load event.
func (b *browser) open(path string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(b.env.BaseURL+path)); err != nil {
		b.t.Fatalf("opening %s: %v", path, err)
	}
}

// onNewDocument has the page run script in every document it loads from now on, before the page's
// own scripts.
func (b *browser) onNewDocument(script string) {
	b.t.Helper()
	b.do("adding a script to new documents", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
}

// openLive opens path at the standard viewport and waits until the WebAssembly client has mounted.
func (b *browser) openLive(path string) {
	b.t.Helper()
	b.setViewport(viewportWidth, viewportHeight)
	b.open(path)
	b.waitLive()
}

// setViewport makes the page's viewport width x height CSS pixels.
func (b *browser) setViewport(width, height int64) {
	b.t.Helper()
	b.do(fmt.Sprintf("setting the viewport to %dx%d", width, height), chromedp.EmulateViewport(width, height))
}

// click clicks the centre of the first element that matches the CSS
// selector, after scrolling it into view. It waits for the element to be
// visible, for at most stepTimeout.
func (b *browser) click(selector string) {
	b.t.Helper()
	b.waitStill(selector)
	b.do("clicking "+selector, chromedp.Click(chromedp.CSS(selector)))
}

// waitStill waits, for at most settleTimeout, until the element that selector matches and the page's
// scroll position are the same in two checks in a row. A click is aimed at where the element is and
// lands a moment later: while the page still scrolls smoothly, say to a linked mention, the sticky
// panel and the masthead move in between, and the click would miss.
func (b *browser) waitStill(selector string) {
	b.t.Helper()
	probe := `(() => {
		const e = document.querySelector(` + strconv.Quote(selector) + `);
		if (!e) return '';
		const r = e.getBoundingClientRect();
		return [r.x, r.y, r.width, r.height, scrollX, scrollY].join(' ');
	})()`
	prev := ""
	b.eventually(selector+" staying put", settleTimeout, func() error {
		cur := mustEvaluate[string](b, probe)
		if cur == "" || cur != prev {
			prev = cur
			return fmt.Errorf("at %q", cur)
		}
		return nil
	})
}

// eventually calls check until it returns nil, and fails the test with the
// last error when that does not happen within timeout.
func (b *browser) eventually(what string, timeout time.Duration, check func() error) {
	b.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("%s: still failing after %s: %v", what, timeout, err)
		}
		select {
		case <-b.ctx.Done():
			b.t.Fatalf("%s: %v (last check: %v)", what, b.ctx.Err(), err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// waitLive waits, for at most liveTimeout, until the WebAssembly client has
// mounted: #dramatis carries data-live="true".
func (b *browser) waitLive() {
	b.t.Helper()
	const probe = `(() => {
		const root = document.querySelector('#dramatis');
		const label = document.querySelector('#app-wasm-loader-label');
		return {
			root: !!root,
			live: root ? root.getAttribute('data-live') : null,
			loader: label ? label.innerText : '',
		};
	})()`
	type state struct {
		Root   bool    `json:"root"`
		Live   *string `json:"live"`
		Loader string  `json:"loader"`
	}
	start := time.Now()
	b.eventually(`waiting for #dramatis[data-live="true"]`, liveTimeout, func() error {
		s, err := evaluate[state](b, probe)
		if err != nil {
			return err
		}
		if s.Live != nil && *s.Live == "true" {
			return nil
		}
		live := "absent"
		if s.Live != nil {
			live = fmt.Sprintf("%q", *s.Live)
		}
		return fmt.Errorf("#dramatis present: %v, data-live: %s, loader label: %q, console errors so far: %q",
			s.Root, live, s.Loader, b.consoleErrors())
	})
	b.t.Logf("the WebAssembly client mounted after %s", time.Since(start).Round(10*time.Millisecond))
}

// flush makes a round trip to the tab, so that every event that the browser
// sent before it has been recorded.
func (b *browser) flush() {
	b.t.Helper()
	b.do("synchronising with the tab", chromedp.Evaluate[chromedp.Void]("0"))
}

// consoleErrors returns the console errors and uncaught exceptions so far.
func (b *browser) consoleErrors() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.errs...)
}

// requestURLs returns the URL of every request so far.
func (b *browser) requestURLs() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.requests...)
}

// assertNoConsoleErrors fails the test when the page logged an error or
// threw an uncaught exception.
func (b *browser) assertNoConsoleErrors() {
	b.t.Helper()
	b.flush()
	if errs := b.consoleErrors(); len(errs) > 0 {
		b.t.Errorf("the page logged %d console error(s) or uncaught exception(s):\n  %s",
			len(errs), strings.Join(errs, "\n  "))
	}
}

// assertLocalRequests fails the test when the page requested anything but
// the local server, a data: URL or a blob: URL.
func (b *browser) assertLocalRequests() {
	b.t.Helper()
	b.flush()
	reqs := b.requestURLs()
	if len(reqs) == 0 {
		b.t.Errorf("no request was recorded; the network recording does not work")
		return
	}
	var foreign []string
	for _, r := range reqs {
		if !isLocalURL(r, b.env.Host) {
			foreign = append(foreign, r)
		}
	}
	if len(foreign) > 0 {
		b.t.Errorf("the page made %d request(s) to somewhere other than %s:\n  %s",
			len(foreign), b.env.Host, strings.Join(foreign, "\n  "))
	}
}

// isLocalURL reports whether a request URL goes to host over http, or is a
// data: or blob: URL.
func isLocalURL(raw, host string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "data", "blob":
		return true
	case "http":
		return u.Host == host
	}
	return false
}

// assertClean runs the checks that end every test: no console errors and
// no request to another host.
func (b *browser) assertClean() {
	b.t.Helper()
	b.assertNoConsoleErrors()
	b.assertLocalRequests()
}

// viewportScreenshot captures what the viewport shows, as PNG.
func viewportScreenshot(ctx context.Context, t *chromedp.Target) ([]byte, error) {
	res, err := cdp.Call(ctx, t, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Format:      page.CaptureScreenshotFormatPng,
		FromSurface: new(true),
	})
	if err != nil {
		return nil, err
	}
	return res.Data, nil
}

// screenshot writes a PNG of the viewport to each of paths, creating
// their directories, and returns the size of the image.
func (b *browser) screenshot(paths ...string) (width, height int) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, viewportScreenshot)
	if err != nil {
		b.t.Fatalf("taking a screenshot: %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(buf))
	if err != nil {
		b.t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.t.Fatalf("creating the directory of %s: %v", p, err)
		}
		if err := os.WriteFile(p, buf, 0o644); err != nil {
			b.t.Fatalf("writing %s: %v", p, err)
		}
	}
	return cfg.Width, cfg.Height
}

// chromiumNoiseRE matches the lines that Chromium always prints in a
// container without D-Bus.
var chromiumNoiseRE = regexp.MustCompile(`dbus/|unexpected operator`)

// chromiumNoise drops the usual noise from Chromium's output, and keeps the
// last 40 lines of the rest.
func chromiumNoise(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !chromiumNoiseRE.MatchString(l) {
			out = append(out, l)
		}
	}
	if len(out) > 40 {
		out = out[len(out)-40:]
	}
	return out
}

// saveFailureArtifacts logs the console and Chromium's output, and saves a
// screenshot of the tab into the work directory, after a failure.
func (b *browser) saveFailureArtifacts(chromeOut *lineLog) {
	b.mu.Lock()
	console := append([]string(nil), b.console...)
	b.mu.Unlock()
	if len(console) > 0 {
		b.t.Logf("page console:\n  %s", strings.Join(console, "\n  "))
	}
	if out := chromiumNoise(chromeOut.since(0)); len(out) > 0 {
		b.t.Logf("Chromium output:\n  %s", strings.Join(out, "\n  "))
	}
	if b.ctx.Err() != nil {
		return
	}
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, viewportScreenshot)
	if err != nil {
		b.t.Logf("no failure screenshot: %v", err)
		return
	}
	name := regexp.MustCompile(`[^A-Za-z0-9_.-]+`).ReplaceAllString(b.t.Name(), "_")
	p := filepath.Join(b.env.WorkDir, name+"-failure.png")
	if err := os.WriteFile(p, buf, 0o644); err != nil {
		b.t.Logf("no failure screenshot: %v", err)
		return
	}
	b.t.Logf("failure screenshot: %s", p)
}

// startExtraServer starts another server from the binary that setup built,
// with the shared web root, on a free port, passing args after -addr and -web
// (for example -content DIR). It waits until GET / answers 200 and returns e
// pointed at the new server. The server stops when the test ends, and what
// it wrote is logged then.
func startExtraServer(t *testing.T, e *env, args ...string) *env {
	t.Helper()
	addr, err := freeAddr()
	if err != nil {
		t.Fatalf("finding a free port: %v", err)
	}
	out := &lineLog{}
	args = append([]string{"-addr", addr, "-web", filepath.Join(e.WorkDir, "web")}, args...)
	cmd := exec.Command(filepath.Join(e.WorkDir, "dramatis"), args...)
	cmd.Dir = e.RepoRoot
	cmd.Stdout = out
	cmd.Stderr = out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting dramatis %s: %v", strings.Join(args, " "), err)
	}
	exited := make(chan struct{})
	var exitErr error
	go func() {
		exitErr = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		select {
		case <-exited:
		default:
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				_ = cmd.Process.Kill()
			}
			select {
			case <-exited:
			case <-time.After(5 * time.Second):
				_ = cmd.Process.Kill()
				<-exited
			}
		}
		for _, line := range out.since(0) {
			t.Log("extra server: " + line)
		}
	})

	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(serverStartTimeout)
	for {
		select {
		case <-exited:
			t.Fatalf("dramatis %s exited before it answered: %v\n%s", strings.Join(args, " "), exitErr, strings.Join(out.since(0), "\n"))
		default:
		}
		resp, err := client.Get("http://" + addr + "/")
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("dramatis %s did not answer GET / with 200 within %s", strings.Join(args, " "), serverStartTimeout)
		}
		time.Sleep(100 * time.Millisecond)
	}
	e2 := *e
	e2.Host = addr
	e2.BaseURL = "http://" + addr
	return &e2
}
