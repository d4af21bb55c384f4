package content

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dramatis/dramatis/app/model"
	"go.yaml.in/yaml/v3"
)

// seedPath is the plain-text article as published, which the Markdown was made from, kept beside
// the tests so that they need nothing outside the repository.
const seedPath = "testdata/seed.txt"

// maxColumns is the width body lines are wrapped at.
const maxColumns = 100

// readSeed returns the non-blank lines of the seed article.
func readSeed(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("seed article %s is missing: it must sit in content/testdata/ "+
			"so that the Markdown can be checked against it", seedPath)
	}
	if err != nil {
		t.Fatalf("read seed article: %v", err)
	}
	var lines []string
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// readArticle returns the front matter and the Markdown body of ArticleFile.
func readArticle(t *testing.T) (model.Meta, string) {
	t.Helper()
	data, err := FS.ReadFile(ArticleFile)
	if err != nil {
		t.Fatalf("read %s: %v", ArticleFile, err)
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		t.Fatalf("%s does not open with a front matter line \"---\"", ArticleFile)
	}
	front, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("%s has no line \"---\" closing its front matter", ArticleFile)
	}
	var meta model.Meta
	dec := yaml.NewDecoder(strings.NewReader(front))
	dec.KnownFields(true)
	if err := dec.Decode(&meta); err != nil {
		t.Fatalf("%s front matter: %v", ArticleFile, err)
	}
	return meta, body
}

// units returns the text units of a Markdown body: each paragraph, split at hard line breaks, with
// emphasis markers, hard-break backslashes and blockquote markers removed and soft line breaks
// folded to single spaces.
func units(body string) []string {
	var out []string
	for _, para := range strings.Split(strings.TrimSpace(body), "\n\n") {
		for _, unit := range strings.Split(para, "\\\n") {
			lines := strings.Split(unit, "\n")
			for i, line := range lines {
				line = strings.TrimPrefix(line, "> ")
				lines[i] = strings.ReplaceAll(line, "*", "")
			}
			out = append(out, strings.Join(lines, " "))
		}
	}
	return out
}

func TestFrontMatter(t *testing.T) {
	meta, _ := readArticle(t)
	want := model.Meta{
		Title:       "Albania teams up with Israel and U.S. against Iran",
		Standfirst:  "Eager to stand out as a steadfast U.S. ally, Tirana often entangles itself in geopolitical issues far from its shores",
		Author:      "Harun Karcic",
		Publication: "Foreign Policy",
		Dateline:    "TEHRAN",
	}
	if meta != want {
		t.Errorf("front matter = %+v, want %+v", meta, want)
	}
}

// TestArticleMatchesSeed checks that the Markdown keeps every line of the seed article word for
// word, in order, and adds nothing: the title line (less its ": Foreign Policy" suffix, which is the
// publication), the standfirst, and every body paragraph, caption and pull quote. The site
// furniture (the breadcrumb, "You may also like", "Leave a Comment") is dropped, and the dateline
// moves from the first paragraph to the front matter.
func TestArticleMatchesSeed(t *testing.T) {
	seed := readSeed(t)
	meta, body := readArticle(t)

	if len(seed) < 6 {
		t.Fatalf("seed article has %d non-blank lines, want at least 6", len(seed))
	}
	if !strings.HasPrefix(seed[0], "Home » ") {
		t.Errorf("seed line 1 = %q, want the breadcrumb starting \"Home » \"", seed[0])
	}
	if got, want := meta.Title+": "+meta.Publication, seed[1]; got != want {
		t.Errorf("title + \": \" + publication = %q, want the seed's title line %q", got, want)
	}
	if !strings.HasSuffix(seed[0], " » "+seed[1]) {
		t.Errorf("seed breadcrumb %q does not end in the title line %q", seed[0], seed[1])
	}
	if meta.Standfirst != seed[2] {
		t.Errorf("standfirst = %q, want %q", meta.Standfirst, seed[2])
	}
	furniture := []string{"You may also like", "Leave a Comment"}
	tail := seed[len(seed)-len(furniture):]
	for i := range furniture {
		if strings.TrimSpace(tail[i]) != furniture[i] {
			t.Errorf("seed line %q, want the furniture line %q", tail[i], furniture[i])
		}
	}
	want := seed[3 : len(seed)-len(furniture)]

	got := units(body)
	if len(got) > 0 {
		got[0] = meta.Dateline + " – " + got[0]
	}
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(want):
			t.Errorf("Markdown unit %d = %q, not in the seed", i+1, got[i])
		case i >= len(got):
			t.Errorf("seed paragraph %d = %q, missing from the Markdown", i+1, want[i])
		case got[i] != want[i]:
			t.Errorf("paragraph %d differs from the seed at word %d:\n got %q\nwant %q",
				i+1, firstDiff(got[i], want[i]), got[i], want[i])
		}
	}
}

// firstDiff returns the 1-based index of the first word where a and b differ.
func firstDiff(a, b string) int {
	aw, bw := strings.Split(a, " "), strings.Split(b, " ")
	for i := range min(len(aw), len(bw)) {
		if aw[i] != bw[i] {
			return i + 1
		}
	}
	return min(len(aw), len(bw)) + 1
}

func TestArticleLayout(t *testing.T) {
	_, body := readArticle(t)
	for i, line := range strings.Split(body, "\n") {
		if n := utf8.RuneCountInString(line); n > maxColumns {
			t.Errorf("body line %d is %d columns wide, want at most %d: %q", i+1, n, maxColumns, line)
		}
		if strings.HasSuffix(line, " ") {
			t.Errorf("body line %d ends in a space: %q", i+1, line)
		}
	}
	// The mention matcher must find names broken over a soft line break, so the article should
	// contain at least one.
	names := []string{"Edi Rama", "Mickey Levy", "Gaby Portnoy", "Sali Berisha"}
	found := false
	for _, name := range names {
		found = found || strings.Contains(body, strings.Replace(name, " ", "\n", 1))
	}
	if !found {
		t.Errorf("no name of %q is broken across a line end", names)
	}
	for _, quote := range []string{
		"> The U.S. continues to train the secretive, cult-like MEK in Albania against Iran.\n",
		"> The idea to host MEK was not an Albanian initiative but rather a U.S.-Israeli agreement.\n",
	} {
		if !strings.Contains(body, "\n\n"+quote+"\n") {
			t.Errorf("pull quote %q is not a blockquote paragraph of its own", quote)
		}
	}
	caption := "*Edi Rama*\\\n*Edi Rama visited the head of Israel’s National Cyber Directorate, Gaby Portnoy*\n"
	if !strings.Contains(body, "\n\n"+caption+"\n") {
		t.Errorf("captions are not one paragraph of two italic lines %q", caption)
	}
}

func TestFS(t *testing.T) {
	for _, name := range []string{ArticleFile, CatalogueFile} {
		data, err := FS.ReadFile(name)
		if err != nil {
			t.Errorf("FS.ReadFile(%q): %v", name, err)
			continue
		}
		if len(bytes.TrimSpace(data)) == 0 {
			t.Errorf("FS.ReadFile(%q) is empty", name)
		}
		if !utf8.Valid(data) {
			t.Errorf("FS.ReadFile(%q) is not valid UTF-8", name)
		}
	}
}
