// No usable answer: a refused connection, an answer cut off mid-body, a 2xx body that is not a JSON
// object. Each is a BitGoTransportError (a BitGoError), never a FetchError or a SyntaxError; real
// HTTP servers on loopback play the broken peer.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import {
  AccessTokenClient,
  BitGoApiError,
  BitGoError,
  BitGoTransportError,
} from '@openbitgo/accesstoken-client';

const TOKEN = 'transport-suite-token-7d21';

/** A loopback server answering every request with `answer`; its base URL and a stop function. */
async function peer(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function failureOf(baseUrl: string): Promise<BitGoTransportError> {
  const error = await new AccessTokenClient({ baseUrl, accessToken: TOKEN })
    .createAccessToken({ label: 'x', otp: '7351902' })
    .then(
      () => assert.fail('expected a transport error'),
      (e: unknown) => e,
    );
  assert.ok(error instanceof BitGoTransportError, inspect(error));
  assert.ok(error instanceof BitGoError && !(error instanceof BitGoApiError));
  for (const printed of [error.message, error.stack ?? '', inspect(error)]) {
    assert.ok(!printed.includes(TOKEN) && !printed.includes('7351902'), printed);
  }
  return error;
}

test('a refused connection: not sent, with the cause', async () => {
  const closed = await peer(() => {});
  await closed.stop(); // nothing listens on its port any more
  const error = await failureOf(closed.baseUrl);
  assert.equal(error.requestMayHaveBeenSent, false);
  assert.match(error.message, /failed before it was sent.*ECONNREFUSED/);
  assert.ok(error.cause instanceof Error);
  assert.equal(error.status, undefined);
});

test('an answer cut off mid-body: may have been sent', async () => {
  const cutting = await peer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '500' });
    response.write('{"id":"59cd72485007a239fb00282ed480da1f","tok');
    setTimeout(() => response.socket?.destroy(), 20);
  });
  try {
    const error = await failureOf(cutting.baseUrl);
    assert.equal(error.requestMayHaveBeenSent, true);
    assert.equal(error.status, 200);
    assert.match(error.message, /ended before its body was read/);
  } finally {
    await cutting.stop();
  }
});

test('a 2xx body that is not a JSON object: may have been sent', async () => {
  for (const [body, what] of [
    ['<html><body>Welcome to the proxy</body></html>', /is not JSON/],
    ['', /is not JSON/],
    ['[]', /is not a JSON object/],
    ['"created"', /is not a JSON object/],
  ] as const) {
    const answering = await peer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end(body);
    });
    try {
      const error = await failureOf(answering.baseUrl);
      assert.equal(error.requestMayHaveBeenSent, true, body);
      assert.equal(error.status, 200);
      assert.match(error.message, /status 200, text\/html/);
      assert.match(error.message, what, body);
    } finally {
      await answering.stop();
    }
  }
});

test('a non-2xx answer that is not JSON is still a BitGoApiError', async () => {
  const proxy = await peer((_request, response) => {
    response.writeHead(502, { 'Content-Type': 'text/html', 'X-Request-Id': 'edge-1' });
    response.end('<html>Bad Gateway</html>');
  });
  try {
    const error = await new AccessTokenClient({ baseUrl: proxy.baseUrl, accessToken: TOKEN })
      .createAccessToken({ label: 'x' })
      .then(
        () => assert.fail('expected a 502'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof BitGoApiError && error instanceof BitGoError);
    assert.equal(error.status, 502);
    assert.equal(error.requestId, 'edge-1');
  } finally {
    await proxy.stop();
  }
});
