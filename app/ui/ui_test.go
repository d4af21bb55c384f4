package ui

import (
	"html"
	"math"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/document"
	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// apply runs ops on the empty selection: "+id" is With, "-id" Without, "~id" Toggle.
func apply(t *testing.T, ops ...string) Selection {
	t.Helper()
	var s Selection
	for _, op := range ops {
		switch id := op[1:]; op[0] {
		case '+':
			s = s.With(id)
		case '-':
			s = s.Without(id)
		case '~':
			s = s.Toggle(id)
		default:
			t.Fatalf("bad op %q", op)
		}
	}
	return s
}

var selectionTests = []struct {
	name  string
	ops   []string
	slots map[string]int // every selected ID and its slot
	ids   []string       // IDs in slot order
}{
	{"empty", nil, map[string]int{}, nil},
	{"first takes slot 0", []string{"+a"}, map[string]int{"a": 0}, []string{"a"}},
	{"in order of selection", []string{"+c", "+a", "+b"}, map[string]int{"c": 0, "a": 1, "b": 2}, []string{"c", "a", "b"}},
	{"with twice keeps one", []string{"+a", "+b", "+a"}, map[string]int{"a": 0, "b": 1}, []string{"a", "b"}},
	{"with empty ID", []string{"+a", "+"}, map[string]int{"a": 0}, []string{"a"}},
	{"without keeps other slots", []string{"+a", "+b", "+c", "-b"}, map[string]int{"a": 0, "c": 2}, []string{"a", "c"}},
	{"without first keeps other slots", []string{"+a", "+b", "+c", "-a"}, map[string]int{"b": 1, "c": 2}, []string{"b", "c"}},
	{"lowest free slot reused", []string{"+a", "+b", "+c", "+d", "-b", "-a", "+e"}, map[string]int{"e": 0, "c": 2, "d": 3}, []string{"e", "c", "d"}},
	{"next free slot after reuse", []string{"+a", "+b", "+c", "+d", "-b", "-a", "+e", "+f", "+g"}, map[string]int{"e": 0, "f": 1, "c": 2, "d": 3, "g": 4}, []string{"e", "f", "c", "d", "g"}},
	{"last slot freed is reused", []string{"+a", "+b", "+c", "-c", "+d"}, map[string]int{"a": 0, "b": 1, "d": 2}, []string{"a", "b", "d"}},
	{"without unselected", []string{"+a", "-z"}, map[string]int{"a": 0}, []string{"a"}},
	{"all removed starts again at 0", []string{"+a", "+b", "-b", "-a", "+c"}, map[string]int{"c": 0}, []string{"c"}},
	{"toggle adds", []string{"~a", "~b"}, map[string]int{"a": 0, "b": 1}, []string{"a", "b"}},
	{"toggle removes", []string{"~a", "~b", "~a"}, map[string]int{"b": 1}, []string{"b"}},
	{"toggle back takes lowest free slot", []string{"~a", "~b", "~c", "~a", "~b", "~b"}, map[string]int{"b": 0, "c": 2}, []string{"b", "c"}},
	{"a ninth takes the oldest's colour", []string{"+a", "+b", "+c", "+d", "+e", "+f", "+g", "+h", "+i"},
		map[string]int{"i": 0, "b": 1, "c": 2, "d": 3, "e": 4, "f": 5, "g": 6, "h": 7},
		[]string{"i", "b", "c", "d", "e", "f", "g", "h"}},
	{"the oldest is the first selected, not the first slot", []string{"+a", "+b", "+c", "+d", "+e", "+f", "+g", "+h", "-a", "+a", "+j"},
		map[string]int{"a": 0, "j": 1, "c": 2, "d": 3, "e": 4, "f": 5, "g": 6, "h": 7},
		[]string{"a", "j", "c", "d", "e", "f", "g", "h"}},
}

func TestSelection(t *testing.T) {
	for _, tt := range selectionTests {
		t.Run(tt.name, func(t *testing.T) {
			s := apply(t, tt.ops...)
			if got := s.IDs(); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("IDs() = %q, want %q", got, tt.ids)
			}
			if got := s.Len(); got != len(tt.slots) {
				t.Errorf("Len() = %d, want %d", got, len(tt.slots))
			}
			for id, slot := range tt.slots {
				if got := s.Slot(id); got != slot {
					t.Errorf("Slot(%q) = %d, want %d", id, got, slot)
				}
				if !s.Has(id) {
					t.Errorf("Has(%q) = false, want true", id)
				}
			}
			for _, id := range []string{"a", "b", "c", "d", "z"} {
				if _, in := tt.slots[id]; in {
					continue
				}
				if s.Has(id) || s.Slot(id) != -1 {
					t.Errorf("Has(%q), Slot(%q) = %v, %d; want false, -1", id, id, s.Has(id), s.Slot(id))
				}
			}
		})
	}
}

// TestSelectionValues checks that selections are values: deriving one leaves the other alone, even when
// both fill the same free slot.
func TestSelectionValues(t *testing.T) {
	base := apply(t, "+a", "+b", "-a") // slot 0 free
	withC := base.With("c")
	withD := base.With("d")
	without := withC.Without("b")
	toggled := withC.Toggle("c")

	tests := []struct {
		name string
		sel  Selection
		ids  []string
	}{
		{"base", base, []string{"b"}},
		{"base with c", withC, []string{"c", "b"}},
		{"base with d", withD, []string{"d", "b"}},
		{"base with c, without b", without, []string{"c"}},
		{"base with c, toggle c", toggled, []string{"b"}},
	}
	for _, tt := range tests {
		if got := tt.sel.IDs(); !reflect.DeepEqual(got, tt.ids) {
			t.Errorf("%s: IDs() = %q, want %q", tt.name, got, tt.ids)
		}
	}
	if withC.Slot("c") != 0 || withD.Slot("d") != 0 {
		t.Errorf("Slot of c, d = %d, %d; want both 0", withC.Slot("c"), withD.Slot("d"))
	}
}

func TestContrastReference(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#ffffff", "#000000", 21},
		{"#777777", "#ffffff", 4.48}, // WebAIM's contrast checker gives 4.48:1
		{"#ffffff", "#777777", 4.48},
		{"#767676", "#ffffff", 4.54}, // the lightest grey that passes AA on white
		{"#FF0000", "#ffffff", 4.00},
		{"#123456", "#123456", 1},
	}
	for _, tt := range tests {
		if got := contrast(tt.a, tt.b); math.Abs(got-tt.want) > 0.005 {
			t.Errorf("contrast(%q, %q) = %.4f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
	for _, bad := range []string{"", "red", "#gggggg"} {
		if got := contrast(bad, "#ffffff"); !math.IsNaN(got) {
			t.Errorf("contrast(%q, white) = %v, want NaN", bad, got)
		}
	}
}

func TestPaletteContrast(t *testing.T) {
	if len(Palette) < 6 {
		t.Errorf("len(Palette) = %d, want at least 6 colours", len(Palette))
	}
	for i, s := range Palette {
		// A NaN from an unreadable colour fails too.
		if c := contrast(s.Background, TextColour); !(c >= 4.5) {
			t.Errorf("Palette[%d] (%s): contrast(%s, TextColour %s) = %.2f, want at least 4.5", i, s.Name, s.Background, TextColour, c)
		}
	}
}

func TestPaletteDistinct(t *testing.T) {
	seen := map[string]int{}
	names := map[string]int{}
	for i, s := range Palette {
		bg := strings.ToLower(s.Background)
		if j, ok := seen[bg]; ok {
			t.Errorf("Palette[%d] and Palette[%d] have the same background %s", j, i, s.Background)
		}
		seen[bg] = i
		if j, ok := names[s.Name]; ok {
			t.Errorf("Palette[%d] and Palette[%d] are both called %q", j, i, s.Name)
		}
		names[s.Name] = i
		if s.Line == "" || s.Edge == "" {
			t.Errorf("Palette[%d] (%s) has no edge colour or line style", i, s.Name)
		}
	}
}

func TestSwatchFor(t *testing.T) {
	for slot := range Palette {
		if got := SwatchFor(slot); got != Palette[slot] {
			t.Errorf("SwatchFor(%d) = %v, want Palette[%d] = %v", slot, got, slot, Palette[slot])
		}
	}
}

// cssRule is one rule of a style sheet.
var cssRule = regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)

// slotsOf returns, for each rule of css, keyed by its root class (if any) and entity, the slot's colour
// number and line style that it gives, and checks that each rule names one entity's mark class, tick
// class and swatches, with the dashes that draw its line in the pictures.
func slotsOf(t *testing.T, css string) map[string]string {
	t.Helper()
	out := map[string]string{}
	rule := regexp.MustCompile(`^((?:\.k\d+-[a-z0-9-]+ )?):is\(\.e-([a-z0-9-]+),\.tick-([a-z0-9-]+),\[data-entity="([a-z0-9-]+)"\] \.swatch\)$`)
	decl := regexp.MustCompile(`^--h:var\(--hl(\d)\);--e:var\(--hl(\d)-edge\);--l:([a-z]+);--bw:2px;--sw:2.5;--da:([0-9. ]+|none);--show:block;--on: $`)
	if rest := cssRule.ReplaceAllString(css, ""); strings.TrimSpace(rest) != "" {
		t.Errorf("the style has text outside rules: %q", rest)
	}
	for _, r := range cssRule.FindAllStringSubmatch(css, -1) {
		m, d := rule.FindStringSubmatch(r[1]), decl.FindStringSubmatch(r[2])
		if m == nil || d == nil || m[2] != m[3] || m[3] != m[4] || d[1] != d[2] || dashes[d[3]] != d[4] {
			t.Errorf("rule %q does not colour one entity's marks, ticks and swatches alike", r[0])
			continue
		}
		key := m[1] + m[2]
		if _, dup := out[key]; dup {
			t.Errorf("two rules for %q", key)
		}
		out[key] = d[1] + " " + d[3]
	}
	return out
}

func TestHighlightCSS(t *testing.T) {
	tests := []struct {
		name  string
		ops   []string
		slots map[string]int
	}{
		{"nothing selected", nil, nil},
		{"one", []string{"+edi-rama"}, map[string]int{"edi-rama": 0}},
		{"gap left by a removal", []string{"+al", "+il", "+us", "-il"}, map[string]int{"al": 0, "us": 2}},
		{"all palette slots", []string{"+a", "+b", "+c", "+d", "+e", "+f", "+g", "+h"},
			map[string]int{"a": 0, "b": 1, "c": 2, "d": 3, "e": 4, "f": 5, "g": 6, "h": 7}},
		{"a ninth takes the oldest's slot", []string{"+a", "+b", "+c", "+d", "+e", "+f", "+g", "+h", "+i"},
			map[string]int{"i": 0, "b": 1, "c": 2, "d": 3, "e": 4, "f": 5, "g": 6, "h": 7}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, live := range []bool{false, true} {
				css := highlightCSS(apply(t, tt.ops...), live)
				got := slotsOf(t, css)
				want := map[string]string{}
				for id, slot := range tt.slots {
					if !live || slot >= len(Palette) {
						want[id] = strconv.Itoa(slot%len(Palette)) + " " + SwatchFor(slot).Line
					}
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("live %v: highlightCSS colours %v, want %v", live, got, want)
				}
			}
		})
	}
}

// TestSelectionRules checks the rules that root classes turn on: one per entity and palette slot,
// under that slot's class.
func TestSelectionRules(t *testing.T) {
	got := slotsOf(t, selectionRules([]model.Entity{{ID: "al"}, {ID: "edi-rama"}}))
	if len(got) != 2*len(Palette) {
		t.Errorf("%d rules, want %d", len(got), 2*len(Palette))
	}
	for _, id := range []string{"al", "edi-rama"} {
		for i := range Palette {
			key := "." + slotClass(i, id) + " " + id
			if want := strconv.Itoa(i) + " " + Palette[i].Line; got[key] != want {
				t.Errorf("rule %q gives %q, want %q", key, got[key], want)
			}
		}
	}
}

// TestPaletteCSS checks that the generated palette defines every slot's colours for both themes.
func TestPaletteCSS(t *testing.T) {
	css := paletteCSS()
	light := css[:strings.Index(css, "}")]
	for i, s := range Palette {
		for _, decl := range []string{"--hl" + strconv.Itoa(i) + ":" + s.Background + ";", "--hl" + strconv.Itoa(i) + "-edge:" + s.Edge + ";"} {
			if !strings.Contains(light, decl) {
				t.Errorf("the light palette lacks %s: %s", decl, light)
			}
		}
	}
	for i, s := range DarkPalette {
		decl := "--hl" + strconv.Itoa(i) + ":" + s.Background + ";"
		if n := strings.Count(css, decl); n != 2 {
			t.Errorf("the dark palette defines %s %d times, want twice (system and chosen)", decl, n)
		}
	}
	for _, sel := range []string{darkChosen, "@media (prefers-color-scheme: dark){" + darkSystem} {
		if !strings.Contains(css, sel+"{") {
			t.Errorf("paletteCSS lacks the dark selector %s", sel)
		}
	}
}

func TestDarkPalette(t *testing.T) {
	if len(DarkPalette) != len(Palette) {
		t.Fatalf("len(DarkPalette) = %d, want len(Palette) = %d", len(DarkPalette), len(Palette))
	}
	const darkPaper = "#17181c"
	seen := map[string]bool{}
	for i, s := range DarkPalette {
		if s.Name != Palette[i].Name || s.Line != Palette[i].Line {
			t.Errorf("DarkPalette[%d] is %s %s, Palette[%d] %s %s; want the same colour and line", i, s.Name, s.Line, i, Palette[i].Name, Palette[i].Line)
		}
		if c := contrast(s.Background, DarkTextColour); !(c >= 4.5) {
			t.Errorf("DarkPalette[%d] (%s): contrast(%s, DarkTextColour %s) = %.2f, want at least 4.5", i, s.Name, s.Background, DarkTextColour, c)
		}
		if c := contrast(s.Background, darkPaper); !(c >= 1.5) {
			t.Errorf("DarkPalette[%d] (%s): contrast with the paper %.2f, want at least 1.5 to be seen", i, s.Name, c)
		}
		if c := contrast(s.Edge, darkPaper); !(c >= 3) {
			t.Errorf("DarkPalette[%d] (%s): edge contrast with the paper %.2f, want at least 3", i, s.Name, c)
		}
		if seen[s.Background] {
			t.Errorf("DarkPalette[%d] repeats the background %s", i, s.Background)
		}
		seen[s.Background] = true
	}
	for i, s := range Palette {
		if c := contrast(s.Edge, "#fbfaf7"); !(c >= 3) {
			t.Errorf("Palette[%d] (%s): edge contrast with the paper %.2f, want at least 3", i, s.Name, c)
		}
	}
}

func TestTogetherCSS(t *testing.T) {
	css := togetherCSS([]int{1, 12})
	for _, want := range []string{
		`#article>[data-p]:not([data-p="1"],[data-p="12"]){color:var(--dim)}`,
		`#article>:is([data-p="1"],[data-p="12"]){`,
	} {
		if !strings.Contains(css, want) {
			t.Errorf("togetherCSS([1 12]) = %q, lacks %q", css, want)
		}
	}
	if css := togetherCSS(nil); !strings.HasPrefix(css, `#article>[data-p]{color:var(--dim)}`) {
		t.Errorf("togetherCSS(nil) = %q, want every paragraph dimmed", css)
	}
}

func TestCurrentTickCSS(t *testing.T) {
	if got := currentTickCSS(-1); got != "" {
		t.Errorf("currentTickCSS(-1) = %q, want \"\"", got)
	}
	if got := currentTickCSS(42); !strings.HasPrefix(got, `#rail [data-i="42"]{`) {
		t.Errorf("currentTickCSS(42) = %q", got)
	}
}

// bundled builds the bundled document.
func bundled(t *testing.T) *model.Document {
	t.Helper()
	doc, err := document.Load(content.FS)
	if err != nil {
		t.Fatalf("document.Load(content.FS): %v", err)
	}
	return doc
}

// render mounts c in a test engine, runs what it dispatched, and returns its HTML. Under WebAssembly,
// where the tests run in Node without a DOM to mount in, it initialises c itself instead.
func render(t *testing.T, c app.Composer) string {
	t.Helper()
	if runtime.GOOS == "js" {
		if i, ok := c.(interface{ OnInit() }); ok {
			i.OnInit()
		}
		return app.HTMLString(c)
	}
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatalf("Load(%T): %v", c, err)
	}
	e.ConsumeAll()
	return app.HTMLString(c)
}

// tag is one start tag of rendered HTML.
type tag struct {
	name  string
	attrs map[string]string
	at    int // offset of the tag in the HTML
}

var (
	startTag  = regexp.MustCompile(`<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*(?:="(?:[^"\\]|\\.)*")?)*)\s*>`)
	attribute = regexp.MustCompile(`([a-z][a-z0-9-]*)(?:="((?:[^"\\]|\\.)*)")?`)
)

// tags returns the start tags of h named name. go-app writes an attribute whose value is "true" as a
// bare name; tags gives it the value "true", the value go-app sets in the browser.
func tags(t *testing.T, h, name string) []tag {
	t.Helper()
	var out []tag
	for _, m := range startTag.FindAllStringSubmatchIndex(h, -1) {
		if h[m[2]:m[3]] != name {
			continue
		}
		tg := tag{name: name, attrs: map[string]string{}, at: m[0]}
		for _, a := range attribute.FindAllStringSubmatch(h[m[4]:m[5]], -1) {
			v := "true"
			if strings.Contains(a[0], "=") {
				u, err := strconv.Unquote(`"` + a[2] + `"`)
				if err != nil {
					t.Fatalf("attribute %s: %v", a[0], err)
				}
				v = html.UnescapeString(u)
			}
			tg.attrs[a[1]] = v
		}
		out = append(out, tg)
	}
	return out
}

// byEntity returns the tags that have a data-entity, by entity.
func byEntity(t *testing.T, ts []tag) map[string][]tag {
	t.Helper()
	out := map[string][]tag{}
	for _, tg := range ts {
		if id, ok := tg.attrs["data-entity"]; ok {
			out[id] = append(out[id], tg)
		}
	}
	return out
}

// element returns the text of h from the start tag at offset at to the first closing tag of name after it.
func element(h string, at int, name string) string {
	end := strings.Index(h[at:], "</"+name+">")
	if end < 0 {
		return h[at:]
	}
	return h[at : at+end+len(name)+3]
}

var (
	heading = regexp.MustCompile(`(?s)<h2>(.*?)</h2>`)
	tagText = regexp.MustCompile(`<[^>]*>`)
)

func TestPage(t *testing.T) {
	doc := bundled(t)
	h := render(t, &Page{Doc: doc})

	if n := strings.Count(h, `id="article"`); n != 1 {
		t.Errorf("page has id=\"article\" %d times, want once", n)
	}
	if !strings.Contains(h, doc.HTML) {
		t.Errorf("page does not hold the article HTML unchanged")
	}
	if strings.Contains(h, "dramatis-data") {
		t.Errorf("page without Data renders the data script")
	}

	// Mentions per entity, counted from the document's own list.
	want := map[string]int{}
	for _, m := range doc.Mentions {
		want[m.Entity]++
	}
	buttons := byEntity(t, tags(t, h, "button"))
	if len(buttons) != len(doc.Entities) {
		t.Errorf("page has buttons for %d entities, want %d", len(buttons), len(doc.Entities))
	}
	for _, e := range doc.Entities {
		bs := buttons[e.ID]
		if len(bs) != 1 {
			t.Errorf("entity %q has %d buttons, want 1", e.ID, len(bs))
			continue
		}
		if got := bs[0].attrs["aria-pressed"]; got != "false" {
			t.Errorf("button of %q: aria-pressed = %q, want \"false\"", e.ID, got)
		}
		b := element(h, bs[0].at, "button")
		if !strings.Contains(b, ">"+e.Name+"<") {
			t.Errorf("button of %q does not show the name %q: %s", e.ID, e.Name, b)
		}
		var counts []string
		for _, span := range tags(t, b, "span") {
			if span.attrs["class"] == "count" {
				counts = append(counts, strings.TrimSpace(tagText.ReplaceAllString(element(b, span.at, "span"), "")))
			}
		}
		if len(counts) != 1 || counts[0] != strconv.Itoa(want[e.ID]) {
			t.Errorf("button of %q: .count texts %q, want one, %d", e.ID, counts, want[e.ID])
		}
	}
	for _, id := range []string{"edi-rama", "al", "il", "ir", "us"} {
		if want[id] < 2 {
			t.Errorf("bundled article mentions %q %d times; the counts checked above want some above 1", id, want[id])
		}
	}

	// Group headings in panel order, each with the number of entities of its kind.
	kinds := map[model.Kind]int{}
	for _, e := range doc.Entities {
		kinds[e.Kind]++
	}
	var wantHeads []string
	for _, k := range []model.Kind{model.Person, model.Organisation, model.Country, model.Place} {
		if kinds[k] > 0 {
			wantHeads = append(wantHeads, k.Group()+" "+strconv.Itoa(kinds[k]))
		}
	}
	var heads []string
	for _, m := range heading.FindAllStringSubmatch(h, -1) {
		heads = append(heads, strings.Join(strings.Fields(tagText.ReplaceAllString(m[1], " ")), " "))
	}
	if !reflect.DeepEqual(heads, wantHeads) {
		t.Errorf("group headings = %q, want %q", heads, wantHeads)
	}

	legend := tags(t, h, "section")
	var found bool
	for _, s := range legend {
		if s.attrs["id"] == "legend" {
			found = true
			if l := element(h, s.at, "section"); !strings.Contains(l, `class="hint"`) {
				t.Errorf("#legend with nothing selected shows no hint: %s", l)
			}
		}
	}
	if !found {
		t.Errorf("page has no #legend")
	}
	if i := strings.Index(h, `<style id="highlights"></style>`); i < 0 {
		t.Errorf("page has no empty highlight style with nothing selected")
	}
}

func TestPageData(t *testing.T) {
	doc := bundled(t)
	tests := []struct {
		name, data string
		want       bool
	}{
		{"no data", "", false},
		{"data", `{"meta":{"title":"T"}}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := render(t, &Page{Doc: doc, Data: tt.data})
			script := `<script type="application/json" id="dramatis-data">` + tt.data + `</script>`
			if got := strings.Contains(h, script); got != tt.want {
				t.Errorf("page with Data %q holds %s: %v, want %v", tt.data, script, got, tt.want)
			}
			if n := strings.Count(h, "dramatis-data"); n != map[bool]int{false: 0, true: 1}[tt.want] {
				t.Errorf("page with Data %q names dramatis-data %d times", tt.data, n)
			}
		})
	}
}

func TestCastSelection(t *testing.T) {
	doc := bundled(t)
	idx := model.NewIndex(doc)
	tests := []struct {
		name    string
		sel     Selection
		pressed []string
	}{
		{"nothing", Selection{}, nil},
		{"one", Selection{}.With("edi-rama"), []string{"edi-rama"}},
		{"two", Selection{}.With("edi-rama").With("al"), []string{"edi-rama", "al"}},
		{"one left of two", Selection{}.With("edi-rama").With("al").Without("edi-rama"), []string{"al"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := render(t, &Cast{Groups: doc.Groups(idx), Selection: tt.sel})
			pressed := map[string]bool{}
			for _, id := range tt.pressed {
				pressed[id] = true
			}
			buttons := byEntity(t, tags(t, h, "button"))
			if len(buttons) != len(doc.Entities) {
				t.Errorf("cast has buttons for %d entities, want %d", len(buttons), len(doc.Entities))
			}
			for id, bs := range buttons {
				want := strconv.FormatBool(pressed[id])
				if got := bs[0].attrs["aria-pressed"]; got != want {
					t.Errorf("button of %q: aria-pressed = %q, want %q", id, got, want)
				}
			}
		})
	}
}

func TestLegend(t *testing.T) {
	rama := model.Entity{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Role: "Prime Minister of Albania"}
	israel := model.Entity{ID: "il", Name: "Israel", Kind: model.Country, Role: "Country"}
	tests := []struct {
		name  string
		items []LegendItem
	}{
		{"empty", nil},
		{"one", []LegendItem{{Entity: rama, Slot: 0, Count: 5}}},
		{"two", []LegendItem{{Entity: rama, Slot: 0, Count: 5}, {Entity: israel, Slot: 2, Count: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := render(t, &Legend{Items: tt.items})
			if got, want := strings.Contains(h, `class="hint"`), len(tt.items) == 0; got != want {
				t.Errorf("legend shows the hint: %v, want %v", got, want)
			}
			lis := byEntity(t, tags(t, h, "li"))
			if len(lis) != len(tt.items) {
				t.Errorf("legend has items for %d entities, want %d", len(lis), len(tt.items))
			}
			prev := -1
			for _, it := range tt.items {
				li := lis[it.Entity.ID]
				if len(li) != 1 {
					t.Errorf("legend has %d items of %q, want 1", len(li), it.Entity.ID)
					continue
				}
				if li[0].at < prev {
					t.Errorf("legend item %q out of order", it.Entity.ID)
				}
				prev = li[0].at
				el := element(h, li[0].at, "li")
				for _, s := range []string{">" + it.Entity.Name + "<", ">" + it.Entity.Role + "<", Palette[it.Slot].Name} {
					if !strings.Contains(el, s) {
						t.Errorf("legend item %q does not show %q: %s", it.Entity.ID, s, el)
					}
				}
				n := strconv.Itoa(it.Count) + " mention"
				if !strings.Contains(el, n) {
					t.Errorf("legend item %q does not give the count %q: %s", it.Entity.ID, n, el)
				}
			}
			var clear []tag
			for _, b := range tags(t, h, "button") {
				if b.attrs["id"] == "clear" {
					clear = append(clear, b)
				}
			}
			if len(clear) != 1 {
				t.Fatalf("legend has %d #clear buttons, want 1", len(clear))
			}
			// go-app sets the disabled property from the attribute's value: "true" or "false".
			disabled := clear[0].attrs["disabled"] == "true"
			if want := len(tt.items) == 0; disabled != want {
				t.Errorf("#clear disabled = %v (attribute %q), want %v", disabled, clear[0].attrs["disabled"], want)
			}
		})
	}
}

func TestArticleView(t *testing.T) {
	html := `<div id="article" class="article-body"><header class="story-head"><h1 data-p="0">A</h1></header>` +
		`<p data-p="1">Body <mark class="mention" data-entity="al" data-form="name">Albania</mark>.</p></div>`
	h := render(t, &ArticleView{HTML: html})
	roving := false
	for _, tg := range tags(t, h, "div") {
		_, on := tg.attrs["data-roving"]
		roving = roving || tg.attrs["class"] == "story-body" && on
	}
	if !roving || !strings.Contains(h, html) {
		t.Errorf("ArticleView does not hold the article unchanged in its roving story body: %s", h)
	}
}

func TestSwatchesDistinct(t *testing.T) {
	seen := map[string]int{}
	for slot, s := range Palette {
		if prev, ok := seen[s.Background]; ok {
			t.Errorf("slots %d and %d share the colour %s", prev, slot, s.Background)
		}
		seen[s.Background] = slot
	}
}

func TestFreeSlotIsNoEntity(t *testing.T) {
	s := Selection{}.With("a").With("b").Without("a")
	if got := s.Slot(""); got != -1 {
		t.Errorf("Slot(\"\") = %d, want -1", got)
	}
	if s.Has("") {
		t.Error(`Has("") = true, want false`)
	}
}
