package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Position returns where the mention with index i stands in the article body, from 0 (its start) to 1
// (its end), measured in characters of text.
func (a *Article) Position(i int) float64 {
	if i < 0 || i >= len(a.pos) {
		return 0
	}
	return a.pos[i]
}

// Density counts the mentions of id (by name or alias only when namesOnly is set) that fall in each
// of bins equal stretches of the body.
func (a *Article) Density(id string, bins int, namesOnly bool) []int {
	out := make([]int, bins)
	if bins <= 0 {
		return out
	}
	for _, i := range a.Mentions(id, namesOnly) {
		b := int(a.pos[i] * float64(bins))
		out[min(max(b, 0), bins-1)]++
	}
	return out
}

// positions measures where each mention stands in the body's text. The body's <mark> elements are the
// mentions in reading order; when their number does not match, it falls back to the paragraphs.
func (a *Article) positions() []float64 {
	ms := a.Doc.Mentions
	pos := make([]float64, len(ms))
	marks, total := markOffsets(a.Doc.HTML)
	if len(marks) == len(ms) && total > 0 {
		for i, off := range marks {
			pos[i] = float64(off) / float64(total)
		}
		return pos
	}
	for i, m := range ms {
		pos[i] = (float64(m.Paragraph) + 0.5) / float64(max(a.blocks, 1))
	}
	return pos
}

// markOffsets returns the offset in characters of the text of html at which each <mark> element
// starts, and the length of that text. A character reference counts as one character and a run of
// white space as one. It is a scanner for the markup that goldmark writes, not an HTML parser.
func markOffsets(html string) (marks []int, total int) {
	space := true // no leading white space is counted
	for i := 0; i < len(html); {
		switch html[i] {
		case '<':
			end := strings.IndexByte(html[i:], '>')
			if end < 0 {
				return marks, total
			}
			if tag := html[i+1 : i+end]; strings.HasPrefix(tag, "mark") && (len(tag) == 4 || tag[4] == ' ') {
				marks = append(marks, total)
			}
			i += end + 1
		case '&':
			if end := strings.IndexByte(html[i:min(i+12, len(html))], ';'); end > 0 {
				i += end + 1
			} else {
				i++
			}
			total++
			space = false
		default:
			r, size := utf8.DecodeRuneInString(html[i:])
			i += size
			if unicode.IsSpace(r) {
				if !space {
					total++
				}
				space = true
				continue
			}
			total++
			space = false
		}
	}
	return marks, total
}
