// Package catalog loads the cast catalogue: the YAML list of the people, organisations, countries
// and places an article names, with the aliases, demonyms and places under which each appears.
//
// The catalogue is checked strictly, since a mistake in it shows up only as a mention silently
// missed or given to the wrong entity. Every problem is reported as an *Error carrying its
// position.
package catalog

import (
	"bytes"
	"io"
	"io/fs"

	"github.com/dramatis/dramatis/app/model"
	"go.yaml.in/yaml/v3"
)

// bom is the byte order mark some editors put at the start of a UTF-8 file.
const bom = "\ufeff"

// Load reads the catalogue called name from fsys and parses it with Parse. An error reading the
// file is returned as it is; problems in its content are *Error values, as from Parse.
func Load(fsys fs.FS, name string) ([]model.Entity, error) {
	entities, _, err := LoadWithLines(fsys, name)
	return entities, err
}

// LoadWithLines is Load that also returns, by entity id, the line on which each entity starts, as
// ParseWithLines does.
func LoadWithLines(fsys fs.FS, name string) ([]model.Entity, map[string]int, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, nil, err
	}
	return ParseWithLines(name, data)
}

// Parse decodes and checks a catalogue: a YAML list of entities, each a mapping with the fields id,
// name, kind, aliases, demonyms, places, role and country. file names the catalogue in error
// messages.
//
// Parse returns the entities in file order, with surrounding spaces trimmed from every string and
// repeated strings within one entity dropped. On failure it returns no entities and an error:
// one *Error, or, when there are several problems, all of them in file order joined with
// errors.Join.
func Parse(file string, data []byte) ([]model.Entity, error) {
	entities, _, err := ParseWithLines(file, data)
	return entities, err
}

// ParseWithLines is Parse that also returns, by entity id, the 1-based line on which each entity's
// mapping starts (the line of its first field), for messages about an entity as a whole.
func ParseWithLines(file string, data []byte) ([]model.Entity, map[string]int, error) {
	data = bytes.TrimPrefix(data, []byte(bom))
	// CRLF (Windows) and lone CR (old Mac) line ends are line breaks to YAML too: as LF, lines are
	// counted the same way everywhere.
	data = bytes.ReplaceAll(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	if err := checkText(file, data); err != nil {
		return nil, nil, err
	}
	root, err := decode(file, data)
	if err != nil {
		return nil, nil, err
	}
	p := &parser{file: file, ids: map[string]*entry{}, owners: map[string]owner{}}
	entities := p.parse(root)
	if err := p.err(); err != nil {
		return nil, nil, err
	}
	lines := make(map[string]int, len(p.ids))
	for id, e := range p.ids {
		lines[id] = e.node.Line
	}
	return entities, lines, nil
}

// decode parses data as one YAML document and returns its top-level node.
func decode(file string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, &Error{File: file, Line: 1, Msg: "empty catalogue (want a list of entities)"}
	} else if err != nil {
		return nil, SyntaxError(file, data, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, &Error{File: file, Line: next.Line, Column: next.Column,
			Msg: "second YAML document (want one list of entities)"}
	} else if err != io.EOF {
		return nil, SyntaxError(file, data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 || isEmpty(doc.Content[0]) {
		return nil, &Error{File: file, Line: 1, Msg: "empty catalogue (want a list of entities)"}
	}
	return doc.Content[0], nil
}

// isEmpty reports whether n is a null written as nothing at all, as in a document of only "---".
func isEmpty(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null" && n.Value == "" && n.Style == 0
}
