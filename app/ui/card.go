package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
	"github.com/dramatis/dramatis/app/reader"
)

// EntityCard tells who the entity in focus is: name, role, the forms the article uses for it, the
// sentence of its first mention, and the entities most often mentioned in the same paragraphs, each a
// button that puts that entity in focus.
type EntityCard struct {
	app.Compo

	Entity  model.Entity
	Count   int
	Forms   []string         // the surface forms seen in the article
	First   string           // the sentence of the first mention
	Related []reader.Related // most often mentioned in the same paragraphs
}

// Render draws the card. Its facts are one app.Raw node (see cardFacts): markup costs the client
// nothing per kind of element, where go-app's element types each add to app.wasm. The related
// entities' buttons are in it; the card's click handler finds which was clicked.
func (c *EntityCard) Render() app.UI {
	e := c.Entity
	return app.Section().ID("card").Aria("labelledby", "card-name").OnClick(c.onClick).Body(
		app.H2().ID(cardNameID).Class("card-name").TabIndex(-1).Text(e.Name),
		app.If(e.Auto(), func() app.UI {
			return app.Raw(`<p class="card-auto"><span class="auto-badge" aria-hidden="true">auto</span> found by detection, not reviewed</p>`)
		}),
		app.P().Class("card-role").Text(strings.Join(slices.DeleteFunc([]string{e.Role, e.Kind.Name(), mentionsLabel(c.Count)}, func(s string) bool { return s == "" }), " · ")),
		app.Raw(cardFacts(c.Forms, c.First, c.Related)),
	)
}

// cardNameID is the id of the card's heading, which takes the keyboard focus after a related entity
// was chosen.
const cardNameID = "card-name"

// onClick adds the related entity whose button was clicked to the selection and puts it in focus;
// the keyboard focus stays on the card.
func (c *EntityCard) onClick(ctx app.Context, e app.Event) {
	id := dataTarget(e, "related")
	sendIf(ctx, id != "", actionRelated, id)
}

// cardFacts is the card's list of facts: the forms the article uses, the sentence of the first
// mention, and a button per related entity (data-related holds its id).
func cardFacts(forms []string, first string, related []reader.Related) string {
	var b strings.Builder
	b.WriteString("<dl>")
	if len(forms) > 0 {
		b.WriteString(`<div class="card-forms"><dt>Named as</dt><dd>` + escapeHTML(strings.Join(forms, ", ")) + `</dd></div>`)
	}
	if first != "" {
		b.WriteString(`<div class="card-first"><dt>First mention</dt><dd><q>` + escapeHTML(first) + `</q></dd></div>`)
	}
	if len(related) > 0 {
		b.WriteString(`<div class="card-related"><dt>Mentioned with</dt><dd><ul>`)
		for _, r := range related {
			b.WriteString(`<li><button class="related" data-related="` + escapeHTML(r.Entity.ID) + `" title="` + escapeHTML(r.Entity.Role) +
				`"><span class="related-name">` + escapeHTML(r.Entity.Name) + `</span><span class="related-count" aria-label="in ` +
				paragraphsLabel(r.Shared) + ` together">` + strconv.Itoa(r.Shared) + `</span></button></li>`)
		}
		b.WriteString(`</ul></dd></div>`)
	}
	b.WriteString("</dl>")
	return b.String()
}

func paragraphsLabel(n int) string {
	if n == 1 {
		return "1 paragraph"
	}
	return strconv.Itoa(n) + " paragraphs"
}
