// Package content embeds the bundled article and its cast catalogue.
package content

import "embed"

// File names inside FS.
const (
	// ArticleFile is the article: Markdown with YAML front matter giving its title, standfirst,
	// author, publication and dateline.
	ArticleFile = "article.md"
	// CatalogueFile is the cast catalogue: a YAML list of the people, organisations, countries and
	// places the article mentions, with the names under which each appears.
	CatalogueFile = "entities.yaml"
)

// FS holds ArticleFile and CatalogueFile.
//
//go:embed article.md entities.yaml
var FS embed.FS
