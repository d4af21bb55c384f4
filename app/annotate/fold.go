package annotate

import (
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// foldSpace appends a byte of white space to buf, folded: a space, unless one ends buf already.
func (a *annotator) foldSpace() {
	if !a.space {
		a.buf = append(a.buf, ' ')
		a.space = true
	}
}

// fold appends text to buf with each run of white space made one space, and no white space at all at
// its start when buf ends with a run of white space already. It appends to shifts where it dropped
// bytes, to stops where it put the '.', '!' and '?' that may end a sentence, which sentenceSpans
// needs, and to cands where it put the bytes that may start a name, and it sets escaped when text
// has a byte of class classEscape: one pass over the text serves them all.
func (a *annotator) fold(text []byte) {
	if len(text) == 0 {
		return
	}
	if (a.space && a.matcher.class[text[0]]&classSpace != 0) || !a.foldQuick(text) {
		a.foldAll(text)
	}
}

// foldQuick is fold for the most common text, which has no white space but single spaces, and so
// stays as it is. It gives up, leaving a as it was, and returns false at other white space. It
// expects text not to start with white space when buf ends with some.
//
// It looks at every byte, so its loop is kept short: single spaces, as common as words, take no
// branch of their own; two spaces together are noted without one, and looked at once at the end.
func (a *annotator) foldQuick(text []byte) bool {
	quick := &a.matcher.quick
	base := len(a.buf)
	stops, cands := len(a.stops), len(a.cands)
	var blanks, prev uint8 // two spaces together, and whether the byte before was a space
	for i, c := range text {
		cl := quick[c]
		blanks |= prev & cl
		prev = cl & classBlank
		if cl&^classBlank == 0 {
			continue
		}
		if !a.noteQuick(text, i, base+i, cl) {
			a.stops, a.cands = a.stops[:stops], a.cands[:cands]
			return false
		}
	}
	if blanks != 0 {
		a.stops, a.cands = a.stops[:stops], a.cands[:cands]
		return false
	}
	a.buf = append(a.buf, text...)
	a.space = text[len(text)-1] == ' '
	return true
}

// noteQuick serves foldQuick at text[i], of class cl, which will be at offset at of buf. It notes a
// byte that may start a name or end a sentence, and reports false at white space other than a space.
func (a *annotator) noteQuick(text []byte, i, at int, cl uint8) bool {
	if cl&classStart != 0 {
		a.cands = append(a.cands, at)
	}
	if cl&classStop != 0 {
		a.stops = append(a.stops, at)
	}
	if cl&classEscape != 0 {
		a.escaped = true
	}
	if cl&classSpace != 0 {
		// White space other than a space, or the first byte of a longer character that may be
		// some. The bytes after a first byte are of no class.
		if text[i] < utf8.RuneSelf {
			return false
		}
		if r, _ := utf8.DecodeRune(text[i:]); isSpace(r) {
			return false
		}
	}
	return true
}

// foldAll is fold for any text.
func (a *annotator) foldAll(text []byte) {
	class := &a.matcher.class
	out, stops, cands := a.buf, a.stops, a.cands
	removed := 0
	done := 0     // text[:done] is in out
	spaceEnd := 0 // where the last run of white space ends
	i := 0
	if a.space {
		// White space at the start continues a run that buf ends with: all of it goes.
		i = spaceAfter(text, 0)
		if i > 0 {
			removed, done, spaceEnd = i, i, i
			a.shifts = append(a.shifts, shift{at: len(out), removed: removed})
		}
	}
	for {
		// The bytes that fold keeps, as most are, are skipped over here, in a tight loop.
		for i < len(text) && class[text[i]] == 0 {
			i++
		}
		if i == len(text) {
			break
		}
		c := text[i]
		cl := class[c]
		if cl&classStart != 0 {
			cands = append(cands, len(out)+i-done)
		}
		if cl&classEscape != 0 {
			a.escaped = true
		}
		if cl&classStop != 0 {
			stops = append(stops, len(out)+i-done)
		}
		if cl&classSpace == 0 {
			i++
			continue
		}
		if c == ' ' && (i+1 == len(text) || class[text[i+1]]&classSpace == 0) {
			// One space stays as it is.
			i++
			spaceEnd = i
			continue
		}
		j := spaceAfter(text, i) // the end of the run of white space that starts at i
		if j == i {
			// The first byte of a character that is no white space.
			_, size := utf8.DecodeRune(text[i:])
			i += size
			continue
		}
		out = append(out, text[done:i]...)
		if j > i+1 || c != ' ' {
			out = append(out, ' ')
			removed += j - i - 1
			if j-i > 1 {
				a.shifts = append(a.shifts, shift{at: len(out), removed: removed})
			}
			done = j
		} else {
			done = i
		}
		i, spaceEnd = j, j
	}
	a.buf, a.stops, a.cands = append(out, text[done:]...), stops, cands
	a.space = spaceEnd == len(text)
}

// spaceAfter returns the end of the run of white space in text that starts at i, or i.
func spaceAfter(text []byte, i int) int {
	for i < len(text) {
		r, s := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, s = utf8.DecodeRune(text[i:])
		}
		if !isSpace(r) {
			break
		}
		i += s
	}
	return i
}

// foldClass classifies the bytes for fold: classSpace for those that start a white space character
// (ASCII white space and the first bytes of the longer ones), classStop for '.', '!' and '?', which
// may end a sentence, classEscape for those that goldmark's Writer does not write as they are (NUL,
// '"', '&', '<' and '>', which it escapes, and the backslash), and 0 for the rest. A Matcher adds
// classStart (see Matcher.class).
var foldClass = func() (t [256]uint8) {
	var enc [utf8.UTFMax]byte
	for _, r16 := range unicode.White_Space.R16 {
		for r := rune(r16.Lo); r <= rune(r16.Hi); r += rune(r16.Stride) {
			utf8.EncodeRune(enc[:], r)
			t[enc[0]] = classSpace
		}
	}
	for _, r32 := range unicode.White_Space.R32 {
		for r := rune(r32.Lo); r <= rune(r32.Hi); r += rune(r32.Stride) {
			utf8.EncodeRune(enc[:], r)
			t[enc[0]] = classSpace
		}
	}
	t['.'], t['!'], t['?'] = classStop, classStop, classStop
	for c := range t {
		if util.EscapeHTMLByte(byte(c)) != nil || c == '\\' {
			t[c] |= classEscape
		}
	}
	return t
}()

// The classes of bytes in foldClass, Matcher.class and Matcher.quick, bits that may be combined.
const (
	classSpace = 1 << iota
	classStop
	classStart
	classBlank // a space, in Matcher.quick
	classEscape
)
