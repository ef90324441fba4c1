import { AccessTokenClient, BitGoApiError } from '@openbitgo/accesstoken-client';

async function main(): Promise<void> {
  const client = new AccessTokenClient({
    baseUrl: process.env['BITGO_BASE_URL'] ?? '', // or environment: 'test' | 'production'
    accessToken: process.env['BITGO_ACCESS_TOKEN'] ?? '', // sent as Authorization: Bearer …
  });
  try {
    const token = await client.createAccessToken({
      label: 'treasury-bot',
      scope: ['wallet_view_all'],
      spendingLimits: [{ coin: 'eth', txValueLimit: '123456789012345678901234567890' }],
    });
    // token.token is the secret, returned only this once: store it, never log it
    console.log(`created ${token.label} with scope ${(token.scope ?? []).join(',')}`);
    const limit = token.unlock?.spendingLimits?.['eth']?.txValueLimit;
    console.log(`eth limit per transaction: ${String(limit)}`);
  } catch (e) {
    if (e instanceof BitGoApiError) console.error(e.status, e.name, e.error, e.requestId);
    throw e;
  }
}

main().catch(() => process.exit(1));
// Prints:
// created treasury-bot with scope wallet_view_all
// eth limit per transaction: 123456789012345678901234567890
