// The agreement table (agreement/README.md): for each row, whether this client refuses the input
// before sending or sends it. A loopback server counts what arrives; the verdicts go to
// target/agreement-verdicts.json, which the agreement module compares with the stub's, the Java
// client's and the Python wheel's.
import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AccessTokenClient,
  parseJson,
  type CreateAccessTokenInput,
} from '@openbitgo/accesstoken-client';

type Value = ReturnType<typeof parseJson>;

interface Table {
  callerToken: string;
  fields: Record<string, { in: 'authorization' | 'body'; body: Value }>;
  rows: Array<{ id: string; field: string; value: Value }>;
}

/** `template` with the row's value in place of every "$value". */
function replaced(template: Value, value: Value): Value {
  if (template === '$value') return value;
  if (Array.isArray(template)) return template.map((item) => replaced(item, value));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, replaced(v, value)]));
  }
  return template;
}

test('the agreement table: each input refused before sending, or sent', async () => {
  const bytes = readFileSync(process.env['AGREEMENT_TABLE']!);
  // the client's own lossless parse: 18446744073709551617 stays exact (a bigint)
  const table = parseJson(bytes.toString('utf8')) as unknown as Table;
  let arrived = 0;
  const server = createServer((request, response) => {
    arrived++;
    request.resume();
    request.on('end', () => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end('{"error":"judged by the server","requestId":"agreement","context":{}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const observations: Record<string, 'refused' | 'sent'> = {};
  try {
    for (const row of table.rows) {
      const field = table.fields[row.field]!;
      const before = arrived;
      try {
        const accessToken = field.in === 'authorization' ? String(row.value) : table.callerToken;
        const body = field.in === 'body' ? replaced(field.body, row.value) : field.body;
        await new AccessTokenClient({ baseUrl, accessToken }).createAccessToken(
          body as unknown as CreateAccessTokenInput,
        );
      } catch {
        // a refusal before sending, or the server's 400: the count below tells which
      }
      observations[row.id] = arrived > before ? 'sent' : 'refused';
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  writeFileSync(
    process.env['AGREEMENT_VERDICTS']!,
    JSON.stringify(
      {
        component: 'typescript',
        tableSha256: createHash('sha256').update(bytes).digest('hex'),
        observations,
      },
      null,
      2,
    ) + '\n',
  );
  assert.equal(Object.keys(observations).length, table.rows.length);
});
