# Revoke a token: DELETE /api/v2/user/accesstoken/{id} with its public id (never its secret). It
# stops authenticating at once; the answer is its document with expires set to now. Revoking it
# again answers the same document; an id that names no token of yours answers 404.
id=$(curl -sS -X POST "$BITGO_BASE_URL/api/v2/user/accesstoken" \
  -H "Authorization: Bearer $BITGO_ACCESS_TOKEN" -H 'Content-Type: application/json' \
  -d '{"label": "rotate-me"}' | sed -E 's/.*"id":"([0-9a-f]{32})".*/\1/')
curl -sS -X DELETE "$BITGO_BASE_URL/api/v2/user/accesstoken/$id" \
  -H "Authorization: Bearer $BITGO_ACCESS_TOKEN"
# Prints (no secret in the answer; … is what differs per call):
# {"id":"…","isExtensible":false,"label":"rotate-me",…"expires":"…"…}
