#!/usr/bin/env bash
# Installs what `npm run test:vscode` needs, offline but for Debian's packages and the npm registry:
#   - Debian: chromium (the browser playwright-core drives), ripgrep (VS Code's search / quick open),
#     libkrb5-dev + pkg-config + g++/make/python3 (code-server's native modules are built from source);
#   - code-server 4.100.3 (= VS Code 1.100.3, needs Node 20) into a cache folder outside the repo.
# Idempotent: each step is skipped when already done. Slow the first time (minutes): keep it out of
# `npm run test:unit`. See /work/shared/notes/offline-vscode.md for why each fix below is needed.
#
# Environment:
#   ACTNB_VSCODE_CACHE   cache root (default: $HOME/.cache/actnb-vscode); code-server goes into
#                        $ACTNB_VSCODE_CACHE/code-server-$CODE_SERVER_VERSION
#   CODE_SERVER_VERSION  default 4.100.3 (4.104+ needs Node 22: don't bump without bumping Node)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${ACTNB_VSCODE_CACHE:-$HOME/.cache/actnb-vscode}"
DEST="$CACHE_ROOT/code-server-$CODE_SERVER_VERSION"
MARKER="$DEST/.actnb-installed"
# What code-server 4.100.3's @vscode/ripgrep postinstall would download from GitHub; we seed its cache.
RG_CACHE_NAME="vscode-ripgrep-cache-1.15.11"
RG_TARBALL_NAME="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

t0=$(date +%s)
say() { echo "[install-vscode-test-deps +$(( $(date +%s) - t0 ))s] $*"; }

# --- 1. Debian packages ---------------------------------------------------------------------------
APT_PACKAGES=(chromium ripgrep libkrb5-dev pkg-config g++ make python3)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  say "apt-get update"
  $SUDO apt-get update -qq
  say "apt-get install ${missing[*]}"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  say "Debian packages already installed: ${APT_PACKAGES[*]}"
fi
for b in /usr/bin/chromium /usr/bin/rg; do
  [ -x "$b" ] || { echo "install-vscode-test-deps: $b is missing after apt-get" >&2; exit 1; }
done

# --- 2. code-server ---------------------------------------------------------------------------------
CS_ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
CS_RG="$DEST/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
CS_PTY="$DEST/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node"
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  say "warning: code-server $CODE_SERVER_VERSION wants Node 20; this is Node $(node --version)"
fi

if [ -f "$MARKER" ] && [ -f "$CS_ENTRY" ] && [ -x "$CS_RG" ] && [ -f "$CS_PTY" ]; then
  say "code-server $CODE_SERVER_VERSION already installed in $DEST"
else
  # (a) seed @vscode/ripgrep's download cache with a tarball holding Debian's rg
  tmpdir=$(node -p 'require("os").tmpdir()')
  rg_cache="$tmpdir/$RG_CACHE_NAME"
  if [ ! -s "$rg_cache/$RG_TARBALL_NAME" ]; then
    say "seeding $rg_cache/$RG_TARBALL_NAME with /usr/bin/rg"
    stage=$(mktemp -d)
    cp /usr/bin/rg "$stage/rg"
    mkdir -p "$rg_cache"
    tar czf "$rg_cache/$RG_TARBALL_NAME" -C "$stage" rg
    rm -rf "$stage"
  fi

  say "npm install code-server@$CODE_SERVER_VERSION into $DEST (slow: native modules are compiled)"
  rm -rf "$DEST"
  mkdir -p "$DEST"
  echo '{ "name": "actnb-vscode-test-host", "private": true }' > "$DEST/package.json"
  # (1) root: its postinstall demands unsafe_perm; (2) node-pty runs `npx node-gyp`, which needs yes.
  ( cd "$DEST" && \
    npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-update-notifier --loglevel=error \
      "code-server@$CODE_SERVER_VERSION" )
  [ -f "$CS_ENTRY" ] || { echo "install-vscode-test-deps: $CS_ENTRY missing after npm install" >&2; exit 1; }
  [ -x "$CS_RG" ] || { echo "install-vscode-test-deps: $CS_RG missing (ripgrep postinstall failed?)" >&2; exit 1; }
  [ -f "$CS_PTY" ] || { echo "install-vscode-test-deps: $CS_PTY missing (node-pty was not built: install scripts skipped?)" >&2; exit 1; }
  echo "$CODE_SERVER_VERSION" > "$MARKER"
fi

# (its --version writes a config file: keep that out of the home folder)
scratch=$(mktemp -d)
version=$(XDG_CONFIG_HOME="$scratch" XDG_DATA_HOME="$scratch" node "$CS_ENTRY" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+' | head -n 1 || true)
rm -rf "$scratch"
say "code-server: $version"
case "$version" in
  "$CODE_SERVER_VERSION"*) ;;
  *) echo "install-vscode-test-deps: code-server in $DEST does not report $CODE_SERVER_VERSION" >&2; exit 1 ;;
esac
say "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
say "done in $(( $(date +%s) - t0 ))s; code-server entry: $CS_ENTRY"
