package reader

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Row is one mention as an export lists it.
type Row struct {
	Entity    string     `json:"entity"`    // the entity's id
	Name      string     `json:"name"`      // the entity's name in the catalogue
	Form      model.Form `json:"form"`      // name, alias, demonym or place
	Text      string     `json:"text"`      // the words of the article
	Paragraph int        `json:"paragraph"` // the top-level block it stands in, counted from 1
	Sentence  string     `json:"sentence"`  // the sentence it stands in
}

// Rows returns the mentions of ids in reading order, or of everyone when ids is empty; with namesOnly
// set, only those by name or alias.
func (a *Article) Rows(ids []string, namesOnly bool) []Row {
	rows := []Row{}
	for _, m := range a.Doc.Mentions {
		if (len(ids) > 0 && !contains(ids, m.Entity)) || (namesOnly && !IsName(m.Form)) {
			continue
		}
		r := Row{Entity: m.Entity, Name: a.byID[m.Entity].Name, Form: m.Form, Text: m.Text, Paragraph: m.Paragraph + 1}
		if m.Sentence >= 0 && m.Sentence < len(a.Doc.Sentences) {
			r.Sentence = a.Doc.Sentences[m.Sentence]
		}
		rows = append(rows, r)
	}
	return rows
}

// CSVHeader is the first record of CSV.
var CSVHeader = []string{"entity", "name", "form", "text", "paragraph", "sentence"}

// CSV writes rows as comma-separated values (RFC 4180, CRLF line ends) with CSVHeader first. A text
// cell that a spreadsheet would take for a formula (one starting with =, +, -, @, a tab or a carriage
// return) gets a leading apostrophe, so that opening the file never runs what an article smuggled in.
func CSV(rows []Row) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	_ = w.Write(CSVHeader)
	for _, r := range rows {
		_ = w.Write([]string{r.Entity, inert(r.Name), string(r.Form), inert(r.Text), strconv.Itoa(r.Paragraph), inert(r.Sentence)})
	}
	w.Flush()
	return buf.Bytes()
}

// inert returns s, with an apostrophe before it when a spreadsheet would read it as a formula.
func inert(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// JSON writes rows as an indented JSON array of objects with the fields of Row.
func JSON(rows []Row) []byte {
	b, err := json.MarshalIndent(rows, "", "  ")
	if err != nil { // a Row always encodes
		panic(err)
	}
	return append(b, '\n')
}
