package ner

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word or punctuation mark of a text: its bytes [Start, End) and the text itself.
type Token struct {
	Text       string
	Start, End int
}

// Tokenize splits s into tokens the way the CoNLL-2003 corpus, which the model learned from, splits
// news text: words with their inner hyphens and apostrophes ("rain-affected", "O'Neill"), initialisms
// with their dots ("U.S."), numbers with their separators ("1,500", "3.5"), the clitic "'s" apart
// from its word, and every other mark as a token of its own. White space separates tokens and is in
// none.
func Tokenize(s string) []Token {
	var out []Token
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpace(r):
			i += n
			continue
		case isWordRune(r):
			end := wordEnd(s, i)
			out = append(out, Token{Text: s[i:end], Start: i, End: end})
			i = end
			continue
		}
		// A clitic: 's, 'S, n't are their own tokens in the corpus.
		if (r == '\'' || r == '’') && len(out) > 0 && out[len(out)-1].End == i {
			if j := i + n; j < len(s) && (s[j] == 's' || s[j] == 'S') && !isWordAt(s, j+1) {
				out = append(out, Token{Text: s[i : j+1], Start: i, End: j + 1})
				i = j + 1
				continue
			}
		}
		out = append(out, Token{Text: s[i : i+n], Start: i, End: i + n})
		i += n
	}
	return out
}

// wordEnd returns the end of the word that starts at i.
func wordEnd(s string, i int) int {
	start := i
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isWordRune(r) {
			i += n
			continue
		}
		// Joiners between word characters: a hyphen, an apostrophe not starting the clitic 's, a
		// dot or comma between digits, an ampersand between capitals ("AT&T").
		if i+n < len(s) && isWordAt(s, i+n) {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[start:i])
			switch {
			case r == '-' || r == '‐':
				i += n
				continue
			case (r == '\'' || r == '’') && !clitic(s, i+n):
				i += n
				continue
			case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
				i += n
				continue
			case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
				i += n
				continue
			}
		}
		if r == '.' && initialism(s[start:i]) {
			// "U.S." and "U.N.": single letters, each with its dot.
			i += n
			for i+1 < len(s) && isLetterByte(s[i]) && !isWordAt(s, i+1) && s[i+1] == '.' {
				i += 2
			}
			return i
		}
		break
	}
	return i
}

// initialism reports whether w is a single letter, so that a dot after it may belong to an
// initialism.
func initialism(w string) bool {
	return len(w) == 1 && isLetterByte(w[0])
}

func isLetterByte(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// clitic reports whether s[i:] is the "s" of a clitic 's ending a word.
func clitic(s string, i int) bool {
	return i < len(s) && (s[i] == 's' || s[i] == 'S') && !isWordAt(s, i+1)
}

func isWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u00a0' || unicode.IsSpace(r)
}
