// The rest of a token's life through the generated Go client, against the stub server jar:
// create -> use -> list a page at a time -> revoke -> the revoked token's 401, and a 404.
package accesstoken_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"testing"
	"time"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

func authenticated(token string) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	return context.WithValue(ctx, openapi.ContextAccessToken, token), cancel
}

func randomHex(t *testing.T, bytes int) string {
	t.Helper()
	buffer := make([]byte, bytes)
	if _, err := rand.Read(buffer); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(buffer)
}

func mustCreate(t *testing.T, label string) *openapi.AccessToken {
	t.Helper()
	created, status, err := create(t, suiteToken, openapi.NewCreateAccessTokenRequest(label))
	if err != nil || status != 200 {
		t.Fatalf("create %s: status %d, error %v", label, status, err)
	}
	return created
}

// every token of the bearer's user, following nextBatchPrevId with one token per page
func listOneTokenPerPage(t *testing.T, token string) (ids []string, pages int) {
	t.Helper()
	ctx, cancel := authenticated(token)
	defer cancel()
	var cursor *string
	for {
		request := client().AccessTokenAPI.ListAccessTokens(ctx).Limit(1)
		if cursor != nil {
			request = request.PrevId(*cursor)
		}
		page, _, err := request.Execute()
		if err != nil {
			t.Fatalf("page %d: %v", pages+1, err)
		}
		pages++
		if len(page.GetAccessTokens()) > 1 {
			t.Fatalf("page %d holds %d tokens, limit 1", pages, len(page.GetAccessTokens()))
		}
		for _, listed := range page.GetAccessTokens() {
			ids = append(ids, listed.GetId())
		}
		next, more := page.GetNextBatchPrevIdOk()
		if !more {
			return ids, pages
		}
		if pages > 10000 {
			t.Fatal("paging does not end")
		}
		cursor = next
	}
}

func count(ids []string, id string) int {
	n := 0
	for _, each := range ids {
		if each == id {
			n++
		}
	}
	return n
}

func TestListPagesWithLimit1AndARevokedTokenGets401(t *testing.T) {
	first := mustCreate(t, "go-first-"+randomHex(t, 4))
	second := mustCreate(t, "go-second-"+randomHex(t, 4))

	// a token the stub created authenticates: it lists its own user's tokens, page by page
	ids, pages := listOneTokenPerPage(t, first.GetToken())
	if pages < 2 {
		t.Errorf("%d page(s) for %d tokens with limit 1", pages, len(ids))
	}
	for _, created := range []*openapi.AccessToken{first, second} {
		if count(ids, created.GetId()) != 1 {
			t.Errorf("%s listed %d times in %v", created.GetId(), count(ids, created.GetId()), ids)
		}
	}

	ctx, cancel := authenticated(suiteToken)
	defer cancel()
	revoked, response, err := client().AccessTokenAPI.RevokeAccessToken(ctx, first.GetId()).Execute()
	if err != nil || response.StatusCode != 200 {
		t.Fatalf("revoke: %v", err)
	}
	if revoked.GetId() != first.GetId() || revoked.GetLabel() != first.GetLabel() {
		t.Errorf("revoked %s %q, want %s %q", revoked.GetId(), revoked.GetLabel(), first.GetId(), first.GetLabel())
	}
	if !revoked.GetExpires().Before(first.GetExpires()) || revoked.GetExpires().After(time.Now()) {
		t.Errorf("revoked expires %v, created to expire %v, now %v", revoked.GetExpires(), first.GetExpires(), time.Now())
	}

	asFirst, cancelFirst := authenticated(first.GetToken())
	defer cancelFirst()
	_, response, err = client().AccessTokenAPI.ListAccessTokens(asFirst).Execute()
	if platform := platformError(t, err); response.StatusCode != 401 || platform.GetName() != "Unauthorized" {
		t.Errorf("the revoked token: status %d, error %+v", response.StatusCode, platform)
	}

	remaining, _ := listOneTokenPerPage(t, suiteToken)
	if count(remaining, first.GetId()) != 0 || count(remaining, second.GetId()) != 1 {
		t.Errorf("after revoking %s the list is %v", first.GetId(), remaining)
	}
}

func TestRevokingAnIdThatNamesNoTokenIs404(t *testing.T) {
	ctx, cancel := authenticated(suiteToken)
	defer cancel()
	_, response, err := client().AccessTokenAPI.RevokeAccessToken(ctx, randomHex(t, 16)).Execute()
	platform := platformError(t, err)
	if response.StatusCode != 404 || platform.GetRequestId() == "" {
		t.Errorf("status %d, error %+v", response.StatusCode, platform)
	}
}

func TestAListLimitOutOf1To200Is400(t *testing.T) {
	ctx, cancel := authenticated(suiteToken)
	defer cancel()
	_, response, err := client().AccessTokenAPI.ListAccessTokens(ctx).Limit(0).Execute()
	platform := platformError(t, err)
	if response.StatusCode != 400 || platform.GetContext()["field"] != "limit" {
		t.Errorf("status %d, error %+v", response.StatusCode, platform)
	}
}
