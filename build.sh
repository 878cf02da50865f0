#!/usr/bin/env bash
# Vetted's one entry point.
#
#   ./build.sh            setup (only what is missing), build, then demo
#   ./build.sh setup      install what is missing: browsers, wasm target, wasm-pack, wasm-bindgen, npm
#   ./build.sh build      the core with wasm-pack, then dist/chrome/ and dist/firefox/
#   ./build.sh demo       the demo page in Chromium with dist/chrome: a table and a screenshot
#   ./build.sh test       every test: linters, native, size budget, web-ext lint, browsers
#   ./build.sh bench      the benchmarks
#   ./build.sh package    dist/vetted-chrome.zip and dist/vetted-firefox.zip
#   ./build.sh fuzz [s]   the card reader and the classifier under libFuzzer, s seconds each
set -Eeuo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"
TESTS="$ROOT/tests"
DIST="$ROOT/dist"
PKG="$ROOT/target/pkg"
export PATH="$HOME/.cargo/bin:$PATH"

STEP=""
HINT=""
# A failing step stops the script with a message that names the step and what to do.
trap 'echo >&2; echo "build.sh: step \"$STEP\" failed. ${HINT:-See the output above.}" >&2' ERR

step() {
  STEP=$1
  HINT=$2
  echo "==> $STEP"
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# ---- setup -------------------------------------------------------------------------------------

pinned_wasm_bindgen() {
  # The CLI must be the exact version Cargo.lock pins for the crate.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup() {
  step "setup: browsers" "Install them by hand with: apt-get install -y chromium chromium-driver firefox-esr"
  local missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  if [ ${#missing[@]} -gt 0 ]; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi

  step "setup: rustfmt and clippy" "Run: rustup component add rustfmt clippy"
  cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
  cargo clippy --version >/dev/null 2>&1 || rustup component add clippy

  step "setup: wasm32 target" "Run: rustup target add wasm32-unknown-unknown"
  rustup target list --installed | grep -qx wasm32-unknown-unknown ||
    rustup target add wasm32-unknown-unknown
  step "setup: the standard library's source" "Run: rustup component add rust-src"
  # The wasm builds compile std themselves (see wasm_pack_build).
  rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

  step "setup: wasm-bindgen CLI" "Run: cargo install wasm-bindgen-cli --version =$(pinned_wasm_bindgen)"
  local want have
  want=$(pinned_wasm_bindgen)
  have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
  if [ "$have" != "$want" ]; then
    echo "    wasm-bindgen ${have:-missing}, Cargo.lock pins $want: installing (about 5 minutes)"
    # Not --locked: the locked build asks for a crate version this registry lacks (docs/ARCHITECTURE.md, Machine facts).
    cargo install wasm-bindgen-cli --version "=$want" --force
  fi

  step "setup: wasm-pack" "Run: cargo install wasm-pack --locked"
  command -v wasm-pack >/dev/null || cargo install wasm-pack --locked

  step "setup: npm packages (tests/)" "Run: (cd tests && npm ci)"
  if [ ! -f "$TESTS/node_modules/.package-lock.json" ] ||
     [ "$TESTS/package-lock.json" -nt "$TESTS/node_modules/.package-lock.json" ]; then
    (cd "$TESTS" && npm ci --no-audit --no-fund)
  fi
}

# ---- build ---------------------------------------------------------------------------------------

crate_version() {
  awk -F'"' '/^version = / { print $2; exit }' Cargo.toml
}

wasm_pack_build() {
  local name=$1
  shift
  # Panics abort and print nothing, so the file, line and column of every possible panic are
  # dead weight in the wasm: -Zlocation-detail=none leaves them out (about 760 bytes gzipped of
  # the content wasm). And std is compiled for the panic strategy "immediate-abort": a panic
  # traps at once (the content script treats a trap as the card's fault, as before), without
  # the formatting machinery of panic messages (about 2,100 bytes gzipped). Unstable flags of
  # the machine's one stable toolchain, hence RUSTC_BOOTSTRAP, for the wasm builds only (as for
  # ./build.sh fuzz); building std needs the rust-src component (./build.sh setup adds it).
  RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort" \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  PATH="$TESTS/node_modules/.bin:$PATH" wasm-pack --quiet build --release --target web \
    --out-dir "$PKG/$name" --out-name "$name" --no-typescript --no-pack -- "$@" 2>&1 |
    grep -v 'failed to get wasm-pack version' || true
  [ -f "$PKG/$name/${name}_bg.wasm" ] || { echo "wasm-pack wrote no $PKG/$name/${name}_bg.wasm" >&2; false; }
  mv "$PKG/$name/$name.js" "$PKG/$name/${name}_bg.wasm" "$PKG/"
  rm -rf "${PKG:?}/$name"
}

build() {
  step "build: core (wasm-pack)" "Run ./build.sh setup first; the compiler's message above says what is wrong."
  # binaryen 132 from npm, never Debian's wasm-opt, which corrupts wasm-bindgen's output.
  local wasm_opt="$TESTS/node_modules/.bin/wasm-opt"
  [ -x "$wasm_opt" ] || { echo "wasm-opt from npm's binaryen is missing" >&2; false; }
  "$wasm_opt" --version | grep -q 'version 132' || { echo "wasm-opt is not binaryen 132" >&2; false; }
  rm -rf "$PKG"
  # Three modules from one crate: the core that LinkedIn's invitations pages load, the popup's
  # UI, and the note reader that LinkedIn's invitation dialogs load when the user adds a note.
  wasm_pack_build vetted
  wasm_pack_build vetted_popup --features popup
  wasm_pack_build vetted_invite --features invite

  step "build: extensions (dist/)" "Check extension/ and extension/tools/manifest.mjs."
  local browser dir
  for browser in chrome firefox; do
    dir="$DIST/$browser"
    rm -rf "$dir"
    mkdir -p "$dir/core"
    cp -r extension/background.js extension/popup extension/icons extension/_locales "$dir/"
    cp "$PKG"/vetted.js "$PKG"/vetted_bg.wasm "$PKG"/vetted_popup.js "$PKG"/vetted_popup_bg.wasm "$dir/core/"
    cp "$PKG"/vetted_invite.js "$PKG"/vetted_invite_bg.wasm "$dir/core/"
    # preload.js with the core's pattern of the invitations pages, which it needs before the core,
    # and invite.js with what the core knows of the invitation dialogs.
    node extension/tools/preload.mjs "$PKG" "$dir/preload.js"
    node extension/tools/invite.mjs "$PKG" "$dir/invite.js"
    # The manifest, and content.js: the content script's modules (extension/content/) in one file.
    node extension/tools/manifest.mjs "$browser" "$(crate_version)" "$dir"
  done
  # The sizes as the size guard and the benchmark measure them (tests/tools/budget.mjs).
  local sizes
  sizes=$(node --input-type=module -e "
    const { measure } = await import('$TESTS/tools/budget.mjs');
    const s = measure('$DIST');
    console.log(\`\${s.wasmBytes} bytes, \${s.wasmGzipBytes} gzipped; packed extension \${s.packageBytes} bytes\`);")
  echo "    dist/chrome and dist/firefox written; vetted_bg.wasm: $sizes"
}

build_fault_injection() {
  # For the fault tests only, never packaged: dist/ plus a core built with --features
  # fault-injection, in which a card holding "VETTED-PANIC-TRIGGER" makes the core panic.
  step "build: test-only extensions with fault injection (dist/test-fault/)" "Run ./build.sh build first."
  local PKG="$ROOT/target/pkg-fault" browser dir
  rm -rf "$PKG"
  wasm_pack_build vetted --features fault-injection
  for browser in chrome firefox; do
    dir="$DIST/test-fault/$browser"
    rm -rf "$dir"
    mkdir -p "$DIST/test-fault"
    cp -r "$DIST/$browser" "$dir"
    cp "$PKG"/vetted.js "$PKG"/vetted_bg.wasm "$dir/core/"
  done
}

# ---- demo, test, bench, package ----------------------------------------------------------------

browser_env() {
  # Chromium leaves files in TMPDIR: each run gets its own.
  export TMPDIR
  TMPDIR=$(mktemp -d "${TMPDIR:-/tmp}/vetted.XXXXXX")
}

demo() {
  step "demo" "Run ./build.sh build first; the demo's own message above says what is wrong."
  browser_env
  node "$TESTS/tools/demo.mjs"
}

run_tests() {
  step "test: lint (rustfmt, clippy, ESLint)" "A linter found problems: they are listed above (cargo fmt fixes the formatting)."
  cargo fmt --check
  cargo clippy --quiet --all-targets -- -D warnings
  # The content wasm's size rules, on the content build only (tests/tools/clippy-content).
  CLIPPY_CONF_DIR="$TESTS/tools/clippy-content" cargo clippy --quiet --lib --target wasm32-unknown-unknown -- -D warnings
  cargo clippy --quiet --lib --features popup --target wasm32-unknown-unknown -- -D warnings
  cargo clippy --quiet --lib --features invite --target wasm32-unknown-unknown -- -D warnings
  npx --prefix "$TESTS" --no-install eslint --config "$TESTS/eslint.config.mjs" extension tests

  step "test: native (cargo test)" "A Rust test failed: the failure above names it."
  cargo test --quiet

  step "test: size budget" "The build grew past its size budget (docs/ARCHITECTURE.md, Budgets; tests/tools/budget.mjs): find the new weight by bisecting."
  node "$TESTS/tools/budget.mjs" "$DIST"

  step "test: web-ext lint (dist/firefox)" "web-ext lint found problems in dist/firefox: they are listed above."
  (cd "$TESTS" && npx --no-install web-ext lint --source-dir "$DIST/firefox" --warnings-as-errors --self-hosted --output text)

  step "test: browsers (Chromium, Firefox)" "A browser test failed: its name and message are above."
  browser_env
  node --test --test-concurrency=1 "$TESTS"/browser/*.test.mjs
}

bench() {
  step "bench: engine (native)" "cargo bench failed: see above."
  mkdir -p "$ROOT/target"
  cargo bench --quiet --bench engine | tee "$ROOT/target/bench-engine.txt"

  step "bench: pages (dist/chrome in headless Chromium, about 40 minutes)" \
    "The page benchmark failed: its message is above; node tests/tools/bench.mjs --profile gen2026,1000,content traces one run."
  browser_env
  node "$TESTS/tools/bench.mjs" --engine "$ROOT/target/bench-engine.txt"
}

fuzz() {
  local seconds=${1:-600}
  step "fuzz: cargo-fuzz" "Run: cargo install cargo-fuzz --locked"
  command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
  # Start from real cards: every fixture's snapshot (tests/fuzz/corpus/card_reader/).
  cargo test --quiet --test page_fixtures -- --ignored write_fuzz_seeds
  local target
  for target in card_reader classifier; do
    step "fuzz: $target for $seconds s" "libFuzzer found a crash: the input is saved under tests/fuzz/artifacts/$target/."
    # libFuzzer needs nightly compiler flags; this machine has one stable toolchain.
    RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir tests/fuzz "$target" -- \
      -max_total_time="$seconds" -max_len=20000 -print_final_stats=1
  done
}

package() {
  step "package" "Run ./build.sh build first."
  local browser
  for browser in chrome firefox; do
    rm -f "$DIST/vetted-$browser.zip"
    (cd "$DIST/$browser" && python3 -m zipfile -c "../vetted-$browser.zip" ./*)
    echo "    dist/vetted-$browser.zip: $(stat -c %s "$DIST/vetted-$browser.zip") bytes"
  done
}

case "${1:-all}" in
  all) setup; build; demo ;;
  setup) setup ;;
  build) build ;;
  demo) demo ;;
  test) setup; build; build_fault_injection; run_tests ;;
  bench) setup; build; bench ;;
  package) build; package ;;
  fuzz) fuzz "${2:-600}" ;;
  *) echo "usage: ./build.sh [setup|build|demo|test|bench|package|fuzz [seconds]]" >&2; exit 2 ;;
esac
STEP=""
echo "==> done"
