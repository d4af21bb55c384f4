package annotate

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/dramatis/dramatis/app/model"
)

// testCast is a small catalogue shaped like the bundled one.
var testCast = []model.Entity{
	{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}},
	{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}, Places: []string{"Tirana"}},
	{ID: "il", Name: "Israel", Kind: model.Country, Demonyms: []string{"Israeli", "Israeli Arabs"}},
	{ID: "us", Name: "United States", Kind: model.Country, Aliases: []string{"U.S."}, Demonyms: []string{"American"}, Places: []string{"Washington"}},
	{ID: "ir", Name: "Iran", Kind: model.Country, Demonyms: []string{"Iranian"}, Places: []string{"Tehran"}},
	{ID: "ru", Name: "Russia", Kind: model.Country, Demonyms: []string{"Russian"}},
	{ID: "rs", Name: "Serbia", Kind: model.Country, Demonyms: []string{"Serb", "Serbian"}},
	{ID: "ba", Name: "Bosnia and Herzegovina", Kind: model.Country, Aliases: []string{"Bosnia"}, Demonyms: []string{"Bosnian", "Bosnian Serb"}},
	{ID: "mek", Name: "MEK", Kind: model.Organisation, Aliases: []string{"People’s Mujahideen of Iran"}},
	{ID: "guantanamo-bay", Name: "Guantánamo Bay", Kind: model.Place},
	{ID: "af", Name: "Afghanistan", Kind: model.Country, Demonyms: []string{"Afghan"}},
}

func convert(t testing.TB, src string) (string, *Result) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	pc := parser.NewContext()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf, parser.WithContext(pc)); err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return buf.String(), Get(pc)
}

func mark(id, form, text string) string {
	return `<mark class="mention e-` + id + `" data-entity="` + id + `" data-form="` + form + `">` + text + `</mark>`
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"possessive curly", "Rama’s visit", mark("edi-rama", "alias", "Rama") + "’s visit"},
		{"possessive straight", "Israel's agency", mark("il", "name", "Israel") + "'s agency"},
		{"demonym plural", "Albanians agree", mark("al", "demonym", "Albanians") + " agree"},
		{"compound U.S.-Israeli", "a U.S.-Israeli deal", "a " + mark("us", "alias", "U.S.") + "-" + mark("il", "demonym", "Israeli") + " deal"},
		{"compound American-Israeli", "an American-Israeli campaign", "an " + mark("us", "demonym", "American") + "-" + mark("il", "demonym", "Israeli") + " campaign"},
		{"prefix pro-", "the pro-Russian leader", "the pro-" + mark("ru", "demonym", "Russian") + " leader"},
		{"longest alias nests nothing", "the People’s Mujahideen of Iran, or", "the " + mark("mek", "alias", "People’s Mujahideen of Iran") + ", or"},
		{"straight apostrophe in name", "People's Mujahideen of Iran", mark("mek", "alias", "People's Mujahideen of Iran")},
		{"Bosnian Serb is Bosnian", "the Bosnian Serb hard-liner", "the " + mark("ba", "demonym", "Bosnian Serb") + " hard-liner"},
		{"Israeli Arabs is Israel", "Israeli Arabs visiting Bosnia", mark("il", "demonym", "Israeli Arabs") + " visiting " + mark("ba", "alias", "Bosnia")},
		{"no match inside a longer word", "Iranian diplomats", mark("ir", "demonym", "Iranian") + " diplomats"},
		{"no match as a prefix", "Iranistan and Ramadan", "Iranistan and Ramadan"},
		{"no match as a suffix", "Pirana and Dramatis", "Pirana and Dramatis"},
		{"unicode boundary", "at Guantánamo Bay who", "at " + mark("guantanamo-bay", "name", "Guantánamo Bay") + " who"},
		{"unicode letter before", "éIran", "éIran"},
		{"plural given", "4,000 Afghans (mostly", "4,000 " + mark("af", "demonym", "Afghans") + " (mostly"},
		{"place of a country", "in Tirana and Tehran", "in " + mark("al", "place", "Tirana") + " and " + mark("ir", "place", "Tehran")},
		{"soft line break", "Prime Minister Edi\nRama paid", "Prime Minister " + mark("edi-rama", "name", "Edi\nRama") + " paid"},
		{"emphasis", "*Edi Rama* spoke", "<em>" + mark("edi-rama", "name", "Edi Rama") + "</em> spoke"},
		{"link text", "[Israel](/il) and", `<a href="/il">` + mark("il", "name", "Israel") + "</a> and"},
		{"code span", "`Israel` and Iran", "<code>Israel</code> and " + mark("ir", "name", "Iran")},
		{"split by emphasis is no mention", "Edi *Rama*", "Edi <em>" + mark("edi-rama", "alias", "Rama") + "</em>"},
		{"raw html omitted", "<b>Israel</b> x", "<!-- raw HTML omitted -->" + mark("il", "name", "Israel") + "<!-- raw HTML omitted --> x"},
		{"case sensitive", "israel and ISRAEL", "israel and ISRAEL"},
		{"escaped text kept", `Israel \*and\* Iran`, mark("il", "name", "Israel") + " *and* " + mark("ir", "name", "Iran")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := convert(t, tt.in)
			got = strings.TrimSuffix(strings.TrimPrefix(got, `<p data-p="0">`), "</p>\n")
			if got != tt.want {
				t.Errorf("annotate(%q) =\n  %q\nwant\n  %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNoMentionsInCode(t *testing.T) {
	src := "```\nIsrael and Iran\n```\n\n    Edi Rama indented\n\n<div>Israel</div>\n"
	got, res := convert(t, src)
	if strings.Contains(got, "<mark") {
		t.Errorf("code or raw HTML annotated:\n%s", got)
	}
	if len(res.Mentions) != 0 {
		t.Errorf("got %d mentions in code, want 0", len(res.Mentions))
	}
}

func TestResult(t *testing.T) {
	src := "Edi Rama met the U.S. envoy. Then Rama left for Israel.\n\n# Israel’s view\n\nTehran rejected it."
	_, res := convert(t, src)
	type m struct {
		entity, text, sentence string
		p                      int
	}
	want := []m{
		{"edi-rama", "Edi Rama", "Edi Rama met the U.S. envoy.", 0},
		{"us", "U.S.", "Edi Rama met the U.S. envoy.", 0},
		{"edi-rama", "Rama", "Then Rama left for Israel.", 0},
		{"il", "Israel", "Then Rama left for Israel.", 0},
		{"il", "Israel", "Israel’s view", 1},
		{"ir", "Tehran", "Tehran rejected it.", 2},
	}
	if len(res.Mentions) != len(want) {
		t.Fatalf("got %d mentions %+v, want %d", len(res.Mentions), res.Mentions, len(want))
	}
	for i, w := range want {
		g := res.Mentions[i]
		got := m{g.Entity, g.Text, res.Sentences[g.Sentence], g.Paragraph}
		if got != w {
			t.Errorf("mention %d = %+v, want %+v", i, got, w)
		}
	}
}

func TestMentionAcrossLineFoldsSpace(t *testing.T) {
	_, res := convert(t, "Prime Minister Edi\nRama paid")
	if len(res.Mentions) != 1 || res.Mentions[0].Text != "Edi Rama" {
		t.Fatalf("mentions = %+v, want one \"Edi Rama\"", res.Mentions)
	}
}

func TestMentionAtLineEndKeepsNewlineOutside(t *testing.T) {
	got, _ := convert(t, "after Albanians\ncomplained")
	want := mark("al", "demonym", "Albanians") + "\ncomplained"
	if !strings.Contains(got, want) {
		t.Errorf("got %q, want it to contain %q", got, want)
	}
}

// TestCharacterClasses checks isWord and isSpace, which answer without unicode's tables where they
// can, against unicode for every character.
func TestCharacterClasses(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isWord(r), unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r); got != want {
			t.Errorf("isWord(%U) = %v, want %v", r, got, want)
		}
		if got, want := isSpace(r), unicode.IsSpace(r); got != want {
			t.Errorf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
}
