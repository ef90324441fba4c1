import { AccessTokenClient, BitGoApiError } from '@openbitgo/accesstoken-client';

async function main(): Promise<void> {
  const client = new AccessTokenClient({
    baseUrl: process.env['BITGO_BASE_URL'] ?? '', // or environment: 'test' | 'production'
    accessToken: process.env['BITGO_ACCESS_TOKEN'] ?? '', // sent as Authorization: Bearer …
  });
  try {
    // listAll fetches the next page (here of 2) only when the loop reaches it
    let count = 0;
    for await (const token of client.listAll({ limit: 2 })) {
      // token.id, token.label, token.scope, token.expires, ... (never the secret)
      if (token.id) count++;
    }
    console.log(`listed ${count} unexpired tokens`);
  } catch (e) {
    if (e instanceof BitGoApiError) console.error(e.status, e.name, e.error, e.requestId);
    throw e;
  }
}

main().catch(() => process.exit(1));
// Prints (… is the count, which differs per caller):
// listed … unexpired tokens
