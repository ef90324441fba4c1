"""Creates a token with the Python client (wheel openbitgo-accesstoken-client)."""
import os
import sys

from openbitgo_accesstoken import AccessTokenClient, BitGoApiError, as_int

# base_url: or environment=BitGoEnvironment.TEST / PRODUCTION
client = AccessTokenClient(os.environ["BITGO_ACCESS_TOKEN"], base_url=os.environ["BITGO_BASE_URL"])
try:
    token = client.create_access_token({
        "label": "treasury-bot",
        "scope": ["wallet_view_all"],
        "spendingLimits": [{"coin": "eth", "txValueLimit": "123456789012345678901234567890"}],
    })
except BitGoApiError as e:  # every non-2xx answer: e.status, e.name, e.error, e.request_id
    sys.exit(f"refused: {e}")
# token.token is the secret, returned only this once: store it, never log it
print(f"created {token.label} with scope {','.join(token.scope)}")
print(f"eth limit per transaction: {as_int(token.unlock.spending_limits['eth'].tx_value_limit)}")
# Prints:
# created treasury-bot with scope wallet_view_all
# eth limit per transaction: 123456789012345678901234567890
