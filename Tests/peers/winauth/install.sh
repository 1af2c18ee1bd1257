#!/usr/bin/env bash
# Idempotent installer for the Windows-authentication test peer.
# Usage (as root): install.sh VENV_DIR      (the project uses .build/venv)
# Installs MIT Kerberos (KDC, admin tools, client tools, dev headers for the
# gssapi build) from Debian and pinned Python packages into VENV_DIR.
set -euo pipefail

VENV="${1:?usage: install.sh VENV_DIR}"

# Pinned Python versions (runtime deps of pyspnego/gssapi included).
PY_PINS=(
  "pyspnego==0.12.4"
  "gssapi==1.12.0"
  "krb5==0.10.0"
  "decorator==5.3.1"
  "cryptography==50.0.2"
  "cffi==2.1.1"
  "pycparser==3.12"
)

APT_PKGS=(krb5-kdc krb5-admin-server krb5-user libkrb5-dev gcc python3-venv openssl curl)

missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "winauth/install: installing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# krb5-kdc / krb5-admin-server may have started system services on install;
# the peer uses its own throwaway realm, so they are not needed.
for svc in krb5-kdc krb5-admin-server; do
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
    systemctl stop "$svc" >/dev/null 2>&1 || true
  fi
done

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "winauth/install: creating venv $VENV" >&2
  timeout 300 python3 -m venv "$VENV"
fi

need_pip=0
for pin in "${PY_PINS[@]}"; do
  name="${pin%%==*}" ver="${pin##*==}"
  have="$("$VENV/bin/python" - "$name" <<'PY' 2>/dev/null || true
import sys
from importlib.metadata import version
print(version(sys.argv[1]))
PY
)"
  [[ "$have" == "$ver" ]] || need_pip=1
done
if ((need_pip)); then
  echo "winauth/install: installing Python packages: ${PY_PINS[*]}" >&2
  timeout 900 "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${PY_PINS[@]}"
fi

# Import check: gssapi + krb5 (Kerberos/SPNEGO acceptor) and spnego (NTLM) must load.
timeout 60 "$VENV/bin/python" -c 'import gssapi, krb5, spnego, spnego.ntlm' \
  || { echo "winauth/install: import check failed" >&2; exit 1; }
echo "winauth/install: ok" >&2
