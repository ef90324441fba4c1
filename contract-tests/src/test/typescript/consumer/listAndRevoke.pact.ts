// What the TypeScript client expects of List and Revoke access tokens, pinned in the same pact as
// create (imported by createAccessToken.pact.test.ts, the consumer's one test file). The tokens a
// state sets up are named by their ids, so a revoke can pin the id it answers.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { MatchersV3 } from '@pact-foundation/pact';
import {
  BEARER,
  HEX32,
  PATH,
  STATE_TOKEN_ACCEPTED,
  STATE_USER_HAS_TOKENS,
  TIMESTAMP,
} from '../contract';
import {
  HEX32_ONLY,
  VALID_TOKEN,
  apiError,
  client,
  jsonHeaders,
  pact,
  platformError,
} from './pactSupport';

const { boolean, regex } = MatchersV3;

const FIRST_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const SECOND_ID = 'b1b2c3d4e5f60718293a4b5c6d7e8f91';
const UNKNOWN_ID = '0123456789abcdef0123456789abcdef';

/** A request from the TypeScript client, authenticated with the valid token, in `state` with `params`. */
function request(
  state: string,
  params: Record<string, unknown>,
  description: string,
  method: 'GET' | 'DELETE',
  path: string,
  query?: Record<string, string>,
) {
  return pact
    .addInteraction()
    .given(state, { token: VALID_TOKEN, ...params })
    .uponReceiving(description)
    .withRequest(method, path, (builder) => {
      builder.headers({ Authorization: regex(BEARER, `Bearer ${VALID_TOKEN}`) });
      if (query !== undefined) builder.query(query);
    });
}

/** A token document as listed or revoked, pinned by shape; never its secret. */
function tokenDocument(id: ReturnType<typeof regex> | string) {
  return {
    id,
    user: regex(HEX32, '5a84db4d6dd6c7dd07d2e3b5a7e9d9c4'),
    created: regex(TIMESTAMP, '2026-11-27T10:15:30.000Z'),
    expires: regex(TIMESTAMP, '2026-12-27T10:15:30.000Z'),
    isExtensible: boolean(false),
  };
}

test('a list request for a page of one token, with the cursor to the next page', async () => {
  await request(
    STATE_USER_HAS_TOKENS,
    { ids: [FIRST_ID, SECOND_ID] },
    'a list request for a page of one token, with the cursor to the next page',
    'GET',
    PATH,
    { limit: '1' },
  )
    .willRespondWith(200, (response) => {
      response.headers(jsonHeaders).jsonBody({
        accessTokens: [tokenDocument(regex(HEX32, FIRST_ID))],
        nextBatchPrevId: regex(HEX32, FIRST_ID),
      });
    })
    .executeTest(async (server) => {
      const page = await client(server.url, VALID_TOKEN).list({ limit: 1 });

      assert.equal(page.accessTokens.length, 1);
      assert.match(page.accessTokens[0]!.id, HEX32_ONLY);
      assert.ok(page.accessTokens[0]!.expires instanceof Date);
      assert.match(page.nextBatchPrevId ?? '', HEX32_ONLY);
    });
});

test('a list request whose limit is out of range', async () => {
  await request(
    STATE_TOKEN_ACCEPTED,
    {},
    'a list request whose limit is out of range',
    'GET',
    PATH,
    { limit: '0' },
  )
    .willRespondWith(400, (response) => {
      response.headers(jsonHeaders).jsonBody(platformError('InvalidRequest', { field: 'limit' }));
    })
    .executeTest(async (server) => {
      const error = await apiError(
        client(server.url, VALID_TOKEN).list({ limit: 0 }),
        400,
        'InvalidRequest',
      );

      assert.equal(error.context['field'], 'limit');
    });
});

test("a revoke request for one of the caller's tokens", async () => {
  await request(
    STATE_USER_HAS_TOKENS,
    { ids: [FIRST_ID] },
    "a revoke request for one of the caller's tokens",
    'DELETE',
    `${PATH}/${FIRST_ID}`,
  )
    .willRespondWith(200, (response) => {
      // the id asked for, exactly: the state created the token under it
      response.headers(jsonHeaders).jsonBody(tokenDocument(FIRST_ID));
    })
    .executeTest(async (server) => {
      const revoked = await client(server.url, VALID_TOKEN).revoke(FIRST_ID);

      assert.equal(revoked.id, FIRST_ID);
      assert.ok(revoked.expires instanceof Date && revoked.created instanceof Date);
    });
});

test("a revoke request for an id that names no token of the caller's user", async () => {
  await request(
    STATE_TOKEN_ACCEPTED,
    {},
    "a revoke request for an id that names no token of the caller's user",
    'DELETE',
    `${PATH}/${UNKNOWN_ID}`,
  )
    .willRespondWith(404, (response) => {
      response.headers(jsonHeaders).jsonBody(platformError('NotFound', { field: 'id' }));
    })
    .executeTest(async (server) => {
      const error = await apiError(
        client(server.url, VALID_TOKEN).revoke(UNKNOWN_ID),
        404,
        'NotFound',
      );

      assert.ok(!error.message.includes(VALID_TOKEN));
    });
});
