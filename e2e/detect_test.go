package e2e

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDetectedCast serves an article with no entities.yaml: the cast is detected, each entry carries
// the "auto" badge, the panel says what the badge means, the card says it too, and selecting a
// detected country lights up its mentions as for a curated one.
func TestDetectedCast(t *testing.T) {
	e := setupEnv(t)
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join(e.RepoRoot, "content", "article.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "article.md"), article, 0o644); err != nil {
		t.Fatal(err)
	}
	h := startExtraServer(t, e, "-content", dir)
	b := newBrowser(t, h)
	b.setViewport(viewportWidth, viewportHeight)
	b.open("/")
	b.waitLive()

	type panel struct {
		Entries, Badges int
		Note            string
		Albania         string
		Label           string
	}
	p := mustEvaluate[panel](b, `(() => {
		const buttons = Array.from(document.querySelectorAll('#cast button[data-entity]'));
		const al = document.querySelector('#cast button[data-entity="al"] .name');
		const note = document.querySelector('#auto-note');
		return {Entries: buttons.length, Badges: buttons.filter(b => b.querySelector('.auto-badge')).length,
			Note: note && note.getBoundingClientRect().height > 0 ? note.textContent : '',
			Albania: al ? al.firstChild.textContent : '',
			Label: al ? al.closest('button').innerText.replace(/\s+/g, ' ') : ''};
	})()`)
	if p.Entries < 20 || p.Badges != p.Entries {
		t.Errorf("%d of %d cast entries carry the auto badge; want all of 20 or more", p.Badges, p.Entries)
	}
	if p.Note != "auto found by detection, not reviewed by anyone" {
		t.Errorf("the legend of the badge reads %q", p.Note)
	}
	if p.Albania != "Albania" {
		t.Errorf("the detected cast has no Albania (entry %q)", p.Albania)
	}

	b.click(buttonSelector("al"))
	b.waitSelection([]string{"al"})
	n := countMentions(prerenderedArticle(t, httpGet(t, h, "/")), "al")
	if n < 30 {
		t.Errorf("Albania has %d marks in the article, want more than 30 (its name, demonym and capital)", n)
	}
	if got := mustEvaluate[string](b, `(document.querySelector('#card .card-auto') || {}).textContent || ''`); got != "auto found by detection, not reviewed" {
		t.Errorf("the card says %q of a detected entity", got)
	}
	b.checkAxe(axeSource(t, e.RepoRoot), "a detected cast, Albania selected")
	shot := filepath.Join(e.RepoRoot, "docs", "screenshot-detected.png")
	w, ht := b.screenshot(shot)
	t.Logf("saved %s (%dx%d)", shot, w, ht)
	b.assertClean()
}
