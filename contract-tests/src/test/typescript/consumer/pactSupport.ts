// What every interaction of the TypeScript consumer shares: the one PactV4 writing the pact file,
// the bearer token, the error shape and the client under test.
import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { MatchersV3, PactV4, SpecificationVersion } from '@pact-foundation/pact';
import { AccessTokenClient, BitGoApiError } from '@openbitgo/accesstoken-client';
import { CONSUMER, HEX32, JSON_CONTENT_TYPE, PROVIDER, pactFile, pactsDir } from '../contract';

const { regex, string } = MatchersV3;

// each test merges its interaction into the file: start from none, once per run (this module is
// loaded once), so a removed interaction cannot linger
rmSync(pactFile(CONSUMER), { force: true });

export const pact = new PactV4({
  consumer: CONSUMER,
  provider: PROVIDER,
  dir: pactsDir(),
  spec: SpecificationVersion.SPECIFICATION_VERSION_V4,
  logLevel: 'warn',
});

export const VALID_TOKEN = 'v2x7a5c0ffee7a5c0ffee7a5c0ffee7a5c0ffee7a5c0ffee7a5c0ffee7a5c0ffee7';

export const jsonHeaders = { 'Content-Type': regex(JSON_CONTENT_TYPE, 'application/json') };

export const HEX32_ONLY = new RegExp(`^${HEX32}$`);

/** The documented error body: the code is pinned, the rest by type; context is an object. */
export function platformError(name: string, context: Record<string, unknown>) {
  return { name, error: string('explanation'), requestId: string('6f1c2a9e4b7d8c03'), context };
}

export function client(baseUrl: string, token: string) {
  return new AccessTokenClient({ baseUrl, accessToken: token });
}

/** The BitGoApiError `call` rejects with, checked for the documented status, code and request id. */
export async function apiError(
  call: Promise<unknown>,
  status: number,
  name: string,
): Promise<BitGoApiError> {
  const error = await call.then(
    () => assert.fail(`a ${status} must reject`),
    (e: unknown) => e,
  );
  assert.ok(error instanceof BitGoApiError);
  assert.equal(error.status, status);
  assert.equal(error.name, name);
  assert.ok((error.requestId ?? '').length > 0);
  return error;
}
