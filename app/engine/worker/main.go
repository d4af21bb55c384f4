//go:build js && wasm

// Command worker is the engine of the articles a reader opens in the browser (package engine),
// compiled to its own WebAssembly file, web/engine.wasm, apart from app.wasm: web/engine.js loads it
// in a Web Worker the first time a reader opens an article, so a reader of the bundled article never
// downloads it, and the page stays responsive while it works.
//
// It sets globalThis.dramatisEngine, whose functions take JSON strings (an Article, an Edit) and return
// an object of strings, {error} when they fail. article and view are an Article and a View as JSON,
// which the worker stores as they are; the view's large strings are apart from it, as they are: html
// (the Document's HTML), map and network:
//
//	warm()                       → {}: detection's model decoded, ahead of an open
//	open(file, bytes, nowMillis) → {id, title, article, view, html, map, network}
//	apply(article, edit)         → the same and entity
//	undo(article), redo(article) → the same as open
//	export(article)              → {entities, article}: entities.yaml and article.md
//
// This file is all of the engine's JavaScript interop.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"github.com/dramatis/dramatis/app/engine"
)

func main() {
	js.Global().Set("dramatisEngine", js.ValueOf(map[string]any{
		// warm decodes detection's model, which the first Open would otherwise wait for.
		"warm": fn(func([]js.Value) (map[string]any, error) {
			_, err := engine.Open("warm.md", []byte("Edi Rama met Yair Lapid in Tirana."), time.Now())
			return map[string]any{}, err
		}),
		"open": fn(func(args []js.Value) (map[string]any, error) {
			data := make([]byte, args[1].Get("length").Int())
			js.CopyBytesToGo(data, args[1])
			a, err := engine.Open(args[0].String(), data, time.UnixMilli(int64(args[2].Float())))
			if err != nil {
				return nil, err
			}
			return rendered(a, nil)
		}),
		"apply": withArticle(func(a *engine.Article, args []js.Value) (map[string]any, error) {
			var e engine.Edit
			if err := json.Unmarshal([]byte(args[1].String()), &e); err != nil {
				return nil, err
			}
			id, err := engine.Apply(a, e)
			if err != nil {
				return nil, err
			}
			return rendered(a, map[string]any{"entity": id})
		}),
		"undo": withArticle(func(a *engine.Article, _ []js.Value) (map[string]any, error) {
			if err := engine.Undo(a); err != nil {
				return nil, err
			}
			return rendered(a, nil)
		}),
		"redo": withArticle(func(a *engine.Article, _ []js.Value) (map[string]any, error) {
			if err := engine.Redo(a); err != nil {
				return nil, err
			}
			return rendered(a, nil)
		}),
		"export": withArticle(func(a *engine.Article, _ []js.Value) (map[string]any, error) {
			yaml, md := engine.Export(a)
			return map[string]any{"entities": string(yaml), "article": string(md)}, nil
		}),
	}))
	select {}
}

// rendered is the answer that carries a and its View, with the fields of more.
func rendered(a *engine.Article, more map[string]any) (map[string]any, error) {
	v, err := engine.Render(a)
	if err != nil {
		return nil, err
	}
	if more == nil {
		more = map[string]any{}
	}
	// The view's large strings go apart from its JSON: the page reads them as they are, where decoding
	// them from JSON would cost its thread several times as much.
	more["html"], more["map"], more["network"] = v.Doc.HTML, v.Map, v.Network
	v.Doc.HTML, v.Map, v.Network = "", "", ""
	more["id"], more["title"], more["article"], more["view"] = a.ID, a.Title, a, v
	return more, nil
}

// withArticle decodes the Article in the first argument for f.
func withArticle(f func(*engine.Article, []js.Value) (map[string]any, error)) js.Func {
	return fn(func(args []js.Value) (map[string]any, error) {
		if len(args) == 0 {
			return nil, errors.New("no article")
		}
		var a engine.Article
		if err := json.Unmarshal([]byte(args[0].String()), &a); err != nil {
			return nil, err
		}
		return f(&a, args)
	})
}

// fn makes f a JavaScript function that returns its answer, or its error, as an object of strings:
// each value of the answer that is not a string already, as JSON.
func fn(f func([]js.Value) (map[string]any, error)) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (answer any) {
		defer func() {
			if r := recover(); r != nil { // a bug: say so rather than stop the engine
				answer = map[string]any{"error": fmt.Sprint("the engine failed: ", r)}
			}
		}()
		out, err := f(args)
		if err != nil {
			return map[string]any{"error": err.Error()}
		}
		strs := make(map[string]any, len(out))
		for k, v := range out {
			if s, ok := v.(string); ok {
				strs[k] = s
				continue
			}
			b, err := json.Marshal(v)
			if err != nil {
				return map[string]any{"error": err.Error()}
			}
			strs[k] = string(b)
		}
		return strs
	})
}
