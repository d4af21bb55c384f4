package detect

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/dramatis/dramatis/app/detect/ner"
)

// Sentences tokenizes the blocks, splits them into sentences and labels their tokens from the
// gazetteer, as the tagger reads them. in[i] is the block that sentence i stands in.
func Sentences(blocks []Block) (sents []ner.Sentence, in []int) {
	for i := range blocks {
		toks := ner.Tokenize(blocks[i].Text)
		for len(toks) > 0 {
			n := sentenceLength(toks, blocks[i].breaks)
			sents = append(sents, ner.Sentence{Tokens: toks[:n:n], Gaz: gazLabels(toks[:n])})
			in = append(in, i)
			toks = toks[n:]
		}
	}
	return sents, in
}

// sentenceLength returns how many of the tokens make up the first sentence: up to a full stop,
// question or exclamation mark (and the quotes closing after it) followed by a capital, a digit or
// an opening quote, or up to a hard line break. A full stop after an abbreviation ("Mr.",
// "Gen.") ends no sentence.
func sentenceLength(toks []ner.Token, breaks []int) int {
	for k := 0; k < len(toks)-1; k++ {
		if _, ok := slices.BinarySearch(breaks, toks[k+1].Start); ok {
			return k + 1
		}
		switch toks[k].Text {
		case ".", "?", "!":
		default:
			continue
		}
		if k > 0 && abbreviations[toks[k-1].Text] && toks[k-1].End == toks[k].Start {
			continue
		}
		j := k + 1
		for j < len(toks)-1 && isCloseQuote(toks[j].Text) {
			j++
		}
		if r, _ := utf8.DecodeRuneInString(toks[j].Text); unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenQuote(toks[j].Text) {
			return j
		}
	}
	return len(toks)
}

func isCloseQuote(s string) bool {
	return s == "\"" || s == "”" || s == "’" || s == "'" || s == ")"
}
func isOpenQuote(s string) bool { return s == "\"" || s == "“" || s == "‘" || s == "(" }

// TokenSpan returns where token t of block b lies in the source: [start, end).
func (b *Block) TokenSpan(t ner.Token) (start, end int) {
	return b.Source(t.Start), b.Source(t.End-1) + 1
}
