"""Lists every unexpired token of the caller with the Python client, a page at a time."""
import os
import sys

from openbitgo_accesstoken import AccessTokenClient, BitGoApiError

client = AccessTokenClient(os.environ["BITGO_ACCESS_TOKEN"], base_url=os.environ["BITGO_BASE_URL"])
try:
    # list_all is a generator: it fetches the next page (here of 2) only when iteration reaches it
    tokens = list(client.list_all(limit=2))
except BitGoApiError as e:  # every non-2xx answer: e.status, e.name, e.error, e.request_id
    sys.exit(f"refused: {e}")
# each AccessTokenInfo: t.id, t.label, t.scope, t.expires, ... (never the secret)
print(f"listed {len(tokens)} unexpired tokens")
# Prints (… is the count, which differs per caller):
# listed … unexpired tokens
