# incidentmap: the two commands of the README, and the rest.
SWIFT ?= swift
BIN_RELEASE = .build/release/incidentmap
OUT ?= out

.PHONY: setup demo test test-browser build release png bench bench-gazetteer clean

setup: ## Install the Debian packages (PROJ, GDAL, librsvg, xmllint) if missing
	@bash scripts/setup.sh

demo: setup release ## Render the bundled January 2024 example into out/
	@mkdir -p $(OUT)
	$(BIN_RELEASE) render --svg -o $(OUT)/map.svg
	$(BIN_RELEASE) render --geojson -o $(OUT)/layers
	rsvg-convert -w 1200 -o $(OUT)/map.png $(OUT)/map.svg
	@echo "demo: $(OUT)/map.svg, $(OUT)/map.png and $(OUT)/layers/*.geojson"

test: setup ## Build and run every test (unit and end-to-end, with the real PROJ, GDAL and librsvg)
	@bash scripts/test.sh

test-browser: setup ## Open the HTML report in headless Chromium (installs it) and check the screenshot
	$(SWIFT) build --product incidentmap
	bash scripts/browser-check.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product incidentmap

png: demo ## Regenerate the README picture
	rsvg-convert -w 1200 -o docs/map.png $(OUT)/map.svg

bench-gazetteer: setup ## Gazetteer load time and lookup rates (release build)
	$(SWIFT) build -c release --product GazetteerBenchmark
	.build/release/GazetteerBenchmark

bench: bench-gazetteer ## Every benchmark

clean:
	rm -rf .build $(OUT)
