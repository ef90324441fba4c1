// The generated client (models, AccessTokenApi, runtime) and the hand-written layer over it.
export * from './generated';
export {
  AccessTokenClient,
  BitGoEnvironment,
  ExactAccessTokenApi,
  isBearerToken,
  TOKEN_ID,
} from './client';
export type {
  AccessTokenClientOptions,
  CreateAccessTokenInput,
  ListPageOptions,
  ReadAccessToken,
  ReadAccessTokenInfo,
  ReadAccessTokenList,
} from './client';
export { BitGoApiError, BitGoError, BitGoLabelError, BitGoTransportError } from './errors';
export {
  AMOUNT_DIGITS,
  AMOUNT_PROPERTIES,
  LARGEST_INTEGER_AMOUNT,
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
