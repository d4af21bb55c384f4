package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

func TestLibraryHTML(t *testing.T) {
	items := []LibraryItem{
		{ID: "a1", Title: `<script>alert("x")</script>`, File: "x.md", When: "7 Dec 2026, 09:30"},
		{ID: "b2", Title: "Second", File: "second.txt", When: "6 Dec 2026, 18:00"},
	}
	h := libraryHTML("Bundled & co", "b2", items)
	for _, want := range []string{
		`<button type="button" class="library-open" data-open="">Bundled &amp; co</button><span class="library-meta">Bundled with Dramatis</span>`,
		`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`,
		`<li class="library-item" aria-current="true"><button type="button" class="library-open" data-open="b2">Second</button><span class="library-meta">second.txt · opened 6 Dec 2026, 18:00</span>`,
		`data-delete="a1"`, `data-delete="b2"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("the library lacks %s:\n%s", want, h)
		}
	}
	if strings.Contains(h, "<script>") || strings.Count(h, "library-delete") != 2 || strings.Count(h, `aria-current="true"`) != 1 {
		t.Errorf("the library's list is wrong:\n%s", h)
	}
	if h := libraryHTML("Bundled", "", nil); !strings.Contains(h, `aria-current="true"><button type="button" class="library-open" data-open="">`) {
		t.Errorf("the bundled article is not current:\n%s", h)
	}
}

func TestFill(t *testing.T) {
	if got := fill(`<a title="$1">$2 $1</a> $3 $`, `"q"`, "<b>"); got != `<a title="&#34;q&#34;">&lt;b&gt; &#34;q&#34;</a> $3 $` {
		t.Errorf("fill = %q", got)
	}
}

func TestEditorHTML(t *testing.T) {
	others := `<option value="al">Albania</option><option value="edi-rama">Edi Rama</option>`
	h := editorHTML(`<select id="edit-into"><option value="">Choose…</option>`+othersMark+`</select>`, others, "edi-rama")
	if !strings.Contains(h, `<option value="edi-rama" disabled>Edi Rama</option>`) || strings.Contains(h, `value="al" disabled`) || strings.Contains(h, othersMark) {
		t.Errorf("editorHTML = %s", h)
	}
}

func TestEditSaid(t *testing.T) {
	for op, want := range map[string]string{"rename": "Cast updated: Edi Rama", "undo": "Edit undone", "redo": "Edit redone"} {
		if got := editSaid(op, "Edi Rama"); got != want {
			t.Errorf("%s: %q, want %q", op, got, want)
		}
	}
}

func TestMegabytes(t *testing.T) {
	for n, want := range map[int]string{50 << 20: "50.0 MB", 10 << 20: "10.0 MB", 1<<20 + 1<<19: "1.5 MB", 0: "0.0 MB"} {
		if got := megabytes(n); got != want {
			t.Errorf("megabytes(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestOpenedArticle shows an opened article in a page: its text, its cast and the controls that
// curate it replace the bundled article's, a link carries its id, and ids the article lacks are left
// out quietly; the bundled article shows no curation controls.
func TestOpenedArticle(t *testing.T) {
	home := bundled(t)
	p := &Page{Doc: home, Pictures: testPictures}
	p.OnInit()
	p.live = false // as on the server: restore needs no browser
	if h := app.HTMLString(p); strings.Contains(h, `id="curate"`) || strings.Contains(h, `id="editor"`) {
		t.Errorf("the bundled article shows curation controls")
	}
	opened := &model.Document{
		HTML:     `<div id="article" class="article-body"><p data-p="0"><mark class="e-ada" data-entity="ada" data-form="name">Ada Lovelace</mark> wrote.</p></div>`,
		Entities: []model.Entity{{ID: "ada", Name: "Ada Lovelace", Kind: model.Person, Source: model.SourceAuto}},
		Mentions: []model.Mention{{Entity: "ada", Form: model.FormName, Text: "Ada Lovelace"}},
	}
	view := &articleView{Title: "Notes", Doc: opened}
	view.Controls.Bar = `<div id="bar-test">bar</div>`
	view.Controls.Editors = map[string]string{"ada": `<div id="editor-test">` + othersMark + `</div>`}
	view.Controls.Others = `<option value="ada">Ada Lovelace</option>`
	p.showDoc(app.Context{}, "3f2a9c01b7de", view, reader.State{Selected: []string{"ada", "edi-rama"}})
	if got := p.state().Query(); got != "a=3f2a9c01b7de&e=ada" {
		t.Errorf("the state is %q", got)
	}
	if p.notice != "" {
		t.Errorf("the notice says %q", p.notice)
	}
	h := app.HTMLString(p)
	for _, want := range []string{opened.HTML, `id="bar-test"`, `<option value="ada" disabled>Ada Lovelace</option>`, `data-entity="ada"`} {
		if !strings.Contains(h, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if strings.Contains(h, home.HTML) || strings.Contains(h, `data-entity="edi-rama" aria-pressed`) {
		t.Errorf("the page still shows the bundled article")
	}
	// Back to the bundled article, with its own cast.
	p.showDoc(app.Context{}, "", p.bundled(), reader.State{Selected: []string{"al"}})
	if got := p.state().Query(); got != "e=al" {
		t.Errorf("back home, the state is %q", got)
	}
	if h := app.HTMLString(p); !strings.Contains(h, home.HTML) || strings.Contains(h, `id="curate"`) {
		t.Errorf("back home, the page is not the bundled article's")
	}
}
