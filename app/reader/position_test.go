package reader

import (
	"reflect"
	"testing"
)

func TestMarkOffsets(t *testing.T) {
	tests := []struct {
		name  string
		html  string
		marks []int
		total int
	}{
		{"none", `<p>abc</p>`, nil, 3},
		{"one", `<p>ab <mark class="mention">cd</mark></p>`, []int{3}, 5},
		{"entity is one character", `<p>&rsquo;<mark>x</mark>&amp;</p>`, []int{1}, 3},
		{"white space folds", "<p>a \n\t b</p>\n<p><mark>c</mark></p>", []int{4}, 5},
		{"leading space ignored", "\n <p> a<mark>b</mark></p>", []int{1}, 2},
		{"marker is not mark", `<p><marker>a</marker><mark>b</mark></p>`, []int{1}, 2},
		{"multibyte", `<p>Guantánamo <mark>x</mark></p>`, []int{11}, 12},
		{"broken tag", `<p>ab<mark`, nil, 2},
	}
	for _, tt := range tests {
		marks, total := markOffsets(tt.html)
		if !reflect.DeepEqual(marks, tt.marks) || total != tt.total {
			t.Errorf("%s: markOffsets(%q) = %v, %d; want %v, %d", tt.name, tt.html, marks, total, tt.marks, tt.total)
		}
	}
}

func TestPositions(t *testing.T) {
	a := article()
	prev := -1.0
	for i := range a.Doc.Mentions {
		p := a.Position(i)
		if p < 0 || p >= 1 {
			t.Errorf("Position(%d) = %v, want in [0, 1)", i, p)
		}
		if p <= prev {
			t.Errorf("Position(%d) = %v, not after Position(%d) = %v", i, p, i-1, prev)
		}
		prev = p
	}
	if p := a.Position(0); p != 0 {
		t.Errorf("Position(0) = %v, want 0: the body starts with a mention", p)
	}
	// The block without mentions comes between mentions 6 and 7 and takes room.
	if gap, step := a.Position(7)-a.Position(6), a.Position(6)-a.Position(5); gap < 2*step {
		t.Errorf("the gap over the paragraph without mentions (%v) is not wider than a step within a sentence (%v)", gap, step)
	}
	if p := a.Position(99); p != 0 {
		t.Errorf("Position(99) = %v, want 0", p)
	}
}

func TestPositionsWithoutMarks(t *testing.T) {
	a := article()
	a.Doc.HTML = "<p>no marks</p>"
	pos := a.positions()
	want := []float64{0.125, 0.125, 0.125, 0.375, 0.375, 0.375, 0.375, 0.875, 0.875, 0.875}
	if !reflect.DeepEqual(pos, want) {
		t.Errorf("positions() by paragraph = %v, want %v", pos, want)
	}
}

func TestDensity(t *testing.T) {
	a := article()
	tests := []struct {
		id   string
		bins int
		want []int
	}{
		{"edi-rama", 1, []int{4}},
		{"edi-rama", 2, []int{3, 1}},
		{"isaac-herzog", 4, []int{0, 0, 0, 1}},
		{"yair-lapid", 3, []int{0, 0, 0}},
		{"al", 0, []int{}},
	}
	for _, tt := range tests {
		if got := a.Density(tt.id, tt.bins, false); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Density(%q, %d) = %v, want %v", tt.id, tt.bins, got, tt.want)
		}
	}
}
