package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// summit is the article the library tests open, with names that detection finds.
func summit(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "summit.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// openText pastes text into the library's dialog and opens it.
func (b *browser) openText(text string) {
	b.t.Helper()
	b.click("#open-library")
	b.waitOpen("#library-dialog")
	b.do("pasting the article", chromedp.SetValue(chromedp.CSS("#open-text"), text))
	b.click("#open-submit")
}

// openFile picks path in the library's file field.
func (b *browser) openFile(path string) {
	b.t.Helper()
	b.click("#open-library")
	b.waitOpen("#library-dialog")
	b.do("picking "+path, chromedp.SetUploadFiles(chromedp.CSS("#open-file"), []string{path}))
}

// waitOpen waits until the dialog that selector matches is open.
func (b *browser) waitOpen(selector string) {
	b.t.Helper()
	b.eventually(selector+" open", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `!!document.querySelector(`+strconv.Quote(selector)+`)?.open`) {
			return fmt.Errorf("closed")
		}
		return nil
	})
}

// waitArticle waits until #article holds text and the cast lists the entity with id.
func (b *browser) waitArticle(text, id string) {
	b.t.Helper()
	b.eventually("the opened article", 30*settleTimeout/10, func() error {
		got := mustEvaluate[string](b, `document.querySelector('#article')?.textContent || ''`)
		if !strings.Contains(got, text) {
			return fmt.Errorf("#article holds %.80q", got)
		}
		if !mustEvaluate[bool](b, `!!document.querySelector('#cast button[data-entity="`+id+`"]')`) {
			return fmt.Errorf("the cast has no %s", id)
		}
		return nil
	})
}

// TestLibrary opens articles by paste, by file and by dropping a file on the page; the library lists
// each with its title and when it was opened, keeps them over a reload, gives each a link of its own,
// and deletes one; another browser's library does not have them, and says so.
func TestLibrary(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	b.openText(summit(t))
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	pasted := mustEvaluate[string](b, `location.search`)
	if !strings.HasPrefix(pasted, "?a=") || !strings.HasPrefix(mustEvaluate[string](b, `document.title`), "Leaders meet in Lisbon") {
		t.Errorf("the address is %q and the title %q", pasted, mustEvaluate[string](b, `document.title`))
	}
	b.click(`#cast button[data-entity="olaf-scholz"]`)
	b.eventually("Scholz highlighted", settleTimeout, func() error {
		if c := mustEvaluate[string](b, `getComputedStyle(document.querySelector('#article mark[data-entity="olaf-scholz"]')).backgroundColor`); isTransparent(c) {
			return fmt.Errorf("Scholz's marks are %s", c)
		}
		return nil
	})
	var link string // the page writes the address once the highlight is painted
	b.eventually("the link of the selection", settleTimeout, func() error {
		if link = mustEvaluate[string](b, `location.search`); !strings.Contains(link, "e=olaf-scholz") || !strings.HasPrefix(link, pasted) {
			return fmt.Errorf("the address is %q", link)
		}
		return nil
	})

	// By file.
	file := filepath.Join(t.TempDir(), "harbour.txt")
	if err := os.WriteFile(file, []byte("The harbour of Gdansk\n\nMayor Aleksandra Dulkiewicz opened the new harbour of Gdansk with Donald Tusk.\nPoland will pay for half of it; Tusk said Poland would pay more.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.openFile(file)
	b.waitArticle("Mayor Aleksandra Dulkiewicz opened", "donald-tusk")

	// By dropping a file on the page.
	b.do("dropping a file", chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(['# Dropped news\n\nKing Charles visited Canada with Justin Trudeau.\n'], 'dropped.md', { type: 'text/markdown' }));
		document.querySelector('#article').dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
		document.querySelector('#article').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
	})()`))
	b.waitArticle("King Charles visited Canada", "justin-trudeau")

	b.click("#open-library")
	b.eventually("the library's list", settleTimeout, func() error {
		items := mustEvaluate[[]string](b, `[...document.querySelectorAll('#library li')].map((li) => li.textContent)`)
		if len(items) != 4 || !strings.HasPrefix(items[0], "Albania teams up") || !strings.HasPrefix(items[1], "Dropped news") ||
			!strings.Contains(items[2], "harbour.txt · opened ") || !strings.HasPrefix(items[3], "Leaders meet in Lisbon") {
			return fmt.Errorf("the library lists %q", items)
		}
		return nil
	})
	if cur := mustEvaluate[string](b, `document.querySelector('#library [aria-current="true"] .library-open').textContent`); cur != "Dropped news" {
		t.Errorf("the library marks %q as the article shown", cur)
	}
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-library.png"))
	b.checkAxe(axeSource(t, e.RepoRoot), "the library's dialog")

	// Delete the file's article; open the bundled one from the library.
	b.click(`#library li:nth-child(3) .library-delete`)
	b.eventually("the deletion", settleTimeout, func() error {
		if n := mustEvaluate[int](b, `document.querySelectorAll('#library li').length`); n != 3 {
			return fmt.Errorf("the library lists %d", n)
		}
		return nil
	})
	if got := b.stored(); got != "2/2" {
		t.Errorf("after a deletion the library holds %s", got)
	}
	b.click(`#library li:first-child .library-open`)
	b.waitArticle("Albania teams up with Israel", "edi-rama")
	if q := mustEvaluate[string](b, `location.search`); q != "" {
		t.Errorf("the bundled article's address has %q", q)
	}
	// Back goes to the article shown before.
	b.do("going back", chromedp.Evaluate[chromedp.Void](`history.back()`))
	b.waitArticle("King Charles visited Canada", "justin-trudeau")

	// A reload, and the link of the pasted article with its selection.
	b.open("/" + link)
	b.waitLive()
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	b.eventually("the link's selection", settleTimeout, func() error {
		if p := mustEvaluate[string](b, `document.querySelector('#cast button[data-entity="olaf-scholz"]').getAttribute('aria-pressed')`); p != "true" {
			return fmt.Errorf("Scholz is not selected")
		}
		return nil
	})
	b.assertClean()

	// The same text again is the same article, with its selection link, moved to the top.
	b.openText(summit(t))
	b.eventually("the same text opened again", 30*time.Second, func() error {
		if q := mustEvaluate[string](b, `location.search`); q != pasted {
			return fmt.Errorf("it is at %q, not %q; the dialog says %q", q, pasted, mustEvaluate[string](b, `document.querySelector('#open-status').textContent`))
		}
		return nil
	})
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	b.click("#open-library")
	b.eventually("the library after the same text again", settleTimeout, func() error {
		items := mustEvaluate[[]string](b, `[...document.querySelectorAll('#library .library-open')].map((e) => e.textContent)`)
		if len(items) != 3 || !strings.HasPrefix(items[1], "Leaders meet in Lisbon") {
			return fmt.Errorf("the library lists %q", items)
		}
		return nil
	})
	b.do("closing the dialog", chromedp.Evaluate[chromedp.Void](`document.querySelector('#library-close').click()`))

	// On a phone the dialog fits the screen.
	b.setViewport(360, 740)
	b.click("#open-library")
	b.waitOpen("#library-dialog")
	if w := mustEvaluate[float64](b, `document.querySelector('#library-dialog').getBoundingClientRect().right`); w > 360 {
		t.Errorf("on a phone the dialog reaches %v px, past the screen's 360", w)
	}
	b.screenshot(filepath.Join(e.WorkDir, "library-phone.png"))

	// Another browser has none of it.
	other := newBrowser(t, e)
	other.openLive("/" + link)
	other.eventually("the message of a link from another browser", settleTimeout, func() error {
		n := mustEvaluate[string](other, `document.querySelector('#notice').textContent`)
		if !strings.Contains(n, "not in the library of this browser") {
			return fmt.Errorf("#notice says %q; the page is %s", n, mustEvaluate[string](other, `location.href + ' ' + document.documentElement.outerHTML.slice(0, 300) + document.querySelector('#article')?.textContent.slice(0, 80)`))
		}
		return nil
	})
	other.waitArticle("Albania teams up with Israel", "edi-rama")
	if v := mustEvaluate[string](other, `getComputedStyle(document.querySelector('.story-body')).visibility`); v != "visible" {
		t.Errorf("the article is %s", v)
	}
	other.assertClean()
}

// castEntry is an entity as the cast lists it.
type castEntry struct {
	Name  string `json:"name"`
	Group string `json:"group"`
	Count int    `json:"count"`
	Marks int    `json:"marks"`
}

// cast returns the cast as listed, by entity id, with each entity's marks in the article.
func (b *browser) cast() map[string]castEntry {
	b.t.Helper()
	return mustEvaluate[map[string]castEntry](b, `(() => {
		const out = {};
		for (const btn of document.querySelectorAll('#cast button[data-entity]')) {
			const id = btn.dataset.entity;
			out[id] = {
				name: btn.querySelector('.name')?.firstChild?.textContent || '',
				group: btn.closest('section.group')?.querySelector('h2')?.firstChild?.textContent || '',
				count: parseInt(btn.querySelector('.count')?.textContent || '-1', 10),
				marks: document.querySelectorAll('#article mark[data-entity="' + id + '"]').length,
			};
		}
		return out;
	})()`)
}

// waitCast waits until check accepts the cast.
func (b *browser) waitCast(what string, check func(map[string]castEntry) error) map[string]castEntry {
	b.t.Helper()
	var last map[string]castEntry
	b.eventually(what, 20*settleTimeout/10, func() error {
		last = b.cast()
		return check(last)
	})
	return last
}

// waitGroup waits until the cast lists the entity with id in group.
func (b *browser) waitGroup(what, id, group string) {
	b.t.Helper()
	b.waitCast(what, func(c map[string]castEntry) error {
		if g := c[id].Group; g != group {
			return fmt.Errorf("%s is in %q", id, g)
		}
		return nil
	})
}

// pick makes the entity with id the one in focus, through the cast.
// An entity selected already is put in focus through its legend entry: its cast entry would
// deselect it.
func (b *browser) pick(id string) {
	b.t.Helper()
	editing := func() string {
		return mustEvaluate[string](b, `document.querySelector('#editor [data-edit="hide"]')?.dataset.entity || ''`)
	}
	switch {
	case editing() == id:
		return
	case mustEvaluate[bool](b, `document.querySelector('#cast button[data-entity="`+id+`"]')?.getAttribute('aria-pressed') === 'true'`):
		b.click(`#legend [data-entity="` + id + `"] .legend-text`)
	default:
		b.click(`#cast button[data-entity="` + id + `"]`)
	}
	b.eventually(id+" in the editor", settleTimeout, func() error {
		if got := editing(); got != id {
			return fmt.Errorf("the editor edits %q", got)
		}
		return nil
	})
}

// choose sets the <select> that selector matches to value, as the reader would.
func (b *browser) choose(selector, value string) {
	b.t.Helper()
	ok := mustEvaluate[bool](b, `(() => {
		const s = document.querySelector(`+strconv.Quote(selector)+`);
		if (!s || ![...s.options].some((o) => o.value === `+strconv.Quote(value)+`)) return false;
		s.value = `+strconv.Quote(value)+`;
		s.dispatchEvent(new Event('change', { bubbles: true }));
		return true;
	})()`)
	if !ok {
		b.t.Fatalf("%s has no option %q", selector, value)
	}
}

// TestCurate opens an article and edits its cast with each of the editor's actions, undo and redo,
// checks that the edits survive a reload, and exports the cast and the article, which dramatis check
// accepts.
func TestCurate(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	b.openText(summit(t))
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	start := b.cast()
	for _, id := range []string{"olaf-scholz", "emmanuel-macron", "nato"} {
		if start[id].Marks == 0 {
			t.Fatalf("detection found no %s: %v", id, start)
		}
	}
	scholz, macron := start["olaf-scholz"].Marks, start["emmanuel-macron"].Marks
	if !mustEvaluate[bool](b, `document.querySelector('#undo').disabled && document.querySelector('#redo').disabled`) {
		t.Errorf("undo or redo is enabled before any edit")
	}

	// Rename: the old name stays an alias, so the marks stay.
	b.pick("olaf-scholz")
	if src := mustEvaluate[string](b, `document.querySelector('#editor .editor-source').textContent`); !strings.Contains(src, "detection") {
		t.Errorf("the editor says %q of a detected entity", src)
	}
	b.do("typing the new name", chromedp.SetValue(chromedp.CSS("#edit-name"), "Chancellor Olaf Scholz"))
	b.click("#edit-rename")
	b.waitCast("the rename", func(c map[string]castEntry) error {
		if s := c["olaf-scholz"]; s.Name != "Chancellor Olaf Scholz" || s.Marks != scholz {
			return fmt.Errorf("scholz is %+v", s)
		}
		return nil
	})
	if src := mustEvaluate[string](b, `document.querySelector('#editor .editor-source').textContent`); src != "Edited by you" {
		t.Errorf("after the rename, the editor says %q", src)
	}
	b.eventually("the keyboard focus back on Rename", settleTimeout, func() error {
		if id := mustEvaluate[string](b, `document.activeElement.id`); id != "edit-rename" {
			return fmt.Errorf("the focus is on %q", id)
		}
		return nil
	})

	// Kind, then undo and redo.
	b.choose("#edit-kind", "organisation")
	b.waitGroup("the change of kind", "olaf-scholz", "Organisations")
	b.click("#undo")
	b.waitGroup("undoing the change of kind", "olaf-scholz", "People")
	b.click("#redo")
	b.waitGroup("redoing the change of kind", "olaf-scholz", "Organisations")
	b.click("#undo")
	b.waitGroup("undoing it again", "olaf-scholz", "People")

	// Merge Macron into Scholz, then undo.
	b.pick("emmanuel-macron")
	b.choose("#edit-into", "olaf-scholz")
	b.click("#edit-merge")
	b.waitCast("the merge", func(c map[string]castEntry) error {
		if _, ok := c["emmanuel-macron"]; ok {
			return fmt.Errorf("macron is still in the cast")
		}
		if n := c["olaf-scholz"].Marks; n != scholz+macron {
			return fmt.Errorf("scholz has %d marks, want %d", n, scholz+macron)
		}
		return nil
	})
	b.click("#undo")
	b.waitCast("undoing the merge", func(c map[string]castEntry) error {
		if c["emmanuel-macron"].Marks != macron || c["olaf-scholz"].Marks != scholz {
			return fmt.Errorf("macron %+v, scholz %+v", c["emmanuel-macron"], c["olaf-scholz"])
		}
		return nil
	})

	// Split "Scholz" off.
	b.pick("olaf-scholz")
	b.choose("#edit-split-name", "Scholz")
	b.click("#edit-split")
	b.waitCast("the split", func(c map[string]castEntry) error {
		s, o := c["scholz"], c["olaf-scholz"]
		if s.Marks == 0 || o.Marks == 0 || s.Marks+o.Marks != scholz {
			return fmt.Errorf("scholz %+v, olaf-scholz %+v", s, o)
		}
		return nil
	})

	// Hide NATO, and show it again.
	b.pick("nato")
	b.click("#edit-hide")
	b.waitCast("hiding NATO", func(c map[string]castEntry) error {
		if _, ok := c["nato"]; ok || mustEvaluate[int](b, `document.querySelectorAll('#article mark[data-entity="nato"]').length`) != 0 {
			return fmt.Errorf("nato is still shown")
		}
		return nil
	})
	b.click(`#hidden [data-entity="nato"]`)
	b.waitCast("showing NATO again", func(c map[string]castEntry) error {
		if c["nato"].Marks == 0 {
			return fmt.Errorf("nato is not back")
		}
		return nil
	})

	// Add a name selected in the text.
	b.do("selecting “energy pact”", chromedp.Evaluate[chromedp.Void](`(() => {
		const walker = document.createTreeWalker(document.querySelector('#article'), NodeFilter.SHOW_TEXT);
		for (let n = walker.nextNode(); n; n = walker.nextNode()) {
			const i = n.data.indexOf('energy pact');
			if (i >= 0) {
				const r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + 'energy pact'.length);
				getSelection().removeAllRanges();
				getSelection().addRange(r);
				return;
			}
		}
		throw new Error('no “energy pact” in the article');
	})()`))
	b.click("#adding")
	b.eventually("the add form", settleTimeout, func() error {
		if v := mustEvaluate[string](b, `document.querySelector('#add-form:not([hidden]) #add-name')?.value || ''`); v != "energy pact" {
			return fmt.Errorf("the add form holds %q", v)
		}
		return nil
	})
	b.choose("#add-kind", "organisation")
	b.do("pressing Enter in the name", chromedp.SendKeys(chromedp.CSS("#add-name"), kb.Enter))
	b.waitCast("adding the energy pact", func(c map[string]castEntry) error {
		if p := c["energy-pact"]; p.Marks != 2 || p.Group != "Organisations" {
			return fmt.Errorf("energy-pact is %+v", p)
		}
		return nil
	})
	b.do("showing the card and its editor", chromedp.Evaluate[chromedp.Void](`(() => {
		const p = document.querySelector('#panel'), c = document.querySelector('#card');
		p.scrollTop += c.getBoundingClientRect().top - p.getBoundingClientRect().top;
	})()`))
	b.waitStill("#editor")
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-curate.png"))
	b.checkAxe(axeSource(t, e.RepoRoot), "curating")

	// The edits are kept with the article.
	before := b.cast()
	b.do("reloading", chromedp.Reload())
	b.waitLive()
	b.waitArticle("Leaders meet in Lisbon", "energy-pact")
	if after := b.cast(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("after a reload the cast is\n%v\nnot\n%v", after, before)
	}

	// Export, and check what was exported.
	dir := b.allowDownloads()
	yaml := b.downloadOf(dir, "#export-yaml")
	md := b.downloadOf(dir, "#export-md")
	if yaml.Name != "entities.yaml" || md.Name != "article.md" {
		t.Errorf("downloads are called %q and %q", yaml.Name, md.Name)
	}
	if string(md.Data) != summit(t) {
		t.Errorf("article.md differs from the article opened")
	}
	for _, want := range []string{"name: Chancellor Olaf Scholz", "id: energy-pact", "id: scholz", "source: auto"} {
		if !strings.Contains(string(yaml.Data), want) {
			t.Errorf("entities.yaml lacks %q:\n%s", want, yaml.Data)
		}
	}
	content := t.TempDir()
	for name, data := range map[string][]byte{"entities.yaml": yaml.Data, "article.md": md.Data} {
		if err := os.WriteFile(filepath.Join(content, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command(filepath.Join(e.WorkDir, "dramatis"), "check", "-content", content).CombinedOutput()
	if err != nil {
		t.Fatalf("dramatis check of the export: %v\n%s", err, out)
	}
	t.Logf("dramatis check: %s", out)
	site := filepath.Join(t.TempDir(), "site")
	if out, err := exec.Command(filepath.Join(e.WorkDir, "dramatis"), "build", "-content", content, "-out", site, "-compress", "fast",
		"-web", filepath.Join(e.WorkDir, "web")).CombinedOutput(); err != nil {
		t.Fatalf("dramatis build of the export: %v\n%s", err, out)
	}
	if page, err := os.ReadFile(filepath.Join(site, "index.html")); err != nil || !strings.Contains(string(page), "Chancellor Olaf Scholz") {
		t.Errorf("the site built from the export lacks the curated cast (%v)", err)
	}
	b.assertClean()
}

// TestLibraryOffline opens an article on a static site under a sub-path, as on GitHub Pages, then
// stops the host: a reload shows the article from the library, its cast can still be edited, and
// another article opens, all with the network off.
func TestLibraryOffline(t *testing.T) {
	e := setupEnv(t)
	dist := buildSite(t, e, "/dramatis")
	host := startStatic(t, "", "/dramatis", dist)
	b := newBrowser(t, envFor(e, host))
	b.openLive("/dramatis/")
	b.waitInstalled()
	b.openText(summit(t))
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	link := mustEvaluate[string](b, `location.pathname + location.search`)
	b.eventually("the engine kept for offline use", 30*time.Second, func() error {
		n := mustEvaluate[int](b, `(async () => {
			let n = 0;
			for (const k of await caches.keys()) {
				if (await (await caches.open(k)).match(new URL('web/engine.wasm', location.href).href)) n++;
			}
			return n;
		})()`, chromedp.EvalAwaitPromise)
		if n != 1 {
			return fmt.Errorf("%d caches hold engine.wasm", n)
		}
		return nil
	})
	b.assertClean()

	host.stop()
	b.open(link)
	b.waitLive()
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	b.pick("olaf-scholz")
	b.do("typing the new name", chromedp.SetValue(chromedp.CSS("#edit-name"), "Chancellor Olaf Scholz"))
	b.click("#edit-rename")
	b.waitCast("the rename, offline", func(c map[string]castEntry) error {
		if s := c["olaf-scholz"]; s.Name != "Chancellor Olaf Scholz" {
			return fmt.Errorf("scholz is %+v", s)
		}
		return nil
	})
	b.openText("# Offline news\n\nKing Charles visited Canada with Justin Trudeau.\n")
	b.waitArticle("King Charles visited Canada", "justin-trudeau")
	b.assertLocalRequests()
}
