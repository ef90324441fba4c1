/**
 * Everything the client throws once a request is under way: {@link BitGoApiError} (BitGo answered
 * with a non-2xx status), {@link BitGoTransportError} (no usable answer) or
 * {@link BitGoLabelError} (`revokeByLabel` found no token or several with the label). One
 * `instanceof BitGoError` catches them all, as the Java client's `BitGoApiException` and
 * `BitGoTransportException` do. No message, `toString()` or `util.inspect` output contains the
 * access token.
 */
export abstract class BitGoError extends Error {}

/**
 * Every non-2xx answer, filled from the contract's `PlatformError` body
 * (`name`, `error`, `requestId`, `context`). `name` is the platform's error code, so a stack
 * trace reads `InvalidRequest: ipRestrict[0] must be ... (status 400, requestId: 6f1c2a9e4b7d8c03)`.
 */
export class BitGoApiError extends BitGoError {
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

/**
 * The request got no usable answer: the connection was refused, reset or closed mid-answer, the
 * `fetch` failed or was aborted, or a 2xx answer's body was not a readable JSON object. `cause` is
 * the underlying error.
 *
 * When {@link requestMayHaveBeenSent} is true BitGo may have created the token although no answer
 * arrived; the client does not retry (creating a token is not idempotent), so check the account's
 * tokens before creating another one.
 */
export class BitGoTransportError extends BitGoError {
  /** False only when the connection failed before anything was sent (refused, host not found). */
  readonly requestMayHaveBeenSent: boolean;
  /** The HTTP status when an answer arrived but its body could not be read, else undefined. */
  readonly status: number | undefined;

  constructor(
    message: string,
    fields: { cause: unknown; requestMayHaveBeenSent: boolean; status?: number | undefined },
  ) {
    super(message, { cause: fields.cause });
    this.name = 'BitGoTransportError';
    this.requestMayHaveBeenSent = fields.requestMayHaveBeenSent;
    this.status = fields.status;
  }
}

/**
 * `revokeByLabel` refused, and revoked nothing, because the label does not name exactly one of the
 * caller's tokens: none has it, or several have it (revoke the one you mean by its id). Labels are
 * not unique, so revoking "the" token with a label is only safe when there is one.
 */
export class BitGoLabelError extends BitGoError {
  /** The label asked for. */
  readonly label: string;
  /** The ids of the caller's unexpired tokens that have this label: none, or two or more. */
  readonly matchingIds: readonly string[];

  constructor(label: string, matchingIds: readonly string[]) {
    super(
      matchingIds.length === 0
        ? `no access token has the label ${JSON.stringify(label)}: nothing revoked`
        : `${matchingIds.length} access tokens have the label ${JSON.stringify(label)} ` +
            `(ids ${matchingIds.join(', ')}): nothing revoked, revoke one by its id`,
    );
    this.name = 'BitGoLabelError';
    this.label = label;
    this.matchingIds = Object.freeze([...matchingIds]);
  }
}
