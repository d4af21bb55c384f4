package reader

import (
	"reflect"
	"testing"

	"github.com/dramatis/dramatis/app/model"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"edi-rama", "isaac-herzog", "yair-lapid", "al", "il", "guantanamo-bay"}},
		{"   ", []string{"edi-rama", "isaac-herzog", "yair-lapid", "al", "il", "guantanamo-bay"}},
		{"rama", []string{"edi-rama"}},
		{"RAMA", []string{"edi-rama"}},
		{"prime minister", []string{"edi-rama", "yair-lapid"}},   // roles
		{"minister israel", []string{"yair-lapid"}},              // every word, anywhere
		{"israel", []string{"isaac-herzog", "yair-lapid", "il"}}, // name and roles
		{"albanian", []string{"al"}},
		{"albania", []string{"edi-rama", "al"}},
		{"tirana", []string{"al"}},                 // a place
		{"guantanamo", []string{"guantanamo-bay"}}, // accents do not matter
		{"GUANTÁNAMO", []string{"guantanamo-bay"}},
		{"nobody", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range cast {
			if Matches(e, tt.query) {
				got = append(got, e.ID)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Matches(·, %q) holds for %q, want %q", tt.query, got, tt.want)
		}
	}
}

func TestFilter(t *testing.T) {
	a := article()
	groups := a.Doc.Groups(a.Index)
	if got := Filter(groups, " "); !reflect.DeepEqual(got, groups) {
		t.Errorf("Filter(groups, blank) changed the groups")
	}
	got := Filter(groups, "israel")
	want := []model.Group{
		{Kind: model.Person, Entities: []model.Entity{cast[1], cast[2]}},
		{Kind: model.Country, Entities: []model.Entity{cast[4]}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Filter(groups, israel) = %+v, want %+v", got, want)
	}
	if got := Filter(groups, "nobody"); got != nil {
		t.Errorf("Filter(groups, nobody) = %+v, want nil", got)
	}
}
