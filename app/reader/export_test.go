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
	rows := a.Rows([]string{"al"})
	want := []Row{
		{Entity: "al", Name: "Albania", Form: "demonym", Text: "Albanian", Paragraph: 1, Sentence: "Albanian Prime Minister Edi Rama visited Israel."},
		{Entity: "al", Name: "Albania", Form: "name", Text: "Albania", Paragraph: 2, Sentence: "Albania said Rama was right."},
		{Entity: "al", Name: "Albania", Form: "place", Text: "Tirana", Paragraph: 4, Sentence: "Rama flew home to Tirana."},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("Rows(al) = %+v, want %+v", rows, want)
	}
	if n := len(a.Rows(nil)); n != len(a.Doc.Mentions) {
		t.Errorf("Rows(nil) has %d rows, want every mention, %d", n, len(a.Doc.Mentions))
	}
	if rows := a.Rows([]string{"yair-lapid"}); rows == nil || len(rows) != 0 {
		t.Errorf("Rows(yair-lapid) = %#v, want an empty, non-nil slice", rows)
	}
	// Reading order across entities.
	var got []string
	for _, r := range a.Rows([]string{"il", "edi-rama"}) {
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
	rows := article().Rows([]string{"edi-rama"})
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
