import {
  AccessTokenApi,
  Configuration,
  type AccessToken,
  type AccessTokenInfo,
  type AccessTokenList,
  type CreateAccessTokenRequest,
  type FetchAPI,
  type InitOverrideFunction,
  type Middleware,
  type RequestOpts,
} from './generated';
import {
  assertExactNumbers,
  containsBigint,
  integerAmountsWithinInt64,
  type WithExactAmounts,
  type WithReadAmounts,
} from './amounts';
import { BitGoApiError, BitGoLabelError, BitGoTransportError } from './errors';
import { parseJson, stringifyJson, type JsonValue } from './json';
import { otpOf, redact, redactedWhenInspected } from './secrets';
import { CONTRACT_FACTS } from './contractFacts';

/** BitGo's environments: the spec's `servers`, by their `x-environment` name. */
export const BitGoEnvironment = CONTRACT_FACTS.environments;

const BEARER_TOKEN = CONTRACT_FACTS.bearerToken;
const BEARER_TOKEN68 = new RegExp(BEARER_TOKEN.pattern);

/** The spec's bearer-token rule (`x-bearer-token`), as the stub and every client check it. */
export function isBearerToken(token: unknown): token is string {
  return (
    typeof token === 'string' &&
    token.length >= BEARER_TOKEN.minLength &&
    token.length <= BEARER_TOKEN.maxLength &&
    BEARER_TOKEN68.test(token)
  );
}

export interface AccessTokenClientOptions {
  /** Sent as `Authorization: Bearer <accessToken>`; never printed. */
  accessToken: string;
  /** `'test'` or `'production'`; or give `baseUrl` instead. */
  environment?: keyof typeof BitGoEnvironment;
  /** Any other server, e.g. the stub at `http://127.0.0.1:8080`. Plain http only to loopback unless `allowPlainHttp`. */
  baseUrl?: string;
  allowPlainHttp?: boolean;
  /** Another fetch (a proxy agent, a test double); defaults to the global `fetch`. */
  fetchApi?: FetchAPI;
}

/** The create-token request as this client accepts it: every amount a decimal string or a checked safe integer. */
export type CreateAccessTokenInput = WithExactAmounts<CreateAccessTokenRequest>;

/**
 * The created token as `createAccessToken` returns it: the generated `AccessToken` with every
 * amount a {@link ReadAmount} (`string | number | bigint`), since an integer beyond 2^53 is read
 * as a `bigint`. `JSON.stringify` throws on a `bigint`: serialize it with `stringifyJson`.
 */
export type ReadAccessToken = WithReadAmounts<AccessToken>;

/** A listed or revoked token's document (never its secret), amounts read as {@link ReadAmount}. */
export type ReadAccessTokenInfo = WithReadAmounts<AccessTokenInfo>;

/** One page of the caller's tokens, as `list` returns it. */
export type ReadAccessTokenList = WithReadAmounts<AccessTokenList>;

/**
 * The spec's `TokenId` pattern, a token's public id (a test keeps it equal to the spec's).
 * `revoke` checks it before sending, because the id goes into the URL: a secret passed there by
 * mistake would reach every access log on the way.
 */
export const TOKEN_ID = /^[0-9a-f]{32}$/;

/** Which page `list` asks for. */
export interface ListPageOptions {
  /** How many tokens the page holds at most, 1 to 200 (the server checks it); the server's default is 100. */
  limit?: number;
  /** The previous page's `nextBatchPrevId`; without it the first page. */
  prevId?: string;
}

/**
 * The generated `AccessTokenApi`, with every request body checked for numbers JavaScript may have
 * rounded before it is serialized (the generated code would send them rounded).
 */
export class ExactAccessTokenApi extends AccessTokenApi {
  protected override async request(
    context: RequestOpts,
    initOverrides?: RequestInit | InitOverrideFunction,
  ): Promise<Response> {
    assertExactNumbers(context.body);
    const exact = integerAmountsWithinInt64(context.body);
    // JSON.stringify, which the generated code calls, throws on a bigint amount: a Blob is sent as
    // it is, so the body is written here with every digit of the integer
    const body = containsBigint(exact)
      ? new Blob([stringifyJson(exact)], { type: 'application/json' })
      : exact;
    return super.request({ ...context, body }, initOverrides);
  }

  /** The created token, whose secret `util.inspect` / `console.log` show as `[REDACTED]`. */
  override async createAccessToken(
    requestParameters: Parameters<AccessTokenApi['createAccessToken']>[0],
    initOverrides?: RequestInit | InitOverrideFunction,
  ): Promise<AccessToken> {
    return redactedWhenInspected(await super.createAccessToken(requestParameters, initOverrides));
  }
}

/** One configured client: bearer token, base URL, typed errors and exact amounts. */
export class AccessTokenClient {
  /** The generated API, wired the same way (typed errors, lossless amounts, checked requests). */
  readonly api: ExactAccessTokenApi;
  readonly baseUrl: string;

  constructor(options: AccessTokenClientOptions) {
    const token = checkedToken(options.accessToken);
    this.baseUrl = resolveBaseUrl(options);
    this.api = new ExactAccessTokenApi(
      new Configuration({
        basePath: this.baseUrl,
        // a function, not the string: whoever prints the configuration sees no token
        accessToken: () => token,
        middleware: [platformResponses(token)],
        ...(options.fetchApi === undefined ? {} : { fetchApi: options.fetchApi }),
      }),
    );
  }

  /**
   * Creates a token. Throws {@link BitGoApiError} for any non-2xx answer,
   * {@link BitGoTransportError} when no usable answer arrived, and a RangeError (nothing sent) for
   * a number that is not a safe integer or an amount string that is not 1 to 78 digits.
   */
  createAccessToken(request: CreateAccessTokenInput): Promise<ReadAccessToken> {
    // the generated type has no bigint amount: `ExactAccessTokenApi.request` writes one exactly
    return this.api.createAccessToken({
      createAccessTokenRequest: request as CreateAccessTokenRequest,
    });
  }

  /**
   * One page of the caller's unexpired tokens (none carries its secret). Pass the answer's
   * `nextBatchPrevId` as `prevId` for the next page; the last page has none. `listAll` does that
   * for you. Throws {@link BitGoApiError} for a `limit` out of 1 to 200 or a malformed `prevId` (400).
   */
  list(options: ListPageOptions = {}): Promise<ReadAccessTokenList> {
    return this.api.listAccessTokens(options);
  }

  /**
   * Every unexpired token of the caller, fetched a page at a time as the loop asks for them:
   * `for await (const token of client.listAll()) ...`. Breaking out of the loop fetches no further
   * page. `limit` is the page size (the server's default, 100, when not given). A token alive for
   * the whole traversal is yielded exactly once; one created or revoked meanwhile may or may not
   * be. A server that hands back a cursor it already gave would loop forever: that is a
   * {@link BitGoTransportError}.
   */
  async *listAll(
    options: { limit?: number } = {},
  ): AsyncGenerator<ReadAccessTokenInfo, void, undefined> {
    const cursors = new Set<string>();
    let prevId: string | undefined;
    do {
      const page = await this.list({
        ...(options.limit === undefined ? {} : { limit: options.limit }),
        ...(prevId === undefined ? {} : { prevId }),
      });
      yield* page.accessTokens;
      prevId = page.nextBatchPrevId;
      if (prevId !== undefined && cursors.has(prevId)) {
        throw new BitGoTransportError(
          `the list answered the cursor ${prevId} a second time: paging would never end`,
          { cause: undefined, requestMayHaveBeenSent: true, status: 200 },
        );
      }
      if (prevId !== undefined) cursors.add(prevId);
    } while (prevId !== undefined);
  }

  /**
   * Revokes the caller's token with this public `id` (not its secret): it stops authenticating at
   * once. Answers the revoked document; revoking it again answers the same document, so a retry
   * is safe. Throws {@link BitGoApiError} 404 when no token of the caller's user has this id, and
   * a RangeError, sending nothing and not echoing the value, when `id` is not {@link TOKEN_ID}
   * (e.g. the token's secret).
   */
  async revoke(id: string): Promise<ReadAccessTokenInfo> {
    if (typeof id !== 'string' || !TOKEN_ID.test(id)) {
      throw new RangeError(
        "id must be a token's public id, 32 lowercase hexadecimal digits (not its secret): nothing was sent",
      );
    }
    return this.api.revokeAccessToken({ id });
  }

  /**
   * Revokes the one unexpired token of the caller with this label, as BitGo's SDK does: lists
   * every token, then refuses with {@link BitGoLabelError}, revoking nothing, when no token or
   * more than one has the label; otherwise revokes that token by its id.
   */
  async revokeByLabel(label: string): Promise<ReadAccessTokenInfo> {
    const matchingIds: string[] = [];
    for await (const token of this.listAll()) {
      if (token.label === label) matchingIds.push(token.id);
    }
    if (matchingIds.length !== 1) throw new BitGoLabelError(label, matchingIds);
    return this.revoke(matchingIds[0]!);
  }

  toString(): string {
    return `AccessTokenClient(${this.baseUrl})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function checkedToken(token: string): string {
  if (!isBearerToken(token)) {
    // says what is wrong without echoing the value
    throw new TypeError(
      `accessToken must be ${BEARER_TOKEN.minLength} to ${BEARER_TOKEN.maxLength} RFC 6750 token68` +
        ' characters (letters, digits, - . _ ~ + /, then = padding)',
    );
  }
  return token;
}

function resolveBaseUrl(options: AccessTokenClientOptions): string {
  if ((options.environment === undefined) === (options.baseUrl === undefined)) {
    throw new TypeError("give exactly one of environment ('test' | 'production') and baseUrl");
  }
  if (options.environment !== undefined) {
    const url = BitGoEnvironment[options.environment];
    if (url === undefined)
      throw new TypeError(`unknown environment ${JSON.stringify(options.environment)}`);
    return url;
  }
  const url = new URL(options.baseUrl!);
  if (url.username !== '' || url.password !== '')
    throw new TypeError('baseUrl must not carry credentials');
  const loopback =
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && (loopback || options.allowPlainHttp === true))
  ) {
    throw new TypeError(
      `baseUrl ${url.origin} must use https (plain http only to loopback, or with allowPlainHttp)`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** A response whose `json()` is the value already read losslessly: the generated code decodes through it. */
class LosslessJsonResponse extends Response {
  constructor(
    private readonly value: JsonValue,
    text: string,
    answer: Response,
  ) {
    super(text, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
  }

  override async json(): Promise<JsonValue> {
    return this.value;
  }
}

/**
 * Hooks into the generated code's own response handling: a non-2xx answer becomes
 * BitGoApiError (instead of the generated ResponseError with the body unread), a 2xx JSON
 * body is decoded losslessly (amounts beyond 2^53 as bigint), and a failed fetch or an unreadable
 * answer becomes BitGoTransportError (instead of the generated FetchError or a SyntaxError).
 */
function platformResponses(token: string): Middleware {
  return {
    async onError({ url, error }) {
      const refused = refusedBeforeSending(error);
      throw new BitGoTransportError(
        `the request to ${new URL(url).origin} failed${refused ? ' before it was sent' : ''}: ${describe(error)}`,
        { cause: error, requestMayHaveBeenSent: !refused },
      );
    },
    async post({ init, response }) {
      const text = await readText(response);
      if (!response.ok) throw toApiError(response, text, [token, otpOf(init.body)]);
      let value: JsonValue;
      try {
        value = parseJson(text);
      } catch (e) {
        throw unreadable(response, 'is not JSON', e);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw unreadable(response, 'is not a JSON object', undefined);
      }
      return new LosslessJsonResponse(value, text, response);
    },
  };
}

/** The answer's body; a connection closed or reset mid-body is a BitGoTransportError. */
async function readText(response: Response): Promise<string> {
  try {
    return await response.text();
  } catch (e) {
    throw new BitGoTransportError(
      `the answer (status ${response.status}) ended before its body was read: ${describe(e)}`,
      { cause: e, requestMayHaveBeenSent: true, status: response.status },
    );
  }
}

function unreadable(response: Response, what: string, cause: unknown): BitGoTransportError {
  const type = response.headers.get('Content-Type') ?? 'no Content-Type';
  return new BitGoTransportError(
    `the answer (status ${response.status}, ${type}) ${what}; the request was sent and may have taken effect`,
    { cause, requestMayHaveBeenSent: true, status: response.status },
  );
}

/** Node's fetch says `fetch failed` and puts the reason (ECONNREFUSED, ...) in its cause. */
function refusedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/** `secrets`: what the client sent that a peer may echo in its error body (token, otp). */
function toApiError(
  response: Response,
  answer: string,
  secrets: ReadonlyArray<string | undefined>,
): BitGoApiError {
  const text = redact(answer, secrets);
  let body: JsonValue = null;
  try {
    body = parseJson(text);
  } catch {
    // not JSON (a proxy's HTML page): keep the status and the header's request id
  }
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const text_ = (value: JsonValue | undefined) => (typeof value === 'string' ? value : undefined);
  const context = fields['context'];
  return new BitGoApiError({
    status: response.status,
    name: text_(fields['name']),
    error: text_(fields['error']) ?? (response.statusText || `HTTP ${response.status}`),
    requestId: text_(fields['requestId']) ?? response.headers.get('X-Request-Id') ?? undefined,
    context:
      context !== null && typeof context === 'object' && !Array.isArray(context)
        ? context
        : undefined,
  });
}
