package e2e

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// The tests of this file check what leaves the page: links that restore the reading, the history,
// the copied link and the exported mentions.

// TestDeepLink opens links with a selection, a focus and a current mention: the server prerenders the
// selection, the client restores all of it, and ids that are not in the cast are ignored with a notice.
func TestDeepLink(t *testing.T) {
	e := setupEnv(t)
	const link = "/?e=edi-rama,al&m=3"
	doc := httpGet(t, e, link)
	for _, tg := range tagsNamed(doc, "button") {
		id := tg.attrs["data-entity"]
		if id == "" {
			continue
		}
		want := id == ramaID || id == alID
		// "true" in full: a bare aria-pressed would read as empty, not pressed.
		if got := tg.attrs["aria-pressed"] == "true"; got != want {
			t.Errorf("the prerendered %s has aria-pressed=%q, want pressed %v", id, tg.attrs["aria-pressed"], want)
		}
	}
	for _, id := range []string{ramaID, alID} {
		if !strings.Contains(doc, `:is(.e-`+id+`,.tick-`+id+`,[data-entity="`+id+`"] .swatch){--h:var(--hl`) {
			t.Errorf("the prerendered page does not highlight %s", id)
		}
	}
	nAl := countMentions(prerenderedArticle(t, doc), alID)

	b := newBrowser(t, e)
	// What the live page's live region says, in order: a screen reader says what changes in it once
	// it is there, so the link's mention must come after the mount.
	b.onNewDocument(`window.__said = [];
		new MutationObserver(() => {
			const a = document.querySelector('#dramatis[data-live="true"] #announce');
			if (a && (window.__said.length === 0 || window.__said[window.__said.length - 1] !== a.textContent)) window.__said.push(a.textContent);
		}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});`)
	b.openLive(link)
	b.waitSelection([]string{ramaID, alID})
	b.waitReader("the third mention of Albania", atMention(alID, "Albania", 2, nAl))
	if said := mustEvaluate[[]string](b, `window.__said`); len(said) < 2 || said[0] != "" || !strings.HasPrefix(said[len(said)-1], "Mention 3 of ") {
		t.Errorf("the live region said %q, want nothing when the page went live and then the link's mention", said)
	}
	b.waitReader("the third mention of Albania in view", centred)
	if n := mustEvaluate[string](b, `document.querySelector('#notice').textContent`); n != "" {
		t.Errorf("a valid link shows the notice %q", n)
	}

	// A focus that is not the last selected, the together view and names only.
	b.open("/?e=al,edi-rama&f=al&t=1&forms=names")
	b.waitLive()
	b.waitReader("Albania in focus", func(st readerState) error {
		if st.Focus != alID {
			return fmt.Errorf("focus %q", st.Focus)
		}
		return nil
	})
	if got := mustEvaluate[[]string](b, `[document.querySelector('#together').getAttribute('aria-pressed'), document.querySelector('#forms').getAttribute('aria-checked')]`); got[0] != "true" || got[1] != "false" {
		t.Errorf("together aria-pressed, forms aria-checked = %q, want true, false", got)
	}

	// Unknown ids are left out quietly.
	b.open("/?e=edi-rama,nobody&f=ghost")
	b.waitLive()
	b.waitSelection([]string{ramaID})
	b.eventually("the notice names the unknown ids", settleTimeout, func() error {
		n := mustEvaluate[string](b, `document.querySelector('#notice').textContent`)
		if !strings.Contains(n, "nobody") || !strings.Contains(n, "ghost") {
			return fmt.Errorf("#notice says %q", n)
		}
		return nil
	})
	b.click("#notice .remove")
	b.eventually("the notice is dismissed", settleTimeout, func() error {
		if n := mustEvaluate[string](b, `document.querySelector('#notice').textContent`); n != "" {
			return fmt.Errorf("#notice says %q", n)
		}
		return nil
	})
	b.assertClean()
}

// TestHistory checks that back and forward step through the changes of selection, and restore the
// current mention.
func TestHistory(t *testing.T) {
	e := setupEnv(t)
	nAl := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), alID)

	b := newBrowser(t, e)
	b.openLive("/")
	search := func(want string) {
		b.t.Helper()
		b.waitReader("the address "+want, func(st readerState) error {
			if st.Search != want {
				return fmt.Errorf("location.search is %q, want %q", st.Search, want)
			}
			return nil
		})
	}
	back := func() { b.do("going back", chromedp.Evaluate[chromedp.Void](`history.back()`)) }
	forward := func() { b.do("going forward", chromedp.Evaluate[chromedp.Void](`history.forward()`)) }

	b.click(buttonSelector(ramaID))
	search("?e=edi-rama")
	b.click(buttonSelector(alID))
	search("?e=edi-rama,al")
	b.blur()
	b.press("j")
	b.press("j")
	search("?e=edi-rama,al&m=2") // moving through mentions replaces the entry

	back()
	search("?e=edi-rama")
	b.waitSelection([]string{ramaID})
	back()
	search("")
	b.waitSelection(nil)
	forward()
	search("?e=edi-rama")
	b.waitSelection([]string{ramaID})
	forward()
	search("?e=edi-rama,al&m=2")
	b.waitSelection([]string{ramaID, alID})
	b.waitReader("the second mention of Albania again", atMention(alID, "Albania", 1, nAl))
	b.assertClean()
}

// TestCopyLink copies the link to the page: the clipboard gets the address with the state, and the
// page says so.
func TestCopyLink(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/?e=il&m=2")
	b.waitSelection([]string{ilID})
	// Record what the page writes to the clipboard. The browser's clipboard itself needs a focused
	// page, which a headless browser does not always have while other tests run: emulate one.
	b.do("emulating a focused page", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	}))
	b.do("recording the clipboard", chromedp.Evaluate[chromedp.Void](`(() => {
		window.__copied = [];
		const write = navigator.clipboard.writeText.bind(navigator.clipboard);
		navigator.clipboard.writeText = text => { window.__copied.push(text); return write(text); };
	})()`))
	b.click("#copy-link")
	b.eventually("the link is copied", settleTimeout, func() error {
		n := mustEvaluate[string](b, `(document.querySelector('#notice p') || {}).textContent || ''`)
		if n == "" {
			return fmt.Errorf("#notice is empty (the page wrote %q to the clipboard)", mustEvaluate[[]string](b, `window.__copied`))
		}
		if n != "Link copied." {
			t.Logf("the clipboard refused the link: %q", n)
		}
		return nil
	})
	if copied := mustEvaluate[[]string](b, `window.__copied`); len(copied) != 1 || copied[0] != e.BaseURL+"/?e=il&m=2" {
		t.Errorf("the page copied %q, want the link %q", copied, e.BaseURL+"/?e=il&m=2")
	}
	b.assertClean()
}

// download is a file the page offered.
type download struct {
	Name string
	Data []byte
}

// allowDownloads makes the browser save downloads into a new directory and report them.
func (b *browser) allowDownloads() string {
	b.t.Helper()
	dir := b.t.TempDir()
	if _, err := chromedp.CallBrowser(b.ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
		Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
	}); err != nil {
		b.t.Fatalf("allowing downloads: %v", err)
	}
	return dir
}

// downloadOf clicks selector and returns the file that the page offers.
func (b *browser) downloadOf(dir, selector string) download {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	begins := chromedp.BrowserEvents(ctx, cdpbrowser.DownloadWillBegin)
	progress := chromedp.BrowserEvents(ctx, cdpbrowser.DownloadProgress)
	b.click(selector)
	var d download
	var guid string
	for ev, err := range begins {
		if err != nil {
			b.t.Fatalf("waiting for the download of %s: %v", selector, err)
		}
		d.Name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		if err != nil {
			b.t.Fatalf("waiting for the download of %s to end: %v", selector, err)
		}
		if ev.GUID != guid {
			continue
		}
		if ev.State == cdpbrowser.DownloadProgressStateCompleted {
			break
		}
		if ev.State == cdpbrowser.DownloadProgressStateCanceled {
			b.t.Fatalf("the download of %s was cancelled", selector)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, guid))
	if err != nil {
		b.t.Fatalf("reading the download of %s: %v", selector, err)
	}
	d.Data = data
	return d
}

// exportRow is one mention as the live article shows it, for comparing with the exports.
type exportRow struct {
	Entity    string `json:"entity"`
	Name      string `json:"name"`
	Form      string `json:"form"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Sentence  string `json:"sentence"`
}

// TestExport exports the mentions of two entities as CSV and JSON and compares them with the article.
func TestExport(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	dir := b.allowDownloads()
	b.open("/?e=edi-rama,il")
	b.waitLive()
	b.waitSelection([]string{ramaID, ilID})

	// What the article shows: each mark of the two, in order, with its block's number.
	want := mustEvaluate[[]exportRow](b, `Array.from(document.querySelectorAll('#article mark')).filter(m =>
		['edi-rama', 'il'].includes(m.getAttribute('data-entity'))).map(m => ({
			entity: m.getAttribute('data-entity'), form: m.getAttribute('data-form'),
			text: m.textContent.replace(/\s+/g, ' ').trim(),
			paragraph: +m.closest('#article [data-p]').getAttribute('data-p') + 1,
		}))`)
	names := map[string]string{ramaID: "Edi Rama", ilID: "Israel"}
	check := func(format string, got []exportRow) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, the article has %d mentions of the two", format, len(got), len(want))
		}
		for i, g := range got {
			w := want[i]
			if g.Entity != w.Entity || g.Form != w.Form || g.Text != w.Text || g.Paragraph != w.Paragraph || g.Name != names[w.Entity] {
				t.Errorf("%s row %d = %+v, want %+v named %q", format, i+1, g, w, names[w.Entity])
			}
			if !strings.Contains(g.Sentence, g.Text) {
				t.Errorf("%s row %d: the sentence %q does not hold %q", format, i+1, g.Sentence, g.Text)
			}
		}
	}

	d := b.downloadOf(dir, "#export-csv")
	if d.Name != "mentions-edi-rama-il.csv" {
		t.Errorf("the CSV is named %q", d.Name)
	}
	records, err := csv.NewReader(bytes.NewReader(d.Data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v\n%s", err, clip(string(d.Data), 500))
	}
	if h := strings.Join(records[0], ","); h != "entity,name,form,text,paragraph,sentence" {
		t.Errorf("the CSV header is %q", h)
	}
	var rows []exportRow
	for _, r := range records[1:] {
		p, _ := strconv.Atoi(r[4])
		rows = append(rows, exportRow{Entity: r[0], Name: r[1], Form: r[2], Text: r[3], Paragraph: p, Sentence: r[5]})
	}
	check("CSV", rows)

	d = b.downloadOf(dir, "#export-json")
	if d.Name != "mentions-edi-rama-il.json" {
		t.Errorf("the JSON is named %q", d.Name)
	}
	rows = nil
	if err := json.Unmarshal(d.Data, &rows); err != nil {
		t.Fatalf("the JSON does not parse: %v\n%s", err, clip(string(d.Data), 500))
	}
	check("JSON", rows)

	// With nothing selected the export holds every mention.
	b.click("#clear")
	b.waitSelection(nil)
	d = b.downloadOf(dir, "#export-json")
	rows = nil
	if err := json.Unmarshal(d.Data, &rows); err != nil {
		t.Fatal(err)
	}
	if n := mustEvaluate[int](b, `document.querySelectorAll('#article mark').length`); len(rows) != n || d.Name != "mentions.json" {
		t.Errorf("the export of everyone %q has %d rows, the article %d mentions", d.Name, len(rows), n)
	}
	b.assertClean()
}

// TestHistoryStepBeforePaint steps through the history in the same task as a click, before the
// click's frame is painted and its address written: the page shows the state of the step, and the
// click's address does not land over it afterwards.
func TestHistoryStepBeforePaint(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	b.waitReader("the address with Rama", func(st readerState) error {
		if st.Search != "?e="+ramaID {
			return fmt.Errorf("location.search is %q", st.Search)
		}
		return nil
	})

	// The popstate event stands in for a step back that the browser delivers within the frame.
	b.do("clicking Albania and stepping back at once", chromedp.Evaluate[chromedp.Void](`(() => {
		document.querySelector('`+buttonSelector(alID)+`').click();
		window.dispatchEvent(new PopStateEvent('popstate', {state: null}));
	})()`))
	// Two frames and a task after: the click's address would have been written by then.
	b.do("waiting for two frames", chromedp.Evaluate[chromedp.Void](
		`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))`,
		chromedp.EvalAwaitPromise))
	b.waitSelection([]string{ramaID})
	if got := mustEvaluate[string](b, `location.search`); got != "?e="+ramaID {
		t.Errorf("after the step, location.search is %q, want %q", got, "?e="+ramaID)
	}
	b.assertClean()
}
