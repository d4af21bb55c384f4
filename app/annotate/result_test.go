package annotate

import (
	"bytes"
	"fmt"
	"reflect"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
)

// resultCases are documents with different mentions and sentences.
var resultCases = []string{
	"Edi Rama met the U.S. envoy. Then Rama left for Israel.\n\n# Israel’s view\n\nTehran rejected it.",
	"Prime Minister Edi\nRama paid a visit. Albanians\ncomplained.",
	"No one at all.",
	"> Tehran rejected the charges, said Washington.\n\n- Albania in a list\n- and Serbia",
}

// wantResult returns the Result of src, converted alone by a converter of its own.
func wantResult(t *testing.T, src string) *Result {
	t.Helper()
	_, res := convert(t, src)
	return res
}

// convertWith converts src with md and returns the parser context, without asking for the Result.
func convertWith(t *testing.T, md goldmark.Markdown, src string) parser.Context {
	t.Helper()
	pc := parser.NewContext()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	return pc
}

// TestGetLater asks for the Results of documents after the converter has converted others, so that
// the buffers of the first conversions serve later ones, and Get must read those documents again.
func TestGetLater(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	var pcs []parser.Context
	for _, src := range resultCases {
		pcs = append(pcs, convertWith(t, md, src))
	}
	for i := len(resultCases) - 1; i >= 0; i-- {
		got, want := Get(pcs[i]), wantResult(t, resultCases[i])
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Get after later conversions, of %q = %+v, want %+v", resultCases[i], got, want)
		}
		if again := Get(pcs[i]); again != got {
			t.Errorf("a second Get of %q returned another Result", resultCases[i])
		}
	}
}

// TestGetAtOnce converts documents and asks for their Results at the same time, with one converter.
func TestGetAtOnce(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	want := make([]*Result, len(resultCases))
	for i, src := range resultCases {
		want[i] = wantResult(t, src)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 20 {
				i := (g + k) % len(resultCases)
				pc := convertWith(t, md, resultCases[i])
				if k%3 == 0 {
					// Another conversion between this one and its Get.
					convertWith(t, md, resultCases[(i+1)%len(resultCases)])
				}
				if got := Get(pc); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("goroutine %d: Get of %q = %+v, want %+v", g, resultCases[i], got, want[i])
				}
			}
		}()
	}
	wg.Wait()
}

// TestGetWithoutConversion checks that Get of a context that no conversion used gives an empty Result.
func TestGetWithoutConversion(t *testing.T) {
	if res := Get(parser.NewContext()); len(res.Mentions) != 0 || len(res.Sentences) != 0 {
		t.Errorf("Get(new context) = %+v, want an empty Result", res)
	}
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	if res := Get(convertWith(t, md, "No one at all.")); len(res.Mentions) != 0 || len(res.Sentences) != 0 {
		t.Errorf("Get after a document without mentions = %+v, want an empty Result", res)
	}
}

func ExampleGet() {
	md := goldmark.New(goldmark.WithExtensions(New(testCast)))
	pc := parser.NewContext()
	var buf bytes.Buffer
	if err := md.Convert([]byte("Edi Rama met the U.S. envoy. Then Rama left."), &buf, parser.WithContext(pc)); err != nil {
		panic(err)
	}
	res := Get(pc)
	for _, m := range res.Mentions {
		fmt.Printf("%s (%s) in %q\n", m.Entity, m.Text, res.Sentences[m.Sentence])
	}
	// Output:
	// edi-rama (Edi Rama) in "Edi Rama met the U.S. envoy."
	// us (U.S.) in "Edi Rama met the U.S. envoy."
	// edi-rama (Rama) in "Then Rama left."
}
