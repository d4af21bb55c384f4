package document

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/dramatis/dramatis/app/model"
)

// Located is a mention with where it stands in the article file exactly as given: the bytes
// [Start, End), front matter, byte order mark and CR line ends included. A mention in the head lies
// in the front matter's value of its field.
type Located struct {
	model.Mention
	Kind       model.Kind
	Start, End int
}

// Locate builds the document of article as Build does and returns its mentions in reading order
// with their place in article. A head mention whose field's value the front matter does not hold
// verbatim (a quoted value with escapes, a folded one) gets Start and End -1.
func Locate(file string, article []byte, entities []model.Entity) (*model.Document, []Located, error) {
	doc, spans, front, err := build(file, article, entities)
	if err != nil {
		return nil, nil, err
	}
	kinds := map[string]model.Kind{}
	for _, e := range entities {
		kinds[e.ID] = e.Kind
	}
	orig := newOffsets(article, front)
	head := len(doc.Mentions) - len(spans)
	out := make([]Located, len(doc.Mentions))
	fields := headValues(article, orig)
	for i, m := range doc.Mentions {
		out[i] = Located{Mention: m, Kind: kinds[m.Entity], Start: -1, End: -1}
		if i >= head {
			sp := spans[i-head]
			out[i].Start, out[i].End = orig.body(sp.Start), orig.body(sp.Stop)
			continue
		}
		if f := fields.of(doc.Meta, m.Paragraph); f != nil {
			out[i].Start, out[i].End = f.find(article, m.Text)
		}
	}
	return doc, out, nil
}

// offsets maps positions in the prepared article (see Prepare) back to the file as given.
type offsets struct {
	// norm[k] is the offset in the file of byte k of the article with its BOM dropped and line ends
	// made LF, up to the end.
	norm []int
	// frontLen is the length of the front matter in the normalised article, and frontLines its
	// lines, which the body replaces with as many LFs.
	frontLen, frontLines int
}

func newOffsets(article []byte, front int) *offsets {
	o := &offsets{frontLen: front}
	i := 0
	if bytes.HasPrefix(article, []byte("\uFEFF")) {
		i = 3
	}
	lines := 0
	for ; i < len(article); i++ {
		if article[i] == '\r' && i+1 < len(article) && article[i+1] == '\n' {
			continue // the LF stands for both
		}
		if len(o.norm) < front && (article[i] == '\n' || article[i] == '\r') {
			lines++
		}
		o.norm = append(o.norm, i)
	}
	o.norm = append(o.norm, len(article))
	o.frontLines = lines
	return o
}

// body maps an offset in the prepared body to the file.
func (o *offsets) body(b int) int {
	n := b
	if o.frontLen > 0 {
		n = b - o.frontLines + o.frontLen
	}
	return o.norm[min(max(n, 0), len(o.norm)-1)]
}

// headValue is where a front matter field's value starts in the file, and where the front matter
// ends.
type headValue struct{ start, end, cursor int }

type headFieldValues map[string]*headValue

// headValues finds each front matter field's value in the file.
func headValues(article []byte, o *offsets) headFieldValues {
	out := headFieldValues{}
	if o.frontLen == 0 {
		return out
	}
	end := o.norm[o.frontLen-1]
	var doc yaml.Node
	start := o.norm[4]
	if yaml.Unmarshal(article[start:end], &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	m := doc.Content[0]
	// Lines and columns count in the YAML, which starts on the file's second line.
	lineStarts := []int{start}
	for i := start; i < end; i++ {
		if article[i] == '\n' {
			lineStarts = append(lineStarts, i+1)
		}
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if v.Line-1 >= len(lineStarts) {
			continue
		}
		at := lineStarts[v.Line-1]
		// The column counts characters; step over them.
		for c := 1; c < v.Column && at < end; c++ {
			_, size := utf8.DecodeRune(article[at:])
			at += size
		}
		out[k.Value] = &headValue{start: at, end: end, cursor: at}
	}
	return out
}

// of returns the value of the head block p: the head's blocks are the fields that are not empty, in
// the order headFields gives them.
func (h headFieldValues) of(meta model.Meta, p int) *headValue {
	names := []string{"publication", "title", "standfirst", "author", "dateline"}
	values := []string{meta.Publication, meta.Title, meta.Standfirst, meta.Author, meta.Dateline}
	k := -1
	for i, v := range values {
		if strings.TrimSpace(v) != "" {
			k++
			if k == p {
				return h[names[i]]
			}
		}
	}
	return nil
}

// find returns where text next stands in the value, from the end of the last mention found in it;
// letters match whatever their case (a dateline in capitals), and any white space matches any.
func (v *headValue) find(article []byte, text string) (int, int) {
	want := strings.Fields(text)
	for at := v.cursor; at < v.end; at++ {
		if e, ok := matchAt(article[:v.end], at, want); ok {
			v.cursor = e
			return at, e
		}
	}
	return -1, -1
}

// matchAt reports whether the words stand at b[at:], separated by white space, and where they end.
func matchAt(b []byte, at int, words []string) (int, bool) {
	for i, w := range words {
		if i > 0 {
			j := at
			for j < len(b) && (b[j] == ' ' || b[j] == '\n' || b[j] == '\t' || b[j] == '\r') {
				j++
			}
			if j == at {
				return 0, false
			}
			at = j
		}
		if at+len(w) > len(b) || !strings.EqualFold(string(b[at:at+len(w)]), w) {
			return 0, false
		}
		at += len(w)
	}
	return at, true
}
