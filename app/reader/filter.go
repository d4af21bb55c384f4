package reader

import (
	"strings"

	"github.com/dramatis/dramatis/app/model"
)

// Matches reports whether the entity matches what the reader typed in the cast filter: every word of
// query must occur in its name, an alias, a demonym, a place or its role. Case, accents and the kind of
// apostrophe do not matter. An empty query matches everyone.
func Matches(e model.Entity, query string) bool {
	words := strings.Fields(fold(query))
	if len(words) == 0 {
		return true
	}
	fields := []string{e.Name, e.Role}
	fields = append(fields, e.Aliases...)
	fields = append(fields, e.Demonyms...)
	fields = append(fields, e.Places...)
	hay := fold(strings.Join(fields, "\n"))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Filter returns the groups with only the entities that match query, leaving out groups that are then
// empty. With an empty query it returns groups itself.
func Filter(groups []model.Group, query string) []model.Group {
	if strings.TrimSpace(query) == "" {
		return groups
	}
	var out []model.Group
	for _, g := range groups {
		var es []model.Entity
		for _, e := range g.Entities {
			if Matches(e, query) {
				es = append(es, e)
			}
		}
		if len(es) > 0 {
			out = append(out, model.Group{Kind: g.Kind, Entities: es})
		}
	}
	return out
}

// folds maps the accented Latin letters that names in the news carry to their plain letters, and the
// curly apostrophe to the straight one.
var folds = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ğ': "g", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ő': "o",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'’': "'", '‘': "'",
}

// fold lower-cases s and replaces the letters of folds.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := folds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
