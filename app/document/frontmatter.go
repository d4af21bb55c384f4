package document

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dramatis/dramatis/app/model"
)

// splitFrontMatter separates the YAML front matter between two "---" lines at the top of article from
// the Markdown body. An article without front matter has empty metadata. The body keeps its line
// numbers: the front matter's lines are blanked, not cut.
func splitFrontMatter(file string, article []byte) (model.Meta, []byte, error) {
	var meta model.Meta
	if !bytes.HasPrefix(article, []byte("---\n")) {
		return meta, article, nil
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
		return meta, nil, fmt.Errorf("%s:1: front matter opened with --- is never closed", file)
	}
	yml := rest[:end]
	var doc yaml.Node
	if err := yaml.Unmarshal(yml, &doc); err != nil {
		return meta, nil, fmt.Errorf("%s:%d: front matter: %s", file, yamlErrorLine(yml, err), yamlErrorMsg(err))
	}
	if len(doc.Content) > 0 {
		if err := decodeMeta(file, doc.Content[0], &meta); err != nil {
			return meta, nil, err
		}
	}
	lines := bytes.Count(article[:4+end+closing], []byte("\n"))
	return meta, append(bytes.Repeat([]byte("\n"), lines), rest[end+closing:]...), nil
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

// yamlLinePattern matches the YAML decoder's errors that give a line: "yaml: line N: MSG".
var yamlLinePattern = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)

// yamlAnchorPattern matches the YAML decoder's error for an alias to an unknown anchor, which gives no
// line, capturing the anchor's name.
var yamlAnchorPattern = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// yamlErrorMsg returns the message of an error from decoding front matter, without its "yaml: line N:"
// prefix.
func yamlErrorMsg(err error) string {
	if m := yamlLinePattern.FindStringSubmatch(err.Error()); m != nil {
		return m[2]
	}
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// yamlErrorLine returns the article line of an error from decoding the front matter yml, which starts
// on the article's second line. When the decoder gives no usable line it returns 1, the opening "---".
func yamlErrorLine(yml []byte, err error) int {
	msg := yamlErrorMsg(err)
	line := 0 // in yml, from 1
	if m := yamlLinePattern.FindStringSubmatch(err.Error()); m != nil {
		line, _ = strconv.Atoi(m[1])
		if yamlParserProblems[msg] {
			// The decoder counts a parser error's line from 0 and a scanner error's from 1
			// (go-yaml/yaml issue 205).
			line++
		}
	} else if yamlParserProblems[msg] {
		line = 1 // a parser error on line 0 comes without a line
	} else if m := yamlAnchorPattern.FindStringSubmatch(msg); m != nil {
		if i := bytes.Index(yml, []byte("*"+m[1])); i >= 0 {
			line = bytes.Count(yml[:i], []byte("\n")) + 1
		}
	}
	if line <= 0 {
		return 1
	}
	// An error at the end of the input may be placed on the line after the last.
	if last := bytes.Count(yml, []byte("\n")) + 1; line > last {
		line = last
	}
	return line + 1
}

// yamlParserProblems lists the messages of the YAML decoder's parser, as opposed to its scanner.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}
