package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is what the tagger reads: the tokens of one sentence (or block of text), and for each a
// gazetteer label from the caller ("" for none; for example "country", "demonym", "city"), set on
// every token of a known name.
type Sentence struct {
	Tokens []Token
	Gaz    []string
}

// Doc is what the tagger knows of the whole document: the words it writes in lower case somewhere,
// which are seldom names even where they stand capitalised at the start of a sentence.
type Doc struct {
	lower map[string]bool
	// labels are, in the second pass, the type the first pass gave each word (lower case) most
	// often in the document, plus one.
	labels map[string]int
}

// NewDoc gathers the document-wide facts from all its sentences.
func NewDoc(sentences []Sentence) *Doc {
	d := &Doc{lower: map[string]bool{}}
	for _, s := range sentences {
		for _, t := range s.Tokens {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				d.lower[t.Text] = true
			}
		}
	}
	return d
}

// hasher builds feature hashes (FNV-1a, 32 bits) without allocating.
type hasher uint32

const fnvOffset, fnvPrime = 2166136261, 16777619

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return h
}

func (h hasher) lower(s string) hasher {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ hasher(c)) * fnvPrime
	}
	return h
}

func (h hasher) sep() hasher { return (h ^ 0xff) * fnvPrime }

func feature(name string) hasher { return hasher(fnvOffset).str(name).sep() }

// Feature name prefixes, hashed once.
var (
	fBias   = feature("bias")
	fWord   = feature("w")
	fLower  = feature("lw")
	fShape  = feature("sh")
	fPre3   = feature("p3")
	fSuf2   = feature("s2")
	fSuf3   = feature("s3")
	fSuf4   = feature("s4")
	fPrev   = feature("w-1")
	fPrev2  = feature("w-2")
	fNext   = feature("w+1")
	fNext2  = feature("w+2")
	fPShape = feature("sh-1")
	fNShape = feature("sh+1")
	fTag1   = feature("t-1")
	fTag2   = feature("t-2")
	fTagW   = feature("t-1w")
	fFirst  = feature("first")
	fCaps   = feature("caps")
	fSeenLo = feature("seenlow")
	fGaz    = feature("gaz")
	fPGaz   = feature("gaz-1")
	fNGaz   = feature("gaz+1")
	fShapes = feature("sh-1sh")
	fDocLab = feature("doc")
)

// shape maps a word to its outline: X for a capital, x for a small letter, d for a digit, the mark
// itself otherwise, with runs of one class written once ("Xx", "X.X.", "d-d").
func shape(w string, buf []byte) []byte {
	buf = buf[:0]
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if len(buf) == 0 || buf[len(buf)-1] != c {
			buf = append(buf, c)
		}
	}
	return buf
}

// context is the state of tagging one sentence.
type context struct {
	doc    *Doc
	s      Sentence
	shapes [][]byte
	caps   bool // the sentence is written in capitals, as a headline
	feats  []uint32
}

func newContext(d *Doc, s Sentence) *context {
	c := &context{doc: d, s: s, shapes: make([][]byte, len(s.Tokens))}
	upper, letters := 0, 0
	for i, t := range s.Tokens {
		c.shapes[i] = shape(t.Text, nil)
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				letters++
				if unicode.IsUpper(r) {
					upper++
				}
			}
		}
	}
	c.caps = letters >= 8 && upper*10 >= letters*8
	return c
}

func (c *context) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.s.Tokens):
		return "</s>"
	}
	return c.s.Tokens[i].Text
}

func (c *context) shapeOf(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.s.Tokens):
		return "</s>"
	}
	return string(c.shapes[i])
}

func (c *context) gaz(i int) string {
	if i < 0 || i >= len(c.s.Gaz) {
		return ""
	}
	return c.s.Gaz[i]
}

// features returns the hashed features of token i, given the two tags before it.
func (c *context) features(i, t1, t2 int) []uint32 {
	f := c.feats[:0]
	add := func(h hasher) { f = append(f, uint32(h)) }
	w := c.s.Tokens[i].Text
	add(fBias)
	add(fWord.str(w))
	add(fLower.lower(w))
	sh := c.shapeOf(i)
	add(fShape.str(sh))
	lw := strings.ToLower(w)
	if n := len(lw); n > 2 {
		add(fPre3.str(prefix(lw, 3)))
		add(fSuf2.str(suffix(lw, 2)))
		add(fSuf3.str(suffix(lw, 3)))
		if n > 4 {
			add(fSuf4.str(suffix(lw, 4)))
		}
	}
	add(fPrev.lower(c.word(i - 1)))
	add(fPrev2.lower(c.word(i - 2)))
	add(fNext.lower(c.word(i + 1)))
	add(fNext2.lower(c.word(i + 2)))
	add(fPShape.str(c.shapeOf(i - 1)))
	add(fNShape.str(c.shapeOf(i + 1)))
	add(fShapes.str(c.shapeOf(i - 1)).sep().str(sh).sep().str(c.shapeOf(i + 1)))
	add(fTag1.str(tagNames[t1]))
	add(fTag2.str(tagNames[t2]).sep().str(tagNames[t1]))
	add(fTagW.str(tagNames[t1]).sep().lower(w))
	if i == 0 || sentenceEnd(c.word(i-1)) {
		add(fFirst.str(sh))
	}
	if c.caps {
		add(fCaps.lower(w))
	}
	if c.doc != nil && c.doc.lower[lw] && lw != w {
		add(fSeenLo)
	}
	if c.doc != nil && c.doc.labels != nil {
		if l := c.doc.labels[lw]; l > 0 {
			add(fDocLab.str(Types[l-1]))
			add(fDocLab.str(Types[l-1]).sep().str(sh))
		}
	}
	if g := c.gaz(i); g != "" {
		add(fGaz.str(g))
		add(fGaz.str(g).sep().str(sh))
	}
	if g := c.gaz(i - 1); g != "" {
		add(fPGaz.str(g))
	}
	if g := c.gaz(i + 1); g != "" {
		add(fNGaz.str(g))
	}
	c.feats = f
	return f
}

func prefix(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func suffix(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
		if n == 0 {
			return s[i:]
		}
	}
	return s
}

func sentenceEnd(w string) bool {
	switch w {
	case ".", "?", "!", ":", "\"", "“", "”", "(", "-", "–", "—":
		return true
	}
	return false
}

// tagNames name the tags in features.
var tagNames = func() [nTags]string {
	var n [nTags]string
	n[0] = "O"
	for k, t := range Types {
		n[begin(k)] = "B-" + t
		n[inside(k)] = "I-" + t
	}
	return n
}()

// skip reports whether token i is tagged O without the model: it has no capital letter, and the
// token before it is tagged O.
func (c *context) skip(i, prev int) bool {
	if prev != 0 {
		return false
	}
	for _, r := range c.s.Tokens[i].Text {
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
