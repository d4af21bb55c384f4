// Package ner is the learned part of cast detection: a tagger that marks the names of people (PER),
// places (LOC), organisations (ORG) and other named things (MISC, such as demonyms) in news text.
//
// It is an averaged perceptron over hashed features of each word and its neighbours (the word, its
// shape, prefixes and suffixes, the words around it, the tags before it, whether the document writes
// it in lower case elsewhere, and whether a gazetteer knows it), decoding greedily left to right with
// IOB2 tags. It learned from the CoNLL-2003 training split (Reuters news, 1996–97); the trainer is
// ./train, and its weights are the committed file weights.bin, which `make model` regenerates. Words
// with no capital letter or digit that follow no name are tagged O without asking the model: that
// keeps tagging fast, and names in news begin with a capital.
package ner

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"
)

// Types are the entity types the tagger knows, in the order of their tag numbers.
var Types = [...]string{"PER", "LOC", "ORG", "MISC"}

// nTags counts the IOB2 tags: O, then B- and I- of each type.
const nTags = 1 + 2*len(Types)

// Tag numbers: 0 is O; B-Types[k] is 1+2k and I-Types[k] is 2+2k.
func begin(k int) int  { return 1 + 2*k }
func inside(k int) int { return 2 + 2*k }
func typeOf(tag int) int {
	if tag == 0 {
		return -1
	}
	return (tag - 1) / 2
}
func isInside(tag int) bool { return tag > 0 && tag%2 == 0 }

// Model holds the weights: for each of 1<<bits feature buckets, one weight per tag.
type Model struct {
	bits    uint
	weights []float32
	// second is the second pass, if any (see TagDoc).
	second *Model
}

// Span is a name the tagger found: tokens [Start, End) of the sentence, of type Types[Type].
type Span struct {
	Start, End int
	Type       int
}

// magic opens an encoded model.
const magic = "DRNER1"

// Encode writes the model compactly: each pass's weights quantised to 16 bits with one scale, the
// whole compressed with gzip.
func (m *Model) Encode() []byte {
	out := m.encodePass()
	if m.second != nil {
		out = append(out, m.second.encodePass()...)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	// Writing to a bytes.Buffer cannot fail.
	_, _ = zw.Write(out)
	_ = zw.Close()
	return buf.Bytes()
}

func (m *Model) encodePass() []byte {
	var peak float32
	for _, w := range m.weights {
		peak = max(peak, float32(math.Abs(float64(w))))
	}
	scale := peak / 32767
	if scale == 0 {
		scale = 1
	}
	out := make([]byte, 0, len(magic)+5+2*len(m.weights))
	out = append(out, magic...)
	out = append(out, byte(m.bits))
	out = binary.LittleEndian.AppendUint32(out, math.Float32bits(scale))
	for _, w := range m.weights {
		out = binary.LittleEndian.AppendUint16(out, uint16(int16(math.Round(float64(w/scale)))))
	}
	return out
}

// Decode reads a model that Encode wrote.
func Decode(z []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("ner: encoded model: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: encoded model: %w", err)
	}
	m, rest, err := decodePass(b)
	if err != nil || len(rest) == 0 {
		return m, err
	}
	if m.second, rest, err = decodePass(rest); err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, errors.New("ner: encoded model has bytes after its passes")
	}
	return m, nil
}

func decodePass(b []byte) (*Model, []byte, error) {
	if len(b) < len(magic)+5 || string(b[:len(magic)]) != magic {
		return nil, nil, errors.New("ner: not an encoded model")
	}
	b = b[len(magic):]
	bits := uint(b[0])
	scale := math.Float32frombits(binary.LittleEndian.Uint32(b[1:5]))
	b = b[5:]
	if bits < 8 || bits > 24 || len(b) < 2*nTags<<bits {
		return nil, nil, errors.New("ner: encoded model is cut short")
	}
	m := &Model{bits: bits, weights: make([]float32, nTags<<bits)}
	for i := range m.weights {
		m.weights[i] = float32(int16(binary.LittleEndian.Uint16(b[2*i:]))) * scale
	}
	return m, b[2*len(m.weights):], nil
}

//go:embed weights.bin.gz
var weights []byte

// Default returns the model trained on CoNLL-2003, decoded on first use.
var Default = sync.OnceValue(func() *Model {
	m, err := Decode(weights)
	if err != nil {
		panic("ner: the embedded weights: " + err.Error())
	}
	return m
})
