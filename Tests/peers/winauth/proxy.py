#!/usr/bin/env python3
"""Authenticating reverse proxy for cmsh's Windows-authentication tests.

Accepts real Kerberos (SPNEGO "Negotiate") and/or NTLM from the client,
validated server-side with pyspnego (gssapi + a keytab for Kerberos, an
NTLM_USER_FILE store for NTLM), then forwards the request to the upstream
(`cmsh serve`) with `Authorization: Bearer <token>` and
`X-Forwarded-User: <principal>`, and relays the response.

    proxy.py --listen-port 0 --port-file F --upstream https://127.0.0.1:PORT \
             --upstream-token-file TOKENFILE --mode negotiate|ntlm|both \
             [--keytab K] [--ntlm-users FILE] [--lifetime SECONDS] [--tls-cert PEM]

Plain HTTP/1.1 (or HTTPS with --tls-cert PEM) on 127.0.0.1 with keep-alive (NTLM authenticates the
connection: its legs must share one). The upstream may be http or https;
its certificate is not verified (cmsh serve uses a self-signed one).
One line per request goes to stderr; no secret is ever logged.
"""

import argparse
import base64
import http.client
import http.server
import os
import socket
import ssl
import sys
import threading
import time
import urllib.parse

HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
    "te", "trailer", "trailers", "transfer-encoding", "upgrade",
}
# Request headers never passed upstream (replaced or meaningless there).
DROP_REQUEST = HOP_BY_HOP | {"authorization", "host", "content-length", "expect",
                             "x-forwarded-user", "x-forwarded-for"}
# Response headers not relayed as is.
DROP_RESPONSE = HOP_BY_HOP | {"content-length", "www-authenticate", "server", "date"}

MAX_BODY = 64 * 1024 * 1024


def log(msg):
    sys.stderr.write("proxy: %s %s\n" % (time.strftime("%H:%M:%S"), msg))
    sys.stderr.flush()


class Config:
    upstream = None          # urllib.parse.SplitResult
    token = ""
    schemes = []             # e.g. ["Negotiate", "NTLM"]
    upstream_timeout = 60.0
    tls = None               # ssl.SSLContext when serving HTTPS


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "cmsh-winauth-proxy/1"
    timeout = 60  # idle keep-alive connections are dropped after this

    # Per-connection state (one Handler instance serves one connection).
    def setup(self):
        if Config.tls is not None:
            # TLS handshake here, in the connection's thread (not in accept()).
            self.request.settimeout(self.timeout)
            self.request = Config.tls.wrap_socket(self.request, server_side=True)
        super().setup()
        self.auth_ctx = None
        self.auth_scheme = None
        self.conn_user = None  # NTLM authenticates the connection

    def log_message(self, fmt, *args):  # silence the default access log
        pass

    # -- helpers -----------------------------------------------------------
    def _read_body(self):
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        if "chunked" in te:
            chunks = []
            total = 0
            while True:
                line = self.rfile.readline(65537)
                if not line:
                    raise ValueError("truncated chunked body")
                size = int(line.split(b";", 1)[0].strip(), 16)
                if size == 0:
                    # trailers up to the blank line
                    while True:
                        t = self.rfile.readline(65537)
                        if t in (b"\r\n", b"\n", b""):
                            break
                    break
                total += size
                if total > MAX_BODY:
                    raise ValueError("body too large")
                chunks.append(self.rfile.read(size))
                self.rfile.readline(3)
            return b"".join(chunks)
        length = int(self.headers.get("Content-Length") or 0)
        if length < 0 or length > MAX_BODY:
            raise ValueError("bad Content-Length")
        return self.rfile.read(length) if length else b""

    def _send(self, status, body=b"", headers=(), close=False):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)
        self.wfile.flush()

    def _unauthorized(self, why, challenge_token=None, scheme=None):
        headers = []
        if challenge_token is not None:
            headers.append(("WWW-Authenticate", "%s %s" % (scheme, base64.b64encode(challenge_token).decode())))
        else:
            for s in Config.schemes:
                headers.append(("WWW-Authenticate", s))
        headers.append(("Content-Type", "text/plain; charset=utf-8"))
        self._send(401, ("401 Unauthorized: %s\n" % why).encode(), headers)

    def _new_ctx(self, scheme):
        import spnego
        if scheme == "NTLM":
            return spnego.server(protocol="ntlm")
        # Acceptor credentials: the keytab in KRB5_KTNAME (any principal in it).
        return spnego.server(hostname="localhost", service="HTTP", protocol="negotiate")

    # -- authentication ----------------------------------------------------
    def _authenticate(self):
        """Returns (user, final_token_header or None) or None after sending a 401."""
        authz = self.headers.get("Authorization")
        if not authz:
            if self.conn_user and self.auth_scheme == "NTLM":
                return self.conn_user, None
            self._unauthorized("credentials required")
            return None
        parts = authz.split(None, 1)
        scheme = parts[0]
        canon = {s.lower(): s for s in Config.schemes}.get(scheme.lower())
        if canon is None or len(parts) != 2:
            self.auth_ctx = None
            self._unauthorized("unsupported authorization scheme")
            log("%s %s -> 401 (unsupported scheme %s)" % (self.command, self.path, scheme[:20]))
            return None
        try:
            token = base64.b64decode(parts[1].strip(), validate=True)
        except Exception:
            self.auth_ctx = None
            self._unauthorized("malformed token")
            log("%s %s -> 401 (malformed %s token)" % (self.command, self.path, canon))
            return None

        # A new handshake starts with a fresh context unless we are mid-way
        # through a multi-leg one of the same scheme on this connection.
        if self.auth_ctx is None or self.auth_scheme != canon or self.auth_ctx.complete:
            self.auth_ctx = self._new_ctx(canon)
            self.auth_scheme = canon
            self.conn_user = None
        try:
            out = self.auth_ctx.step(token)
        except Exception as e:  # SpnegoError and friends: bad credentials
            self.auth_ctx = None
            self.conn_user = None
            self._unauthorized("authentication failed (%s)" % type(e).__name__)
            log("%s %s -> 401 (%s failed: %s)" % (self.command, self.path, canon,
                                                str(e).splitlines()[0][:160] if str(e) else type(e).__name__))
            return None
        if not self.auth_ctx.complete:
            self._unauthorized("continue", out or b"", canon)
            log("%s %s -> 401 (%s challenge)" % (self.command, self.path, canon))
            return None
        user = self.auth_ctx.client_principal or ""
        final = None
        if out:
            final = "%s %s" % (canon, base64.b64encode(out).decode())
        if canon == "NTLM":
            self.conn_user = user
        self.auth_ctx = None
        return user, final

    # -- forwarding --------------------------------------------------------
    def _forward(self, user, final_auth, body):
        up = Config.upstream
        if up.scheme == "https":
            ctx = ssl.create_default_context()
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            conn = http.client.HTTPSConnection(up.hostname, up.port or 443, timeout=Config.upstream_timeout, context=ctx)
        else:
            conn = http.client.HTTPConnection(up.hostname, up.port or 80, timeout=Config.upstream_timeout)
        prefix = up.path.rstrip("/")
        headers = {}
        for k, v in self.headers.items():
            if k.lower() in DROP_REQUEST:
                continue
            headers[k] = v
        headers["Host"] = up.netloc
        headers["Authorization"] = "Bearer " + Config.token
        headers["X-Forwarded-User"] = user
        headers["X-Forwarded-For"] = self.client_address[0]
        if body or self.command in ("POST", "PUT", "PATCH"):
            headers["Content-Length"] = str(len(body))
        try:
            conn.request(self.command, prefix + self.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            data = resp.read()
            status, reason = resp.status, resp.reason
            rheaders = [(k, v) for k, v in resp.getheaders() if k.lower() not in DROP_RESPONSE]
        except Exception as e:
            log("%s %s user=%s -> 502 (upstream: %s)" % (self.command, self.path, user, type(e).__name__))
            self._send(502, b"502 Bad Gateway: upstream unreachable\n", [("Content-Type", "text/plain; charset=utf-8")])
            return
        finally:
            conn.close()
        if final_auth:
            rheaders.append(("WWW-Authenticate", final_auth))
        self.send_response(status, reason)
        for k, v in rheaders:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and data:
            self.wfile.write(data)
        self.wfile.flush()
        log("%s %s user=%s -> %d" % (self.command, self.path, user, status))

    def _handle(self):
        try:
            body = self._read_body()
        except Exception:
            self._send(400, b"400 Bad Request\n", [("Content-Type", "text/plain")], close=True)
            return
        res = self._authenticate()
        if res is None:
            if not self.headers.get("Authorization"):
                log("%s %s -> 401 (no credentials)" % (self.command, self.path))
            return
        user, final = res
        self._forward(user, final, body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _handle


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--listen-host", default="127.0.0.1")
    ap.add_argument("--listen-port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--upstream", required=True, help="http(s)://127.0.0.1:PORT[/prefix]")
    ap.add_argument("--upstream-token-file", required=True)
    ap.add_argument("--mode", choices=["negotiate", "ntlm", "both"], required=True)
    ap.add_argument("--keytab", help="acceptor keytab (Negotiate); default: $KRB5_KTNAME")
    ap.add_argument("--ntlm-users", help="NTLM user store, lines DOMAIN:user:password; default: $NTLM_USER_FILE")
    ap.add_argument("--lifetime", type=float, default=600, help="exit after this many seconds (default 600)")
    ap.add_argument("--tls-cert", help="serve HTTPS with this PEM (certificate and key); plain HTTP if omitted")
    args = ap.parse_args()

    if args.listen_host not in ("127.0.0.1", "localhost", "::1"):
        ap.error("--listen-host must be a loopback address")
    up = urllib.parse.urlsplit(args.upstream)
    if up.scheme not in ("http", "https") or not up.hostname:
        ap.error("--upstream must be an http(s) URL")
    if up.hostname not in ("127.0.0.1", "localhost", "::1"):
        ap.error("--upstream must be on loopback")
    Config.upstream = up
    with open(args.upstream_token_file, encoding="utf-8") as f:
        Config.token = f.read().strip()
    if not Config.token:
        ap.error("empty upstream token file")

    Config.schemes = {"negotiate": ["Negotiate"], "ntlm": ["NTLM"], "both": ["Negotiate", "NTLM"]}[args.mode]
    if args.keytab:
        os.environ["KRB5_KTNAME"] = "FILE:" + os.path.abspath(args.keytab)
    if args.ntlm_users:
        os.environ["NTLM_USER_FILE"] = os.path.abspath(args.ntlm_users)
    if "Negotiate" in Config.schemes and not os.environ.get("KRB5_KTNAME"):
        ap.error("negotiate mode needs --keytab (or KRB5_KTNAME)")
    if "NTLM" in Config.schemes and not os.path.isfile(os.environ.get("NTLM_USER_FILE", "")):
        ap.error("ntlm mode needs --ntlm-users (or NTLM_USER_FILE)")
    import spnego  # noqa: F401  (fail early if missing)

    if args.tls_cert:
        Config.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        Config.tls.load_cert_chain(args.tls_cert)
    srv = Server((args.listen_host, args.listen_port), Handler)
    port = srv.server_address[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.replace(tmp, args.port_file)
    log("listening on %s://%s:%d mode=%s upstream=%s lifetime=%ss"
        % ("https" if Config.tls else "http", args.listen_host, port, args.mode, args.upstream, args.lifetime))

    def expire():
        log("lifetime over, exiting")
        sys.stderr.flush()
        os._exit(0)
    t = threading.Timer(args.lifetime, expire)
    t.daemon = True
    t.start()
    try:
        srv.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
