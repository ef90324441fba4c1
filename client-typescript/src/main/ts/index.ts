// The generated client (models, AccessTokenApi, runtime) and the hand-written layer over it.
export * from './generated';
export { AccessTokenClient, BitGoEnvironment, ExactAccessTokenApi } from './client';
export type { AccessTokenClientOptions, CreateAccessTokenInput } from './client';
export { BitGoApiError } from './errors';
export { assertExactNumbers, baseUnits, safeInteger } from './amounts';
export type { ExactAmount, ReadAmount, SafeInteger, WithExactAmounts } from './amounts';
export { parseJson, stringifyJson } from './json';
export { SENSITIVE_PROPERTIES, redactedWhenInspected } from './secrets';
export type { JsonValue } from './json';
