// The rest of a token's life through the packed client, against the real stub server jar:
// create -> use -> list (paged) -> revoke -> the revoked token's 401; revoke by label. Run by
// accessTokenClient.test.ts, whose stub it shares, as its own user (LIFECYCLE_TOKEN).
import { describe, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import {
  AccessTokenClient,
  BitGoApiError,
  BitGoError,
  BitGoLabelError,
  BitGoTransportError,
  TOKEN_ID,
  type ReadAccessTokenInfo,
} from '@openbitgo/accesstoken-client';
import { LIFECYCLE_TOKEN as TOKEN, suiteStub } from './suiteStub';
import { tokenIdPattern } from './support';

const ID = /^[0-9a-f]{32}$/;

/** Every request the client sent (method and URL), through the real global fetch. */
function countingFetch() {
  const sent: string[] = [];
  const fetchApi = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init);
  };
  return { fetchApi, sent };
}

function client(options: { token?: string; fetchApi?: typeof fetch } = {}) {
  return new AccessTokenClient({
    baseUrl: suiteStub().baseUrl,
    accessToken: options.token ?? TOKEN,
    ...options,
  });
}

const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

async function all(tokens: AsyncIterable<ReadAccessTokenInfo>): Promise<ReadAccessTokenInfo[]> {
  const found: ReadAccessTokenInfo[] = [];
  for await (const token of tokens) found.push(token);
  return found;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
}

describe('list and revoke', () => {
  test('create, use, list a page at a time, revoke, then the revoked token gets a 401', async () => {
    const first = await client().createAccessToken({ label: unique('first') });
    const second = await client().createAccessToken({ label: unique('second') });
    // a token the stub created authenticates: it lists its own user's tokens
    const asFirst = client({ token: first.token! });
    const wire = countingFetch();
    const listed = await all(client({ fetchApi: wire.fetchApi }).listAll({ limit: 1 }));

    for (const created of [first, second]) {
      assert.equal(listed.filter((t) => t.id === created.id).length, 1, `${created.id} once`);
    }
    assert.equal(new Set(listed.map((t) => t.id)).size, listed.length, 'no token twice');
    assert.ok(
      listed.every((t) => ID.test(t.id) && !('token' in t)),
      'no secret in a list',
    );
    // one page per token (limit 1) and a last, empty or final, page: paging really happened
    assert.ok(wire.sent.length >= listed.length, wire.sent.join('\n'));
    assert.ok(wire.sent.every((r) => /^GET .*[?&]limit=1(&|$)/.test(r)));
    assert.ok(wire.sent.slice(1).every((r) => /[?&]prevId=[0-9a-f]{32}(&|$)/.test(r)));

    const page = await asFirst.list({ limit: 1 });
    assert.equal(page.accessTokens.length, 1);
    assert.match(page.nextBatchPrevId ?? '', ID);

    const revokedFrom = Date.now();
    const revoked = await client().revoke(first.id);
    assert.equal(revoked.id, first.id);
    assert.equal(revoked.label, first.label);
    assert.ok(!('token' in revoked), 'no secret in a revoked document');
    assert.ok(revoked.expires!.getTime() <= Date.now() && revoked.expires! < first.expires!);
    assert.ok(revoked.expires!.getTime() >= revokedFrom - 1000);

    const refused = await rejection(asFirst.list());
    assert.ok(refused instanceof BitGoApiError);
    assert.equal(refused.status, 401);
    assert.ok(!refused.message.includes(first.token!));

    // revoking again answers the same document; the token has left the list
    assert.deepEqual(await client().revoke(first.id), revoked);
    const remaining = await all(client().listAll());
    assert.ok(!remaining.some((t) => t.id === first.id));
    assert.ok(remaining.some((t) => t.id === second.id));
  });

  test('listAll fetches a page only when the loop asks for it', async () => {
    await client().createAccessToken({ label: unique('lazy') });
    await client().createAccessToken({ label: unique('lazy') });
    const wire = countingFetch();
    const tokens = client({ fetchApi: wire.fetchApi }).listAll({ limit: 1 });
    assert.equal(wire.sent.length, 0);
    for await (const token of tokens) {
      assert.match(token.id, ID);
      break;
    }
    assert.equal(wire.sent.length, 1);
  });

  test('revokeByLabel revokes the one token with that label', async () => {
    const label = unique('by-label');
    const created = await client().createAccessToken({ label });
    const revoked = await client().revokeByLabel(label);
    assert.equal(revoked.id, created.id);
    const refused = await rejection(client({ token: created.token! }).list());
    assert.ok(refused instanceof BitGoApiError && refused.status === 401);
  });

  test('revokeByLabel refuses, revoking nothing, when no token or two tokens have the label', async () => {
    const missing = unique('nobody');
    const none = await rejection(client().revokeByLabel(missing));
    assert.ok(none instanceof BitGoLabelError && none instanceof BitGoError);
    assert.equal(none.label, missing);
    assert.deepEqual(none.matchingIds, []);
    assert.match(none.message, /no access token has the label/);

    const label = unique('twice');
    const one = await client().createAccessToken({ label });
    const other = await client().createAccessToken({ label });
    const wire = countingFetch();
    const two = await rejection(client({ fetchApi: wire.fetchApi }).revokeByLabel(label));
    assert.ok(two instanceof BitGoLabelError);
    assert.deepEqual([...two.matchingIds].sort(), [one.id, other.id].sort());
    assert.match(two.message, /2 access tokens have the label .*revoke one by its id/);
    assert.ok(
      wire.sent.every((r) => r.startsWith('GET ')),
      'nothing was revoked',
    );
    for (const token of [one, other]) {
      assert.equal(
        (await client({ token: token.token! }).list({ limit: 1 })).accessTokens.length,
        1,
      );
    }
  });

  test('an id that names no token of the caller answers 404', async () => {
    const unknownId = randomBytes(16).toString('hex');
    const refused = await rejection(client().revoke(unknownId));
    assert.ok(refused instanceof BitGoApiError);
    assert.equal(refused.status, 404);
    assert.match(refused.requestId ?? '', /^\S+$/);
  });

  test('a limit out of 1 to 200 answers 400, from list and from listAll', async () => {
    for (const refusal of [
      rejection(client().list({ limit: 0 })),
      rejection(client().list({ limit: 201 })),
      rejection(all(client().listAll({ limit: 0 }))),
    ]) {
      const refused = await refusal;
      assert.ok(refused instanceof BitGoApiError);
      assert.equal(refused.status, 400);
      assert.equal(refused.context['field'], 'limit');
    }
  });

  test('revoke refuses an id that is not a public id, such as the secret, sending nothing', async () => {
    const created = await client().createAccessToken({ label: unique('secret-as-id') });
    const wire = countingFetch();
    for (const notAnId of [created.token!, 'not-an-id', created.id.toUpperCase(), '']) {
      const refused = await rejection(client({ fetchApi: wire.fetchApi }).revoke(notAnId));
      assert.ok(refused instanceof RangeError);
      assert.match(refused.message, /public id, 32 lowercase hexadecimal digits/);
      if (notAnId !== '') assert.ok(!refused.message.includes(notAnId));
    }
    assert.deepEqual(wire.sent, []);
  });

  test('the id the layer checks is the pattern of the spec', () => {
    assert.equal(TOKEN_ID.source, tokenIdPattern());
  });

  test('a peer that hands back a cursor it already gave is refused instead of looped on', async () => {
    const cursor = '59cd72485007a239fb00282ed480da1f';
    let pages = 0;
    const repeating = async () => {
      pages++;
      return new Response(
        JSON.stringify({
          accessTokens: [{ id: cursor, isExtensible: false }],
          nextBatchPrevId: cursor,
        }),
        { status: 200, headers: { 'Content-Type': 'application/json' } },
      );
    };
    const refused = await rejection(all(client({ fetchApi: repeating }).listAll()));
    assert.ok(refused instanceof BitGoTransportError);
    assert.match(refused.message, /cursor .* a second time/);
    assert.equal(pages, 2);
  });

  test('the declared types of listed and revoked documents have no secret', () => {
    // fails to compile without its @ts-expect-error; an unused directive fails the build
    const secretOf = (info: ReadAccessTokenInfo) =>
      // @ts-expect-error a listed or revoked document has no token property
      info.token;
    assert.equal(typeof secretOf, 'function');
  });
});
