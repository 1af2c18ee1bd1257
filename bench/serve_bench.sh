#!/usr/bin/env bash
# The served site under load: `cmsh serve` (release build, HTTPS with its self-signed certificate, HTTP Basic)
# on a free loopback port, and wrk driving one kind of request at a time over keep-alive connections. Prints
# FORMAT.md records (workloads serve-get-key, serve-filter, serve-execquery, serve-invoke) on stdout.
#   bench/serve_bench.sh [--quick]        --quick: 2 s per request kind instead of 10
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=10
[[ "${1:-}" == "--quick" ]] && seconds=2
connections=${SERVE_BENCH_CONNECTIONS:-32}
cmsh=./.build/release/cmsh
work=$(mktemp -d)
server=
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

password=bench-password-1
echo "$password" | "$cmsh" serve --add-user bench --users "$work/users" 2>/dev/null
# Limits off: a benchmark measures the server, not its guards; the access log off, as a busy site would
# ship it elsewhere.
"$cmsh" serve --listen 127.0.0.1:0 --users "$work/users" --log none --time-limit 0 --max-rows 0 \
    > "$work/ready" 2> "$work/stderr" &
server=$!
for _ in $(seq 1 200); do grep -q listening "$work/ready" 2>/dev/null && break; sleep 0.05; done
url=$(grep -oE 'https://127\.0\.0\.1:[0-9]+' "$work/ready") || { cat "$work/stderr" >&2; exit 1; }
auth="Authorization: Basic $(printf 'bench:%s' "$password" | base64 -w0)"

run() {   # workload note method path [body-file] [extra headers]
    local workload=$1 note=$2 method=$3 path=$4 body=${5:-} headers=${6:-}
    echo "  $workload: $seconds s, $connections connections" >&2
    WRK_WORKLOAD=$workload WRK_NOTE=$note WRK_METHOD=$method WRK_BODY_FILE=$body WRK_CONNECTIONS=$connections \
    WRK_HEADERS="$auth"$'\n'"$headers" \
        wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/peers/wrk_request.lua "$url$path" |
        grep '^{'
}

run serve-get-key "GET /AdminService/wmi/SMS_Package('S0100003')" GET "/AdminService/wmi/SMS_Package('S0100003')"
run serve-filter "GET SMS_R_System?\$filter=startswith(Name,'PC-00') and Client eq 1&\$select=Name,ResourceID (of 300)" GET \
    "/AdminService/wmi/SMS_R_System?%24filter=startswith(Name,'PC-00')%20and%20Client%20eq%201&%24select=Name,ResourceID"
cat > "$work/query.xml" <<'XML'
<?xml version="1.0" encoding="utf-8" ?>
<CIM CIMVERSION="2.0" DTDVERSION="2.0"><MESSAGE ID="1001" PROTOCOLVERSION="1.0"><SIMPLEREQ><IMETHODCALL NAME="ExecQuery"><LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="sms"/><NAMESPACE NAME="site_S01"/></LOCALNAMESPACEPATH><IPARAMVALUE NAME="QueryLanguage"><VALUE>WQL</VALUE></IPARAMVALUE><IPARAMVALUE NAME="Query"><VALUE>select * from SMS_DriverPackage where Name like 'Dell%'</VALUE></IPARAMVALUE></IMETHODCALL></SIMPLEREQ></MESSAGE></CIM>
XML
run serve-execquery "CIM-XML ExecQuery select * from SMS_DriverPackage where Name like 'Dell%'" POST /cimom "$work/query.xml" \
    $'Content-Type: application/xml; charset="utf-8"\nCIMOperation: MethodCall\nCIMMethod: ExecQuery\nCIMObject: root/sms/site_S01'
printf '%s' '{"SiteCode":["S01"],"NALPath":["[\"Display=\\\\dp1\\\"]MSWNET:[\"SMS_SITE=S01\"]\\\\dp1\\"]}' > "$work/seed.json"
run serve-invoke "POST …SMS_DriverPackage('PKG00001')/AdminService.AddDistributionPoints (the seed call)" POST \
    "/AdminService/wmi/SMS_DriverPackage('PKG00001')/AdminService.AddDistributionPoints" "$work/seed.json" 'Content-Type: application/json'
