# Dramatis. `make run` builds and serves the bundled article on http://localhost:8000;
# `make test` runs every test, end-to-end ones in headless Chromium included.

ADDR ?= :8000
# BASE is the path a static build is served under: "" for a host's root, /dramatis for
# https://user.github.io/dramatis/.
BASE ?=
GO ?= go
WASM_FLAGS = -trimpath -ldflags="-s -w"
GOLANGCI_LINT = github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0

.PHONY: run build dist wasm test test-wasm lint clean

run: build
	./bin/dramatis serve -addr $(ADDR)

build: wasm
	$(GO) build -trimpath -o bin/dramatis .

# dist writes the static website (index.html prerendered, app.wasm, precompressed .br/.gz) to dist/.
dist: build
	./bin/dramatis build -out dist -base "$(BASE)"

wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm .

test: wasm test-wasm
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# The pure packages also run under WebAssembly (Node), as the browser runs them.
test-wasm:
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./app/model ./app/ui

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet .
	$(GO) run $(GOLANGCI_LINT) run ./...

clean:
	rm -rf bin dist web/app.wasm
