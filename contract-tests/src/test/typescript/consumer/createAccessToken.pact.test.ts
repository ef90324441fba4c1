// What the TypeScript client expects of Create access token, pinned as a V4 pact by pact-js. Each
// interaction drives the packed @openbitgo/accesstoken-client (installed from its .tgz, as a user
// gets it) against Pact's mock server; the matchers are as strict as the Java consumer's.
// The consumer's one test file: node --test runs each test file in its own process, all writing
// the same pact file, which pactSupport resets once per run; so list and revoke
// (listAndRevoke.pact.ts) are imported here rather than being a test file of their own.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { MatchersV3 } from '@pact-foundation/pact';
import { baseUnits, safeInteger } from '@openbitgo/accesstoken-client';
import {
  BEARER,
  DIGITS,
  HEX32,
  IPV4,
  IPV4_OR_CIDR,
  JSON_CONTENT_TYPE,
  PATH,
  SCOPE,
  STATE_TOKEN_ACCEPTED,
  STATE_TOKEN_UNKNOWN,
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
import './listAndRevoke.pact';

const { boolean, integer, number, regex, string } = MatchersV3;

const UNKNOWN_TOKEN = 'v2xbadc0ffeebadc0ffeebadc0ffeebadc0ffeebadc0ffeebadc0ffeebadc0ffe';
const WALLET_SCOPE = 'wallet_spend:59cd72485007a239fb00282ed480da1f';
const BIG_AMOUNT = '123456789012345678901234567890';

/** A create request from the TypeScript client, authenticated with `token`, in `state`, sending `body`. */
function createRequest(state: string, token: string, description: string, body: unknown) {
  return pact
    .addInteraction()
    .given(state, { token })
    .uponReceiving(description)
    .withRequest('POST', PATH, (request) => {
      request
        .headers({
          Authorization: regex(BEARER, `Bearer ${token}`),
          'Content-Type': regex(JSON_CONTENT_TYPE, 'application/json'),
        })
        .jsonBody(body);
    });
}

/** The fields every created token carries, pinned by shape. */
const createdTokenCore = {
  id: regex(HEX32, '59cd72485007a239fb00282ed480da1f'),
  token: string('v2x8d5e9f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6'),
  user: regex(HEX32, '5a84db4d6dd6c7dd07d2e3b5a7e9d9c4'),
  origin: string('test.bitgo.com'),
  ip: regex(IPV4, '127.0.0.1'),
  created: regex(TIMESTAMP, '2026-11-27T10:15:30.000Z'),
  expires: regex(TIMESTAMP, '2026-12-27T10:15:30.000Z'),
  isExtensible: boolean(false),
};

test('a create request with a label only', async () => {
  await createRequest(STATE_TOKEN_ACCEPTED, VALID_TOKEN, 'a create request with a label only', {
    label: string('ci-readonly'),
  })
    .willRespondWith(200, (response) => {
      response.headers(jsonHeaders).jsonBody({ ...createdTokenCore, label: string('ci-readonly') });
    })
    .executeTest(async (server) => {
      const created = await client(server.url, VALID_TOKEN).createAccessToken({
        label: 'ci-readonly',
      });

      assert.match(created.id, HEX32_ONLY);
      assert.match(created.user ?? '', HEX32_ONLY);
      assert.ok((created.token ?? '').length > 0);
      assert.equal(created.label, 'ci-readonly');
      assert.ok(
        created.created instanceof Date &&
          created.expires instanceof Date &&
          created.expires > created.created,
      );
    });
});

test('a create request with every documented field', async () => {
  const request = {
    label: string('treasury-bot'),
    scope: [regex(SCOPE, 'wallet_view_all'), regex(SCOPE, WALLET_SCOPE)],
    duration: integer(2592000),
    ipRestrict: [regex(IPV4_OR_CIDR, '203.0.113.7'), regex(IPV4_OR_CIDR, '198.51.100.0/24')],
    enterprise: string('5a84db4d6dd6c7dd07d2e3b5a7e9d9c4'),
    admin: boolean(false),
    spendingLimits: [
      { coin: string('btc'), txValueLimit: integer(100000000) },
      { coin: string('eth'), maxLimit: boolean(false), txValueLimit: regex(DIGITS, BIG_AMOUNT) },
    ],
    allErc20TokensLimit: {
      enabled: boolean(true),
      maxLimit: boolean(false),
      txValueLimit: regex(DIGITS, '5000000000000000000'),
    },
  };
  const answer = {
    ...createdTokenCore,
    label: string('treasury-bot'),
    enterprise: string('5a84db4d6dd6c7dd07d2e3b5a7e9d9c4'),
    scope: [string('wallet_view_all'), string(WALLET_SCOPE)],
    ipRestrict: [regex(IPV4_OR_CIDR, '203.0.113.7'), regex(IPV4_OR_CIDR, '198.51.100.0/24')],
    unlock: {
      time: regex(TIMESTAMP, '2026-11-27T10:15:30.000Z'),
      expires: regex(TIMESTAMP, '2026-12-27T10:15:30.000Z'),
      spendingLimits: {
        btc: { txCount: integer(0), txValue: number(0), txValueLimit: integer(100000000) },
        eth: { txCount: integer(0), txValue: number(0), txValueLimit: regex(DIGITS, BIG_AMOUNT) },
      },
    },
  };
  await createRequest(
    STATE_TOKEN_ACCEPTED,
    VALID_TOKEN,
    'a create request with every documented field',
    request,
  )
    .willRespondWith(200, (response) => {
      response.headers(jsonHeaders).jsonBody(answer);
    })
    .executeTest(async (server) => {
      const created = await client(server.url, VALID_TOKEN).createAccessToken({
        label: 'treasury-bot',
        scope: ['wallet_view_all', WALLET_SCOPE],
        duration: 2592000,
        ipRestrict: ['203.0.113.7', '198.51.100.0/24'],
        enterprise: '5a84db4d6dd6c7dd07d2e3b5a7e9d9c4',
        admin: false,
        spendingLimits: [
          { coin: 'btc', txValueLimit: safeInteger(100000000) },
          { coin: 'eth', maxLimit: false, txValueLimit: baseUnits(BigInt(BIG_AMOUNT)) },
        ],
        allErc20TokensLimit: {
          enabled: true,
          maxLimit: false,
          txValueLimit: baseUnits('5000000000000000000'),
        },
      });

      assert.deepEqual(created.scope, ['wallet_view_all', WALLET_SCOPE]);
      assert.deepEqual(created.ipRestrict, ['203.0.113.7', '198.51.100.0/24']);
      // every digit of both amount forms survives the client: the string as a string, the integer as a number
      assert.equal(created.unlock?.spendingLimits?.['eth']?.txValueLimit, BIG_AMOUNT);
      assert.equal(created.unlock?.spendingLimits?.['btc']?.txValueLimit, 100000000);
    });
});

test('a create request whose ipRestrict entry is not an IPv4 address', async () => {
  await createRequest(
    STATE_TOKEN_ACCEPTED,
    VALID_TOKEN,
    'a create request whose ipRestrict entry is not an IPv4 address',
    {
      label: string('bad-ip'),
      ipRestrict: ['300.1.2.3'],
    },
  )
    .willRespondWith(400, (response) => {
      response
        .headers(jsonHeaders)
        .jsonBody(
          platformError('InvalidRequest', { field: regex('ipRestrict\\[0\\]', 'ipRestrict[0]') }),
        );
    })
    .executeTest(async (server) => {
      const error = await apiError(
        client(server.url, VALID_TOKEN).createAccessToken({
          label: 'bad-ip',
          ipRestrict: ['300.1.2.3'],
        }),
        400,
        'InvalidRequest',
      );

      assert.equal(error.context['field'], 'ipRestrict[0]');
      assert.ok(error.message.includes(error.requestId!) && !error.message.includes(VALID_TOKEN));
    });
});

test('a create request with an unknown bearer token', async () => {
  await createRequest(
    STATE_TOKEN_UNKNOWN,
    UNKNOWN_TOKEN,
    'a create request with an unknown bearer token',
    { label: string('ci-readonly') },
  )
    .willRespondWith(401, (response) => {
      response.headers(jsonHeaders).jsonBody(platformError('Unauthorized', {}));
    })
    .executeTest(async (server) => {
      const error = await apiError(
        client(server.url, UNKNOWN_TOKEN).createAccessToken({ label: 'ci-readonly' }),
        401,
        'Unauthorized',
      );

      assert.ok(
        !String(error).includes(UNKNOWN_TOKEN) && !JSON.stringify(error).includes(UNKNOWN_TOKEN),
      );
    });
});
