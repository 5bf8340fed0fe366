# The two commands of the README are `make demo` and `make test`; the rest are their steps.
.PHONY: demo test deps build web bench clean

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

demo: build web
	bash scripts/demo.sh

bench: deps
	cmake --preset bench
	cmake --build --preset bench -j $(JOBS)
	bash bench/run.sh

clean:
	rm -rf build var test-results web/dist web/test-results web/test-artifacts
