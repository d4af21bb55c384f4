//go:build !wasm

package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer collects a process's output for a test that reads it while the process runs.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serve -watch shows an edited article on the next request, and keeps the last good one when an edit
// breaks it, saying where.
func (c cli) testServeWatch(t *testing.T) {
	dir, web := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	write := func(title string) {
		t.Helper()
		article := "---\ntitle: " + title + "\n---\n\nEdi Rama visited Israel.\n"
		if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte(article), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("First version")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	_ = l.Close()
	cmd := exec.Command(c.bin, "serve", "-watch", "-addr", addr, "-web", web, "-content", dir)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	page := func() string {
		resp, err := http.Get("http://" + addr + "/")
		if err != nil {
			return ""
		}
		defer func() { _ = resp.Body.Close() }()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	until := func(what string, ok func() bool) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); !ok(); time.Sleep(100 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%s never happened; the server said:\n%s", what, out.String())
			}
		}
	}
	until("the first version served", func() bool { return strings.Contains(page(), "First version") })
	write("Second version")
	until("the edit served", func() bool { return strings.Contains(page(), "Second version") })
	if err := os.WriteFile(filepath.Join(dir, "article.md"), []byte("---\ntitle: [broken\n---\n\nText.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	until("the broken edit reported", func() bool { return strings.Contains(out.String(), "not reloaded: "+dir+": article.md:2:") })
	if p := page(); !strings.Contains(p, "Second version") {
		t.Errorf("after a broken edit the page is not the last good version")
	}
	if code, _, stderr := c.run(t, "serve", "-watch"); code == 0 || !strings.Contains(stderr, "-watch needs -content") {
		t.Errorf("serve -watch without -content: exit %d, %q", code, stderr)
	}
}

// The command line explains itself: help, -h, and flags it does not know.
func (c cli) testHelp(t *testing.T) {
	code, stdout, stderr := c.run(t, "check", "-h")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "usage: dramatis check [FLAGS]") || !strings.Contains(stdout, "-content") {
		t.Errorf("check -h: exit %d, stdout %q, stderr %q; want the usage with its flags", code, stdout, stderr)
	}
	code, stdout, _ = c.run(t, "help")
	for _, name := range []string{"serve", "build", "check", "suggest", "mentions"} {
		if code != 0 || !strings.Contains(stdout, "\n  "+name+" ") {
			t.Errorf("help: exit %d, no line for %s in %q", code, name, stdout)
		}
	}
	if code, stdout, _ = c.run(t, "help", "serve"); code != 0 || !strings.Contains(stdout, "-watch") {
		t.Errorf("help serve: exit %d, %q; want serve's flags", code, stdout)
	}
	if code, _, stderr = c.run(t, "check", "-bogus"); code == 0 || !strings.Contains(stderr, "flag provided but not defined: -bogus (dramatis check -h lists the flags)") {
		t.Errorf("check -bogus: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr = c.run(t, "frobnicate"); code == 0 || !strings.Contains(stderr, "dramatis help says what each does") {
		t.Errorf("an unknown command: exit %d, stderr %q", code, stderr)
	}
}
