package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// This file makes text from the content safe in attribute values. go-app prerenders an attribute
// value as a Go string literal, escaping a double quote with a backslash; HTML knows no backslash, so
// a quote in a name or a role would end the attribute there, and what follows it would be markup.

// attr returns s, which comes from the content (a name, a role), for an attribute value. On the
// server it writes the characters that a Go string literal would escape as HTML character
// references, which go-app leaves alone and the browser decodes back to s. In the browser, where
// go-app sets attributes through the DOM, it returns s unchanged.
func attr(s string) string {
	if !app.IsServer {
		return s
	}
	return prerenderAttr(s)
}

// escapeHTML returns s escaped for markup that go-app takes as it is (app.Raw), in element content
// and in quoted attribute values alike. It stands in for html.EscapeString, whose strings.Replacer
// would add to the client's size.
func escapeHTML(s string) string {
	if !strings.ContainsAny(s, `&<>"'`) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// prerenderAttr returns s with &, ", \ and the runes a Go string literal escapes written as HTML
// character references.
func prerenderAttr(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r == '&' || r == '"' || r == '\\' || !strconv.IsPrint(r) }) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\\':
			b.WriteString("&#92;")
		case !strconv.IsPrint(r):
			fmt.Fprintf(&b, "&#x%X;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ariaBool returns b as the value of an ARIA state such as aria-pressed. go-app prerenders the value
// "true" as a bare attribute, which ARIA reads as empty, not true; on the server the "t" is therefore
// written as a character reference, which the browser decodes back to "true".
func ariaBool(b bool) string {
	if b && app.IsServer {
		return "&#116;rue"
	}
	return strconv.FormatBool(b)
}

// HeadText returns s, which comes from the content, for the page's title and author. go-app writes
// these both as text and as attribute values of meta tags, so no escaping suits both: straight double
// quotes become typographic ones instead, alternately opening and closing.
func HeadText(s string) string {
	open := true
	return strings.Map(func(r rune) rune {
		if r != '"' {
			return r
		}
		defer func() { open = !open }()
		if open {
			return '“'
		}
		return '”'
	}, s)
}

// fill returns the markup tmpl with each "$1" to "$9" replaced by the matching value of args, escaped
// for HTML. A template of constant markup costs app.wasm far less than the code that would build it.
func fill(tmpl string, args ...string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '$')
		if i < 0 || i+1 >= len(tmpl) || tmpl[i+1] < '1' || int(tmpl[i+1]-'1') >= len(args) {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		b.WriteString(escapeHTML(args[tmpl[i+1]-'1']))
		tmpl = tmpl[i+2:]
	}
}
