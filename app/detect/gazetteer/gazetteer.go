package gazetteer

// Kind tells what an entry of Countries is: "country" (a sovereign state, a territory with an ISO
// 3166-1 code, or a former state such as the Soviet Union), "organisation" (a union of states: the
// European Union) or "place" (a region news names like a country: Gaza, Crimea, Scotland).
type Kind string

// Country is one country or country-like entry.
type Country struct {
	ID          string   // lower-case ISO 3166-1 alpha-2 ("al", "us", "gb"); else ISO 3166-2 ("gb-sct") or a short slug ("su", "eu", "gaza")
	Name        string   // the name news uses: "Albania", "United States", "United Kingdom", "Iran", "South Korea"
	Kind        Kind     // "country", "organisation" or "place"
	Official    string   // "Republic of Albania"; empty when the same as Name
	Aliases     []string // other names a reader writes, without a leading article: "U.S.", "America", "Persia"
	Demonyms    []string // singular forms first, then their plurals: "Albanian", "Albanians"
	Capital     string   // "Tirana"; empty if none
	Lat, Lng    float64  // a point of the country, in degrees
	Independent bool     // a sovereign state today
}

// City is one major city.
type City struct {
	Name       string  // the GeoNames name: "Tirana", "New York City", "Mexico City"
	Country    string  // lower-case ISO 3166-1 alpha-2 of its country
	Lat, Lng   float64 // in degrees
	Population int
}

// byID indexes countries by ID.
var byID = func() map[string]int {
	m := make(map[string]int, len(countries))
	for i, c := range countries {
		m[c.ID] = i
	}
	return m
}()

// Countries returns every entry, sorted by ID. The slice and the slices in it are shared: callers
// must not modify them.
func Countries() []Country { return countries }

// Cities returns the major cities, sorted by name then country. The slice is shared: callers must
// not modify it.
func Cities() []City { return cities }

// ByID returns the entry with the given ID ("al", "gb-sct", "eu").
func ByID(id string) (Country, bool) {
	i, ok := byID[id]
	if !ok {
		return Country{}, false
	}
	return countries[i], true
}
