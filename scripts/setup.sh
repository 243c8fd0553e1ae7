#!/usr/bin/env bash
# make setup: installs whatever the build and the tests need, and nothing twice.
# Every step checks first, so a warm run takes seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.tools
mkdir -p "$TOOLS"
say() { echo "setup: $*"; }

SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $SUDO apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
have_pkgs() { dpkg -s "$@" >/dev/null 2>&1; }

# 1. The wasm32 target. rustup first; where it cannot download (it hangs rather than
#    failing, hence the timeout), Debian's rust-web toolchain builds std from source.
#    The choice is written to .tools/wasm-toolchain for scripts/build-wasm.sh.
wasm_toolchain() {
  if [ "${BEDSIDE_WASM_TOOLCHAIN:-}" != "debian" ] && command -v rustup >/dev/null; then
    if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
      echo rustup >"$TOOLS/wasm-toolchain"; return
    fi
    say "rustup target add wasm32-unknown-unknown (timeout ${RUSTUP_TIMEOUT:-180}s)"
    if timeout "${RUSTUP_TIMEOUT:-180}" rustup target add wasm32-unknown-unknown; then
      echo rustup >"$TOOLS/wasm-toolchain"; return
    fi
    say "rustup could not add the wasm32 target; falling back to Debian's rust-web toolchain"
  fi
  have_pkgs rustc-web cargo-web rust-web-src lld-22 || apt_install rustc-web cargo-web rust-web-src lld-22
  echo debian >"$TOOLS/wasm-toolchain"
}

# 2. wasm-bindgen-cli at exactly the version Cargo.lock pins (the CLI and the crate must agree).
wasm_bindgen_cli() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
  have=$("$TOOLS/bin/wasm-bindgen" --version 2>/dev/null | awk '{print $2}' || true)
  [ "$have" = "$want" ] && return
  say "cargo install wasm-bindgen-cli $want into $TOOLS"
  # --locked first; a registry mirror may lack a yanked pin, so retry unlocked. The build
  # directory lives outside the clone so a fresh clone re-installs in seconds.
  local build_dir="${XDG_CACHE_HOME:-$HOME/.cache}/bedside/wasm-bindgen-cli-$want"
  cargo install -q wasm-bindgen-cli --version "=$want" --root "$TOOLS" --target-dir "$build_dir" --locked 2>/dev/null || {
    say "its locked dependencies are not all on this registry; installing with the newest compatible ones"
    cargo install -q wasm-bindgen-cli --version "=$want" --root "$TOOLS" --target-dir "$build_dir"
  }
}

# 3. Node (and python3, which zips the package), then the Node packages exactly as
#    package-lock.json pins them.
node_packages() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  command -v python3 >/dev/null || apt_install python3
  if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then return; fi
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
}

# 4. Debian's Chromium; never a browser a tool downloads itself. CHROMIUM=/path overrides.
browser() {
  if [ -n "${CHROMIUM:-}" ]; then [ -x "$CHROMIUM" ] && return; say "CHROMIUM=$CHROMIUM is not executable"; exit 1; fi
  command -v chromium >/dev/null || apt_install chromium
}

# 5. Firefox (issue 8): Debian's firefox-esr and geckodriver built from crates.io into
#    .tools/, never a browser or driver a tool downloads itself. FIREFOX=/path overrides
#    the browser (GECKODRIVER=/path the driver).
firefox_and_driver() {
  if [ -n "${FIREFOX:-}" ]; then [ -x "$FIREFOX" ] || { say "FIREFOX=$FIREFOX is not executable"; exit 1; }
  else command -v firefox-esr >/dev/null || command -v firefox >/dev/null || apt_install firefox-esr
  fi
  if [ -n "${GECKODRIVER:-}" ]; then [ -x "$GECKODRIVER" ] || { say "GECKODRIVER=$GECKODRIVER is not executable"; exit 1; }; return; fi
  [ -x "$TOOLS/bin/geckodriver" ] && return
  say "cargo install geckodriver into $TOOLS"
  # As for wasm-bindgen-cli: --locked first, unlocked if this registry lacks a pin;
  # the build directory lives outside the clone.
  local build_dir="${XDG_CACHE_HOME:-$HOME/.cache}/bedside/geckodriver"
  cargo install -q geckodriver --root "$TOOLS" --target-dir "$build_dir" --locked 2>/dev/null || {
    say "geckodriver's locked dependencies are not all on this registry; installing with the newest compatible ones"
    cargo install -q geckodriver --root "$TOOLS" --target-dir "$build_dir"
  }
}

wasm_toolchain
wasm_bindgen_cli
node_packages
browser
firefox_and_driver
say "ready (wasm toolchain: $(cat "$TOOLS/wasm-toolchain"))"
