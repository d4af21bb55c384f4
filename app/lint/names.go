package lint

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/annotate"
	"github.com/dramatis/dramatis/app/model"
)

// Uncovered returns a warning for each capitalised name in body, the Markdown of an article, that is
// not part of a mention of an entity: a name the catalogue may be missing. Each name is reported
// once, at the first line it is reported for, and the warnings are in line order. Lines are those of
// body, which should keep the article's lines (see document.Prepare).
//
// A name is a run of capitalised words, which may hold "of", "the", "for" and a few such particles
// between them ("Wag the Dog", "Ministry of Intelligence"). To keep the list short and useful, it
// leaves out:
//   - a function word opening a sentence ("The Hague" is "Hague");
//   - a single word at the start of a sentence that the article never capitalises elsewhere;
//   - a name directly followed by a mention, such as a title ("Prime Minister Edi Rama");
//   - one-letter words, and the names of months and days;
//   - code, raw HTML, autolinks and image descriptions.
func Uncovered(file string, body []byte, entities []model.Entity) []Warning {
	md := goldmark.New(goldmark.WithExtensions(annotate.New(entities)))
	root := md.Parser().Parse(text.NewReader(body))
	s := stream{mentions: annotate.Spans(root.(*ast.Document))}
	var blocks [][]token
	for b := root.FirstChild(); b != nil; b = b.NextSibling() {
		s.buf, s.offs = s.buf[:0], s.offs[:0]
		s.inline(b, body)
		blocks = append(blocks, s.tokens())
	}
	midCaps := map[string]bool{} // capitalised words seen other than at the start of a sentence
	for _, toks := range blocks {
		for _, t := range toks {
			if t.kind == wordToken && t.capital && !t.sentenceStart {
				midCaps[t.text] = true
			}
		}
	}

	type found struct {
		line int
		name string
	}
	var names []found
	seen := map[string]bool{}
	for _, toks := range blocks {
		for _, seq := range sequences(toks) {
			name, at, ok := judge(seq, midCaps)
			if !ok || seen[name] {
				continue
			}
			seen[name] = true
			names = append(names, found{line: bytes.Count(body[:at], []byte("\n")) + 1, name: name})
		}
	}
	out := make([]Warning, len(names))
	for i, n := range names {
		out[i] = Warning{File: file, Line: n.line, Msg: fmt.Sprintf("%q is capitalised but no entry covers it", n.name)}
	}
	Sort(out)
	return out
}

// tokenKind tells words from what separates them.
type tokenKind int

const (
	wordToken    tokenKind = iota
	spaceToken             // white space only
	hyphenToken            // a hyphen between two words, as in "pro-Western"
	mentionToken           // a mention of an entity
	breakToken             // punctuation, code or anything else that ends a name
)

// token is a word or a separator of a block's text.
type token struct {
	kind tokenKind
	text string // a word without a possessive ’s
	at   int    // the word's offset in the source

	capital       bool // the word starts with an upper-case letter
	sentenceStart bool // the word opens a sentence, a quotation or the block
}

// stream is the inline text of one block, with each byte's source offset, and mentions and other
// inline elements standing as single marker bytes.
type stream struct {
	buf  []byte
	offs []int
	// mentions are where the mentions of the document lie in the source, in reading order, as
	// annotate.Spans gives them; next is the first that the stream has not passed, and inMention is
	// set while the stream is inside it.
	mentions  []text.Segment
	next      int
	inMention bool
}

// The marker bytes in a stream.
const (
	mentionMark = '\x00' // a mention
	breakMark   = '\x01' // code, raw HTML, an image: it ends a name
	blockMark   = '\x02' // the start of a nested block: it opens a sentence
)

// add appends the bytes b, which start at offset at of the source. The text of a mention becomes a
// single mentionMark.
func (s *stream) add(b []byte, at int) {
	for i := range b {
		o := at + i
		for s.next < len(s.mentions) && s.mentions[s.next].Stop <= o {
			s.next++
			s.inMention = false
		}
		if s.next < len(s.mentions) && o >= s.mentions[s.next].Start {
			s.mark(mentionMark)
			s.inMention = true
			if o == s.mentions[s.next].Stop-1 {
				s.next++
				s.inMention = false
			}
			continue
		}
		s.buf = append(s.buf, b[i])
		s.offs = append(s.offs, o)
	}
}

// mark appends the marker byte c, unless the stream is inside a mention, which stands as one marker:
// a mention may cross a line break.
func (s *stream) mark(c byte) {
	if s.inMention {
		return
	}
	s.buf = append(s.buf, c)
	s.offs = append(s.offs, -1)
}

// inline appends the text under n. Code blocks and HTML blocks hold no names.
func (s *stream) inline(n ast.Node, source []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			s.add(c.Segment.Value(source), c.Segment.Start)
			if c.SoftLineBreak() || c.HardLineBreak() {
				s.mark('\n')
			}
		case *ast.String:
			s.mark(breakMark)
		case *ast.CodeSpan, *ast.RawHTML, *ast.AutoLink, *ast.Image, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock:
			s.mark(breakMark)
		default:
			if c.Type() == ast.TypeBlock {
				s.mark(blockMark)
			}
			s.inline(c, source)
		}
	}
}

// tokens splits the stream into words and separators.
func (s *stream) tokens() []token {
	var toks []token
	sentence := true // the next word opens a sentence
	for i := 0; i < len(s.buf); {
		r, size := utf8.DecodeRune(s.buf[i:])
		switch {
		case isLetter(r):
			j := i + size
			for j < len(s.buf) {
				r2, s2 := utf8.DecodeRune(s.buf[j:])
				if isLetter(r2) {
					j += s2
					continue
				}
				// An apostrophe or full stop inside a word ("O’Brien", "U.S") is part of it.
				if r2 == '\'' || r2 == '’' || r2 == '.' {
					if r3, _ := utf8.DecodeRune(s.buf[j+s2:]); j+s2 < len(s.buf) && isLetter(r3) {
						j += s2
						continue
					}
				}
				break
			}
			w := string(s.buf[i:j])
			for _, p := range []string{"’s", "'s"} {
				w = strings.TrimSuffix(w, p)
			}
			first, _ := utf8.DecodeRuneInString(w)
			toks = append(toks, token{
				kind: wordToken, text: w, at: s.offs[i],
				capital: unicode.IsUpper(first) || unicode.IsTitle(first), sentenceStart: sentence,
			})
			sentence = false
			i = j
		case unicode.IsSpace(r):
			toks = appendSep(toks, spaceToken)
			i += size
		case r == '-' && i > 0 && i+1 < len(s.buf) && len(toks) > 0 && toks[len(toks)-1].kind == wordToken:
			toks = appendSep(toks, hyphenToken)
			i += size
		case r == mentionMark:
			toks = appendSep(toks, mentionToken)
			sentence = false
			i += size
		default:
			toks = appendSep(toks, breakToken)
			switch {
			case r == '.' || r == '!' || r == '?' || r == ':' || r == '…' || r == blockMark:
				sentence = true
			case isOpener(r) && (i == 0 || !isLetter(lastRune(s.buf[:i]))):
				sentence = true // an opening quotation starts like a sentence
			}
			i += size
		}
	}
	return toks
}

// appendSep appends a separator, merging it with the one before: a break outweighs a hyphen, which
// outweighs white space. A mention takes the place of the white space before it and drops the white
// space after it, so that a word and a mention with only white space between them are neighbours.
func appendSep(toks []token, k tokenKind) []token {
	n := len(toks)
	if n == 0 || toks[n-1].kind == wordToken {
		return append(toks, token{kind: k})
	}
	last := &toks[n-1]
	switch {
	case k == mentionToken && last.kind == spaceToken:
		last.kind = mentionToken
	case last.kind == mentionToken && k == spaceToken:
	case k == mentionToken || last.kind == mentionToken:
		return append(toks, token{kind: k})
	case k > last.kind:
		last.kind = k
	}
	return toks
}

// particles may stand inside a name between capitalised words.
var particles = map[string]bool{
	"of": true, "the": true, "for": true, "de": true, "del": true, "der": true, "la": true, "le": true,
	"van": true, "von": true, "bin": true, "al": true, "e": true,
}

// sequence is a run of capitalised words and particles, and what follows it.
type sequence struct {
	words         []token
	seps          []tokenKind // seps[i] stands between words[i] and words[i+1]: a space or a hyphen
	beforeMention bool        // only white space stands between the last word and a mention
}

// sequences returns the runs of capitalised words in toks, joined by white space or hyphens, with
// particles between capitalised words. A word belongs to one run at most. After a lower-case prefix
// and a hyphen ("non-Arab Muslim states") each word is a run of its own, unless a mention follows
// ("then-Prime Minister Sali Berisha").
func sequences(toks []token) []sequence {
	var out []sequence
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != wordToken || !toks[i].capital {
			continue
		}
		prefixed := i >= 2 && toks[i-1].kind == hyphenToken && !toks[i-2].capital
		seq := sequence{words: []token{toks[i]}}
		j := i // the last word taken
		for {
			var middle []token
			var seps []tokenKind
			k := j + 1
			extended := false
			for k+1 < len(toks) && (toks[k].kind == spaceToken || toks[k].kind == hyphenToken) && toks[k+1].kind == wordToken {
				w := toks[k+1]
				seps = append(seps, toks[k].kind)
				if w.capital {
					seq.words = append(append(seq.words, middle...), w)
					seq.seps = append(seq.seps, seps...)
					j, extended = k+1, true
					break
				}
				if !particles[w.text] {
					break
				}
				middle = append(middle, w)
				k += 2
			}
			if !extended {
				break
			}
		}
		seq.beforeMention = j+1 < len(toks) && toks[j+1].kind == mentionToken
		i = j
		if !prefixed || seq.beforeMention {
			out = append(out, seq)
			continue
		}
		for _, w := range seq.words {
			if w.capital {
				out = append(out, sequence{words: []token{w}})
			}
		}
	}
	return out
}

// judge decides whether seq is a name to report, and returns it with its source offset.
func judge(seq sequence, midCaps map[string]bool) (string, int, bool) {
	words, seps := seq.words, seq.seps
	if words[0].sentenceStart && common(words[0].text) {
		// "The Hague" is "Hague"; "In Tirana" is nothing.
		words, seps = words[1:], seps[min(1, len(seps)):]
		for len(words) > 0 && !words[0].capital {
			words, seps = words[1:], seps[1:]
		}
	}
	switch {
	case len(words) == 0, seq.beforeMention:
		return "", 0, false
	case len(words) == 1 && words[0].sentenceStart && !midCaps[words[0].text]:
		return "", 0, false
	case len(words) == 1 && (utf8.RuneCountInString(words[0].text) == 1 || calendar[words[0].text]):
		return "", 0, false
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			if seps[i-1] == hyphenToken {
				b.WriteByte('-')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(w.text)
	}
	return b.String(), words[0].at, true
}

// common reports whether w, a capitalised word, is a function word such as "The" or "But".
func common(w string) bool {
	return functionWords[strings.ToLower(w)]
}

// functionWords are words that open sentences without being names.
var functionWords = wordSet(`a an the and but or nor so yet for of in on at to by from with as if then
	than that this these those there here it its he she his her they them their we our you your i me
	my what which who whom whose when where why how all both each every some many most much no not
	none one such after before while since until although though because however meanwhile also even
	just only still indeed instead thus therefore yes`)

// calendar holds the names of months and days, capitalised without being anyone's name.
var calendar = wordSet(`January February March April May June July August September October
	November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)

// wordSet returns the set of the white-space-separated words of s.
func wordSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(s) {
		set[w] = true
	}
	return set
}

// isLetter reports whether r belongs to a word.
func isLetter(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isOpener reports whether r opens a quotation or an aside.
func isOpener(r rune) bool {
	return strings.ContainsRune("\"“‘'(«[", r)
}

// lastRune returns the last rune of b.
func lastRune(b []byte) rune {
	r, _ := utf8.DecodeLastRune(b)
	return r
}
