package catalog

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// doc joins lines into a YAML document, so that line n of the document is the nth argument.
func doc(lines ...string) string {
	return strings.Join(lines, "\n") + "\n"
}

// albania is a valid entity, lines 1 to 4 of any document it opens.
var albania = []string{
	"- id: al",
	"  name: Albania",
	"  kind: country",
	"  demonyms: [Albanian]",
}

// withAlbania returns a document whose first four lines are albania and whose later lines are lines.
func withAlbania(lines ...string) string {
	return doc(append(append([]string{}, albania...), lines...)...)
}

const fields = "id, name, kind, aliases, demonyms, places, role, country, source"

var parseErrorTests = []struct {
	name string
	in   string
	want string
}{
	{
		"yaml syntax error",
		withAlbania("- id: rama", "  name: [Edi Rama", "  kind: person"),
		`entities.yaml:6: YAML syntax: did not find expected ',' or ']'`,
	},
	{
		"tab indentation",
		withAlbania("- id: edi-rama", "\tname: Edi Rama"),
		`entities.yaml:6: YAML syntax: found a tab character that violates indentation`,
	},
	{
		"list left open at the end of the file",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  aliases: [Rama,"),
		`entities.yaml:8: YAML syntax: did not find expected node content`,
	},
	{
		"field outside an entity",
		withAlbania("kind: person"),
		`entities.yaml:5: YAML syntax: did not find expected '-' indicator`,
	},
	{
		"unknown anchor",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  aliases: *rama"),
		`entities.yaml:8:12: YAML syntax: unknown anchor 'rama' referenced`,
	},
	{
		"empty file",
		"# nothing yet\n",
		`entities.yaml:1: empty catalogue (want a list of entities)`,
	},
	{
		"empty document",
		"# nothing yet\n---",
		`entities.yaml:1: empty catalogue (want a list of entities)`,
	},
	{
		"second document",
		withAlbania("---", "- id: il"),
		`entities.yaml:5:1: second YAML document (want one list of entities)`,
	},
	{
		"top level is a mapping",
		doc("al:", "  name: Albania", "  kind: country"),
		`entities.yaml:1:1: top level is a mapping (want a list of entities)`,
	},
	{
		"entity is a string",
		withAlbania("- il"),
		`entities.yaml:5:3: entity is a string (want a mapping of fields)`,
	},
	{
		"unknown field",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  alias: [Rama]"),
		`entities.yaml:8:3: unknown field "alias" (want one of ` + fields + `)`,
	},
	{
		"repeated field",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  name: Rama"),
		`entities.yaml:8:3: field "name" repeated (first at line 6)`,
	},
	{
		"aliases is a string",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  aliases: Rama"),
		`entities.yaml:8:12: aliases is a string (want a list of strings)`,
	},
	{
		"name is a list",
		withAlbania("- id: edi-rama", "  name: [Edi Rama]", "  kind: person"),
		`entities.yaml:6:9: name is a list (want a string)`,
	},
	{
		"role is a mapping",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  role: {title: Prime Minister}"),
		`entities.yaml:8:9: role is a mapping (want a string)`,
	},
	{
		"demonym is a list",
		withAlbania("- id: il", "  name: Israel", "  kind: country", "  demonyms: [Israeli, [Israeli Arab]]"),
		`entities.yaml:8:23: demonyms item is a list (want a string)`,
	},
	{
		"missing id",
		withAlbania("- name: Edi Rama", "  kind: person"),
		`entities.yaml:5:3: entity has no id`,
	},
	{
		"empty id",
		withAlbania("- id: ''", "  name: Edi Rama", "  kind: person"),
		`entities.yaml:5:7: empty id`,
	},
	{
		"missing name",
		withAlbania("- id: edi-rama", "  kind: person"),
		`entities.yaml:5:3: entity has no name`,
	},
	{
		"empty name",
		withAlbania("- id: edi-rama", "  name:", "  kind: person"),
		`entities.yaml:6:8: empty name`,
	},
	{
		"blank name",
		withAlbania("- id: edi-rama", "  name: '   '", "  kind: person"),
		`entities.yaml:6:9: empty name`,
	},
	{
		"missing kind",
		withAlbania("- id: edi-rama", "  name: Edi Rama"),
		`entities.yaml:5:3: entity has no kind`,
	},
	{
		"unknown kind",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: politician"),
		`entities.yaml:7:9: unknown kind "politician" (want one of person, organisation, country, place)`,
	},
	{
		"id with capitals",
		withAlbania("- id: Edi-Rama", "  name: Edi Rama", "  kind: person"),
		`entities.yaml:5:7: id "Edi-Rama" is not a lowercase slug (want words of a-z and 0-9 joined by single hyphens, like "edi-rama")`,
	},
	{
		"id with a space",
		withAlbania("- id: edi rama", "  name: Edi Rama", "  kind: person"),
		`entities.yaml:5:7: id "edi rama" is not a lowercase slug (want words of a-z and 0-9 joined by single hyphens, like "edi-rama")`,
	},
	{
		"id with a double hyphen",
		withAlbania("- id: edi--rama", "  name: Edi Rama", "  kind: person"),
		`entities.yaml:5:7: id "edi--rama" is not a lowercase slug (want words of a-z and 0-9 joined by single hyphens, like "edi-rama")`,
	},
	{
		"id that would break out of a selector",
		withAlbania(`- id: 'x"]{}'`, "  name: X", "  kind: place"),
		`entities.yaml:5:7: id "x\"]{}" is not a lowercase slug (want words of a-z and 0-9 joined by single hyphens, like "edi-rama")`,
	},
	{
		"duplicate id",
		withAlbania("- id: al", "  name: Alabama", "  kind: place"),
		`entities.yaml:5:7: duplicate id "al" (first at line 1)`,
	},
	{
		"alias taken by another entity",
		withAlbania("- id: mk", "  name: North Macedonia", "  kind: country", "  aliases: [Macedonia, Albania]"),
		`entities.yaml:8:24: alias "Albania" already belongs to entity "al" (line 2)`,
	},
	{
		"demonym taken by another entity",
		withAlbania("- id: kosovo", "  name: Kosovo", "  kind: country", "  demonyms: [Kosovar, Albanian]"),
		`entities.yaml:8:23: demonym "Albanian" already belongs to entity "al" (line 4)`,
	},
	{
		"name taken by another entity",
		withAlbania("- id: albania", "  name: Albania", "  kind: place"),
		`entities.yaml:6:9: name "Albania" already belongs to entity "al" (line 2)`,
	},
	{
		"place taken with the other apostrophe",
		doc(
			"- id: mek",
			"  name: MEK",
			"  kind: organisation",
			"  aliases: [People’s Mujahideen of Iran]",
			"- id: ir",
			"  name: Iran",
			"  kind: country",
			"  places: [\"People's  Mujahideen of Iran\"]",
		),
		`entities.yaml:8:12: place "People's  Mujahideen of Iran" already belongs to entity "mek" (line 4)`,
	},
	{
		"empty alias",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  aliases: [Rama, '']"),
		`entities.yaml:8:19: empty alias`,
	},
	{
		"null place",
		withAlbania("- id: il", "  name: Israel", "  kind: country", "  places:", "    -"),
		`entities.yaml:9:6: empty place`,
	},
	{
		"punctuation-only demonym",
		withAlbania("- id: il", "  name: Israel", "  kind: country", "  demonyms: [Israeli, —]"),
		`entities.yaml:8:23: demonym "—" has no letter or digit`,
	},
	{
		"country names no entity",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  country: alb"),
		`entities.yaml:8:12: country "alb" names no entity`,
	},
	{
		"country names a person",
		withAlbania(
			"- id: edi-rama", "  name: Edi Rama", "  kind: person",
			"- id: sali-berisha", "  name: Sali Berisha", "  kind: person", "  country: edi-rama",
		),
		`entities.yaml:11:12: country "edi-rama" is a person (line 5), not a country`,
	},
	{
		"country names an organisation",
		withAlbania(
			"- id: mek", "  name: MEK", "  kind: organisation",
			"- id: maryam-rajavi", "  name: Maryam Rajavi", "  kind: person", "  country: mek",
		),
		`entities.yaml:11:12: country "mek" is an organisation (line 5), not a country`,
	},
	{
		"empty country",
		withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  country: ' '"),
		`entities.yaml:8:12: empty country (want the id of a country entity, or no country field)`,
	},
	{
		"invalid UTF-8",
		withAlbania("- id: edi-rama", "  name: Edi R\xe0ma", "  kind: person"),
		`entities.yaml:6:14: invalid UTF-8`,
	},
	{
		"control character",
		withAlbania("- id: edi-rama", "  name: Edi\aRama", "  kind: person"),
		`entities.yaml:6:12: control character U+0007 not allowed`,
	},
	{
		"line separator",
		withAlbania("- id: edi-rama", "  name: Edi\u2028Rama", "  kind: person"),
		`entities.yaml:6:12: line separator U+2028 not allowed (want a plain line break)`,
	},
	{
		"next line character",
		withAlbania("- id: edi-rama", "  name: Edi Rama\u0085", "  kind: person"),
		`entities.yaml:6:17: line separator U+0085 not allowed (want a plain line break)`,
	},
	{
		"lone CR line ends count as lines",
		strings.ReplaceAll(withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: politician"), "\n", "\r"),
		`entities.yaml:7:9: unknown kind "politician" (want one of person, organisation, country, place)`,
	},
	{
		"several problems in file order",
		doc(
			"- id: edi-rama",
			"  name: Edi Rama",
			"  kind: person",
			"  country: al",
			"- id: al",
			"  name: Albania",
			"  kind: nation",
			"  demonyms: Albanian",
			"- id: edi-rama",
			"  name: Edi Rama",
		),
		strings.Join([]string{
			`entities.yaml:4:12: country "al" is a nation (line 5), not a country`,
			`entities.yaml:7:9: unknown kind "nation" (want one of person, organisation, country, place)`,
			`entities.yaml:8:13: demonyms is a string (want a list of strings)`,
			`entities.yaml:9:3: entity has no kind`,
			`entities.yaml:9:7: duplicate id "edi-rama" (first at line 1)`,
			`entities.yaml:10:9: name "Edi Rama" already belongs to entity "edi-rama" (line 2)`,
		}, "\n"),
	},
}

func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrorTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse("entities.yaml", []byte(tt.in))
			if err == nil {
				t.Fatalf("Parse(%q) = %v, nil; want error %q", tt.in, got, tt.want)
			}
			if got != nil {
				t.Errorf("Parse(%q) returned %d entities with its error, want none", tt.in, len(got))
			}
			if err.Error() != tt.want {
				t.Errorf("Parse(%q) error =\n%s\nwant\n%s", tt.in, err, tt.want)
			}
			for _, e := range unjoin(err) {
				var ce *Error
				if !errors.As(e, &ce) || ce != e {
					t.Errorf("Parse(%q) error %q is a %T, want *catalog.Error", tt.in, e, e)
				} else if ce.Line == 0 {
					t.Errorf("Parse(%q) error %q has no line", tt.in, e)
				}
			}
		})
	}
}

// unjoin returns the errors joined in err, or err alone.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestParse(t *testing.T) {
	in := "\ufeff" + strings.ReplaceAll(doc(
		"# The cast.",
		"- id: edi-rama",
		"  name: '  Edi Rama '",
		"  kind: person",
		"  aliases: [Rama, Edi Rama, Rama, ' Edi ']",
		"  role: Prime Minister of Albania",
		"  country: al",
		"- id: al",
		"  name: Albania",
		"  kind: country",
		"  aliases:",
		"  demonyms: [Albanian]",
		"  places: [Tirana]",
		"- id: mek",
		"  name: MEK",
		"  kind: organisation",
		"  aliases: [People’s Mujahideen of Iran, People's Mujahideen of Iran]",
		"- id: camp-ashraf-3",
		"  name: Camp Ashraf-3",
		"  kind: place",
		"  country: al",
		"- id: bg",
		"  name: Bulgaria",
		"  kind: country",
		"  role: &balkan Balkan country",
		"- id: ro",
		"  name: Romania",
		"  kind: country",
		"  role: *balkan",
	), "\n", "\r\n")
	want := []model.Entity{
		{
			ID: "edi-rama", Name: "Edi Rama", Kind: model.Person,
			Aliases: []string{"Rama", "Edi"}, Role: "Prime Minister of Albania", Country: "al",
		},
		{
			ID: "al", Name: "Albania", Kind: model.Country,
			Demonyms: []string{"Albanian"}, Places: []string{"Tirana"},
		},
		{
			ID: "mek", Name: "MEK", Kind: model.Organisation,
			Aliases: []string{"People’s Mujahideen of Iran"},
		},
		{ID: "camp-ashraf-3", Name: "Camp Ashraf-3", Kind: model.Place, Country: "al"},
		{ID: "bg", Name: "Bulgaria", Kind: model.Country, Role: "Balkan country"},
		{ID: "ro", Name: "Romania", Kind: model.Country, Role: "Balkan country"},
	}
	got, err := Parse("entities.yaml", []byte(in))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", got, want)
	}
}

func TestErrorString(t *testing.T) {
	tests := []struct {
		name string
		err  Error
		want string
	}{
		{"line and column", Error{"entities.yaml", 12, 3, "unknown field"}, "entities.yaml:12:3: unknown field"},
		{"line only", Error{"entities.yaml", 12, 0, "YAML syntax"}, "entities.yaml:12: YAML syntax"},
		{"no position", Error{"entities.yaml", 0, 0, "YAML syntax"}, "entities.yaml: YAML syntax"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("%#v.Error() = %q, want %q", tt.err, got, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"good.yaml": {Data: []byte(doc(albania...))},
		"bad.yaml":  {Data: []byte(doc("- id: al", "  kind: country"))},
	}
	got, err := Load(fsys, "good.yaml")
	if err != nil || len(got) != 1 || got[0].ID != "al" {
		t.Errorf("Load(good.yaml) = %v, %v; want the one entity al", got, err)
	}
	want := "bad.yaml:1:3: entity has no name"
	if _, err := Load(fsys, "bad.yaml"); err == nil || err.Error() != want {
		t.Errorf("Load(bad.yaml) error = %v, want %q", err, want)
	}
	if _, err := Load(fsys, "missing.yaml"); err == nil {
		t.Errorf("Load(missing.yaml) error = nil, want one")
	}
}

// TestBundledCatalogue checks the catalogue shipped in package content.
func TestBundledCatalogue(t *testing.T) {
	entities, err := Load(content.FS, content.CatalogueFile)
	if err != nil {
		t.Fatalf("Load(content.FS, %q): %v", content.CatalogueFile, err)
	}
	if n := len(entities); n < 60 || n > 90 {
		t.Errorf("bundled catalogue has %d entities, want between 60 and 90", n)
	}
	byID := map[string]model.Entity{}
	kinds := map[model.Kind]int{}
	for _, e := range entities {
		byID[e.ID] = e
		kinds[e.Kind]++
		if e.Role == "" {
			t.Errorf("entity %q has no role", e.ID)
		}
	}
	for _, e := range entities {
		if e.Country == "" {
			continue
		}
		if c, ok := byID[e.Country]; !ok || c.Kind != model.Country {
			t.Errorf("entity %q: country %q does not resolve to a country entity", e.ID, e.Country)
		}
	}
	for _, k := range model.Kinds {
		if kinds[k] == 0 {
			t.Errorf("bundled catalogue has no entity of kind %s", k)
		}
	}
}
