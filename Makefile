# incidentmap: the two commands of the README, and the rest.
SWIFT ?= swift
BIN_RELEASE = .build/release/incidentmap
OUT ?= out

.PHONY: setup gazetteer demo test test-browser build release png gallery legibility bench bench-gazetteer bench-projection bench-db clean

setup: ## Install the Debian packages (PROJ, GDAL, librsvg, xmllint) if missing
	@bash scripts/setup.sh

gazetteer: ## Build Gazetteer/data (world countries, provinces, borders, places, relief, lakes, rivers, points of view, city names) from pinned inputs; instant when up to date
	@bash Gazetteer/build.sh
	@bash Gazetteer/build_terrain.sh
	@bash Gazetteer/build_worldviews.sh
	@bash Gazetteer/build_rivers.sh
	@bash Gazetteer/build_city_names.sh

demo: setup gazetteer release ## Render the bundled January 2024 example into out/
	@mkdir -p $(OUT)
	$(BIN_RELEASE) render --svg -o $(OUT)/map.svg
	$(BIN_RELEASE) render --geojson -o $(OUT)/layers
	rsvg-convert -w 1200 -o $(OUT)/map.png $(OUT)/map.svg
	@echo "demo: $(OUT)/map.svg, $(OUT)/map.png and $(OUT)/layers/*.geojson"

test: setup gazetteer ## Build and run every test (unit and end-to-end, with the real PROJ, GDAL and librsvg)
	@bash scripts/test.sh

test-browser: setup gazetteer ## Open the HTML report in headless Chromium (installs it) and check the screenshot
	$(SWIFT) build -c release -Xswiftc -enable-testing --product incidentmap
	INCIDENTMAP_BIN=.build/release/incidentmap bash scripts/browser-check.sh

build: setup gazetteer
	$(SWIFT) build

release: setup gazetteer
	$(SWIFT) build -c release --product incidentmap

png: demo ## Regenerate the README picture
	rsvg-convert -w 1200 -o docs/map.png $(OUT)/map.svg

gallery: setup gazetteer release ## Render Examples/gallery/*.yaml and the world test points into docs/gallery/ (the README's gallery)
	@mkdir -p $(OUT)/gallery docs/gallery
	@for f in Examples/gallery/*.yaml; do \
	  n=$$(basename $$f .yaml); \
	  $(BIN_RELEASE) render $$f --svg -o $(OUT)/gallery/$$n.svg && rsvg-convert -w 1000 -o docs/gallery/$$n.png $(OUT)/gallery/$$n.svg || exit 1; \
	done
	$(BIN_RELEASE) render Tests/EndToEndTests/Fixtures/world/points.csv --title "Test points on five continents" --svg -o $(OUT)/gallery/world.svg
	rsvg-convert -w 1000 -o docs/gallery/world.png $(OUT)/gallery/world.svg
	$(BIN_RELEASE) render --timeline --svg -o $(OUT)/gallery/timeline-january-2024.svg
	rsvg-convert -w 1000 -o docs/gallery/timeline-january-2024.png $(OUT)/gallery/timeline-january-2024.svg
	$(BIN_RELEASE) render --relief --svg -o $(OUT)/gallery/relief-january-2024.svg
	rsvg-convert -w 1000 -o docs/gallery/relief-january-2024.png $(OUT)/gallery/relief-january-2024.svg
	$(BIN_RELEASE) render --lang fa --labels both --svg -o $(OUT)/gallery/january-2024-fa.svg
	rsvg-convert -w 1000 -o docs/gallery/january-2024-fa.png $(OUT)/gallery/january-2024-fa.svg
	$(BIN_RELEASE) render Examples/gallery/ukraine-2023-2024.yaml --lang uk --svg -o $(OUT)/gallery/ukraine-2023-2024-uk.svg
	rsvg-convert -w 1000 -o docs/gallery/ukraine-2023-2024-uk.png $(OUT)/gallery/ukraine-2023-2024-uk.svg

LEGIBILITY_SIZES ?= 1 5 20 60 200 600 2000 6000 1000000
legibility: setup gazetteer release ## One map per size (1 to a million clustered incidents, Benchmarks/clustered.py) into docs/legibility/
	@mkdir -p $(OUT)/legibility docs/legibility
	@for n in $(LEGIBILITY_SIZES); do \
	  python3 Benchmarks/clustered.py $$n $(OUT)/legibility/$$n.csv && \
	  $(BIN_RELEASE) render $(OUT)/legibility/$$n.csv --title "$$n clustered incidents (synthetic), Balochistan and Sistan and Baluchestan" \
	    --svg -o $(OUT)/legibility/$$n.svg 2>/dev/null && rsvg-convert -w 800 -o docs/legibility/$$n.png $(OUT)/legibility/$$n.svg || exit 1; \
	done
	@python3 Benchmarks/clustered.py 2000 $(OUT)/legibility/ua-2000.csv --country UA
	@$(BIN_RELEASE) render $(OUT)/legibility/ua-2000.csv --title "2000 clustered incidents (synthetic), Ukraine" --svg -o $(OUT)/legibility/ua-2000.svg 2>/dev/null
	rsvg-convert -w 800 -o docs/legibility/ua-2000.png $(OUT)/legibility/ua-2000.svg

bench-gazetteer: setup gazetteer ## Gazetteer load time and lookup rates (release build)
	$(SWIFT) build -c release --product GazetteerBenchmark
	.build/release/GazetteerBenchmark

bench-projection: setup ## Projection wrapper against raw proj_trans_generic on a million points (fails over 1.2x)
	$(SWIFT) build -c release --product ProjectionBenchmark
	.build/release/ProjectionBenchmark

bench: bench-gazetteer bench-projection ## Every benchmark: the gazetteer, the projection, then a million rows against ogr2ogr
	bash Benchmarks/run.sh

bench-db: setup gazetteer ## load and render --db on a million rows, against ogr2ogr, psql \copy and the same rows from the CSV file
	bash Benchmarks/db.sh

clean:
	rm -rf .build $(OUT)

# libFuzzer targets (Fuzz/, a separate package): the CSV, YAML and GeoJSON readers and the SVG writer.
# Swift takes only the last -sanitize= it is given, so SwiftPM's --sanitize=fuzzer (which also stops
# it renaming the targets' main) is followed by -sanitize=fuzzer,address for Swift, and ASan for C.
FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= FuzzCSV FuzzYAML FuzzGeoJSON FuzzSVG
FUZZ_READER_MAX_LEN ?= 16384
FUZZ_SVG_MAX_LEN ?= 2048

.PHONY: fuzz
fuzz: setup ## Build the fuzz targets and run each in turn for FUZZ_SECONDS (default 600); crashes go to Fuzz/Work/<target>/
	$(SWIFT) build --package-path Fuzz -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p Fuzz/Work/$$t/corpus; \
	  if [ $$t = FuzzSVG ]; then len=$(FUZZ_SVG_MAX_LEN); else len=$(FUZZ_READER_MAX_LEN); fi; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s (max_len $$len)"; \
	  ASAN_OPTIONS=detect_leaks=0 Fuzz/.build/release/$$t Fuzz/Work/$$t/corpus Fuzz/Seeds/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=5 -max_len=$$len -print_final_stats=1 \
	    -artifact_prefix=Fuzz/Work/$$t/ > Fuzz/Work/$$t/last-run.log 2>&1; \
	  status=$$?; \
	  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|ERROR|Fatal|deadly|artifact' Fuzz/Work/$$t/last-run.log; \
	  if [ $$status -ne 0 ]; then echo "fuzz: $$t found a failure (exit $$status); see Fuzz/Work/$$t/last-run.log"; exit 1; fi; \
	done
