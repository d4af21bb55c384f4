package gazetteer_test

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dramatis/dramatis/app/detect/gazetteer"
	"github.com/dramatis/dramatis/app/detect/gazetteer/internal/plural"
)

func mustID(t *testing.T, id string) gazetteer.Country {
	t.Helper()
	c, ok := gazetteer.ByID(id)
	if !ok {
		t.Fatalf("ByID(%q): not found", id)
	}
	return c
}

func has(t *testing.T, c gazetteer.Country, field string, list []string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(list, w) {
			t.Errorf("%s: %s %q lack %q", c.ID, field, list, w)
		}
	}
}

func TestKnownCountries(t *testing.T) {
	al := mustID(t, "al")
	if al.Name != "Albania" || al.Capital != "Tirana" || al.Kind != "country" || !al.Independent {
		t.Errorf("al = %+v", al)
	}
	has(t, al, "demonyms", al.Demonyms, "Albanian", "Albanians")

	us := mustID(t, "us")
	if us.Name != "United States" {
		t.Errorf("us.Name = %q", us.Name)
	}
	has(t, us, "aliases", us.Aliases, "U.S.", "America", "US", "USA", "U.S.A.")
	has(t, us, "demonyms", us.Demonyms, "American", "Americans")

	gb := mustID(t, "gb")
	if gb.Name != "United Kingdom" {
		t.Errorf("gb.Name = %q", gb.Name)
	}
	has(t, gb, "aliases", gb.Aliases, "Britain", "Great Britain", "UK", "U.K.")
	has(t, gb, "demonyms", gb.Demonyms, "British", "Briton", "Britons")

	ir := mustID(t, "ir")
	if ir.Name != "Iran" || ir.Capital != "Tehran" {
		t.Errorf("ir = %+v", ir)
	}
	has(t, ir, "demonyms", ir.Demonyms, "Iranian", "Iranians")
	has(t, ir, "aliases", ir.Aliases, "Persia")

	il := mustID(t, "il")
	has(t, il, "demonyms", il.Demonyms, "Israeli", "Israelis")
	if il.Capital != "Jerusalem" {
		t.Errorf("il.Capital = %q", il.Capital)
	}

	cn := mustID(t, "cn")
	has(t, cn, "demonyms", cn.Demonyms, "Chinese")
	if slices.Contains(cn.Demonyms, "Chineses") {
		t.Errorf("cn demonyms %q have Chineses", cn.Demonyms)
	}

	tr := mustID(t, "tr")
	if tr.Name != "Turkey" {
		t.Errorf("tr.Name = %q", tr.Name)
	}
	has(t, tr, "aliases", tr.Aliases, "Türkiye")

	nl := mustID(t, "nl")
	has(t, nl, "aliases", nl.Aliases, "Holland")
	has(t, nl, "demonyms", nl.Demonyms, "Dutch")

	kr := mustID(t, "kr")
	if kr.Name != "South Korea" {
		t.Errorf("kr.Name = %q", kr.Name)
	}
	if mustID(t, "ru").Name != "Russia" {
		t.Errorf("ru.Name = %q", mustID(t, "ru").Name)
	}

	ba := mustID(t, "ba")
	has(t, ba, "demonyms", ba.Demonyms, "Bosnian", "Herzegovinian", "Bosnians")
	has(t, mustID(t, "dj"), "demonyms", mustID(t, "dj").Demonyms, "Djiboutian", "Djiboutians")
	has(t, mustID(t, "ch"), "demonyms", mustID(t, "ch").Demonyms, "Swiss")

	if xk := mustID(t, "xk"); xk.Name != "Kosovo" {
		t.Errorf("xk.Name = %q", xk.Name)
	}
}

func TestExtras(t *testing.T) {
	su := mustID(t, "su")
	if su.Name != "Soviet Union" {
		t.Errorf("su.Name = %q", su.Name)
	}
	has(t, su, "aliases", su.Aliases, "USSR")
	has(t, su, "demonyms", su.Demonyms, "Soviet", "Soviets")

	eu := mustID(t, "eu")
	if eu.Kind != "organisation" || eu.Name != "European Union" {
		t.Errorf("eu = %+v", eu)
	}
	has(t, eu, "aliases", eu.Aliases, "EU", "E.U.")

	for id, name := range map[string]string{"yu": "Yugoslavia", "gaza": "Gaza", "west-bank": "West Bank",
		"crimea": "Crimea", "srpska": "Republika Srpska", "gb-sct": "Scotland", "gb-wls": "Wales", "gb-eng": "England"} {
		if c := mustID(t, id); c.Name != name {
			t.Errorf("%s.Name = %q, want %q", id, c.Name, name)
		}
	}
	if c := mustID(t, "gaza"); c.Kind != "place" {
		t.Errorf("gaza.Kind = %q", c.Kind)
	}
	if _, ok := gazetteer.ByID("kor"); ok {
		t.Error(`ByID("kor") found something`)
	}
}

func TestCountriesWellFormed(t *testing.T) {
	cs := gazetteer.Countries()
	if len(cs) < 250 {
		t.Fatalf("%d countries", len(cs))
	}
	if !sort.SliceIsSorted(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID }) {
		t.Error("Countries() is not sorted by ID")
	}
	aliasOf := map[string]string{}
	demonymOf := map[string]string{}
	nAlias, nDem := 0, 0
	for _, c := range cs {
		if c.ID == "" || c.ID != strings.ToLower(c.ID) {
			t.Errorf("bad ID %q", c.ID)
		}
		switch c.Kind {
		case "country", "organisation", "place":
		default:
			t.Errorf("%s: kind %q", c.ID, c.Kind)
		}
		if c.Official == c.Name {
			t.Errorf("%s: Official repeats Name", c.ID)
		}
		names := append([]string{c.Name}, c.Aliases...)
		for _, n := range names {
			if n == "" || n != strings.TrimSpace(n) {
				t.Errorf("%s: bad name or alias %q", c.ID, n)
			}
			if len(n) <= 2 && n != "US" && n != "UK" && n != "EU" {
				t.Errorf("%s: short alias %q", c.ID, n)
			}
			l := strings.ToLower(n)
			if o, ok := aliasOf[l]; ok && o != c.ID {
				t.Errorf("%q names both %s and %s", n, o, c.ID)
			}
			aliasOf[l] = c.ID
		}
		for _, d := range c.Demonyms {
			if d == "" || d != strings.TrimSpace(d) || strings.Contains(d, ",") {
				t.Errorf("%s: bad demonym %q", c.ID, d)
			}
			l := strings.ToLower(d)
			if o, ok := demonymOf[l]; ok && o != c.ID {
				t.Errorf("demonym %q of both %s and %s", d, o, c.ID)
			}
			demonymOf[l] = c.ID
		}
		nAlias += len(c.Aliases)
		nDem += len(c.Demonyms)
	}
	t.Logf("%d countries, %d aliases, %d demonyms", len(cs), nAlias, nDem)
}

func TestCities(t *testing.T) {
	cs := gazetteer.Cities()
	if !sort.SliceIsSorted(cs, func(i, j int) bool {
		if cs[i].Name != cs[j].Name {
			return cs[i].Name < cs[j].Name
		}
		return cs[i].Country < cs[j].Country
	}) {
		t.Error("Cities() is not sorted by name then country")
	}
	find := func(name, country string) *gazetteer.City {
		for i := range cs {
			if cs[i].Name == name && cs[i].Country == country {
				return &cs[i]
			}
		}
		return nil
	}
	for _, want := range [][2]string{{"Tirana", "al"}, {"Tehran", "ir"}, {"New York City", "us"}, {"London", "gb"},
		{"Tel Aviv", "il"}, {"Jerusalem", "il"}, {"Astana", "kz"}, {"Washington, D.C.", "us"}} {
		if find(want[0], want[1]) == nil {
			t.Errorf("no city %s (%s)", want[0], want[1])
		}
	}
	if c := find("London", "gb"); c != nil && (c.Population < 5_000_000 || c.Lat < 51 || c.Lat > 52 || c.Lng < -1 || c.Lng > 1) {
		t.Errorf("London = %+v", *c)
	}
	for _, c := range cs {
		if c.Name == "" || len(c.Country) != 2 || c.Country != strings.ToLower(c.Country) {
			t.Errorf("bad city %+v", c)
		}
		if _, ok := gazetteer.ByID(c.Country); !ok {
			t.Errorf("city %s: unknown country %q", c.Name, c.Country)
		}
	}
	t.Logf("%d cities", len(cs))
}

func TestPlural(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Albanian", "Albanians"},
		{"Israeli", "Israelis"},
		{"Iraqi", "Iraqis"},
		{"Iranian", "Iranians"},
		{"American", "Americans"},
		{"Filipino", "Filipinos"},
		{"Argentine", "Argentines"},
		{"Greek", "Greeks"},
		{"Czech", "Czechs"},
		{"South African", "South Africans"},
		{"New Zealander", "New Zealanders"},
		{"Motswana", "Batswana"},
		{"Chinese", ""},
		{"British", ""},
		{"French", ""},
		{"Dutch", ""},
		{"Swiss", ""},
		{"Welsh", ""},
		{"Seychellois", ""},
		{"Kyrgyz", ""},
		{"Malagasy", ""},
		{"", ""},
	} {
		if got := plural.Of(tc.in); got != tc.want {
			t.Errorf("plural.Of(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
