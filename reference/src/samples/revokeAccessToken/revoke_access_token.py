"""Revokes a token by its public id with the Python client (here one it has just created)."""
import datetime
import os
import sys

from openbitgo_accesstoken import AccessTokenClient, BitGoApiError

client = AccessTokenClient(os.environ["BITGO_ACCESS_TOKEN"], base_url=os.environ["BITGO_BASE_URL"])
try:
    created = client.create_access_token({"label": "rotate-me"})
    # by its public id, never its secret; client.revoke_by_label("rotate-me") also works when
    # exactly one token has that label
    revoked = client.revoke(created.id)
except BitGoApiError as e:  # every non-2xx answer: 404 when no token of yours has the id
    sys.exit(f"refused: {e}")
print(f"revoked {revoked.label} ({revoked.id})")
print(f"expired: {revoked.expires <= datetime.datetime.now(datetime.timezone.utc)}")
# Prints (… is the id):
# revoked rotate-me (…)
# expired: True
