package catalog

import (
	"reflect"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/model"
)

// Format's output parses back to the same entities, strings that YAML would read as other types
// included, and marks automatic entries.
func TestFormatRoundTrip(t *testing.T) {
	in := []model.Entity{
		{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}, Places: []string{"Tirana"}, Source: model.SourceAuto},
		{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}, Role: "Prime Minister of Albania", Country: "al"},
		{ID: "no", Name: "No", Kind: model.Place, Aliases: []string{"yes", "1.5", "null", "a: b", "#x", "[y]"}, Source: model.SourceAuto},
		{ID: "kanaani", Name: "Nasser Kana’ani", Kind: model.Person, Role: `says "hi"`},
	}
	out := Format(in, "Proposed by detection.\nReview each entry.")
	got, err := Parse("entities.yaml", out)
	if err != nil {
		t.Fatalf("Parse(Format(...)): %v\n%s", err, out)
	}
	if !reflect.DeepEqual(got, in) {
		t.Errorf("round trip:\n got %+v\nwant %+v\n%s", got, in, out)
	}
	if n := strings.Count(string(out), "source: auto"); n != 2 {
		t.Errorf("%d entries marked source: auto, want 2:\n%s", n, out)
	}
	if !strings.HasPrefix(string(out), "# Proposed by detection.\n# Review each entry.\n") {
		t.Errorf("the header is not a comment at the top:\n%s", out)
	}
}

func TestSourceField(t *testing.T) {
	_, err := Parse("entities.yaml", []byte("- id: a\n  name: A\n  kind: place\n  source: robot\n"))
	if err == nil || !strings.Contains(err.Error(), `entities.yaml:4:`) || !strings.Contains(err.Error(), `unknown source "robot"`) {
		t.Errorf("an unknown source gives %v, want an error at line 4", err)
	}
	got, err := Parse("entities.yaml", []byte("- id: a\n  name: A\n  kind: place\n  source: curated\n"))
	if err != nil || got[0].Auto() || got[0].Source != "" {
		t.Errorf("source: curated gives %+v, %v; want a curated entry", got, err)
	}
}
