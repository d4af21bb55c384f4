package annotate

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/dramatis/dramatis/app/model"
)

var (
	// markPattern matches the tags of a mark. goldmark escapes every "<" of the text and omits raw
	// HTML, so in its output these come from the renderer alone.
	markPattern = regexp.MustCompile(`<mark class="mention e-[^"]*" data-entity="([^"]*)" data-form="([^"]*)">|</mark>`)
	// codePattern matches the start and end tags of code.
	codePattern = regexp.MustCompile(`</?code[ >]`)
)

// FuzzAnnotate converts Markdown with the extension, with the test cast plus one entity named by the
// fuzzer, and checks that:
//   - nothing panics;
//   - marks are well nested, never one inside another, and never inside code;
//   - removing the marks gives exactly the HTML of plain goldmark whose top-level blocks are numbered
//     as the extension numbers them (goldmark writes some elements differently when they have
//     attributes, so the numbers cannot simply be removed);
//   - the text of every mark is one of the names of its entity;
//   - the Result records one mention per mark, in the same order.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"Edi Rama met Israeli Prime Minister Yair Lapid in Tirana.",
		"Prime Minister Edi\nRama paid a visit to the U.S.-Israeli summit.",
		"*Edi Rama*\\\n*Edi Rama visited Israel’s capital*",
		"> The idea to host MEK was not an Albanian initiative but rather a U.S.-Israeli agreement.",
		"`Israel` and Iran, [Israel](/il), ![Iran](x.png) <b>Israel</b>",
		"People's  Mujahideen of Iran and the People’s Mujahideen of Iran",
	} {
		f.Add(s, "Tirana Airport")
	}
	f.Fuzz(func(t *testing.T, src, name string) {
		cast := append(append([]model.Entity{}, testCast...), model.Entity{ID: "fuzz", Name: cleanName(name), Kind: model.Place})
		if cast[len(cast)-1].Name == "" {
			cast = cast[:len(cast)-1]
		}
		md := goldmark.New(goldmark.WithExtensions(New(cast)))
		pc := parser.NewContext()
		var got bytes.Buffer
		if err := md.Convert([]byte(src), &got, parser.WithContext(pc)); err != nil {
			t.Fatalf("Convert: %v", err)
		}
		var plain bytes.Buffer
		numbered := goldmark.New(goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(numberBlocks{}, 500))))
		if err := numbered.Convert([]byte(src), &plain); err != nil {
			t.Fatalf("plain Convert: %v", err)
		}
		marks, err := checkMarks(got.String(), cast)
		if err != nil {
			t.Fatalf("%v\nin %q\nwith the extra name %q", err, got.String(), cleanName(name))
		}
		stripped := markPattern.ReplaceAllString(got.String(), "")
		if stripped != plain.String() {
			t.Fatalf("without marks the HTML is\n%q\nwant plain goldmark's\n%q", stripped, plain.String())
		}
		res := Get(pc)
		if len(res.Mentions) != len(marks) {
			t.Fatalf("the Result has %d mentions, the HTML %d marks", len(res.Mentions), len(marks))
		}
		for i, m := range res.Mentions {
			if m.Entity != marks[i].entity || string(m.Form) != marks[i].form {
				t.Fatalf("mention %d is %+v, mark %d is %+v", i, m, i, marks[i])
			}
			if m.Sentence < 0 || m.Sentence >= len(res.Sentences) {
				t.Fatalf("mention %d stands in sentence %d of %d", i, m.Sentence, len(res.Sentences))
			}
		}
	})
}

// numberBlocks numbers the top-level blocks as the Transformer does, and does nothing else.
type numberBlocks struct{}

func (numberBlocks) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	p := 0
	for b := doc.FirstChild(); b != nil; b = b.NextSibling() {
		b.SetAttributeString("data-p", []byte(strconv.Itoa(p)))
		p++
	}
}

// cleanName keeps the letters, digits, marks, spaces, apostrophes, hyphens and full stops of s: the
// stuff of names. Markdown punctuation would make the source of a mention differ from its rendered text.
func cleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isWord(r) || r == ' ' || r == '\'' || r == '’' || r == '-' || r == '.' {
			b.WriteRune(r)
		}
	}
	if !strings.ContainsFunc(b.String(), unicode.IsLetter) {
		return ""
	}
	return b.String()
}

// markInfo is one mark found in the HTML.
type markInfo struct {
	entity, form, text string
}

// checkMarks checks the marks of converted HTML: well nested, outside code, each holding one of its
// entity's names. It returns them in document order.
func checkMarks(out string, cast []model.Entity) ([]markInfo, error) {
	codeDepth := 0
	codeAt := codePattern.FindAllStringIndex(out, -1)
	var marks []markInfo
	var open *markInfo
	openAt := 0
	for _, loc := range markPattern.FindAllStringSubmatchIndex(out, -1) {
		for len(codeAt) > 0 && codeAt[0][0] < loc[0] {
			if out[codeAt[0][0]+1] == '/' {
				codeDepth--
			} else {
				codeDepth++
			}
			codeAt = codeAt[1:]
		}
		if codeDepth > 0 {
			return nil, fmt.Errorf("a mark inside code at %d", loc[0])
		}
		tag := out[loc[0]:loc[1]]
		if tag == "</mark>" {
			if open == nil {
				return nil, fmt.Errorf("a </mark> without a <mark> at %d", loc[0])
			}
			open.text = out[openAt:loc[0]]
			marks = append(marks, *open)
			open = nil
			continue
		}
		if open != nil {
			return nil, fmt.Errorf("a <mark> inside another at %d", loc[0])
		}
		open = &markInfo{entity: out[loc[2]:loc[3]], form: out[loc[4]:loc[5]]}
		openAt = loc[1]
	}
	if open != nil {
		return nil, fmt.Errorf("a <mark> never closed")
	}
	for _, m := range marks {
		if err := checkMarkText(m, cast); err != nil {
			return nil, err
		}
	}
	return marks, nil
}

// checkMarkText checks that a mark holds one of its entity's names, in the given form, up to white
// space inside it and apostrophes. A hard line break inside counts as white space; no other tag may be
// there, and no white space at either edge.
func checkMarkText(m markInfo, cast []model.Entity) error {
	var e *model.Entity
	for i := range cast {
		if cast[i].ID == m.entity {
			e = &cast[i]
			break
		}
	}
	if e == nil {
		return fmt.Errorf("a mark of %q, which is not in the cast", m.entity)
	}
	text := strings.ReplaceAll(m.text, "<br>", " ")
	if strings.Contains(text, "<") {
		return fmt.Errorf("mark of %q holds a tag: %q", m.entity, m.text)
	}
	text = html.UnescapeString(text)
	if strings.TrimSpace(text) != text {
		return fmt.Errorf("mark of %q holds %q, with white space at an edge", m.entity, m.text)
	}
	got := nameKey(text)
	var names []string
	switch model.Form(m.form) {
	case model.FormName:
		names = []string{e.Name}
	case model.FormAlias:
		names = e.Aliases
	case model.FormDemonym:
		for _, d := range e.Demonyms {
			names = append(names, d, d+"s")
		}
	case model.FormPlace:
		names = e.Places
	default:
		return fmt.Errorf("mark of %q has the form %q", m.entity, m.form)
	}
	for _, n := range names {
		if nameKey(n) == got {
			return nil
		}
	}
	return fmt.Errorf("mark of %q (%s) holds %q, which is none of %q", m.entity, m.form, m.text, names)
}

// nameKey folds white space and apostrophes as matching does.
func nameKey(s string) string {
	return strings.ReplaceAll(strings.Join(strings.Fields(s), " "), "'", "’")
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tirana Airport", "Tirana Airport"},
		{"*Tirana* <b>", "Tirana b"},
		{"123 ...", ""},
		{"O’Brien-Smith Jr.", "O’Brien-Smith Jr."},
	}
	for _, tt := range tests {
		if got := cleanName(tt.in); got != tt.want || !utf8.ValidString(got) {
			t.Errorf("cleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
