# Create a token: POST /api/v2/user/accesstoken with a bearer token. BITGO_BASE_URL is
# https://app.bitgo-test.com, https://app.bitgo.com or a stub server's URL (http://127.0.0.1:8080).
# Amounts are decimal strings (any size) or JSON integers, in the coin's base units.
curl -sS -X POST "$BITGO_BASE_URL/api/v2/user/accesstoken" \
  -H "Authorization: Bearer $BITGO_ACCESS_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"label": "treasury-bot", "scope": ["wallet_view_all"],
       "spendingLimits": [{"coin": "eth", "txValueLimit": "123456789012345678901234567890"}]}'
# Prints (the secret "token" is returned only this once; … is what differs per call):
# {"id":"…","isExtensible":false,"label":"treasury-bot",…,"scope":["wallet_view_all"],…"spendingLimits":{"eth":{"txCount":0,"txValue":0,"txValueLimit":"123456789012345678901234567890"}},…"token":"…"}
