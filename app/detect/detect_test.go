package detect

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
)

// cast detects the cast of a body with no head, by ID and by name.
func cast(t *testing.T, body string) (byID, byName map[string]model.Entity) {
	t.Helper()
	byID, byName = map[string]model.Entity{}, map[string]model.Entity{}
	for _, e := range Detect(model.Meta{}, []byte(body)) {
		if !e.Auto() {
			t.Errorf("%s is not marked auto", e.ID)
		}
		byID[e.ID] = e
		byName[e.Name] = e
	}
	return byID, byName
}

func TestCountries(t *testing.T) {
	byID, _ := cast(t, "The talks in Geneva brought together envoys from the U.S. and Britain. "+
		"Albanians marched on Sunday, and Tirana said it would not yield. America and the Netherlands "+
		"sent observers, while Iranian officials stayed away.\n")
	want := map[string]struct {
		name           string
		aliases, dem   []string
		places         []string
		kind           model.Kind
		noAlias, noDem string
	}{
		"us": {name: "United States", aliases: []string{"U.S.", "America"}, kind: model.Country},
		"gb": {name: "United Kingdom", aliases: []string{"Britain"}, kind: model.Country},
		"al": {name: "Albania", dem: []string{"Albanian"}, places: []string{"Tirana"}, kind: model.Country},
		"nl": {name: "Netherlands", kind: model.Country},
		"ir": {name: "Iran", dem: []string{"Iranian"}, kind: model.Country},
	}
	for id, w := range want {
		e, ok := byID[id]
		if !ok {
			t.Errorf("no %s (%s) in the cast %v", id, w.name, byID)
			continue
		}
		if e.Name != w.name || e.Kind != w.kind {
			t.Errorf("%s is %q, %s; want %q, %s", id, e.Name, e.Kind, w.name, w.kind)
		}
		for _, a := range w.aliases {
			if !slices.Contains(e.Aliases, a) {
				t.Errorf("%s aliases %q, want %q among them", id, e.Aliases, a)
			}
		}
		if !slices.Equal(e.Demonyms, w.dem) || !slices.Equal(e.Places, w.places) {
			t.Errorf("%s demonyms %q places %q, want %q and %q", id, e.Demonyms, e.Places, w.dem, w.places)
		}
	}
}

func TestPeople(t *testing.T) {
	byID, byName := cast(t, "Prime Minister Edi Rama met U.S. Secretary of State Mike Pompeo in Tirana on "+
		"Monday. Rama said the talks had gone well, and Pompeo agreed.\n\n"+
		"John Smith, a lawyer for the family, and Anna Smith, a nurse from Leeds, were not related. "+
		"Smith declined to comment.\n")
	rama, ok := byName["Edi Rama"]
	if !ok {
		t.Fatalf("no Edi Rama in %v", byName)
	}
	if !slices.Equal(rama.Aliases, []string{"Rama"}) || rama.Kind != model.Person {
		t.Errorf("Edi Rama: %+v, want a person with the alias Rama", rama)
	}
	if pompeo := byName["Mike Pompeo"]; !slices.Contains(pompeo.Aliases, "Pompeo") {
		t.Errorf("Mike Pompeo: %+v, want the alias Pompeo", pompeo)
	}
	for _, title := range []string{"Prime Minister Edi Rama", "Secretary of State Mike Pompeo", "Prime", "Minister"} {
		if _, ok := byName[title]; ok {
			t.Errorf("a title is part of a name: %q", title)
		}
	}
	// Two people share a surname: neither takes it.
	for _, n := range []string{"John Smith", "Anna Smith"} {
		e, ok := byName[n]
		if !ok {
			t.Errorf("no %s in %v", n, byName)
		}
		if slices.Contains(e.Aliases, "Smith") {
			t.Errorf("%s took the surname Smith, which two people share", n)
		}
	}
	if _, ok := byName["Smith"]; ok {
		t.Error("the shared surname Smith became an entity of its own")
	}
	if _, ok := byID["edi-rama"]; !ok {
		t.Errorf("Edi Rama's ID is not edi-rama: %v", byID)
	}
}

func TestOrganisationsAndRoles(t *testing.T) {
	_, byName := cast(t, "Iran rejected the report. Iranian Foreign Ministry spokesperson Nasser Kanaani "+
		"said the People's Mujahedeen Organization of Iran (MEK) had staged the attacks. The MEK denied it.\n\n"+
		"Jane Doe, chief executive of Acme Corp, said the deal would close in June. Acme shares rose.\n")
	ministry, ok := byName["Iranian Foreign Ministry"]
	if !ok || ministry.Kind != model.Organisation || ministry.Country != "ir" {
		t.Errorf("the ministry: %+v (found %v), want an organisation of ir", ministry, ok)
	}
	if got := byName["Nasser Kanaani"].Role; got != "spokesperson of the Iranian Foreign Ministry" {
		t.Errorf("Nasser Kanaani's role is %q", got)
	}
	var mek model.Entity
	for _, e := range byName {
		if slices.Contains(e.Aliases, "MEK") {
			mek = e
		}
	}
	if mek.Kind != model.Organisation || !strings.Contains(mek.Name, "Mujahedeen") {
		t.Errorf("the acronym MEK belongs to %+v, want the organisation it stands for", mek)
	}
	if got := byName["Jane Doe"].Role; got != "chief executive of Acme Corp" {
		t.Errorf("Jane Doe's role is %q, want the apposition", got)
	}
	if acme := byName["Acme Corp"]; acme.Kind != model.Organisation || !slices.Contains(acme.Aliases, "Acme") {
		t.Errorf("Acme Corp: %+v, want an organisation with the short name Acme", acme)
	}
}

// The head counts: a name only the headline holds is in the cast.
func TestHead(t *testing.T) {
	got := Detect(model.Meta{Title: "Kosovo and Serbia resume talks", Dateline: "BRUSSELS"}, []byte("The talks went on.\n"))
	var ids []string
	for _, e := range got {
		ids = append(ids, e.ID)
	}
	for _, id := range []string{"xk", "rs"} {
		if !slices.Contains(ids, id) {
			t.Errorf("the cast %v lacks %s, named in the headline", ids, id)
		}
	}
}

// What Detect proposes is a valid catalogue: formatted and parsed back, it is the same cast.
func TestCatalogueValid(t *testing.T) {
	body := []byte("Albania and the U.S. signed a deal. Prime Minister Edi Rama and President Joe Biden " +
		"met in Washington. Rama thanked Biden, and the European Union (EU) welcomed it. The EU said " +
		"Albanians would benefit. Tirana and Washington agreed.\n")
	got := Detect(model.Meta{Title: "Albania signs"}, body)
	parsed, err := catalog.Parse("entities.yaml", catalog.Format(got, ""))
	if err != nil {
		t.Fatalf("the detected cast is not a valid catalogue: %v\n%s", err, catalog.Format(got, ""))
	}
	if len(parsed) != len(got) {
		t.Errorf("%d entities parse back from %d", len(parsed), len(got))
	}
}

// Text with no name, or no text, gives an empty cast.
func TestNothingToFind(t *testing.T) {
	for _, body := range []string{"", "\n\n", "the quick brown fox jumps over the lazy dog.\n", "```\nAlbania\n```\n", "<div>Albania</div>\n"} {
		if got := Detect(model.Meta{}, []byte(body)); len(got) != 0 {
			t.Errorf("Detect(%q) = %v, want nothing", body, got)
		}
	}
}

// capitalisedText returns n capitalised words, random names in sentences, in a text whose size grows
// with n.
func capitalisedText(n int, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 1))
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, "%c%s", 'A'+rune(rng.IntN(26)), strings.Repeat(string(rune('a'+rng.IntN(26))), 1+rng.IntN(6)))
		switch {
		case i%12 == 11:
			b.WriteString(".\n\n")
		case i%5 == 4:
			b.WriteString(" said ")
		default:
			b.WriteByte(' ')
		}
	}
	return b.Bytes()
}

// The work grows linearly with the text, also for a text of nothing but capitalised words.
func TestLinear(t *testing.T) {
	perByte := func(n int) float64 {
		body := capitalisedText(n, 7)
		_, steps := detect(model.Meta{}, body)
		return float64(steps) / float64(len(body))
	}
	small, large := perByte(1000), perByte(20000)
	t.Logf("steps per byte: %.2f at 1,000 capitalised words, %.2f at 20,000", small, large)
	if large > 2*small {
		t.Errorf("steps per byte grow from %.2f to %.2f with 20 times the text: not linear", small, large)
	}
}

func FuzzDetect(f *testing.F) {
	f.Add([]byte("Prime Minister Edi Rama of Albania met the MEK (Mujahedeen-e-Khalq) in Tirana.\n"))
	f.Add([]byte("U.S. and U.K. officials (FTC) said \\*Acme\\* Corp's CEO Jane Doe, a lawyer,"))
	f.Add([]byte{0xff, 0x00, 'A', 'B', '(', 'C', ')'})
	f.Fuzz(func(t *testing.T, body []byte) {
		got := Detect(model.Meta{Title: string(body)}, body)
		if _, err := catalog.Parse("entities.yaml", catalog.Format(got, "")); err != nil && len(got) > 0 {
			t.Fatalf("the detected cast is not a valid catalogue: %v", err)
		}
	})
}
