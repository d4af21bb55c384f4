package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// testPictures stands for the server's pictures: a map and a network with one entity each.
var testPictures = Pictures{
	Map:     `<div class="picture-body"><svg class="worldmap"><g class="country e-al" data-entity="al" tabindex="0"></g></svg></div>`,
	Network: `<div class="picture-body"><svg class="network"><g class="node e-al" data-entity="al" tabindex="0"></g></svg></div>`,
}

// TestPanelViews prerenders the page with each view of the panel and checks that only that view's
// panel shows, that its tab alone is selected and the tab stop, and that the server draws both
// pictures whatever the view, for the client to read back.
func TestPanelViews(t *testing.T) {
	doc := bundled(t)
	for _, view := range []string{"cast", "map", "network"} {
		p := &Page{Doc: doc, Pictures: testPictures}
		p.OnInit()
		p.live = false // as on the server
		query := "e=al"
		if view != "cast" {
			query += "&v=" + view
		}
		p.restore(app.Context{}, query)
		if got := p.state().Query(); got != query {
			t.Errorf("%s: the state's query = %q, want %q", view, got, query)
		}
		h := app.HTMLString(p)
		for _, want := range []string{testPictures.Map, testPictures.Network} {
			if !strings.Contains(h, want) {
				t.Errorf("%s: the page lacks the picture %q", view, want)
			}
		}
		for _, v := range views {
			shown := v.id == view
			for _, tg := range tags(t, h, "div") {
				if tg.attrs["id"] != v.id+"-view" {
					continue
				}
				if _, hidden := tg.attrs["hidden"]; hidden == shown || tg.attrs["role"] != "tabpanel" {
					t.Errorf("%s: #%s-view has %v, want it hidden %t", view, v.id, tg.attrs, !shown)
				}
			}
			for _, tg := range tags(t, h, "button") {
				if tg.attrs["id"] != "tab-"+v.id {
					continue
				}
				selected := tg.attrs["aria-selected"] == "&#116;rue" || tg.attrs["aria-selected"] == "true"
				if selected != shown || (tg.attrs["tabindex"] == "0") != shown || tg.attrs["aria-controls"] != v.id+"-view" {
					t.Errorf("%s: tab %s has %v, want selected and the tab stop %t", view, v.id, tg.attrs, shown)
				}
			}
		}
		if got, want := strings.Contains(p.classes(), "view-"+view), view != "cast"; got != want {
			t.Errorf("%s: the root's classes %q name the view: %t, want %t", view, p.classes(), got, want)
		}
	}
}

// TestPicturesOnDemand: in the browser, a picture is drawn from its view's first showing on, and
// not before.
func TestPicturesOnDemand(t *testing.T) {
	p := &Page{Doc: bundled(t), Pictures: testPictures}
	p.OnInit()
	p.live = true
	if h := app.HTMLString(p); strings.Contains(h, "worldmap") || strings.Contains(h, `class="network"`) {
		t.Errorf("the live page draws a picture no one has opened")
	}
	p.opened["map"] = true
	if h := app.HTMLString(p); !strings.Contains(h, testPictures.Map) || strings.Contains(h, `class="network"`) {
		t.Errorf("the live page does not draw the opened map alone")
	}
}

func TestLinksCSS(t *testing.T) {
	if got := linksCSS(nil); got != "" {
		t.Errorf("linksCSS(nil) = %q, want nothing", got)
	}
	one := linksCSS([]string{"al"})
	for _, want := range []string{`#network .edge .link{stroke-opacity:.07}`, `[data-a="al"]`, `[data-b="al"]`} {
		if !strings.Contains(one, want) {
			t.Errorf("linksCSS(al) = %q, lacks %q", one, want)
		}
	}
	if strings.Contains(one, "--accent") {
		t.Errorf("linksCSS(al) = %q brings out a pair of one", one)
	}
	two := linksCSS([]string{"il", "al"})
	for _, want := range []string{`[data-a="il"][data-b="al"]`, `[data-a="al"][data-b="il"]`, `stroke:var(--accent)`} {
		if !strings.Contains(two, want) {
			t.Errorf("linksCSS(il, al) = %q, lacks %q", two, want)
		}
	}
}
