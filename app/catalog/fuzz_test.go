package catalog

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/content"
)

// FuzzParse parses arbitrary catalogues and checks that:
//   - nothing panics;
//   - Parse returns entities or an error, never both;
//   - every error is a *Error naming the file, with a line within it (or none);
//   - the entities it accepts obey every rule the loader enforces: slug ids, distinct ids, a name and
//     a valid kind, no empty or repeated name across entities, countries that resolve to countries,
//     and a line for each;
//   - a byte order mark and CRLF line ends change nothing.
func FuzzParse(f *testing.F) {
	for _, tt := range parseErrorTests {
		f.Add([]byte(tt.in))
	}
	f.Add([]byte(withAlbania("- id: edi-rama", "  name: Edi Rama", "  kind: person", "  aliases: [Rama]", "  country: al")))
	f.Add([]byte(doc("- &e {id: a, name: A, kind: place}", "- *e", "- {id: b, name: B, kind: place, role: *e}")))
	if data, err := content.FS.ReadFile(content.CatalogueFile); err == nil {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entities, lines, err := ParseWithLines("entities.yaml", data)
		if err != nil {
			if entities != nil || lines != nil {
				t.Fatalf("Parse returned %d entities and %d lines with the error %v", len(entities), len(lines), err)
			}
			checkErrors(t, data, err)
		} else {
			checkEntities(t, data, entities, lines)
		}
		if len(data) > 0 && !bytes.HasPrefix(data, []byte(bom)) && !bytes.ContainsRune(data, '\r') {
			crlf := append([]byte(bom), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
			entities2, lines2, err2 := ParseWithLines("entities.yaml", crlf)
			if !reflect.DeepEqual(entities, entities2) || !reflect.DeepEqual(lines, lines2) || errString(err) != errString(err2) {
				t.Fatalf("with a byte order mark and CRLF line ends Parse gives\n%v, %v\nwant\n%v, %v", entities2, err2, entities, err)
			}
		}
	})
}

// lineCount returns the number of lines in data, ended by LF, CRLF or CR.
func lineCount(data []byte) int {
	return bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n")) +
		bytes.Count(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\r")) + 1
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// checkErrors checks that err is one or more *Error, each with a position inside data.
func checkErrors(t *testing.T, data []byte, err error) {
	t.Helper()
	lines := lineCount(data)
	for _, e := range unjoin(err) {
		var ce *Error
		if !errors.As(e, &ce) || ce != e {
			t.Fatalf("error %q is a %T, want *catalog.Error", e, e)
		}
		if ce.File != "entities.yaml" || ce.Msg == "" {
			t.Fatalf("error %#v lacks its file or message", ce)
		}
		if ce.Line < 0 || ce.Line > lines || ce.Column < 0 || (ce.Line == 0 && ce.Column != 0) {
			t.Fatalf("error %q is at line %d, column %d of a catalogue of %d lines", ce, ce.Line, ce.Column, lines)
		}
		if !strings.HasPrefix(ce.Error(), "entities.yaml:") {
			t.Fatalf("error %q does not start with the file name", ce)
		}
	}
}

// checkEntities checks that accepted entities obey the catalogue's rules.
func checkEntities(t *testing.T, data []byte, entities []model.Entity, lines map[string]int) {
	t.Helper()
	if len(lines) != len(entities) {
		t.Fatalf("%d entities but %d lines", len(entities), len(lines))
	}
	total := lineCount(data)
	byID := map[string]model.Entity{}
	owner := map[string]string{}
	for _, e := range entities {
		if !slugPattern.MatchString(e.ID) {
			t.Fatalf("accepted the id %q", e.ID)
		}
		if _, dup := byID[e.ID]; dup {
			t.Fatalf("accepted the id %q twice", e.ID)
		}
		byID[e.ID] = e
		if l := lines[e.ID]; l < 1 || l > total {
			t.Fatalf("entity %q is at line %d of %d", e.ID, l, total)
		}
		if !e.Kind.Valid() {
			t.Fatalf("entity %q has the kind %q", e.ID, e.Kind)
		}
		names := append(append(append([]string{e.Name}, e.Aliases...), e.Demonyms...), e.Places...)
		for _, s := range names {
			if s != strings.TrimSpace(s) || !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				t.Fatalf("entity %q has the name %q", e.ID, s)
			}
			k := matchKey(s)
			if other, ok := owner[k]; ok {
				t.Fatalf("%q belongs to %q and to %q", s, other, e.ID)
			}
			owner[k] = e.ID
		}
	}
	for _, e := range entities {
		if e.Country == "" {
			continue
		}
		if c, ok := byID[e.Country]; !ok || c.Kind != model.Country {
			t.Fatalf("entity %q has the country %q, which is no country entity", e.ID, e.Country)
		}
	}
}

func TestParseWithLines(t *testing.T) {
	in := "\ufeff# The cast.\r\n" + strings.ReplaceAll(withAlbania(
		"",
		"- name: Edi Rama",
		"  id: edi-rama",
		"  kind: person",
		"- {id: mek, name: MEK, kind: organisation}",
	), "\n", "\r\n")
	_, lines, err := ParseWithLines("entities.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"al": 2, "edi-rama": 7, "mek": 10}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("ParseWithLines lines = %v, want %v", lines, want)
	}
}
