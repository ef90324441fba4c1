import { AccessTokenClient, BitGoApiError } from '@openbitgo/accesstoken-client';

async function main(): Promise<void> {
  const client = new AccessTokenClient({
    baseUrl: process.env['BITGO_BASE_URL'] ?? '', // or environment: 'test' | 'production'
    accessToken: process.env['BITGO_ACCESS_TOKEN'] ?? '', // sent as Authorization: Bearer …
  });
  try {
    const created = await client.createAccessToken({ label: 'rotate-me' });
    // by its public id, never its secret; client.revokeByLabel('rotate-me') also works when
    // exactly one token has that label
    const revoked = await client.revoke(created.id);
    console.log(`revoked ${revoked.label ?? ''} (${revoked.id})`);
    console.log(`expired: ${(revoked.expires?.getTime() ?? Infinity) <= Date.now()}`);
  } catch (e) {
    // every non-2xx answer: 404 when no token of yours has the id
    if (e instanceof BitGoApiError) console.error(e.status, e.name, e.error, e.requestId);
    throw e;
  }
}

main().catch(() => process.exit(1));
// Prints (… is the id):
// revoked rotate-me (…)
// expired: true
