import {
  AccessTokenApi,
  Configuration,
  type AccessToken,
  type CreateAccessTokenRequest,
  type FetchAPI,
  type InitOverrideFunction,
  type Middleware,
  type RequestOpts,
} from './generated';
import { assertExactNumbers, type WithExactAmounts } from './amounts';
import { BitGoApiError } from './errors';
import { parseJson, type JsonValue } from './json';
import { otpOf, redact, redactedWhenInspected } from './secrets';

/** BitGo's environments (the spec's `servers`). */
export const BitGoEnvironment = {
  test: 'https://app.bitgo-test.com',
  production: 'https://app.bitgo.com',
} as const;

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
 * The generated `AccessTokenApi`, with every request body checked for numbers JavaScript may have
 * rounded before it is serialized (the generated code would send them rounded).
 */
export class ExactAccessTokenApi extends AccessTokenApi {
  protected override async request(
    context: RequestOpts,
    initOverrides?: RequestInit | InitOverrideFunction,
  ): Promise<Response> {
    assertExactNumbers(context.body);
    return super.request(context, initOverrides);
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

  /** Creates a token. Throws {@link BitGoApiError} for any non-2xx answer. */
  createAccessToken(request: CreateAccessTokenInput): Promise<AccessToken> {
    return this.api.createAccessToken({ createAccessTokenRequest: request });
  }

  toString(): string {
    return `AccessTokenClient(${this.baseUrl})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }
}

function checkedToken(token: string): string {
  if (typeof token !== 'string' || !/^[\x21-\x7e]{8,}$/.test(token)) {
    // says what is wrong without echoing the value
    throw new TypeError('accessToken must be at least 8 printable characters without spaces');
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

/** A response whose `json()` keeps every digit: the generated code decodes through it. */
class LosslessJsonResponse extends Response {
  override async json(): Promise<JsonValue> {
    return parseJson(await this.text());
  }
}

/**
 * Hooks into the generated code's own response handling: a non-2xx answer becomes
 * BitGoApiError (instead of the generated ResponseError with the body unread), and a 2xx JSON
 * body is decoded losslessly (amounts beyond 2^53 as bigint).
 */
function platformResponses(token: string): Middleware {
  return {
    async post({ init, response }) {
      if (!response.ok) throw await toApiError(response, [token, otpOf(init.body)]);
      if (response.body === null) return response;
      return new LosslessJsonResponse(await response.text(), {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    },
  };
}

/** `secrets`: what the client sent that a peer may echo in its error body (token, otp). */
async function toApiError(
  response: Response,
  secrets: ReadonlyArray<string | undefined>,
): Promise<BitGoApiError> {
  const text = redact(await response.text(), secrets);
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
