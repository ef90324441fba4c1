# List your unexpired tokens: GET /api/v2/user/accesstoken, a page at a time. Pass an answer's
# nextBatchPrevId as prevId for the next page; the last page has none. limit is 1 to 200 (100
# when absent). Listed tokens never carry their secret.
curl -sS "$BITGO_BASE_URL/api/v2/user/accesstoken?limit=2" \
  -H "Authorization: Bearer $BITGO_ACCESS_TOKEN"
# Prints (… is what differs per call):
# {"accessTokens":[…]…}
