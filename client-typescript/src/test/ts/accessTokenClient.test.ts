// The packed @openbitgo/accesstoken-client, installed from its .tgz, against the real stub server jar.
import { describe, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { inspect } from 'node:util';
import {
  AMOUNT_DIGITS,
  AMOUNT_PROPERTIES,
  AccessTokenClient,
  AccessTokenFromJSON,
  AccessTokenInfoFromJSON,
  AccessTokenInfoToJSON,
  AccessTokenListFromJSON,
  AccessTokenListToJSON,
  AccessTokenToJSON,
  BitGoApiError,
  LARGEST_INTEGER_AMOUNT,
  PlatformErrorFromJSON,
  PlatformErrorToJSON,
  SENSITIVE_PROPERTIES,
  baseUnits,
  parseJson,
  safeInteger,
  stringifyJson,
  type AccessToken,
  type CreateAccessTokenInput,
  type JsonValue,
  type ReadAccessToken,
  type ReadAmount,
} from '@openbitgo/accesstoken-client';
import {
  amountProperties,
  jsonDifferences,
  requestExample,
  responseExamples,
  schema,
  sensitiveProperties,
} from './support';
import { SUITE_TOKEN as TOKEN, suiteStub } from './suiteStub';
// the lifecycle suite shares this process's stub (see suiteStub.ts)
import './listAndRevoke';

/** What went over the wire: the real global fetch, with the request and answer recorded. */
function recordingFetch() {
  const sent: Array<{ url: string; headers: Headers; body: string }> = [];
  const answers: Response[] = [];
  const fetchApi = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({
      url: String(input),
      headers: new Headers(init?.headers),
      body: String(init?.body),
    });
    const answer = await fetch(input, init);
    answers.push(answer.clone());
    return answer;
  };
  return { fetchApi, sent, answers };
}

function client(options: { token?: string; fetchApi?: typeof fetch } = {}) {
  return new AccessTokenClient({
    baseUrl: suiteStub().baseUrl,
    accessToken: options.token ?? TOKEN,
    ...options,
  });
}

/** The spec's example as this client's input: every number goes through safeInteger, so none can be rounded. */
function asInput(example: JsonValue): CreateAccessTokenInput {
  const exact = (value: JsonValue): JsonValue =>
    typeof value === 'number'
      ? safeInteger(value)
      : Array.isArray(value)
        ? value.map(exact)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exact(v)]))
          : value;
  return exact(example) as unknown as CreateAccessTokenInput;
}

describe('the spec full request example', () => {
  test('is sent with every field and created with every amount exact', async () => {
    const example = requestExample('full');
    const wire = recordingFetch();
    const created = await client({ fetchApi: wire.fetchApi }).createAccessToken(asInput(example));

    // every field of the example went out, in its JSON form (no field dropped, no amount retyped)
    assert.deepEqual(jsonDifferences(example, parseJson(wire.sent[0]!.body)), []);

    assert.equal(created.label, example['label']);
    assert.deepEqual(created.scope, example['scope']);
    assert.deepEqual(created.ipRestrict, example['ipRestrict']);
    assert.equal(created.enterprise, example['enterprise']);
    assert.equal(
      created.expires!.getTime() - created.created!.getTime(),
      Number(example['duration']) * 1000,
    );
    const limits = example['spendingLimits'] as Array<{ coin: string; txValueLimit: JsonValue }>;
    assert.ok(limits.length > 0);
    for (const limit of limits) {
      // same value and same JSON form: a string stays a string, a number a number
      assert.deepEqual(
        jsonDifferences(
          limit.txValueLimit,
          created.unlock!.spendingLimits![limit.coin]!.txValueLimit,
        ),
        [],
      );
    }
    const erc20 = example['allErc20TokensLimit'] as { txValueLimit: JsonValue };
    assert.deepEqual(
      jsonDifferences(erc20.txValueLimit, created.unlock!.allErc20TokensLimit!.txValueLimit),
      [],
    );
  });
});

describe('the spec response examples', () => {
  // the generated codecs of every schema a response example has, by schema name
  const codecs: Record<string, (json: JsonValue) => unknown> = {
    AccessToken: (json) => AccessTokenToJSON(AccessTokenFromJSON(json)),
    AccessTokenInfo: (json) => AccessTokenInfoToJSON(AccessTokenInfoFromJSON(json)),
    AccessTokenList: (json) => AccessTokenListToJSON(AccessTokenListFromJSON(json)),
    PlatformError: (json) => PlatformErrorToJSON(PlatformErrorFromJSON(json)),
  };
  const roundTrip = (schema: string, example: JsonValue) => {
    const codec = codecs[schema];
    assert.ok(codec !== undefined, `no codec for ${schema}`);
    return parseJson(stringifyJson(codec(parseJson(stringifyJson(example)))));
  };
  const createdExample = () =>
    responseExamples().find((e) => e.operationId === 'createAccessToken' && e.status === '200')!
      .value;

  test('are parsed and written back equivalent (timestamps as instants, amounts digit for digit)', () => {
    const examples = responseExamples();
    for (const schema of Object.keys(codecs)) assert.ok(examples.some((e) => e.schema === schema));
    for (const { operationId, status, name, schema, value } of examples) {
      assert.deepEqual(
        jsonDifferences(value, roundTrip(schema, value)),
        [],
        `${operationId} ${status} ${name}`,
      );
    }
  });

  test('amounts beyond 2^53 in them read as exact bigints', () => {
    const created = createdExample();
    const token: AccessToken = AccessTokenFromJSON(parseJson(stringifyJson(created)));
    const amounts = Object.values(token.unlock?.spendingLimits ?? {}).flatMap((l) => [
      l.txValue,
      l.txValueLimit,
    ]);
    assert.ok(amounts.some((a) => typeof a === 'bigint' && a > BigInt(Number.MAX_SAFE_INTEGER)));
  });

  test('a broken example or a dropped field fails the comparison', () => {
    const created = createdExample();
    // a field the schema lacks: the generated model drops it, and the round trip says so
    const withUnknownField = { ...created, surprise: 'not in the schema' };
    assert.deepEqual(
      jsonDifferences(withUnknownField, roundTrip('AccessToken', withUnknownField)),
      ['$.surprise: missing'],
    );
    // a field dropped on the way
    const { label: _dropped, ...withoutLabel } = created;
    assert.deepEqual(jsonDifferences(created, withoutLabel), ['$.label: missing']);
    // an amount that changed form, and a timestamp that moved
    assert.equal(jsonDifferences(100000000, '100000000').length, 1);
    assert.equal(jsonDifferences(1500000000000000000n, 1500000000000000000).length, 1);
    assert.equal(jsonDifferences('2026-11-27T10:15:30.000Z', '2026-11-27T10:15:31.000Z').length, 1);
    assert.deepEqual(jsonDifferences('2026-11-27T10:15:30.000Z', '2026-11-27T10:15:30Z'), []);
  });
});

describe('errors', () => {
  test('a 400 (bad ipRestrict) is a BitGoApiError with the PlatformError fields', async () => {
    const wire = recordingFetch();
    const error = await client({ fetchApi: wire.fetchApi })
      .createAccessToken({ label: 'bad-ip', ipRestrict: ['1.2.3.400'] })
      .then(
        () => assert.fail('expected a 400'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof BitGoApiError);
    assert.equal(error.status, 400);
    assert.equal(error.name, 'InvalidRequest');
    assert.equal(error.context['field'], 'ipRestrict[0]');
    assert.match(error.error, /ipRestrict\[0\]/);
    assert.equal(error.requestId, wire.answers[0]!.headers.get('X-Request-Id'));
    assert.ok(error.message.endsWith(`requestId: ${error.requestId})`));
  });

  test('a 401 (unknown token) is a BitGoApiError that never shows the token', async () => {
    const unknownToken = 'unknown-token-9c3f1a77';
    const unknown = client({ token: unknownToken });
    const error = await unknown.createAccessToken({ label: 'who' }).then(
      () => assert.fail('expected a 401'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof BitGoApiError);
    assert.equal(error.status, 401);
    assert.equal(error.name, 'Unauthorized');
    assert.match(error.requestId ?? '', /^\S+$/);
    for (const printed of [
      error.message,
      String(error),
      error.stack ?? '',
      inspect(error),
      JSON.stringify(error),
      inspect(unknown),
      String(unknown),
      inspect(unknown.api, { depth: 5 }),
    ]) {
      assert.ok(!printed.includes(unknownToken), printed);
    }
  });

  test('a token the server echoes in an error body is redacted', async () => {
    const echoing = async () =>
      new Response(
        JSON.stringify({
          name: 'Weird',
          error: `bad token ${TOKEN}`,
          requestId: 'r1',
          context: { token: TOKEN },
        }),
        { status: 500 },
      );
    const error = await client({ fetchApi: echoing })
      .createAccessToken({ label: 'x' })
      .then(
        () => assert.fail(),
        (e: unknown) => e,
      );
    assert.ok(error instanceof BitGoApiError);
    assert.ok(!inspect(error).includes(TOKEN));
    assert.equal(error.context['token'], '[REDACTED]');
  });
});

describe('secrets', () => {
  test('the layer redacts exactly the properties the spec marks format: password', () => {
    assert.deepEqual([...SENSITIVE_PROPERTIES].sort(), sensitiveProperties());
  });

  test('a created token never shows its secret when inspected or logged, but keeps it in JSON', async () => {
    const created = await client().createAccessToken({ label: 'printed', otp: '7351902' });
    const secret = created.token ?? '';
    assert.match(secret, /^\S{8,}$/);
    const shown = [
      inspect(created),
      inspect(created, { depth: 5, showHidden: true }),
      inspect([created]),
      inspect({ created }),
      String(created),
    ];
    for (const printed of shown) assert.ok(!printed.includes(secret), printed);
    assert.match(inspect(created), /token: '\[REDACTED\]'/);
    assert.match(inspect(created), /label: 'printed'/); // the other fields still show
    assert.equal(AccessTokenToJSON(created)['token'], secret);
    assert.ok(JSON.stringify(created).includes(secret));
  });

  test('the otp and the token a peer echoes in an error body are redacted', async () => {
    const otp = '7351902';
    const echoing = async (_input: RequestInfo | URL, init?: RequestInit) => {
      const sent = JSON.parse(String(init?.body)) as { otp?: string };
      const auth = new Headers(init?.headers).get('Authorization');
      const body = {
        name: 'InvalidOtp',
        error: `otp ${sent.otp} is wrong for ${auth}`,
        requestId: 'echo-1',
        context: { otp: sent.otp },
      };
      return new Response(JSON.stringify(body), {
        status: 400,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const error = await client({ fetchApi: echoing })
      .createAccessToken({ label: 'echo', otp })
      .then(
        () => assert.fail('expected a 400'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof BitGoApiError);
    assert.equal(error.requestId, 'echo-1');
    assert.match(error.error, /\[REDACTED\]/); // the peer did echo them
    for (const printed of [
      error.message,
      error.stack ?? '',
      inspect(error),
      JSON.stringify(error),
      JSON.stringify(error.context),
    ]) {
      assert.ok(!printed.includes(otp) && !printed.includes(TOKEN), printed);
    }
  });
});

describe('amounts', () => {
  test('a 30-digit amount is created exact, as a string or from a bigint', async () => {
    const digits = '123456789012345678901234567890';
    const created = await client().createAccessToken({
      label: 'big',
      spendingLimits: [
        { coin: 'eth', txValueLimit: digits },
        { coin: 'teth', txValueLimit: baseUnits(123456789012345678901234567890n) },
      ],
    });
    assert.equal(created.unlock!.spendingLimits!['eth']!.txValueLimit, digits);
    assert.equal(created.unlock!.spendingLimits!['teth']!.txValueLimit, digits);
  });

  test('a number that is not a safe integer is refused before anything is sent', async () => {
    const wire = recordingFetch();
    const unsafe = {
      label: 'rounded',
      spendingLimits: [{ coin: 'btc', txValueLimit: 1234567890123456789 }],
    };
    await assert.rejects(
      client({ fetchApi: wire.fetchApi }).createAccessToken(
        unsafe as unknown as CreateAccessTokenInput,
      ),
      (e: unknown) =>
        e instanceof RangeError &&
        /spendingLimits\[0\]\.txValueLimit.*decimal strings/.test(e.message),
    );
    assert.equal(wire.sent.length, 0);
    for (const bad of [2 ** 53, 1.5, -1, Number.NaN, Infinity])
      assert.throws(() => safeInteger(bad), RangeError);
    assert.throws(() => baseUnits('12a'), RangeError);
    assert.throws(() => baseUnits(-1n), RangeError);
  });

  test('the layer checks exactly the amount properties and pattern of the spec', () => {
    assert.deepEqual([...AMOUNT_PROPERTIES].sort(), amountProperties());
    assert.equal(`${AMOUNT_DIGITS.source}`, schema('BaseUnitAmountString')['pattern']);
  });

  test('a malformed amount string is refused before anything is sent, naming the field', async () => {
    const wire = recordingFetch();
    const malformed = ['12a', '', '-5', ' 5', '1e3', '9'.repeat(79)];
    for (const amount of malformed) {
      for (const request of [
        { label: 'bad', spendingLimits: [{ coin: 'btc', txValueLimit: amount }] },
        { label: 'bad', allErc20TokensLimit: { txValueLimit: amount } },
      ]) {
        await assert.rejects(
          client({ fetchApi: wire.fetchApi }).createAccessToken(request),
          (e: unknown) =>
            e instanceof RangeError &&
            /body\.(spendingLimits\[0\]|allErc20TokensLimit)\.txValueLimit = .* is not an amount: 1 to 78 decimal digits/.test(
              e.message,
            ),
          JSON.stringify(amount),
        );
      }
    }
    assert.equal(wire.sent.length, 0);
    // the longest amount the contract allows is sent
    const longest = '9'.repeat(78);
    const created = await client().createAccessToken({
      label: 'longest',
      spendingLimits: [{ coin: 'btc', txValueLimit: longest }],
    });
    assert.equal(created.unlock!.spendingLimits!['btc']!.txValueLimit, longest);
  });

  test('a duration beyond 2^53 is refused with a message about duration, not amounts', async () => {
    const wire = recordingFetch();
    await assert.rejects(
      client({ fetchApi: wire.fetchApi }).createAccessToken({
        label: 'long',
        duration: 2 ** 53 + 2,
      }),
      (e: unknown) =>
        e instanceof RangeError &&
        /^body\.duration = 9007199254740994 is not an exact integer/.test(e.message) &&
        !/amount/.test(e.message),
    );
    assert.equal(wire.sent.length, 0);
  });

  test('the type refuses a plain number where an amount goes', () => {
    // each line fails to compile without its @ts-expect-error; an unused directive fails the build
    const rounded: CreateAccessTokenInput = {
      label: 'x',
      // @ts-expect-error a number literal may already have lost digits: ExactAmount wants a string or safeInteger(...)
      spendingLimits: [{ coin: 'btc', txValueLimit: 1234567890123456789 }],
    };
    const roundedErc20: CreateAccessTokenInput = {
      label: 'x',
      // @ts-expect-error the same for allErc20TokensLimit
      allErc20TokensLimit: { txValueLimit: 5 },
    };
    const accepted: CreateAccessTokenInput = {
      label: 'x',
      duration: 60,
      spendingLimits: [
        { coin: 'btc', txValueLimit: '1234567890123456789' },
        { coin: 'ltc', txValueLimit: safeInteger(5) },
        { coin: 'eth', txValueLimit: 10n },
      ],
    };
    assert.ok(rounded && roundedErc20 && accepted);
  });

  test('a bigint amount is sent as a JSON integer up to int64, as its decimal string beyond', async () => {
    // the stub echoes the form it received: an integer comes back an integer, a string a string
    const created = await client().createAccessToken({
      label: 'beyond-int64',
      spendingLimits: [
        { coin: 'btc', txValueLimit: 18446744073709551617n },
        { coin: 'eth', txValueLimit: LARGEST_INTEGER_AMOUNT + 1n },
        { coin: 'ltc', txValueLimit: LARGEST_INTEGER_AMOUNT },
        { coin: 'xrp', txValueLimit: 9007199254740993n },
      ],
    });
    const limits = created.unlock!.spendingLimits!;
    assert.equal(limits['btc']!.txValueLimit, '18446744073709551617');
    assert.equal(limits['eth']!.txValueLimit, '9223372036854775808');
    assert.equal(limits['ltc']!.txValueLimit, 9223372036854775807n);
    assert.equal(limits['xrp']!.txValueLimit, 9007199254740993n);
    assert.equal(LARGEST_INTEGER_AMOUNT, 2n ** 63n - 1n);
  });

  test('the largest integer amount is the int64 the spec gives the integer form', () => {
    assert.equal(schema('BaseUnitAmountInteger')['format'], 'int64');
  });

  test('a negative or 79-digit integer amount is refused before sending', async () => {
    const wire = recordingFetch();
    for (const amount of [-5n, 10n ** 78n, safeInteger(0) - 5]) {
      await assert.rejects(
        client({ fetchApi: wire.fetchApi }).createAccessToken({
          label: 'bad',
          spendingLimits: [{ coin: 'btc', txValueLimit: amount as bigint }],
        }),
        (e: unknown) => e instanceof RangeError && /is not an amount/.test(e.message),
      );
    }
    assert.equal(wire.sent.length, 0);
  });

  test('a safe integer is sent and read back as the same number', async () => {
    const created = await client().createAccessToken({
      label: 'max-safe',
      spendingLimits: [{ coin: 'btc', txValueLimit: safeInteger(Number.MAX_SAFE_INTEGER) }],
    });
    assert.equal(created.unlock!.spendingLimits!['btc']!.txValueLimit, Number.MAX_SAFE_INTEGER);
  });

  test('an integer amount beyond 2^53 in a response is read exactly, as a bigint', async () => {
    // the stub echoes a JSON integer as a JSON integer: put one on the wire where the client cannot
    const digits = '123456789012345678901234567890';
    const asJsonInteger = async (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, { ...init, body: String(init?.body).replace(`"${digits}"`, digits) });
    const created = await client({ fetchApi: asJsonInteger }).createAccessToken({
      label: 'lossless',
      spendingLimits: [{ coin: 'eth', txValueLimit: digits }],
    });
    const amount: ReadAmount | undefined = created.unlock!.spendingLimits!['eth']!.txValueLimit;
    assert.equal(amount, BigInt(digits));
    assert.equal(
      stringifyJson(created.unlock!.spendingLimits!['eth']),
      `{"txCount":0,"txValue":0,"txValueLimit":${digits}}`,
    );
    // the documented way to serialize such a token: JSON.stringify cannot, stringifyJson can
    assert.throws(() => JSON.stringify(created), TypeError);
    const written = parseJson(stringifyJson(created)) as Record<string, JsonValue>;
    assert.equal(written['token'], created.token);
    assert.equal(written['created'], created.created!.toISOString());
    assert.equal(
      (
        (written['unlock'] as Record<string, JsonValue>)['spendingLimits'] as Record<
          string,
          Record<string, JsonValue>
        >
      )['eth']!['txValueLimit'],
      BigInt(digits),
    );
  });

  test('the declared type of a read amount includes bigint', () => {
    // each line fails to compile without its @ts-expect-error; an unused directive fails the build
    const read = (token: ReadAccessToken) => {
      const amount = token.unlock?.spendingLimits?.['eth']?.txValueLimit;
      // @ts-expect-error a read amount may be a bigint, which number | string does not hold
      const narrow: number | string | undefined = amount;
      const wide: string | number | bigint | undefined = amount;
      return [narrow, wide];
    };
    assert.equal(typeof read, 'function');
  });
});

describe('environments and configuration', () => {
  const capture = () => {
    const seen: Array<{ url: string; authorization: string | null }> = [];
    const fetchApi = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push({
        url: String(input),
        authorization: new Headers(init?.headers).get('Authorization'),
      });
      return new Response('{"id":"59cd72485007a239fb00282ed480da1f","isExtensible":false}', {
        status: 200,
      });
    };
    return { seen, fetchApi };
  };

  test('test and production environments and a bearer token', async () => {
    for (const [environment, url] of [
      ['test', 'https://app.bitgo-test.com'],
      ['production', 'https://app.bitgo.com'],
    ] as const) {
      const { seen, fetchApi } = capture();
      await new AccessTokenClient({ environment, accessToken: TOKEN, fetchApi }).createAccessToken({
        label: 'x',
      });
      assert.deepEqual(seen, [
        { url: `${url}/api/v2/user/accesstoken`, authorization: `Bearer ${TOKEN}` },
      ]);
    }
  });

  test('bad configurations are refused without echoing the token', () => {
    assert.throws(
      () => new AccessTokenClient({ baseUrl: 'http://example.com', accessToken: TOKEN }),
      /https/,
    );
    assert.throws(
      () => new AccessTokenClient({ baseUrl: 'https://u:p@example.com', accessToken: TOKEN }),
      /credentials/,
    );
    assert.throws(
      () =>
        new AccessTokenClient({
          environment: 'test',
          baseUrl: 'https://x.example',
          accessToken: TOKEN,
        }),
      /exactly one/,
    );
    assert.throws(() => new AccessTokenClient({ accessToken: TOKEN }), /exactly one/);
    assert.throws(
      () => new AccessTokenClient({ environment: 'test', accessToken: 'has space secret' }),
      (e: unknown) => e instanceof TypeError && !e.message.includes('secret'),
    );
    assert.equal(
      new AccessTokenClient({
        baseUrl: 'http://example.com/',
        accessToken: TOKEN,
        allowPlainHttp: true,
      }).baseUrl,
      'http://example.com',
    );
  });
});
