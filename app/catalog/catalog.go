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
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	return Parse(name, data)
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
	data = bytes.TrimPrefix(data, []byte(bom))
	if err := checkText(file, data); err != nil {
		return nil, err
	}
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	root, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: file, ids: map[string]*entry{}, owners: map[string]owner{}}
	entities := p.parse(root)
	if err := p.err(); err != nil {
		return nil, err
	}
	return entities, nil
}

// decode parses data as one YAML document and returns its top-level node.
func decode(file string, data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err == io.EOF {
		return nil, &Error{File: file, Line: 1, Msg: "empty catalogue (want a list of entities)"}
	} else if err != nil {
		return nil, syntaxError(file, data, err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, &Error{File: file, Line: next.Line, Column: next.Column,
			Msg: "second YAML document (want one list of entities)"}
	} else if err != io.EOF {
		return nil, syntaxError(file, data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{File: file, Line: 1, Msg: "empty catalogue (want a list of entities)"}
	}
	return doc.Content[0], nil
}
