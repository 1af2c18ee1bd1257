#!/usr/bin/env bash
# make fuzz: builds the libFuzzer targets into .build-fuzz and runs each for FUZZ_SECONDS (default 60).
# Fails on the first crash, trap, leak, timeout or out-of-memory; the input that caused it is kept in
# .build-fuzz/artifacts/. Seeds come from the tests, docs/language.md and the examples, extracted at run time
# so they never go stale; each target's growing corpus lives in .build-fuzz/corpus/<target>.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-"FuzzParser FuzzInterpreter FuzzMOF FuzzObjectPath FuzzNALPath FuzzCIMXML FuzzCIMXMLReply FuzzODataReply"}
OUT=.build-fuzz
SWIFT=${SWIFT:-swift}

$SWIFT build --package-path Fuzz --build-path "$OUT" -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
BIN=$("$SWIFT" build --package-path Fuzz --build-path "$OUT" -c debug --show-bin-path)

# Seeds: every cmsh block of docs/language.md and every example script as one file each; the MOF schema and
# test MOF for the compiler; the object paths and NAL paths the sources and tests spell out.
SEEDS=$OUT/seeds
rm -rf "$SEEDS" && mkdir -p "$SEEDS"/{script,mof,path,nal}
awk -v dir="$SEEDS/script" '/^```cmsh/ { n++; f = dir "/doc" n; next } /^```/ { f = ""; next } f { print > f }' docs/language.md
cp Examples/scripts/*.cmsh Tests/ScriptTests/Fixtures/*.cmsh "$SEEDS/script/"
awk -v dir="$SEEDS/mof" '/#"""|"""/ { if (f) { f = "" } else { n++; f = dir "/mof" n }; next } f { print > f }' \
    Sources/Site/Schema/*.swift Tests/ScriptTests/TestSite.swift Tests/CIMTests/MOFCompilerTests.swift
grep -rhoE 'SMS_[A-Za-z_]+(\.[A-Za-z]+=\\?"[^"\\]*\\?"(,[A-Za-z]+=[^,)]+)*|=@)' Sources Tests docs | sort -u |
    awk -v dir="$SEEDS/path" '{ gsub(/\\"/, "\""); print > (dir "/p" NR) }'
printf '%s' '\\srv\root\sms\site_S01:SMS_Package.PackageID="S0100003"' > "$SEEDS/path/server"
printf '%s' '["Display=\\dp1\"]MSWNET:["SMS_SITE=S01"]\\dp1\' > "$SEEDS/nal/dp1"
printf '%s' '["Display=\\dp4.contoso.com\"]MSWNET:["SMS_SITE=S02"]\\dp4.contoso.com\share' > "$SEEDS/nal/fqdn"
printf '%s' '[]GENERIC:[]x' > "$SEEDS/nal/generic"

# The interpreter and CIM-XML targets keep one engine for the whole run, and its session (variables, functions) holds
# values in Swift multi-payload enums, which store object pointers with tag bits set; LeakSanitizer cannot see
# such pointers and reports the session's live objects as leaked. Leaks are checked in the other targets.
leak_checks_for() {
    case $1 in
        FuzzInterpreter|FuzzCIMXML|FuzzCIMXMLReply|FuzzODataReply) echo 0 ;;
        *) echo 1 ;;
    esac
}

seeds_for() {
    case $1 in
        FuzzParser|FuzzInterpreter) echo "$SEEDS/script" ;;
        FuzzMOF) echo "$SEEDS/mof" ;;
        FuzzObjectPath) echo "$SEEDS/path" ;;
        FuzzNALPath) echo "$SEEDS/nal" ;;
        FuzzCIMXML) echo "Fuzz/seeds/cimxml" ;;
        FuzzCIMXMLReply) echo "Fuzz/seeds/cimxml-reply" ;;
        FuzzODataReply) echo "Fuzz/seeds/odata-reply" ;;
    esac
}

dict_for() {
    case $1 in
        FuzzCIMXML|FuzzCIMXMLReply) echo "Fuzz/cimxml.dict" ;;
        *) echo "Fuzz/cmsh.dict" ;;
    esac
}

mkdir -p "$OUT/artifacts"
SUMMARY=$OUT/fuzz-summary.txt
: > "$SUMMARY"
for target in $TARGETS; do
    corpus=$OUT/corpus/$target
    mkdir -p "$corpus"
    log=$OUT/$target.log
    echo "== $target: $SECONDS_EACH s"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: a runaway allocation is a finding.
    leaks=$(leak_checks_for "$target")
    if ! ASAN_OPTIONS="detect_leaks=$leaks" "$BIN/$target" "$corpus" "$(seeds_for "$target")" -dict="$(dict_for "$target")" \
            -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
            -artifact_prefix="$OUT/artifacts/$target-" -print_final_stats=1 -detect_leaks="$leaks" > "$log" 2>&1; then
        tail -n 40 "$log"
        echo "make fuzz: $target found a problem; the input is in $OUT/artifacts/ (log: $log)" >&2
        exit 1
    fi
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    echo "$target: $runs executions in $SECONDS_EACH s, no findings" | tee -a "$SUMMARY"
done
echo "make fuzz: every target ran clean (summary in $SUMMARY)"
