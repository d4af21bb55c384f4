package reader

import (
	"reflect"
	"testing"
)

func TestRelated(t *testing.T) {
	a := article()
	type pair struct {
		id     string
		shared int
	}
	tests := []struct {
		id    string
		limit int
		want  []pair
	}{
		// Rama: paragraphs 0, 1, 3. Albania is in all three; Israel in 0 and 1; Herzog in 3.
		{"edi-rama", 5, []pair{{"al", 3}, {"il", 2}, {"isaac-herzog", 1}}},
		{"edi-rama", 2, []pair{{"al", 3}, {"il", 2}}},
		// Israel: paragraphs 0 and 1, shared with Rama (4 mentions) and Albania (3) alike.
		{"il", -1, []pair{{"edi-rama", 2}, {"al", 2}}},
		{"yair-lapid", 5, nil},
		{"nobody", 5, nil},
	}
	for _, tt := range tests {
		var got []pair
		for _, r := range a.Related(tt.id, tt.limit, false) {
			got = append(got, pair{r.Entity.ID, r.Shared})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Related(%q, %d) = %v, want %v", tt.id, tt.limit, got, tt.want)
		}
	}
}

func TestTogether(t *testing.T) {
	a := article()
	tests := []struct {
		name      string
		ids       []string
		namesOnly bool
		want      []int
	}{
		{"one entity", []string{"edi-rama"}, false, nil},
		{"Rama and Albania", []string{"edi-rama", "al"}, false, []int{0, 1, 3}},
		{"Rama and Albania by name", []string{"edi-rama", "al"}, true, []int{1}},
		{"three", []string{"edi-rama", "al", "il"}, false, []int{0, 1}},
		{"never together", []string{"il", "isaac-herzog"}, false, nil},
		{"one never mentioned", []string{"edi-rama", "yair-lapid"}, false, nil},
	}
	for _, tt := range tests {
		if got := a.Together(tt.ids, tt.namesOnly); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Together(%q, %v) = %v, want %v", tt.name, tt.ids, tt.namesOnly, got, tt.want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	a := article()
	tests := []struct {
		id        string
		namesOnly bool
		want      []int
	}{
		{"edi-rama", false, []int{0, 1, 3}},
		{"al", false, []int{0, 1, 3}},
		{"al", true, []int{1}},
		{"il", true, []int{0, 1}},
		{"yair-lapid", false, nil},
		{"nobody", true, nil},
	}
	for _, tt := range tests {
		if got := a.Paragraphs(tt.id, tt.namesOnly); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q, %v) = %v, want %v", tt.id, tt.namesOnly, got, tt.want)
		}
	}
}
