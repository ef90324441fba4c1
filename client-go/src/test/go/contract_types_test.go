package accesstoken_test

import openapi "github.com/GIT_USER_ID/GIT_REPO_ID"

// The types a Go team depends on, proven by the compiler: this file does not compile against a
// client whose integers are 32 bits (amounts beyond 2^31 would not fit) or whose scope is a
// wrapper type (a oneOf Scope made Go refuse wallet_view_all). The build compiles it against the
// client generated from release 1.0.0 too and expects exactly those failures.
var (
	_                                                   = openapi.Int64AsBaseUnitAmount
	_ func(*openapi.CreateAccessTokenRequest, int64)    = (*openapi.CreateAccessTokenRequest).SetDuration
	_ func(*openapi.UnlockSpendingLimit) int64          = (*openapi.UnlockSpendingLimit).GetTxCount
	_ func(*openapi.TokenUnlock) int64                  = (*openapi.TokenUnlock).GetTxCount
	_ func(*openapi.CreateAccessTokenRequest, []string) = (*openapi.CreateAccessTokenRequest).SetScope
	_ func(*openapi.AccessToken) []string               = (*openapi.AccessToken).GetScope
)
