// Lists every unexpired token of the caller with the Go client generated from the spec
// (openapi-generator -g go, default options; use your own module path for the import).
package main

import (
	"context"
	"fmt"
	"os"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func main() {
	configuration := openapi.NewConfiguration()
	configuration.Servers = openapi.ServerConfigurations{{URL: os.Getenv("BITGO_BASE_URL")}}
	client := openapi.NewAPIClient(configuration)
	// sent as Authorization: Bearer …
	ctx := context.WithValue(context.Background(), openapi.ContextAccessToken, os.Getenv("BITGO_ACCESS_TOKEN"))

	count := 0
	request := client.AccessTokenAPI.ListAccessTokens(ctx).Limit(2)
	for {
		page, _, err := request.Execute()
		if err != nil { // a non-2xx answer is an *openapi.GenericOpenAPIError; Model() is the PlatformError
			fmt.Fprintln(os.Stderr, "refused:", err)
			os.Exit(1)
		}
		// each token: GetId(), GetLabel(), GetScope(), GetExpires(), ... (never the secret)
		count += len(page.GetAccessTokens())
		if !page.HasNextBatchPrevId() { // the last page has no cursor
			break
		}
		request = request.PrevId(page.GetNextBatchPrevId())
	}
	fmt.Printf("listed %d unexpired tokens\n", count)
}

// Prints (… is the count, which differs per caller):
// listed … unexpired tokens
