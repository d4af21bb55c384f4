// Package svgtest helps the picture packages' tests look into the SVG markup they write.
package svgtest

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// Element is an XML element with its attributes, children and text.
type Element struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []Element  `xml:",any"`
	Text     string     `xml:",chardata"`
}

// Attr returns the value of the attribute name, or "".
func (e Element) Attr(name string) string {
	for _, a := range e.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// Child returns the first child element called name, or nil.
func (e Element) Child(name string) *Element {
	for i := range e.Children {
		if e.Children[i].XMLName.Local == name {
			return &e.Children[i]
		}
	}
	return nil
}

// HasClass reports whether the element's class attribute holds c.
func (e Element) HasClass(c string) bool {
	return strings.Contains(" "+e.Attr("class")+" ", " "+c+" ")
}

// Parse decodes the whole markup, failing the test if it is not well-formed XML.
func Parse(t *testing.T, svg string) Element {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		if _, err := d.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the SVG is not well-formed: %v\n%.300s", err, svg)
		}
	}
	var root Element
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatalf("the SVG is not well-formed: %v", err)
	}
	return root
}
