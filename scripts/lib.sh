# shellcheck shell=bash
# Shared helpers for the project's scripts: settings from the environment or .env, Node 24, npm deps,
# OS packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_VERSION_WANTED="24.21.0" # Node 24 LTS (docs/architecture.md: versions)
NPM_VERSION_WANTED="11.19.1"  # the npm package-lock.json and allowScripts are kept with (ensure_node)
NODE_MIN_MAJOR=24
NODE_MIN_MINOR=9 # jest needs --experimental-vm-modules with require(esm) of Nest 12 (Node >= 24.9)
TOOLS_BIN="$ROOT/.tools/node/node_modules/.bin" # node, npm and npx installed by ensure_node

log() { printf '\033[1;34m[tiepdan]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[tiepdan]\033[0m %s\n' "$*" >&2; exit 1; }

# --- settings ------------------------------------------------------------------------------------

# Settings into the environment, read the way the application reads them (dotenv), so a value means the
# same to the scripts (the database account services.sh creates) as to the API. Values already in the
# environment win over .env; .env wins over .env.example defaults. Only upper-case names are exported.
load_env() {
  local exports
  # dotenv itself once `npm ci` has run, with whatever Node is on PATH; it prints `export KEY='value'`
  # lines, single-quoted so that bash reads every value back byte for byte.
  if exports="$(node -e '
      const fs = require("node:fs"), path = require("node:path");
      const root = process.argv[1];
      const { parse } = require(path.join(root, "node_modules", "dotenv"));
      const read = (file) => (fs.existsSync(file) ? parse(fs.readFileSync(file)) : {});
      const merged = { ...read(path.join(root, ".env.example")), ...read(path.join(root, ".env")) };
      // Single quotes (written \x27: this code sits in a single-quoted bash string); bash takes what
      // is inside literally, and a quote within the value is closed, escaped and reopened.
      const sq = "\x27";
      const quote = (value) => sq + value.split(sq).join(sq + "\\" + sq + sq) + sq;
      for (const [key, value] of Object.entries(merged)) {
        if (/^[A-Z_][A-Z0-9_]*$/.test(key) && process.env[key] === undefined) {
          console.log("export " + key + "=" + quote(value));
        }
      }' "$ROOT" 2>/dev/null)"; then
    eval "$exports"
    return 0
  fi
  # Before the dependencies exist (or with a Node too old for dotenv): the same rules in bash.
  local file key
  declare -A merged=()
  for file in "$ROOT/.env.example" "$ROOT/.env"; do
    if [ -f "$file" ]; then parse_env_file "$file" merged; fi
  done
  for key in "${!merged[@]}"; do
    if [[ "$key" =~ ^[A-Z_][A-Z0-9_]*$ ]] && [ -z "${!key+x}" ]; then export "$key=${merged[$key]}"; fi
  done
}

# parse_env_file FILE ARRAY: FILE's variables into the associative array ARRAY, by dotenv's rules for
# one-line values: an `export ` prefix is dropped, CR is dropped, a value in '…', "…" or `…` is taken
# between its quotes (with \n and \r expanded in "…"), an unquoted value ends at the first `#` and is
# trimmed. A later line wins over an earlier one. (Multi-line quoted values need the dotenv path.)
parse_env_file() {
  local -n into="$2"
  local line key rest value
  local re_line='^[[:space:]]*(export[[:space:]]+)?([A-Za-z0-9_.-]+)[[:space:]]*=[[:space:]]*(.*)$'
  local re_single="^'((\\\\'|[^'])*)'[[:space:]]*(#.*)?\$"
  local re_double='^"((\\"|[^"])*)"[[:space:]]*(#.*)?$'
  local re_back='^`((\\`|[^`])*)`[[:space:]]*(#.*)?$'
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line//$'\r'/}"
    [[ "$line" =~ $re_line ]] || continue
    key="${BASH_REMATCH[2]}"; rest="${BASH_REMATCH[3]}"
    if [[ "$rest" =~ $re_single ]] || [[ "$rest" =~ $re_back ]]; then
      value="${BASH_REMATCH[1]}"
    elif [[ "$rest" =~ $re_double ]]; then
      value="${BASH_REMATCH[1]}"; value="${value//\\n/$'\n'}"; value="${value//\\r/$'\r'}"
    else
      value="${rest%%#*}"
      value="${value%"${value##*[![:space:]]}"}" # trailing blanks
      # dotenv still strips a pair of quotes around what is left (`'a'b'` is a'b)
      if [ "${#value}" -ge 2 ] && [[ "${value:0:1}" == [\'\"\`] ]] && [ "${value:0:1}" = "${value: -1}" ]; then
        if [ "${value:0:1}" = '"' ]; then value="${value//\\n/$'\n'}"; value="${value//\\r/$'\r'}"; fi
        value="${value:1:${#value}-2}"
      fi
    fi
    into["$key"]="$value"
  done < "$1"
}

# --- OS packages ---------------------------------------------------------------------------------

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root or sudo to run: $*"; fi
}

# Debian/Ubuntu packages, without questions. sudo resets the environment, so DEBIAN_FRONTEND goes on
# the command line through `env` (a `VAR=… sudo …` prefix would never reach apt-get).
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "no apt-get: install $* yourself"
  log "installing OS packages: $*"
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq >/dev/null; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- Node and npm --------------------------------------------------------------------------------

node_is_recent() {
  command -v node >/dev/null 2>&1 || return 1
  local v major minor
  v="$(node -p 'process.versions.node' 2>/dev/null)" || return 1
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  [ "$major" -gt "$NODE_MIN_MAJOR" ] || { [ "$major" -eq "$NODE_MIN_MAJOR" ] && [ "$minor" -ge "$NODE_MIN_MINOR" ]; }
}

# Node 24 from the npm registry (package `node`) into .tools/node when the machine's Node is older,
# with the npm the lockfile is kept with (package `npm`): its allowScripts policy in package.json keeps
# the install scripts the project turned off from running, which older npms (Debian's 9) ignore.
# Fetching them needs some npm first, and Debian's `nodejs` package comes without one: then Debian's
# `npm` package is installed.
ensure_node() {
  local machine_path="$PATH"
  if [ -x "$TOOLS_BIN/node" ]; then export PATH="$TOOLS_BIN:$PATH"; fi
  if node_is_recent && command -v npm >/dev/null 2>&1; then return 0; fi
  export PATH="$machine_path" # the machine's own node and npm fetch the new ones
  if ! command -v npm >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 \
      || die "npm is needed to fetch Node $NODE_VERSION_WANTED (install any Node.js with npm first)"
    log "no npm on this machine (Debian's nodejs comes without it): installing Debian's npm"
    apt_install npm
    hash -r
  fi
  log "installing Node $NODE_VERSION_WANTED and npm $NPM_VERSION_WANTED into .tools/node (found Node $(node -v 2>/dev/null || echo none), need $NODE_MIN_MAJOR.$NODE_MIN_MINOR)"
  mkdir -p "$ROOT/.tools/node"
  cat > "$ROOT/.tools/node/package.json" <<JSON
{ "name": "tiepdan-node-runtime", "private": true, "allowScripts": { "node": true } }
JSON
  (cd "$ROOT/.tools/node" && npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node@$NODE_VERSION_WANTED" "npm@$NPM_VERSION_WANTED" >/dev/null)
  export PATH="$TOOLS_BIN:$machine_path"
  hash -r
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
  apt_install chromium fonts-dejavu-core
}

# The console's own dependencies (web/package-lock.json: React, Ant Design, Vite), kept apart from the
# API's so that the API's `npm ci` stays as it was; npm ci when web/node_modules is missing or older than
# its lockfile.
ensure_web_deps() {
  local marker="$ROOT/web/node_modules/.package-lock.json"
  if [ ! -f "$marker" ] || [ "$ROOT/web/package-lock.json" -nt "$marker" ]; then
    log "installing the console's dependencies (npm ci --prefix web)"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The console (web/) built into web/dist, which the API serves at / (docs/console.md).
# Always a production bundle: `load_env` exports the API's NODE_ENV (development in .env.example), with
# which Vite would build React's development code (~40 % more JavaScript, slower).
build_console() {
  (cd "$ROOT/web" && NODE_ENV=production node node_modules/vite/bin/vite.js build --logLevel warn)
}

ensure_toolchain() {
  ensure_node
  ensure_deps
  ensure_web_deps
}
