#!/usr/bin/env bash
# Self-test of the Windows-authentication peer, without cmsh:
# installs, makes a throwaway realm, starts an HTTPS echo upstream (stand-in
# for `cmsh serve`) and proxy.py in negotiate then ntlm mode, and drives them
# with the curl CLI (same libcurl as cmsh). Everything is stopped on exit.
#   selftest.sh [VENV]     (default: <repo>/.build/venv; run as root)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
VENV="${1:-$REPO/.build/venv}"
PY="$VENV/bin/python"

timeout 1800 bash "$HERE/install.sh" "$VENV"

WORK="$(mktemp -d /tmp/cmsh-winauth.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  bash "$HERE/realm.sh" stop "$WORK/realm" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

PASS=0 FAIL=0
ok()  { PASS=$((PASS+1)); echo "ok   - $1"; }
bad() { FAIL=$((FAIL+1)); echo "FAIL - $1"; [[ -n "${2:-}" ]] && sed 's/^/       | /' <<<"$2" | head -20; return 0; }

wait_file() {  # wait_file FILE PID: bounded wait for a non-empty file
  for _ in $(seq 1 150); do
    [[ -s "$1" ]] && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# 1. realm
WINAUTH_KDC_LIFETIME=600 timeout 120 bash "$HERE/realm.sh" "$WORK/realm"
# shellcheck disable=SC1091
. "$WORK/realm/env"

# 2. upstream: HTTPS with a self-signed cert, checks the bearer token
python3 -c 'import secrets; print(secrets.token_urlsafe(32))' > "$WORK/token"
chmod 600 "$WORK/token"
timeout 30 openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 \
  -keyout "$WORK/up.pem" -out "$WORK/up.crt" 2>/dev/null
cat "$WORK/up.crt" >> "$WORK/up.pem"
timeout 600 python3 "$HERE/upstream_echo.py" --port-file "$WORK/up.port" \
  --token-file "$WORK/token" --cert "$WORK/up.pem" --lifetime 590 2>"$WORK/up.log" &
PIDS+=($!)
wait_file "$WORK/up.port" "${PIDS[-1]}" || { echo "upstream did not start"; cat "$WORK/up.log"; exit 1; }
UP="$(cat "$WORK/up.port")"

start_proxy() {  # start_proxy MODE NAME EXTRA...
  local mode="$1" name="$2"; shift 2
  timeout 600 "$PY" "$HERE/proxy.py" --listen-port 0 --port-file "$WORK/$name.port" \
    --upstream "https://127.0.0.1:$UP" --upstream-token-file "$WORK/token" \
    --mode "$mode" --lifetime 590 "$@" 2>"$WORK/$name.log" &
  PIDS+=($!)
  wait_file "$WORK/$name.port" "${PIDS[-1]}" || { echo "proxy $name did not start"; cat "$WORK/$name.log"; exit 1; }
}

# curl: localhost pinned to 127.0.0.1 (the SPN is HTTP/localhost).
c() { timeout 20 curl -sS --max-time 15 --resolve "localhost:$PX:127.0.0.1" "$@" || true; }
status_of() { head -1 <<<"$1" | awk '{print $2}'; }

# 3. Negotiate (Kerberos via SPNEGO)
start_proxy negotiate neg --keytab "$WINAUTH_KEYTAB"
PX="$(cat "$WORK/neg.port")"
echo "# realm CMSH.TEST, KDC 127.0.0.1:$WINAUTH_KDC_PORT; upstream https://127.0.0.1:$UP; negotiate proxy http://localhost:$PX"

r="$(c -i "http://localhost:$PX/x")"
[[ "$(status_of "$r")" == 401 ]] && grep -qi '^WWW-Authenticate: Negotiate' <<<"$r" \
  && ok "negotiate: no credentials -> 401 + WWW-Authenticate: Negotiate" || bad "negotiate: no credentials" "$r"

timeout 30 kinit alice < "$WINAUTH_PASSWORD_FILE" >/dev/null
timeout 10 klist -s && ok "kinit alice@CMSH.TEST (password on stdin)" || bad "kinit"

r="$(c -i --negotiate -u : "http://localhost:$PX/x?q=1")"
[[ "$(status_of "$r")" == 200 ]] && grep -q '^user=alice@CMSH.TEST' <<<"$r" && grep -q '^bearer=ok' <<<"$r" \
  && grep -q '^path=/x?q=1' <<<"$r" \
  && ok "negotiate: curl --negotiate -> 200, X-Forwarded-User alice@CMSH.TEST, bearer forwarded" || bad "negotiate: with ticket" "$r"

r="$(c -i --negotiate -u : --data-binary @"$HERE/README.md" "http://localhost:$PX/post")"
[[ "$(status_of "$r")" == 200 ]] && grep -q "^body=$(wc -c < "$HERE/README.md")\$" <<<"$r" && grep -q '^method=POST' <<<"$r" \
  && ok "negotiate: POST body relayed" || bad "negotiate: POST" "$r"

r="$(timeout 20 curl -sS --max-time 15 -i --negotiate -u : "http://localhost:$PX/plain" || true)"
[[ "$(status_of "$r")" == 200 ]] && grep -q '^user=alice@CMSH.TEST' <<<"$r" \
  && ok "negotiate: plain 'localhost' (no --resolve) -> 200" || bad "negotiate: plain localhost" "$r"

start_proxy negotiate negtls --keytab "$WINAUTH_KEYTAB" --tls-cert "$WORK/up.pem"
PXS="$(cat "$WORK/negtls.port")"
r="$(timeout 20 curl -sS --max-time 15 -k -i --negotiate -u : "https://localhost:$PXS/tls" || true)"
[[ "$(status_of "$r")" == 200 ]] && grep -q '^user=alice@CMSH.TEST' <<<"$r" \
  && ok "negotiate over HTTPS (--tls-cert, curl -k) -> 200" || bad "negotiate: https" "$r"

timeout 10 kdestroy >/dev/null 2>&1 || true
r="$(c -i --negotiate -u : "http://localhost:$PX/x")"
[[ "$(status_of "$r")" == 401 ]] && ok "negotiate: no ticket (kdestroy) -> 401" || bad "negotiate: no ticket" "$r"

r="$(c -i -H 'Authorization: Negotiate AAAA' "http://localhost:$PX/x")"
[[ "$(status_of "$r")" == 401 ]] && ok "negotiate: garbage token -> 401" || bad "negotiate: garbage token" "$r"

# 4. NTLM
start_proxy ntlm ntlm --ntlm-users "$WINAUTH_NTLM_USERS"
PX="$(cat "$WORK/ntlm.port")"
echo "# ntlm proxy http://localhost:$PX"

r="$(c -i "http://localhost:$PX/y")"
[[ "$(status_of "$r")" == 401 ]] && grep -qi '^WWW-Authenticate: NTLM' <<<"$r" \
  && ok "ntlm: no credentials -> 401 + WWW-Authenticate: NTLM" || bad "ntlm: no credentials" "$r"

# The password goes to curl in a config on stdin (-K -), not on argv.
ntlm_cfg() { printf 'user = "CMSH\\\\alice:%s"\n' "$1"; }
r="$(ntlm_cfg "$(cat "$WINAUTH_PASSWORD_FILE")" | c -i --ntlm -K - "http://localhost:$PX/y")"
last="$(awk '/^HTTP\/1.1 /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' <<<"$r")"
[[ "$(status_of "$last")" == 200 ]] && grep -q '^user=CMSH\\alice' <<<"$last" && grep -q '^bearer=ok' <<<"$last" \
  && ok "ntlm: curl --ntlm CMSH\\alice -> 200 (3 legs on one connection), X-Forwarded-User CMSH\\alice" || bad "ntlm: good password" "$r"

r="$(ntlm_cfg "$(cat "$WINAUTH_PASSWORD_FILE")" | c -i --ntlm -K - --data-binary @"$HERE/README.md" "http://localhost:$PX/post")"
last="$(awk '/^HTTP\/1.1 /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' <<<"$r")"
[[ "$(status_of "$last")" == 200 ]] && grep -q "^body=$(wc -c < "$HERE/README.md")\$" <<<"$last" \
  && ok "ntlm: POST body relayed" || bad "ntlm: POST" "$r"

r="$(ntlm_cfg "wrong-password" | c -i --ntlm -K - "http://localhost:$PX/y")"
last="$(awk '/^HTTP\/1.1 /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' <<<"$r")"
[[ "$(status_of "$last")" == 401 ]] && ok "ntlm: wrong password -> 401" || bad "ntlm: wrong password" "$r"

echo "# proxy logs:"
sed 's/^/#   /' "$WORK/neg.log" "$WORK/negtls.log" "$WORK/ntlm.log"
if grep -qF -e "$(cat "$WINAUTH_PASSWORD_FILE")" -e "$(cat "$WORK/token")" "$WORK/neg.log" "$WORK/ntlm.log" "$WORK/realm/kadmin.log" "$WORK/realm/kdc.log"; then
  bad "no secret in logs"
else
  ok "no secret in logs"
fi

echo "$PASS passed, $FAIL failed"
((FAIL == 0))
