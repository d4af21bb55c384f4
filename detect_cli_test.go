//go:build !wasm

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
)

// suggest on a lone Markdown file writes a catalogue whose every entry is marked auto and that check
// accepts as the article's entities.yaml; with a catalogue, the curated entries come first, as they
// are, and check lists what detection would add.
func (c cli) testSuggest(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join("content", "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "article.md")
	if err := os.WriteFile(md, article, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := c.run(t, "suggest", md)
	if code != 0 || stderr != "" {
		t.Fatalf("dramatis suggest %s: exit %d, stderr %q", md, code, stderr)
	}
	entities, err := catalog.Parse("suggested", []byte(out))
	if err != nil {
		t.Fatalf("the suggestion does not parse: %v\n%s", err, out)
	}
	if len(entities) < 30 || strings.Count(out, "\n  source: auto\n") != len(entities) {
		t.Errorf("%d entities, %d marked source: auto; want 30 or more, all marked", len(entities), strings.Count(out, "source: auto"))
	}
	if err := os.WriteFile(filepath.Join(dir, "entities.yaml"), []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, stderr := c.run(t, "check", "-content", dir); code != 0 || stderr != "" || !strings.Contains(stdout, "entities") {
		t.Errorf("dramatis check on the suggestion: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	// With the bundled catalogue: its 70 entries first, unchanged, then the additions.
	code, out, _ = c.run(t, "suggest")
	curated, err := catalog.Load(os.DirFS("content"), "entities.yaml")
	if err != nil {
		t.Fatal(err)
	}
	merged, err := catalog.Parse("suggested", []byte(out))
	if code != 0 || err != nil {
		t.Fatalf("dramatis suggest on the bundled content: exit %d, %v", code, err)
	}
	for i, e := range curated {
		if merged[i].ID != e.ID || merged[i].Auto() {
			t.Errorf("entry %d is %s (auto %v), want the curated %s", i, merged[i].ID, merged[i].Auto(), e.ID)
			break
		}
	}
	for _, e := range merged[len(curated):] {
		if !e.Auto() {
			t.Errorf("the addition %s is not marked auto", e.ID)
		}
	}
	_, stdout, _ := c.run(t, "check")
	if !strings.Contains(stdout, `article.md:33: detection would add organisation "Mujahideen"`) {
		t.Errorf("check does not list what detection would add, with its line:\n%s", stdout)
	}
}

// mentions writes one JSON line a mention, in reading order, whose offsets hold its text in the
// file exactly as given: front matter, byte order mark and CRLF line ends included.
func (c cli) testMentions(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("content", "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	crlf := append([]byte("\uFEFF"), []byte(strings.ReplaceAll(string(article), "\n", "\r\n"))...)
	for name, data := range map[string][]byte{"as is": article, "BOM and CRLF": crlf} {
		dir := t.TempDir()
		for file, content := range map[string][]byte{"article.md": data} {
			if err := os.WriteFile(filepath.Join(dir, file), content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		cat, err := os.ReadFile(filepath.Join("content", "entities.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "entities.yaml"), cat, 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, stderr := c.run(t, "mentions", "-content", dir)
		if code != 0 || stderr != "" {
			t.Fatalf("%s: dramatis mentions: exit %d, stderr %q", name, code, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 257 {
			t.Errorf("%s: %d lines, want the bundled article's 257 mentions", name, len(lines))
		}
		last, head := -1, 0
		for i, l := range lines {
			var m struct {
				Entity, Kind, Form, Text string
				Start, End               int
			}
			if err := json.Unmarshal([]byte(l), &m); err != nil {
				t.Fatalf("%s: line %d: %v: %s", name, i+1, err, l)
			}
			// The head's fields come first, in the order the page shows them; the body's mentions
			// follow in the order of the file.
			if m.Start >= 200 && m.Start < last || m.End <= m.Start || m.End > len(data) || string(data[m.Start:m.End]) != m.Text {
				t.Fatalf("%s: line %d: [%d, %d) does not hold %q in reading order", name, i+1, m.Start, m.End, m.Text)
			}
			if !model.Kind(m.Kind).Valid() || m.Entity == "" || m.Form == "" {
				t.Errorf("%s: line %d lacks a field: %s", name, i+1, l)
			}
			if m.Start < 200 {
				head++ // in the front matter
			}
			last = m.Start
		}
		if head < 6 {
			t.Errorf("%s: %d mentions in the front matter, want the head's (title, standfirst, byline, dateline)", name, head)
		}
	}
}
