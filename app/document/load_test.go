package document

import (
	"bufio"
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// markPattern matches the opening tag of a mention and captures the entity of its class and of its
// data-entity.
var markPattern = regexp.MustCompile(`<mark class="mention e-([^"]*)" data-entity="([^"]*)"`)

// bundledMeta reads the front matter of the bundled article line by line, each line "key: value",
// without a YAML decoder.
func bundledMeta(t *testing.T) map[string]string {
	t.Helper()
	article, err := fs.ReadFile(content.FS, content.ArticleFile)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(article))
	if !sc.Scan() || sc.Text() != "---" {
		t.Fatalf("%s does not open with ---", content.ArticleFile)
	}
	fields := map[string]string{}
	for sc.Scan() && sc.Text() != "---" {
		k, v, ok := strings.Cut(sc.Text(), ": ")
		if !ok {
			t.Fatalf("%s: front matter line %q is not key: value", content.ArticleFile, sc.Text())
		}
		fields[k] = v
	}
	return fields
}

func loadBundled(t *testing.T) *model.Document {
	t.Helper()
	doc, err := Load(content.FS)
	if err != nil {
		t.Fatalf("Load(content.FS): %v", err)
	}
	return doc
}

func TestLoadBundledMeta(t *testing.T) {
	doc := loadBundled(t)
	fields := bundledMeta(t)
	tests := []struct {
		field string
		got   string
	}{
		{"title", doc.Meta.Title},
		{"standfirst", doc.Meta.Standfirst},
		{"author", doc.Meta.Author},
		{"publication", doc.Meta.Publication},
		{"dateline", doc.Meta.Dateline},
	}
	for _, tt := range tests {
		want, ok := fields[tt.field]
		if !ok || want == "" {
			t.Errorf("%s front matter has no %s", content.ArticleFile, tt.field)
		}
		if tt.got != want {
			t.Errorf("Load(content.FS).Meta %s = %q, want %q", tt.field, tt.got, want)
		}
	}
}

// TestLoadBundledHTMLOneElement checks that the body is one <div id="article"> element: the div opened
// at the start is the one closed at the very end.
func TestLoadBundledHTMLOneElement(t *testing.T) {
	h := loadBundled(t).HTML
	if !strings.HasPrefix(h, `<div id="article" `) {
		t.Fatalf("HTML starts %q, want <div id=\"article\" ...>", h[:min(len(h), 40)])
	}
	depth := 0
	for _, m := range regexp.MustCompile(`<(/?)div[\s>]`).FindAllStringSubmatchIndex(h, -1) {
		if m[3] > m[2] { // a closing tag
			depth--
		} else {
			depth++
		}
		if depth == 0 && m[1] != len(h) {
			t.Fatalf("the opening div closes at byte %d of %d: HTML is more than one element", m[0], len(h))
		}
	}
	if depth != 0 || !strings.HasSuffix(h, "</div>") {
		t.Errorf("HTML ends %q at div depth %d, want it to end with the closing </div>", h[max(0, len(h)-40):], depth)
	}
	if strings.Contains(h, "title:") || strings.Contains(h, "<hr") {
		t.Errorf("HTML shows the front matter (title: or <hr>)")
	}
}

func TestLoadBundledMentions(t *testing.T) {
	doc := loadBundled(t)
	if len(doc.Mentions) == 0 {
		t.Fatal("Load(content.FS) has no mentions")
	}

	count := map[string]int{}
	for _, m := range doc.Mentions {
		count[m.Entity]++
	}
	for _, e := range doc.Entities {
		if count[e.ID] == 0 {
			t.Errorf("entity %q (%s) is never mentioned", e.ID, e.Name)
		}
	}

	if n := strings.Count(doc.HTML, `<mark class="mention `); n != len(doc.Mentions) {
		t.Errorf("HTML has %d mention marks, want len(Mentions) = %d", n, len(doc.Mentions))
	}
	// The marks name the mentions' entities in reading order.
	marks := markPattern.FindAllStringSubmatch(doc.HTML, -1)
	for i := 0; i < len(marks) && i < len(doc.Mentions); i++ {
		if marks[i][1] != doc.Mentions[i].Entity || marks[i][2] != doc.Mentions[i].Entity {
			t.Errorf("mark %d is of %q (class e-%s), want %q as Mentions[%d]", i, marks[i][2], marks[i][1], doc.Mentions[i].Entity, i)
			break
		}
	}

	for i, m := range doc.Mentions {
		if m.Sentence < 0 || m.Sentence >= len(doc.Sentences) {
			t.Errorf("Mentions[%d] (%q) is in sentence %d of %d", i, m.Text, m.Sentence, len(doc.Sentences))
			continue
		}
		if s := doc.Sentences[m.Sentence]; !strings.Contains(s, m.Text) {
			t.Errorf("Mentions[%d].Text = %q, not in its sentence %q", i, m.Text, s)
		}
		if i > 0 && m.Paragraph < doc.Mentions[i-1].Paragraph {
			t.Errorf("Mentions[%d] is in paragraph %d, before its predecessor's %d", i, m.Paragraph, doc.Mentions[i-1].Paragraph)
		}
	}
}

func TestLoadBundledEdiRama(t *testing.T) {
	doc := loadBundled(t)
	idx := model.NewIndex(doc)
	const id = "edi-rama"
	marks := strings.Count(doc.HTML, `data-entity="`+id+`"`)
	if marks == 0 || marks != idx.Count(id) {
		t.Errorf("HTML has %d marks of %s, index counts %d; want the same, more than 0", marks, id, idx.Count(id))
	}
	for _, form := range []string{"Edi Rama", "Rama"} {
		found := false
		for _, f := range idx[id].Forms {
			found = found || f == form
		}
		if !found {
			t.Errorf("index[%q].Forms = %q, want it to include %q", id, idx[id].Forms, form)
		}
	}
}

func TestLoadMissingFiles(t *testing.T) {
	catalogue, err := fs.ReadFile(content.FS, content.CatalogueFile)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(fstest.MapFS{content.CatalogueFile: {Data: catalogue}}); err == nil {
		t.Errorf("Load without %s: error = nil, want one", content.ArticleFile)
	}
}

// Without a catalogue, the cast is detected: every entry is marked auto and the article's names are
// marked as mentions.
func TestLoadDetects(t *testing.T) {
	article := []byte("---\ntitle: Albania and Greece sign a deal\n---\n\nPrime Minister Edi Rama met Greek leaders in Athens on Monday. Rama said Albania would sign.\n")
	doc, err := Load(fstest.MapFS{content.ArticleFile: {Data: article}})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]model.Entity{}
	for _, e := range doc.Entities {
		ids[e.ID] = e
		if !e.Auto() {
			t.Errorf("%s is not marked auto", e.ID)
		}
	}
	for _, id := range []string{"al", "gr", "edi-rama"} {
		if _, ok := ids[id]; !ok {
			t.Errorf("no %s in the detected cast %v", id, doc.Entities)
		}
	}
	idx := model.NewIndex(doc)
	if idx.Count("al") != 2 || idx.Count("edi-rama") != 2 || idx.Count("gr") != 2 {
		t.Errorf("mentions: Albania %d, Edi Rama %d, Greece %d; want 2, 2 and 2 (the headline counts; Greece, Greek)", idx.Count("al"), idx.Count("edi-rama"), idx.Count("gr"))
	}
	// "in Athens" is a place one is in, not the Greek government: a place of Greece.
	if athens := ids["athens"]; athens.Kind != model.Place || athens.Country != "gr" || idx.Count("athens") != 1 {
		t.Errorf("Athens: %+v with %d mentions, want a place of gr with 1", athens, idx.Count("athens"))
	}
	if _, err := Load(fstest.MapFS{content.ArticleFile: {Data: []byte{0xff, 0xfe, 'x'}}}); err == nil || !strings.Contains(err.Error(), "article.md:1: invalid UTF-8") {
		t.Errorf("Load of invalid UTF-8 without a catalogue: %v, want the file and line", err)
	}
}
