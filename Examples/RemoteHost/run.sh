#!/usr/bin/env bash
# run.sh CMSH REMOTEHOST — starts `cmsh serve` on a free loopback port (self-signed certificate, a bearer token),
# runs RemoteHost against its AdminService, stops the server, and compares the output with expected.out (the
# port written as PORT). Exit 1 on any difference.
set -euo pipefail
cmsh="$1" host="$2"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

touch "$work/users" && chmod 600 "$work/users"
"$cmsh" serve --add-token robot --users "$work/users" > "$work/token" 2> /dev/null
chmod 600 "$work/token"
"$cmsh" serve --listen 127.0.0.1:0 --users "$work/users" --log none > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url="$(grep -o 'https://127\.0\.0\.1:[0-9]*' "$work/serve.out" | head -1)"
fingerprint="$(grep -o 'fingerprint [0-9A-F:]*' "$work/serve.err" | cut -d' ' -f2)"
[[ -n "$url" && -n "$fingerprint" ]] || { echo "RemoteHost: cmsh serve did not start: $(cat "$work/serve.err")" >&2; exit 1; }

CMSH_SITE_URL="$url/AdminService" CMSH_SITE_FINGERPRINT="$fingerprint" CMSH_TOKEN_FILE="$work/token" \
    timeout 120 "$host" 2>&1 | sed -E 's/127\.0\.0\.1:[0-9]+/127.0.0.1:PORT/g' > "$work/out"
[[ -n "${UPDATE_EXPECTED:-}" ]] && cp "$work/out" "$here/expected.out"
diff -u "$here/expected.out" "$work/out" && echo "RemoteHost: output as expected"
