"""Client for BitGo's access token API: create, list and revoke tokens.

The models and ``AccessTokenApi`` are generated from the contract (``openbitgo_accesstoken.generated``);
this package adds what the generator does not: bearer auth, environments, one typed error.
Amounts are exact as they come: Python's ``int`` holds any size, and decimal strings stay strings.
"""

from openbitgo_accesstoken.client import (
    AMOUNT_PATTERN,
    AMOUNT_PROPERTIES,
    LARGEST_INTEGER_AMOUNT,
    TOKEN_ID_PATTERN,
    AccessTokenClient,
    BitGoApiError,
    BitGoEnvironment,
    BitGoError,
    BitGoLabelError,
    as_int,
    check_amounts,
    integer_amounts_within_int64,
    refuse_unknown_keys,
)
from openbitgo_accesstoken.contract_facts import is_bearer_token
from openbitgo_accesstoken.generated.models import *  # noqa: F401,F403  the contract's models

__all__ = [
    "AMOUNT_PATTERN",
    "AMOUNT_PROPERTIES",
    "LARGEST_INTEGER_AMOUNT",
    "TOKEN_ID_PATTERN",
    "AccessTokenClient",
    "BitGoApiError",
    "BitGoEnvironment",
    "BitGoError",
    "BitGoLabelError",
    "as_int",
    "check_amounts",
    "integer_amounts_within_int64",
    "is_bearer_token",
    "refuse_unknown_keys",
]
