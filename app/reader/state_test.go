package reader

import (
	"reflect"
	"strings"
	"testing"
)

func known(id string) bool {
	for _, e := range cast {
		if e.ID == id {
			return true
		}
	}
	return false
}

func TestStateQuery(t *testing.T) {
	tests := []struct {
		name  string
		state State
		want  string
	}{
		{"empty", State{}, ""},
		{"one", State{Selected: []string{"edi-rama"}}, "e=edi-rama"},
		{"focus on the last is implied", State{Selected: []string{"edi-rama", "al"}, Focus: "al", Mention: 3}, "e=edi-rama,al&m=3"},
		{"focus on another", State{Selected: []string{"edi-rama", "al"}, Focus: "edi-rama"}, "e=edi-rama,al&f=edi-rama"},
		{"free slots left out", State{Selected: []string{"", "il", "", "al", ""}}, "e=il,al"},
		{"everything", State{Selected: []string{"edi-rama", "al"}, Focus: "edi-rama", Mention: 2, Together: true, NamesOnly: true},
			"e=edi-rama,al&f=edi-rama&m=2&t=1&forms=names"},
		{"no mention without a selection", State{Mention: 4}, ""},
		{"options alone", State{Together: true, NamesOnly: true}, "t=1&forms=names"},
		{"a view", State{Selected: []string{"al"}, View: ViewMap}, "e=al&v=map"},
		{"an unknown view left out", State{View: "globe"}, ""},
	}
	for _, tt := range tests {
		if got := tt.state.Query(); got != tt.want {
			t.Errorf("%s: %+v.Query() = %q, want %q", tt.name, tt.state, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    State
		unknown []string
	}{
		{"empty", "", State{}, nil},
		{"question mark", "?e=edi-rama", State{Selected: []string{"edi-rama"}}, nil},
		{"example", "e=edi-rama,al&m=3", State{Selected: []string{"edi-rama", "al"}, Mention: 3}, nil},
		{"escaped comma", "e=edi-rama%2Cal", State{Selected: []string{"edi-rama", "al"}}, nil},
		{"focus", "e=edi-rama,al&f=edi-rama&m=2", State{Selected: []string{"edi-rama", "al"}, Focus: "edi-rama", Mention: 2}, nil},
		{"focus on the last is dropped", "e=edi-rama,al&f=al", State{Selected: []string{"edi-rama", "al"}}, nil},
		{"unknown ids", "e=edi-rama,nobody,al,ghost,nobody", State{Selected: []string{"edi-rama", "al"}}, []string{"nobody", "ghost"}},
		{"unknown focus", "e=edi-rama&f=ghost", State{Selected: []string{"edi-rama"}}, []string{"ghost"}},
		{"known focus not selected", "e=edi-rama&f=al", State{Selected: []string{"edi-rama"}}, nil},
		{"duplicates", "e=al,al,il", State{Selected: []string{"al", "il"}}, nil},
		{"empty places ignored", "e=,,il,", State{Selected: []string{"il"}}, nil},
		{"bad mention", "e=al&m=x", State{Selected: []string{"al"}}, nil},
		{"negative mention", "e=al&m=-2", State{Selected: []string{"al"}}, nil},
		{"mention without selection", "m=3", State{}, nil},
		{"options", "e=al,il&t=1&forms=names", State{Selected: []string{"al", "il"}, Together: true, NamesOnly: true}, nil},
		{"other values", "t=yes&forms=all&x=1", State{}, nil},
		{"only unknown", "e=ghost", State{}, []string{"ghost"}},
		{"network", "v=network", State{View: ViewNetwork}, nil},
		{"unknown view", "v=globe&e=al", State{Selected: []string{"al"}}, nil},
	}
	for _, tt := range tests {
		got, unknown := ParseQuery(tt.query, known)
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(unknown, tt.unknown) {
			t.Errorf("%s: ParseQuery(%q) = %+v, %q; want %+v, %q", tt.name, tt.query, got, unknown, tt.want, tt.unknown)
		}
	}
}

func TestStateRoundTrip(t *testing.T) {
	states := []State{
		{},
		{Selected: []string{"edi-rama"}, Mention: 1},
		{Selected: []string{"al", "il"}, Focus: "al", Mention: 7, Together: true},
		{Selected: []string{"il", "al"}, NamesOnly: true},
		{Selected: []string{"il"}, View: ViewNetwork},
	}
	for _, s := range states {
		got, unknown := ParseQuery(s.Query(), known)
		if !reflect.DeepEqual(got, s) || unknown != nil {
			t.Errorf("ParseQuery(%q) = %+v, %q; want %+v back", s.Query(), got, unknown, s)
		}
	}
}

func TestStateArticle(t *testing.T) {
	all := func(string) bool { return true }
	s, _ := ParseQuery("?e=x&a=3f2a9c01b7de&v=map", all)
	if s.Article != "3f2a9c01b7de" || s.Query() != "a=3f2a9c01b7de&e=x&v=map" {
		t.Errorf("parsed %+v, query %q", s, s.Query())
	}
	for _, bad := range []string{"a=", "a=../x", "a=ABC", "a=" + strings.Repeat("a", 65), "a=%3Cscript%3E"} {
		if s, _ := ParseQuery(bad, all); s.Article != "" {
			t.Errorf("%q: article %q", bad, s.Article)
		}
	}
	if s, _ := ParseQuery("e=x&a=abc-1", all); s.Article != "abc-1" {
		t.Errorf("article %q, want abc-1", s.Article)
	}
}
