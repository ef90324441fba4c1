// The contract facts this suite pins, in the same words as the Java suite's ContractNames: the
// provider, the provider states (served by the stub's --provider-states endpoint) and the shapes.
// A drift from the Java side shows up in the verifications of the pacts folder, which run both.
import { join } from 'node:path';

export const CONSUMER = 'accesstoken-typescript-client';
export const PROVIDER = 'bitgo-accesstoken-api';

/** Provider state: the bearer token named by the `token` parameter is accepted. */
export const STATE_TOKEN_ACCEPTED = 'the bearer token is accepted';
/** Provider state: the bearer token named by the `token` parameter is not accepted. */
export const STATE_TOKEN_UNKNOWN = 'the bearer token is unknown';
/**
 * Provider state: the `token` parameter is accepted, and its user owns one unexpired access token
 * per entry of the `ids` parameter (32-hex ids), created in that order.
 */
export const STATE_USER_HAS_TOKENS = "the bearer token's user has access tokens";

/** The one timestamp shape the contract emits: UTC, millisecond precision. */
export const TIMESTAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z';
export const HEX32 = '[0-9a-f]{32}';
export const IPV4 = '(\\d{1,3}\\.){3}\\d{1,3}';
export const IPV4_OR_CIDR = IPV4 + '(/\\d{1,2})?';
export const DIGITS = '[0-9]{1,78}';
export const SCOPE = '[a-z_]+|wallet_[a-z_]+:[0-9a-f]{32}';
export const BEARER = 'Bearer [\\x21-\\x7E]+';
export const JSON_CONTENT_TYPE = 'application/json(;\\s?charset=[\\w\\-]+)?';

export const PATH = '/api/v2/user/accesstoken';

/** The pacts folder every consumer writes into and every verification reads (the build sets it). */
export function pactsDir(): string {
  const dir = process.env['PACTS_DIR'];
  if (dir === undefined) throw new Error('PACTS_DIR is not set: run the tests through mvn verify');
  return dir;
}

export function pactFile(consumer: string): string {
  return join(pactsDir(), `${consumer}-${PROVIDER}.json`);
}
