package main

// This file is the one hand-written part of the gazetteer's data: what news text needs that the
// npm data sets lack or get wrong for a reader of English news. Everything else is derived from
// the data by the rules in main.go. Decisions:
//
//   - Aliases carry no leading article: "the United States", "the Netherlands" and "The Gambia"
//     are found through "United States", "Netherlands", "Gambia"; a detector may take a preceding
//     "the" into the match.
//   - England, Scotland, Wales and Northern Ireland are entries of their own of kind "place", with
//     the ISO 3166-2 subdivision codes of GB as IDs ("gb-eng", "gb-sct", "gb-wls", "gb-nir"): news
//     treats them as entities apart (sport, devolved politics), and the "gb-" prefix names the
//     country they belong to. They are not aliases of the United Kingdom. "English" is not given
//     as England's demonym: in running text it is mostly the language.
//   - Ambiguous names are left out: "Korea" (North or South), "Congo" and "Congolese" (either
//     Congo), "Dominican" (Dominica or the Dominican Republic), "Channel Islander", "Virgin
//     Islander". A demonym that several entries share in the data is kept only by the owner named
//     in demonymOwner and dropped from the others.
//   - Israel's capital stays Jerusalem, as in the data; Tel Aviv is listed as a city of Israel
//     (extraCities) although it has fewer than a million inhabitants.
//   - Kosovo's "independent" is null in world-countries (its independence is disputed); it is
//     kept as false. Defunct states (Soviet Union, Yugoslavia) are not Independent either.

// nameOverride replaces world-countries' common name where news uses another.
var nameOverride = map[string]string{
	"tr": "Turkey", // world-countries: "Türkiye"; kept as an alias
}

// addAliases are names news uses that the data lacks (or that the filters in main.go would drop).
var addAliases = map[string][]string{
	"us": {"U.S.", "US", "USA", "U.S.A.", "America", "United States of America"},
	"gb": {"Britain", "Great Britain", "UK", "U.K."},
	"tr": {"Türkiye", "Turkiye"},
	"nl": {"Holland"},
	"ba": {"Bosnia", "Bosnia-Herzegovina"},
	"tl": {"East Timor"},
	"bn": {"Brunei Darussalam"},
	"tw": {"Chinese Taipei"},
	"cz": {"Czech Republic"},
	"ae": {"UAE", "U.A.E."},
	"ru": {"Russian Federation"},
	"va": {"Holy See", "Vatican"},
	"ps": {"Palestinian Territories"},
}

// dropAliases are alternative spellings in the data that pass main.go's filters but that a reader
// would not write, or that are common words.
var dropAliases = map[string][]string{
	"cg": {"Congo"},                   // ambiguous with DR Congo
	"bn": {"Abode of Peace"},          // split off "Nation of Brunei, Abode of Peace"
	"tw": {"Republic of China"},       // in running text mostly a slip for the People's Republic
	"nf": {"Teratri of Norf'k Ailen"}, // Norfuk, not English
}

// demonymReplace replaces the data's male English demonyms of an entry (singular forms; plurals
// are added by package plural).
var demonymReplace = map[string][]string{
	"dj": {"Djiboutian"},   // data: "Djibouti"
	"gi": {"Gibraltarian"}, // data: "Gibraltar"
	"gl": {"Greenlander"},  // data: "Greenlandic", an adjective
	"sa": {"Saudi", "Saudi Arabian"},
	"tj": {"Tajik", "Tajikistani"},  // data: "Tadzhik"
	"kg": {"Kyrgyz", "Kyrgyzstani"}, // data: "Kirghiz"
	"va": nil,                       // data: "Vatican", the place's own short name
	"kn": {"Kittitian", "Nevisian"}, // data: "Kittitian or Nevisian"
}

// addDemonyms are the nouns news uses for people beside the data's adjective-like demonym. "Finn"
// is left out: it is as often a given name.
var addDemonyms = map[string][]string{
	"gb": {"Briton"},
	"tr": {"Turk"},
	"pl": {"Pole"},
	"dk": {"Dane"},
	"se": {"Swede"},
	"es": {"Spaniard"},
	"rs": {"Serb"},
	"hr": {"Croat"},
	"kz": {"Kazakh"},
	"uz": {"Uzbek"},
	"xk": {"Kosovan"},
}

// demonymOwner names, for a demonym that several entries share in the data, the one entry that
// keeps it. Shared demonyms not listed here are dropped from every entry.
var demonymOwner = map[string]string{
	"American":  "us", // also Northern Mariana Islands
	"French":    "fr", // also French Southern and Antarctic Lands
	"Indian":    "in", // also British Indian Ocean Territory
	"Dutch":     "nl", // also Caribbean Netherlands
	"Norwegian": "no", // also Svalbard and Jan Mayen
}

// extra is an entry absent from world-countries.
type extra struct {
	ID, Name, Kind, Official string
	Aliases, Demonyms        []string // demonyms singular; plurals are added
	Capital                  string
	Lat, Lng                 float64
}

var extras = []extra{
	{ID: "su", Name: "Soviet Union", Kind: "country", Official: "Union of Soviet Socialist Republics",
		Aliases: []string{"USSR", "U.S.S.R."}, Demonyms: []string{"Soviet"}, Capital: "Moscow", Lat: 60, Lng: 100},
	{ID: "yu", Name: "Yugoslavia", Kind: "country", Official: "Socialist Federal Republic of Yugoslavia",
		Demonyms: []string{"Yugoslav", "Yugoslavian"}, Capital: "Belgrade", Lat: 44, Lng: 19},
	{ID: "eu", Name: "European Union", Kind: "organisation",
		Aliases: []string{"EU", "E.U."}, Demonyms: []string{"European"}, Capital: "Brussels", Lat: 49.84, Lng: 9.9},
	{ID: "gaza", Name: "Gaza", Kind: "place", Aliases: []string{"Gaza Strip"}, Demonyms: []string{"Gazan"},
		Lat: 31.42, Lng: 34.36},
	{ID: "west-bank", Name: "West Bank", Kind: "place", Lat: 31.95, Lng: 35.25},
	{ID: "crimea", Name: "Crimea", Kind: "place", Aliases: []string{"Crimean Peninsula"}, Demonyms: []string{"Crimean"},
		Lat: 45.3, Lng: 34.4},
	{ID: "srpska", Name: "Republika Srpska", Kind: "place", Capital: "Banja Luka", Lat: 44.77, Lng: 17.19},
	{ID: "gb-eng", Name: "England", Kind: "place", Capital: "London", Lat: 52.5, Lng: -1.5},
	{ID: "gb-sct", Name: "Scotland", Kind: "place", Demonyms: []string{"Scottish", "Scot"}, Capital: "Edinburgh",
		Lat: 56.5, Lng: -4.2},
	{ID: "gb-wls", Name: "Wales", Kind: "place", Demonyms: []string{"Welsh"}, Capital: "Cardiff", Lat: 52.3, Lng: -3.7},
	{ID: "gb-nir", Name: "Northern Ireland", Kind: "place", Demonyms: []string{"Northern Irish"}, Capital: "Belfast",
		Lat: 54.6, Lng: -6.7},
}

// extraCities are cities of fewer than a million inhabitants that news names often enough to list
// beside the capitals, taken from the GeoNames data by name and country (alpha-2, upper case).
var extraCities = [][2]string{
	{"Tel Aviv", "IL"},
}

// capitalCity is the GeoNames name of a capital that world-countries spells otherwise, by entry ID.
var capitalCity = map[string]string{
	"mm": "Nay Pyi Taw",                          // Naypyidaw
	"hk": "Hong Kong",                            // City of Victoria
	"sm": "San Marino",                           // City of San Marino
	"ki": "Tarawa",                               // South Tarawa
	"fm": "Palikir - National Government Center", // Palikir
}

// cityRename corrects GeoNames names that the data has out of date, by "name|alpha-2".
var cityRename = map[string]string{
	"Nur-Sultan|KZ": "Astana", // renamed back in 2022
}
