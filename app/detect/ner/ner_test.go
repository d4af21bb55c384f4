package ner

import (
	"slices"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"U.S. officials said.", "U.S.|officials|said|."},
		{"Somerset's rain-affected match", "Somerset|'s|rain-affected|match"},
		{"O'Neill won 1,500 votes (3.5%)", "O'Neill|won|1,500|votes|(|3.5|%|)"},
		{"AT&T and Mujahedeen-e-Khalq (MEK).", "AT&T|and|Mujahedeen-e-Khalq|(|MEK|)|."},
		{"Tirana’s decision", "Tirana|’s|decision"},
		{"“Quote,” he said", "“|Quote|,|”|he|said"},
		{"", ""},
	} {
		var got []string
		for _, tok := range Tokenize(tt.in) {
			if tt.in[tok.Start:tok.End] != tok.Text {
				t.Errorf("Tokenize(%q): token %q at [%d, %d) is not the text there", tt.in, tok.Text, tok.Start, tok.End)
			}
			got = append(got, tok.Text)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, strings.Join(got, "|"), tt.want)
		}
	}
}

// The embedded weights decode, and a model encodes and decodes to the same tags.
func TestEncodeDecode(t *testing.T) {
	m := Default()
	again, err := Decode(m.Encode())
	if err != nil {
		t.Fatal(err)
	}
	s := Sentence{Tokens: Tokenize("Prime Minister Edi Rama visited Israel on Monday.")}
	s.Gaz = make([]string, len(s.Tokens))
	a, b := m.TagDoc([]Sentence{s}), again.TagDoc([]Sentence{s})
	if !slices.Equal(a[0], b[0]) {
		t.Errorf("tags differ after a round trip: %v and %v", a, b)
	}
	if !slices.Contains(a[0], Span{Start: 2, End: 4, Type: 0}) {
		t.Errorf("the tagger does not find Edi Rama as PER in %v", a[0])
	}
	for _, bad := range [][]byte{nil, []byte("not gzip"), m.Encode()[:100]} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode of %d bad bytes: no error", len(bad))
		}
	}
}

// IOB2 tags become spans; an I- tag never follows a tag of another type.
func TestSpans(t *testing.T) {
	tags := []int{0, begin(0), inside(0), begin(1), begin(2), inside(2), inside(2), 0}
	want := []Span{{1, 3, 0}, {3, 4, 1}, {4, 7, 2}}
	if got := spans(tags); !slices.Equal(got, want) {
		t.Errorf("spans = %v, want %v", got, want)
	}
	var scores [nTags]float32
	scores[inside(1)] = 5 // the best score, but I-LOC cannot follow B-PER
	if got := best(&scores, begin(0)); got == inside(1) {
		t.Error("best chose I-LOC after B-PER")
	}
}
