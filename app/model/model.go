// Package model holds the plain data types that flow from the content loaders to the UI: the cast
// catalogue's entities, the article's metadata, and the mentions found in it. It imports nothing heavy,
// so the WebAssembly client can decode a Document without the Markdown or YAML machinery.
package model

// Kind is the sort of actor an entity is.
type Kind string

// The kinds of entity, in the order the cast panel groups them.
const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	Country      Kind = "country"
	Place        Kind = "place"
)

// Kinds lists every kind in panel order.
var Kinds = []Kind{Person, Organisation, Country, Place}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// Name returns the singular of kind k, capitalised: "Person", "Organisation", "Country", "Place".
func (k Kind) Name() string {
	switch k {
	case Person:
		return "Person"
	case Organisation:
		return "Organisation"
	case Country:
		return "Country"
	case Place:
		return "Place"
	}
	return string(k)
}

// Group returns the heading under which the panel lists entities of kind k.
func (k Kind) Group() string {
	switch k {
	case Person:
		return "People"
	case Organisation:
		return "Organisations"
	case Country:
		return "Countries"
	case Place:
		return "Places"
	}
	return string(k)
}

// Entity is one member of the cast, as the catalogue describes it.
type Entity struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     Kind     `json:"kind"`
	Aliases  []string `json:"aliases,omitempty"`
	Demonyms []string `json:"demonyms,omitempty"`
	Places   []string `json:"places,omitempty"`
	Role     string   `json:"role,omitempty"`
	Country  string   `json:"country,omitempty"`
	// Source says where the entry came from: SourceCurated (a catalogue, also when empty) or
	// SourceAuto (detection). Its names come from the same place.
	Source Source `json:"source,omitempty"`
}

// Source says where an entity came from.
type Source string

// The sources of an entity.
const (
	SourceCurated Source = "curated" // written or reviewed by someone, in entities.yaml
	SourceAuto    Source = "auto"    // proposed by detection, reviewed by no one
)

// Auto reports whether the entity came from detection.
func (e Entity) Auto() bool { return e.Source == SourceAuto }

// Form says which of an entity's names a mention used.
type Form string

// The forms a mention can take.
const (
	FormName    Form = "name"
	FormAlias   Form = "alias"
	FormDemonym Form = "demonym"
	FormPlace   Form = "place"
)

// Mention is one occurrence of an entity in the article body.
type Mention struct {
	Entity    string `json:"e"`
	Form      Form   `json:"f"`
	Text      string `json:"t"` // the surface text, with white space folded to single spaces
	Paragraph int    `json:"p"` // index of the top-level block it stands in, from 0
	Sentence  int    `json:"s"` // index into Document.Sentences
}

// Meta is what the article's front matter states about it.
type Meta struct {
	Title       string `json:"title,omitempty" yaml:"title"`
	Standfirst  string `json:"standfirst,omitempty" yaml:"standfirst"`
	Author      string `json:"author,omitempty" yaml:"author"`
	Publication string `json:"publication,omitempty" yaml:"publication"`
	Dateline    string `json:"dateline,omitempty" yaml:"dateline"`
}

// Document is an annotated article ready to show: metadata, the body as HTML with every mention
// wrapped in <mark class="mention e-ID"> (see MarkClass), the cast catalogue and the mentions in
// reading order.
type Document struct {
	Meta      Meta      `json:"meta"`
	HTML      string    `json:"html,omitempty"`
	Entities  []Entity  `json:"entities"`
	Mentions  []Mention `json:"mentions"`
	Sentences []string  `json:"sentences"`
}

// MarkClass is the class that every mark of entity id carries besides "mention". Styles that colour
// one entity's mentions name it, so that the browser restyles that entity's marks alone.
func MarkClass(id string) string { return "e-" + id }
