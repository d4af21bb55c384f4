package main

import (
	"math"
	"testing"
)

func TestTenths(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0"}, {5, ".5"}, {-5, "-.5"}, {10, "1"}, {-123, "-12.3"}, {4800, "480"}, {4801, "480.1"}} {
		if got := tenths(c.n); got != c.want {
			t.Errorf("tenths(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestPathData(t *testing.T) {
	rings := []ring{
		{pts: []xy{{10, 10}, {10.5, 10}, {10.5, 10.52}, {10, 11}, {10.01, 11.02}}},
		{pts: []xy{{20, 20}, {21, 21}, {20, 21}}},
		{pts: []xy{{30, 30}, {30.01, 30.01}}}, // rounds to one position: dropped
	}
	if got, want := pathData(rings), "M10 10h.5v.5l-.5.5zm10 10 1 1h-1z"; got != want {
		t.Errorf("pathData = %q, want %q", got, want)
	}
}

func TestCutAntimeridian(t *testing.T) {
	// A square from 170°E to 170°W, as TopoJSON gives it: jumping from 180 to -180.
	r := []lonLat{{170, 0}, {180, 0}, {-170, 0}, {-170, 10}, {-180, 10}, {170, 10}, {170, 0}}
	pieces := cutAntimeridian("test", r)
	if len(pieces) != 2 {
		t.Fatalf("%d pieces, want 2: %v", len(pieces), pieces)
	}
	for _, p := range pieces {
		lo, hi := math.Inf(1), math.Inf(-1)
		for _, q := range p {
			lo, hi = math.Min(lo, q.lon), math.Max(hi, q.lon)
		}
		if hi-lo > 10.001 || lo < -180 || hi > 180 {
			t.Errorf("piece %v spans %v to %v", p, lo, hi)
		}
	}
	if got := cutAntimeridian("test", []lonLat{{0, 0}, {1, 0}, {1, 1}, {0, 0}}); len(got) != 1 || len(got[0]) != 3 {
		t.Errorf("a ring away from the antimeridian: %v", got)
	}
}
