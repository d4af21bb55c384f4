package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// headMarksJS lists the marks of the article's head: the entity and text of each, and whether it is
// lit (has a background image or colour other than none and transparent).
const headMarksJS = `Array.from(document.querySelectorAll('#article header.story-head mark')).map(m => {
	const s = getComputedStyle(m);
	const lit = s.backgroundImage !== 'none' || (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent');
	return {entity: m.getAttribute('data-entity'), text: m.textContent, block: m.closest('[data-p]').className || m.closest('[data-p]').tagName.toLowerCase(), lit};
})`

type headMark struct {
	Entity string `json:"entity"`
	Text   string `json:"text"`
	Block  string `json:"block"`
	Lit    bool   `json:"lit"`
}

// TestHeadlineMentions checks that the head of the article is annotated like its body: selecting
// Albania lights the headline's "Albania" and the standfirst's "Tirana", the panel counts them,
// and j reaches the headline's first, before any in the body; the dateline "TEHRAN" is Iran's.
func TestHeadlineMentions(t *testing.T) {
	e := setupEnv(t)
	prerendered := prerenderedArticle(t, httpGet(t, e, "/"))
	total := countMentions(prerendered, alID)
	head, _, ok := strings.Cut(prerendered, "</header>")
	if !ok || countMentions(head, alID) != 2 {
		t.Fatalf("the prerendered head has %d marks of Albania, want 2 (the headline and Tirana)", countMentions(head, alID))
	}

	b := newBrowser(t, e)
	b.openLive("/")
	b.click(buttonSelector(alID))
	st, _ := b.waitSelection([]string{alID})
	btn, _ := st.button(alID)
	if n, err := panelCount(btn); err != nil || n != total {
		t.Errorf("the panel counts %d mentions of Albania (%v), want %d, the head's included", n, err, total)
	}
	b.eventually("the head's marks of Albania are lit, the others not", settleTimeout, func() error {
		marks, err := evaluate[[]headMark](b, headMarksJS)
		if err != nil {
			return err
		}
		var lit []string
		for _, m := range marks {
			if m.Lit != (m.Entity == alID) {
				return fmt.Errorf("head mark %+v: lit %v", m, m.Lit)
			}
			if m.Lit {
				lit = append(lit, m.Block+": "+m.Text)
			}
		}
		if got, want := strings.Join(lit, ", "), "h1: Albania, standfirst: Tirana"; got != want {
			return fmt.Errorf("lit in the head: %s; want %s", got, want)
		}
		return nil
	})
	marks := mustEvaluate[[]headMark](b, headMarksJS)
	seen := map[string]bool{}
	for _, m := range marks {
		seen[m.Block+": "+m.Text+" = "+m.Entity] = true
	}
	for _, want := range []string{"kicker: Foreign Policy = foreign-policy", "h1: U.S. = us", "byline: Harun Karcic = harun-karcic", "dateline: Tehran = ir"} {
		if !seen[want] {
			t.Errorf("the head has no mark %q: %v", want, seen)
		}
	}
	if text := mustEvaluate[string](b, `document.querySelector('#article .dateline').innerText`); text != "TEHRAN" {
		t.Errorf("the dateline reads %q, want it in capitals as the front matter gives it", text)
	}

	// j steps to the headline's Albania first, then the standfirst's Tirana, then the body.
	b.blur()
	b.press("j")
	b.waitReader("the first mention is the headline's", atMention(alID, "Albania", 0, total))
	if c := mustEvaluate[string](b, `document.querySelector('#article mark[data-current]').closest('[data-p]').tagName`); c != "H1" {
		t.Errorf("the first mention of Albania stands in <%s>, want the headline's <h1>", c)
	}
	b.press("j")
	b.waitReader("the second mention is the standfirst's", atMention(alID, "Albania", 1, total))
	// k from the first wraps to the last, and j again comes back to the headline.
	b.press("kk")
	b.waitReader("k wraps to the last mention", atMention(alID, "Albania", total-1, total))
	b.press("j")
	b.waitReader("j wraps to the headline", atMention(alID, "Albania", 0, total))
	b.assertClean()
}
