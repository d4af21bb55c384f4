package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// precompressMin is the size from which the static build writes .br, .zst and .gz siblings.
const precompressMin = 1024

// WriteStatic writes the static website of h to out: the prerendered index.html, go-app's scripts,
// worker and manifest, and a copy of the web directory (with app.wasm), plus precompressed siblings
// of the larger text and wasm files. base is the path the site will be served under ("" for a
// host's root). It writes to a temporary directory beside out and renames it into place at the end,
// so a failed build leaves any previous out as it was. siteURL is the address the site is published
// at, as ParseSiteURL returns it, for link previews ("" leaves their address out); effort says how
// hard to compress.
func WriteStatic(out, web, base, siteURL string, effort Effort, h *app.Handler) (err error) {
	base = strings.TrimRight(base, "/")
	if base != "" && !strings.HasPrefix(base, "/") {
		return fmt.Errorf("base %q must start with /", base)
	}
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err != nil {
		return fmt.Errorf("%w (build it with: make wasm)", err)
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+"-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = os.RemoveAll(tmp)
		}
	}()
	if base != "" {
		h.Resources = app.PrefixedLocation(base)
	}
	h.RawHeaders = append(h.RawHeaders, CSPMeta(), WasmPreload(base))
	if err := app.GenerateStaticWebsite(tmp, h); err != nil {
		return fmt.Errorf("generating the static website: %w", err)
	}
	if err := previewPage(filepath.Join(tmp, "index.html"), siteURL); err != nil {
		return err
	}
	if err := CopyDir(filepath.Join(tmp, "web"), web); err != nil {
		return err
	}
	if err := fixManifest(filepath.Join(tmp, "manifest.webmanifest"), base); err != nil {
		return err
	}
	if err := precompress(tmp, effort); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	return replaceDir(out, tmp)
}

// previewPage applies LinkPreview to the page file at path.
func previewPage(path, siteURL string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, LinkPreview(data, siteURL), 0o644)
}

// fixManifest sets the manifest's scope and start URL to the base path: go-app always writes "/" as
// the scope, which is wrong under a sub-path.
func fixManifest(path, base string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	m["scope"] = base + "/"
	m["start_url"] = base + "/"
	m["id"] = base + "/"
	data, err = json.Marshal(m)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// precompress writes a sibling per coding of every compressible file of dir of at least
// precompressMin bytes, for hosts that serve precompressed files.
func precompress(dir string, effort Effort) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressibleFile(path) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil || len(data) < precompressMin {
			return err
		}
		for _, e := range Encodings {
			if e.Name == "zstd" {
				continue // few static hosts serve .zst files; br and gzip cover every browser
			}
			out, err := Encode(e.Name, data, effort)
			if err != nil {
				return fmt.Errorf("compressing %s: %w", path, err)
			}
			if err := os.WriteFile(path+e.Suffix, out, 0o644); err != nil {
				return err
			}
		}
		return nil
	})
}

func compressibleFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt", ".map":
		return true
	}
	return false
}

// CopyDir copies the regular files under src into dst, keeping the tree, except the top-level files
// named in skip.
func CopyDir(dst, src string, skip ...string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if slices.Contains(skip, rel) || !d.Type().IsRegular() {
			return nil
		}
		return CopyFile(target, path)
	})
}

// CopyFile copies the file src to dst.
func CopyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// replaceDir puts the finished directory tmp in the place of out, moving any previous out aside
// first and removing it only once tmp is in place.
func replaceDir(out, tmp string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
