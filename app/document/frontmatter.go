package document

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dramatis/dramatis/app/catalog"
	"github.com/dramatis/dramatis/app/model"
)

// splitFrontMatter separates the YAML front matter between two "---" lines at the top of article from
// the Markdown body. An article without front matter has empty metadata. The body keeps its line
// numbers: the front matter's lines are blanked, not cut. size is the length of the front matter in
// article, both "---" lines included; 0 without front matter.
func splitFrontMatter(file string, article []byte) (meta model.Meta, body []byte, size int, err error) {
	if !bytes.HasPrefix(article, []byte("---\n")) {
		return meta, article, 0, nil
	}
	rest := article[4:]
	end, closing := bytes.Index(rest, []byte("\n---\n")), 5
	switch {
	case bytes.HasPrefix(rest, []byte("---\n")): // empty front matter
		end, closing = 0, 4
	case bytes.Equal(rest, []byte("---")):
		end, closing = 0, 3
	case end >= 0:
	case bytes.HasSuffix(rest, []byte("\n---")):
		end, closing = len(rest)-4, 4
	default:
		return meta, nil, 0, fmt.Errorf("%s:1: front matter opened with --- is never closed", file)
	}
	yml := rest[:end]
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		// Lines in yml count from the article's second line, after the opening "---".
		e := catalog.SyntaxError(file, yml, err)
		return meta, nil, 0, fmt.Errorf("%s:%d: front matter: %s", file, e.Line+1, strings.TrimPrefix(e.Msg, "YAML syntax: "))
	}
	if len(doc.Content) > 0 {
		if err := decodeMeta(file, doc.Content[0], &meta); err != nil {
			return meta, nil, 0, err
		}
	}
	size = 4 + end + closing
	lines := bytes.Count(article[:size], []byte("\n"))
	return meta, append(bytes.Repeat([]byte("\n"), lines), rest[end+closing:]...), size, nil
}

// decodeMeta fills meta from a front matter mapping, with surrounding space trimmed from each value.
// Line numbers are those of the article, whose first line is the opening "---".
func decodeMeta(file string, n *yaml.Node, meta *model.Meta) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d: front matter must be a mapping of fields", file, n.Line+1)
	}
	fields := map[string]*string{
		"title":       &meta.Title,
		"standfirst":  &meta.Standfirst,
		"author":      &meta.Author,
		"publication": &meta.Publication,
		"dateline":    &meta.Dateline,
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		dst, ok := fields[k.Value]
		if !ok {
			return fmt.Errorf("%s:%d: unknown front matter field %q (want title, standfirst, author, publication or dateline)", file, k.Line+1, k.Value)
		}
		if seen[k.Value] {
			return fmt.Errorf("%s:%d: front matter field %q given twice", file, k.Line+1, k.Value)
		}
		seen[k.Value] = true
		if v.Kind != yaml.ScalarNode {
			return fmt.Errorf("%s:%d: front matter field %q must be text", file, v.Line+1, k.Value)
		}
		*dst = strings.TrimSpace(v.Value)
	}
	return nil
}
