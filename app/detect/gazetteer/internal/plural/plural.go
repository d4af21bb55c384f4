// Package plural forms the plural that news text uses for a demonym ("Albanian" → "Albanians"). It
// is shared by the gazetteer's generator and its tests, and is not part of the gazetteer's API.
package plural

import "strings"

// exceptions are demonyms whose plural the rule below gets wrong; "" means the word is used
// unchanged for the plural (or only as an adjective), so it has no separate plural form.
var exceptions = map[string]string{
	"Czech":       "Czechs",   // -ch, but not like French or Dutch
	"Motswana":    "Batswana", // Botswana
	"Mosotho":     "Basotho",  // Lesotho
	"Malagasy":    "",         // Madagascar
	"Burkinabe":   "",         // Burkina Faso
	"Ni-Vanuatu":  "",         // Vanuatu
	"I-Kiribati":  "",         // Kiribati
	"Turkmen":     "Turkmens", // not *Turkmans, not *Turkmen·men
	"Kyrgyz":      "",         // ends in z anyway; listed for clarity
	"Kirghiz":     "",         //
	"Sammarinese": "",         // ends in -ese anyway; listed for clarity
}

// noPlural are endings of words that news uses unchanged as plurals or only as adjectives:
// "the Chinese", "the British", "the French", "the Dutch", "the Swiss", "the Welsh", "Faroese",
// "Seychellois", "Greenlandic".
var noPlural = []string{"ese", "ish", "sh", "ch", "ss", "s", "x", "z", "ic"}

// Of returns the plural of the demonym d, or "" when d has no plural distinct from itself. Only
// the last word changes: "South African" → "South Africans". The rule: an exception if listed;
// none for words ending in -ese, -ish, -sh, -ch, -ss, -s, -x, -z or -ic; otherwise add -s, which
// also covers -i ("Israeli" → "Israelis", "Iraqi" → "Iraqis"), -o ("Filipino" → "Filipinos") and
// -e ("Argentine" → "Argentines").
func Of(d string) string {
	if d == "" {
		return ""
	}
	head, last := "", d
	if i := strings.LastIndexByte(d, ' '); i >= 0 {
		head, last = d[:i+1], d[i+1:]
	}
	if p, ok := exceptions[last]; ok {
		if p == "" {
			return ""
		}
		return head + p
	}
	lower := strings.ToLower(last)
	for _, end := range noPlural {
		if strings.HasSuffix(lower, end) {
			return ""
		}
	}
	return head + last + "s"
}
