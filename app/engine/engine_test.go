package engine

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
)

var now = time.Date(2026, 12, 7, 9, 30, 0, 0, time.UTC)

const sample = `# Talks in Tirana

Edi Rama met Yair Lapid in Tirana on Monday. Albania and Israel signed an agreement.

Rama said the agreement would last. Lapid thanked the Albanian people.
`

func open(t *testing.T, text string) *Article {
	t.Helper()
	a, err := Open("talks.md", []byte(text), now)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func entity(t *testing.T, a *Article, id string) model.Entity {
	t.Helper()
	for _, e := range a.Cast.Entities {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("no entity %q in %v", id, ids(a.Cast.Entities))
	return model.Entity{}
}

func ids(es []model.Entity) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID)
	}
	return out
}

func TestOpen(t *testing.T) {
	a := open(t, sample)
	if a.Title != "Talks in Tirana" || a.File != "talks.md" || !a.Opened.Equal(now) || len(a.ID) != 12 {
		t.Errorf("article = %q %q %v %q", a.Title, a.File, a.Opened, a.ID)
	}
	for _, id := range []string{"edi-rama", "yair-lapid", "al", "il"} {
		if e := entity(t, a, id); !e.Auto() {
			t.Errorf("%s: source %q, want auto", id, e.Source)
		}
	}
	if b := open(t, sample); b.ID != a.ID {
		t.Errorf("the same text has ids %q and %q", a.ID, b.ID)
	}
	if b := open(t, sample+"More."); b.ID == a.ID {
		t.Errorf("two texts share the id %q", a.ID)
	}
	v, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(v.Doc.HTML, `data-entity="edi-rama"`) || len(v.Doc.Mentions) < 6 || !strings.Contains(v.Map, "<svg") || !strings.Contains(v.Network, "<svg") {
		t.Errorf("view: %d mentions, html %.200q", len(v.Doc.Mentions), v.Doc.HTML)
	}
}

func TestOpenBadInput(t *testing.T) {
	for _, c := range []struct {
		name, file string
		data       []byte
		want       string
	}{
		{"empty", "empty.md", nil, "empty.md:1: the article is empty"},
		{"blank", "blank.txt", []byte("\n  \n"), "blank.txt:1: the article is empty"},
		{"binary", "photo.md", []byte("line one\nline two\x00\x01\x02"), "photo.md:2: this is not a text file"},
		{"latin-1", "old.txt", []byte("first\nsecond\ncaf\xe9\n"), "old.txt:3: the file is not UTF-8"},
		{"large", "book.md", bytes.Repeat([]byte("a"), MaxSize+1), "book.md is 10.0 MB; Dramatis opens articles of up to 10.0 MB"},
		{"path", `C:\Users\me\notes.md`, nil, "notes.md:1:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Open(c.file, c.data, now)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want it to start %q", err, c.want)
			}
		})
	}
}

func TestRawHTMLIsNoted(t *testing.T) {
	a := open(t, "# Note\n\nEdi Rama spoke.\n\n<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b>.\n")
	v, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(v.Doc.HTML, "<script") || strings.Contains(v.Doc.HTML, "onclick") {
		t.Errorf("raw HTML in the page: %s", v.Doc.HTML)
	}
	if len(v.Notes) != 1 || !strings.Contains(v.Notes[0], "talks.md: raw HTML on lines 5, 7 was left out") {
		t.Errorf("notes = %q", v.Notes)
	}
}

func TestTitle(t *testing.T) {
	for text, want := range map[string]string{
		"---\ntitle: From the front matter\n---\n# Heading\n\nText.":                                          "From the front matter",
		"Just a first line\n\n## A heading\n":                                                                 "A heading",
		"A first line of text that goes on and on for a very long time indeed, longer than any title should.": "A first line of text that goes on and on for a very long time indeed, longer…",
	} {
		if got := open(t, text).Title; got != want {
			t.Errorf("title of %.30q = %q, want %q", text, got, want)
		}
	}
}

// apply applies e to a and fails the test on an error.
func apply(t *testing.T, a *Article, e Edit) string {
	t.Helper()
	id, err := Apply(a, e)
	if err != nil {
		t.Fatalf("%+v: %v", e, err)
	}
	return id
}

// count is the number of mentions of entity id in a's rendered Document.
func count(t *testing.T, a *Article, id string) int {
	t.Helper()
	v, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range v.Doc.Mentions {
		if m.Entity == id {
			n++
		}
	}
	return n
}

func TestEdits(t *testing.T) {
	a := open(t, sample)
	rama := count(t, a, "edi-rama")

	apply(t, a, Edit{Op: OpRename, Entity: "edi-rama", Name: "Edi  Rama Jr"})
	e := entity(t, a, "edi-rama")
	if e.Name != "Edi Rama Jr" || !slices.Contains(e.Aliases, "Edi Rama") || e.Auto() {
		t.Errorf("renamed: %+v", e)
	}
	if got := count(t, a, "edi-rama"); got != rama {
		t.Errorf("after the rename, %d mentions, want %d", got, rama)
	}

	apply(t, a, Edit{Op: OpKind, Entity: "yair-lapid", Kind: model.Organisation})
	if e := entity(t, a, "yair-lapid"); e.Kind != model.Organisation || e.Auto() {
		t.Errorf("kind: %+v", e)
	}

	lapid := count(t, a, "yair-lapid")
	if into := apply(t, a, Edit{Op: OpMerge, Entity: "yair-lapid", Into: "edi-rama"}); into != "edi-rama" {
		t.Errorf("merge returned %q", into)
	}
	if got := count(t, a, "edi-rama"); got != rama+lapid {
		t.Errorf("after the merge, %d mentions, want %d", got, rama+lapid)
	}

	id := apply(t, a, Edit{Op: OpSplit, Entity: "edi-rama", Name: "Lapid"})
	if id != "lapid" || count(t, a, "lapid") != 1 {
		t.Errorf("split: %q with %d mentions", id, count(t, a, "lapid"))
	}

	apply(t, a, Edit{Op: OpHide, Entity: "il"})
	if count(t, a, "il") != 0 || len(a.Cast.Shown()) != len(a.Cast.Entities)-1 {
		t.Errorf("hidden il is still shown")
	}
	apply(t, a, Edit{Op: OpUnhide, Entity: "il"})
	if count(t, a, "il") == 0 {
		t.Errorf("unhidden il is not shown")
	}

	if id := apply(t, a, Edit{Op: OpAdd, Name: "the\nagreement", Kind: model.Organisation}); id != "the-agreement" || count(t, a, id) != 1 {
		t.Errorf("added %q with %d mentions", id, count(t, a, id))
	}
	if len(a.Undo) != 7 {
		t.Errorf("%d edits to undo, want 7", len(a.Undo))
	}
}

func TestEditErrors(t *testing.T) {
	a := open(t, sample)
	before := a.Cast.clone()
	for _, e := range []Edit{
		{Op: OpRename, Entity: "edi-rama", Name: "  "},
		{Op: OpRename, Entity: "edi-rama", Name: "Lapid"},
		{Op: OpRename, Entity: "nobody", Name: "X"},
		{Op: OpKind, Entity: "edi-rama", Kind: "animal"},
		{Op: OpMerge, Entity: "edi-rama", Into: "edi-rama"},
		{Op: OpSplit, Entity: "edi-rama", Name: "Edi Rama"},
		{Op: OpAdd, Name: "Nobody Here", Kind: model.Person},
		{Op: OpAdd, Name: "Tirana", Kind: model.Place},
		{Op: "paint", Entity: "edi-rama"},
	} {
		if _, err := Apply(a, e); err == nil {
			t.Errorf("%+v: no error", e)
		}
	}
	if len(a.Undo) != 0 || !slices.EqualFunc(a.Cast.Entities, before.Entities, func(x, y model.Entity) bool { return x.ID == y.ID && x.Name == y.Name && x.Kind == y.Kind }) {
		t.Errorf("failed edits changed the cast")
	}
}

func TestUndoRedo(t *testing.T) {
	a := open(t, sample)
	if err := Undo(a); !errors.Is(err, ErrNoHistory) {
		t.Errorf("undo of nothing: %v", err)
	}
	apply(t, a, Edit{Op: OpRename, Entity: "edi-rama", Name: "Prime Minister Rama"})
	apply(t, a, Edit{Op: OpHide, Entity: "al"})
	if err := Undo(a); err != nil || len(a.Cast.Hidden) != 0 {
		t.Fatalf("undo: %v, hidden %v", err, a.Cast.Hidden)
	}
	if err := Undo(a); err != nil || entity(t, a, "edi-rama").Name != "Edi Rama" || !entity(t, a, "edi-rama").Auto() {
		t.Fatalf("second undo: %v, %+v", err, entity(t, a, "edi-rama"))
	}
	if err := Redo(a); err != nil || entity(t, a, "edi-rama").Name != "Prime Minister Rama" {
		t.Fatalf("redo: %v", err)
	}
	apply(t, a, Edit{Op: OpKind, Entity: "al", Kind: model.Place})
	if err := Redo(a); !errors.Is(err, ErrNoHistory) {
		t.Errorf("redo after a new edit: %v", err)
	}
}

// TestExportParses checks that what Export writes is a catalogue that package catalog reads back
// without an error, after edits of every kind, and that it has the cast's provenance.
func TestExportParses(t *testing.T) {
	a := open(t, sample)
	apply(t, a, Edit{Op: OpRename, Entity: "edi-rama", Name: "Edi Rama of Albania"})
	apply(t, a, Edit{Op: OpKind, Entity: "al", Kind: model.Place}) // Rama's country is not one now
	apply(t, a, Edit{Op: OpHide, Entity: "il"})
	apply(t, a, Edit{Op: OpSplit, Entity: "edi-rama", Name: "Rama"})
	yaml, md := Export(a)
	got, err := catalog.Parse("entities.yaml", yaml)
	if err != nil {
		t.Fatalf("%v\n%s", err, yaml)
	}
	if slices.Contains(ids(got), "il") || !slices.Contains(ids(got), "rama") {
		t.Errorf("exported %v", ids(got))
	}
	for _, e := range got {
		edited := e.ID == "edi-rama" || e.ID == "al" || e.ID == "rama"
		if e.Auto() == edited {
			t.Errorf("%s: source %q", e.ID, e.Source)
		}
	}
	if string(md) != sample {
		t.Errorf("article.md differs from the article")
	}
}

// bigArticle is about 100 KB of the bundled article's text, repeated.
func bigArticle(tb testing.TB) []byte {
	src, err := os.ReadFile("../../content/article.md")
	if err != nil {
		tb.Fatal(err)
	}
	_, body, _ := bytes.Cut(src[4:], []byte("\n---\n"))
	var b bytes.Buffer
	for b.Len() < 100_000 {
		b.Write(body)
		b.WriteString("\n\n")
	}
	return b.Bytes()
}

func BenchmarkOpen100KB(b *testing.B) {
	data := bigArticle(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		a, err := Open("big.md", data, now)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Render(a); err != nil {
			b.Fatal(err)
		}
	}
}

// TestControls checks the markup of the curation controls: undo and redo follow the history, each
// entity has an editor whose buttons name it, names are escaped, and hidden entities are listed.
func TestControls(t *testing.T) {
	a := open(t, sample)
	v, err := Render(a)
	if err != nil {
		t.Fatal(err)
	}
	c := v.Controls
	if !strings.Contains(c.Bar, `id="undo" data-edit="undo" disabled`) || !strings.Contains(c.Bar, `id="redo" data-edit="redo" disabled`) {
		t.Errorf("undo and redo are not disabled before an edit:\n%s", c.Bar)
	}
	if len(c.Editors) != len(v.Doc.Entities) || strings.Count(c.Others, "<option") != len(v.Doc.Entities) {
		t.Errorf("%d editors and %d options for %d entities", len(c.Editors), strings.Count(c.Others, "<option"), len(v.Doc.Entities))
	}
	ed := c.Editors["edi-rama"]
	for _, want := range []string{
		`id="edit-rename" data-edit="rename" data-entity="edi-rama" data-name="edit-name"`,
		`data-edit="kind" data-entity="edi-rama" data-kind="edit-kind"><option value="person" selected>Person</option>`,
		`data-edit="merge" data-entity="edi-rama" data-into="edit-into"`, OthersMark,
		`<select id="edit-split-name"><option>Rama</option></select>`,
		`data-edit="hide" data-entity="edi-rama"`, "Found by detection",
	} {
		if !strings.Contains(ed, want) {
			t.Errorf("Rama's editor lacks %s:\n%s", want, ed)
		}
	}
	apply(t, a, Edit{Op: OpRename, Entity: "edi-rama", Name: `Edi "<Rama>"`})
	apply(t, a, Edit{Op: OpHide, Entity: "al"})
	if v, err = Render(a); err != nil {
		t.Fatal(err)
	}
	c = v.Controls
	if strings.Contains(c.Bar, `data-edit="undo" disabled`) || !strings.Contains(c.Bar, `data-edit="redo" disabled`) {
		t.Errorf("after two edits, undo or redo is wrong:\n%s", c.Bar)
	}
	if !strings.Contains(c.Bar, `data-edit="unhide" data-entity="al" aria-label="Show Albania again"`) {
		t.Errorf("the hidden Albania is not listed:\n%s", c.Bar)
	}
	if ed := c.Editors["edi-rama"]; !strings.Contains(ed, `value="Edi &#34;&lt;Rama&gt;&#34;"`) || !strings.Contains(ed, "Edited by you") {
		t.Errorf("the renamed editor:\n%s", ed)
	}
	if _, ok := c.Editors["al"]; ok || len(v.Hidden) != 1 {
		t.Errorf("the hidden Albania has an editor, or is not in Hidden")
	}
}
