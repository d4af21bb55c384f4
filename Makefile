# Dramatis. `make run` builds and serves the bundled article on http://localhost:8000;
# `make test` runs every test, end-to-end ones in headless Chromium included.

ADDR ?= :8000
# BASE is the path a static build is served under: "" for a host's root, /dramatis for
# https://user.github.io/dramatis/.
BASE ?=
# URL is the address a static build is published at (https://user.github.io/dramatis/), which link
# previews and the canonical link need; without it they are left out.
URL ?=
GO ?= go
WASM_FLAGS = -trimpath -ldflags="-s -w"
GOLANGCI_LINT = github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0

.PHONY: run build dist wasm test test-wasm e2e-deps fuzz bench lint clean model

run: build
	./bin/dramatis serve -addr $(ADDR)

# build also writes web/app.wasm.br at brotli's level 11 (about a minute, and only when app.wasm
# changed), which serve sends from the first request.
build: wasm
	$(GO) build -trimpath -o bin/dramatis .
	./bin/dramatis precompress -web web

# dist writes the static website (index.html prerendered, app.wasm, precompressed .br/.gz) to dist/.
dist: build
	./bin/dramatis build -out dist -base "$(BASE)" -url "$(URL)"

# wasm builds the app (web/app.wasm) and the engine that opens a reader's own articles in a Web
# Worker (web/engine.wasm, see app/engine/worker), which the page loads only when a reader opens one.
wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm .
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/engine.wasm ./app/engine/worker

test: wasm test-wasm e2e-deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(call fuzz-for,10s)

# fuzz runs each fuzz target for longer than make test does.
fuzz:
	$(call fuzz-for,2m)

# bench measures Dramatis against baselines measured in the same run and writes the table into
# docs/benchmarks.md (Chromium needed; a few minutes). make test runs it once on tiny inputs.
# CONLL, if given, is the folder of conll2003-dev.txt and conll.py: the detection table then scores
# the CoNLL-2003 development articles too (make bench CONLL=DIR).
bench:
	@rm -rf .bench-conll
	@if [ -n "$(CONLL)" ]; then python3 "$(CONLL)/conll.py" split "$(CONLL)/conll2003-dev.txt" .bench-conll --min-tokens 80; fi
	$(GO) run ./bench -out docs/benchmarks.md $(if $(CONLL),-conll .bench-conll)
	@rm -rf .bench-conll

# fuzz-for runs each fuzz target for the time given.
fuzz-for = $(GO) test -run '^$$' -fuzz '^FuzzAnnotate$$' -fuzztime $(1) ./app/annotate && \
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(1) ./app/catalog && \
	$(GO) test -run '^$$' -fuzz '^FuzzDetect$$' -fuzztime $(1) ./app/detect

# The pure packages also run under WebAssembly (Node), as the browser runs them.
test-wasm:
	PATH="$$($(GO) env GOROOT)/lib/wasm:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 ./app/model ./app/reader ./app/ui

# e2e-deps installs axe-core, which the accessibility tests inject into the page.
e2e-deps:
	cd e2e && npm ci --no-audit --no-fund

lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet . ./bench/hello ./app/engine/worker
	$(GO) run $(GOLANGCI_LINT) run ./...

clean:
	rm -rf bin dist web/app.wasm web/engine.wasm e2e/node_modules

# model retrains the tagger of app/detect/ner from the CoNLL-2003 training split and rewrites its
# weights (app/detect/ner/weights.bin.gz). CONLL is the folder holding conll2003-train.txt and
# conll.py, which turns it into articles; the corpus itself is never part of the repository.
model:
	@test -n "$(CONLL)" || { echo "usage: make model CONLL=DIR (DIR holds conll2003-train.txt and conll.py)"; exit 2; }
	rm -rf .model-train && python3 "$(CONLL)/conll.py" split "$(CONLL)/conll2003-train.txt" .model-train
	$(GO) run ./app/detect/ner/train -train .model-train -holdout 0
	rm -rf .model-train
