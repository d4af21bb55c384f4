package main

import (
	"encoding/json"
	"fmt"
)

// lonLat is a position in degrees.
type lonLat struct{ lon, lat float64 }

// feature is one country of a topology: its rings in degrees, closed (the last position repeats the
// first), grouped by polygon, each polygon's exterior ring first.
type feature struct {
	id, name string
	polygons [][][]lonLat
}

// topology is the part of a TopoJSON file the generator reads: quantized, delta-encoded arcs and
// one object, "countries", of Polygon and MultiPolygon geometries that list arcs by index.
type topology struct {
	Transform struct{ Scale, Translate [2]float64 }
	Arcs      [][][2]int
	Objects   struct {
		Countries struct {
			Geometries []struct {
				Type       string
				ID         string
				Arcs       json.RawMessage
				Properties struct{ Name string }
			}
		}
	}
}

// decode returns the countries of a world-atlas TopoJSON file.
func decode(b []byte) ([]feature, error) {
	var t topology
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, err
	}
	// Each arc's positions are deltas from the one before, in the quantized grid.
	arcs := make([][]lonLat, len(t.Arcs))
	for i, a := range t.Arcs {
		x, y := 0, 0
		pts := make([]lonLat, len(a))
		for j, d := range a {
			x, y = x+d[0], y+d[1]
			pts[j] = lonLat{float64(x)*t.Transform.Scale[0] + t.Transform.Translate[0],
				float64(y)*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		arcs[i] = pts
	}
	// A ring lists arcs by index, ^i for arc i reversed; consecutive arcs share an end.
	ring := func(ids []int) ([]lonLat, error) {
		var out []lonLat
		for _, id := range ids {
			rev := id < 0
			if rev {
				id = ^id
			}
			if id >= len(arcs) {
				return nil, fmt.Errorf("arc %d of %d", id, len(arcs))
			}
			a := arcs[id]
			for k := range a {
				p := a[k]
				if rev {
					p = a[len(a)-1-k]
				}
				if k > 0 || len(out) == 0 {
					out = append(out, p)
				}
			}
		}
		return out, nil
	}

	var out []feature
	for _, g := range t.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, fmt.Errorf("%s: %v", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: %v", g.Properties.Name, err)
			}
		default:
			return nil, fmt.Errorf("%s: geometry %s", g.Properties.Name, g.Type)
		}
		f := feature{id: g.ID, name: g.Properties.Name}
		for _, p := range polys {
			var rings [][]lonLat
			for _, ids := range p {
				r, err := ring(ids)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", g.Properties.Name, err)
				}
				rings = append(rings, r)
			}
			f.polygons = append(f.polygons, rings)
		}
		out = append(out, f)
	}
	return out, nil
}
