#!/usr/bin/env python3
"""Minimal HTTPS upstream for selftest.sh: stands in for `cmsh serve`.

Answers every request with 200 and a plain-text echo of what the proxy sent
(whether the bearer token matched, X-Forwarded-User, method, path, body
length) if `Authorization: Bearer <token>` matches the token file, else 401.
Never echoes the token itself. Writes its port to --port-file; exits after
--lifetime seconds.
"""
import argparse, http.server, os, ssl, sys, threading


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--token-file", required=True)
    ap.add_argument("--cert", help="PEM cert+key; plain HTTP if omitted")
    ap.add_argument("--lifetime", type=float, default=300)
    a = ap.parse_args()
    token = open(a.token_file).read().strip()

    class H(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        timeout = 30

        def log_message(self, *args):
            pass

        def _h(self):
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n) if n else b""
            ok = self.headers.get("Authorization") == "Bearer " + token
            if ok:
                out = ("bearer=ok\nuser=%s\nmethod=%s\npath=%s\nbody=%d\n" % (
                    self.headers.get("X-Forwarded-User", ""), self.command, self.path, len(body))).encode()
                self.send_response(200)
            else:
                out = b"bearer=bad\n"
                self.send_response(401)
            self.send_header("Content-Type", "text/plain")
            self.send_header("X-Upstream", "echo")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        do_GET = do_POST = do_PUT = do_DELETE = _h

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
    srv.daemon_threads = True
    if a.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(a.cert)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    with open(a.port_file + ".tmp", "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.replace(a.port_file + ".tmp", a.port_file)
    t = threading.Timer(a.lifetime, lambda: os._exit(0))
    t.daemon = True
    t.start()
    srv.serve_forever(poll_interval=0.5)


if __name__ == "__main__":
    main()
