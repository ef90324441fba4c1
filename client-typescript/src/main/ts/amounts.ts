/**
 * Amounts in base units (satoshi, wei, ...) may exceed 2^53, beyond which a JavaScript number
 * cannot hold every integer: 1234567890123456789 silently becomes 1234567890123456800. So an
 * amount is sent as a decimal string (recommended, any size) or as a number that is proven to be
 * a safe integer, and nothing else.
 */
declare const safeIntegerBrand: unique symbol;

/** A number checked by {@link safeInteger} to be an integer JavaScript holds exactly. */
export type SafeInteger = number & { readonly [safeIntegerBrand]: true };

/** What an amount field accepts when sending: a decimal string such as `'100000000'`, or a checked {@link SafeInteger}. */
export type ExactAmount = string | SafeInteger;

const DECIMAL_DIGITS = /^[0-9]{1,78}$/;

const ADVICE =
  'send amounts as decimal strings, e.g. "1234567890123456789" (or baseUnits(1234567890123456789n))';

/** Checks that `value` is a non-negative integer a JavaScript number holds exactly; throws a RangeError otherwise. */
export function safeInteger(value: number): SafeInteger {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(
      `${String(value)} is not an exact non-negative integer in JavaScript: ${ADVICE}`,
    );
  }
  return value as SafeInteger;
}

/** The amount as the decimal string to send: from a digit string, a `bigint`, or a safe integer number. */
export function baseUnits(value: string | bigint | number): string {
  const digits = typeof value === 'number' ? String(safeInteger(value)) : value.toString();
  if (!DECIMAL_DIGITS.test(digits)) {
    throw new RangeError(`amount ${JSON.stringify(digits)} is not 1 to 78 decimal digits`);
  }
  return digits;
}

/**
 * Refuses, before anything is sent, a request body holding a number JavaScript may already have
 * rounded (not a safe integer) or a `bigint` (JSON.stringify cannot write it). Checks every field,
 * so amounts added to the contract later are covered too.
 */
export function assertExactNumbers(body: unknown, path = 'body'): void {
  if (typeof body === 'bigint') {
    throw new RangeError(
      `${path} is a bigint, which JSON cannot carry as a number here: ${ADVICE}`,
    );
  }
  if (typeof body === 'number') {
    if (!Number.isSafeInteger(body)) {
      throw new RangeError(
        `${path} = ${String(body)} is not an exact integer in JavaScript: ${ADVICE}`,
      );
    }
    return;
  }
  if (body === null || typeof body !== 'object' || body instanceof Date) return;
  for (const [key, value] of Object.entries(body)) {
    assertExactNumbers(value, Array.isArray(body) ? `${path}[${key}]` : `${path}.${key}`);
  }
}

/**
 * The generated request type with every amount (a `number | string` field) narrowed to
 * {@link ExactAmount}: a plain number literal no longer compiles there.
 */
export type WithExactAmounts<T> = [NonNullable<T>] extends [number | string]
  ? [number | string] extends [NonNullable<T>]
    ? ExactAmount | Extract<T, null | undefined>
    : T
  : NestedExactAmounts<T>;

type NestedExactAmounts<T> = T extends Date
  ? T
  : T extends Array<infer Item>
    ? Array<WithExactAmounts<Item>>
    : T extends object
      ? { [K in keyof T]: WithExactAmounts<T[K]> }
      : T;

/**
 * An amount as read from a response: a decimal string or a number as sent, and a `bigint` when a
 * JSON integer exceeds 2^53 - 1 (the lossless parse keeps every digit; a number would round).
 */
export type ReadAmount = string | number | bigint;
