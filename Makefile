# The two commands of the README: `make run` and `make test`. Each installs
# what it needs on Debian or Ubuntu first (with sudo when not root).

GO      ?= go
# no_emoji leaves out Fyne's 4 MB colour emoji font, which no text of the
# dashboard uses: Fyne parses it once per text style at start-up (14 MB of
# memory). A user's emoji are drawn in the system's emoji font if any.
# no_metadata keeps Fyne from reading a FyneApp.toml beside the program or
# in the working folder, as it does in a build that is not packaged (and
# scaling its icon: 50-75 ms before the window): the app's own is compiled
# in, and another folder's would rename it.
TAGS    := migrated_fynedo,no_emoji,no_metadata
BIN     := uzkor
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# cgo and X11/Wayland headers for Fyne; Xvfb, xdotool and ImageMagick for
# the real-window smoke test; Mesa's software OpenGL; poppler's tools
# (pdftotext, pdfinfo, pdffonts, pdfimages, pdftoppm) to read the PDF
# briefings back; a CJK font so that Hangul renders.
APT_BUILD := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
             libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev \
             wayland-protocols fonts-noto-cjk
APT_TEST  := xvfb xauth xdotool imagemagick libgl1-mesa-dri poppler-utils
# LibreOffice Calc, which make bench times opening the same CSV beside the
# dashboard; xwd, which captures a window with little of the CPU the apps
# measured need.
APT_BENCH := libreoffice-calc x11-apps

.PHONY: all deps deps-test build run test vet unit smoke bench bench-data screenshots clean \
        package package-tools package-check

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

# staticcheck, at a pinned version, installed into GOPATH/bin when missing.
STATICCHECK_VERSION := v0.8.2
STATICCHECK = $(firstword $(shell $(GO) env GOBIN) $(firstword $(subst :, ,$(shell $(GO) env GOPATH)))/bin)/staticcheck

vet:
	@unformatted=$$(gofmt -l .); [ -z "$$unformatted" ] || { echo "not formatted with gofmt:"; echo "$$unformatted"; exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags ci ./...
	@$(STATICCHECK) -version 2>/dev/null | grep -q '($(STATICCHECK_VERSION:v%=%))' || { \
	  echo "Installing staticcheck $(STATICCHECK_VERSION)"; $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION); }
	$(STATICCHECK) ./...
	$(STATICCHECK) -tags ci ./...

# The UI tests run once, with coverage: the user's entry points (menus,
# keys, dialogs) must stay above 80% covered.
unit:
	$(GO) test ./data/...
	.ci/coverage
	$(GO) test -tags ci,no_metadata .

smoke: build deps-test
	.ci/smoke ./$(BIN)

test: deps-test vet unit smoke

# Every performance budget of the design, measured, in one table.
bench: build deps-test
	@.ci/apt $(APT_BENCH)
	TAGS=$(TAGS) .ci/bench

# Synthetic data folders of 1k to 1M project rows, for trying the app at
# scale: ./uzkor -data FOLDER. Written under a new temporary folder.
bench-data: build
	@dir=$$(mktemp -d) && for n in 1000 10000 100000 1000000; do \
	  ./$(BIN) -synthetic $$n -o $$dir/$$n || exit 1; \
	done && echo "Synthetic data in $$dir: $$(ls $$dir | tr '\n' ' ')" && du -sh $$dir/*

# The README's pictures, drawn by the app itself.
screenshots: build
	@mkdir -p docs
	for t in overview minerals sectors projects timeline sources; do \
	  LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/$$t.png -tab $$t -size 1280x800 || exit 1; \
	done
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/projects-dark.png -tab projects -theme dark -size 1280x800
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/slide-funding.png -present -slide 4 -size 1920x1080
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/slide-headlines.png -present -slide 2 -size 1280x720
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/presenter-console.png -present -presenter -slide 4 -size 1600x1000
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/map.png -tab map -size 1600x1000
	LANG=en_US.UTF-8 ./$(BIN) -lang en -screenshot docs/map-projector.png -tab map -theme projector -size 1600x1000
	for l in ko ru; do \
	  for t in overview projects map; do \
	    ./$(BIN) -lang $$l -screenshot docs/$$t-$$l.png -tab $$t -size 1280x800 || exit 1; \
	  done; \
	  ./$(BIN) -lang $$l -screenshot docs/slide-funding-$$l.png -present -slide 4 -size 1280x720 || exit 1; \
	done
	@.ci/apt poppler-utils
	tmp=$$(mktemp -d) && LANG=en_US.UTF-8 ./$(BIN) -lang en -briefing -o $$tmp/briefing.pdf && \
	  pdftoppm -r 110 -png -f 1 -l 1 -singlefile $$tmp/briefing.pdf docs/briefing && rm -rf $$tmp

clean:
	rm -f $(BIN)
	rm -rf dist

# Packaging (design, section 7): `make package` puts into dist/ the Linux
# tarball and the Windows .exe made by the fyne tool; from them, a .deb, an
# .rpm and an MSI installer (.ci/packaging/); and SHA256SUMS of them all.
# `make package-check` checks them (.ci/package-check), installing the .deb
# and running the Windows builds under Wine. fyne package rewrites
# FyneApp.toml (Build + 1) and writes its build files into the tree it
# packages, so it runs on a copy of the source tree in a temporary directory
# and the work tree is left as it was.
FYNE_VERSION := v1.7.4
FYNE          = $(firstword $(shell $(GO) env GOBIN) $(firstword $(subst :, ,$(shell $(GO) env GOPATH)))/bin)/fyne
VERSION       = $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
DIST_LINUX    = dist/$(BIN)-$(VERSION)-linux-$(shell $(GO) env GOARCH 2>/dev/null).tar.xz
DIST_WINDOWS  = dist/$(BIN)-$(VERSION)-windows-amd64.exe
DEB_ARCH      = $(shell dpkg --print-architecture 2>/dev/null)
RPM_ARCH      = $(patsubst amd64,x86_64,$(patsubst arm64,aarch64,$(DEB_ARCH)))
DIST_DEB      = dist/$(BIN)_$(VERSION)_$(DEB_ARCH).deb
DIST_RPM      = dist/$(BIN)-$(VERSION)-1.$(RPM_ARCH).rpm
DIST_MSI      = dist/$(BIN)-$(VERSION)-windows-amd64.msi
DIST_ALL      = $(DIST_LINUX) $(DIST_WINDOWS) $(DIST_DEB) $(DIST_RPM) $(DIST_MSI)
MINGW_CC     := x86_64-w64-mingw32-gcc
# What the packages are built from: a change to any of these rebuilds them.
PKG_SRC       = $(shell find . \( -path ./.git -o -path ./dist -o -path ./docs -o -name testdata \) -prune \
                  -o -type f \( -name '*.go' -o -path './resources/*' -o -name go.mod -o -name go.sum -o -name FyneApp.toml \) -print)
# What the .deb, .rpm and MSI are made from besides the binaries.
PKG_META      = FyneApp.toml go.mod LICENSE resources/icon_gen.go .ci/packaging/lib.sh \
                .ci/packaging/about .ci/packaging/description
LINUX_PKG_SRC = .ci/packaging/linux-packages .ci/packaging/control .ci/packaging/rpm.spec \
                .ci/packaging/metainfo.xml $(PKG_META)
MSI_SRC       = .ci/packaging/msi .ci/packaging/uzkor.wxs $(PKG_META)

# $(call fyne_package,OS,ENV,ARGS,OUTPUT,TARGET): copy the tree without
# .git, dist, docs and built binaries to a temporary directory, run
# `ENV fyne package -os OS -release -tags ... ARGS` there, and move the file it
# makes (the glob OUTPUT: fyne names it after the display name) to TARGET.
define fyne_package
	@mkdir -p dist
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	tar -cf - --exclude=./.git --exclude=./dist --exclude=./docs --exclude=./$(BIN) \
	  --exclude='*.exe' --exclude='*.tar.xz' --exclude=./ui/testdata/failed . | tar -xf - -C "$$tmp" && \
	cd "$$tmp" && \
	echo "$(strip $(2) fyne package -os $(1) -release -tags $(TAGS) $(3))   (in $$tmp)" && \
	$(2) $(FYNE) package -os $(1) -release -tags $(TAGS) $(3) && \
	cd "$(CURDIR)" && mv "$$tmp"/$(4) $(5).tmp && mv $(5).tmp $(5)
endef

# dpkg-dev for dpkg-shlibdeps, rpm for rpmbuild, wixl and msitools for the
# MSI, ImageMagick for its .ico.
package-tools: deps
	@.ci/apt xz-utils gcc-mingw-w64-x86-64 dpkg-dev rpm wixl msitools imagemagick
	@$(FYNE) version 2>/dev/null | grep -q 'cli version: $(FYNE_VERSION)$$' || { \
	  echo "Installing fyne $(FYNE_VERSION)"; $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_VERSION); }

$(DIST_LINUX): $(PKG_SRC) | package-tools
	$(call fyne_package,linux,,,*.tar.xz,$@)

# fyne package links with -H=windowsgui (no console window) and embeds the
# icon and the version metadata; cgo (GLFW) is cross-compiled with mingw-w64.
# It puts a single image in the .ico, at the size it is given, and 256 px is
# the largest an .ico entry holds: so the icon is drawn afresh at 256 px.
$(DIST_WINDOWS): $(PKG_SRC) | package-tools
	$(call fyne_package,windows,$(GO) run resources/icon_gen.go -size 256 -o icon-256.png && \
	  CC=$(MINGW_CC) CGO_ENABLED=1 GOARCH=amd64,-icon icon-256.png,*.exe,$@)

# The .deb and the .rpm hold the same files, made in one go from the tarball.
$(DIST_DEB) $(DIST_RPM) &: $(DIST_LINUX) $(LINUX_PKG_SRC) | package-tools
	.ci/packaging/linux-packages $(DIST_LINUX) $(DIST_DEB) $(DIST_RPM)

$(DIST_MSI): $(DIST_WINDOWS) $(MSI_SRC) | package-tools
	.ci/packaging/msi $(DIST_WINDOWS) $@

dist/SHA256SUMS: $(DIST_ALL)
	cd dist && sha256sum $(notdir $^) > SHA256SUMS.tmp && mv SHA256SUMS.tmp SHA256SUMS

package: dist/SHA256SUMS
	@ls -l $(DIST_ALL) dist/SHA256SUMS

# Wine runs the .exe and the MSI (.ci/wine/check); when it cannot be
# installed, package-check says so and skips those checks.
APT_WINE := wine wine64

package-check: package deps-test
	@.ci/apt file xz-utils binutils-mingw-w64-x86-64 desktop-file-utils x11-utils lintian appstream rpm msitools
	@.ci/apt $(APT_WINE) || echo "package-check: could not install Wine ($(APT_WINE)): the Windows builds will not be run"
	.ci/package-check $(DIST_ALL)
