#!/usr/bin/env bash
# Throwaway MIT Kerberos realm for the Windows-authentication test peer.
#
#   realm.sh DIR            make realm CMSH.TEST under DIR and start its KDC
#   realm.sh start DIR      same
#   realm.sh stop DIR       stop the KDC (by pid file); DIR is left as is
#
# DIR gets: krb5.conf, kdc.conf, the database, alice.password (mode 600),
# ntlm.users (mode 600, "CMSH:alice:PASSWORD" for proxy.py --ntlm-users),
# http.keytab (HTTP/localhost@CMSH.TEST), kdc.log, kdc.pid, kdc.port and env
# (a file to source: KRB5_CONFIG, KRB5_KDC_PROFILE, KRB5CCNAME, ...).
# The KDC listens on 127.0.0.1 only (TCP and UDP, one random free port) and
# exits on its own after $WINAUTH_KDC_LIFETIME seconds (default 900).
# Nothing secret is printed.
set -euo pipefail

REALM=CMSH.TEST
LIFETIME="${WINAUTH_KDC_LIFETIME:-900}"

usage() { echo "usage: realm.sh [start|stop] DIR" >&2; exit 2; }

cmd=start
case "${1:-}" in
  start|stop) cmd="$1"; shift ;;
  "") usage ;;
esac
[[ $# -eq 1 ]] || usage
mkdir -p "$1"
DIR="$(cd "$1" && pwd)"

stop_kdc() {
  local f pid
  for f in "$DIR/kdc.pid" "$DIR/kdc.wrapper.pid"; do
    [[ -s "$f" ]] || continue
    pid="$(cat "$f")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
    fi
  done
  # Bounded wait for both to go away, then KILL.
  for _ in $(seq 1 50); do
    local alive=0
    for f in "$DIR/kdc.pid" "$DIR/kdc.wrapper.pid"; do
      [[ -s "$f" ]] || continue
      pid="$(cat "$f")"
      [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && alive=1
    done
    ((alive)) || break
    sleep 0.1
  done
  for f in "$DIR/kdc.pid" "$DIR/kdc.wrapper.pid"; do
    [[ -s "$f" ]] || continue
    pid="$(cat "$f")"
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null || true
    rm -f "$f"
  done
}

if [[ "$cmd" == stop ]]; then
  stop_kdc
  exit 0
fi

for tool in krb5kdc kdb5_util kadmin.local python3 timeout; do
  command -v "$tool" >/dev/null 2>&1 || { echo "realm.sh: $tool not found (run install.sh)" >&2; exit 1; }
done

# A fresh realm each time: stop any KDC of a previous run and wipe its files.
stop_kdc
chmod 700 "$DIR"
rm -f "$DIR"/principal* "$DIR"/stash "$DIR"/http.keytab "$DIR"/ccache "$DIR"/kdc.* \
      "$DIR"/alice.password "$DIR"/ntlm.users "$DIR"/env "$DIR"/krb5.conf "$DIR"/kdc.conf "$DIR"/kadm5.acl

# A port free for both TCP and UDP on 127.0.0.1 (bounded tries).
PORT="$(timeout 20 python3 - <<'PY'
import socket
for _ in range(50):
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 0))
    port = t.getsockname()[1]
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        u.bind(("127.0.0.1", port))
    except OSError:
        t.close(); continue
    u.close(); t.close()
    print(port)
    break
else:
    raise SystemExit("no free port")
PY
)"

cat > "$DIR/krb5.conf" <<CONF
[libdefaults]
    default_realm = $REALM
    dns_lookup_kdc = false
    dns_lookup_realm = false
    dns_canonicalize_hostname = false
    rdns = false
    udp_preference_limit = 1
    ignore_acceptor_hostname = false
    default_ccache_name = FILE:$DIR/ccache
    forwardable = false
    ticket_lifetime = 1h
    renew_lifetime = 1h

[realms]
    $REALM = {
        kdc = tcp/127.0.0.1:$PORT
        kdc = 127.0.0.1:$PORT
        admin_server = 127.0.0.1:1
    }

[domain_realm]
    localhost = $REALM
    .localhost = $REALM
    127.0.0.1 = $REALM
CONF

cat > "$DIR/kdc.conf" <<CONF
[kdcdefaults]
    kdc_listen = 127.0.0.1:$PORT
    kdc_tcp_listen = 127.0.0.1:$PORT

[realms]
    $REALM = {
        database_name = $DIR/principal
        key_stash_file = $DIR/stash
        acl_file = $DIR/kadm5.acl
        kdc_listen = 127.0.0.1:$PORT
        kdc_tcp_listen = 127.0.0.1:$PORT
        max_life = 1h
        max_renewable_life = 1h
        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
    }

[logging]
    kdc = FILE:$DIR/kdc.log
    default = FILE:$DIR/kdc.log
CONF
: > "$DIR/kadm5.acl"

export KRB5_CONFIG="$DIR/krb5.conf" KRB5_KDC_PROFILE="$DIR/kdc.conf"
unset KRB5CCNAME KRB5_KTNAME || true

rand() { timeout 10 python3 -c 'import secrets; print(secrets.token_urlsafe(24))'; }

# Database with a random master password, given on stdin (never on argv).
umask 077
MASTER="$(rand)"
printf '%s\n%s\n' "$MASTER" "$MASTER" \
  | timeout 60 kdb5_util -r "$REALM" create -s >"$DIR/kdb5_util.log" 2>&1 \
  || { echo "realm.sh: kdb5_util create failed (see $DIR/kdb5_util.log)" >&2; exit 1; }
unset MASTER

rand > "$DIR/alice.password"
chmod 600 "$DIR/alice.password"
printf 'CMSH:alice:%s\n' "$(cat "$DIR/alice.password")" > "$DIR/ntlm.users"
chmod 600 "$DIR/ntlm.users"

# Principals: commands (with alice's password) go to kadmin.local on stdin.
{
  printf 'addprinc -pw %s alice\n' "$(cat "$DIR/alice.password")"
  printf 'addprinc -randkey HTTP/localhost\n'
  printf 'ktadd -k %s HTTP/localhost\n' "$DIR/http.keytab"
} | timeout 60 kadmin.local -r "$REALM" 2>&1 \
  | sed -E 's/-pw [^ ]+/-pw (redacted)/' >"$DIR/kadmin.log" \
  || { echo "realm.sh: kadmin.local failed (see $DIR/kadmin.log)" >&2; exit 1; }
[[ -s "$DIR/http.keytab" ]] || { echo "realm.sh: no keytab made (see $DIR/kadmin.log)" >&2; exit 1; }
chmod 600 "$DIR/http.keytab"

# KDC in the foreground (-n) under `timeout`, detached, with a bounded lifetime.
setsid timeout -k 5 "$LIFETIME" krb5kdc -n -r "$REALM" -P "$DIR/kdc.pid" \
  </dev/null >>"$DIR/kdc.log" 2>&1 &
echo $! > "$DIR/kdc.wrapper.pid"
echo "$PORT" > "$DIR/kdc.port"

# Wait (bounded) until it accepts TCP connections.
ok=0
for _ in $(seq 1 100); do
  if timeout 2 python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' "$PORT" 2>/dev/null; then
    ok=1; break
  fi
  kill -0 "$(cat "$DIR/kdc.wrapper.pid")" 2>/dev/null || break
  sleep 0.1
done
if ((ok == 0)); then
  echo "realm.sh: KDC did not start (see $DIR/kdc.log)" >&2
  stop_kdc
  exit 1
fi
# krb5kdc writes its pid file itself; if it has not yet, use the wrapper's child.
for _ in $(seq 1 20); do [[ -s "$DIR/kdc.pid" ]] && break; sleep 0.1; done

cat > "$DIR/env" <<ENV
export KRB5_CONFIG=$DIR/krb5.conf
export KRB5_KDC_PROFILE=$DIR/kdc.conf
export KRB5CCNAME=FILE:$DIR/ccache
export KRB5RCACHEDIR=$DIR
export WINAUTH_REALM=$REALM
export WINAUTH_USER=alice@$REALM
export WINAUTH_PASSWORD_FILE=$DIR/alice.password
export WINAUTH_NTLM_USERS=$DIR/ntlm.users
export WINAUTH_KEYTAB=$DIR/http.keytab
export WINAUTH_KDC_PORT=$PORT
export WINAUTH_KDC_PIDFILE=$DIR/kdc.pid
ENV
echo "realm.sh: realm $REALM up, KDC on 127.0.0.1:$PORT (env: $DIR/env)"
