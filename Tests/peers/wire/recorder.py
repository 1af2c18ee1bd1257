"""A recording reverse proxy for wire-fixture tests: every request cmsh sends (method, path, headers, body) is
appended to a JSON-lines file in the shape of shared/reference/protocols/*-captured.log, then forwarded to the
upstream `cmsh serve` with a bearer token, and the reply relayed. Plain HTTP on 127.0.0.1 only; exits by itself.

    recorder.py --port-file F --log L --upstream https://127.0.0.1:PORT --token-file T [--lifetime 300] [--break-first]

With --break-first, the first of each kind of request (method, path, CIM-XML operation) is read, recorded with
"broken": true and answered by closing the connection: a server that died mid-request, for the retry tests.
"""
import argparse, http.server, json, socketserver, ssl, sys, threading, urllib.request

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--token-file", required=True)
    ap.add_argument("--lifetime", type=float, default=300)
    ap.add_argument("--break-first", action="store_true")
    a = ap.parse_args()
    token = open(a.token_file).read().strip()
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the upstream is the test's own cmsh serve on loopback
    lock = threading.Lock()
    seen = set()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def relay(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            kind = (self.command, self.path, self.headers.get("CIMMethod"))
            with lock:
                broken = a.break_first and kind not in seen
                seen.add(kind)
                with open(a.log, "a") as f:
                    f.write(json.dumps({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                        "body": body.decode("utf-8", "replace"), "broken": broken}) + "\n")
            if broken:
                self.close_connection = True
                return
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization", "content-length", "connection")}
            headers["Authorization"] = "Bearer " + token
            request = urllib.request.Request(a.upstream + self.path, data=body if body else None, headers=headers, method=self.command)
            try:
                reply = urllib.request.urlopen(request, context=context, timeout=60)
                status, reply_headers, data = reply.status, reply.headers, reply.read()
            except urllib.error.HTTPError as e:
                status, reply_headers, data = e.code, e.headers, e.read()
            self.send_response(status)
            for k, v in reply_headers.items():
                if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = relay

    class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
        daemon_threads = True

    server = Server(("127.0.0.1", 0), Handler)
    with open(a.port_file, "w") as f:
        f.write(str(server.server_address[1]))
    threading.Timer(a.lifetime, server.shutdown).start()
    server.serve_forever()

if __name__ == "__main__":
    main()
