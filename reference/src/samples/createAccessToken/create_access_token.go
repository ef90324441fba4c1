// Creates a token with the Go client generated from the spec (openapi-generator -g go, default
// options; use your own module path for the import).
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func main() {
	configuration := openapi.NewConfiguration()
	configuration.Servers = openapi.ServerConfigurations{{URL: os.Getenv("BITGO_BASE_URL")}}
	client := openapi.NewAPIClient(configuration)
	// sent as Authorization: Bearer …
	ctx := context.WithValue(context.Background(), openapi.ContextAccessToken, os.Getenv("BITGO_ACCESS_TOKEN"))

	request := openapi.NewCreateAccessTokenRequest("treasury-bot")
	request.SetScope([]string{"wallet_view_all"})
	limit := "123456789012345678901234567890" // amounts beyond int64 go as decimal strings
	request.SetSpendingLimits([]openapi.SpendingLimit{
		*openapi.NewSpendingLimit("eth", openapi.StringAsBaseUnitAmount(&limit)),
	})
	token, _, err := client.AccessTokenAPI.CreateAccessToken(ctx).CreateAccessTokenRequest(*request).Execute()
	if err != nil { // a non-2xx answer is an *openapi.GenericOpenAPIError; Model() is the PlatformError
		fmt.Fprintln(os.Stderr, "refused:", err)
		os.Exit(1)
	}
	// token.GetToken() is the secret, returned only this once: store it, never log it
	fmt.Printf("created %s with scope %s\n", token.GetLabel(), strings.Join(token.GetScope(), ","))
	fmt.Printf("eth limit per transaction: %s\n", *(*token.GetUnlock().SpendingLimits)["eth"].TxValueLimit.String)
}

// Prints:
// created treasury-bot with scope wallet_view_all
// eth limit per transaction: 123456789012345678901234567890
