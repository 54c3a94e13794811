# The two commands of the README: `make run` and `make test`. Each installs
# what it needs on Debian or Ubuntu first (with sudo when not root).

GO      ?= go
TAGS    := migrated_fynedo
BIN     := uzkor
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# cgo and X11/Wayland headers for Fyne; Xvfb, xdotool and ImageMagick for
# the real-window smoke test; Mesa's software OpenGL; a CJK font so that
# Hangul renders.
APT_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev \
             wayland-protocols fonts-noto-cjk
APT_TEST  := xvfb xauth xdotool imagemagick libgl1-mesa-dri

.PHONY: all deps deps-test build run test vet unit smoke bench screenshots clean

all: build

deps:
	@.ci/apt $(APT_BUILD)
	@command -v $(GO) >/dev/null || { echo "Go is not installed: see https://go.dev/doc/install"; exit 1; }

deps-test: deps
	@.ci/apt $(APT_TEST)

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) .

run: build
	./$(BIN)

vet:
	$(GO) vet ./...
	$(GO) vet -tags ci ./...

unit:
	$(GO) test ./data/...
	$(GO) test -tags ci ./ui/... .

smoke: build deps-test
	.ci/smoke ./$(BIN)

test: deps-test vet unit smoke

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./data/

# The README's pictures, drawn by the app itself.
screenshots: build
	@mkdir -p docs
	for t in overview minerals sectors projects timeline sources; do \
	  LANG=en_US.UTF-8 ./$(BIN) -screenshot docs/$$t.png -tab $$t -size 1280x800 || exit 1; \
	done
	LANG=en_US.UTF-8 ./$(BIN) -screenshot docs/projects-dark.png -tab projects -theme dark -size 1280x800

clean:
	rm -f $(BIN)
	rm -rf dist
