"""The hand-written layer over the generated client: bearer auth, environments, typed errors."""

from __future__ import annotations

import ipaddress
import json
import re
from typing import Any, Mapping, Optional, Union
from urllib.parse import urlsplit

from openbitgo_accesstoken.contract_facts import (
    AMOUNT_PATTERN,
    AMOUNT_PROPERTIES,
    BEARER_TOKEN_RULE,
    ENVIRONMENTS,
    is_bearer_token,
)
from openbitgo_accesstoken.generated import ApiClient, Configuration
from openbitgo_accesstoken.generated.api.access_token_api import AccessTokenApi
from openbitgo_accesstoken.generated.exceptions import ApiException
from openbitgo_accesstoken.generated.models.access_token import AccessToken
from openbitgo_accesstoken.generated.models.base_unit_amount import BaseUnitAmount
from openbitgo_accesstoken.generated.models.create_access_token_request import CreateAccessTokenRequest


class BitGoEnvironment:
    """BitGo's environments: the spec's ``servers``, by their ``x-environment`` name."""

    TEST = ENVIRONMENTS["test"]
    PRODUCTION = ENVIRONMENTS["production"]


class BitGoApiError(Exception):
    """Every non-2xx answer, filled from the contract's ``PlatformError`` body."""

    def __init__(self, status: int, name: Optional[str], error: str, request_id: Optional[str], context: Mapping[str, Any]):
        self.status = status
        self.name = name
        self.error = error
        self.request_id = request_id
        self.context = dict(context)
        super().__init__(str(self))

    def __str__(self) -> str:
        request_id = "" if self.request_id is None else f", requestId: {self.request_id}"
        return f"{self.name or 'BitGoApiError'}: {self.error} (status {self.status}{request_id})"

    def __repr__(self) -> str:
        return f"BitGoApiError({str(self)!r})"


# The spec's BaseUnitAmountString pattern: the generated model does not check it (the generator
# drops it), so "12a" would reach the server.
_AMOUNT_DIGITS = re.compile(AMOUNT_PATTERN)


def as_int(amount: Union[BaseUnitAmount, int, str, None]) -> Optional[int]:
    """An amount as the exact ``int`` it is, whichever form it came in: the generated
    ``BaseUnitAmount`` (a JSON integer or a decimal string, in ``.actual_instance``), an ``int`` or
    a digit string. ``None`` stays ``None``."""
    value = amount.actual_instance if isinstance(amount, BaseUnitAmount) else amount
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"not an amount: {type(value).__name__}")
    if isinstance(value, str) and not _AMOUNT_DIGITS.match(value):
        raise ValueError(f"{_shown(value)} is not an amount: 1 to 78 decimal digits")
    return int(value)


def check_amounts(request: CreateAccessTokenRequest) -> None:
    """Refuses, with a ``ValueError`` naming the field, an amount string that is not 1 to 78
    decimal digits (``"12a"``, ``""``, ``"-5"``, 79 digits), or an integer amount that is negative
    or longer than 78 digits. ``create_access_token`` calls it before sending."""
    _check_amounts(request.to_dict(), "")


def _check_amounts(value: Any, path: str) -> None:
    if isinstance(value, Mapping):
        for key, member in value.items():
            where = f"{path}.{key}" if path else str(key)
            if key in AMOUNT_PROPERTIES and isinstance(member, str) and not _AMOUNT_DIGITS.match(member):
                raise ValueError(f"{where} = {_shown(member)} is not an amount: 1 to 78 decimal digits")
            if (
                key in AMOUNT_PROPERTIES
                and isinstance(member, int)
                and not isinstance(member, bool)
                and not _AMOUNT_DIGITS.match(str(member))
            ):
                # the same digits rule for a JSON integer: non-negative, at most 78 digits
                raise ValueError(f"{where} = {_shown(str(member))} is not an amount: a non-negative integer of 1 to 78 digits")
            _check_amounts(member, where)
    elif isinstance(value, list):
        for i, member in enumerate(value):
            _check_amounts(member, f"{path}[{i}]")


def _shown(text: str) -> str:
    return repr(text) if len(text) <= 20 else f"a string of {len(text)} characters"


class AccessTokenClient:
    """One configured client. ``api`` is the generated ``AccessTokenApi``, wired the same way."""

    def __init__(
        self,
        access_token: str,
        *,
        environment: Optional[str] = None,
        base_url: Optional[str] = None,
        allow_plain_http: bool = False,
    ):
        if not is_bearer_token(access_token):
            # says what is wrong without echoing the value
            raise ValueError(f"access_token must be {BEARER_TOKEN_RULE}")
        self._token = access_token
        self.base_url = _base_url(environment, base_url, allow_plain_http)
        configuration = Configuration(host=self.base_url, access_token=access_token)
        self.api = AccessTokenApi(ApiClient(configuration))

    def create_access_token(self, request: Union[CreateAccessTokenRequest, Mapping[str, Any]]) -> AccessToken:
        """Creates a token; raises ``BitGoApiError`` for any non-2xx answer, and ``ValueError``
        (nothing sent) for a request the generated model or ``check_amounts`` refuses."""
        if not isinstance(request, CreateAccessTokenRequest):
            request = CreateAccessTokenRequest.from_dict(dict(request))
        check_amounts(request)
        try:
            return self.api.create_access_token(request)
        except ApiException as e:
            error = self._api_error(e, request.otp)
        # raised here, after the except block, not in it: the generated exception (its str() shows
        # the raw headers and body, which may echo the token or the otp) becomes neither the
        # error's __cause__ nor its __context__, so no error tracker walking the chain finds it
        raise error

    def _api_error(self, e: ApiException, otp: Optional[str]) -> BitGoApiError:
        text = (e.body or "") if isinstance(e.body, str) else (e.body or b"").decode("utf-8", "replace")
        # a peer may echo a secret it was sent: the client's token, or the request's otp
        for secret in (self._token, otp):
            if secret:
                text = text.replace(secret, "[REDACTED]")
        try:
            body = json.loads(text)
        except ValueError:
            body = None  # not JSON (a proxy's HTML page): keep the status and the header's request id
        fields = body if isinstance(body, dict) else {}
        headers = {k.lower(): v for k, v in (e.headers or {}).items()}
        context = fields.get("context")

        def text_of(key: str) -> Optional[str]:
            value = fields.get(key)
            return value if isinstance(value, str) else None

        return BitGoApiError(
            status=e.status,
            name=text_of("name"),
            error=text_of("error") or e.reason or f"HTTP {e.status}",
            request_id=text_of("requestId") or headers.get("x-request-id"),
            context=context if isinstance(context, dict) else {},
        )

    def __repr__(self) -> str:
        return f"AccessTokenClient({self.base_url})"


def _base_url(environment: Optional[str], base_url: Optional[str], allow_plain_http: bool) -> str:
    if (environment is None) == (base_url is None):
        raise ValueError("give exactly one of environment (BitGoEnvironment.TEST / PRODUCTION) and base_url")
    url = environment if environment is not None else base_url
    assert url is not None
    parts = urlsplit(url)
    if parts.username or parts.password:
        raise ValueError("base_url must not carry credentials")
    if parts.scheme != "https" and not (parts.scheme == "http" and (_is_loopback(parts.hostname) or allow_plain_http)):
        raise ValueError(f"{parts.scheme}://{parts.hostname} must use https (plain http only to loopback, or allow_plain_http)")
    return url.rstrip("/")


def _is_loopback(host: Optional[str]) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False
