# The two commands of the README are `make demo` and `make test`; the rest are their steps.
# `make test-extended` is `make test` and then `make fuzz` (libFuzzer targets, clang).
.PHONY: demo test test-extended fuzz deps build web bench clean

PRESET ?= release
JOBS ?= $(shell nproc)

deps:
	bash scripts/install-deps.sh

build: deps
	cmake --preset $(PRESET) -DSHOUWANG_BUILD_TESTS=ON
	cmake --build --preset $(PRESET) -j $(JOBS)

web: deps
	cd web && npm run --silent build

test: build web
	BUILD_DIR=build/$(PRESET) bash scripts/run-tests.sh

# FUZZ_SECONDS (default 60) per fuzz target; see docs/testing.md.
fuzz: deps
	JOBS=$(JOBS) bash scripts/fuzz.sh

test-extended: test
	$(MAKE) fuzz

demo: build web
	bash scripts/demo.sh

bench: deps
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	bash bench/run.sh

clean:
	rm -rf build var test-results web/dist web/test-results web/test-artifacts
