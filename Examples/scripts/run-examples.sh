#!/usr/bin/env bash
# run-examples.sh — run every example script against the demo site and compare its output.
#
#   Examples/scripts/run-examples.sh [CMSH]      CMSH defaults to .build/debug/cmsh
#
# Each example runs from the repository root exactly as the manifest below states, on a fresh demo site
# (every cmsh process starts its own). A run passes when it exits 0, its standard output matches
# expected/NAME.out byte for byte (a unified diff is shown otherwise) and `cmsh --check` accepts the
# script with the same options and arguments. An example passes when all of its runs pass. The last line
# is the tally, e.g. "6 passed, 0 failed"; the exit status is 1 when anything failed.
#
# After changing an example on purpose, UPDATE_EXPECTED=1 rewrites the expected files from the actual
# output (then review the diff before committing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cmsh="${1:-.build/debug/cmsh}"
# Resolve the binary against the caller's directory: the examples run from the repository root.
given="$cmsh"
case "$cmsh" in
    */*) cmsh="$(cd "$(dirname "$cmsh")" 2>/dev/null && pwd)/$(basename "$cmsh")" || cmsh="" ;;
    *)   cmsh="$(command -v "$cmsh")" || cmsh="" ;;
esac
if [[ -z "$cmsh" || ! -x "$cmsh" || -d "$cmsh" ]]; then
    echo "run-examples.sh: no cmsh binary at $given (build it with 'swift build')" >&2
    exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

examples=()                # in manifest order, each once
declare -A failed=()       # example name -> 1 when one of its runs failed

# run EXAMPLE EXPECTED [cmsh options…] -- [script arguments…]
#   Runs `cmsh [options…] Examples/scripts/EXAMPLE.cmsh [arguments…]` and compares its standard output
#   with expected/EXPECTED.out.
run() {
    local example="$1" expected="$2"
    shift 2
    local opts=()
    while [[ $# -gt 0 && "$1" != "--" ]]; do opts+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    local args=("$@")
    local script="Examples/scripts/$example.cmsh"
    local want="$here/expected/$expected.out"
    local shown="cmsh${opts[*]:+ ${opts[*]}} $script${args[*]:+ ${args[*]}}"

    [[ -v "failed[$example]" ]] || { examples+=("$example"); failed[$example]=0; }

    local ok=1 rc=0
    (cd "$root" && "$cmsh" ${opts[@]+"${opts[@]}"} "$script" ${args[@]+"${args[@]}"}) \
        >"$work/stdout" 2>"$work/stderr" || rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "FAIL $shown: exit status $rc, expected 0"
        sed 's/^/    /' "$work/stderr"
        ok=0
    fi
    if [[ "${UPDATE_EXPECTED:-}" == 1 ]]; then
        cp "$work/stdout" "$want"
    elif [[ ! -f "$want" ]]; then
        echo "FAIL $shown: no expected output ${want#"$root/"}"
        ok=0
    elif ! diff -u --label "${want#"$root/"}" --label "$shown" "$want" "$work/stdout"; then
        echo "FAIL $shown: output differs from ${want#"$root/"} (diff above)"
        ok=0
    fi

    rc=0
    (cd "$root" && "$cmsh" --check ${opts[@]+"${opts[@]}"} "$script" ${args[@]+"${args[@]}"}) \
        >"$work/check" 2>&1 || rc=$?
    if [[ $rc -ne 0 ]]; then
        echo "FAIL cmsh --check ${shown#cmsh }: exit status $rc, expected 0"
        sed 's/^/    /' "$work/check"
        ok=0
    fi

    if [[ $ok -eq 1 ]]; then
        echo "ok   $shown"
    else
        failed[$example]=1
    fi
}

# The manifest: every example with the command line its expected output was made with.
run distribute-driver-package distribute-driver-package                 --
run distribute-driver-package distribute-driver-package.already-there   -- S0100008 S02
run packages-on-no-dp         packages-on-no-dp                         --
run redistribute-failed       redistribute-failed                       --
run add-dp-to-group           add-dp-to-group                           --
run export-inventory          export-inventory          --format csv    --
run export-inventory          export-inventory.json     --format json   --
run stale-packages            stale-packages                            -- 365 2026-11-26
run asset-tags                asset-tags    --inventory Examples/inventory/contoso-asset.mof --

passed=0
failures=0
for example in "${examples[@]}"; do
    if [[ "${failed[$example]}" -eq 0 ]]; then passed=$((passed + 1)); else failures=$((failures + 1)); fi
done
echo "$passed passed, $failures failed"
[[ $failures -eq 0 ]]
