package ui

import (
	"encoding/json"
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/dramatis/dramatis/app/model"
)

// This file holds all of Dramatis's JavaScript interop.

// dataElementID is the id of the <script type="application/json"> element that carries the Document in
// the prerendered page.
const dataElementID = "dramatis-data"

// articleElementID is the id of the element that holds the article body. The page's JSON leaves the
// body out, since the prerendered page holds it already.
const articleElementID = "article"

// DocumentFromPage decodes the Document that the server prerendered into the page, taking the body's
// HTML from the prerendered #article when the JSON leaves it out. The client calls it before go-app
// replaces the prerendered body.
func DocumentFromPage() (*model.Document, error) {
	el := app.Window().GetElementByID(dataElementID)
	if el == nil || !el.Truthy() {
		return nil, errors.New("the page carries no article data (#" + dataElementID + ")")
	}
	var doc model.Document
	if err := json.Unmarshal([]byte(el.Get("textContent").String()), &doc); err != nil {
		return nil, err
	}
	if doc.HTML == "" {
		body := app.Window().GetElementByID(articleElementID)
		if body == nil || !body.Truthy() {
			return nil, errors.New("the page carries no article body (#" + articleElementID + ")")
		}
		doc.HTML = body.Get("outerHTML").String()
	}
	return &doc, nil
}

// mentionEntity returns the entity ID of the mention an event happened in, or "".
func mentionEntity(e app.Event) string {
	m := e.Get("target").Call("closest", "mark[data-entity]")
	if !m.Truthy() {
		return ""
	}
	return m.Get("dataset").Get("entity").String()
}
