// Revokes a token by its public id with the Go client generated from the spec (here one it has
// just created; openapi-generator -g go, default options; use your own module path).
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func main() {
	configuration := openapi.NewConfiguration()
	configuration.Servers = openapi.ServerConfigurations{{URL: os.Getenv("BITGO_BASE_URL")}}
	client := openapi.NewAPIClient(configuration)
	// sent as Authorization: Bearer …
	ctx := context.WithValue(context.Background(), openapi.ContextAccessToken, os.Getenv("BITGO_ACCESS_TOKEN"))

	created, _, err := client.AccessTokenAPI.CreateAccessToken(ctx).
		CreateAccessTokenRequest(*openapi.NewCreateAccessTokenRequest("rotate-me")).Execute()
	if err != nil {
		fmt.Fprintln(os.Stderr, "refused:", err)
		os.Exit(1)
	}
	// by its public id, never its secret
	revoked, _, err := client.AccessTokenAPI.RevokeAccessToken(ctx, created.GetId()).Execute()
	if err != nil { // a non-2xx answer (404 when no token of yours has the id) is an *openapi.GenericOpenAPIError
		fmt.Fprintln(os.Stderr, "refused:", err)
		os.Exit(1)
	}
	fmt.Printf("revoked %s (%s)\n", revoked.GetLabel(), revoked.GetId())
	fmt.Printf("expired: %t\n", !revoked.GetExpires().After(time.Now()))
}

// Prints (… is the id):
// revoked rotate-me (…)
// expired: true
