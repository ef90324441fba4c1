"""The installed package never prints a secret: the token's value (AccessToken.token) and the
request's otp, both format: password in the spec. JSON keeps them; every printed form leaves them out."""

import json
import pprint
import traceback
import unittest

from pydantic import ValidationError

from openbitgo_accesstoken import AccessToken, AccessTokenClient, BitGoApiError, CreateAccessTokenRequest
from openbitgo_accesstoken.generated import ApiClient

from support import SUITE_TOKEN as TOKEN, loopback_peer, shared_stub

SECRET = "v2xSECRETc0ffee0123456789abcdef"
OTP = "7351902"
ID = "59cd72485007a239fb00282ed480da1f"
stub = None


def setUpModule():
    global stub
    stub = shared_stub()


def printed(value):
    """Every way a model or an error reaches a log line or a console."""
    forms = [repr(value), str(value), f"{value}", f"{value!r}", pprint.pformat(value)]
    if hasattr(value, "to_str"):
        forms.append(value.to_str())
    if isinstance(value, BaseException):
        forms.append("".join(traceback.format_exception(value)))
    return forms


class Models(unittest.TestCase):
    def assertNeverPrinted(self, secret, value):
        for text in printed(value):
            self.assertNotIn(secret, text)

    def test_an_access_token_never_prints_its_secret_but_keeps_it_in_json(self):
        token = AccessToken.from_dict({"id": ID, "token": SECRET, "label": "bot", "isExtensible": False})
        self.assertNeverPrinted(SECRET, token)
        self.assertIn("label='bot'", repr(token))  # the other fields still print
        self.assertEqual(token.token, SECRET)
        self.assertEqual(token.to_dict()["token"], SECRET)
        self.assertIn(SECRET, token.to_json())

    def test_a_request_never_prints_its_otp_but_sends_it(self):
        request = CreateAccessTokenRequest.from_dict({"label": "with-otp", "otp": OTP})
        self.assertNeverPrinted(OTP, request)
        self.assertEqual(ApiClient().sanitize_for_serialization(request)["otp"], OTP)

    def test_a_validation_error_never_echoes_an_input_that_carries_a_secret(self):
        refusals = [
            lambda: AccessToken(token=SECRET),  # required fields missing: pydantic would quote the whole input
            lambda: AccessToken.from_dict({"id": "not-an-id", "token": SECRET, "isExtensible": "maybe"}),
            lambda: setattr(AccessToken(id=ID, is_extensible=False), "token", [SECRET]),
            lambda: CreateAccessTokenRequest(label=1, otp=OTP),
            lambda: CreateAccessTokenRequest.from_dict({"label": "x", "otp": [OTP]}),
        ]
        for refused in refusals:
            with self.subTest(refused=refused), self.assertRaises(ValidationError) as caught:
                refused()
            for text in printed(caught.exception):
                self.assertNotIn(SECRET, text)
                self.assertNotIn(OTP, text)


class AgainstTheStub(unittest.TestCase):
    def test_a_created_token_prints_without_its_secret(self):
        created = AccessTokenClient(TOKEN, base_url=stub.base_url).create_access_token({"label": "printed", "otp": OTP})
        self.assertRegex(created.token or "", r"^\S{8,}$")
        for text in printed(created):
            self.assertNotIn(created.token, text)

    def test_an_error_never_shows_the_otp_of_the_refused_request(self):
        with self.assertRaises(BitGoApiError) as caught:
            AccessTokenClient(TOKEN, base_url=stub.base_url).create_access_token({"label": "bad-ip", "ipRestrict": ["1.2.3.400"], "otp": OTP})
        for text in printed(caught.exception) + [str(vars(caught.exception))]:
            self.assertNotIn(OTP, text)


class EchoingPeer(unittest.TestCase):
    """A server that quotes the secrets it was sent in its error body: the error still hides them."""

    def test_the_token_and_the_otp_echoed_in_an_error_body_are_redacted(self):
        with loopback_peer(_echo) as base_url:
            client = AccessTokenClient(TOKEN, base_url=base_url)
            with self.assertRaises(BitGoApiError) as caught:
                client.create_access_token({"label": "echo", "otp": OTP})
        e = caught.exception
        self.assertEqual((e.status, e.request_id), (400, "echo-1"))
        self.assertIn("[REDACTED]", e.error)  # the peer did echo them
        for text in printed(e) + [str(vars(e))]:
            self.assertNotIn(OTP, text)
            self.assertNotIn(TOKEN, text)
        # what an error tracker walks: the chain and every attribute, recursively
        reachable = list(_reachable(e))
        self.assertIn(e, reachable)
        for value in reachable:
            for text in (str(value), repr(value)):
                self.assertNotIn(OTP, text, type(value))
                self.assertNotIn(TOKEN, text, type(value))

    def test_the_walk_finds_a_secret_in_a_chained_exception(self):
        # the check above can fail: an error whose __context__ shows a secret is found
        try:
            try:
                raise RuntimeError(f"raw body: {OTP}")
            except RuntimeError:
                raise BitGoApiError(400, "InvalidOtp", "wrong", "r1", {}) from None
        except BitGoApiError as raised:
            self.assertTrue(any(OTP in str(value) for value in _reachable(raised)))


def _reachable(root):
    """Every object reachable from an exception through __cause__, __context__, args and
    attributes, into containers, recursively (tracebacks and frames aside)."""
    seen, pending = set(), [root]
    while pending:
        value = pending.pop()
        if id(value) in seen or value is None or isinstance(value, (str, bytes, int, float, bool)):
            if isinstance(value, (str, bytes)) and id(value) not in seen:
                seen.add(id(value))
                yield value
            continue
        seen.add(id(value))
        yield value
        if isinstance(value, BaseException):
            pending += [value.__cause__, value.__context__, *value.args]
        if isinstance(value, dict):
            pending += [*value.keys(), *value.values()]
        elif isinstance(value, (list, tuple, set, frozenset)):
            pending += list(value)
        if hasattr(value, "__dict__") and not isinstance(value, type):
            pending += list(vars(value).values())


def _echo(request):
    sent = json.loads(request.body)
    return 400, {
        "name": "InvalidOtp",
        "error": f"otp {sent.get('otp')} is wrong for {request.headers['Authorization']}",
        "requestId": "echo-1",
        "context": {"otp": sent.get("otp")},
    }
