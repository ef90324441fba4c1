"""The client a team gets by generating its own from the spec with the python generator's DEFAULT
options (`openapi-generator generate -g python -i access-token.yaml`, package `openapi_client`,
none of our templates): it decodes every example and every valid value of the spec exactly."""

import re
import importlib
import os
import sys
import unittest

from support import json_differences, request_examples, response_examples, schema

client = None  # the default-options package, imported from where the build generated it
release_1_0_0 = None  # the same from release 1.0.0's spec: the checks must fail on it
TWO_TO_THE_64 = 2**64
THIRTY_DIGITS = 123456789012345678901234567890


def setUpModule():
    global client, release_1_0_0
    client = _imported("DEFAULT_OPTIONS_CLIENT", "openapi_client")
    release_1_0_0 = _imported("DEFAULT_OPTIONS_CLIENT_1_0_0", "openapi_client_1_0_0")


def _imported(variable, package):
    generated = os.environ.get(variable)
    if not generated:
        raise RuntimeError(f"{variable} is not set: run the tests through mvn verify")
    sys.path.insert(0, generated)
    module = importlib.import_module(package)
    assert module.__file__.startswith(generated), module.__file__
    return module


def written(model):
    """The model as the default client writes it on the wire."""
    return client.ApiClient().sanitize_for_serialization(model)


class Examples(unittest.TestCase):
    def test_every_request_example_decodes_and_is_written_back_equivalent(self):
        examples = request_examples()
        self.assertIn("full", examples)
        for name, value in examples.items():
            with self.subTest(example=name):
                request = client.CreateAccessTokenRequest.from_dict(value)
                self.assertEqual(json_differences(value, written(request)), [])

    def test_every_response_example_decodes_and_is_written_back_equivalent(self):
        examples = list(response_examples())
        self.assertTrue({"200", "400", "401", "404"} <= {status for _, status, _, _, _ in examples})
        self.assertEqual({"createAccessToken", "listAccessTokens", "revokeAccessToken"}, {op for op, _, _, _, _ in examples})
        for operation, status, name, schema_name, value in examples:
            with self.subTest(operation=operation, status=status, example=name):
                model = getattr(client, schema_name).from_dict(value)
                self.assertEqual(json_differences(value, written(model)), [])


class Amounts(unittest.TestCase):
    def test_every_amount_keeps_every_digit_and_its_json_form(self):
        amounts = [0, 2**63 - 1, TWO_TO_THE_64 + 1, THIRTY_DIGITS, "100000000", str(TWO_TO_THE_64 + 1), str(THIRTY_DIGITS)]
        for amount in amounts:
            with self.subTest(amount=amount):
                limit = client.SpendingLimit.from_dict({"coin": "btc", "txValueLimit": amount})
                self.assertEqual(json_differences(amount, written(limit)["txValueLimit"]), [])
                token = client.AccessToken.from_dict({
                    "id": "59cd72485007a239fb00282ed480da1f", "isExtensible": False,
                    "unlock": {"spendingLimits": {"btc": {"txValueLimit": amount}}, "allErc20TokensLimit": {"txValueLimit": amount}},
                })
                unlock = written(token)["unlock"]
                self.assertEqual(json_differences(amount, unlock["spendingLimits"]["btc"]["txValueLimit"]), [])
                self.assertEqual(json_differences(amount, unlock["allErc20TokensLimit"]["txValueLimit"]), [])

    def test_a_value_of_neither_amount_form_is_refused(self):
        # the decoding checks the amount's JSON forms: it is not a pass-through that accepts anything.
        # (It does not check the string form's digits pattern: the python generator drops a pattern
        # inside a oneOf branch, so "12a" decodes; the server refuses it. README, "Python".)
        for bad in (-1, 1.5, None, [1]):
            with self.subTest(amount=bad), self.assertRaises(ValueError):
                client.SpendingLimit.from_dict({"coin": "btc", "txValueLimit": bad})


def valid_scopes():
    """Every named scope, and every wallet scope also bound to a wallet (`wallet_x:<walletId>`)."""
    # Scope is one pattern, ^(name|name|...|wallet_[a-z_]+:[0-9a-f]{32})$: its plain alternatives
    # are the named scopes; a wallet id comes from the request's own scope example
    alternatives = schema("Scope")["pattern"].removeprefix("^(").removesuffix(")$").split("|")
    named = [a for a in alternatives if re.fullmatch(r"[a-z_]+", a)]
    example = schema("CreateAccessTokenRequest")["properties"]["scope"]["example"]
    wallet_id = next(s for s in example if ":" in s).split(":", 1)[1]
    if len(named) < 30:
        raise AssertionError(f"the Scope pattern no longer reads as the named scopes: {named}")
    return named + [f"{name}:{wallet_id}" for name in named if name.startswith("wallet_")]


def scopes_not_read_as_one_string(package):
    """The valid scopes that `package` does not decode to the string itself, request and response."""
    failing = []
    for scope in valid_scopes():
        try:
            request = package.CreateAccessTokenRequest.from_dict({"label": "scoped", "scope": [scope]})
            token = package.AccessToken.from_dict({"id": "59cd72485007a239fb00282ed480da1f", "isExtensible": False, "scope": [scope]})
            one_string = [type(s) for s in request.scope] == [str] and [type(s) for s in token.scope] == [str]
            written_back = package.ApiClient().sanitize_for_serialization(request)["scope"] == [scope]
        except ValueError:  # e.g. "Multiple matches found" for a oneOf of two string branches
            one_string = written_back = False
        if not (one_string and written_back):
            failing.append(scope)
    return failing


class Scopes(unittest.TestCase):
    def test_every_valid_scope_decodes_to_exactly_one_representation_the_string_itself(self):
        self.assertGreater(len(valid_scopes()), 40)
        self.assertEqual(scopes_not_read_as_one_string(client), [])

    def test_the_client_generated_from_release_1_0_0_fails_the_same_check(self):
        self.assertIn("wallet_view_all", scopes_not_read_as_one_string(release_1_0_0))
