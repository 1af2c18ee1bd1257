#!/usr/bin/env bash
# Installs what the peer benchmarks need, idempotently and quietly:
#   lua5.4, the sqlite3 CLI and wrk (apt), python3 with venv support (apt, only if missing),
#   and a virtualenv at bench/.venv holding pywbem (PyPI).
# Prints nothing on success; errors go to stderr and the script exits non-zero.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$bench/.venv"
PYWBEM_SPEC=${PYWBEM_SPEC:-pywbem}   # e.g. PYWBEM_SPEC='pywbem==1.9.1' to pin

log=$(mktemp)
trap 'rm -f "$log"' EXIT
quiet() {   # run a command, showing its output only if it fails
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "setup.sh: failed: $*" >&2
        exit 1
    fi
}

# --- apt packages -----------------------------------------------------------------------------------------
need=()
command -v lua5.4 >/dev/null 2>&1 || need+=(lua5.4)
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3)
command -v wrk >/dev/null 2>&1 || need+=(wrk)        # the HTTP load client for bench/serve_bench.sh
if ! command -v python3 >/dev/null 2>&1; then
    need+=(python3 python3-venv)
elif ! python3 -c 'import venv, ensurepip, sqlite3' >/dev/null 2>&1; then
    need+=(python3-venv)     # Debian splits ensurepip (needed by venv) into python3-venv
fi
if ((${#need[@]})); then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "setup.sh: missing ${need[*]} and no apt-get to install them" >&2
        exit 1
    fi
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
    quiet "${sudo[@]}" apt-get update -q
    quiet "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
fi

# --- virtualenv with pywbem ---------------------------------------------------------------------------------
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    rm -rf "$venv"
    quiet python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import pywbem, pywbem_mock' >/dev/null 2>&1; then
    quiet "$venv/bin/python" -m pip install -q --disable-pip-version-check "$PYWBEM_SPEC"
fi
"$venv/bin/python" -c 'import pywbem, pywbem_mock, sqlite3' || { echo "setup.sh: venv check failed" >&2; exit 1; }
