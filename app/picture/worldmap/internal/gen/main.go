// Command gen writes the world map's data, map_gen.go, from two pinned npm packages: world-atlas
// (ISC; Natural Earth's public-domain country shapes) for the shapes and world-countries (ODbL 1.0)
// for the ISO 3166-1 codes. It fetches the tarballs with `npm pack` into a temporary folder (or
// reads them from -tarballs), checks their SHA-256, decodes the TopoJSON of countries-110m.json and
// of the countries only countries-50m.json has, drops Antarctica, cuts the rings that cross the
// antimeridian, projects them with Equal Earth and writes each country's SVG path with its
// bounding box, area and label point. Run it with `go generate ./app/picture/worldmap`.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/format"
	"log"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/dramatis/dramatis/app/picture/worldmap/internal/proj"
	"github.com/dramatis/dramatis/internal/npmpack"
)

// source is one pinned npm package.
type source = npmpack.Source

var (
	// worldAtlas's SHA-256 was computed once from `npm pack world-atlas@2.0.2`, whose SHA-512
	// matched the registry's dist.integrity.
	worldAtlas = source{Name: "world-atlas", Version: "2.0.2", License: "ISC (package); data from Natural Earth 4.1.0, public domain",
		SHA256: "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"}
	// worldCountries is pinned as app/detect/gazetteer/internal/gen pins it.
	worldCountries = source{Name: "world-countries", Version: "5.1.0", License: "ODbL-1.0",
		SHA256: "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495"}
)

// The Natural Earth shapes that have no ISO numeric id but an ISO 3166-1 alpha-2 code.
var keyByName = map[string]string{"Kosovo": "xk"}

// antarctica is the ISO numeric code of the shape left out.
const antarctica = "010"

// margin is the space left below the southernmost land, in units of the frame.
const margin = 2

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	tarballs := flag.String("tarballs", "", "folder holding the .tgz files already (default: npm pack them into a temporary folder)")
	out := flag.String("out", "map_gen.go", "file to write")
	flag.Parse()

	dir := *tarballs
	if dir == "" {
		tmp, err := os.MkdirTemp("", "worldmap-gen-")
		if err != nil {
			log.Fatal(err)
		}
		defer func() { _ = os.RemoveAll(tmp) }()
		dir = tmp
	}
	codes, points, err := isoCodes(readFile(dir, worldCountries, "package/countries.json"))
	if err != nil {
		log.Fatal(err)
	}
	small, err := decode(readFile(dir, worldAtlas, "package/countries-110m.json"))
	if err != nil {
		log.Fatalf("countries-110m.json: %v", err)
	}
	large, err := decode(readFile(dir, worldAtlas, "package/countries-50m.json"))
	if err != nil {
		log.Fatalf("countries-50m.json: %v", err)
	}

	// Every shape of 110m, and those of 50m whose id 110m lacks.
	have := map[string]bool{}
	var feats []feature
	for _, f := range small {
		have[f.id] = true
		feats = append(feats, f)
	}
	for _, f := range large {
		if f.id != "" && !have[f.id] {
			have[f.id] = true
			feats = append(feats, f)
		}
	}

	var shapes []shape
	seen := map[string]bool{}
	for _, f := range feats {
		if f.id == antarctica {
			continue
		}
		key := keyByName[f.name]
		if f.id != "" {
			key = codes[f.id]
			if key == "" {
				log.Printf("%s (%s) has no alpha-2 code in world-countries: drawn as land only", f.name, f.id)
			}
		}
		if key != "" && seen[key] {
			log.Fatalf("two shapes for %s", key)
		}
		seen[key] = true
		shapes = append(shapes, build(key, f))
	}
	// The codes world-countries knows and the map has no shape for: a point each.
	for key, p := range points {
		if seen[key] || key == "aq" {
			continue
		}
		x, y := proj.Project(p.lat, p.lng)
		shapes = append(shapes, shape{key: key, name: p.name, x0: x, y0: y, x1: x, y1: y, lx: x, ly: y})
	}
	sort.Slice(shapes, func(i, j int) bool {
		a, b := shapes[i], shapes[j]
		if (a.key == "") != (b.key == "") {
			return b.key == "" // the shapes without a code last
		}
		if a.key != b.key {
			return a.key < b.key
		}
		return a.name < b.name
	})

	bottom := 0.0
	for _, s := range shapes {
		if s.d != "" {
			bottom = math.Max(bottom, s.y1)
		}
	}
	height := math.Ceil(bottom + margin)
	kept := shapes[:0]
	for _, s := range shapes {
		if s.d != "" || s.ly < height {
			kept = append(kept, s)
		} else {
			log.Printf("%s (%s) lies south of the frame: left out", s.name, s.key)
		}
	}
	shapes = kept
	write(*out, mapSource(shapes, height))
	nPath, nBytes := 0, 0
	for _, s := range shapes {
		if s.d != "" {
			nPath++
			nBytes += len(s.d)
		}
	}
	log.Printf("%d entries, %d with a path (%d bytes of path data); frame %d×%g", len(shapes), nPath, nBytes, proj.Width, height)
}

// readFile returns one file of a package's tarball (see npmpack.Source.File), or stops the generator.
func readFile(dir string, s source, name string) []byte {
	b, err := s.File(dir, name)
	if err != nil {
		log.Fatal(err)
	}
	return b
}

// point is a world-countries entry's position, in degrees, and its name.
type point struct {
	lat, lng float64
	name     string
}

// isoCodes reads world-countries: the lower-case alpha-2 code of each ISO numeric code, and the
// position and name of each alpha-2 code.
func isoCodes(b []byte) (map[string]string, map[string]point, error) {
	var wc []struct {
		Name   struct{ Common string }
		CCA2   string
		CCN3   string
		LatLng []float64
	}
	if err := json.Unmarshal(b, &wc); err != nil {
		return nil, nil, fmt.Errorf("world-countries: %v", err)
	}
	codes := map[string]string{}
	points := map[string]point{}
	for _, c := range wc {
		a2 := strings.ToLower(c.CCA2)
		if c.CCN3 != "" {
			codes[c.CCN3] = a2
		}
		if len(c.LatLng) == 2 {
			points[a2] = point{c.LatLng[0], c.LatLng[1], c.Name.Common}
		}
	}
	return codes, points, nil
}

// shape is one generated entry; the fields are those of the renderer's shape.
type shape struct {
	key, name      string
	x0, y0, x1, y1 float64 // bounding box
	area           float64
	lx, ly         float64 // label point
	d              string
}

func mapSource(shapes []shape, height float64) []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by go run ./internal/gen; DO NOT EDIT.\n\n")
	b.WriteString("// The shapes are derived from:\n")
	for _, s := range []source{worldAtlas, worldCountries} {
		fmt.Fprintf(&b, "//   - npm %s@%s, licence %s\n", s.Name, s.Version, s.License)
	}
	b.WriteString("// See LICENSE-DATA.md.\n\npackage worldmap\n\n")
	fmt.Fprintf(&b, "// height is the height of the map's frame: the projected world cut %d units below its southernmost land.\n", margin)
	fmt.Fprintf(&b, "const height = %s\n\n", num(height))
	b.WriteString("// shapes are sorted by key, the shapes without a code (drawn as land only) last. The fields are,\n")
	b.WriteString("// in order: key, name, the bounding box (x0, y0, x1, y1), area, the label point (lx, ly), d.\n")
	b.WriteString("var shapes = [...]shape{\n")
	for _, s := range shapes {
		fmt.Fprintf(&b, "{%q, %q, %s, %s, %s, %s, %s, %s, %s, %q},\n", s.key, s.name,
			num(s.x0), num(s.y0), num(s.x1), num(s.y1), num(s.area), num(s.lx), num(s.ly), s.d)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// num writes f rounded to a tenth.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

func write(path string, src []byte) {
	out, err := format.Source(src)
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		log.Fatal(err)
	}
}
