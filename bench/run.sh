#!/usr/bin/env bash
# make bench: builds cmsh in release mode, runs its benchmarks (the served site's under wrk among them) and the peers' (pywbem_mock, sqlite3, Lua 5.4)
# in the same run, and writes bench/results.md. Everything it needs is installed by bench/peers/setup.sh.
#   bench/run.sh [--quick]      --quick: small N, for checking the harnesses (not for results; CI runs it, and it
#                               writes bench/out/results-quick.md instead of bench/results.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
quick=()
[[ "${1:-}" == "--quick" ]] && quick=(--quick)

# One product per call: given several --product options, swift build builds only the last.
# The Swift runtime linked statically, as `make release` links it (the cold start measures that binary).
swift build -c release --static-swift-stdlib --product cmsh 2>&1 | tail -1
swift build -c release --static-swift-stdlib --product CMShellBench 2>&1 | tail -1
mkdir -p bench/out
echo "cmsh workloads…" >&2
./.build/release/CMShellBench "${quick[@]}" --only load,key-lookup,indexed-equality,like-scan,join,invoke-latency,interp-loop,parse,mof-compile > bench/out/cmsh.jsonl
# The generated fleet and collection queries (10k and 100k systems), in a process of their own.
./.build/release/CMShellBench "${quick[@]}" --only fleet,collection-query,collection-refresh >> bench/out/cmsh.jsonl
# Memory in a process of its own: freed memory from the other workloads would hide the growth.
./.build/release/CMShellBench "${quick[@]}" --only memory >> bench/out/cmsh.jsonl
echo "cmsh cold start…" >&2
python3 bench/peers/cold_start.py --runs "$([[ ${#quick[@]} -gt 0 ]] && echo 5 || echo 30)" \
    --cmd "cmsh=./.build/release/cmsh -c \"select PackageID from SMS_DriverPackage where PackageID='PKG00001'\"" \
    > bench/out/cmsh-cold.jsonl
echo "cmsh serve under load (wrk)…" >&2
bash bench/serve_bench.sh "${quick[@]}" > bench/out/cmsh-serve.jsonl
echo "peers…" >&2
bash bench/run-peers.sh "${quick[@]}"
# A quick run checks the harnesses; its numbers are not results, so it leaves bench/results.md alone.
report=bench/results.md
[[ ${#quick[@]} -gt 0 ]] && report=bench/out/results-quick.md
python3 bench/report.py bench/out/*.jsonl -o "$report"
echo "wrote $report" >&2
