#!/usr/bin/env bash
# Runs the peer benchmarks and writes FORMAT.md records to bench/out/:
#   pywbem.jsonl  pywbem_mock (peers/pywbem_bench.py)          ~6-9 min at the full N list (time-capped)
#   sqlite.jsonl  sqlite3 :memory: (peers/sqlite_bench.py)      ~1 min
#   lua.jsonl     Lua 5.4 interpreter loop (peers/loop.lua)     ~5 s
#   cold.jsonl    process start: python -c 'import pywbem', sqlite3, lua5.4 -e '' (peers/cold_start.py)
# Each harness's stderr goes to the terminal and to bench/out/<name>.log. Runs peers/setup.sh first.
#
#   bench/run-peers.sh [--quick] [pywbem] [sqlite] [lua] [cold]
# With no names, runs all four. --quick uses small N and few repetitions (for checking the harnesses, not for
# results). Exits non-zero if setup or any harness fails or prints something that is not a record.
set -uo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
peers=$bench/peers
out=$bench/out
py=$bench/.venv/bin/python

quick=0
selected=()
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        pywbem|sqlite|lua|cold) selected+=("$arg") ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run-peers.sh: unknown argument '$arg' (see --help)" >&2; exit 2 ;;
    esac
done
((${#selected[@]})) || selected=(pywbem sqlite lua cold)

"$peers/setup.sh" || { echo "run-peers.sh: setup failed" >&2; exit 1; }
mkdir -p "$out"

if ((quick)); then
    pywbem_args=(--n 2000,5000 --load-cap 1000 --key-ops 300 --invoke-ops 200 --enum-budget-s 2 --no-probe)
    sqlite_args=(--n 10000,20000 --load-reps 3 --lookup-ops 2000 --max-ops 20 --budget-s 0.5)
    lua_args=(2)
    cold_args=(--runs 5)
else
    pywbem_args=()
    sqlite_args=()
    lua_args=()
    cold_args=()
fi

failed=()
summary=()

# run NAME COMMAND...: stdout to out/NAME.jsonl (kept only if the command succeeds and every line is a record).
run() {
    local name=$1; shift
    local start=$(date +%s%N)
    echo "== $name: $*" >&2
    (cd "$peers" && "$@") 2>&1 >"$out/$name.jsonl.tmp" | tee "$out/$name.log" >&2
    local rc=${PIPESTATUS[0]}
    local tenths=$(( ($(date +%s%N) - start) / 100000000 ))
    local secs="$((tenths / 10)).$((tenths % 10))"
    if ((rc == 0)) && "$py" "$peers/check_records.py" "$out/$name.jsonl.tmp"; then
        mv "$out/$name.jsonl.tmp" "$out/$name.jsonl"
        summary+=("$name: $(wc -l <"$out/$name.jsonl") records in ${secs}s -> out/$name.jsonl")
    else
        failed+=("$name")
        summary+=("$name: FAILED (exit $rc) after ${secs}s; partial output in out/$name.jsonl.tmp, log in out/$name.log")
    fi
}

for name in "${selected[@]}"; do
    case $name in
        pywbem) run pywbem "$py" pywbem_bench.py ${pywbem_args[@]+"${pywbem_args[@]}"} ;;
        sqlite) run sqlite "$py" sqlite_bench.py ${sqlite_args[@]+"${sqlite_args[@]}"} ;;
        lua)    run lua lua5.4 loop.lua ${lua_args[@]+"${lua_args[@]}"} ;;
        cold)   run cold "$py" cold_start.py ${cold_args[@]+"${cold_args[@]}"} ;;
    esac
done

printf '%s\n' "${summary[@]}" >&2
if ((${#failed[@]})); then
    echo "run-peers.sh: failed: ${failed[*]}" >&2
    exit 1
fi
