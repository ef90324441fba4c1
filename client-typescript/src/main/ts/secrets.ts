import type { InspectOptions } from 'node:util';
import { CONTRACT_FACTS } from './contractFacts';

/** The properties the spec marks `format: password` (the token's value, the request's otp). */
export const SENSITIVE_PROPERTIES: readonly string[] = Object.freeze([
  ...CONTRACT_FACTS.sensitiveProperties,
]);

const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/**
 * The generated models are plain objects, so `console.log(created)` would print the new token's
 * secret. This gives `model` a non-enumerable inspect hook that shows its sensitive properties as
 * `[REDACTED]`; reading them and `JSON.stringify` are unchanged.
 */
export function redactedWhenInspected<T extends object>(model: T): T {
  Object.defineProperty(model, INSPECT, {
    enumerable: false,
    configurable: true,
    value: (
      _depth: number,
      options: InspectOptions,
      inspect: (value: unknown, options?: InspectOptions) => string,
    ) => {
      const shown: Record<string, unknown> = Object.fromEntries(Object.entries(model));
      for (const key of SENSITIVE_PROPERTIES) {
        if (shown[key] !== undefined) shown[key] = '[REDACTED]';
      }
      return inspect(shown, options);
    },
  });
  return model;
}

/** Replaces every occurrence of each secret (the client's token, the request's otp) in `text`. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return secrets.reduce<string>(
    (t, secret) => (secret ? t.split(secret).join('[REDACTED]') : t),
    text,
  );
}

/** The otp of a JSON request body, if it has one: a peer may echo it in an error. */
export function otpOf(body: unknown): string | undefined {
  if (typeof body !== 'string') return undefined;
  try {
    const otp: unknown = (JSON.parse(body) as Record<string, unknown> | null)?.['otp'];
    return typeof otp === 'string' ? otp : undefined;
  } catch {
    return undefined;
  }
}
