package e2e

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	yaml "go.yaml.in/yaml/v3"
)

// The tests of this file drive the reading controls: the mention navigator and its keys, the rail, the
// entity card, the cast filter, the names-only switch and the together view. Their expectations come
// from the prerendered page, the catalogue and the live DOM, not from the app's own packages.

// readerState is what the reading tests read from the live page in one go.
type readerState struct {
	Position   string        `json:"position"`   // the text of #position
	Focus      string        `json:"focus"`      // the entity the navigator shows
	Announce   string        `json:"announce"`   // the text of the live region
	Search     string        `json:"search"`     // location.search
	PrevOn     bool          `json:"prevOn"`     // #prev is enabled
	NextOn     bool          `json:"nextOn"`     // #next is enabled
	Current    []currentMark `json:"current"`    // every mark with data-current
	ViewHeight float64       `json:"viewHeight"` // window.innerHeight
	ScrollY    float64       `json:"scrollY"`
	MaxScrollY float64       `json:"maxScrollY"`
	Active     string        `json:"active"` // the id of the focused element
}

// currentMark is a mark with data-current.
type currentMark struct {
	Entity      string  `json:"entity"`
	N           int     `json:"n"` // its place among its entity's marks, from 0
	AriaCurrent string  `json:"ariaCurrent"`
	Outline     string  `json:"outline"` // computed outline-style
	Top         float64 `json:"top"`
	Bottom      float64 `json:"bottom"`
}

const readerStateJS = `(() => {
	const current = Array.from(document.querySelectorAll('#article mark[data-current]')).map(m => {
		const e = m.getAttribute('data-entity');
		const r = m.getBoundingClientRect();
		return {
			entity: e,
			n: Array.from(document.querySelectorAll('#article mark[data-entity="' + e + '"]')).indexOf(m),
			ariaCurrent: m.getAttribute('aria-current') || '',
			outline: getComputedStyle(m).outlineStyle,
			top: r.top, bottom: r.bottom,
		};
	});
	const text = sel => { const el = document.querySelector(sel); return el ? el.textContent : ''; };
	const on = sel => { const el = document.querySelector(sel); return !!el && !el.disabled; };
	const focus = document.querySelector('#navigator .nav-focus');
	return {
		position: text('#position'),
		focus: focus ? focus.getAttribute('data-entity') : '',
		announce: text('#announce'),
		search: location.search,
		prevOn: on('#prev'), nextOn: on('#next'),
		current,
		viewHeight: innerHeight, scrollY: scrollY,
		maxScrollY: document.documentElement.scrollHeight - innerHeight,
		active: document.activeElement ? document.activeElement.id : '',
	};
})()`

// waitReader waits until check accepts the reader state, and returns it.
func (b *browser) waitReader(what string, check func(readerState) error) readerState {
	b.t.Helper()
	var st readerState
	b.eventually(what, settleTimeout, func() error {
		var err error
		if st, err = evaluate[readerState](b, readerStateJS); err != nil {
			return err
		}
		return check(st)
	})
	return st
}

// atMention checks that the current mention is the n-th (from 0) of id among total, that it is the
// only current mark, that it is outlined and marked aria-current, and that the navigator, the live
// region and the address agree.
func atMention(id, name string, n, total int) func(readerState) error {
	return func(st readerState) error {
		want := fmt.Sprintf("%d of %d", n+1, total)
		if st.Position != want {
			return fmt.Errorf("#position is %q, want %q", st.Position, want)
		}
		if len(st.Current) != 1 {
			return fmt.Errorf("%d marks have data-current, want 1: %+v", len(st.Current), st.Current)
		}
		c := st.Current[0]
		if c.Entity != id || c.N != n {
			return fmt.Errorf("the current mark is mention %d of %q, want %d of %q", c.N, c.Entity, n, id)
		}
		if c.AriaCurrent != "true" {
			return fmt.Errorf("the current mark has aria-current=%q, want \"true\"", c.AriaCurrent)
		}
		if c.Outline == "none" || c.Outline == "" {
			return fmt.Errorf("the current mark has no outline (outline-style %q)", c.Outline)
		}
		say := fmt.Sprintf("Mention %d of %d: %s", n+1, total, name)
		if st.Announce != say {
			return fmt.Errorf("the live region says %q, want %q", st.Announce, say)
		}
		if !strings.Contains(st.Search, "m="+strconv.Itoa(n+1)) {
			return fmt.Errorf("the address %q does not hold m=%d", st.Search, n+1)
		}
		return nil
	}
}

// centred checks that the current mark is in the view, and in its middle third unless the page cannot
// scroll that far.
func centred(st readerState) error {
	if len(st.Current) != 1 {
		return fmt.Errorf("%d current marks", len(st.Current))
	}
	c := st.Current[0]
	if c.Top < 0 || c.Bottom > st.ViewHeight {
		return fmt.Errorf("the current mark (%.0f–%.0f) is outside the view (0–%.0f)", c.Top, c.Bottom, st.ViewHeight)
	}
	mid := (c.Top + c.Bottom) / 2
	atEnd := st.ScrollY <= 1 || st.ScrollY >= st.MaxScrollY-1
	if !atEnd && math.Abs(mid-st.ViewHeight/2) > st.ViewHeight/6 {
		return fmt.Errorf("the current mark's middle is at %.0f, not near the view's middle %.0f", mid, st.ViewHeight/2)
	}
	return nil
}

// press sends keys to the page as the keyboard does.
func (b *browser) press(keys string) {
	b.t.Helper()
	b.do(fmt.Sprintf("pressing %q", keys), chromedp.KeyEvent(keys))
}

// blur takes the keyboard focus from whatever has it, as a click on the page's background does.
func (b *browser) blur() {
	b.t.Helper()
	b.do("blurring", chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur()`))
}

// recordScrolls makes the page record the options of every scrollIntoView call in window.__scrolls.
func (b *browser) recordScrolls() {
	b.t.Helper()
	b.do("recording scrollIntoView", chromedp.Evaluate[chromedp.Void](`(() => {
		window.__scrolls = [];
		const orig = Element.prototype.scrollIntoView;
		Element.prototype.scrollIntoView = function (o) { window.__scrolls.push(o); return orig.call(this, o); };
	})()`))
}

// TestKeyboardNavigation steps through the mentions of Edi Rama with the keys and the buttons: the
// current mention is outlined, scrolled to the middle of the view, announced and kept in the address;
// the other shortcuts open the help, focus the filter and clear the selection.
func TestKeyboardNavigation(t *testing.T) {
	e := setupEnv(t)
	total := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), ramaID)
	if total < 4 {
		t.Fatalf("the article has %d mentions of %q, want at least 4", total, ramaID)
	}

	b := newBrowser(t, e)
	b.openLive("/")

	// Before a selection the keys do nothing but say so.
	b.press("j")
	b.waitReader("the navigator without a selection", func(st readerState) error {
		if !strings.Contains(st.Announce, "Select someone") || st.PrevOn || st.NextOn || len(st.Current) > 0 {
			return fmt.Errorf("announce %q, prev %v, next %v, current %v", st.Announce, st.PrevOn, st.NextOn, st.Current)
		}
		return nil
	})

	b.click(buttonSelector(ramaID))
	b.waitSelection([]string{ramaID})
	b.waitReader("the navigator shows Rama", func(st readerState) error {
		if st.Focus != ramaID || st.Position != mentionsText(total) || !st.NextOn || !st.PrevOn {
			return fmt.Errorf("focus %q, position %q (want %q), prev %v, next %v", st.Focus, st.Position, mentionsText(total), st.PrevOn, st.NextOn)
		}
		return nil
	})
	b.blur()
	b.recordScrolls()

	// j and n go forward, k and p back, and both wrap around.
	steps := []struct {
		keys string
		n    int
	}{{"j", 0}, {"j", 1}, {"n", 2}, {"k", 1}, {"p", 0}, {"k", total - 1}, {"j", 0}}
	for _, s := range steps {
		b.press(s.keys)
		b.waitReader(fmt.Sprintf("after %q, mention %d", s.keys, s.n+1), atMention(ramaID, "Edi Rama", s.n, total))
	}
	b.press("j")
	b.waitReader("the second mention", atMention(ramaID, "Edi Rama", 1, total))
	b.waitReader("the second mention in the middle of the view", centred)
	scrolls := mustEvaluate[[]map[string]string](b, `window.__scrolls`)
	if len(scrolls) == 0 {
		t.Fatalf("moving to a mention never called scrollIntoView")
	}
	if s := scrolls[len(scrolls)-1]; s["block"] != "center" || s["behavior"] != "smooth" {
		t.Errorf("scrollIntoView(%v), want block center, behavior smooth", s)
	}

	// The buttons do the same.
	b.click("#next")
	b.waitReader("after #next", atMention(ramaID, "Edi Rama", 2, total))
	b.click("#prev")
	b.waitReader("after #prev", atMention(ramaID, "Edi Rama", 1, total))
	b.blur()

	// ? opens the shortcuts, Escape closes them and leaves the selection alone.
	b.press("?")
	b.eventually("the shortcuts dialog opens", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.querySelector('#shortcuts').open`) {
			return errors.New("#shortcuts is not open")
		}
		return nil
	})
	if text := mustEvaluate[string](b, `document.querySelector('#shortcuts').innerText`); !strings.Contains(text, "Next mention") {
		t.Errorf("the shortcuts dialog says %q", text)
	}
	b.press(kb.Escape)
	b.eventually("the shortcuts dialog closes", settleTimeout, func() error {
		if mustEvaluate[bool](b, `document.querySelector('#shortcuts').open`) {
			return errors.New("#shortcuts is still open")
		}
		return nil
	})
	b.waitSelection([]string{ramaID})

	// / focuses the filter; keys typed there are text, and Escape empties it.
	b.blur()
	b.press("/")
	b.waitReader("the filter has the focus", func(st readerState) error {
		if st.Active != "filter" {
			return fmt.Errorf("the focus is on #%s", st.Active)
		}
		return nil
	})
	b.press("jk")
	b.eventually("the filter holds what was typed", settleTimeout, func() error {
		if v := mustEvaluate[string](b, `document.querySelector('#filter').value`); v != "jk" {
			return fmt.Errorf("#filter holds %q, want \"jk\" (the slash must not be typed)", v)
		}
		return nil
	})
	b.waitReader("typing moved no mention", atMention(ramaID, "Edi Rama", 1, total))
	b.press(kb.Escape)
	b.eventually("Escape empties the filter", settleTimeout, func() error {
		if v := mustEvaluate[string](b, `document.querySelector('#filter').value`); v != "" {
			return fmt.Errorf("#filter holds %q", v)
		}
		return nil
	})
	b.waitSelection([]string{ramaID})

	// Escape outside a field clears the selection and the current mention.
	b.blur()
	b.press(kb.Escape)
	b.waitSelection(nil)
	b.waitReader("nothing is current", func(st readerState) error {
		if len(st.Current) != 0 || st.Search != "" {
			return fmt.Errorf("current %v, address %q", st.Current, st.Search)
		}
		return nil
	})
	b.assertClean()
}

// TestReducedMotion checks that moving to a mention does not animate the scroll when the reader
// prefers reduced motion.
func TestReducedMotion(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.emulateMedia("prefers-reduced-motion", "reduce")
	b.open("/?e=" + ramaID)
	b.waitLive()
	b.recordScrolls()
	b.click("#next")
	st := b.waitReader("the first mention", func(st readerState) error {
		if len(st.Current) != 1 {
			return fmt.Errorf("%d current marks", len(st.Current))
		}
		return centred(st)
	})
	_ = st
	scrolls := mustEvaluate[[]map[string]string](b, `window.__scrolls`)
	if len(scrolls) == 0 || scrolls[len(scrolls)-1]["behavior"] != "auto" {
		t.Errorf("scrollIntoView calls %v, want the last with behavior auto", scrolls)
	}
	b.assertClean()
}

// TestTabOrder walks the page with Tab: the controls come in reading order, the disabled ones are
// skipped, and each shows a focus ring.
func TestTabOrder(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/?e=" + ramaID)
	b.blur()

	type stop struct {
		ID      string `json:"id"`
		Label   string `json:"label"`
		Outline string `json:"outline"`
		Width   string `json:"width"`
	}
	var order []stop
	for range 30 {
		b.press(kb.Tab)
		s := mustEvaluate[stop](b, `(() => {
			const a = document.activeElement;
			const cs = getComputedStyle(a);
			return {
				id: a.id || a.getAttribute('data-entity') || a.getAttribute('data-related') || a.className || a.tagName,
				label: (a.getAttribute('aria-label') || a.textContent || '').trim().slice(0, 40),
				outline: cs.outlineStyle, width: cs.outlineWidth,
			};
		})()`)
		order = append(order, s)
		if s.ID == "BODY" {
			continue // past the last stop, the focus leaves the page
		}
		if w, _ := strconv.ParseFloat(strings.TrimSuffix(s.Width, "px"), 64); s.Outline == "none" || w < 2 {
			t.Errorf("the focused %s (%q) shows no focus ring: outline %s %s", s.ID, s.Label, s.Outline, s.Width)
		}
	}
	var ids []string
	for _, s := range order {
		ids = append(ids, s.ID)
	}
	t.Logf("tab order: %q", ids)
	want := []string{"skip", "shortcuts-open", "theme", "prev", "next", "rail", "legend-text", "clear", "copy-link", "export-csv", "export-json", "filter", "forms", "BODY", "skip"}
	at := 0
	for _, id := range ids {
		if at < len(want) && id == want[at] {
			at++
		}
	}
	if at < len(want) {
		t.Errorf("tab order %q lacks %q in order %q", ids, want[at:], want)
	}
	// Then the cast, a list of toggle buttons.
	if i := slices.Index(ids, "forms"); i < 0 || i+1 >= len(ids) || ids[i+1] == "" {
		t.Errorf("no cast button follows the names switch in %q", ids)
	}
	b.assertClean()
}

// TestRailTick selects two entities, checks that the rail shows a tick per mention of each at its
// place, and clicks a tick to go to its mention. It also checks the density strips of the panel.
func TestRailTick(t *testing.T) {
	e := setupEnv(t)
	article := prerenderedArticle(t, httpGet(t, e, "/"))
	nRama, nAl := countMentions(article, ramaID), countMentions(article, alID)

	b := newBrowser(t, e)
	b.openLive("/")
	b.click(buttonSelector(ramaID))
	b.click(buttonSelector(alID))
	b.waitSelection([]string{ramaID, alID})

	type tick struct {
		I      int     `json:"i"`
		Entity string  `json:"entity"`
		Shown  bool    `json:"shown"`
		Top    float64 `json:"top"`
		Colour string  `json:"colour"`
	}
	ticks := mustEvaluate[[]tick](b, `Array.from(document.querySelectorAll('#rail [data-i]')).map(t => ({
		i: +t.getAttribute('data-i'), entity: t.getAttribute('data-entity'),
		shown: getComputedStyle(t).display !== 'none', top: parseFloat(t.style.top),
		colour: getComputedStyle(t).backgroundColor,
	}))`)
	marks := mustEvaluate[int](b, `document.querySelectorAll('#article mark').length`)
	if len(ticks) != marks {
		t.Fatalf("the rail has %d ticks, the article %d marks", len(ticks), marks)
	}
	shown := map[string]int{}
	colours := map[string]string{}
	prevTop := -1.0
	for _, tk := range ticks {
		if tk.Top <= prevTop || tk.Top < 0 || tk.Top >= 100 {
			t.Errorf("tick %d stands at %.2f%%, not below the one before it (%.2f%%)", tk.I, tk.Top, prevTop)
		}
		prevTop = tk.Top
		if !tk.Shown {
			continue
		}
		shown[tk.Entity]++
		if c, ok := colours[tk.Entity]; ok && c != tk.Colour {
			t.Errorf("ticks of %q have colours %s and %s", tk.Entity, c, tk.Colour)
		}
		colours[tk.Entity] = tk.Colour
	}
	if shown[ramaID] != nRama || shown[alID] != nAl || len(shown) != 2 {
		t.Errorf("the rail shows ticks %v, want %d of %q and %d of %q only", shown, nRama, ramaID, nAl, alID)
	}
	if colours[ramaID] == colours[alID] || isTransparent(colours[ramaID]) {
		t.Errorf("tick colours %v, want two distinct colours", colours)
	}

	// Click the fifth tick of Albania.
	var target tick
	n := 0
	for _, tk := range ticks {
		if tk.Entity == alID {
			if n == 4 {
				target = tk
				break
			}
			n++
		}
	}
	b.click(fmt.Sprintf(`#rail [data-i="%d"]`, target.I))
	b.waitReader("the fifth mention of Albania", atMention(alID, "Albania", 4, nAl))
	b.waitReader("the fifth mention of Albania in view", centred)
	if h := mustEvaluate[float64](b, fmt.Sprintf(`document.querySelector('#rail [data-i="%d"]').getBoundingClientRect().height`, target.I)); h < 4 {
		t.Errorf("the current tick is %.1fpx high, want it to stand out", h)
	}

	// The panel's density strips: a drawing for every entity with mentions, none for the others.
	type strip struct {
		Entity string `json:"entity"`
		Count  string `json:"count"`
		Image  string `json:"image"`
	}
	strips := mustEvaluate[[]strip](b, `Array.from(document.querySelectorAll('#cast button[data-entity]')).map(b => ({
		entity: b.getAttribute('data-entity'), count: b.querySelector('.count').textContent,
		image: getComputedStyle(b.querySelector('.density')).backgroundImage,
	}))`)
	for _, s := range strips {
		if has := strings.Contains(s.Image, "gradient"); has != (s.Count != "0") {
			t.Errorf("%s (%s mentions): density strip %q", s.Entity, s.Count, clip(s.Image, 80))
		}
	}
	b.assertClean()
}

// TestEntityCard checks the card of Edi Rama and moves the focus through it to a related entity.
func TestEntityCard(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	b.click(buttonSelector(ramaID))

	type card struct {
		Name    string   `json:"name"`
		Role    string   `json:"role"`
		Forms   string   `json:"forms"`
		First   string   `json:"first"`
		Related []string `json:"related"`
	}
	const cardJS = `(() => {
		const c = document.querySelector('#card');
		if (!c) return null;
		const text = sel => { const el = c.querySelector(sel); return el ? el.textContent.trim() : ''; };
		return {
			name: text('.card-name'), role: text('.card-role'), forms: text('.card-forms dd'), first: text('.card-first dd'),
			related: Array.from(c.querySelectorAll('button[data-related]')).map(b => b.getAttribute('data-related')),
		};
	})()`
	var c card
	b.eventually("the card of Edi Rama", settleTimeout, func() error {
		var err error
		if c, err = evaluate[card](b, cardJS); err != nil {
			return err
		}
		if c.Name != "Edi Rama" {
			return fmt.Errorf("the card names %q", c.Name)
		}
		return nil
	})
	if !strings.Contains(c.Role, "Prime Minister of Albania") {
		t.Errorf("card role %q, want the catalogue's role", c.Role)
	}
	// The forms: those of the marks of Rama in the article, in order of first appearance.
	forms := mustEvaluate[[]string](b, `[...new Set(Array.from(document.querySelectorAll('#article mark[data-entity="edi-rama"]')).map(m => m.textContent.replace(/\s+/g, ' ').trim()))]`)
	if c.Forms != strings.Join(forms, ", ") || !strings.Contains(c.Forms, "Edi Rama") || !strings.Contains(c.Forms, "Rama") {
		t.Errorf("card forms %q, want %q", c.Forms, strings.Join(forms, ", "))
	}
	// The first mention's sentence: it holds the first mark's words, from the article's opening.
	if !strings.Contains(c.First, "Edi Rama") || !strings.Contains(collapseSpace(mustEvaluate[string](b, `document.querySelector('#article').textContent`)), c.First) {
		t.Errorf("card first mention %q is not a sentence of the article holding Edi Rama", c.First)
	}
	// The related entities: each shares a paragraph with Rama, the first shares the most.
	shared := mustEvaluate[map[string]int](b, `(() => {
		const out = {};
		for (const p of document.querySelectorAll('#article > [data-p]')) {
			if (!p.querySelector('mark[data-entity="edi-rama"]')) continue;
			for (const id of new Set(Array.from(p.querySelectorAll('mark')).map(m => m.getAttribute('data-entity'))))
				if (id !== 'edi-rama') out[id] = (out[id] || 0) + 1;
		}
		return out;
	})()`)
	if len(c.Related) == 0 {
		t.Fatalf("the card lists no related entities; Rama shares paragraphs with %v", shared)
	}
	most := 0
	for _, n := range shared {
		most = max(most, n)
	}
	if shared[c.Related[0]] != most {
		t.Errorf("the first related entity %q shares %d paragraphs, the most is %d (%v)", c.Related[0], shared[c.Related[0]], most, shared)
	}
	for i := 1; i < len(c.Related); i++ {
		if shared[c.Related[i]] > shared[c.Related[i-1]] || shared[c.Related[i]] == 0 {
			t.Errorf("related %q shares %d paragraphs after %q with %d", c.Related[i], shared[c.Related[i]], c.Related[i-1], shared[c.Related[i-1]])
		}
	}

	// Clicking a related entity selects it and puts it in focus.
	next := c.Related[0]
	b.click(`#card button[data-related="` + next + `"]`)
	b.waitSelection([]string{ramaID, next})
	b.eventually("the card follows the focus", settleTimeout, func() error {
		st, err := evaluate[readerState](b, readerStateJS)
		if err != nil {
			return err
		}
		c, err := evaluate[card](b, cardJS)
		if err != nil {
			return err
		}
		if st.Focus != next || c.Name == "Edi Rama" || !slices.Contains(c.Related, ramaID) {
			return fmt.Errorf("focus %q, card %q related %q", st.Focus, c.Name, c.Related)
		}
		return nil
	})
	// The legend puts Rama back in focus.
	b.click(`#legend li[data-entity="` + ramaID + `"] .legend-text`)
	b.waitReader("Rama in focus again", func(st readerState) error {
		if st.Focus != ramaID || !strings.Contains(st.Search, "f="+ramaID) {
			return fmt.Errorf("focus %q, address %q", st.Focus, st.Search)
		}
		return nil
	})
	b.assertClean()
}

// catalogueEntry is an entity of content/entities.yaml as the filter test reads it.
type catalogueEntry struct {
	ID       string   `yaml:"id"`
	Name     string   `yaml:"name"`
	Kind     string   `yaml:"kind"`
	Aliases  []string `yaml:"aliases"`
	Demonyms []string `yaml:"demonyms"`
	Places   []string `yaml:"places"`
	Role     string   `yaml:"role"`
}

// readCatalogue reads content/entities.yaml.
func readCatalogue(t *testing.T, root string) []catalogueEntry {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "content", "entities.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []catalogueEntry
	if err := yaml.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCastFilter types into the filter and checks the panel against the catalogue: names, aliases and
// roles match, the group headings count what is left, and a filter with no match says so.
func TestCastFilter(t *testing.T) {
	e := setupEnv(t)
	cat := readCatalogue(t, e.RepoRoot)
	matching := func(q string) []string {
		var ids []string
		for _, en := range cat {
			hay := strings.ToLower(strings.Join(append(append(append([]string{en.Name, en.Role}, en.Aliases...), en.Demonyms...), en.Places...), "\n"))
			ok := true
			for _, w := range strings.Fields(strings.ToLower(q)) {
				ok = ok && strings.Contains(hay, w)
			}
			if ok {
				ids = append(ids, en.ID)
			}
		}
		return ids
	}

	b := newBrowser(t, e)
	b.openLive("/")

	type panel struct {
		IDs    []string          `json:"ids"`
		Heads  map[string]string `json:"heads"` // heading → its count
		Counts map[string]int    `json:"counts"`
		Hint   string            `json:"hint"`
	}
	const panelJS = `(() => {
		const heads = {}, counts = {};
		for (const s of document.querySelectorAll('#cast section')) {
			const h = s.querySelector('h2');
			const name = h.firstChild.textContent.trim();
			heads[name] = h.querySelector('.group-count').textContent;
			counts[name] = s.querySelectorAll('button[data-entity]').length;
		}
		const hint = document.querySelector('#cast .hint');
		return {
			ids: Array.from(document.querySelectorAll('#cast button[data-entity]')).map(b => b.getAttribute('data-entity')),
			heads, counts, hint: hint ? hint.textContent : '',
		};
	})()`
	for _, q := range []string{"prime minister", "Rama", "albanian", "tirana", "israel"} {
		want := matching(q)
		if len(want) == 0 {
			t.Fatalf("the catalogue has no match for %q; the test needs one", q)
		}
		b.clearFilter()
		b.do("typing "+q, chromedp.SendKeys(chromedp.CSS("#filter"), q))
		b.eventually(fmt.Sprintf("the panel filtered by %q", q), settleTimeout, func() error {
			p, err := evaluate[panel](b, panelJS)
			if err != nil {
				return err
			}
			if err := compareIDs(p.IDs, want); err != nil {
				return err
			}
			for h, c := range p.Heads {
				if c != strconv.Itoa(p.Counts[h]) {
					return fmt.Errorf("heading %q counts %s, the group shows %d", h, c, p.Counts[h])
				}
			}
			return nil
		})
	}
	b.clearFilter()
	b.do("typing a name no one has", chromedp.SendKeys(chromedp.CSS("#filter"), "zzzz"))
	b.eventually("the panel says no one matches", settleTimeout, func() error {
		p, err := evaluate[panel](b, panelJS)
		if err != nil {
			return err
		}
		if len(p.IDs) != 0 || !strings.Contains(p.Hint, "No one") {
			return fmt.Errorf("ids %q, hint %q", p.IDs, p.Hint)
		}
		return nil
	})
	b.press(kb.Escape)
	b.eventually("Escape brings everyone back", settleTimeout, func() error {
		p, err := evaluate[panel](b, panelJS)
		if err != nil {
			return err
		}
		return compareIDs(p.IDs, catalogueIDs(t, e.RepoRoot))
	})
	b.assertClean()
}

// clearFilter empties the cast filter as a reader deleting its text does.
func (b *browser) clearFilter() {
	b.t.Helper()
	b.do("clearing the filter", chromedp.Evaluate[chromedp.Void](`(() => {
		const f = document.querySelector('#filter');
		f.value = '';
		f.dispatchEvent(new Event('input', {bubbles: true}));
	})()`))
}

// markStyle is the look of one mark of the article.
type markStyle struct {
	Entity     string `json:"entity"`
	Form       string `json:"form"`
	Background string `json:"background"`
	Image      string `json:"image"`
}

const markStylesJS = `Array.from(document.querySelectorAll('#article mark')).map(m => {
	const cs = getComputedStyle(m);
	return {entity: m.getAttribute('data-entity'), form: m.getAttribute('data-form'), background: cs.backgroundColor, image: cs.backgroundImage};
})`

// TestNamesOnly switches between highlighting demonyms and places along with names (in a lighter
// style) and names only, and checks what the navigator counts.
func TestNamesOnly(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/?e=" + alID)
	b.waitSelection([]string{alID})

	count := func(names bool) (all, named int) {
		for _, m := range mustEvaluate[[]markStyle](b, markStylesJS) {
			if m.Entity != alID {
				continue
			}
			all++
			if m.Form == "name" || m.Form == "alias" {
				named++
			}
		}
		return all, named
	}
	all, named := count(false)
	if named == 0 || named == all {
		t.Fatalf("Albania has %d mentions, %d by name; the test needs both kinds", all, named)
	}
	check := func(namesOnly bool) error {
		for _, m := range mustEvaluate[[]markStyle](b, markStylesJS) {
			if m.Entity != alID {
				continue
			}
			name := m.Form == "name" || m.Form == "alias"
			switch {
			case name && isTransparent(m.Background):
				return fmt.Errorf("a %s of Albania is not highlighted", m.Form)
			case !name && namesOnly && !isTransparent(m.Background):
				return fmt.Errorf("with names only, a %s of Albania is highlighted %s", m.Form, m.Background)
			case !name && !namesOnly && (isTransparent(m.Background) || !strings.Contains(m.Image, "gradient")):
				return fmt.Errorf("a %s of Albania is not highlighted in the lighter style (%s, %s)", m.Form, m.Background, m.Image)
			case name && m.Image != "none":
				return fmt.Errorf("a %s of Albania has the lighter style", m.Form)
			}
		}
		return nil
	}
	switchState := func() string {
		return mustEvaluate[string](b, `document.querySelector('#forms').getAttribute('aria-checked')`)
	}
	b.eventually("demonyms and places highlight, lighter", settleTimeout, func() error { return check(false) })
	if s := switchState(); s != "true" {
		t.Errorf("#forms aria-checked=%q, want \"true\"", s)
	}
	b.waitReader("the navigator counts every mention", func(st readerState) error {
		if st.Position != mentionsText(all) {
			return fmt.Errorf("#position %q, want %q", st.Position, mentionsText(all))
		}
		return nil
	})

	b.click("#forms")
	b.eventually("names only", settleTimeout, func() error { return check(true) })
	// The switch is go-app's to render, after the highlights are painted.
	b.eventually("the switch off", settleTimeout, func() error {
		if s := switchState(); s != "false" {
			return fmt.Errorf("#forms aria-checked=%q, want \"false\"", s)
		}
		return nil
	})
	b.waitReader("the navigator counts names only", func(st readerState) error {
		if st.Position != mentionsText(named) || !strings.Contains(st.Search, "forms=names") {
			return fmt.Errorf("#position %q (want %q), address %q", st.Position, mentionsText(named), st.Search)
		}
		return nil
	})
	b.blur()
	b.press("j")
	b.waitReader("the first named mention", func(st readerState) error {
		if len(st.Current) != 1 {
			return fmt.Errorf("%d current marks", len(st.Current))
		}
		form := mustEvaluate[string](b, `document.querySelector('#article mark[data-current]').getAttribute('data-form')`)
		if form != "name" && form != "alias" {
			return fmt.Errorf("the current mark is a %s", form)
		}
		return nil
	})
	b.click("#forms")
	b.eventually("demonyms and places again", settleTimeout, func() error { return check(false) })
	b.assertClean()
}

// TestTogetherView selects Edi Rama and Albania and turns on the together view: the paragraphs that
// do not mention both are dimmed, and the legend says how many remain.
func TestTogetherView(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.openLive("/")
	if mustEvaluate[bool](b, `!!document.querySelector('#together')`) {
		t.Errorf("the together switch shows with nothing selected")
	}
	b.click(buttonSelector(ramaID))
	b.click(buttonSelector(alID))
	b.waitSelection([]string{ramaID, alID})

	type para struct {
		Both  bool   `json:"both"`
		Color string `json:"color"`
	}
	const parasJS = `Array.from(document.querySelectorAll('#article > [data-p]')).map(p => ({
		both: !!p.querySelector('mark[data-entity="edi-rama"]') && !!p.querySelector('mark[data-entity="al"]'),
		color: getComputedStyle(p).color,
	}))`
	paras := mustEvaluate[[]para](b, parasJS)
	both := 0
	for _, p := range paras {
		if p.Both {
			both++
		}
	}
	if both == 0 || both == len(paras) {
		t.Fatalf("%d of %d paragraphs mention both; the test needs some that do not", both, len(paras))
	}

	b.click("#together")
	b.eventually("the together view", settleTimeout, func() error {
		pressed := mustEvaluate[string](b, `document.querySelector('#together').getAttribute('aria-pressed')`)
		label := mustEvaluate[string](b, `document.querySelector('#passages').textContent`)
		if pressed != "true" {
			return fmt.Errorf("#together aria-pressed=%q", pressed)
		}
		if want := fmt.Sprintf("%d passages mention all of them", both); label != want {
			return fmt.Errorf("#passages says %q, want %q", label, want)
		}
		for i, p := range mustEvaluate[[]para](b, parasJS) {
			if dimmed := p.Color != paras[i].Color; dimmed == p.Both {
				return fmt.Errorf("paragraph %d (mentions both: %v) has colour %s; undimmed it is %s", i, p.Both, p.Color, paras[i].Color)
			}
		}
		if s := mustEvaluate[string](b, `location.search`); !strings.Contains(s, "t=1") {
			return fmt.Errorf("the address %q does not hold t=1", s)
		}
		return nil
	})

	// With one entity left the view is off; with two again it is back.
	b.click(`#legend li[data-entity="` + alID + `"] .remove`)
	b.eventually("no dimming with one selected", settleTimeout, func() error {
		for i, p := range mustEvaluate[[]para](b, parasJS) {
			if p.Color != paras[i].Color {
				return fmt.Errorf("paragraph %d is dimmed (%s, undimmed %s)", i, p.Color, paras[i].Color)
			}
		}
		if mustEvaluate[bool](b, `!!document.querySelector('#together')`) {
			return errors.New("the together switch shows with one selected")
		}
		return nil
	})
	b.assertClean()
}

// mentionsText is what the navigator shows before the first move.
func mentionsText(n int) string {
	if n == 1 {
		return "1 mention"
	}
	return strconv.Itoa(n) + " mentions"
}

// emulateMedia makes the page match a media feature, such as prefers-color-scheme: dark.
func (b *browser) emulateMedia(name, value string) {
	b.t.Helper()
	b.do("emulating "+name+": "+value, emulateMediaAction(name, value))
}

// TestCastKeepsFocus toggles a cast entry from the keyboard: the button keeps the keyboard focus, as
// the same element, through a selection and a deselection, since a selection changes only the
// buttons' aria-pressed. A new filter builds the list again, with the selection as it is.
func TestCastKeepsFocus(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight) // on a phone a pick closes the sheet (TestPhoneReading)
	b.openLive("/")

	b.do("focusing Rama's cast entry", chromedp.Evaluate[chromedp.Void](
		`(window.__entry = document.querySelector('`+buttonSelector(ramaID)+`')).focus()`))
	sameFocus := func(after string) {
		t.Helper()
		if !mustEvaluate[bool](b, `document.activeElement === window.__entry && window.__entry.isConnected`) {
			t.Errorf("after %s, the keyboard focus is on %s, not on Rama's cast entry as it was",
				after, mustEvaluate[string](b, `document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : "nothing"`))
		}
	}
	b.press(kb.Enter)
	b.waitSelection([]string{ramaID})
	sameFocus("selecting with Enter")
	b.press(" ")
	b.waitSelection(nil)
	sameFocus("deselecting with Space")
	b.press(kb.Enter)
	b.waitSelection([]string{ramaID})

	b.do("typing rama", chromedp.SendKeys(chromedp.CSS("#filter"), "rama"))
	b.eventually("the filtered list shows Rama's entry pressed", settleTimeout, func() error {
		ids := mustEvaluate[[]string](b, `Array.from(document.querySelectorAll('#cast button[data-entity]')).map(b => b.dataset.entity + '=' + b.getAttribute('aria-pressed'))`)
		if !slices.Contains(ids, ramaID+"=true") {
			return fmt.Errorf("the list holds %q", ids)
		}
		return nil
	})
	b.clearFilter()
	b.waitSelection([]string{ramaID})
	b.assertClean()
}
