package ui

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

func TestSelectionOf(t *testing.T) {
	tests := []struct {
		slots []string
		want  []string
		last  string
	}{
		{nil, nil, ""},
		{[]string{"a", "b"}, []string{"a", "b"}, "b"},
		{[]string{"", "b", "", ""}, []string{"", "b"}, "b"},
		{[]string{"a", "a", "b"}, []string{"a", "", "b"}, "b"},
		{[]string{"", ""}, nil, ""},
	}
	for _, tt := range tests {
		s, _ := SelectionOf(tt.slots)
		if got := s.Slots(); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("SelectionOf(%q).Slots() = %q, want %q", tt.slots, got, tt.want)
		}
		if got := s.Last(); got != tt.last {
			t.Errorf("SelectionOf(%q).Last() = %q, want %q", tt.slots, got, tt.last)
		}
	}
	// Slots is a copy.
	s, _ := SelectionOf([]string{"a"})
	s.Slots()[0] = "z"
	if !s.Has("a") {
		t.Errorf("changing what Slots returned changed the selection")
	}
	// Past the palette's colours, the rest are left out and said.
	s, left := SelectionOf([]string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "a", "j"})
	if s.Len() != len(Palette) || !reflect.DeepEqual(left, []string{"i", "j"}) || s.Oldest() != "a" {
		t.Errorf("SelectionOf(10 ids) keeps %d, leaves out %q, oldest %q; want %d, [i j], a", s.Len(), left, s.Oldest(), len(Palette))
	}
}

func TestShortcut(t *testing.T) {
	tests := []struct {
		k    key
		want bool
	}{
		{key{Key: "j"}, true},
		{key{Key: "n"}, true},
		{key{Key: "k"}, true},
		{key{Key: "p"}, true},
		{key{Key: "Escape"}, true},
		{key{Key: "/"}, true},
		{key{Key: "?"}, true},
		{key{Key: "x"}, false},
		{key{Key: "J"}, false},
		{key{Key: "Enter"}, false},
		{key{Key: "j", Typing: true}, false},
		{key{Key: "/", Typing: true}, false},
		{key{Key: "Escape", Typing: true}, true},
		{key{Key: "j", Dialog: true}, false},
		{key{Key: "Escape", Dialog: true}, false},
	}
	for _, tt := range tests {
		run, ok := shortcut(tt.k)
		if ok != tt.want || (ok && run == nil) {
			t.Errorf("shortcut(%+v) = %v, %v; want %v", tt.k, run != nil, ok, tt.want)
		}
	}
}

// initialised renders c after its OnInit, without mounting it.
func initialised(c app.Composer) string {
	if i, ok := c.(interface{ OnInit() }); ok {
		i.OnInit()
	}
	return app.HTMLString(c)
}

// text returns the text of the first element of h with the given id, tags removed.
func text(h, id string) string {
	i := strings.Index(h, `id="`+id+`"`)
	if i < 0 {
		return ""
	}
	start := strings.LastIndex(h[:i], "<")
	name := strings.Fields(h[start+1:])[0]
	return strings.Join(strings.Fields(tagText.ReplaceAllString(element(h, start, name), " ")), " ")
}

func TestNavigator(t *testing.T) {
	rama := model.Entity{ID: "edi-rama", Name: "Edi Rama"}
	tests := []struct {
		name     string
		nav      Navigator
		position string
		disabled bool
		hint     bool
		sheet    string
	}{
		{"nothing selected", Navigator{Pos: -1}, "", true, true, "Cast"},
		{"before the first move", Navigator{Entity: rama, Pos: -1, Total: 8, Selected: 2}, "8 mentions", false, false, "Cast (2)"},
		{"at a mention", Navigator{Entity: rama, Pos: 2, Total: 8, Selected: 1}, "3 of 8", false, false, "Cast (1)"},
		{"one mention", Navigator{Entity: rama, Pos: -1, Total: 1, Selected: 1}, "1 mention", false, false, "Cast (1)"},
		{"sheet open", Navigator{Entity: rama, Pos: 0, Total: 8, Selected: 1, SheetOpen: true}, "1 of 8", false, false, "Close the cast"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := initialised(&tt.nav)
			if got := text(h, "position"); got != tt.position {
				t.Errorf("#position = %q, want %q", got, tt.position)
			}
			for _, b := range tags(t, h, "button") {
				if id := b.attrs["id"]; id == "prev" || id == "next" {
					if got := b.attrs["disabled"] == "true"; got != tt.disabled {
						t.Errorf("#%s disabled = %v, want %v", id, got, tt.disabled)
					}
				}
			}
			if got := strings.Contains(h, `class="hint"`); got != tt.hint {
				t.Errorf("hint shown %v, want %v", got, tt.hint)
			}
			if got := text(h, "sheet-toggle"); got != tt.sheet {
				t.Errorf("#sheet-toggle = %q, want %q", got, tt.sheet)
			}
		})
	}
}

func TestEntityCard(t *testing.T) {
	doc := bundled(t)
	a := reader.New(doc, model.NewIndex(doc))
	rama, _ := a.Entity("edi-rama")
	c := &EntityCard{
		Entity:  rama,
		Count:   a.Count("edi-rama", false),
		Forms:   a.Forms("edi-rama", false),
		First:   a.First("edi-rama", false),
		Related: a.Related("edi-rama", 5, false),
	}
	h := initialised(c)
	for _, want := range []string{">Edi Rama<", rama.Role, "Named as", "Edi Rama, Rama", "First mention", "Late last month", "Mentioned with"} {
		if !strings.Contains(h, want) {
			t.Errorf("the card of Edi Rama lacks %q: %s", want, h)
		}
	}
	var related []string
	for _, b := range tags(t, h, "button") {
		if id := b.attrs["data-related"]; id != "" {
			related = append(related, id)
		}
	}
	var want []string
	for _, r := range c.Related {
		want = append(want, r.Entity.ID)
	}
	if len(want) == 0 || !reflect.DeepEqual(related, want) {
		t.Errorf("the card's related buttons are %q, want %q", related, want)
	}
	if strings.Contains(h, `<h2>`) {
		t.Errorf("the card's heading has no class, and reads as a group heading of the cast")
	}

	// An entity never mentioned has a card with its name and role only.
	h = initialised(&EntityCard{Entity: model.Entity{ID: "x", Name: "Nobody", Kind: model.Person, Role: "Absent"}})
	for _, not := range []string{"Named as", "First mention", "Mentioned with"} {
		if strings.Contains(h, not) {
			t.Errorf("the card of an unmentioned entity shows %q", not)
		}
	}
}

func TestCastFiltered(t *testing.T) {
	doc := bundled(t)
	idx := model.NewIndex(doc)
	groups := reader.Filter(doc.Groups(idx), "prime minister")
	h := initialised(&Cast{Groups: groups, Counts: map[string]int{"edi-rama": 3}})
	buttons := byEntity(t, tags(t, h, "button"))
	n := 0
	for _, g := range groups {
		n += len(g.Entities)
	}
	if len(buttons) != n || buttons["edi-rama"] == nil {
		t.Errorf("the filtered cast has buttons %v, want the %d prime ministers", buttons, n)
	}
	h = initialised(&Cast{Groups: nil, Query: " zzz "})
	if !strings.Contains(h, "No one in the cast matches “zzz”") {
		t.Errorf("an empty cast does not say that no one matches: %s", h)
	}
}

func TestDensityStrips(t *testing.T) {
	doc := bundled(t)
	a := reader.New(doc, model.NewIndex(doc))
	strips := densityStrips(a, 24, false)
	if len(strips) != len(doc.Entities) {
		t.Fatalf("densityStrips has %d strips, want %d", len(strips), len(doc.Entities))
	}
	for _, e := range doc.Entities {
		s := strips[e.ID]
		if a.Index.Count(e.ID) == 0 {
			if s != "none" {
				t.Errorf("%s has no mentions, but the strip %q", e.ID, s)
			}
			continue
		}
		if !strings.HasPrefix(s, "linear-gradient(90deg,") || !strings.Contains(s, "var(--d3)") {
			t.Errorf("%s: strip %q, want a gradient reaching the strongest level", e.ID, s)
		}
	}
}

func TestRailTicks(t *testing.T) {
	doc := bundled(t)
	ticks := railTicks(reader.New(doc, model.NewIndex(doc)))
	if len(ticks) != len(doc.Mentions) {
		t.Fatalf("%d ticks for %d mentions", len(ticks), len(doc.Mentions))
	}
	prev := -1.0
	for i, tk := range ticks {
		top, err := strconv.ParseFloat(strings.TrimSuffix(tk.Top, "%"), 64)
		if err != nil || top <= prev || top >= 100 || tk.I != i || tk.Entity != doc.Mentions[i].Entity {
			t.Errorf("tick %d = %+v, after %.2f%%", i, tk, prev)
		}
		prev = top
	}
}

// TestTicksHTML checks the rail's markup: a tick per mention with its index, entity, form and place,
// in one element, as app.Raw needs.
func TestTicksHTML(t *testing.T) {
	got := TicksHTML([]Tick{{I: 0, Entity: "al", Form: model.FormName, Top: "1.50%"}, {I: 7, Entity: "edi-rama", Form: model.FormDemonym, Top: "99.00%"}})
	want := `<div class="ticks">` +
		`<span class="tick tick-al" data-i="0" data-entity="al" data-form="name" style="top:1.50%"></span>` +
		`<span class="tick tick-edi-rama" data-i="7" data-entity="edi-rama" data-form="demonym" style="top:99.00%"></span></div>`
	if got != want {
		t.Errorf("TicksHTML =\n%s\nwant\n%s", got, want)
	}
	if got := TicksHTML(nil); got != `<div class="ticks"></div>` {
		t.Errorf("TicksHTML(nil) = %s", got)
	}
}

// TestEntryHTML checks that the inside of a cast entry escapes the name, which comes from the
// catalogue, and carries the count and the density strip.
func TestEntryHTML(t *testing.T) {
	got := entryHTML(`Tom & "Jerry" <b>'s`, false, 2, "none")
	for _, want := range []string{`<span class="name">Tom &amp; &#34;Jerry&#34; &lt;b&gt;&#39;s</span>`, `aria-label="2 mentions">2</span>`, `style="background-image:none"`} {
		if !strings.Contains(got, want) {
			t.Errorf("entryHTML = %s, lacks %s", got, want)
		}
	}
	if !strings.HasPrefix(got, `<span class="entry">`) || !strings.HasSuffix(got, `</span></span>`) || strings.Count(got, "<span") != strings.Count(got, "</span>") {
		t.Errorf("entryHTML = %s, want one <span class=\"entry\"> around the rest", got)
	}
}

// TestCardFacts checks that the card's facts escape what comes from the content and give each
// related entity a button with its id.
func TestCardFacts(t *testing.T) {
	rel := []reader.Related{{Entity: model.Entity{ID: "al", Name: "Albania <x>", Role: `"state"`}, Shared: 1}}
	got := cardFacts([]string{"A & B"}, `He said "no" <b>`, rel)
	for _, want := range []string{`<dd>A &amp; B</dd>`, `<q>He said &#34;no&#34; &lt;b&gt;</q>`,
		`<button class="related" data-related="al" title="&#34;state&#34;"><span class="related-name">Albania &lt;x&gt;</span>`,
		`aria-label="in 1 paragraph together">1</span>`} {
		if !strings.Contains(got, want) {
			t.Errorf("cardFacts = %s, lacks %s", got, want)
		}
	}
	if got := cardFacts(nil, "", nil); got != "<dl></dl>" {
		t.Errorf("cardFacts of nothing = %s, want an empty <dl>", got)
	}
	if got := keysHTML(); strings.Count(got, "<kbd>") != len(shortcutKeys) || !strings.HasPrefix(got, `<dl class="keys">`) {
		t.Errorf("keysHTML = %s, want a <kbd> per shortcut in one <dl>", got)
	}
}

// TestPageRestore renders the page after it restored a link, as the server prerenders it.
func TestPageRestore(t *testing.T) {
	doc := bundled(t)
	p := &Page{Doc: doc}
	p.OnInit()
	p.live = false // as on the server; in the browser (WebAssembly tests) OnInit makes the page live
	p.restore(app.Context{}, "e=edi-rama,al,nobody&f=edi-rama&m=3&t=1")
	h := app.HTMLString(p)

	buttons := byEntity(t, tags(t, h, "button"))
	for id, bs := range buttons {
		want := strconv.FormatBool(id == "edi-rama" || id == "al")
		for _, b := range bs {
			if b.attrs["class"] == "entity" && b.attrs["aria-pressed"] != want {
				t.Errorf("button of %q: aria-pressed = %q, want %q", id, b.attrs["aria-pressed"], want)
			}
		}
	}
	// With the together view on, ‹ and › step through Rama's mentions in the passages that
	// mention Albania too.
	withAl := map[int]bool{}
	for _, m := range doc.Mentions {
		if m.Entity == "al" {
			withAl[m.Paragraph] = true
		}
	}
	total, all := 0, 0
	for _, m := range doc.Mentions {
		if m.Entity == "edi-rama" {
			all++
			if withAl[m.Paragraph] {
				total++
			}
		}
	}
	if total == all {
		t.Fatalf("every mention of Edi Rama stands in a passage with Albania: the test cannot tell")
	}
	if got, want := text(h, "position"), "3 of "+strconv.Itoa(total); got != want {
		t.Errorf("#position = %q, want %q", got, want)
	}
	if got := text(h, "announce"); got != "Mention 3 of "+strconv.Itoa(total)+": Edi Rama" {
		t.Errorf("#announce = %q", got)
	}
	if !strings.Contains(text(h, "notice"), "“nobody”") {
		t.Errorf("#notice = %q, want it to name the unknown id", text(h, "notice"))
	}
	for _, want := range []string{`:is(.e-edi-rama,`, `:is(.e-al,`, `#article>[data-p]:not(`, `#rail [data-i="`} {
		if !strings.Contains(h, want) {
			t.Errorf("the generated style lacks %q", want)
		}
	}
	if !strings.Contains(h, `id="card"`) || !strings.Contains(text(h, "card-name"), "Edi Rama") {
		t.Errorf("the card does not show Edi Rama, in focus")
	}
	if !strings.Contains(text(h, "passages"), "mention all of them") {
		t.Errorf("#passages = %q", text(h, "passages"))
	}
	if got := p.state().Query(); got != "e=edi-rama,al&f=edi-rama&m=3&t=1" {
		t.Errorf("the state's query = %q", got)
	}
}

func TestListOf(t *testing.T) {
	tests := []struct {
		items []string
		want  string
	}{
		{[]string{"a"}, "“a”"},
		{[]string{"a", "b"}, "“a”, “b”"},
		{[]string{"a", "b", "c", "d", "e"}, "“a”, “b”, “c” and 2 more"},
		{[]string{strings.Repeat("x", 100)}, "“" + strings.Repeat("x", 40) + "…”"},
	}
	for _, tt := range tests {
		if got := listOf(tt.items); got != tt.want {
			t.Errorf("listOf(%.20q) = %q, want %q", tt.items, got, tt.want)
		}
	}
}

// An entry that detection proposed carries the auto badge, and the list opens with its legend; a
// curated list has neither.
func TestCastAutoBadge(t *testing.T) {
	groups := []model.Group{{Kind: model.Country, Entities: []model.Entity{
		{ID: "al", Name: "Albania", Kind: model.Country, Source: model.SourceAuto},
		{ID: "il", Name: "Israel", Kind: model.Country},
	}}}
	got := castHTML(groups, nil, Selection{}, nil)
	if n := strings.Count(got, `class="auto-badge"`); n != 2 { // Albania's and the legend's
		t.Errorf("%d auto badges, want Albania's and the legend's:\n%s", n, got)
	}
	if !strings.Contains(got, `id="auto-note"`) || !strings.Contains(got, `Albania`+autoBadge) {
		t.Errorf("no legend, or Albania has no badge:\n%s", got)
	}
	groups[0].Entities[0].Source = ""
	if got := castHTML(groups, nil, Selection{}, nil); strings.Contains(got, "auto") {
		t.Errorf("a curated cast shows the auto badge:\n%s", got)
	}
}
