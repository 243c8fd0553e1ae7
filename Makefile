# Bedside: `make demo` to see it, `make test` to check everything. Both set up what is missing.
.PHONY: setup build wasm demo test unit e2e bench clean

setup:
	@bash scripts/setup.sh

wasm: setup
	@bash scripts/build-wasm.sh

build: wasm
	@node scripts/build.mjs

demo: build
	@node scripts/demo.mjs

test: setup
	@bash scripts/test.sh

bench: build
	@cargo run -q --release -p bedside-cli -- bench
	@node tests/bench/latency.mjs
	@cargo run -q --release -p bedside-cli -- bench --audit 100000
	@node tests/bench/audit.mjs

clean:
	rm -rf dist build target/wasm-debian demo.png
