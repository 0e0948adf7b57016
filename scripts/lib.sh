# shellcheck shell=bash
# Shared helpers for the project's scripts: settings from the environment or .env, Node 24, npm deps.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION_WANTED="24.21.0" # Node 24 LTS (docs/architecture.md: versions)
NODE_MIN_MAJOR=24
NODE_MIN_MINOR=9 # jest needs --experimental-vm-modules with require(esm) of Nest 12 (Node >= 24.9)

log() { printf '\033[1;34m[tiepdan]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tiepdan]\033[0m %s\n' "$*" >&2; exit 1; }

# Values already in the environment win over .env; .env wins over .env.example defaults.
load_env() {
  local file line key value
  for file in "$ROOT/.env" "$ROOT/.env.example"; do
    [ -f "$file" ] || continue
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in ''|'#'*) continue ;; esac
      key="${line%%=*}"; value="${line#*=}"
      [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] || continue
      if [ -z "${!key+x}" ]; then export "$key=$value"; fi
    done < "$file"
  done
}

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  local v major minor
  v="$(node -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

# Node 24 from the npm registry (package `node`) into .tools/node when the machine's Node is older.
ensure_node() {
  local local_bin="$ROOT/.tools/node/node_modules/node/bin"
  if [ -x "$local_bin/node" ]; then export PATH="$local_bin:$PATH"; fi
  if node_is_recent; then return 0; fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch Node $NODE_VERSION_WANTED (install any Node.js with npm first)"
  log "Node $(node -v 2>/dev/null || echo none) is older than $NODE_MIN_MAJOR.$NODE_MIN_MINOR: installing Node $NODE_VERSION_WANTED into .tools/node"
  mkdir -p "$ROOT/.tools/node"
  cat > "$ROOT/.tools/node/package.json" <<JSON
{ "name": "tiepdan-node-runtime", "private": true, "allowScripts": { "node": true } }
JSON
  (cd "$ROOT/.tools/node" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node@$NODE_VERSION_WANTED" >/dev/null)
  export PATH="$local_bin:$PATH"
  node_is_recent || die "could not install Node $NODE_VERSION_WANTED"
}

# npm ci when node_modules is missing or older than the lockfile.
ensure_deps() {
  local marker="$ROOT/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$ROOT/package-lock.json" -nt "$marker" ]; then
    log "installing dependencies (npm ci)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium; it never downloads
# a browser of its own).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install Chromium at /usr/bin/chromium for the browser tests"
  log "installing Chromium from the OS packages (browser tests)"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
}

ensure_toolchain() {
  ensure_node
  ensure_deps
}
