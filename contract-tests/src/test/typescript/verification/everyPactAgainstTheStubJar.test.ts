// Every pact in the folder (Java's and TypeScript's) verified by the Pact core's Rust verifier, the
// one JS, Python and Go teams use, against the stub server jar run as a separate process. Provider
// states reach the stub over HTTP, through its --provider-states endpoint, as they would reach any
// provider: nothing here runs inside the stub's JVM.
import { after, before, test } from 'node:test';
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSUMER, PROVIDER, STATE_TOKEN_UNKNOWN, pactFile, pactsDir } from '../contract';
import { runRustVerifier, type Verification } from './rustVerifier';
import {
  startStubJar,
  type StubProcess,
} from '../../../../../client-typescript/src/test/ts/stubProcess';

const STATES_PATH = '/_pact/provider-states';

interface PactJson {
  consumer: { name: string };
  interactions: Array<{
    description: string;
    providerStates?: Array<{ name: string; params?: Record<string, unknown> }>;
    response: { status: number };
  }>;
}

const readPact = (file: string): PactJson => JSON.parse(readFileSync(file, 'utf8')) as PactJson;
const allPacts = () =>
  readdirSync(pactsDir())
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(pactsDir(), f));

/** The Rust verifier against `stub`; with `states`, provider states go to the stub's state-change endpoint. */
function verify(stub: StubProcess, pactUrls: string[], states = true): Promise<Verification> {
  return runRustVerifier({
    provider: PROVIDER,
    providerBaseUrl: stub.baseUrl,
    pactUrls,
    ...(states
      ? {
          providerStatesSetupUrl: stub.baseUrl + STATES_PATH,
          providerStatesSetupTeardown: true,
          providerStatesSetupBody: true,
        }
      : {}),
    logLevel: 'warn',
  });
}

/** How many requests to `path` the stub's access log shows answered with `status`. */
const logged = (stub: StubProcess, path: string, status: number) =>
  stub.log.filter((line) => line.includes(`POST ${path} ${status} `)).length;

/**
 * Waits (up to 5 s) until the access log shows `count` such answers: the stub writes a request's
 * line after the answer has left, so the verifier may finish before the last line arrives.
 */
async function loggedAtLeast(
  stub: StubProcess,
  path: string,
  status: number,
  count: number,
): Promise<number> {
  for (let waited = 0; logged(stub, path, status) < count && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return logged(stub, path, status);
}

/**
 * The count before an action: the stub jar writes its access log to standard output every 100 ms
 * (stub-server-app/README.md), so lines of answers already received may still be buffered; a
 * count read at once would miss them and credit them to the action that follows.
 */
async function loggedOnceFlushed(stub: StubProcess, path: string, status: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  return logged(stub, path, status);
}

let withStates: StubProcess;
let acceptingUnknownTokens: Promise<StubProcess>;
const fixtures = mkdtempSync(join(tmpdir(), 'pact-fixtures-'));

/** The tokens the interactions under "the bearer token is unknown" send, from every pact. */
const unknownTokens = () =>
  allPacts().flatMap((file) =>
    readPact(file).interactions.flatMap((i) =>
      (i.providerStates ?? [])
        .filter((s) => s.name === STATE_TOKEN_UNKNOWN)
        .map((s) => String(s.params?.['token'])),
    ),
  );

before(async () => {
  // both JVMs start side by side: a cold start is most of this suite's time
  acceptingUnknownTokens = startStubJar([
    '--provider-states',
    ...unknownTokens().flatMap((t) => ['--token', t]),
  ]);
  withStates = await startStubJar(['--provider-states']);
});
after(async () => {
  try {
    await withStates?.stop();
    await (await acceptingUnknownTokens)?.stop();
  } finally {
    rmSync(fixtures, { recursive: true, force: true });
  }
});

test('the folder holds a V4 pact of every consumer the build runs, pact-js among them', () => {
  const expected = (process.env['PACT_CONSUMERS'] ?? '').split(',').filter((c) => c !== '');
  assert.ok(expected.includes(CONSUMER));
  const consumers = allPacts().map((file) => readPact(file).consumer.name);
  for (const consumer of expected)
    assert.ok(consumers.includes(consumer), `no pact of ${consumer} in ${pactsDir()}`);
  const ours = JSON.parse(readFileSync(pactFile(CONSUMER), 'utf8')) as {
    metadata: Record<string, { version: string }>;
  };
  assert.equal(ours.metadata['pactSpecification']?.version, '4.0');
  assert.ok(ours.metadata['pact-js'] !== undefined, 'written by pact-js');
});

test('every interaction of every pact holds against the stub jar, states applied over HTTP', async () => {
  const pacts = allPacts();
  const interactions = pacts.reduce((n, file) => n + readPact(file).interactions.length, 0);
  const before = await loggedOnceFlushed(withStates, STATES_PATH, 200);

  const verification = await verify(withStates, pacts);

  assert.ok(verification.passed, verification.report);
  assert.equal(verification.report.match(/\(OK\)/g) === null, false);
  assert.doesNotMatch(verification.report, /FAILED|State Change ignored/);
  // setup and teardown for each interaction's one state, each answered 200
  assert.equal(
    (await loggedAtLeast(withStates, STATES_PATH, 200, before + 2 * interactions)) - before,
    2 * interactions,
  );
});

test("the state change wins: a stub started accepting the 401 interactions' tokens still answers 401", async () => {
  const pacts = allPacts();
  const tokens = unknownTokens();
  assert.ok(
    tokens.length >= pacts.length,
    'every consumer pins a 401 under "the bearer token is unknown"',
  );
  // started in before(), beside the other stub, accepting exactly these tokens
  const accepting = await acceptingUnknownTokens;

  // without the state change the 401 interactions fail: the stub accepts their tokens
  const ignored = await verify(accepting, pacts, false);
  assert.ok(!ignored.passed);
  assert.match(ignored.report, /has status code 401 \(FAILED\)/);
  const answered401 = await loggedOnceFlushed(accepting, '/api/v2/user/accesstoken', 401);

  const applied = await verify(accepting, pacts);
  assert.ok(applied.passed, applied.report);

  const expected = answered401 + tokens.length;
  assert.equal(await loggedAtLeast(accepting, '/api/v2/user/accesstoken', 401, expected), expected);
});

/** A copy of the TypeScript pact with its label-only interaction edited, as a fixture file. */
function fixture(
  name: string,
  edit: (interaction: PactJson['interactions'][number]) => void,
): string {
  const pact = readPact(pactFile(CONSUMER));
  pact.interactions = pact.interactions.filter(
    (i) => i.description === 'a create request with a label only',
  );
  assert.equal(pact.interactions.length, 1);
  edit(pact.interactions[0]!);
  const file = join(fixtures, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

test('a state the stub does not know fails the verification (its endpoint answers 400)', async () => {
  const unknownState = fixture('unknown-state', (i) => {
    i.providerStates = [
      { name: 'the moon is full', params: { token: 'v2xmoonmoonmoonmoonmoonmoonmoonmoon' } },
    ];
  });
  const refusedBefore = await loggedOnceFlushed(withStates, STATES_PATH, 400);

  const verification = await verify(withStates, [unknownState]);

  assert.ok(!verification.passed);
  assert.match(verification.report, /state change for 'the moon is full' has failed - .*400/);
  assert.ok(
    (await loggedAtLeast(withStates, STATES_PATH, 400, refusedBefore + 1)) > refusedBefore,
    'the state-change endpoint refused the state',
  );
});

test('a pact whose response the stub cannot honour fails the verification', async () => {
  const unhonourable = fixture('unhonourable', (i) => {
    i.response.status = 201;
  });

  const verification = await verify(withStates, [unhonourable]);

  assert.ok(!verification.passed);
  assert.match(verification.report, /has status code 201 \(FAILED\)/);
  assert.match(verification.report, /expected 201 but was 200/);
});
