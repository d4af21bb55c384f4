package annotate

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// sentenceSpans splits text into sentences and appends their [start, end) byte ranges, which together
// cover text, to spans. A sentence ends at '.', '!' or '?' (and any closing quotes or brackets after
// it) that is followed by white space and then an upper-case letter, a digit or an opening quote,
// unless the word before the stop is an abbreviation such as "U.S." or an initial. stops are the
// offsets of all the '.', '!' and '?' in text, in order, which the pass that folds the text notes as
// it goes, so that this one looks at them alone.
func sentenceSpans(spans [][2]int, text []byte, stops []int) [][2]int {
	first := len(spans)
	start := 0
	resume := 0 // where the search for the next stop resumes
	for _, at := range stops {
		if at < resume {
			continue
		}
		r := text[at]
		i := at + 1
		end := i
		for end < len(text) {
			c, s := utf8.DecodeRune(text[end:])
			if !isCloser(c) {
				break
			}
			end += s
		}
		next := end
		for next < len(text) {
			c, s := utf8.DecodeRune(text[next:])
			if !isSpace(c) {
				break
			}
			next += s
		}
		if next == end || next == len(text) {
			continue
		}
		c, _ := utf8.DecodeRune(text[next:])
		if !unicode.IsUpper(c) && !unicode.IsDigit(c) && !isOpener(c) {
			continue
		}
		if r == '.' && abbreviation(text[start:i-1]) {
			continue
		}
		spans = append(spans, [2]int{start, end})
		start, resume = next, next
	}
	if start < len(text) || len(spans) == first {
		spans = append(spans, [2]int{start, len(text)})
	}
	return spans
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', ')', ']', '»':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '‘', '“', '(', '[', '«':
		return true
	}
	return false
}

// abbreviation reports whether the last word of text (the word before a full stop) is an abbreviation:
// a single letter, a word with inner full stops ("U.S"), or a common title.
func abbreviation(text []byte) bool {
	w := len(text)
	for w > 0 {
		r, s := utf8.DecodeLastRune(text[:w])
		if isSpace(r) || r == '(' || r == '-' || r == '—' || r == '–' {
			break
		}
		w -= s
	}
	word := text[w:]
	if utf8.RuneCount(word) == 1 {
		return true
	}
	if bytes.IndexByte(word, '.') >= 0 {
		return true
	}
	switch string(word) {
	case "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "Prof", "vs", "etc":
		return true
	}
	return false
}
