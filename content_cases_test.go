//go:build !wasm

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/document"
)

// contentCases are the directories of testdata/bad: hand-written content with one fault each, or
// with something a user expects to work. For each, check must exit 0 or not, and print want: on
// standard error for a failure ("FILE:LINE[:COL]: PROBLEM"), on standard output for success.
var contentCases = []struct {
	dir  string
	ok   bool
	want string
}{
	// Catalogue faults.
	{"yaml-syntax", false, `entities.yaml:3: YAML syntax: did not find expected ',' or ']'`},
	{"tab-indentation", false, `entities.yaml:4: YAML syntax: found a tab character that violates indentation`},
	{"tab-after-dash", false, `entities.yaml:2:2: YAML syntax: a tab character in the indentation (YAML indents with spaces only)`},
	{"name-is-a-list", false, `entities.yaml:3:9: name is a list (want a string)`},
	{"aliases-is-a-string", false, `entities.yaml:5:12: aliases is a string (want a list of strings)`},
	{"kind-is-a-number", false, `entities.yaml:4:9: unknown kind "7"`},
	{"unknown-field", false, `entities.yaml:5:3: unknown field "alias"`},
	{"missing-id", false, `entities.yaml:2:3: entity has no id`},
	{"empty-id", false, `entities.yaml:2:7: empty id`},
	{"missing-name", false, `entities.yaml:2:3: entity has no name`},
	{"empty-name", false, `entities.yaml:3:8: empty name`},
	{"missing-kind", false, `entities.yaml:2:3: entity has no kind`},
	{"unknown-kind", false, `entities.yaml:4:9: unknown kind "politician"`},
	{"id-not-a-slug", false, `entities.yaml:2:7: id "Edi Rama" is not a lowercase slug`},
	{"id-breaking-out-of-css", false, `entities.yaml:2:7: id "x\"]{}" is not a lowercase slug`},
	{"duplicate-id", false, `entities.yaml:12:7: duplicate id "al" (first at line 7)`},
	{"alias-on-two-entities", false, `entities.yaml:12:13: alias "Rama" already belongs to entity "edi-rama" (line 5)`},
	{"empty-alias", false, `entities.yaml:5:19: empty alias`},
	{"punctuation-alias", false, `entities.yaml:5:19: alias "—" has no letter or digit`},
	{"country-names-no-entity", false, `entities.yaml:6:12: country "alb" names no entity`},
	{"country-names-a-person", false, `entities.yaml:15:12: country "edi-rama" is a person (line 2), not a country`},
	{"top-level-mapping", false, `entities.yaml:1:1: top level is a mapping (want a list of entities)`},
	{"empty-catalogue", false, `entities.yaml:1: empty catalogue (want a list of entities)`},
	{"invalid-utf8-catalogue", false, `entities.yaml:3:14: invalid UTF-8`},
	{"control-character", false, `entities.yaml:3:12: control character U+0007 not allowed`},

	// Article faults.
	{"empty-article", false, `article.md:1: the article is empty`},
	{"front-matter-only", false, `article.md:3: the article is empty: it has front matter but no text after it`},
	{"front-matter-never-closed", false, `article.md:1: front matter opened with --- is never closed`},
	{"front-matter-syntax", false, `article.md:3: front matter: did not find expected ',' or ']'`},
	{"front-matter-unknown-field", false, `article.md:3: unknown front matter field "writer"`},
	{"invalid-utf8-article", false, `article.md:7: invalid UTF-8`},
	{"missing-article", false, `open article.md: no such file or directory`},

	// What a user expects to work, and to give the same result as the tidy original.
	// The byline's author, whom the catalogue lacks, is what detection would add.
	{"byte-order-mark", true, `2 entities, 5 mentions, 1 warning`},
	{"crlf-line-ends", true, `2 entities, 5 mentions, 1 warning`},
	{"no-front-matter", true, `2 entities, 5 mentions, 0 warnings`},
	{"missing-catalogue", true, `(no entities.yaml: the cast was detected)`},
}

// cli is the dramatis command, built once by TestCLI for its subtests.
type cli struct{ bin string }

// TestCLI builds the command and runs it on hand-written content: bad, hostile, huge and fine.
func TestCLI(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dramatis")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	c := cli{bin}
	t.Run("content cases", c.testContentCases)
	t.Run("huge article", c.testHugeArticle)
	t.Run("warnings", c.testCheckWarnings)
	t.Run("hostile and bundled", c.testCheckHostileAndBundled)
	t.Run("suggest", c.testSuggest)
	t.Run("mentions", c.testMentions)
	t.Run("serve -watch", c.testServeWatch)
	t.Run("help", c.testHelp)
}

// run runs the command with args and returns its exit code and output.
func (c cli) run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(c.bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running dramatis %s: %v", strings.Join(args, " "), err)
	}
	return code, out.String(), errOut.String()
}

func (c cli) testContentCases(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join("testdata", "bad"))
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, c := range contentCases {
		listed[c.dir] = true
	}
	for _, d := range dirs {
		if !listed[d.Name()] {
			t.Errorf("testdata/bad/%s has no entry in contentCases", d.Name())
		}
	}
	if len(contentCases) < 20 {
		t.Errorf("%d content cases, want at least 20", len(contentCases))
	}
	for _, tt := range contentCases {
		t.Run(tt.dir, func(t *testing.T) {
			dir := filepath.Join("testdata", "bad", tt.dir)
			code, stdout, stderr := c.run(t, "check", "-content", dir)
			if tt.ok {
				if code != 0 || !strings.Contains(stdout, tt.want) || stderr != "" {
					t.Errorf("dramatis check -content %s: exit %d, stdout %q, stderr %q; want exit 0 and %q on stdout",
						dir, code, stdout, stderr, tt.want)
				}
				return
			}
			if code == 0 || !strings.Contains(stderr, tt.want) {
				t.Errorf("dramatis check -content %s: exit %d, stderr %q; want a non-zero exit and %q",
					dir, code, stderr, tt.want)
			}
			if !strings.Contains(stderr, dir) {
				t.Errorf("dramatis check -content %s: stderr %q does not name the directory", dir, stderr)
			}
			c.checkBuildLeavesDist(t, dir)
		})
	}
}

// checkBuildLeavesDist runs a build of the bad content dir into a dist/ that holds an earlier site,
// and checks that the build fails and leaves that site as it was.
func (c cli) checkBuildLeavesDist(t *testing.T, dir string) {
	t.Helper()
	dist := filepath.Join(t.TempDir(), "dist")
	before := map[string]string{
		"index.html":           "<!doctype html><title>the previous site</title>",
		"web/app.css":          "body { color: black }",
		"web/app.wasm":         "not really wasm",
		"manifest.webmanifest": `{"name": "Dramatis"}`,
	}
	for name, data := range before {
		p := filepath.Join(dist, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := c.run(t, "build", "-content", dir, "-out", dist)
	if code == 0 {
		t.Errorf("dramatis build -content %s: exit 0, want a failure", dir)
	}
	after := map[string]string{}
	err := filepath.WalkDir(dist, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dist, p)
		after[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("a failed build (%s) changed the previous dist/:\nbefore %q\nafter  %q", strings.TrimSpace(stderr), before, after)
	}
}

// testHugeArticle checks a 50 MB article, made here rather than checked in: it must fail
// clearly, naming the file and the line where it passes the limit.
func (c cli) testHugeArticle(t *testing.T) {
	dir := t.TempDir()
	catalogue, err := os.ReadFile(filepath.Join("testdata", "bad", "no-front-matter", "entities.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	paragraph := []byte("Edi Rama met Albanian students in Tirana, the capital of Albania.\nRama spoke first.\n\n")
	article := append([]byte("---\ntitle: A very long article\n---\n\n"), bytes.Repeat(paragraph, 50<<20/len(paragraph)+1)...)
	for name, data := range map[string][]byte{"article.md": article, "entities.yaml": catalogue} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	line := bytes.Count(article[:document.MaxArticleSize], []byte("\n")) + 1
	want := fmt.Sprintf("article.md:%d: the article is 50.0 MB; an article may have at most 10.0 MB", line)
	code, _, stderr := c.run(t, "check", "-content", dir)
	if code == 0 || !strings.Contains(stderr, want) {
		t.Errorf("dramatis check with a %d-byte article: exit %d, stderr %q; want a non-zero exit and %q",
			len(article), code, stderr, want)
	}
	c.checkBuildLeavesDist(t, dir)
}

// testCheckWarnings checks that check warns about an unused entry and an uncovered name, with their
// places and what detection makes of the name, and still succeeds.
func (c cli) testCheckWarnings(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join("testdata", "bad", "no-front-matter")
	article, err := os.ReadFile(filepath.Join(base, "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	catalogue, err := os.ReadFile(filepath.Join(base, "entities.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	article = append(article, "\nThe minister later met Gaby Portnoy and the Knesset.\n"...)
	catalogue = append(catalogue, "- id: xk\n  name: Kosovo\n  kind: country\n"...)
	for name, data := range map[string][]byte{"article.md": article, "entities.yaml": catalogue} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := c.run(t, "check", "-content", dir)
	want := strings.Join([]string{
		filepath.Join(dir, "entities.yaml") + `:12: xk never occurs in the article`,
		filepath.Join(dir, "article.md") + `:4: "Gaby Portnoy" is capitalised but no entry covers it: detection proposes it as person (dramatis suggest writes its entry)`,
		filepath.Join(dir, "article.md") + `:4: "Knesset" is capitalised but no entry covers it: detection proposes it as organisation (dramatis suggest writes its entry)`,
		dir + `: 3 entities, 5 mentions, 3 warnings`,
	}, "\n") + "\n"
	if code != 0 || stdout != want || stderr != "" {
		t.Errorf("dramatis check: exit %d, stdout\n%s\nstderr %q\nwant exit 0 and\n%s", code, stdout, stderr, want)
	}
}

// testCheckHostileAndBundled checks that check accepts the hostile content and the bundled article.
func (c cli) testCheckHostileAndBundled(t *testing.T) {
	for _, args := range [][]string{{"check", "-content", filepath.Join("testdata", "hostile")}, {"check"}} {
		code, stdout, stderr := c.run(t, args...)
		if code != 0 || stderr != "" || !strings.Contains(stdout, " mentions, ") {
			t.Errorf("dramatis %s: exit %d, stdout %q, stderr %q; want exit 0 and a summary",
				strings.Join(args, " "), code, stdout, stderr)
		}
	}
}

// TestLinkPreview builds the bundled article's site with and without -url and checks its link
// preview: the address, image and canonical link with -url, none of them (never "https://")
// without.
func TestLinkPreview(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dramatis")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	c := cli{bin}
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), []byte("\x00asm not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := func(args ...string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), "dist")
		args = append([]string{"build", "-web", web, "-out", out, "-compress", "fast"}, args...)
		if code, _, stderr := c.run(t, args...); code != 0 {
			t.Fatalf("dramatis %s: exit %d: %s", strings.Join(args, " "), code, stderr)
		}
		data, err := os.ReadFile(filepath.Join(out, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	bare := page()
	for _, unwanted := range []string{`"https://"`, `property="og:url"`, `property="og:image"`, `rel="canonical"`} {
		if strings.Contains(bare, unwanted) {
			t.Errorf("a build without -url has %s in its page", unwanted)
		}
	}
	description := regexp.MustCompile(`<meta (?:property="og:description" content="([^"]*)"|content="([^"]*)" property="og:description")>`)
	if m := description.FindStringSubmatch(bare); m == nil || !strings.HasPrefix(m[1]+m[2], "Eager to stand out as a steadfast U.S. ally") {
		t.Errorf("the page's og:description is not the standfirst: %q", m)
	}

	published := page("-url", "https://example.org/dramatis", "-base", "/dramatis")
	for _, want := range []string{
		`<meta property="og:url" content="https://example.org/dramatis/">`,
		`<meta property="og:image" content="https://example.org/dramatis/web/icon-512.png">`,
		`<link rel="canonical" href="https://example.org/dramatis/">`,
	} {
		if !strings.Contains(published, want) {
			t.Errorf("a build with -url lacks %s", want)
		}
	}

	for _, bad := range []string{"example.org/dramatis", "ftp://example.org/", "https://example.org/?a=1"} {
		code, _, stderr := c.run(t, "build", "-web", web, "-out", filepath.Join(t.TempDir(), "dist"), "-url", bad)
		if code == 0 || !strings.Contains(stderr, "-url") {
			t.Errorf("dramatis build -url %q: exit %d, stderr %q; want a failure naming -url", bad, code, stderr)
		}
	}
}
