package model

import (
	"reflect"
	"testing"
)

// cast is a small catalogue with entities of every kind, some never mentioned in article.
var cast = []Entity{
	{ID: "edi-rama", Name: "Edi Rama", Kind: Person, Aliases: []string{"Rama"}},
	{ID: "yair-lapid", Name: "Yair Lapid", Kind: Person},
	{ID: "isaac-herzog", Name: "Isaac Herzog", Kind: Person},
	{ID: "al", Name: "Albania", Kind: Country, Demonyms: []string{"Albanian"}, Places: []string{"Tirana"}},
	{ID: "il", Name: "Israel", Kind: Country, Demonyms: []string{"Israeli"}},
	{ID: "ir", Name: "Iran", Kind: Country, Places: []string{"Tehran"}},
	{ID: "guantanamo-bay", Name: "Guantánamo Bay", Kind: Place},
}

// article is a document over cast. Its mentions, in reading order:
//
//	#  entity        text          paragraph  sentence
//	0  al            Albanian      0          0
//	1  edi-rama      Edi Rama      0          0
//	2  il            Israel        0          0
//	3  edi-rama      Rama          1          1
//	4  il            Israel        1          1
//	5  al            Albania       1          2
//	6  edi-rama      Rama          1          2
//	7  edi-rama      Rama          3          3
//	8  al            Tirana        3          3
//	9  isaac-herzog  Isaac Herzog  3          4
var article = &Document{
	Entities: cast,
	Sentences: []string{
		"Albanian Prime Minister Edi Rama visited Israel.",
		"Rama’s visit to Israel came late.",
		"Albania said Rama was right.",
		"Rama flew home to Tirana.",
		"Isaac Herzog stayed.",
	},
	Mentions: []Mention{
		{Entity: "al", Form: FormDemonym, Text: "Albanian", Paragraph: 0, Sentence: 0},
		{Entity: "edi-rama", Form: FormName, Text: "Edi Rama", Paragraph: 0, Sentence: 0},
		{Entity: "il", Form: FormName, Text: "Israel", Paragraph: 0, Sentence: 0},
		{Entity: "edi-rama", Form: FormAlias, Text: "Rama", Paragraph: 1, Sentence: 1},
		{Entity: "il", Form: FormName, Text: "Israel", Paragraph: 1, Sentence: 1},
		{Entity: "al", Form: FormName, Text: "Albania", Paragraph: 1, Sentence: 2},
		{Entity: "edi-rama", Form: FormAlias, Text: "Rama", Paragraph: 1, Sentence: 2},
		{Entity: "edi-rama", Form: FormAlias, Text: "Rama", Paragraph: 3, Sentence: 3},
		{Entity: "al", Form: FormPlace, Text: "Tirana", Paragraph: 3, Sentence: 3},
		{Entity: "isaac-herzog", Form: FormName, Text: "Isaac Herzog", Paragraph: 3, Sentence: 4},
	},
}

func TestNewIndex(t *testing.T) {
	tests := []struct {
		id   string
		want Stats
	}{
		{"edi-rama", Stats{Count: 4, Paragraphs: []int{0, 1, 3}, First: 1, Forms: []string{"Edi Rama", "Rama"}}},
		{"al", Stats{Count: 3, Paragraphs: []int{0, 1, 3}, First: 0, Forms: []string{"Albanian", "Albania", "Tirana"}}},
		{"il", Stats{Count: 2, Paragraphs: []int{0, 1}, First: 2, Forms: []string{"Israel"}}},
		{"isaac-herzog", Stats{Count: 1, Paragraphs: []int{3}, First: 9, Forms: []string{"Isaac Herzog"}}},
		{"yair-lapid", Stats{First: -1}},
		{"ir", Stats{First: -1}},
		{"guantanamo-bay", Stats{First: -1}},
	}
	idx := NewIndex(article)
	if len(idx) != len(cast) {
		t.Errorf("len(NewIndex(article)) = %d, want %d, one per entity", len(idx), len(cast))
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			got := idx[tt.id]
			if got == nil {
				t.Fatalf("NewIndex(article)[%q] = nil, want %+v", tt.id, tt.want)
			}
			if got.Count != tt.want.Count {
				t.Errorf("Count = %d, want %d", got.Count, tt.want.Count)
			}
			if len(got.Paragraphs) != 0 || len(tt.want.Paragraphs) != 0 {
				if !reflect.DeepEqual(got.Paragraphs, tt.want.Paragraphs) {
					t.Errorf("Paragraphs = %v, want %v", got.Paragraphs, tt.want.Paragraphs)
				}
			}
			if got.First != tt.want.First {
				t.Errorf("First = %d, want %d", got.First, tt.want.First)
			}
			if len(got.Forms) != 0 || len(tt.want.Forms) != 0 {
				if !reflect.DeepEqual(got.Forms, tt.want.Forms) {
					t.Errorf("Forms = %q, want %q", got.Forms, tt.want.Forms)
				}
			}
			if n := idx.Count(tt.id); n != tt.want.Count {
				t.Errorf("Count(%q) = %d, want %d", tt.id, n, tt.want.Count)
			}
		})
	}
}

// TestNewIndexAgreesWithMentions checks the index against a direct reading of the mentions, for every
// entity: the count, and that First is the first mention of the entity.
func TestNewIndexAgreesWithMentions(t *testing.T) {
	idx := NewIndex(article)
	for _, e := range cast {
		count, first := 0, -1
		for i, m := range article.Mentions {
			if m.Entity == e.ID {
				if first < 0 {
					first = i
				}
				count++
			}
		}
		if got := idx.Count(e.ID); got != count {
			t.Errorf("Count(%q) = %d, want %d", e.ID, got, count)
		}
		if got := idx[e.ID].First; got != first {
			t.Errorf("index[%q].First = %d, want %d", e.ID, got, first)
		}
	}
}

func TestNewIndexParagraphsAscendingDistinct(t *testing.T) {
	// Mentions alternate between two entities across paragraphs, several per paragraph.
	doc := &Document{
		Entities: cast[:2],
		Mentions: []Mention{
			{Entity: "edi-rama", Text: "Rama", Paragraph: 0},
			{Entity: "yair-lapid", Text: "Lapid", Paragraph: 0},
			{Entity: "edi-rama", Text: "Rama", Paragraph: 0},
			{Entity: "edi-rama", Text: "Edi Rama", Paragraph: 2},
			{Entity: "yair-lapid", Text: "Lapid", Paragraph: 2},
			{Entity: "edi-rama", Text: "Rama", Paragraph: 2},
			{Entity: "yair-lapid", Text: "Yair Lapid", Paragraph: 5},
			{Entity: "edi-rama", Text: "Rama", Paragraph: 7},
			{Entity: "edi-rama", Text: "Rama", Paragraph: 7},
		},
	}
	idx := NewIndex(doc)
	tests := []struct {
		id    string
		paras []int
		forms []string
	}{
		{"edi-rama", []int{0, 2, 7}, []string{"Rama", "Edi Rama"}},
		{"yair-lapid", []int{0, 2, 5}, []string{"Lapid", "Yair Lapid"}},
	}
	for _, tt := range tests {
		if got := idx[tt.id].Paragraphs; !reflect.DeepEqual(got, tt.paras) {
			t.Errorf("index[%q].Paragraphs = %v, want %v", tt.id, got, tt.paras)
		}
		if got := idx[tt.id].Forms; !reflect.DeepEqual(got, tt.forms) {
			t.Errorf("index[%q].Forms = %q, want %q", tt.id, got, tt.forms)
		}
	}
}

func TestNewIndexEmpty(t *testing.T) {
	idx := NewIndex(&Document{Entities: cast})
	for _, e := range cast {
		s := idx[e.ID]
		if s == nil {
			t.Errorf("index[%q] = nil, want an entry", e.ID)
			continue
		}
		if s.Count != 0 || s.First != -1 || len(s.Paragraphs) != 0 || len(s.Forms) != 0 {
			t.Errorf("index[%q] = %+v, want Count 0, First -1, no paragraphs or forms", e.ID, *s)
		}
	}
	if n := idx.Count("nobody"); n != 0 {
		t.Errorf("Count(%q) = %d, want 0", "nobody", n)
	}
}

func TestFirstContext(t *testing.T) {
	idx := NewIndex(article)
	tests := []struct {
		name, id, want string
	}{
		{"first mention in first sentence", "edi-rama", "Albanian Prime Minister Edi Rama visited Israel."},
		{"only mention", "isaac-herzog", "Isaac Herzog stayed."},
		{"never mentioned", "yair-lapid", ""},
		{"not in the catalogue", "nobody", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := article.FirstContext(idx, tt.id); got != tt.want {
				t.Errorf("FirstContext(%q) = %q, want %q", tt.id, got, tt.want)
			}
		})
	}
}

func TestFirstContextBadSentence(t *testing.T) {
	for _, s := range []int{-1, 1} {
		doc := &Document{
			Entities:  cast[:1],
			Sentences: []string{"Edi Rama spoke."},
			Mentions:  []Mention{{Entity: "edi-rama", Text: "Edi Rama", Sentence: s}},
		}
		if got := doc.FirstContext(NewIndex(doc), "edi-rama"); got != "" {
			t.Errorf("FirstContext with mention in sentence %d of 1 = %q, want \"\"", s, got)
		}
	}
}

func TestGroups(t *testing.T) {
	tests := []struct {
		name string
		doc  *Document
		want []Group
	}{
		{
			name: "by count then name, empty kinds left out",
			doc:  article,
			want: []Group{
				// Edi Rama 4, Isaac Herzog 1, Yair Lapid 0.
				{Person, []Entity{cast[0], cast[2], cast[1]}},
				// Albania 3, Israel 2, Iran 0.
				{Country, []Entity{cast[3], cast[4], cast[5]}},
				{Place, []Entity{cast[6]}},
			},
		},
		{
			name: "no mentions sorts by name",
			doc:  &Document{Entities: cast},
			want: []Group{
				{Person, []Entity{cast[0], cast[2], cast[1]}},  // Edi, Isaac, Yair
				{Country, []Entity{cast[3], cast[5], cast[4]}}, // Albania, Iran, Israel
				{Place, []Entity{cast[6]}},
			},
		},
		{
			name: "panel order whatever the catalogue order",
			doc: &Document{Entities: []Entity{
				{ID: "p", Name: "P", Kind: Place},
				{ID: "c", Name: "C", Kind: Country},
				{ID: "o", Name: "O", Kind: Organisation},
				{ID: "x", Name: "X", Kind: Person},
			}},
			want: []Group{
				{Person, []Entity{{ID: "x", Name: "X", Kind: Person}}},
				{Organisation, []Entity{{ID: "o", Name: "O", Kind: Organisation}}},
				{Country, []Entity{{ID: "c", Name: "C", Kind: Country}}},
				{Place, []Entity{{ID: "p", Name: "P", Kind: Place}}},
			},
		},
		{
			name: "ties on count broken by name",
			doc: &Document{
				Entities: []Entity{
					{ID: "b", Name: "Beta", Kind: Organisation},
					{ID: "c", Name: "Gamma", Kind: Organisation},
					{ID: "a", Name: "Alpha", Kind: Organisation},
				},
				Mentions: []Mention{{Entity: "c"}, {Entity: "b"}, {Entity: "c"}, {Entity: "a"}},
			},
			want: []Group{{Organisation, []Entity{
				{ID: "c", Name: "Gamma", Kind: Organisation},
				{ID: "a", Name: "Alpha", Kind: Organisation},
				{ID: "b", Name: "Beta", Kind: Organisation},
			}}},
		},
		{
			name: "empty catalogue",
			doc:  &Document{},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.doc.Groups(NewIndex(tt.doc))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Groups() = %v, want %v", ids(got), ids(tt.want))
			}
		})
	}
}

// ids shows groups as kind: entity IDs.
func ids(gs []Group) [][]string {
	var out [][]string
	for _, g := range gs {
		row := []string{string(g.Kind) + ":"}
		for _, e := range g.Entities {
			row = append(row, e.ID)
		}
		out = append(out, row)
	}
	return out
}

func TestGroupsLeavesCatalogueAlone(t *testing.T) {
	entities := append([]Entity(nil), cast...)
	doc := &Document{Entities: entities, Mentions: article.Mentions}
	doc.Groups(NewIndex(doc))
	if !reflect.DeepEqual(entities, cast) {
		t.Errorf("Groups reordered Document.Entities: got %v", entities)
	}
}

func TestKind(t *testing.T) {
	tests := []struct {
		kind  Kind
		valid bool
		group string
	}{
		{"person", true, "People"},
		{"organisation", true, "Organisations"},
		{"country", true, "Countries"},
		{"place", true, "Places"},
		{"Person", false, "Person"},
		{"organization", false, "organization"},
		{"", false, ""},
	}
	for _, tt := range tests {
		if got := tt.kind.Valid(); got != tt.valid {
			t.Errorf("Kind(%q).Valid() = %v, want %v", tt.kind, got, tt.valid)
		}
		if got := tt.kind.Group(); got != tt.group {
			t.Errorf("Kind(%q).Group() = %q, want %q", tt.kind, got, tt.group)
		}
	}
	want := []Kind{"person", "organisation", "country", "place"}
	if !reflect.DeepEqual(Kinds, want) {
		t.Errorf("Kinds = %q, want %q", Kinds, want)
	}
}
