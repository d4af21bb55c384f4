package e2e

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The tests of this file hold the reader to what a demanding reader expects: one switch decides every
// count, a card on hover and focus, one calm scroll area in the panel, no two selected entities in
// one colour, the keyboard everywhere, stepping through passages together, the phone and tidy links.

// textOf returns the text of the first element that selector matches, "" for none.
func textOf(b *browser, selector string) string {
	b.t.Helper()
	return mustEvaluate[string](b, `(() => { const e = document.querySelector(`+strconv.Quote(selector)+`); return e ? e.textContent.trim() : '' })()`)
}

// countIn reads the first number in s, or -1.
func countIn(s string) int {
	f := strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if len(f) == 0 {
		return -1
	}
	n, _ := strconv.Atoi(f[0])
	return n
}

// TestNamesOnlyAgrees turns names only on with Albania selected and checks that the cast, the legend,
// the card, the navigator, the first mention and the CSV all count the mentions by name alone.
func TestNamesOnlyAgrees(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	dir := b.allowDownloads()
	b.open("/?e=al")
	b.waitLive()
	b.waitSelection([]string{alID})
	all := countIn(textOf(b, `#cast [data-entity="al"] .count`))
	names := mustEvaluate[int](b, `document.querySelectorAll('#article mark[data-entity="al"]:is([data-form="name"],[data-form="alias"])').length`)
	if all <= names || names == 0 {
		t.Fatalf("Albania: %d mentions in all, %d by name: the test cannot tell them apart", all, names)
	}
	b.click("#forms")
	b.eventually("names only", settleTimeout, func() error {
		got := map[string]int{
			"cast":      countIn(textOf(b, `#cast [data-entity="al"] .count`)),
			"legend":    countIn(textOf(b, `#legend li[data-entity="al"] .count`)),
			"card":      countIn(textOf(b, `#card .card-role`)),
			"navigator": countIn(textOf(b, `#position`)),
		}
		for where, n := range got {
			if n != names {
				return fmt.Errorf("%s counts %d, want %d by name (all counts: %v)", where, n, names, got)
			}
		}
		return nil
	})
	if first := textOf(b, `#card .card-first q`); strings.Contains(first, "Albanian") && !strings.Contains(first, "Albania ") {
		t.Errorf("the first mention is still the demonym's sentence: %q", first)
	}
	if forms := textOf(b, `#card .card-forms dd`); strings.Contains(forms, "Albanian") || strings.Contains(forms, "Tirana") {
		t.Errorf("the card's forms still list demonyms or places: %q", forms)
	}
	d := b.downloadOf(dir, "#export-csv")
	records, err := csv.NewReader(bytes.NewReader(d.Data)).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	if len(records)-1 != names {
		t.Errorf("the CSV has %d rows, want %d by name", len(records)-1, names)
	}
	b.assertClean()
}

// mouseTo moves the mouse to the middle of the element that selector matches.
func (b *browser) mouseTo(selector string) {
	b.t.Helper()
	xy := mustEvaluate[[]float64](b, `(() => { const e = document.querySelector(`+strconv.Quote(selector)+`);
		e.scrollIntoView({block: 'center'}); const r = e.getClientRects()[0]; return [r.x + r.width / 2, r.y + r.height / 2] })()`)
	b.do("moving the mouse to "+selector, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]))
}

// TestPeekCard hovers a mention of Israel, which no one selected, and checks the card that says who
// it is and selects it; then reaches the article's mentions with Tab and moves among them with the
// arrow keys, each focus showing its card, and selects one with Enter.
func TestPeekCard(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.open("/")
	b.waitLive()
	il := countIn(textOf(b, `#cast [data-entity="il"] .count`))
	b.mouseTo(`#article p mark[data-entity="il"]`)
	b.eventually("the peek card of Israel", settleTimeout, func() error {
		if got := textOf(b, "#peek"); !strings.Contains(got, "Israel") || !strings.Contains(got, "Country") || !strings.Contains(got, mentionsText(il)) {
			return fmt.Errorf("#peek reads %q", got)
		}
		return nil
	})
	b.checkAxe(axeSource(t, e.RepoRoot), "the peek card")
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-peek.png"))
	b.click("#peek-select")
	b.waitSelection([]string{ilID})

	// The keyboard: Tab reaches the article's mentions, one tab stop among them.
	if n := mustEvaluate[int](b, `document.querySelectorAll('#article [tabindex="0"]').length`); n != 1 {
		t.Errorf("the article has %d tab stops among its mentions, want 1", n)
	}
	b.do("focusing the article's mentions", chromedp.Evaluate[chromedp.Void](`document.querySelector('#article [tabindex="0"]').focus()`))
	first := mustEvaluate[string](b, `document.activeElement.dataset.entity`)
	b.press(kb.ArrowRight)
	second := mustEvaluate[string](b, `document.activeElement.matches('#article mark') ? document.activeElement.dataset.entity : ''`)
	if second == "" || mustEvaluate[bool](b, `document.activeElement === document.querySelector('#article mark')`) {
		t.Fatalf("ArrowRight from the first mention (%s) did not move to the second", first)
	}
	b.eventually("the peek card follows the focus", settleTimeout, func() error {
		want := textOf(b, `#cast [data-entity="`+second+`"] .name`)
		if got := textOf(b, "#peek .peek-name"); got == "" || !strings.HasPrefix(want, got) {
			return fmt.Errorf("#peek names %q, want %q", got, want)
		}
		return nil
	})
	b.press(kb.Enter)
	b.eventually("Enter selects the focused mention's entity", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.querySelector('#cast [data-entity="`+second+`"]').getAttribute('aria-pressed') === 'true'`) {
			return fmt.Errorf("%s is not selected", second)
		}
		return nil
	})
	b.assertClean()
}

// TestCalmPanel checks the panel: one scroll area, the cast close to the top with nothing selected,
// a clicked entry that stays under the pointer, and the card readable whole after three selections.
func TestCalmPanel(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.emulateMedia("prefers-color-scheme", "light")
	b.open("/")
	b.waitLive()
	scrollers := `Array.from(document.querySelectorAll('#panel, #panel *')).filter(el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)).length`
	if n := mustEvaluate[int](b, scrollers); n != 1 {
		t.Errorf("the panel has %d scroll areas, want 1", n)
	}
	// At rest, what stands between the panel's tabs and the tools is the legend's hint alone, not a
	// box kept for the card.
	if h := mustEvaluate[float64](b, `document.querySelector('#tools').getBoundingClientRect().top - document.querySelector('#views').getBoundingClientRect().bottom`); h > 170 {
		t.Errorf("with nothing selected, the tools are %.0f px below the panel's tabs, want at most 170", h)
	}
	for _, id := range []string{ramaID, alID, "mek"} {
		sel := buttonSelector(id)
		b.do("bringing "+id+" into view", chromedp.Evaluate[chromedp.Void](`document.querySelector(`+strconv.Quote(sel)+`).scrollIntoView({block: 'center'})`))
		b.waitStill(sel)
		before := mustEvaluate[float64](b, `document.querySelector(`+strconv.Quote(sel)+`).getBoundingClientRect().top`)
		b.click(sel)
		b.eventually(id+" selected and still under the pointer", settleTimeout, func() error {
			if !mustEvaluate[bool](b, `document.querySelector('#legend li[data-entity="`+id+`"]') !== null`) {
				return fmt.Errorf("not in the legend yet")
			}
			if after := mustEvaluate[float64](b, `document.querySelector(`+strconv.Quote(sel)+`).getBoundingClientRect().top`); after < before-2 || after > before+2 {
				return fmt.Errorf("the entry moved from %.0f to %.0f px", before, after)
			}
			return nil
		})
	}
	b.do("scrolling the panel to the card", chromedp.Evaluate[chromedp.Void](`document.querySelector('#card').scrollIntoView({block: 'start'})`))
	clip := mustEvaluate[string](b, `(() => { const c = document.querySelector('#card'), p = document.querySelector('#panel');
		const r = c.getBoundingClientRect(), q = p.getBoundingClientRect();
		if (c.scrollHeight > c.clientHeight + 1) return 'the card scrolls inside itself';
		if (r.height > q.height) return 'the card is taller than the panel';
		if (r.top < q.top - 1 || r.bottom > q.bottom + 1) return 'the card is cut: ' + [r.top, r.bottom, q.top, q.bottom].join(' ');
		return '' })()`)
	if clip != "" {
		t.Errorf("after three selections: %s", clip)
	}
	b.do("scrolling the panel to its top", chromedp.Evaluate[chromedp.Void](`document.querySelector('#panel').scrollTop = 0`))
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-panel.png"))
	b.assertClean()
}

// TestPaletteFull selects as many entities as there are colours, checks that the legend says who
// leaves next, selects one more and checks that the first chosen left and that no two share a colour.
func TestPaletteFull(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	ids := []string{"al", "il", "us", "ir", "edi-rama", "mek", "yair-lapid", "isaac-herzog"}
	b.open("/?e=" + strings.Join(ids, ","))
	b.waitLive()
	b.waitSelection(ids)
	if note := textOf(b, "#palette-full"); !strings.Contains(note, "Albania") {
		t.Errorf("with every colour taken, #palette-full reads %q, want it to name Albania, the first chosen", note)
	}
	b.click(buttonSelector("gr"))
	b.eventually("Greece in, Albania out", settleTimeout, func() error {
		got := mustEvaluate[[]string](b, `Array.from(document.querySelectorAll('#legend li')).map(li => li.dataset.entity)`)
		if len(got) != len(ids) || got[0] != "gr" || strings.Contains(strings.Join(got, " "), "al ") {
			return fmt.Errorf("the legend lists %q", got)
		}
		return nil
	})
	colours := mustEvaluate[[]string](b, `Array.from(document.querySelectorAll('#legend li .swatch')).map(s => getComputedStyle(s).backgroundColor)`)
	seen := map[string]bool{}
	for _, c := range colours {
		if seen[c] {
			t.Errorf("two selected entities share the colour %s: %q", c, colours)
		}
		seen[c] = true
	}
	if !strings.Contains(textOf(b, "#announce"), "Albania leaves") {
		t.Errorf("the live region says %q, want it to say that Albania leaves", textOf(b, "#announce"))
	}
	b.checkAxe(axeSource(t, e.RepoRoot), "every colour taken")
	b.assertClean()
}

// TestKeyboardEverywhere checks the skip link, the cast as one tab stop with the arrow keys, the focus
// after the last legend entry is removed, and the rail as a slider.
func TestKeyboardEverywhere(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.open("/")
	b.waitLive()
	active := `(document.activeElement.id || '') + '|' + (document.activeElement.dataset.entity || '')`
	b.blur()
	b.press(kb.Tab)
	if got := mustEvaluate[string](b, active); got != "skip|" {
		t.Fatalf("the first Tab focuses %q, want the skip link", got)
	}
	b.press(kb.Enter)
	b.eventually("the skip link leads to the cast", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.activeElement.matches('#cast .entity')`) {
			return fmt.Errorf("the focus is on %q", mustEvaluate[string](b, active))
		}
		return nil
	})
	if n := mustEvaluate[int](b, `document.querySelectorAll('#cast [tabindex="0"]').length`); n != 1 {
		t.Errorf("the cast has %d tab stops, want 1", n)
	}
	firstID := mustEvaluate[string](b, `document.activeElement.dataset.entity`)
	b.press(kb.ArrowDown)
	secondID := mustEvaluate[string](b, `document.activeElement.dataset.entity`)
	if secondID == firstID || secondID == "" {
		t.Errorf("ArrowDown in the cast stayed on %q", firstID)
	}
	b.press(kb.End)
	if !mustEvaluate[bool](b, `document.activeElement === Array.from(document.querySelectorAll('#cast .entity')).pop()`) {
		t.Errorf("End did not go to the cast's last entry")
	}
	b.press(kb.Home)
	b.press(kb.Enter)
	b.waitSelection([]string{firstID})
	// The last legend entry removed: the focus goes back to the cast, not to the page's body.
	b.do("focusing the remove button", chromedp.Evaluate[chromedp.Void](`document.querySelector('#legend .remove').focus()`))
	b.press(kb.Enter)
	b.waitSelection(nil)
	b.eventually("the focus after the last removal", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.activeElement.matches('#cast .entity')`) {
			return fmt.Errorf("the focus is on %q", mustEvaluate[string](b, `document.activeElement.tagName`))
		}
		return nil
	})
	// The rail is a slider over the mentions in focus.
	b.press(kb.Enter)
	b.waitSelection([]string{firstID})
	b.do("focusing the rail", chromedp.Evaluate[chromedp.Void](`document.querySelector('#rail').focus()`))
	b.press(kb.ArrowDown)
	b.eventually("the rail steps", settleTimeout, func() error {
		got := mustEvaluate[string](b, `document.querySelector('#rail').getAttribute('aria-valuetext') + ' / ' + document.querySelector('#rail').getAttribute('role')`)
		if !strings.HasPrefix(got, "Mention 1 of") || !strings.HasSuffix(got, "slider") {
			return fmt.Errorf("the rail says %q", got)
		}
		return nil
	})
	b.press(kb.End)
	total := countIn(strings.SplitN(textOf(b, "#position"), "of", 2)[1])
	b.eventually("End on the rail", settleTimeout, func() error {
		if got, want := textOf(b, "#position"), strconv.Itoa(total)+" of "+strconv.Itoa(total); got != want {
			return fmt.Errorf("#position = %q, want %q", got, want)
		}
		return nil
	})
	b.assertClean()
}

// TestTogetherSteps turns the together view on for Edi Rama and Albania and steps through every
// mention it offers: each stands in a passage that mentions both; the passage buttons go from one
// such passage to the next.
func TestTogetherSteps(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.open("/?e=al,edi-rama&t=1")
	b.waitLive()
	b.waitSelection([]string{alID, ramaID})
	both := mustEvaluate[[]string](b, `Array.from(document.querySelectorAll('#article > [data-p]')).filter(p =>
		p.querySelector('mark[data-entity="al"]') && p.querySelector('mark[data-entity="edi-rama"]')).map(p => p.dataset.p)`)
	ramaAll := mustEvaluate[int](b, `document.querySelectorAll('#article mark[data-entity="edi-rama"]').length`)
	b.eventually("the navigator counts the mentions together", settleTimeout, func() error {
		if n := countIn(textOf(b, "#position")); n <= 0 || n >= ramaAll {
			return fmt.Errorf("#position = %q; Rama has %d mentions in all", textOf(b, "#position"), ramaAll)
		}
		return nil
	})
	total := countIn(textOf(b, "#position"))
	b.blur()
	for i := 1; i <= total; i++ {
		b.press("j")
		want := strconv.Itoa(i) + " of " + strconv.Itoa(total)
		b.eventually("mention "+want, settleTimeout, func() error {
			if got := textOf(b, "#position"); got != want {
				return fmt.Errorf("#position = %q", got)
			}
			p := mustEvaluate[string](b, `document.querySelector('#article mark[data-current]').closest('#article > [data-p]').dataset.p`)
			if !strings.Contains(" "+strings.Join(both, " ")+" ", " "+p+" ") {
				return fmt.Errorf("the current mention stands in block %s, which does not mention both (%q)", p, both)
			}
			return nil
		})
	}
	b.click("#passage-next")
	b.eventually("the next passage", settleTimeout, func() error {
		if got := textOf(b, "#passages"); !strings.HasPrefix(got, "Passage 1 of "+strconv.Itoa(len(both))) {
			return fmt.Errorf("#passages = %q", got)
		}
		return nil
	})
	b.click("#passage-next")
	b.eventually("the passage after", settleTimeout, func() error {
		if got := textOf(b, "#passages"); !strings.HasPrefix(got, "Passage 2 of ") {
			return fmt.Errorf("#passages = %q", got)
		}
		return nil
	})
	b.checkAxe(axeSource(t, e.RepoRoot), "stepping together")
	b.assertClean()
}

// TestPhoneReading checks the phone: the help speaks of the foot of the screen, a pick closes the
// sheet, and the colour key shows in the mention bar.
func TestPhoneReading(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(360, 740)
	b.emulateMedia("prefers-color-scheme", "light")
	b.open("/")
	b.waitLive()
	b.click("#sheet-toggle")
	b.eventually("the sheet open", settleTimeout, func() error {
		if !mustEvaluate[bool](b, `document.querySelector('#dramatis').classList.contains('sheet-open')`) {
			return fmt.Errorf("closed")
		}
		return nil
	})
	settleTransitions(b)
	help := mustEvaluate[string](b, `document.querySelector('#legend .hint').innerText`)
	if strings.Contains(help, "above the article") || strings.Contains(help, "keys j and k") {
		t.Errorf("the phone's help reads %q", help)
	}
	b.click(buttonSelector(alID))
	b.waitSelection([]string{alID})
	b.eventually("the sheet closed after the pick", settleTimeout, func() error {
		if mustEvaluate[bool](b, `document.querySelector('#dramatis').classList.contains('sheet-open')`) {
			return fmt.Errorf("still open")
		}
		return nil
	})
	b.eventually("the colour key", settleTimeout, func() error {
		chip := `#nav-key li[data-entity="al"] .swatch`
		if !mustEvaluate[bool](b, `(() => { const s = document.querySelector(`+strconv.Quote(chip)+`); return !!s && s.getBoundingClientRect().width > 0 && getComputedStyle(s).backgroundColor !== 'rgba(0, 0, 0, 0)' })()`) {
			return fmt.Errorf("no coloured swatch for Albania in the mention bar")
		}
		return nil
	})
	b.press("j")
	settleTransitions(b)
	b.screenshot(filepath.Join(e.RepoRoot, "docs", "screenshot-phone.png"))
	b.checkAxe(axeSource(t, e.RepoRoot), "the phone, reading")
	b.assertClean()
}

// TestTidyLinks opens a link with an empty place, an unknown id and a mention past the last, and
// checks that the address shows what the page shows and the notice says plainly what was dropped;
// then removes the first of two entities and checks the address.
func TestTidyLinks(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.setViewport(viewportWidth, viewportHeight)
	b.open("/?e=,edi-rama,nobody&m=99")
	b.waitLive()
	b.waitSelection([]string{ramaID})
	b.eventually("a tidy address", settleTimeout, func() error {
		if got := mustEvaluate[string](b, `location.search`); got != "?e=edi-rama" {
			return fmt.Errorf("location.search = %q, want ?e=edi-rama", got)
		}
		return nil
	})
	notice := textOf(b, "#notice")
	for _, want := range []string{"“nobody”", "mention 99 of Edi Rama"} {
		if !strings.Contains(notice, want) {
			t.Errorf("the notice reads %q, want it to say %q", notice, want)
		}
	}
	b.click(buttonSelector(alID))
	b.waitSelection([]string{ramaID, alID})
	b.click(`#legend li[data-entity="edi-rama"] .remove`)
	b.waitSelection([]string{alID})
	b.eventually("the address after removing the first", settleTimeout, func() error {
		if got := mustEvaluate[string](b, `location.search`); got != "?e=al" {
			return fmt.Errorf("location.search = %q, want ?e=al", got)
		}
		return nil
	})
	b.assertClean()
}
