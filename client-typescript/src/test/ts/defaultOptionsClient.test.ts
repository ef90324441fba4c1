// The client a team gets by generating its own from the spec with typescript-fetch's DEFAULT
// options (none of our templates, no layer), compiled with tsc strict by the build: it decodes
// every example and every valid value of the spec. It reads JSON with JSON.parse, so an integer
// beyond 2^53 arrives as the nearest double: the README tells such teams to send amounts as
// strings, and those keep every digit.
import { describe, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { stringifyJson, type JsonValue } from '@openbitgo/accesstoken-client';
import { jsonDifferences, requestExamples, responseExamples, schema } from './support';

type Codec = (json: unknown) => unknown;
const generatedDir = process.env['DEFAULT_OPTIONS_CLIENT'];
if (generatedDir === undefined)
  throw new Error('DEFAULT_OPTIONS_CLIENT is not set: run the tests through mvn verify');
const generated = require(generatedDir) as Record<string, Codec>;

/** Decodes `value`'s JSON text as the default client does (JSON.parse, then `<model>FromJSON`) and writes it back. */
function roundTrip(model: string, value: JsonValue): unknown {
  const fromJson = generated[`${model}FromJSON`];
  const toJson = generated[`${model}ToJSON`];
  assert.ok(
    fromJson !== undefined && toJson !== undefined,
    `the default client has no ${model} codec`,
  );
  return JSON.parse(JSON.stringify(toJson(fromJson(JSON.parse(stringifyJson(value))))));
}

/** What JSON.parse makes of a value: every integer beyond 2^53 (a bigint in our lossless read) becomes the nearest double. */
function asJsonParseReadsIt(value: JsonValue): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(asJsonParseReadsIt);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asJsonParseReadsIt(v)]));
  }
  return value;
}

describe('the typescript-fetch client generated with default options', () => {
  test('decodes every request example and writes it back equivalent', () => {
    const examples = Object.entries(requestExamples());
    assert.ok(examples.some(([name]) => name === 'full'));
    for (const [name, example] of examples) {
      const value = (example as { value: JsonValue }).value;
      assert.deepEqual(
        jsonDifferences(asJsonParseReadsIt(value), roundTrip('CreateAccessTokenRequest', value)),
        [],
        name,
      );
    }
  });

  test('decodes every response example and writes it back equivalent', () => {
    const examples = responseExamples();
    for (const operationId of ['createAccessToken', 'listAccessTokens', 'revokeAccessToken']) {
      assert.ok(examples.some((e) => e.operationId === operationId && e.status === '200'));
    }
    assert.ok(['400', '401', '404'].every((status) => examples.some((e) => e.status === status)));
    for (const { operationId, status, name, schema, value } of examples) {
      assert.deepEqual(
        jsonDifferences(asJsonParseReadsIt(value), roundTrip(schema, value)),
        [],
        `${operationId} ${status} ${name}`,
      );
    }
  });

  test('keeps every digit of string amounts and of safe integers; integers beyond 2^53 read as the nearest double', () => {
    const beyond64 = 2n ** 64n + 1n;
    const thirtyDigits = 123456789012345678901234567890n;
    const cases: Array<[JsonValue, unknown]> = [
      [0, 0],
      [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
      [String(beyond64), String(beyond64)],
      [String(thirtyDigits), String(thirtyDigits)],
      [beyond64, Number(beyond64)], // documented: JSON.parse loses these digits; send such amounts as strings
      [thirtyDigits, Number(thirtyDigits)],
    ];
    for (const [sent, read] of cases) {
      const limit = roundTrip('SpendingLimit', { coin: 'btc', txValueLimit: sent }) as {
        txValueLimit: unknown;
      };
      assert.deepEqual(jsonDifferences(read, limit.txValueLimit), [], String(sent));
    }
    assert.notEqual(String(Number(beyond64)), String(beyond64)); // the loss is real, not a no-op comparison
  });

  test('decodes every valid scope, named or wallet-bound, as the string itself', () => {
    // Scope is one pattern, ^(name|name|...|wallet_[a-z_]+:[0-9a-f]{32})$: its plain alternatives
    // are the named scopes; a wallet id comes from the request's own scope example
    const alternatives = String(schema('Scope')['pattern'])
      .replace(/^\^\(/, '')
      .replace(/\)\$$/, '')
      .split('|');
    const named = alternatives.filter((a) => /^[a-z_]+$/.test(a));
    const properties = schema('CreateAccessTokenRequest')['properties'] as Record<
      string,
      Record<string, unknown>
    >;
    const walletId = (properties['scope']!['example'] as string[])
      .find((s) => s.includes(':'))!
      .split(':')[1];
    const scopes = [
      ...named,
      ...named.filter((s) => s.startsWith('wallet_')).map((s) => `${s}:${walletId}`),
    ];
    assert.ok(scopes.length > 40);
    for (const scope of scopes) {
      const request = generated['CreateAccessTokenRequestFromJSON']!({
        label: 'scoped',
        scope: [scope],
      }) as { scope: unknown };
      assert.deepEqual(request.scope, [scope]);
    }
  });
});
