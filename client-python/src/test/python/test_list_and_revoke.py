"""The rest of a token's life through the installed wheel, against the real stub server jar:
create -> use -> list (paged) -> revoke -> the revoked token's 401; revoke by label."""

import secrets
import socket
import traceback
import unittest
from datetime import datetime, timezone

from openbitgo_accesstoken import TOKEN_ID_PATTERN, AccessTokenClient, BitGoApiError, BitGoError, BitGoLabelError

from support import SUITE_TOKEN as TOKEN, loopback_peer, shared_stub, token_id_pattern

stub = None


def setUpModule():
    global stub
    stub = shared_stub()


def client(token=TOKEN):
    return AccessTokenClient(token, base_url=stub.base_url)


def unique(prefix):
    return f"{prefix}-{secrets.token_hex(4)}"


class CountingClient(AccessTokenClient):
    """The real client, counting the pages it asks for."""

    def __init__(self, token=TOKEN):
        super().__init__(token, base_url=stub.base_url)
        self.pages = []

    def list(self, limit=None, prev_id=None):
        self.pages.append((limit, prev_id))
        return super().list(limit=limit, prev_id=prev_id)


def unreachable_client():
    """A client whose server port nothing listens on: had it sent anything, urllib3 would fail."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return AccessTokenClient(TOKEN, base_url=f"http://127.0.0.1:{port}")


class Lifecycle(unittest.TestCase):
    def test_create_use_list_paged_revoke_then_the_revoked_token_gets_a_401(self):
        first = client().create_access_token({"label": unique("first")})
        second = client().create_access_token({"label": unique("second")})
        as_first = client(first.token)  # a token the stub created authenticates

        paging = CountingClient()
        listed = list(paging.list_all(limit=1))
        ids = [token.id for token in listed]
        for created in (first, second):
            self.assertEqual(ids.count(created.id), 1, created.id)
        self.assertEqual(len(set(ids)), len(ids), "no token twice")
        self.assertTrue(all(not hasattr(token, "token") and "token" not in token.to_dict() for token in listed))
        # one page per token (limit 1), each after the first asked with the previous cursor
        self.assertGreaterEqual(len(paging.pages), len(listed))
        self.assertEqual(paging.pages[0], (1, None))
        self.assertTrue(all(limit == 1 and prev_id for limit, prev_id in paging.pages[1:]))

        page = as_first.list(limit=1)
        self.assertEqual(len(page.access_tokens), 1)
        self.assertRegex(page.next_batch_prev_id or "", TOKEN_ID_PATTERN)

        revoked_from = datetime.now(timezone.utc)
        revoked = client().revoke(first.id)
        self.assertEqual((revoked.id, revoked.label), (first.id, first.label))
        self.assertNotIn("token", revoked.to_dict())
        self.assertLessEqual(revoked.expires, datetime.now(timezone.utc))
        self.assertLess(revoked.expires, first.expires)
        self.assertGreaterEqual(revoked.expires.timestamp(), revoked_from.timestamp() - 1)

        with self.assertRaises(BitGoApiError) as caught:
            as_first.list()
        self.assertEqual(caught.exception.status, 401)
        self.assertNotIn(first.token, "".join(traceback.format_exception(caught.exception)))

        # revoking again answers the same document; the token has left the list
        self.assertEqual(client().revoke(first.id).to_dict(), revoked.to_dict())
        remaining = [token.id for token in client().list_all()]
        self.assertNotIn(first.id, remaining)
        self.assertIn(second.id, remaining)

    def test_list_all_fetches_a_page_only_when_iteration_reaches_it(self):
        for _ in range(2):
            client().create_access_token({"label": unique("lazy")})
        paging = CountingClient()
        tokens = paging.list_all(limit=1)
        self.assertEqual(paging.pages, [])
        self.assertRegex(next(tokens).id, TOKEN_ID_PATTERN)
        self.assertEqual(paging.pages, [(1, None)])


class RevokeByLabel(unittest.TestCase):
    def test_revokes_the_one_token_with_that_label(self):
        label = unique("by-label")
        created = client().create_access_token({"label": label})
        self.assertEqual(client().revoke_by_label(label).id, created.id)
        with self.assertRaises(BitGoApiError) as caught:
            client(created.token).list()
        self.assertEqual(caught.exception.status, 401)

    def test_refuses_revoking_nothing_when_no_token_or_two_tokens_have_the_label(self):
        missing = unique("nobody")
        with self.assertRaises(BitGoLabelError) as caught:
            client().revoke_by_label(missing)
        self.assertIsInstance(caught.exception, BitGoError)
        self.assertEqual((caught.exception.label, caught.exception.matching_ids), (missing, ()))
        self.assertIn("no access token has the label", str(caught.exception))

        label = unique("twice")
        one = client().create_access_token({"label": label})
        other = client().create_access_token({"label": label})
        with self.assertRaises(BitGoLabelError) as caught:
            client().revoke_by_label(label)
        e = caught.exception
        self.assertEqual(sorted(e.matching_ids), sorted([one.id, other.id]))
        self.assertRegex(str(e), r"^2 access tokens have the label .*revoke one by its id$")
        self.assertIsNone(e.__context__)
        for text in (str(e), repr(e), "".join(traceback.format_exception(e)), str(vars(e))):
            self.assertNotIn(TOKEN, text)
            self.assertNotIn(one.token, text)
        for token in (one, other):  # nothing was revoked: both still authenticate
            self.assertEqual(len(client(token.token).list(limit=1).access_tokens), 1)


class Refusals(unittest.TestCase):
    def test_an_id_that_names_no_token_of_the_caller_is_a_404(self):
        with self.assertRaises(BitGoApiError) as caught:
            client().revoke(secrets.token_hex(16))
        self.assertEqual(caught.exception.status, 404)
        self.assertRegex(caught.exception.request_id or "", r"^\S+$")
        self.assertIsNone(caught.exception.__context__)

    def test_a_malformed_cursor_is_a_400_from_the_server(self):
        with self.assertRaises(BitGoApiError) as caught:
            client().list(prev_id="not-a-cursor")
        self.assertEqual((caught.exception.status, caught.exception.context.get("field")), (400, "prevId"))

    def test_a_limit_out_of_1_to_200_is_refused_before_anything_is_sent(self):
        unreachable = unreachable_client()
        for limit in (0, 201, -1):
            with self.subTest(limit=limit), self.assertRaises(ValueError):
                unreachable.list(limit=limit)
            with self.subTest(limit=limit), self.assertRaises(ValueError):
                next(unreachable.list_all(limit=limit))

    def test_revoke_refuses_an_id_that_is_not_a_public_id_such_as_the_secret_sending_nothing(self):
        secret = client().create_access_token({"label": unique("secret-as-id")}).token
        unreachable = unreachable_client()
        # a final newline (as read from a file) passed re.match's `$`
        for not_an_id in (secret, "not-an-id", "59CD72485007A239FB00282ED480DA1F", "", "59cd72485007a239fb00282ed480da1f\n"):
            with self.subTest(length=len(not_an_id)), self.assertRaises(ValueError) as caught:
                unreachable.revoke(not_an_id)
            self.assertIn("public id, 32 lowercase hexadecimal digits", str(caught.exception))
            if not_an_id:
                self.assertNotIn(not_an_id, str(caught.exception))

    def test_the_id_the_client_checks_is_the_pattern_of_the_spec(self):
        self.assertEqual(TOKEN_ID_PATTERN, token_id_pattern())


class RepeatingCursor(unittest.TestCase):
    def test_a_server_that_hands_back_a_cursor_it_already_gave_is_refused_instead_of_looped_on(self):
        cursor = "59cd72485007a239fb00282ed480da1f"
        pages = []

        def repeating(request):
            pages.append(request.path)
            return 200, {"accessTokens": [{"id": cursor, "isExtensible": False}], "nextBatchPrevId": cursor}

        with loopback_peer(repeating) as base_url:
            with self.assertRaises(BitGoError) as caught:
                list(AccessTokenClient(TOKEN, base_url=base_url).list_all())
        self.assertRegex(str(caught.exception), r"cursor .* a second time")
        self.assertEqual(len(pages), 2)
