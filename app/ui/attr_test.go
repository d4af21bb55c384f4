package ui

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// hostileAttrs are attribute values that break out of a prerendered attribute unless escaped.
var hostileAttrs = []string{
	`Duke of Strelsau" autofocus onfocus=alert(1) x="`,
	`"><img src=x onerror=alert(1)>`,
	`a \" b \\" c`,
	`&quot; &amp; & < > ' ’`,
	"tab\tnew line\nbell\a soft\u00ad hyphen, line separator\u2028",
	`Mr. "Quote"`,
}

var titlePattern = regexp.MustCompile(`^<button title="([^"]*)"></button>$`)

// TestPrerenderAttr checks that prerendered attribute values stay one attribute and read back as
// they were.
func TestPrerenderAttr(t *testing.T) {
	for _, s := range hostileAttrs {
		out := app.HTMLString(app.Button().Title(prerenderAttr(s)))
		m := titlePattern.FindStringSubmatch(out)
		if m == nil {
			t.Errorf("Title(prerenderAttr(%q)) renders %s, want one title attribute", s, out)
			continue
		}
		if got := html.UnescapeString(m[1]); got != s {
			t.Errorf("Title(prerenderAttr(%q)) renders %s, which reads back as %q", s, out, got)
		}
	}
}

func TestAttr(t *testing.T) {
	for _, s := range hostileAttrs {
		want := s
		if app.IsServer {
			want = prerenderAttr(s)
		}
		if got := attr(s); got != want {
			t.Errorf("attr(%q) = %q, want %q", s, got, want)
		}
	}
	if got := prerenderAttr("Edi Rama, Prime Minister"); got != "Edi Rama, Prime Minister" {
		t.Errorf("prerenderAttr changed plain text to %q", got)
	}
}

func TestHeadText(t *testing.T) {
	tests := []struct{ in, want string }{
		{`The "Hostile" Herald`, `The “Hostile” Herald`},
		{`" autofocus onfocus=alert(1) x="`, `“ autofocus onfocus=alert(1) x=”`},
		{`Albania teams up with Israel`, `Albania teams up with Israel`},
	}
	for _, tt := range tests {
		if got := HeadText(tt.in); got != tt.want {
			t.Errorf("HeadText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestAriaStatesPrerenderInFull checks that a true ARIA state reaches the prerendered page as
// aria-…="true" once the browser has decoded it, not as a bare attribute, which ARIA reads as empty.
func TestAriaStatesPrerenderInFull(t *testing.T) {
	if !app.IsServer {
		// In the browser go-app sets attributes through the DOM: the value stays plain.
		if got := ariaBool(true); got != "true" {
			t.Errorf("ariaBool(true) = %q in the browser, want \"true\"", got)
		}
		return
	}
	h := app.HTMLString(app.Button().Aria("pressed", ariaBool(true)).Aria("expanded", ariaBool(false)))
	for _, want := range []string{`aria-pressed="&#116;rue"`, `aria-expanded="false"`} {
		if !strings.Contains(h, want) {
			t.Errorf("prerendered %s, want it to contain %s", h, want)
		}
	}
	if got := html.UnescapeString("&#116;rue"); got != "true" {
		t.Errorf("the browser would read %q", got)
	}
}
