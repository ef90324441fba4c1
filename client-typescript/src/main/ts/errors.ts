/**
 * Every non-2xx answer, filled from the contract's `PlatformError` body
 * (`name`, `error`, `requestId`, `context`). `name` is the platform's error code, so a stack
 * trace reads `InvalidRequest: ipRestrict[0] must be ... (status 400, requestId: 6f1c2a9e4b7d8c03)`.
 */
export class BitGoApiError extends Error {
  /** The HTTP status. */
  readonly status: number;
  /** Human-readable explanation from the body (or the status text when the body is not a PlatformError). */
  readonly error: string;
  /** Quote it when asking for support; from the body, else the `X-Request-Id` header. */
  readonly requestId: string | undefined;
  /** Details such as the offending `field`. */
  readonly context: Readonly<Record<string, unknown>>;

  constructor(fields: {
    status: number;
    name?: string | undefined;
    error: string;
    requestId?: string | undefined;
    context?: Record<string, unknown> | undefined;
  }) {
    const requestId = fields.requestId === undefined ? '' : `, requestId: ${fields.requestId}`;
    super(`${fields.error} (status ${fields.status}${requestId})`);
    this.name = fields.name ?? 'BitGoApiError';
    this.status = fields.status;
    this.error = fields.error;
    this.requestId = fields.requestId;
    this.context = Object.freeze({ ...(fields.context ?? {}) });
  }
}
