package document

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"github.com/dramatis/dramatis/app/annotate"
	"github.com/dramatis/dramatis/app/model"
)

// headField is one line of the article's head: the front matter field it shows, and the class of
// the block that shows it.
type headField struct {
	class, prefix, value string
	heading              bool
}

// headFields lists the article's head in reading order: the publication as a kicker, the title,
// the standfirst, the byline and the dateline. Those the front matter leaves empty are left out.
func headFields(m model.Meta) []headField {
	all := []headField{
		{class: "kicker", value: m.Publication},
		{value: m.Title, heading: true},
		{class: "standfirst", value: m.Standfirst},
		{class: "byline", prefix: "By ", value: m.Author},
		{class: "dateline", value: datelineCase(m.Dateline)},
	}
	var out []headField
	for _, f := range all {
		if f.value = strings.Join(strings.Fields(f.value), " "); f.value != "" {
			out = append(out, f)
		}
	}
	return out
}

// head is the article's head, annotated as its body is: the HTML of its blocks, inside a <header>,
// and its mentions and sentences, which come before the body's.
type head struct {
	html      string
	blocks    int
	mentions  []model.Mention
	sentences []string
}

// renderHead annotates the head of the article described by meta with md, whose extensions include
// the annotator. Each field is one top-level block, numbered from 0 like the body's blocks, so that
// its mentions are counted, stepped through, exported and shown together like the body's.
func renderHead(file string, md goldmark.Markdown, meta model.Meta) (head, error) {
	fields := headFields(meta)
	if len(fields) == 0 {
		return head{}, nil
	}
	var src bytes.Buffer
	for _, f := range fields {
		if f.heading {
			src.WriteString("# ")
		}
		src.WriteString(escapeInline(f.prefix + f.value))
		src.WriteString("\n\n")
	}
	pc := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(src.Bytes()), parser.WithContext(pc))
	if n := root.ChildCount(); n != len(fields) {
		return head{}, fmt.Errorf("%s: the front matter's fields make %d blocks, want %d", file, n, len(fields))
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src.Bytes(), root); err != nil {
		return head{}, fmt.Errorf("%s: %w", file, err)
	}
	// The annotator writes a paragraph's opening tag itself, with its number alone: the class goes
	// in beside it.
	html := buf.String()
	for i, f := range fields {
		if f.class != "" {
			number := ` data-p="` + strconv.Itoa(i) + `">`
			html = strings.Replace(html, "<p"+number, `<p class="`+f.class+`"`+number, 1)
		}
	}
	res := annotate.Get(pc)
	return head{html: `<header class="story-head">` + html + `</header>`, blocks: len(fields),
		mentions: res.Mentions, sentences: res.Sentences}, nil
}

// escapeInline escapes s so that Markdown reads it as one line of plain text: every character that
// could open inline markup, and any that would make the line a block of another kind.
func escapeInline(s string) string {
	var b strings.Builder
	for i, r := range s {
		if strings.ContainsRune("\\`*_[]<>&!#~|", r) || (i == 0 && strings.ContainsRune("-+=>:", r)) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	// "1. Title" and "1) Title" would start an ordered list.
	if n := len(out) - len(strings.TrimLeft(out, "0123456789")); n > 0 && n < len(out) && (out[n] == '.' || out[n] == ')') {
		out = out[:n] + "\\" + out[n:]
	}
	return out
}

// datelineCase writes a dateline in capitals ("TEHRAN", "WASHINGTON, D.C.") as names are written
// ("Tehran", "Washington, D.C."), so that the cast's names match it; the page shows it in capitals
// again. A dateline in mixed case stays as it is.
func datelineCase(s string) string {
	if strings.ToUpper(s) != s || strings.ToLower(s) == s {
		return s
	}
	var b strings.Builder
	prev := ' '
	for _, r := range s {
		if unicode.IsLetter(prev) {
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}
