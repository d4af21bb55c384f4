package e2e

import (
	"context"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	yaml "go.yaml.in/yaml/v3"
)

// The entities that the interaction tests use. They are ids of the bundled
// catalogue, content/entities.yaml.
const (
	ramaID = "edi-rama"
	alID   = "al"
	ilID   = "il"
)

// mentionForms are the values that data-form may take on a mention.
var mentionForms = []string{"name", "alias", "demonym", "place"}

// TestArticleBeforeAndAfterWasm checks that the server prerenders the article
// and that the WebAssembly client, once mounted, shows the same article.
func TestArticleBeforeAndAfterWasm(t *testing.T) {
	e := setupEnv(t)

	// Before the client: the HTML as the server sends it.
	doc := httpGet(t, e, "/")
	article := prerenderedArticle(t, doc)
	if text := plainText(article); !strings.Contains(text, "Edi Rama") {
		t.Errorf("the prerendered #article does not contain %q; its text starts with %q", "Edi Rama", clip(text, 300))
	}
	paragraphs := countTags(article, "p")
	if paragraphs < 20 {
		t.Errorf("the prerendered #article has %d <p> elements, want at least 20", paragraphs)
	}
	marks := tagsNamed(article, "mark")
	if len(marks) == 0 {
		t.Errorf("the prerendered #article has no <mark> elements")
	}
	for _, m := range marks {
		if err := checkMentionAttrs(m.attrs["class"], m.attrs["data-entity"], m.attrs["data-form"]); err != nil {
			t.Errorf("prerendered %s: %v", clip(m.raw, 200), err)
		}
	}
	roots := tagsWithID(doc, "dramatis")
	switch {
	case len(roots) != 1:
		t.Errorf("the prerendered page has %d elements with id=\"dramatis\", want 1", len(roots))
	default:
		// The client sets data-live="true" when it mounts; the server must not,
		// or waiting for it would prove nothing.
		if v := roots[0].attrs["data-live"]; v == "true" {
			t.Errorf("the prerendered #dramatis has data-live=%q; only the mounted client may set it", v)
		}
	}

	// After the client mounted.
	b := newBrowser(t, e)
	b.open("/")
	b.waitLive()
	type liveArticle struct {
		Present    bool   `json:"present"`
		Text       string `json:"text"`
		Paragraphs int    `json:"paragraphs"`
		Marks      int    `json:"marks"`
	}
	live := mustEvaluate[liveArticle](b, `(() => {
		const a = document.querySelector('#article');
		return {
			present: !!a,
			text: a ? a.textContent : '',
			paragraphs: a ? a.querySelectorAll('p').length : 0,
			marks: a ? a.querySelectorAll('mark').length : 0,
		};
	})()`)
	if !live.Present {
		t.Fatalf("the live page has no #article")
	}
	text := collapseSpace(live.Text)
	for _, phrase := range []string{"Late last month", "Edi Rama"} {
		if !strings.Contains(text, phrase) {
			t.Errorf("the live #article does not contain %q; its text starts with %q", phrase, clip(text, 300))
		}
	}
	if live.Paragraphs != paragraphs {
		t.Errorf("the live #article has %d <p> elements, the prerendered one %d", live.Paragraphs, paragraphs)
	}
	if live.Marks != len(marks) {
		t.Errorf("the live #article has %d <mark> elements, the prerendered one %d", live.Marks, len(marks))
	}

	b.assertClean()
}

// TestPanelListsEveryEntity checks that the cast panel has one button for
// each entity of the catalogue, and that each shows its number of mentions.
func TestPanelListsEveryEntity(t *testing.T) {
	e := setupEnv(t)
	want := catalogueIDs(t, e.RepoRoot)

	b := newBrowser(t, e)
	b.open("/")
	b.waitLive()

	var st pageState
	b.eventually("the cast panel lists every entity of the catalogue", settleTimeout, func() error {
		var err error
		if st, err = readPageState(b); err != nil {
			return err
		}
		var got []string
		for _, btn := range st.Buttons {
			got = append(got, btn.Entity)
		}
		return compareIDs(got, want)
	})

	if len(st.Buttons) != len(want) {
		t.Errorf("#cast has %d button[data-entity], the catalogue %d distinct ids", len(st.Buttons), len(want))
	}
	liveCounts := map[string]int{}
	for _, m := range st.Marks {
		liveCounts[m.Entity]++
	}
	for _, btn := range st.Buttons {
		if btn.Pressed == nil || (*btn.Pressed != "true" && *btn.Pressed != "false") {
			t.Errorf("button %q: aria-pressed is %s, want \"true\" or \"false\"", btn.Entity, quoteOrAbsent(btn.Pressed))
		}
		n, err := panelCount(btn)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if n != liveCounts[btn.Entity] {
			t.Errorf("button %q shows %d mentions, #article has %d mark[data-entity=%q]",
				btn.Entity, n, liveCounts[btn.Entity], btn.Entity)
		}
	}
	for _, m := range st.Marks {
		if !slices.Contains(want, m.Entity) {
			t.Errorf("#article has a mark of %q, which is not in the catalogue", m.Entity)
		}
	}

	b.assertClean()
}

// TestHighlightRama selects entities from the panel and from the article,
// checks the colours of the mentions and the legend, and clears the
// selection.
func TestHighlightRama(t *testing.T) {
	e := setupEnv(t)
	wantRama := countMentions(prerenderedArticle(t, httpGet(t, e, "/")), ramaID)
	if wantRama == 0 {
		t.Fatalf("the prerendered #article has no mark[data-entity=%q]", ramaID)
	}

	b := newBrowser(t, e)
	b.openLive("/")
	b.assertWasmPreloaded()

	// At first nothing is selected.
	b.waitSelection(nil)

	// Select Edi Rama from the panel.
	b.click(buttonSelector(ramaID))
	st, colours := b.waitSelection([]string{ramaID})
	liveRama := 0
	for _, m := range st.Marks {
		if m.Entity == ramaID {
			liveRama++
		}
	}
	btn, _ := st.button(ramaID)
	panelRama, err := panelCount(btn)
	if err != nil {
		t.Fatal(err)
	}
	if liveRama != wantRama || panelRama != wantRama {
		t.Errorf("mentions of %q: prerendered %d, live marks %d, panel count %d; want all equal",
			ramaID, wantRama, liveRama, panelRama)
	}
	t.Logf("%s: %d mentions, highlighted %s", ramaID, wantRama, colours[ramaID])

	// Add Albania from the panel: it gets a colour of its own.
	b.click(buttonSelector(alID))
	_, colours = b.waitSelection([]string{ramaID, alID})
	t.Logf("%s highlighted %s", alID, colours[alID])

	// Keep a picture of two selected entities with the test's other files.
	b.do("scrolling to the top", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	b.screenshot(filepath.Join(e.WorkDir, "two-selected.png"))

	// Select Israel by clicking one of its mentions in the article.
	b.click(`#article mark[data-entity="` + ilID + `"]`)
	b.waitSelection([]string{ramaID, alID, ilID})

	// Clear everything.
	b.click("#clear")
	b.waitSelection(nil)

	b.assertClean()
}

// buttonSelector is the CSS selector of the panel button of an entity.
func buttonSelector(id string) string {
	return `#cast button[data-entity="` + id + `"]`
}

// pageState is what the interaction tests read from the live page in one go.
type pageState struct {
	Buttons       []panelButton `json:"buttons"`
	Marks         []markState   `json:"marks"`
	LegendPresent bool          `json:"legendPresent"`
	Legend        []string      `json:"legend"`
	// Transitions is the number of CSS transitions that still run. While one
	// runs, a computed colour can be between two values.
	Transitions int `json:"transitions"`
}

// panelButton is one button[data-entity] of #cast.
type panelButton struct {
	Entity  string  `json:"entity"`
	Pressed *string `json:"pressed"` // nil when aria-pressed is absent
	Count   *string `json:"count"`   // the text of .count, nil without one
	Text    string  `json:"text"`
}

// markState is one mark of #article.
type markState struct {
	Entity     string `json:"entity"`
	Form       string `json:"form"`
	Class      string `json:"class"`
	Background string `json:"background"`
}

// button returns the panel button of an entity.
func (st pageState) button(id string) (panelButton, bool) {
	for _, b := range st.Buttons {
		if b.Entity == id {
			return b, true
		}
	}
	return panelButton{}, false
}

const pageStateJS = `(() => {
	const buttons = Array.from(document.querySelectorAll('#cast button[data-entity]')).map(b => {
		const c = b.querySelector('.count');
		return {
			entity: b.getAttribute('data-entity'),
			pressed: b.getAttribute('aria-pressed'),
			count: c ? c.textContent : null,
			text: b.textContent,
		};
	});
	const marks = Array.from(document.querySelectorAll('#article mark')).map(m => ({
		entity: m.getAttribute('data-entity') || '',
		form: m.getAttribute('data-form') || '',
		class: m.getAttribute('class') || '',
		background: getComputedStyle(m).backgroundColor,
	}));
	const legend = document.querySelector('#legend');
	const transitions = typeof CSSTransition === 'undefined' ? 0 :
		document.getAnimations().filter(a => a instanceof CSSTransition && a.playState === 'running').length;
	return {
		buttons,
		marks,
		legendPresent: !!legend,
		legend: legend ? Array.from(legend.querySelectorAll('[data-entity]')).map(e => e.getAttribute('data-entity')) : [],
		transitions,
	};
})()`

// readPageState reads the panel, the marks and the legend of the live page.
func readPageState(b *browser) (pageState, error) {
	return evaluate[pageState](b, pageStateJS)
}

// waitSelection waits until the page shows exactly the entities of selected
// as selected (see checkSelection), and returns the state and the colour of
// each selected entity.
func (b *browser) waitSelection(selected []string) (pageState, map[string]string) {
	b.t.Helper()
	var (
		st      pageState
		colours map[string]string
	)
	what := "the page shows no selection"
	if len(selected) > 0 {
		what = fmt.Sprintf("the page shows the selection %q", selected)
	}
	b.eventually(what, settleTimeout, func() error {
		var err error
		if st, err = readPageState(b); err != nil {
			return err
		}
		colours, err = checkSelection(st, selected)
		return err
	})
	return st, colours
}

// checkSelection checks the page against the contract for the set of
// selected entities:
//   - the panel buttons of the selected entities have aria-pressed="true",
//     every other one "false";
//   - every mark of a selected entity has the same non-transparent
//     background, and no two selected entities share a colour;
//   - every other mark is transparent;
//   - #legend lists exactly the selected entities;
//   - no CSS transition is running, so the colours are final.
//
// It returns the colour of each selected entity.
func checkSelection(st pageState, selected []string) (map[string]string, error) {
	var problems []string
	addf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if len(st.Buttons) == 0 {
		addf("#cast has no button[data-entity]")
	}
	for _, id := range selected {
		if _, ok := st.button(id); !ok {
			addf("#cast has no button for %q", id)
		}
	}
	for _, btn := range st.Buttons {
		want := "false"
		if slices.Contains(selected, btn.Entity) {
			want = "true"
		}
		if btn.Pressed == nil || *btn.Pressed != want {
			addf("button %q: aria-pressed is %s, want %q", btn.Entity, quoteOrAbsent(btn.Pressed), want)
		}
	}

	colours := map[string]string{}
	seen := map[string]int{}
	for _, m := range st.Marks {
		if slices.Contains(selected, m.Entity) {
			seen[m.Entity]++
			if isTransparent(m.Background) {
				addf("a mark of selected %q (form %q) has a transparent background %q", m.Entity, m.Form, m.Background)
				continue
			}
			if c, ok := colours[m.Entity]; !ok {
				colours[m.Entity] = m.Background
			} else if c != m.Background {
				addf("the marks of %q have more than one background: %q and %q", m.Entity, c, m.Background)
			}
		} else if !isTransparent(m.Background) {
			addf("a mark of unselected %q (form %q) has the background %q, want transparent", m.Entity, m.Form, m.Background)
		}
	}
	for _, id := range selected {
		if seen[id] == 0 {
			addf("#article has no mark of selected %q", id)
		}
	}
	byColour := map[string]string{}
	for _, id := range selected {
		c, ok := colours[id]
		if !ok {
			continue
		}
		if other, dup := byColour[c]; dup {
			addf("%q and %q have the same colour %q", other, id, c)
		}
		byColour[c] = id
	}

	if len(selected) > 0 && !st.LegendPresent {
		addf("there is no #legend")
	}
	if err := compareIDs(st.Legend, selected); err != nil {
		addf("#legend [data-entity]: %v", err)
	}
	if st.Transitions > 0 {
		addf("%d CSS transition(s) still running", st.Transitions)
	}

	if len(problems) > 0 {
		const limit = 15
		more := ""
		if len(problems) > limit {
			more = fmt.Sprintf("\n  ... and %d more", len(problems)-limit)
			problems = problems[:limit]
		}
		return nil, errors.New("\n  " + strings.Join(problems, "\n  ") + more)
	}
	return colours, nil
}

// compareIDs reports how the set of got differs from the set of want.
// Duplicates in got count as one.
func compareIDs(got, want []string) error {
	gotSet := map[string]bool{}
	for _, id := range got {
		gotSet[id] = true
	}
	wantSet := map[string]bool{}
	for _, id := range want {
		wantSet[id] = true
	}
	var missing, extra []string
	for id := range wantSet {
		if !gotSet[id] {
			missing = append(missing, id)
		}
	}
	for id := range gotSet {
		if !wantSet[id] {
			extra = append(extra, id)
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return nil
	}
	slices.Sort(missing)
	slices.Sort(extra)
	return fmt.Errorf("missing %q, unexpected %q", missing, extra)
}

// alphaRE finds the alpha of a computed colour: the fourth argument of
// rgba(), or the part after the slash of the modern colour functions.
var alphaRE = regexp.MustCompile(`^rgba\(\s*[^,]+,[^,]+,[^,]+,\s*([0-9.e+-]+%?)\s*\)$|/\s*([0-9.e+-]+%?)\s*\)$`)

// isTransparent reports whether a computed CSS colour has zero alpha.
func isTransparent(colour string) bool {
	c := strings.TrimSpace(colour)
	if c == "" || c == "transparent" {
		return true
	}
	m := alphaRE.FindStringSubmatch(c)
	if m == nil {
		return false
	}
	a := m[1] + m[2]
	a = strings.TrimSuffix(a, "%")
	v, err := strconv.ParseFloat(a, 64)
	return err == nil && v == 0
}

// countRE finds the number in the text of a .count element.
var countRE = regexp.MustCompile(`\d+`)

// panelCount returns the number shown in the .count of a panel button.
func panelCount(btn panelButton) (int, error) {
	if btn.Count == nil {
		return 0, fmt.Errorf("button %q has no .count child (its text is %q)", btn.Entity, collapseSpace(btn.Text))
	}
	m := countRE.FindAllString(*btn.Count, -1)
	if len(m) != 1 {
		return 0, fmt.Errorf("button %q: .count is %q, want one number", btn.Entity, *btn.Count)
	}
	return strconv.Atoi(m[0])
}

// checkMentionAttrs checks the attributes of one mention mark.
func checkMentionAttrs(class, entity, form string) error {
	if !slices.Contains(strings.Fields(class), "mention") {
		return fmt.Errorf("class %q lacks \"mention\"", class)
	}
	if entity == "" {
		return errors.New("no data-entity")
	}
	if !slices.Contains(mentionForms, form) {
		return fmt.Errorf("data-form is %q, want one of %q", form, mentionForms)
	}
	return nil
}

// catalogueIDs reads the distinct entity ids of content/entities.yaml.
func catalogueIDs(t *testing.T, root string) []string {
	t.Helper()
	path := filepath.Join(root, "content", "entities.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the catalogue: %v", err)
	}
	var entries []struct {
		ID string `yaml:"id"`
	}
	if err := yaml.Unmarshal(data, &entries); err != nil {
		t.Fatalf("%s is not a YAML list of entities with an id: %v", path, err)
	}
	var ids []string
	for i, en := range entries {
		if en.ID == "" {
			t.Fatalf("%s: entry %d has no id", path, i)
		}
		if !slices.Contains(ids, en.ID) {
			ids = append(ids, en.ID)
		}
	}
	if len(ids) == 0 {
		t.Fatalf("%s lists no entities", path)
	}
	return ids
}

// The functions below read the prerendered HTML. They are a small scanner
// for the markup that the server writes, not a general HTML parser: enough
// to find an element by id, take its content, and count tags in it.

// startTag is one start tag in an HTML text.
type startTag struct {
	name       string
	attrs      map[string]string
	raw        string
	start, end int // the offsets of '<' and of the byte after '>'
}

var (
	startTagRE = regexp.MustCompile(`(?is)<([a-z][a-z0-9-]*)((?:\s[^>]*)?)>`)
	attrRE     = regexp.MustCompile(`(?s)([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>` + "`" + `]+)))?`)
	tagStripRE = regexp.MustCompile(`(?s)<[^>]*>`)
	spaceRE    = regexp.MustCompile(`\s+`)
)

// startTags returns every start tag of s, in order.
func startTags(s string) []startTag {
	var tags []startTag
	for _, m := range startTagRE.FindAllStringSubmatchIndex(s, -1) {
		tag := startTag{
			name:  strings.ToLower(s[m[2]:m[3]]),
			attrs: map[string]string{},
			raw:   s[m[0]:m[1]],
			start: m[0],
			end:   m[1],
		}
		for _, a := range attrRE.FindAllStringSubmatch(s[m[4]:m[5]], -1) {
			tag.attrs[strings.ToLower(a[1])] = html.UnescapeString(a[2] + a[3] + a[4])
		}
		tags = append(tags, tag)
	}
	return tags
}

// tagsNamed returns the start tags of s with the given element name.
func tagsNamed(s, name string) []startTag {
	var out []startTag
	for _, tag := range startTags(s) {
		if tag.name == name {
			out = append(out, tag)
		}
	}
	return out
}

// countTags counts the start tags of s with the given element name.
func countTags(s, name string) int {
	return len(tagsNamed(s, name))
}

// tagsWithID returns the start tags of s whose id is id.
func tagsWithID(s, id string) []startTag {
	var out []startTag
	for _, tag := range startTags(s) {
		if v, ok := tag.attrs["id"]; ok && v == id {
			out = append(out, tag)
		}
	}
	return out
}

// innerHTML returns the content of the element that tag opens in s, up to
// its matching end tag.
func innerHTML(s string, tag startTag) (string, error) {
	re := regexp.MustCompile(`(?is)<(/?)` + regexp.QuoteMeta(tag.name) + `(?:\s[^>]*)?>`)
	depth := 1
	for _, m := range re.FindAllStringSubmatchIndex(s[tag.end:], -1) {
		closing := m[3] > m[2]
		selfClosing := strings.HasSuffix(s[tag.end+m[0]:tag.end+m[1]], "/>")
		switch {
		case closing:
			depth--
		case !selfClosing:
			depth++
		}
		if depth == 0 {
			return s[tag.end : tag.end+m[0]], nil
		}
	}
	return "", fmt.Errorf("no end tag for %s", clip(tag.raw, 200))
}

// prerenderedArticle returns the content of the one #article of a page.
func prerenderedArticle(t *testing.T, doc string) string {
	t.Helper()
	tags := tagsWithID(doc, "article")
	if len(tags) != 1 {
		t.Fatalf("the prerendered page has %d elements with id=\"article\", want 1; the page starts with:\n%s",
			len(tags), clip(doc, 2000))
	}
	inner, err := innerHTML(doc, tags[0])
	if err != nil {
		t.Fatalf("the prerendered #article: %v", err)
	}
	return inner
}

// countMentions counts the marks of an entity in an HTML fragment.
func countMentions(fragment, id string) int {
	n := 0
	for _, tag := range tagsNamed(fragment, "mark") {
		if tag.attrs["data-entity"] == id {
			n++
		}
	}
	return n
}

// plainText returns the text of an HTML fragment with its white space
// folded.
func plainText(fragment string) string {
	return collapseSpace(html.UnescapeString(tagStripRE.ReplaceAllString(fragment, "")))
}

// collapseSpace folds each run of white space to one space.
func collapseSpace(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// clip shortens s to at most n bytes for a message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "..."
}

// quoteOrAbsent quotes a possibly missing attribute value for a message.
func quoteOrAbsent(v *string) string {
	if v == nil {
		return "absent"
	}
	return strconv.Quote(*v)
}

// TestArticleReadableWhileLoading keeps the WebAssembly from arriving and checks that the prerendered
// article is readable meanwhile: its first paragraph is on top, not under the loading indicator, and
// the indicator still shows.
func TestArticleReadableWhileLoading(t *testing.T) {
	e := setupEnv(t)
	b := newBrowser(t, e)
	b.do("holding back app.wasm", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, network.SetBlockedURLs, network.SetBlockedURLsParams{
			URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/web/app.wasm", Block: true}},
		})
		return err
	}))
	b.open("/")
	type probe struct {
		Loader  bool `json:"loader"`
		OnTop   bool `json:"onTop"`
		Visible bool `json:"visible"`
	}
	b.eventually("the first paragraph on top while loading", settleTimeout, func() error {
		p, err := evaluate[probe](b, `(() => {
			const loader = document.getElementById('app-wasm-loader');
			const para = document.querySelector('#article p');
			const r = para.getBoundingClientRect();
			const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, 20) / 2);
			return {loader: !!loader && loader.getBoundingClientRect().width > 0,
				onTop: !!top && para.contains(top), visible: r.bottom > 0 && r.top < innerHeight};
		})()`)
		if err != nil {
			return err
		}
		if !p.Loader || !p.OnTop || !p.Visible {
			return fmt.Errorf("loading indicator shown %v, first paragraph in view %v and on top %v; want all", p.Loader, p.Visible, p.OnTop)
		}
		return nil
	})
	if live := mustEvaluate[string](b, `document.querySelector('#dramatis').getAttribute('data-live') || ""`); live == "true" {
		t.Fatal("the app went live although app.wasm was held back")
	}
	b.assertLocalRequests()
}
