package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/chromedp"
)

// subPath is where the sub-path tests mount the static site, as GitHub Pages does for a repository.
const subPath = "/dramatis"

// buildSite runs `dramatis build` into a new directory and returns it. Extra arguments go to build.
func buildSite(t *testing.T, e *env, base string, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "dist")
	args = append([]string{"build", "-out", out, "-base", base, "-compress", "fast", "-web", filepath.Join(e.WorkDir, "web")}, args...)
	cmd := exec.Command(filepath.Join(e.WorkDir, "dramatis"), args...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dramatis %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return out
}

// staticHost is a plain static file server, like any web host, serving one directory under a path.
type staticHost struct {
	addr string
	srv  *http.Server
}

// startStatic serves dir under mount ("" for the root) on addr ("" for a free port).
func startStatic(t *testing.T, addr, mount, dir string) *staticHost {
	t.Helper()
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	var err error
	for range 50 { // the port of a host just stopped may take a moment to be free again
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("listening on %s: %v", addr, err)
	}
	mux := http.NewServeMux()
	mux.Handle(mount+"/", http.StripPrefix(mount, http.FileServer(http.Dir(dir))))
	h := &staticHost{addr: ln.Addr().String(), srv: &http.Server{Handler: mux}}
	go func() { _ = h.srv.Serve(ln) }()
	t.Cleanup(h.stop)
	return h
}

// stop closes the host and every connection to it: the network is gone as far as the page knows.
func (h *staticHost) stop() { _ = h.srv.Close() }

// envFor is e with the browser pointed at a static host.
func envFor(e *env, h *staticHost) *env {
	e2 := *e
	e2.Host = h.addr
	e2.BaseURL = "http://" + h.addr
	return &e2
}

// waitInstalled waits until the app's service worker is active and its cache holds the app: from
// then on a navigation in its scope is answered offline.
func (b *browser) waitInstalled() {
	b.t.Helper()
	b.eventually("the service worker is installed", 60*time.Second, func() error {
		ctx, cancel := b.step()
		defer cancel()
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
			const reg = await navigator.serviceWorker.getRegistration();
			if (!reg || !reg.active) return "no active worker";
			const keys = await caches.keys();
			if (!keys.some((k) => k.startsWith("dramatis-"))) return "no cache";
			return reg.active.state;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			return err
		}
		if state != "activated" {
			return errors.New(state)
		}
		return nil
	})
}

// reload reloads the page and waits for the load event.
func (b *browser) reload() {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		b.t.Fatalf("reloading: %v", err)
	}
}

// checkReads checks that the article, the panel and highlighting work.
func (b *browser) checkReads() {
	b.t.Helper()
	b.waitLive()
	// textContent: innerText leaves out the blocks that content-visibility: auto skips until the
	// page's first layout after the mount has placed them.
	text := mustEvaluate[string](b, `document.querySelector('#article').textContent`)
	if !strings.Contains(text, "Late last month") {
		b.t.Fatalf("#article lacks the article text: %.200q", text)
	}
	if n := mustEvaluate[int](b, `document.querySelectorAll('#cast button[data-entity]').length`); n == 0 {
		b.t.Fatal("the panel lists no entity")
	}
	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	b.click("#clear")
	b.waitSelection(nil)
}

// TestStaticSiteUnderSubPath builds the site for a sub-path, serves it from a plain static server
// mounted there, and reads it: prerendered text, the live app, highlighting; then offline.
func TestStaticSiteUnderSubPath(t *testing.T) {
	e := setupEnv(t)
	dist := buildSite(t, e, subPath)
	for _, f := range []string{"index.html", "app.js", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "index.html.gz"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Errorf("the static site lacks %s: %v", f, err)
		}
	}
	index, err := os.ReadFile(filepath.Join(dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := bytes.Cut(index, []byte("</head>"))
	if !bytes.Contains(head, []byte(`<style id="palette">`)) {
		t.Error("index.html lacks the palette's <style> in its head")
	}
	for _, want := range []string{`id="article"`, "Late last month", `class="worldmap"`, `class="network"`, `href="` + subPath + `/web/app.css"`, `src="` + subPath + `/app.js"`, `http-equiv="Content-Security-Policy"`,
		`<link rel="preload" href="` + subPath + `/web/app.wasm" as="fetch" type="application/wasm" crossorigin>`} {
		if !bytes.Contains(index, []byte(want)) {
			t.Errorf("index.html lacks %q", want)
		}
	}

	host := startStatic(t, "", subPath, dist)
	b := newBrowser(t, envFor(e, host))
	b.open(subPath + "/")
	b.checkReads()
	b.assertWasmPreloaded()
	b.waitInstalled()
	b.assertClean()

	host.stop()
	b.reload()
	b.checkReads()
	b.assertLocalRequests()
}

// assertWasmPreloaded checks that the page fetched app.wasm once: the <link rel="preload"> in its
// head started the fetch, and go-app's app.js used that response rather than asking again.
func (b *browser) assertWasmPreloaded() {
	b.t.Helper()
	got := mustEvaluate[[]string](b, `performance.getEntriesByType('resource').
		filter(e => new URL(e.name).pathname.endsWith('/web/app.wasm')).map(e => e.initiatorType)`)
	if len(got) != 1 || got[0] != "link" {
		b.t.Errorf("app.wasm was fetched by %q, want once, by the preload link", got)
	}
}

// TestOfflineAtRoot does the same for a site served from a host's root.
func TestOfflineAtRoot(t *testing.T) {
	e := setupEnv(t)
	dist := buildSite(t, e, "")
	host := startStatic(t, "", "", dist)
	b := newBrowser(t, envFor(e, host))
	b.open("/")
	b.checkReads()
	b.waitInstalled()
	b.assertClean()

	host.stop()
	b.reload()
	b.checkReads()
	// Deep links are the same page with a query; the worker answers them offline too.
	b.open("/?from=offline")
	b.checkReads()
	// The pictures are in the page itself: the map draws offline.
	b.open("/?v=map")
	b.waitLive()
	b.eventually("the map, offline", settleTimeout, func() error {
		if n := mustEvaluate[int](b, `document.querySelectorAll('#map-view:not([hidden]) #map g.country[data-entity]').length`); n == 0 {
			return fmt.Errorf("the map's view shows no country")
		}
		return nil
	})
	b.assertLocalRequests()
}

// deployLater dates every file of dist a minute from now, as a later deployment would be. The two
// builds of a test can fall in the same second, and a host's Last-Modified has whole seconds: the
// browser's check of the service worker would then be told its copy is current, and find no update.
func deployLater(t *testing.T, dist string) {
	t.Helper()
	later := time.Now().Add(time.Minute)
	err := filepath.WalkDir(dist, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(path, later, later)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestUpdateBanner deploys a new version under an open app: the app says so, and reloading runs it.
func TestUpdateBanner(t *testing.T) {
	e := setupEnv(t)
	distA := buildSite(t, e, "")
	// Version B: the same article under another title.
	content := t.TempDir()
	article, err := os.ReadFile(filepath.Join(e.RepoRoot, "content", "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	const titleB = "Version B of the article"
	article = bytes.Replace(article, []byte("title: Albania teams up with Israel and U.S. against Iran"), []byte("title: "+titleB), 1)
	if !bytes.Contains(article, []byte(titleB)) {
		t.Fatal("content/article.md has no title line to replace")
	}
	cat, err := os.ReadFile(filepath.Join(e.RepoRoot, "content", "entities.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"article.md": article, "entities.yaml": cat} {
		if err := os.WriteFile(filepath.Join(content, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	distB := buildSite(t, e, "", "-content", content)
	deployLater(t, distB)

	host := startStatic(t, "", "", distA)
	b := newBrowser(t, envFor(e, host))
	b.open("/")
	b.waitLive()
	b.waitInstalled()
	titleA := mustEvaluate[string](b, `document.querySelector('#article h1').textContent`)
	if titleA == titleB {
		t.Fatalf("version A already shows %q", titleB)
	}
	if mustEvaluate[bool](b, `!!document.querySelector('#update-reload')`) {
		t.Fatal("the update banner shows before any update")
	}

	host.stop()
	startStatic(t, host.addr, "", distB)
	b.reload() // the worker still serves A, and finds B
	b.waitLive()
	// The title is there once the live page has mounted the article; it must be A's.
	var got string
	b.eventually("the title after the reload", settleTimeout, func() error {
		got = mustEvaluate[string](b, `(document.querySelector('#dramatis[data-live="true"] #article h1') || {}).textContent || ""`)
		if got == "" {
			return fmt.Errorf("no title yet")
		}
		return nil
	})
	if got != titleA {
		t.Errorf("after deploying B, the first reload shows %q, want version A's %q from the cache", got, titleA)
	}
	b.eventually("the update banner", 60*time.Second, func() error {
		ok, err := evaluate[bool](b, `!!document.querySelector('#update-reload')`)
		if err != nil || !ok {
			return fmt.Errorf("no #update-reload yet (%v)", err)
		}
		return nil
	})
	text := mustEvaluate[string](b, `document.querySelector('#update').innerText`)
	if !strings.Contains(text, "A new version is available") {
		t.Errorf("the banner reads %q", text)
	}
	b.click("#update-reload")
	b.eventually("version B", 60*time.Second, func() error {
		got, err := evaluate[string](b, `(document.querySelector('#dramatis[data-live="true"] h1') || {}).innerText || ""`)
		if err != nil {
			return err
		}
		if got != titleB {
			return fmt.Errorf("the live page shows %q", got)
		}
		return nil
	})
	b.assertClean()
}

// TestCompression fetches app.wasm from the server with each accepted coding and checks that it
// arrives compressed and decodes to the file's bytes.
func TestCompression(t *testing.T) {
	e := setupEnv(t)
	want, err := os.ReadFile(filepath.Join(e.WorkDir, "web", "app.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, tc := range []struct{ accept, want string }{
		{"br, gzip", "br"},
		{"gzip", "gzip"},
		{"gzip;q=0, br;q=0", ""},
		{"", ""},
	} {
		req, _ := http.NewRequest(http.MethodGet, e.BaseURL+"/web/app.wasm", nil)
		req.Header.Set("Accept-Encoding", tc.accept)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if got := resp.Header.Get("Content-Encoding"); got != tc.want {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.want)
			continue
		}
		var r io.Reader = bytes.NewReader(body)
		switch tc.want {
		case "br":
			r = brotli.NewReader(r)
		case "gzip":
			if r, err = gzip.NewReader(r); err != nil {
				t.Fatal(err)
			}
		}
		got, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("Accept-Encoding %q: decoding: %v", tc.accept, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("Accept-Encoding %q: decoded %d bytes that differ from app.wasm's %d", tc.accept, len(got), len(want))
		}
		if tc.want != "" && len(body) >= len(want)/2 {
			t.Errorf("Accept-Encoding %q: %d bytes on the wire for %d, hardly compressed", tc.accept, len(body), len(want))
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "'wasm-unsafe-eval'") {
			t.Errorf("Content-Security-Policy = %q, want it to allow WebAssembly", csp)
		}
	}
}
