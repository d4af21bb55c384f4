package e2e

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/site"

	"github.com/chromedp/chromedp"
)

// stored counts the records of the library's two stores in IndexedDB, as "articles/library".
func (b *browser) stored() string {
	b.t.Helper()
	return mustEvaluate[string](b, `new Promise((resolve, reject) => {
		const r = indexedDB.open('dramatis', 1);
		r.onerror = () => reject(r.error);
		r.onsuccess = () => {
			const t = r.result.transaction(['articles', 'library']);
			const a = t.objectStore('articles').count(), l = t.objectStore('library').count();
			t.oncomplete = () => { r.result.close(); resolve(a.result + '/' + l.result); };
		};
	})`, chromedp.EvalAwaitPromise)
}

// libraryTitles returns the titles the library's list shows.
func (b *browser) libraryTitles() []string {
	b.t.Helper()
	return mustEvaluate[[]string](b, `[...document.querySelectorAll('#library .library-open')].map((e) => e.textContent)`)
}

// waitStatus waits until the library's dialog says something that contains want, as an alert.
func (b *browser) waitStatus(want string) string {
	b.t.Helper()
	var got string
	b.eventually("the dialog saying "+want, 30*settleTimeout/10, func() error {
		got = mustEvaluate[string](b, `(() => { const s = document.querySelector('#open-status[role="alert"]'); return s ? s.textContent : ''; })()`)
		if !strings.Contains(got, want) {
			return fmt.Errorf("it says %q", got)
		}
		return nil
	})
	return got
}

// TestBadInput opens an article, then each kind of bad input: each gets a clear message in the
// page, and the library keeps what it held, with nothing half-stored.
func TestBadInput(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	b.openText(summit(t))
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	keep := b.stored()
	if keep != "1/1" {
		t.Fatalf("after one article the library holds %s", keep)
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"huge.md", bytes.Repeat([]byte("Lorem ipsum dolor sit amet. "), 50<<20/28+1), "huge.md is 50.0 MB; Dramatis opens articles of up to 10.0 MB"},
		{"photo.md", png, "photo.md:3: this is not a text file"},
		{"latin1.txt", []byte("Paris\n\nLe caf\xe9 de Flore\n"), "latin1.txt:3: the file is not UTF-8"},
		{"empty.md", nil, "empty.md:1: the article is empty"},
		{"front.md", []byte("---\ntitle: Only a head\n---\n"), "front.md:3: the article is empty"},
	} {
		t.Run(c.name, func(t *testing.T) {
			b.t = t
			b.openFile(write(c.name, c.data))
			said := b.waitStatus(c.want)
			if !strings.Contains(said, "Nothing was opened or kept") {
				t.Errorf("the message %q does not say that nothing was kept", said)
			}
			if got := b.stored(); got != keep {
				t.Errorf("the library holds %s, want %s", got, keep)
			}
			if got := mustEvaluate[string](b, `location.search`); !strings.HasPrefix(got, "?a=") {
				t.Errorf("the address became %q", got)
			}
			b.do("closing the dialog", chromedp.Evaluate[chromedp.Void](`document.querySelector('#library-close').click()`))
		})
	}
	b.t = t

	// An empty paste.
	b.openText("   \n ")
	b.waitStatus("There is no text to open")
	b.do("closing the dialog", chromedp.Evaluate[chromedp.Void](`document.querySelector('#library-close').click()`))

	// Raw HTML and script: left out, never run, and said.
	hostile := "# A hostile page\n\nEdi Rama spoke in Tirana.\n\n<script>window.__ran = 1</script>\n\n" +
		"<img src=x onerror=\"window.__ran = 2\"> Text with <b onmouseover=\"window.__ran = 3\">bold</b>.\n\n" +
		"[a link](javascript:window.__ran=4) and <iframe src=\"https://example.com\"></iframe>\n"
	b.openText(hostile)
	b.waitArticle("Edi Rama spoke in Tirana", "edi-rama")
	b.eventually("the notice about raw HTML", settleTimeout, func() error {
		if n := mustEvaluate[string](b, `document.querySelector('#notice').textContent`); !strings.Contains(n, "raw HTML on lines 5, 7, 9 was left out") {
			return fmt.Errorf("#notice says %q", n)
		}
		return nil
	})
	b.do("hovering and clicking the article", chromedp.Evaluate[chromedp.Void](`(() => {
		for (const el of document.querySelectorAll('#article *')) {
			el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
		}
		document.querySelector('#article a')?.click();
	})()`))
	if !strings.Contains(mustEvaluate[string](b, `document.querySelector('#article').textContent`), "Edi Rama spoke in Tirana") {
		t.Errorf("after a click on the article's link, the page shows another article")
	}
	if ran := mustEvaluate[bool](b, `'__ran' in window`); ran {
		t.Errorf("the article's script ran")
	}
	if n := mustEvaluate[int](b, `document.querySelectorAll('#article script, #article iframe, #article img, #article [onerror], #article [onmouseover], #article a[href^="javascript"]').length`); n != 0 {
		t.Errorf("#article holds %d hostile elements", n)
	}
	keep = b.stored()

	b.click("#open-library")
	b.eventually("the library's list", settleTimeout, func() error {
		if titles := b.libraryTitles(); len(titles) != 3 {
			return fmt.Errorf("the library lists %q, want the bundled article and two", titles)
		}
		return nil
	})
	b.screenshot(filepath.Join(e.WorkDir, "bad-input.png"))
	b.assertLocalRequests()
}

// fullStorage is put before the engine's worker script, in a copy of the web directory: it makes the
// worker's IndexedDB refuse, as a full storage does, the library's entry of an article titled "A full
// storage", after the article's own record was written in the same transaction. (Chromium here
// ignores DevTools' Storage.overrideQuotaForOrigin, which would fill the storage for real.)
const fullStorage = `(() => {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (value, ...rest) {
    if (value && value.title === 'A full storage') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.call(this, value, ...rest);
  };
})();
`

// TestStorageFull opens an article when the browser's storage is full: the page says so, and the
// library holds what it held, with neither half of the article's records.
func TestStorageFull(t *testing.T) {
	e := setupEnv(t)
	web := filepath.Join(t.TempDir(), "web")
	if err := site.CopyDir(web, filepath.Join(e.WorkDir, "web")); err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile(filepath.Join(web, "engine.js"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "engine.js"), append([]byte(fullStorage), script...), 0o644); err != nil {
		t.Fatal(err)
	}
	e2 := startExtraServer(t, e, "-web", web)
	b := newBrowser(t, e2)
	b.openLive("/")
	b.openText(summit(t))
	b.waitArticle("Leaders meet in Lisbon", "olaf-scholz")
	keep := b.stored()
	b.openText("# A full storage\n\nAngela Merkel met Emmanuel Macron in Paris.\n")
	said := b.waitStatus("storage for this site is full")
	if !strings.Contains(said, "Nothing was opened or kept") {
		t.Errorf("the message %q does not say that nothing was kept", said)
	}
	if got := b.stored(); got != keep {
		t.Errorf("with the storage full the library holds %s, want %s", got, keep)
	}
	if !strings.Contains(mustEvaluate[string](b, `document.querySelector('#article').textContent`), "Leaders meet in Lisbon") {
		t.Errorf("the article shown changed")
	}
	b.assertClean()
}
