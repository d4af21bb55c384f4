package annotate

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"

	"github.com/dramatis/dramatis/app/model"
)

// syllables make up the synthetic names.
var syllables = []string{
	"ka", "lo", "be", "ru", "mi", "sa", "to", "ne", "di", "va", "zo", "pe", "gu", "ri", "ha", "te",
}

// syntheticName returns a capitalised word made from the digits of i in base len(syllables), at least
// two syllables long, so that different i give different words.
func syntheticName(i int) string {
	var b strings.Builder
	for n := 0; n < 2 || i > 0; n++ {
		b.WriteString(syllables[i%len(syllables)])
		i /= len(syllables)
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// syntheticCast returns n entities, each with a two-word name, its surname as an alias and a
// demonym, all distinct.
func syntheticCast(n int) []model.Entity {
	cast := make([]model.Entity, n)
	for i := range cast {
		first, last := syntheticName(3*i), syntheticName(3*i+1)
		cast[i] = model.Entity{
			ID:       fmt.Sprintf("e%d", i),
			Name:     first + " " + last,
			Kind:     model.Person,
			Aliases:  []string{last},
			Demonyms: []string{syntheticName(3*i+2) + "ian"},
		}
	}
	return cast
}

// syntheticText returns a text of at least size bytes, a third of whose words are names of the cast
// (by name, alias or plural demonym); the rest are lower-case fillers and capitalised words that
// begin like names but are none. It also returns how many mentions it holds.
func syntheticText(cast []model.Entity, size int, seed uint64) ([]byte, int) {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	mentions := 0
	for b.Len() < size {
		e := cast[r.IntN(len(cast))]
		switch r.IntN(6) {
		case 0:
			b.WriteString(e.Name)
			mentions++
		case 1:
			b.WriteString(e.Aliases[0] + "’s")
			mentions++
		case 2:
			b.WriteString(e.Demonyms[0] + "s")
			mentions++
		case 3:
			b.WriteString(e.Aliases[0] + "x") // a name's prefix, no mention
		default:
			b.WriteString(syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))])
		}
		if r.IntN(12) == 0 {
			b.WriteString(".\n")
		} else {
			b.WriteString(" ")
		}
	}
	return []byte(b.String()), mentions
}

// stepsFor returns the trie edges Find follows on text, and the mentions it finds. The trie is one of
// bytes: a step is one byte of a folded name (a run of white space in the text is one).
func stepsFor(m *Matcher, text []byte) (steps, found int) {
	before := m.steps.Load()
	found = len(m.Find(text))
	return int(m.steps.Load() - before), found
}

// linearSteps counts the steps that count takes over texts of about n and 4n bytes mentioning cast:
// it must find every mention, and take about four times the steps for four times the text. It returns
// the steps per byte of the shorter text.
func linearSteps(t *testing.T, what string, cast []model.Entity, n int, count func([]byte) (steps, found int)) float64 {
	t.Helper()
	text1, want1 := syntheticText(cast, n, 1)
	text4, want4 := syntheticText(cast, 4*n, 2)
	steps1, found1 := count(text1)
	steps4, found4 := count(text4)
	if found1 != want1 || found4 != want4 {
		t.Fatalf("%s found %d and %d mentions, want %d and %d", what, found1, found4, want1, want4)
	}
	ratio := float64(steps4) / float64(steps1)
	t.Logf("%s: %d steps for %d bytes, %d steps for %d bytes: ratio %.2f", what, steps1, len(text1), steps4, len(text4), ratio)
	if ratio < 3.5 || ratio > 4.5 {
		t.Errorf("%s: four times the text took %.2f times the steps (%d, %d), want about 4", what, ratio, steps1, steps4)
	}
	return float64(steps1) / float64(len(text1))
}

// TestFindIsLinear shows that Find's work grows linearly with the text and does not grow with the
// number of entities: it counts the trie edges followed rather than timing.
func TestFindIsLinear(t *testing.T) {
	const n = 200_000
	big := syntheticCast(5000)
	m := NewMatcher(big)
	if m.Len() != 5000*4 {
		t.Fatalf("the synthetic cast has %d distinct strings, want %d", m.Len(), 5000*4)
	}

	perByteBig := linearSteps(t, "Find with 5,000 entities", big, n, func(text []byte) (int, int) { return stepsFor(m, text) })

	small := syntheticCast(50)
	ms := NewMatcher(small)
	textSmall, wantSmall := syntheticText(small, n, 1)
	stepsSmall, foundSmall := stepsFor(ms, textSmall)
	if foundSmall != wantSmall {
		t.Fatalf("Find found %d mentions with 50 entities, want %d", foundSmall, wantSmall)
	}
	perByteSmall := float64(stepsSmall) / float64(len(textSmall))
	t.Logf("steps per byte: %.3f with 50 entities, %.3f with 5,000", perByteSmall, perByteBig)
	const bound = 1.5
	if perByteSmall > bound || perByteBig > bound {
		t.Errorf("steps per byte are %.3f with 50 entities and %.3f with 5,000, want at most %v", perByteSmall, perByteBig, bound)
	}
	if perByteBig > 1.5*perByteSmall {
		t.Errorf("steps per byte grow with the cast: %.3f with 50 entities, %.3f with 5,000", perByteSmall, perByteBig)
	}
}

// TestTransformIsLinear shows the same of the Transformer, which matches the text of a document's
// blocks, with its white space folded, only where a name may start: its steps grow linearly with the
// document, and it finds every mention.
func TestTransformIsLinear(t *testing.T) {
	const n = 100_000
	cast := syntheticCast(5000)
	m := NewMatcher(cast)
	md := goldmark.New(goldmark.WithExtensions(NewWithMatcher(m)))
	convertSteps := func(src []byte) (steps, found int) {
		before := m.steps.Load()
		pc := parser.NewContext()
		if err := md.Convert(src, io.Discard, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		return int(m.steps.Load() - before), len(Get(pc).Mentions)
	}
	if perByte := linearSteps(t, "the Transformer", cast, n, convertSteps); perByte > 1.5 {
		t.Errorf("%.3f steps per byte, want at most 1.5", perByte)
	}
}

// TestFindStepsWorstCase checks a text that walks the trie as deep as it goes at every word without
// ever matching: the steps per byte are bounded by the longest name, not by the text.
func TestFindStepsWorstCase(t *testing.T) {
	cast := []model.Entity{{ID: "x", Name: "a a a a a a a a b", Kind: model.Place}}
	m := NewMatcher(cast)
	s1, _ := stepsFor(m, []byte(strings.Repeat("a ", 10_000)))
	s4, _ := stepsFor(m, []byte(strings.Repeat("a ", 40_000)))
	if ratio := float64(s4) / float64(s1); ratio < 3.9 || ratio > 4.1 {
		t.Errorf("four times the text took %.2f times the steps (%d, %d), want 4", ratio, s1, s4)
	}
	if perByte := float64(s1) / 20_000; perByte > float64(len("a a a a a a a a b")) {
		t.Errorf("%.1f steps per byte, more than the longest name is long", perByte)
	}
}

func BenchmarkFind5000(b *testing.B) {
	cast := syntheticCast(5000)
	m := NewMatcher(cast)
	text, _ := syntheticText(cast, 1<<20, 1)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		m.Find(text)
	}
}
