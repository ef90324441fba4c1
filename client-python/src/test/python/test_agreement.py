"""The agreement table (agreement/README.md): for each row, whether this client refuses the input
before sending or sends it. A loopback server counts what arrives; the verdicts go to
target/agreement-verdicts.json, which the agreement module compares with the stub's, the Java
client's and the TypeScript package's."""

import hashlib
import json
import os
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from openbitgo_accesstoken import AccessTokenClient, BitGoApiError


def _replaced(template, value):
    if template == "$value":
        return value
    if isinstance(template, list):
        return [_replaced(item, value) for item in template]
    if isinstance(template, dict):
        return {k: _replaced(v, value) for k, v in template.items()}
    return template


class _CountingPeer(BaseHTTPRequestHandler):
    arrived = 0

    def do_POST(self):  # noqa: N802  (http.server's naming)
        type(self).arrived += 1
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"error":"judged by the server","requestId":"agreement","context":{}}'
        self.send_response(400)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class AgreementTableTest(unittest.TestCase):
    def test_each_input_is_refused_before_sending_or_sent(self):
        with open(os.environ["AGREEMENT_TABLE"], "rb") as f:
            raw = f.read()
        table = json.loads(raw)  # Python's int keeps 18446744073709551617 exact
        server = ThreadingHTTPServer(("127.0.0.1", 0), _CountingPeer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base_url = f"http://127.0.0.1:{server.server_address[1]}"
        observations = {}
        try:
            for row in table["rows"]:
                field = table["fields"][row["field"]]
                before = _CountingPeer.arrived
                token = row["value"] if field["in"] == "authorization" else table["callerToken"]
                body = _replaced(field["body"], row["value"]) if field["in"] == "body" else field["body"]
                try:
                    AccessTokenClient(token, base_url=base_url).create_access_token(body)
                except (ValueError, TypeError, BitGoApiError):
                    pass  # a refusal before sending, or the server's 400: the count below tells which
                observations[row["id"]] = "sent" if _CountingPeer.arrived > before else "refused"
        finally:
            server.shutdown()
            server.server_close()
        with open(os.environ["AGREEMENT_VERDICTS"], "w", encoding="utf-8") as f:
            json.dump(
                {"component": "python", "tableSha256": hashlib.sha256(raw).hexdigest(), "observations": observations},
                f,
                indent=2,
            )
            f.write("\n")
        self.assertEqual(len(observations), len(table["rows"]))


if __name__ == "__main__":
    unittest.main()
