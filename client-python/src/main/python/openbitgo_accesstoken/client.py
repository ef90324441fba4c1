"""The hand-written layer over the generated client: bearer auth, environments, typed errors."""

from __future__ import annotations

import ipaddress
import json
import re
from typing import Any, Callable, Iterator, Mapping, Optional, Sequence, TypeVar, Union
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
from openbitgo_accesstoken.generated.models.access_token_info import AccessTokenInfo
from openbitgo_accesstoken.generated.models.access_token_list import AccessTokenList
from openbitgo_accesstoken.generated.models.base_unit_amount import BaseUnitAmount
from openbitgo_accesstoken.generated.models.create_access_token_request import CreateAccessTokenRequest


class BitGoEnvironment:
    """BitGo's environments: the spec's ``servers``, by their ``x-environment`` name."""

    TEST = ENVIRONMENTS["test"]
    PRODUCTION = ENVIRONMENTS["production"]


class BitGoError(Exception):
    """Everything the client raises once a call is under way: ``BitGoApiError`` (a non-2xx answer)
    or ``BitGoLabelError`` (``revoke_by_label`` found no token or several with the label). No
    ``str()``, ``repr()`` or attribute of either holds the access token."""


class BitGoApiError(BitGoError):
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


class BitGoLabelError(BitGoError):
    """``revoke_by_label`` refused, and revoked nothing, because the label does not name exactly one
    of the caller's unexpired tokens: none has it (``matching_ids`` empty), or several do (revoke
    the one you mean by its id)."""

    def __init__(self, label: str, matching_ids: Sequence[str]):
        self.label = label
        self.matching_ids = tuple(matching_ids)
        super().__init__(str(self))

    def __str__(self) -> str:
        if not self.matching_ids:
            return f"no access token has the label {self.label!r}: nothing revoked"
        return (f"{len(self.matching_ids)} access tokens have the label {self.label!r} "
                f"(ids {', '.join(self.matching_ids)}): nothing revoked, revoke one by its id")

    def __repr__(self) -> str:
        return f"BitGoLabelError({str(self)!r})"


TOKEN_ID_PATTERN = "^[0-9a-f]{32}$"
"""The spec's ``TokenId`` pattern, a token's public id (a test keeps it equal to the spec's).
``revoke`` checks it before sending: the id goes into the URL, so a secret passed there by mistake
would reach every access log on the way. The generated ``revoke_access_token`` does not check it."""
_TOKEN_ID = re.compile(TOKEN_ID_PATTERN)

_Answer = TypeVar("_Answer")

# The spec's BaseUnitAmountString pattern: the generated model does not check it (the generator
# drops it), so "12a" would reach the server. Every pattern here is used with fullmatch: in Python's
# re, `$` also matches before a final newline, which the spec's (ECMA-262) `$` does not.
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
    if isinstance(value, str) and not _AMOUNT_DIGITS.fullmatch(value):
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
            if key in AMOUNT_PROPERTIES and isinstance(member, str) and not _AMOUNT_DIGITS.fullmatch(member):
                raise ValueError(f"{where} = {_shown(member)} is not an amount: 1 to 78 decimal digits")
            if (
                key in AMOUNT_PROPERTIES
                and isinstance(member, int)
                and not isinstance(member, bool)
                and not _AMOUNT_DIGITS.fullmatch(str(member))
            ):
                # the same digits rule for a JSON integer: non-negative, at most 78 digits
                raise ValueError(f"{where} = {_shown(str(member))} is not an amount: a non-negative integer of 1 to 78 digits")
            _check_amounts(member, where)
    elif isinstance(value, list):
        for i, member in enumerate(value):
            _check_amounts(member, f"{path}[{i}]")


LARGEST_INTEGER_AMOUNT = 2**63 - 1
"""The largest amount sent as a JSON integer: the spec's ``BaseUnitAmountInteger`` is ``int64``."""


def integer_amounts_within_int64(request: CreateAccessTokenRequest) -> CreateAccessTokenRequest:
    """``request`` with every ``int`` amount beyond ``LARGEST_INTEGER_AMOUNT`` as its decimal
    string, as the spec advises: a reader of the integer form that holds no more than ``int64``
    (Go's generated client) fails on the whole answer holding a larger one. The value is the same;
    the answer echoes the string. ``request`` itself is not changed; it is returned when nothing
    needed it."""
    body = request.to_dict()
    if not _widen_big_integers(body):
        return request
    return CreateAccessTokenRequest.from_dict(body)


def _widen_big_integers(value: Any) -> bool:
    changed = False
    if isinstance(value, dict):
        for key, member in value.items():
            if key in AMOUNT_PROPERTIES and isinstance(member, int) and not isinstance(member, bool) and member > LARGEST_INTEGER_AMOUNT:
                value[key] = str(member)
                changed = True
            else:
                changed |= _widen_big_integers(member)
    elif isinstance(value, list):
        for member in value:
            changed |= _widen_big_integers(member)
    return changed


def refuse_unknown_keys(value: Mapping[str, Any], model: type, path: str = "") -> None:
    """Refuses, with a ``ValueError`` naming it, a key of ``value`` (a request as a dict in the JSON
    field names) that is not a field of the generated ``model``, at any depth. The generated
    ``from_dict`` drops such keys silently (an answer may gain fields in a later release), so a
    misspelt or snake_case ``ip_restrict`` would otherwise create a token without the restriction."""
    fields = {(info.alias or name): info for name, info in model.model_fields.items()}
    for key, member in value.items():
        where = f"{path}.{key}" if path else str(key)
        info = fields.get(key)
        if info is None:
            known = {name: (info.alias or name) for name, info in model.model_fields.items()}
            hint = f" (its JSON name is {known[key]})" if key in known else ""
            raise ValueError(f"{where} is not a field of {model.__name__}{hint}; nothing was sent")
        nested = _model_in(info.annotation)
        if nested is None:
            continue
        if isinstance(member, Mapping):
            refuse_unknown_keys(member, nested, where)
        elif isinstance(member, list):
            for i, item in enumerate(member):
                if isinstance(item, Mapping):
                    refuse_unknown_keys(item, nested, f"{where}[{i}]")


def _model_in(annotation: Any) -> Optional[type]:
    """The generated model class an annotation holds (``Optional[List[SpendingLimit]]`` holds
    ``SpendingLimit``), if it is an object with fields; ``None`` for scalars and amounts."""
    if isinstance(annotation, type):
        fields = getattr(annotation, "model_fields", None)
        return annotation if fields and "actual_instance" not in fields else None
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_in(argument)
        if found is not None:
            return found
    return None


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
            refuse_unknown_keys(request, CreateAccessTokenRequest)
            request = CreateAccessTokenRequest.from_dict(dict(request))
        check_amounts(request)
        request = integer_amounts_within_int64(request)
        return self._call(lambda: self.api.create_access_token(request), request.otp)

    def list(self, limit: Optional[int] = None, prev_id: Optional[str] = None) -> AccessTokenList:
        """One page of the caller's unexpired tokens (none carries its secret). Pass the answer's
        ``next_batch_prev_id`` as ``prev_id`` for the next page; the last page has none
        (``list_all`` does that for you). ``limit`` is 1 to 200 (the server's default is 100); the
        generated method refuses another with a ``ValueError`` before sending. A malformed
        ``prev_id`` is a ``BitGoApiError`` (400)."""
        return self._call(lambda: self.api.list_access_tokens(limit=limit, prev_id=prev_id))

    def list_all(self, limit: Optional[int] = None) -> Iterator[AccessTokenInfo]:
        """Every unexpired token of the caller, a generator that fetches the next page only when
        iteration reaches it (``limit`` is the page size). A token alive for the whole iteration is
        yielded exactly once; one created or revoked meanwhile may or may not be. A server that
        hands back a cursor it already gave would page forever: that raises ``BitGoError``
        instead."""
        cursors = set()
        prev_id = None
        while True:
            page = self.list(limit=limit, prev_id=prev_id)
            yield from page.access_tokens
            prev_id = page.next_batch_prev_id
            if prev_id is None:
                return
            if prev_id in cursors:
                raise BitGoError(f"the list answered the cursor {prev_id} a second time: paging would never end")
            cursors.add(prev_id)

    def revoke(self, token_id: str) -> AccessTokenInfo:
        """Revokes the caller's token with this public id (not its secret): it stops authenticating
        at once. Returns the revoked document; revoking it again returns the same document, so a
        retry is safe. ``BitGoApiError`` 404 when no token of the caller's user has this id; a
        ``ValueError`` that does not echo the value, nothing sent, when ``token_id`` is not
        ``TOKEN_ID_PATTERN`` (e.g. the secret)."""
        if not isinstance(token_id, str) or not _TOKEN_ID.fullmatch(token_id):
            raise ValueError("token_id must be a token's public id, 32 lowercase hexadecimal digits "
                             "(not its secret): nothing was sent")
        return self._call(lambda: self.api.revoke_access_token(token_id))

    def revoke_by_label(self, label: str) -> AccessTokenInfo:
        """Revokes the one unexpired token of the caller with this label, as BitGo's SDK does: lists
        every token, then raises ``BitGoLabelError``, revoking nothing, when no token or more than
        one has the label; otherwise revokes that token by its id."""
        matching_ids = [token.id for token in self.list_all() if token.label == label]
        if len(matching_ids) != 1:
            raise BitGoLabelError(label, matching_ids)
        return self.revoke(matching_ids[0])

    def _call(self, call: Callable[[], _Answer], otp: Optional[str] = None) -> _Answer:
        """``call()``'s answer; any non-2xx answer as ``BitGoApiError``."""
        try:
            return call()
        except ApiException as e:
            error = self._api_error(e, otp)
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
