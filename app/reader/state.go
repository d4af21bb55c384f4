package reader

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// State is what a link to the reader holds: who is selected, who is in focus, which of the focused
// entity's mentions is the current one, and how the highlights are shown. Its query string looks like
//
//	a=3f2a9c01b7de&e=edi-rama,al&f=edi-rama&m=3&t=1&forms=names&v=map
//
// a names an article the reader opened in this browser (see the library of package ui), when it is
// not the bundled one; e lists the selected entities in the order of their colours (empty places are ignored), f names the
// entity in focus when it is not the last of e, m is the current mention counted from 1, t=1 turns on
// the together view, forms=names highlights names and aliases only, and v names the view of the panel
// when it is not the cast (see Views). Every part is optional.
type State struct {
	Article   string   // the opened article's id (see ArticleID); "" for the bundled article
	Selected  []string // entity ids in the order of their colours; Query leaves out "", a free slot
	Focus     string   // the entity in focus; "" means the last selected
	Mention   int      // the current mention of Focus, counted from 1; 0 for none
	Together  bool     // dim the paragraphs that do not mention every selected entity
	NamesOnly bool     // highlight names and aliases only, not demonyms and places
	View      string   // the panel's view: "" for the cast, or one of Views
}

// Views lists the views of the panel besides the cast: the world map of the article's countries and
// places, and the network of who is mentioned with whom.
var Views = []string{ViewMap, ViewNetwork}

// The views of the panel besides the cast, as a link names them.
const (
	ViewMap     = "map"
	ViewNetwork = "network"
)

// The keys of the query string.
const (
	keyArticle  = "a"
	keySelected = "e"
	keyFocus    = "f"
	keyMention  = "m"
	keyTogether = "t"
	keyForms    = "forms"
	keyView     = "v"
	formsNames  = "names"
)

// FocusOrLast returns Focus, or the last selected entity when Focus is empty.
func (s State) FocusOrLast() string {
	if s.Focus != "" {
		return s.Focus
	}
	for i := len(s.Selected) - 1; i >= 0; i-- {
		if s.Selected[i] != "" {
			return s.Selected[i]
		}
	}
	return ""
}

// Query encodes s as a query string, without the "?"; an empty State gives "". Entity ids are slugs,
// so they need no escaping.
func (s State) Query() string {
	var parts []string
	if ArticleID(s.Article) {
		parts = append(parts, keyArticle+"="+s.Article)
	}
	var sel []string
	for _, id := range s.Selected {
		if id != "" {
			sel = append(sel, id)
		}
	}
	if len(sel) > 0 {
		parts = append(parts, keySelected+"="+strings.Join(sel, ","))
	}
	last := State{Selected: sel}.FocusOrLast()
	if s.Focus != "" && s.Focus != last {
		parts = append(parts, keyFocus+"="+s.Focus)
	}
	if s.Mention > 0 && len(sel) > 0 {
		parts = append(parts, keyMention+"="+strconv.Itoa(s.Mention))
	}
	if s.Together {
		parts = append(parts, keyTogether+"=1")
	}
	if s.NamesOnly {
		parts = append(parts, keyForms+"="+formsNames)
	}
	if slices.Contains(Views, s.View) {
		parts = append(parts, keyView+"="+s.View)
	}
	return strings.Join(parts, "&")
}

// ParseQuery decodes the state of a query string (with or without its "?"). Ids for which known
// returns false are left out and returned as unknown, each once; so is a focus that is not selected.
// Empty places in the list and parts that do not parse are ignored. Focus is set only when it differs
// from the last selected. A mention number is kept as it is: whether the entity has that many is for
// the caller to say. A view that is not one of Views is ignored.
func ParseQuery(raw string, known func(id string) bool) (s State, unknown []string) {
	q, _ := url.ParseQuery(strings.TrimPrefix(raw, "?"))
	if a := q.Get(keyArticle); ArticleID(a) {
		s.Article = a
	}
	for _, id := range strings.Split(q.Get(keySelected), ",") {
		id = strings.TrimSpace(id)
		switch {
		case id == "":
		case !known(id):
			if !contains(unknown, id) {
				unknown = append(unknown, id)
			}
		case !contains(s.Selected, id):
			s.Selected = append(s.Selected, id)
		}
	}
	if f := strings.TrimSpace(q.Get(keyFocus)); f != "" {
		switch {
		case contains(s.Selected, f):
			if f != s.FocusOrLast() {
				s.Focus = f
			}
		case !known(f):
			if !contains(unknown, f) {
				unknown = append(unknown, f)
			}
		}
	}
	if m, err := strconv.Atoi(q.Get(keyMention)); err == nil && m > 0 && len(s.Selected) > 0 {
		s.Mention = m
	}
	s.Together = q.Get(keyTogether) == "1"
	s.NamesOnly = q.Get(keyForms) == formsNames
	if v := q.Get(keyView); slices.Contains(Views, v) {
		s.View = v
	}
	return s, unknown
}

// ArticleID reports whether s can be the id of an opened article: 1 to 64 lowercase letters, digits
// and hyphens. (The engine makes ids of 12 hexadecimal digits.)
func ArticleID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}
