package catalog

import (
	"bytes"

	"github.com/dramatis/dramatis/app/model"
	"go.yaml.in/yaml/v3"
)

// Format writes entities as a catalogue that Parse reads back to the same entities: one mapping per
// entity with its fields in the order of fieldNames, lists in flow style ("aliases: [Rama]"), and
// "source: auto" on each entry that detection proposed. header, if not empty, opens the file as a
// comment, one "# " line per line.
func Format(entities []model.Entity, header string) []byte {
	var buf bytes.Buffer
	if header != "" {
		for _, line := range bytes.Split([]byte(header), []byte("\n")) {
			buf.WriteString("# ")
			buf.Write(line)
			buf.WriteByte('\n')
		}
	}
	for i, e := range entities {
		if i > 0 || header != "" {
			buf.WriteByte('\n')
		}
		node := &yaml.Node{Kind: yaml.MappingNode}
		field := func(name, value string) {
			if value != "" {
				node.Content = append(node.Content, scalar(name), scalar(value))
			}
		}
		list := func(name string, values []string) {
			if len(values) == 0 {
				return
			}
			seq := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
			for _, v := range values {
				seq.Content = append(seq.Content, scalar(v))
			}
			node.Content = append(node.Content, scalar(name), seq)
		}
		field("id", e.ID)
		field("name", e.Name)
		field("kind", string(e.Kind))
		list("aliases", e.Aliases)
		list("demonyms", e.Demonyms)
		list("places", e.Places)
		field("role", e.Role)
		field("country", e.Country)
		if e.Auto() {
			field("source", string(model.SourceAuto))
		}
		doc := &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{node}}
		out, err := yaml.Marshal(doc)
		if err != nil {
			panic("catalog: formatting an entity: " + err.Error()) // strings always marshal
		}
		buf.Write(out)
	}
	return buf.Bytes()
}

// scalar is a YAML string node, quoted only where YAML needs it to stay a string.
func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	return n
}
