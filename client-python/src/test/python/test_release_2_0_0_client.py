"""Old clients keep working: the Python client generated from the 2.0.0 baseline spec (default
options, package ``openapi_client_2_0_0``) runs a FROZEN copy of release 2.0.0's create tests
against this build's stub jar. A MINOR release must leave them passing as written: do not edit
the tests below to follow a new release; a release that needs them changed is not MINOR.

The frozen tests also run against a provider that breaks the 2.0.0 contract (it drops the required
``isExtensible``), and must fail there, so they can fail."""

import importlib
import os
import sys
import unittest

from support import SUITE_TOKEN as TOKEN, loopback_peer, shared_stub

old = None  # the 2.0.0 package, imported from where the build generated it


def setUpModule():
    global old
    generated = os.environ.get("RELEASE_2_0_0_CLIENT")
    if not generated:
        raise RuntimeError("RELEASE_2_0_0_CLIENT is not set: run the tests through mvn verify")
    sys.path.insert(0, generated)
    old = importlib.import_module("openapi_client_2_0_0")
    assert old.__file__.startswith(generated), old.__file__


def api(base_url, token=TOKEN):
    return old.AccessTokenApi(old.ApiClient(old.Configuration(host=base_url, access_token=token)))


# ---- frozen at release 2.0.0: the create tests, written against the generated 2.0.0 client ----

THIRTY_DIGITS = 123456789012345678901234567890  # beyond 2^64


def frozen_create_minimal(test, base_url):
    created = api(base_url).create_access_token(old.CreateAccessTokenRequest.from_dict({"label": "ci-readonly"}))
    test.assertEqual(created.label, "ci-readonly")
    test.assertRegex(created.id, r"^[0-9a-f]{32}$")
    test.assertGreaterEqual(len(created.token or ""), 8)
    test.assertIs(created.is_extensible, False)
    test.assertLess(created.created, created.expires)


def frozen_create_with_a_30_digit_amount(test, base_url):
    request = old.CreateAccessTokenRequest.from_dict(
        {"label": "big", "spendingLimits": [{"coin": "eth", "txValueLimit": str(THIRTY_DIGITS)}, {"coin": "teth", "txValueLimit": THIRTY_DIGITS}]}
    )
    limits = api(base_url).create_access_token(request).unlock.spending_limits
    test.assertEqual(limits["eth"].tx_value_limit.actual_instance, str(THIRTY_DIGITS))
    test.assertEqual(limits["teth"].tx_value_limit.actual_instance, THIRTY_DIGITS)


def frozen_a_400_bad_ip_restrict(test, base_url):
    request = old.CreateAccessTokenRequest.from_dict({"label": "bad-ip", "ipRestrict": ["1.2.3.400"]})
    with test.assertRaises(old.ApiException) as caught:
        api(base_url).create_access_token(request)
    test.assertEqual(caught.exception.status, 400)
    error = old.PlatformError.from_json(caught.exception.body)
    test.assertEqual((error.name, error.context.get("field")), ("InvalidRequest", "ipRestrict[0]"))
    test.assertRegex(error.request_id, r"^\S+$")


def frozen_a_401_unknown_token(test, base_url):
    with test.assertRaises(old.ApiException) as caught:
        api(base_url, "unknown-token-41be09aa").create_access_token(old.CreateAccessTokenRequest.from_dict({"label": "who"}))
    test.assertEqual(caught.exception.status, 401)
    test.assertEqual(old.PlatformError.from_json(caught.exception.body).name, "Unauthorized")


FROZEN = (frozen_create_minimal, frozen_create_with_a_30_digit_amount, frozen_a_400_bad_ip_restrict, frozen_a_401_unknown_token)

# ---- end of the frozen copy ----


class Release200ClientAgainstThisStub(unittest.TestCase):
    def test_is_the_2_0_0_client(self):
        # generated from the baseline, not from today's spec: it has create and nothing else
        operations = {name for name in vars(old.AccessTokenApi) if not name.startswith("_")}
        self.assertIn("create_access_token", operations)
        self.assertFalse({"list_access_tokens", "revoke_access_token"} & operations, operations)

    def test_every_frozen_create_test_passes(self):
        base_url = shared_stub().base_url
        for frozen in FROZEN:
            with self.subTest(frozen.__name__):
                frozen(self, base_url)


def drops_is_extensible(request):
    """A provider that breaks 2.0.0: its create answer lacks the required isExtensible."""
    return 200, {"id": "59cd72485007a239fb00282ed480da1f", "label": "ci-readonly", "token": "v2xabcdef0123456789"}


class TheFrozenTestsCanFail(unittest.TestCase):
    def test_a_provider_that_drops_a_required_field_fails_them(self):
        with loopback_peer(drops_is_extensible) as base_url:
            with self.assertRaises(ValueError) as caught:
                frozen_create_minimal(self, base_url)
        self.assertIn("isExtensible", str(caught.exception))
