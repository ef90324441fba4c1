"""The contract's facts, read from the spec by the build (the Java ``ContractFacts`` reads them
from the spec and writes ``contract-facts.json``, which the wheel ships beside this module): the
bearer-token rule, the environments, the secrets and the amount pattern. Nothing here retypes
them."""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import Any, Dict, Mapping, Tuple

CONTRACT_FACTS: Mapping[str, Any] = json.loads(
    resources.files(__package__).joinpath("contract-facts.json").read_text(encoding="utf-8")
)

_BEARER = CONTRACT_FACTS["bearerToken"]
BEARER_TOKEN_PATTERN: str = _BEARER["pattern"]
BEARER_TOKEN_MIN_LENGTH: int = _BEARER["minLength"]
BEARER_TOKEN_MAX_LENGTH: int = _BEARER["maxLength"]
_BEARER_TOKEN = re.compile(BEARER_TOKEN_PATTERN)

BEARER_TOKEN_RULE = (
    f"{BEARER_TOKEN_MIN_LENGTH} to {BEARER_TOKEN_MAX_LENGTH} RFC 6750 token68 characters"
    " (letters, digits, - . _ ~ + /, then = padding)"
)
"""The bearer-token rule in words, without any token in it."""

ENVIRONMENTS: Dict[str, str] = dict(CONTRACT_FACTS["environments"])
"""BitGo's environments by name: the spec's ``servers`` and their ``x-environment``."""

SENSITIVE_PROPERTIES: Tuple[str, ...] = tuple(CONTRACT_FACTS["sensitiveProperties"])
"""The properties the spec marks ``format: password`` (the token's secret, the otp)."""

AMOUNT_PATTERN: str = CONTRACT_FACTS["amountPattern"]
"""The spec's ``BaseUnitAmountString`` pattern."""

AMOUNT_PROPERTIES: Tuple[str, ...] = tuple(CONTRACT_FACTS["amountProperties"])
"""The JSON properties the spec types ``BaseUnitAmount``, in requests and responses."""


def is_bearer_token(token: object) -> bool:
    """Whether ``token`` may be sent as ``Authorization: Bearer <token>``: the spec's rule, which
    the stub and every client check."""
    return (
        isinstance(token, str)
        and BEARER_TOKEN_MIN_LENGTH <= len(token) <= BEARER_TOKEN_MAX_LENGTH
        and _BEARER_TOKEN.fullmatch(token) is not None  # `$` of re.match allows a final newline
    )
