#!/usr/bin/env bash
# Builds the release .wasm of crates/wasm (the composer's core) and crates/audit-wasm
# (the audit page's archive reader + core) and their JS glue into build/wasm/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/wasm
mode=$(cat .tools/wasm-toolchain 2>/dev/null || echo rustup)

if [ "$mode" = debian ]; then
  # Debian's rustc-web has no prebuilt wasm32 std: build it from rust-web-src.
  # RUSTC_BOOTSTRAP unlocks -Zbuild-std on that stable compiler.
  target_dir=target/wasm-debian
  RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc CARGO_TARGET_DIR=$target_dir \
    /usr/bin/cargo build -q -p bedside-wasm -p bedside-audit-wasm --profile wasm-release --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort
else
  target_dir=target
  cargo build -q -p bedside-wasm -p bedside-audit-wasm --profile wasm-release --target wasm32-unknown-unknown
fi

mkdir -p "$out"
for name in bedside_wasm bedside_audit_wasm; do
  wasm=$target_dir/wasm32-unknown-unknown/wasm-release/$name.wasm
  .tools/bin/wasm-bindgen --target web --out-dir "$out" "$wasm"
  # binaryen from npm (Debian's wasm-opt 108 mis-optimises reference-types output).
  # It reads the features from the module's target_features section.
  node_modules/.bin/wasm-opt -Oz -o "$out/${name}_bg.opt.wasm" "$out/${name}_bg.wasm"
  mv "$out/${name}_bg.opt.wasm" "$out/${name}_bg.wasm"
done
