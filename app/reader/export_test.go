package reader

import (
	"encoding/csv"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestRows(t *testing.T) {
	a := article()
	rows := a.Rows([]string{"al"}, false)
	want := []Row{
		{Entity: "al", Name: "Albania", Form: "demonym", Text: "Albanian", Paragraph: 1, Sentence: "Albanian Prime Minister Edi Rama visited Israel."},
		{Entity: "al", Name: "Albania", Form: "name", Text: "Albania", Paragraph: 2, Sentence: "Albania said Rama was right."},
		{Entity: "al", Name: "Albania", Form: "place", Text: "Tirana", Paragraph: 4, Sentence: "Rama flew home to Tirana."},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("Rows(al) = %+v, want %+v", rows, want)
	}
	if n := len(a.Rows(nil, false)); n != len(a.Doc.Mentions) {
		t.Errorf("Rows(nil) has %d rows, want every mention, %d", n, len(a.Doc.Mentions))
	}
	if rows := a.Rows([]string{"yair-lapid"}, false); rows == nil || len(rows) != 0 {
		t.Errorf("Rows(yair-lapid) = %#v, want an empty, non-nil slice", rows)
	}
	// Reading order across entities.
	var got []string
	for _, r := range a.Rows([]string{"il", "edi-rama"}, false) {
		got = append(got, r.Entity)
	}
	if w := []string{"edi-rama", "il", "edi-rama", "il", "edi-rama", "edi-rama"}; !reflect.DeepEqual(got, w) {
		t.Errorf("Rows(il, edi-rama) entities = %q, want %q", got, w)
	}
}

func TestCSV(t *testing.T) {
	rows := []Row{
		{Entity: "al", Name: "Albania", Form: "demonym", Text: "Albanian", Paragraph: 1, Sentence: `He said "yes, Albania", twice.`},
		{Entity: "edi-rama", Name: "Edi Rama", Form: "alias", Text: "Rama", Paragraph: 12, Sentence: "Rama’s visit."},
	}
	out := string(CSV(rows))
	if !strings.HasPrefix(out, "entity,name,form,text,paragraph,sentence\r\n") {
		t.Errorf("CSV does not start with its header line: %q", out)
	}
	if !strings.Contains(out, `"He said ""yes, Albania"", twice."`) {
		t.Errorf("CSV does not quote a sentence with commas and quotes: %q", out)
	}
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("CSV does not read back: %v", err)
	}
	want := [][]string{
		CSVHeader,
		{"al", "Albania", "demonym", "Albanian", "1", `He said "yes, Albania", twice.`},
		{"edi-rama", "Edi Rama", "alias", "Rama", "12", "Rama’s visit."},
	}
	if !reflect.DeepEqual(records, want) {
		t.Errorf("CSV reads back as %q, want %q", records, want)
	}
	if got := string(CSV(nil)); got != "entity,name,form,text,paragraph,sentence\r\n" {
		t.Errorf("CSV(nil) = %q, want the header alone", got)
	}
}

func TestCSVKeepsFormulasInert(t *testing.T) {
	rows := []Row{{Entity: "x", Name: "=HYPERLINK(\"http://x\")", Form: "name", Text: "+1", Sentence: "@SUM(A1)", Paragraph: 0}}
	records, err := csv.NewReader(strings.NewReader(string(CSV(rows)))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"x", "'=HYPERLINK(\"http://x\")", "name", "'+1", "0", "'@SUM(A1)"}
	if !reflect.DeepEqual(records[1], want) {
		t.Errorf("CSV row = %q, want %q", records[1], want)
	}
}

func TestJSON(t *testing.T) {
	rows := article().Rows([]string{"edi-rama"}, false)
	var back []Row
	if err := json.Unmarshal(JSON(rows), &back); err != nil {
		t.Fatalf("JSON does not decode: %v", err)
	}
	if !reflect.DeepEqual(back, rows) {
		t.Errorf("JSON decodes as %+v, want %+v", back, rows)
	}
	var fields []map[string]any
	_ = json.Unmarshal(JSON(rows[:1]), &fields)
	for _, k := range []string{"entity", "name", "form", "text", "paragraph", "sentence"} {
		if _, ok := fields[0][k]; !ok {
			t.Errorf("JSON object has no field %q: %v", k, fields[0])
		}
	}
	if got := string(JSON([]Row{})); got != "[]\n" {
		t.Errorf("JSON of no rows = %q, want \"[]\\n\"", got)
	}
}

// TestNamesOnlyAgrees checks that with names only every figure the reader sees leaves demonyms and
// places out alike: the count, the export's rows, the first mention, the forms and the density.
func TestNamesOnlyAgrees(t *testing.T) {
	a := article()
	rows := a.Rows([]string{"al"}, true)
	if len(rows) != 1 || rows[0].Text != "Albania" {
		t.Errorf("Rows(al, names only) = %+v, want the one mention by name", rows)
	}
	if got := a.Count("al", true); got != len(rows) {
		t.Errorf("Count(al, names only) = %d, the export has %d rows", got, len(rows))
	}
	if got := a.Count("al", false); got != 3 {
		t.Errorf("Count(al) = %d, want 3", got)
	}
	if got, want := a.First("al", true), "Albania said Rama was right."; got != want {
		t.Errorf("First(al, names only) = %q, want %q", got, want)
	}
	if got, want := a.First("al", false), "Albanian Prime Minister Edi Rama visited Israel."; got != want {
		t.Errorf("First(al) = %q, want %q", got, want)
	}
	if got := a.Forms("al", true); !reflect.DeepEqual(got, []string{"Albania"}) {
		t.Errorf("Forms(al, names only) = %q, want [Albania]", got)
	}
	sum := 0
	for _, n := range a.Density("al", 10, true) {
		sum += n
	}
	if sum != 1 {
		t.Errorf("the names-only density of al holds %d mentions, want 1", sum)
	}
	// Isaac Herzog shares paragraph 3 with Tirana, a place of Albania, and no paragraph with its name.
	related := func(namesOnly bool) bool {
		for _, r := range a.Related("al", -1, namesOnly) {
			if r.Entity.ID == "isaac-herzog" {
				return true
			}
		}
		return false
	}
	if !related(false) || related(true) {
		t.Errorf("Isaac Herzog related to Albania: %v with every form, %v by names only; want true, false", related(false), related(true))
	}
}
