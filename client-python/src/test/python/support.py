"""Test support: the real stub server jar, the spec's own examples, a strict JSON comparison."""

import atexit
import contextlib
import json
import os
import re
import subprocess
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class RunningStub:
    """``java @$STUB_ARGS --port 0 --token <token>`` (the README's command).

    The bound port is read from its banner.
    """

    def __init__(self, token: str):
        args_file = os.environ.get("STUB_ARGS")
        if not args_file:
            raise RuntimeError("STUB_ARGS is not set: run the tests through mvn verify")
        self._process = subprocess.Popen(
            ["java", "@" + args_file, "--port", "0", "--token", token],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        seen = []
        for line in self._process.stdout:
            seen.append(line)
            banner = re.search(r"listening on (http://[^\s/]+)/", line)
            if banner:
                self.base_url = banner.group(1)
                break
        else:
            self._process.wait()
            raise RuntimeError("stub server exited before listening:\n" + "".join(seen))
        # keep draining the request log so the server never blocks on a full pipe
        threading.Thread(target=self._process.stdout.read, daemon=True).start()

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()


@contextlib.contextmanager
def loopback_peer(answer):
    """A plain HTTP server on 127.0.0.1 playing a broken or echoing provider: ``answer(request)``,
    given the handler (``.command``, ``.path``, ``.headers``, ``.body`` as bytes), returns
    ``(status, json_value)``. Yields the base URL; stopped after the block, failures included."""

    class Handler(BaseHTTPRequestHandler):
        def _answer(self):
            self.body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, value = answer(self)
            body = json.dumps(value).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_DELETE = _answer

        def log_message(self, *args):
            pass  # keep the test output to the test runner's lines

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


SUITE_TOKEN = "py-suite-token-7d21c4"
_shared = None


def shared_stub() -> RunningStub:
    """One stub server (accepting SUITE_TOKEN) for every test module of the run: started on first
    use, stopped when the run exits, failures included."""
    global _shared
    if _shared is None:
        _shared = RunningStub(SUITE_TOKEN)
        atexit.register(_shared.stop)
    return _shared


def _spec():
    path = os.environ.get("CONTRACT_SPEC_JSON")
    if not path:
        raise RuntimeError("CONTRACT_SPEC_JSON is not set: run the tests through mvn verify")
    with open(path, encoding="utf-8") as f:
        return json.load(f)  # json keeps every digit as int


def _operation():
    return _spec()["paths"]["/api/v2/user/accesstoken"]["post"]


def request_example(name: str) -> dict:
    return request_examples()[name]


def request_examples() -> dict:
    """Every request example of the spec, by name."""
    examples = _operation()["requestBody"]["content"]["application/json"]["examples"]
    return {name: example["value"] for name, example in examples.items()}


def schema(name: str) -> dict:
    return _spec()["components"]["schemas"][name]


def amount_properties() -> list:
    """The names of every schema property whose schema is the spec's ``BaseUnitAmount``."""
    return sorted({
        name
        for definition in _spec()["components"]["schemas"].values()
        for name, prop in definition.get("properties", {}).items()
        if prop.get("$ref") == "#/components/schemas/BaseUnitAmount"
    })


def response_examples():
    """Every response example of every operation of the spec (create, list, revoke), as
    (operation_id, status, name, schema name, value)."""
    for path in _spec()["paths"].values():
        for operation in path.values():
            for status, response in operation["responses"].items():
                content = response["content"]["application/json"]
                schema_name = content["schema"]["$ref"].rsplit("/", 1)[-1]
                for name, example in content["examples"].items():
                    yield operation["operationId"], status, name, schema_name, example["value"]


def token_id_pattern() -> str:
    """The pattern of the spec's ``TokenId`` parameter (a token's public id)."""
    return _spec()["components"]["parameters"]["TokenId"]["schema"]["pattern"]


_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def json_differences(expected, actual, path="$"):
    """Where ``actual`` differs: a missing or extra field, another JSON type, another value.
    Timestamps compare as instants; an int is never equal to a string or a bool."""
    if isinstance(expected, str) and isinstance(actual, str) and _TIMESTAMP.match(expected) and _TIMESTAMP.match(actual):
        return [] if _instant(expected) == _instant(actual) else [f"{path}: instant {expected} became {actual}"]
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return [f"{path}: {len(expected)} items became {len(actual)}"]
        return [d for i, (e, a) in enumerate(zip(expected, actual)) for d in json_differences(e, a, f"{path}[{i}]")]
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            if key not in actual:
                found.append(f"{path}.{key}: missing")
            elif key not in expected:
                found.append(f"{path}.{key}: not expected")
            else:
                found += json_differences(expected[key], actual[key], f"{path}.{key}")
        return found
    if type(expected) is type(actual) and expected == actual:
        return []
    return [f"{path}: {type(expected).__name__} {expected!r} became {type(actual).__name__} {actual!r}"]
