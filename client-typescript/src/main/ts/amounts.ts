import { CONTRACT_FACTS } from './contractFacts';

/**
 * Amounts in base units (satoshi, wei, ...) may exceed 2^53, beyond which a JavaScript number
 * cannot hold every integer: 1234567890123456789 silently becomes 1234567890123456800. So an
 * amount is sent as a decimal string (recommended, any size) or as a number that is proven to be
 * a safe integer, and nothing else.
 */
declare const safeIntegerBrand: unique symbol;

/** A number checked by {@link safeInteger} to be an integer JavaScript holds exactly. */
export type SafeInteger = number & { readonly [safeIntegerBrand]: true };

/**
 * What an amount field accepts when sending: a decimal string such as `'100000000'`, a checked
 * {@link SafeInteger}, or a `bigint`: sent as the exact JSON integer it is up to 2^63 - 1, and as
 * its decimal string beyond, as the spec advises (its integer form is `int64`, which a Go reader,
 * for one, cannot hold more of: one such integer would fail its whole answer).
 */
export type ExactAmount = string | SafeInteger | bigint;

/** The spec's `BaseUnitAmountString` pattern, read from the spec by the build. */
export const AMOUNT_DIGITS = new RegExp(CONTRACT_FACTS.amountPattern);

/**
 * The properties the spec types `BaseUnitAmount`, in requests and responses, read from the spec by
 * the build. A string there must be {@link AMOUNT_DIGITS}; a number a safe integer.
 */
export const AMOUNT_PROPERTIES: readonly string[] = Object.freeze([
  ...CONTRACT_FACTS.amountProperties,
]);

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
  if (!AMOUNT_DIGITS.test(digits)) {
    throw new RangeError(`amount ${JSON.stringify(digits)} is not 1 to 78 decimal digits`);
  }
  return digits;
}

/**
 * Refuses, before anything is sent, a request body holding a number JavaScript may already have
 * rounded (not a safe integer), a `bigint` (JSON.stringify cannot write it) or an amount string
 * that is not 1 to 78 decimal digits (`'12a'`, `''`, `'-5'`). Checks every field, so numbers added
 * to the contract later are covered too; the RangeError names the field.
 */
export function assertExactNumbers(body: unknown, path = 'body'): void {
  const isAmount = AMOUNT_PROPERTIES.includes(path.slice(path.lastIndexOf('.') + 1));
  const advice = isAmount ? ADVICE : 'give a safe integer (at most Number.MAX_SAFE_INTEGER)';
  if (typeof body === 'bigint') {
    if (!isAmount) {
      throw new RangeError(
        `${path} is a bigint, which JSON cannot carry as a number here: ${advice}`,
      );
    }
    assertAmountDigits(path, body.toString());
    return;
  }
  if (typeof body === 'number') {
    if (!Number.isSafeInteger(body)) {
      throw new RangeError(
        `${path} = ${String(body)} is not an exact integer in JavaScript: ${advice}`,
      );
    }
    if (isAmount) assertAmountDigits(path, String(body));
    return;
  }
  if (typeof body === 'string') {
    if (isAmount && !AMOUNT_DIGITS.test(body)) {
      const shown =
        body.length > 20 ? `a string of ${body.length} characters` : JSON.stringify(body);
      throw new RangeError(`${path} = ${shown} is not an amount: 1 to 78 decimal digits`);
    }
    return;
  }
  if (body === null || typeof body !== 'object' || body instanceof Date) return;
  for (const [key, value] of Object.entries(body)) {
    assertExactNumbers(value, Array.isArray(body) ? `${path}[${key}]` : `${path}.${key}`);
  }
}

/** An integer amount must be non-negative and have at most as many digits as the spec's pattern allows. */
function assertAmountDigits(path: string, digits: string): void {
  if (!AMOUNT_DIGITS.test(digits)) {
    const shown = digits.length > 20 ? `an integer of ${digits.length} digits` : digits;
    throw new RangeError(
      `${path} = ${shown} is not an amount: a non-negative integer of 1 to 78 digits`,
    );
  }
}

/** The largest amount sent as a JSON integer: the spec's `BaseUnitAmountInteger` is `int64`. */
export const LARGEST_INTEGER_AMOUNT = 2n ** 63n - 1n;

/**
 * `body` with every `bigint` beyond {@link LARGEST_INTEGER_AMOUNT} replaced by its decimal string
 * (only amounts may be a `bigint`: {@link assertExactNumbers} refuses one anywhere else); the
 * same object when there is none.
 */
export function integerAmountsWithinInt64(body: unknown): unknown {
  if (typeof body === 'bigint') return body > LARGEST_INTEGER_AMOUNT ? body.toString() : body;
  if (body === null || typeof body !== 'object' || body instanceof Date) return body;
  if (!containsBigint(body)) return body;
  if (Array.isArray(body)) return body.map(integerAmountsWithinInt64);
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, integerAmountsWithinInt64(value)]),
  );
}

/** Whether `value` holds a `bigint` anywhere: such a body is written with `stringifyJson`. */
export function containsBigint(value: unknown): boolean {
  if (typeof value === 'bigint') return true;
  if (value === null || typeof value !== 'object' || value instanceof Date) return false;
  return Object.values(value).some(containsBigint);
}

/**
 * The generated request type with every amount (a `number | string` field) narrowed to
 * {@link ExactAmount}: a plain number literal no longer compiles there.
 */
export type WithExactAmounts<T> = WithAmountsAs<T, ExactAmount>;

/**
 * The generated response type with every amount (a `number | string` field) widened to
 * {@link ReadAmount}, which is what the lossless read returns: a `typeof` branch on an amount
 * must handle `bigint`.
 */
export type WithReadAmounts<T> = WithAmountsAs<T, ReadAmount>;

/** `T` with every `number | string` field (the generated `BaseUnitAmount`), nested too, typed `Amount`. */
type WithAmountsAs<T, Amount> = [NonNullable<T>] extends [number | string]
  ? [number | string] extends [NonNullable<T>]
    ? Amount | Extract<T, null | undefined>
    : T
  : NestedAmountsAs<T, Amount>;

type NestedAmountsAs<T, Amount> = T extends Date
  ? T
  : T extends Array<infer Item>
    ? Array<WithAmountsAs<Item, Amount>>
    : T extends object
      ? { [K in keyof T]: WithAmountsAs<T[K], Amount> }
      : T;

/**
 * An amount as read from a response: a decimal string or a number as sent, and a `bigint` when a
 * JSON integer exceeds 2^53 - 1 (the lossless parse keeps every digit; a number would round).
 */
export type ReadAmount = string | number | bigint;
