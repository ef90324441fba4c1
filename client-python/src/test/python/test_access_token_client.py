"""The installed openbitgo-accesstoken-client wheel against the real stub server jar."""

import os
import re
import socket
import sys
import unittest
from pathlib import Path

import openbitgo_accesstoken
from openbitgo_accesstoken import AccessTokenClient, BitGoApiError, BitGoEnvironment
from openbitgo_accesstoken.generated import ApiClient

from support import SUITE_TOKEN as TOKEN, amount_properties, json_differences, request_example, response_examples, schema, shared_stub

stub = None


def setUpModule():
    global stub
    stub = shared_stub()


def client(token=TOKEN):
    return AccessTokenClient(token, base_url=stub.base_url)


def as_json(model):
    """The model as the client writes it on the wire."""
    return ApiClient().sanitize_for_serialization(model)


class InstalledWheel(unittest.TestCase):
    def test_the_package_under_test_is_the_installed_wheel(self):
        self.assertNotEqual(sys.prefix, sys.base_prefix, "not running in the test venv")
        self.assertTrue(openbitgo_accesstoken.__file__.startswith(sys.prefix), openbitgo_accesstoken.__file__)


class FullRequestExample(unittest.TestCase):
    def test_is_created_with_every_field_and_every_amount_exact(self):
        example = request_example("full")
        created = client().create_access_token(example)
        response = as_json(created)
        self.assertEqual(response["label"], example["label"])
        self.assertEqual(response["scope"], example["scope"])
        self.assertEqual(response["ipRestrict"], example["ipRestrict"])
        self.assertEqual(response["enterprise"], example["enterprise"])
        self.assertEqual((created.expires - created.created).total_seconds(), example["duration"])
        self.assertTrue(example["spendingLimits"])
        for limit in example["spendingLimits"]:
            # same value and same JSON form: a string stays a string, an int an int
            self.assertEqual(json_differences(limit["txValueLimit"], response["unlock"]["spendingLimits"][limit["coin"]]["txValueLimit"]), [])
        self.assertEqual(
            json_differences(example["allErc20TokensLimit"]["txValueLimit"], response["unlock"]["allErc20TokensLimit"]["txValueLimit"]), []
        )

    def test_every_field_of_it_is_sent(self):
        example = request_example("full")
        sent = as_json(openbitgo_accesstoken.CreateAccessTokenRequest.from_dict(example))
        self.assertEqual(json_differences(example, sent), [])


class ResponseExamples(unittest.TestCase):
    @staticmethod
    def round_trip(schema_name, value):
        return as_json(getattr(openbitgo_accesstoken, schema_name).from_dict(value))

    def test_are_parsed_and_written_back_equivalent(self):
        examples = list(response_examples())
        self.assertEqual({"AccessToken", "AccessTokenInfo", "AccessTokenList", "PlatformError"}, {s for _, _, _, s, _ in examples})
        for operation, status, name, schema_name, value in examples:
            with self.subTest(operation=operation, status=status, example=name):
                self.assertEqual(json_differences(value, self.round_trip(schema_name, value)), [])

    def test_a_broken_example_or_a_dropped_field_fails_the_comparison(self):
        created = next(v for op, status, _, _, v in response_examples() if op == "createAccessToken" and status == "200")
        # a field the schema lacks: the generated model drops it, and the round trip says so
        broken = dict(created, surprise="not in the schema")
        self.assertEqual(json_differences(broken, self.round_trip("AccessToken", broken)), ["$.surprise: missing"])
        dropped = {k: v for k, v in created.items() if k != "label"}
        self.assertEqual(json_differences(created, dropped), ["$.label: missing"])
        self.assertEqual(len(json_differences(100000000, "100000000")), 1)
        self.assertEqual(len(json_differences("2026-11-27T10:15:30.000Z", "2026-11-27T10:15:31.000Z")), 1)
        self.assertEqual(json_differences("2026-11-27T10:15:30.000Z", "2026-11-27T10:15:30+00:00"), [])


class Errors(unittest.TestCase):
    def test_a_400_bad_ip_restrict_is_a_bitgo_api_error(self):
        with self.assertRaises(BitGoApiError) as caught:
            client().create_access_token({"label": "bad-ip", "ipRestrict": ["1.2.3.400"]})
        e = caught.exception
        self.assertEqual((e.status, e.name), (400, "InvalidRequest"))
        self.assertEqual(e.context.get("field"), "ipRestrict[0]")
        self.assertRegex(e.request_id or "", r"^\S+$")
        self.assertTrue(str(e).endswith(f"requestId: {e.request_id})"))
        self.assertIsNone(e.__cause__)

    def test_a_401_unknown_token_is_a_bitgo_api_error_that_never_shows_the_token(self):
        unknown_token = "unknown-token-41be09aa"
        unknown = client(unknown_token)
        with self.assertRaises(BitGoApiError) as caught:
            unknown.create_access_token({"label": "who"})
        e = caught.exception
        self.assertEqual((e.status, e.name), (401, "Unauthorized"))
        self.assertRegex(e.request_id or "", r"^\S+$")
        import traceback

        printed = [str(e), repr(e), "".join(traceback.format_exception(e)), repr(unknown), str(vars(e))]
        for text in printed:
            self.assertNotIn(unknown_token, text)


class Amounts(unittest.TestCase):
    def test_a_30_digit_amount_is_exact_as_string_and_as_integer(self):
        big = 123456789012345678901234567890  # beyond 2^64
        int64 = openbitgo_accesstoken.LARGEST_INTEGER_AMOUNT
        self.assertEqual(int64, 2**63 - 1)
        self.assertEqual(schema("BaseUnitAmountInteger")["format"], "int64")
        request = openbitgo_accesstoken.CreateAccessTokenRequest.from_dict(
            {"label": "big", "otp": "0000000", "spendingLimits": [
                {"coin": "eth", "txValueLimit": str(big)}, {"coin": "teth", "txValueLimit": big},
                {"coin": "btc", "txValueLimit": int64 + 1}, {"coin": "ltc", "txValueLimit": int64}]}
        )
        before = as_json(request)
        created = client().create_access_token(request)
        self.assertEqual(as_json(request), before, "the caller's request is not changed")
        # the stub echoes the form it received: an int beyond int64 was sent as its decimal string
        limits = as_json(created)["unlock"]["spendingLimits"]
        self.assertEqual(limits["eth"]["txValueLimit"], str(big))
        self.assertEqual(limits["teth"]["txValueLimit"], str(big))
        self.assertEqual(limits["btc"]["txValueLimit"], str(int64 + 1))
        self.assertEqual(limits["ltc"]["txValueLimit"], int64)
        self.assertEqual(type(limits["ltc"]["txValueLimit"]), int)
        widened = as_json(openbitgo_accesstoken.integer_amounts_within_int64(request))
        self.assertEqual(widened["otp"], "0000000")
        self.assertEqual(json_differences({**before, "spendingLimits": [
            {"coin": "eth", "txValueLimit": str(big)}, {"coin": "teth", "txValueLimit": str(big)},
            {"coin": "btc", "txValueLimit": str(int64 + 1)}, {"coin": "ltc", "txValueLimit": int64}]}, widened), [])

    def test_an_amount_that_is_not_digits_or_an_integer_is_refused(self):
        for bad in (1.5, -1, True):
            with self.subTest(amount=bad), self.assertRaises(ValueError):
                openbitgo_accesstoken.SpendingLimit.from_dict({"coin": "btc", "txValueLimit": bad})


    def test_an_amount_reads_as_an_exact_int_without_actual_instance(self):
        big = 123456789012345678901234567890  # beyond 2^64
        created = client().create_access_token(
            {"label": "read", "spendingLimits": [{"coin": "eth", "txValueLimit": str(big)}, {"coin": "teth", "txValueLimit": big}]}
        )
        limits = created.unlock.spending_limits
        self.assertEqual(openbitgo_accesstoken.as_int(limits["eth"].tx_value_limit), big)
        self.assertEqual(openbitgo_accesstoken.as_int(limits["teth"].tx_value_limit), big)
        self.assertEqual(openbitgo_accesstoken.as_int(limits["eth"].tx_value), 0)
        # the form as it came stays readable too
        self.assertEqual(limits["eth"].tx_value_limit.actual_instance, str(big))
        self.assertEqual(openbitgo_accesstoken.as_int(None), None)
        for bad in ("12a", 1.5, True):
            with self.subTest(amount=bad), self.assertRaises((ValueError, TypeError)):
                openbitgo_accesstoken.as_int(bad)

    def test_the_client_checks_exactly_the_amount_properties_and_pattern_of_the_spec(self):
        self.assertEqual(sorted(openbitgo_accesstoken.AMOUNT_PROPERTIES), amount_properties())
        self.assertEqual(openbitgo_accesstoken.AMOUNT_PATTERN, schema("BaseUnitAmountString")["pattern"])

    def test_a_malformed_amount_string_is_refused_before_anything_is_sent(self):
        # a port nothing listens on: had the client sent anything, urllib3 would fail instead
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        unreachable = AccessTokenClient(TOKEN, base_url=f"http://127.0.0.1:{port}")
        for bad in ("12a", "", "-5", " 5", "1e3", "9" * 79, "5\n"):
            for request, field in (
                ({"label": "bad", "spendingLimits": [{"coin": "btc", "txValueLimit": bad}]}, "spendingLimits[0].txValueLimit"),
                ({"label": "bad", "allErc20TokensLimit": {"txValueLimit": bad}}, "allErc20TokensLimit.txValueLimit"),
            ):
                with self.subTest(amount=bad, field=field), self.assertRaises(ValueError) as caught:
                    unreachable.create_access_token(request)
                self.assertIn(f"{field} = ", str(caught.exception))
                self.assertIn("is not an amount: 1 to 78 decimal digits", str(caught.exception))
        # the longest amount the contract allows is sent and created
        longest = "9" * 78
        created = client().create_access_token({"label": "longest", "spendingLimits": [{"coin": "btc", "txValueLimit": longest}]})
        self.assertEqual(openbitgo_accesstoken.as_int(created.unlock.spending_limits["btc"].tx_value_limit), int(longest))


class UnknownKeys(unittest.TestCase):
    def test_a_key_that_is_not_a_json_field_name_is_refused_at_any_depth_before_anything_is_sent(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        unreachable = AccessTokenClient(TOKEN, base_url=f"http://127.0.0.1:{port}")
        for request, message in (
            # the Python name of a field: the generated from_dict drops it, leaving no restriction
            ({"label": "x", "ip_restrict": ["203.0.113.7"]}, "ip_restrict is not a field of CreateAccessTokenRequest (its JSON name is ipRestrict)"),
            ({"label": "x", "ipRestrictt": ["203.0.113.7"]}, "ipRestrictt is not a field of CreateAccessTokenRequest;"),
            ({"label": "x", "spendingLimits": [{"coin": "btc", "tx_value_limit": "1"}]},
             "spendingLimits[0].tx_value_limit is not a field of SpendingLimit (its JSON name is txValueLimit)"),
            ({"label": "x", "allErc20TokensLimit": {"enabled": True, "limit": "1"}}, "allErc20TokensLimit.limit is not a field of AllErc20TokensLimit;"),
        ):
            with self.subTest(request=request), self.assertRaises(ValueError) as caught:
                unreachable.create_access_token(request)
            self.assertIn(message, str(caught.exception))

    def test_every_json_field_name_is_accepted(self):
        example = request_example("full")
        openbitgo_accesstoken.refuse_unknown_keys(example, openbitgo_accesstoken.CreateAccessTokenRequest)
        created = client().create_access_token(example)
        self.assertEqual(created.ip_restrict, example["ipRestrict"])


class TrailingNewline(unittest.TestCase):
    """Python's `$` matches before a final newline; the spec's (ECMA-262) does not, nor any other
    language's client or the stub."""

    def test_a_bearer_token_read_with_its_newline_is_refused_without_showing_it(self):
        with self.assertRaises(ValueError) as caught:
            AccessTokenClient(TOKEN + "\n", base_url=stub.base_url)
        self.assertNotIn(TOKEN, str(caught.exception))
        self.assertFalse(openbitgo_accesstoken.is_bearer_token(TOKEN + "\n"))

    def test_a_generated_model_refuses_a_pattern_match_that_ends_in_a_newline(self):
        openbitgo_accesstoken.SpendingLimit.from_dict({"coin": "btc", "txValueLimit": "1"})
        with self.assertRaises(ValueError):
            openbitgo_accesstoken.SpendingLimit.from_dict({"coin": "btc\n", "txValueLimit": "1"})


class Readme(unittest.TestCase):
    def test_the_install_line_names_the_wheel_the_build_wrote(self):
        wheel = Path(os.environ["WHEEL_FILE"])
        self.assertTrue(wheel.is_file(), wheel)
        readme = Path(os.environ["CLIENT_PYTHON_README"]).read_text(encoding="utf-8")
        installs = re.findall(r"^pip install (\S+)$", readme, re.MULTILINE)
        self.assertEqual(installs, [wheel.name])
        self.assertIn(f"`client-python/target/{wheel.name}`", readme)


class Configuration(unittest.TestCase):
    def test_environments_and_refusals(self):
        self.assertEqual(AccessTokenClient(TOKEN, environment=BitGoEnvironment.TEST).base_url, "https://app.bitgo-test.com")
        self.assertEqual(AccessTokenClient(TOKEN, environment=BitGoEnvironment.PRODUCTION).base_url, "https://app.bitgo.com")
        for kwargs in ({}, {"environment": BitGoEnvironment.TEST, "base_url": "https://x.example"}, {"base_url": "http://example.com"},
                       {"base_url": "https://u:p@example.com"}):
            with self.subTest(**kwargs), self.assertRaises(ValueError):
                AccessTokenClient(TOKEN, **kwargs)
        with self.assertRaises(ValueError) as caught:
            AccessTokenClient("has space secret", environment=BitGoEnvironment.TEST)
        self.assertNotIn("secret", str(caught.exception))
        self.assertNotIn(TOKEN, repr(AccessTokenClient(TOKEN, environment=BitGoEnvironment.TEST)))
