// The generated client (models, AccessTokenApi, runtime) and the hand-written layer over it.
export * from './generated';
export { AccessTokenClient, BitGoEnvironment, ExactAccessTokenApi, isBearerToken } from './client';
export type { AccessTokenClientOptions, CreateAccessTokenInput, ReadAccessToken } from './client';
export { BitGoApiError, BitGoError, BitGoTransportError } from './errors';
export {
  AMOUNT_DIGITS,
  AMOUNT_PROPERTIES,
  assertExactNumbers,
  baseUnits,
  safeInteger,
} from './amounts';
export type {
  ExactAmount,
  ReadAmount,
  SafeInteger,
  WithExactAmounts,
  WithReadAmounts,
} from './amounts';
export { parseJson, stringifyJson } from './json';
export { SENSITIVE_PROPERTIES, redactedWhenInspected } from './secrets';
export type { JsonValue } from './json';
