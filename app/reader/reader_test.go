package reader

import (
	"reflect"
	"testing"

	"github.com/dramatis/dramatis/app/model"
)

// cast is a small catalogue with entities of several kinds, one never mentioned.
var cast = []model.Entity{
	{ID: "edi-rama", Name: "Edi Rama", Kind: model.Person, Aliases: []string{"Rama"}, Role: "Prime Minister of Albania"},
	{ID: "isaac-herzog", Name: "Isaac Herzog", Kind: model.Person, Role: "President of Israel"},
	{ID: "yair-lapid", Name: "Yair Lapid", Kind: model.Person, Role: "Prime Minister of Israel"},
	{ID: "al", Name: "Albania", Kind: model.Country, Demonyms: []string{"Albanian"}, Places: []string{"Tirana"}},
	{ID: "il", Name: "Israel", Kind: model.Country, Demonyms: []string{"Israeli"}},
	{ID: "guantanamo-bay", Name: "Guantánamo Bay", Kind: model.Place, Role: "U.S. naval base in Cuba"},
}

// body is the annotated HTML of article: four blocks, the third without mentions.
const body = `<div id="article" class="article-body">` +
	`<p data-p="0"><mark class="mention" data-entity="al" data-form="demonym">Albanian</mark> Prime Minister <mark class="mention" data-entity="edi-rama" data-form="name">Edi Rama</mark> visited <mark class="mention" data-entity="il" data-form="name">Israel</mark>.</p>` + "\n" +
	`<p data-p="1"><mark class="mention" data-entity="edi-rama" data-form="alias">Rama</mark>&rsquo;s visit to <mark class="mention" data-entity="il" data-form="name">Israel</mark> came late. <mark class="mention" data-entity="al" data-form="name">Albania</mark> said <mark class="mention" data-entity="edi-rama" data-form="alias">Rama</mark> was right.</p>` + "\n" +
	`<p data-p="2">Nobody is named here at all, which makes the text a little longer.</p>` + "\n" +
	`<p data-p="3"><mark class="mention" data-entity="edi-rama" data-form="alias">Rama</mark> flew home to <mark class="mention" data-entity="al" data-form="place">Tirana</mark>. <mark class="mention" data-entity="isaac-herzog" data-form="name">Isaac Herzog</mark> stayed.</p>` +
	`</div>`

// article is a document over cast. Its mentions, in reading order:
//
//	#  entity        form     paragraph  sentence
//	0  al            demonym  0          0
//	1  edi-rama      name     0          0
//	2  il            name     0          0
//	3  edi-rama      alias    1          1
//	4  il            name     1          1
//	5  al            name     1          2
//	6  edi-rama      alias    1          2
//	7  edi-rama      alias    3          3
//	8  al            place    3          3
//	9  isaac-herzog  name     3          4
func article() *Article {
	doc := &model.Document{
		HTML:     body,
		Entities: cast,
		Sentences: []string{
			"Albanian Prime Minister Edi Rama visited Israel.",
			"Rama’s visit to Israel came late.",
			"Albania said Rama was right.",
			"Rama flew home to Tirana.",
			"Isaac Herzog stayed.",
		},
		Mentions: []model.Mention{
			{Entity: "al", Form: model.FormDemonym, Text: "Albanian", Paragraph: 0, Sentence: 0},
			{Entity: "edi-rama", Form: model.FormName, Text: "Edi Rama", Paragraph: 0, Sentence: 0},
			{Entity: "il", Form: model.FormName, Text: "Israel", Paragraph: 0, Sentence: 0},
			{Entity: "edi-rama", Form: model.FormAlias, Text: "Rama", Paragraph: 1, Sentence: 1},
			{Entity: "il", Form: model.FormName, Text: "Israel", Paragraph: 1, Sentence: 1},
			{Entity: "al", Form: model.FormName, Text: "Albania", Paragraph: 1, Sentence: 2},
			{Entity: "edi-rama", Form: model.FormAlias, Text: "Rama", Paragraph: 1, Sentence: 2},
			{Entity: "edi-rama", Form: model.FormAlias, Text: "Rama", Paragraph: 3, Sentence: 3},
			{Entity: "al", Form: model.FormPlace, Text: "Tirana", Paragraph: 3, Sentence: 3},
			{Entity: "isaac-herzog", Form: model.FormName, Text: "Isaac Herzog", Paragraph: 3, Sentence: 4},
		},
	}
	return New(doc, model.NewIndex(doc))
}

func TestMentions(t *testing.T) {
	a := article()
	tests := []struct {
		id        string
		namesOnly bool
		want      []int
	}{
		{"edi-rama", false, []int{1, 3, 6, 7}},
		{"edi-rama", true, []int{1, 3, 6, 7}},
		{"al", false, []int{0, 5, 8}},
		{"al", true, []int{5}},
		{"yair-lapid", false, nil},
		{"nobody", false, nil},
	}
	for _, tt := range tests {
		if got := a.Mentions(tt.id, tt.namesOnly); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Mentions(%q, %v) = %v, want %v", tt.id, tt.namesOnly, got, tt.want)
		}
	}
}

func TestOrdinal(t *testing.T) {
	a := article()
	tests := []struct {
		i         int
		namesOnly bool
		want      int
	}{
		{1, false, 0},
		{7, false, 3},
		{8, false, 2},
		{8, true, -1}, // a place is not a name
		{5, true, 0},
		{-1, false, -1},
		{10, false, -1},
	}
	for _, tt := range tests {
		if got := a.Ordinal(tt.i, tt.namesOnly); got != tt.want {
			t.Errorf("Ordinal(%d, %v) = %d, want %d", tt.i, tt.namesOnly, got, tt.want)
		}
	}
}

func TestStep(t *testing.T) {
	tests := []struct {
		name              string
		cur, delta, total int
		want              int
	}{
		{"next from none", -1, 1, 12, 0},
		{"previous from none", -1, -1, 12, 11},
		{"next", 2, 1, 12, 3},
		{"previous", 2, -1, 12, 1},
		{"next wraps", 11, 1, 12, 0},
		{"previous wraps", 0, -1, 12, 11},
		{"out of range restarts", 15, 1, 12, 0},
		{"no mentions", -1, 1, 0, -1},
		{"one mention", 0, 1, 1, 0},
	}
	for _, tt := range tests {
		if got := Step(tt.cur, tt.delta, tt.total); got != tt.want {
			t.Errorf("%s: Step(%d, %d, %d) = %d, want %d", tt.name, tt.cur, tt.delta, tt.total, got, tt.want)
		}
	}
}

func TestEntity(t *testing.T) {
	a := article()
	if e, ok := a.Entity("al"); !ok || e.Name != "Albania" {
		t.Errorf("Entity(al) = %v, %v; want Albania, true", e, ok)
	}
	if _, ok := a.Entity("nobody"); ok {
		t.Errorf("Entity(nobody) found an entity")
	}
}
