// The Go client generated with default options, used as a Go team uses it, against the real stub
// server jar: started on port 0, its address read from its banner, stopped after the tests.
package accesstoken_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"testing"
	"time"

	openapi "github.com/GIT_USER_ID/GIT_REPO_ID"
)

const suiteToken = "go-suite-token-3b9e41"

var baseURL string

func TestMain(m *testing.M) {
	argsFile := os.Getenv("STUB_ARGS")
	if argsFile == "" {
		fmt.Fprintln(os.Stderr, "STUB_ARGS is not set: run the tests through mvn verify")
		os.Exit(2)
	}
	// the README's command: java @stub-server.args
	stub := exec.Command("java", "@"+argsFile, "--port", "0", "--token", suiteToken)
	stdout, err := stub.StdoutPipe()
	if err == nil {
		stub.Stderr = os.Stderr
		err = stub.Start()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "cannot start the stub server:", err)
		os.Exit(2)
	}
	banner := regexp.MustCompile(`listening on (http://[^\s/]+)/`)
	lines := bufio.NewScanner(stdout)
	for lines.Scan() {
		if found := banner.FindStringSubmatch(lines.Text()); found != nil {
			baseURL = found[1]
			break
		}
	}
	// keep draining the request log so the server never blocks on a full pipe
	go func() {
		for lines.Scan() {
		}
	}()
	code := 2
	if baseURL == "" {
		fmt.Fprintln(os.Stderr, "the stub server exited before printing its address")
	} else {
		code = m.Run()
	}
	_ = stub.Process.Kill()
	_ = stub.Wait()
	os.Exit(code)
}

func client() *openapi.APIClient {
	configuration := openapi.NewConfiguration()
	configuration.Servers = openapi.ServerConfigurations{{URL: baseURL}}
	return openapi.NewAPIClient(configuration)
}

func create(t *testing.T, token string, request *openapi.CreateAccessTokenRequest) (*openapi.AccessToken, int, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ctx = context.WithValue(ctx, openapi.ContextAccessToken, token)
	created, response, err := client().AccessTokenAPI.CreateAccessToken(ctx).CreateAccessTokenRequest(*request).Execute()
	status := 0
	if response != nil {
		status = response.StatusCode
	}
	return created, status, err
}

func TestCreateDecodesEveryFieldIncludingBothAmountForms(t *testing.T) {
	request := openapi.NewCreateAccessTokenRequest("go-treasury-bot")
	request.SetScope([]string{"wallet_view_all", "wallet_spend:5a84db4d6dd6c7dd07d2e3b5a7e9d9c4"})
	request.SetDuration(2592000)
	satoshi := int64(100000000)
	request.SetSpendingLimits([]openapi.SpendingLimit{
		*openapi.NewSpendingLimit("btc", openapi.Int64AsBaseUnitAmount(&satoshi)),
	})

	created, status, err := create(t, suiteToken, request)
	if err != nil || status != 200 {
		t.Fatalf("status %d, error %v", status, err)
	}
	if created.GetLabel() != "go-treasury-bot" || len(created.GetToken()) < 8 {
		t.Errorf("label %q, token of %d characters", created.GetLabel(), len(created.GetToken()))
	}
	// decoding the scopes and the integer amount needs a validator that accepts non-struct values
	if scopes := created.GetScope(); len(scopes) != 2 || scopes[0] != "wallet_view_all" {
		t.Errorf("scopes %v", scopes)
	}
	if seconds := created.GetExpires().Sub(created.GetCreated()).Seconds(); seconds != 2592000 {
		t.Errorf("expires %v seconds after created", seconds)
	}
	btc := (*created.GetUnlock().SpendingLimits)["btc"]
	if btc.TxValueLimit == nil || btc.TxValueLimit.Int64 == nil || *btc.TxValueLimit.Int64 != satoshi || btc.TxValueLimit.String != nil {
		t.Errorf("btc limit %+v", btc.TxValueLimit)
	}
	if btc.TxValue == nil || btc.TxValue.Int64 == nil || *btc.TxValue.Int64 != 0 {
		t.Errorf("btc used %+v", btc.TxValue)
	}
}

func TestAnAmountBeyond2To64RoundTripsExactlyAsAString(t *testing.T) {
	const digits = "123456789012345678901234567890" // > 2^64 = 18446744073709551616
	amount := digits
	request := openapi.NewCreateAccessTokenRequest("go-big")
	request.SetSpendingLimits([]openapi.SpendingLimit{
		*openapi.NewSpendingLimit("eth", openapi.StringAsBaseUnitAmount(&amount)),
	})
	request.SetAllErc20TokensLimit(openapi.AllErc20TokensLimit{TxValueLimit: &openapi.BaseUnitAmount{String: &amount}})

	created, status, err := create(t, suiteToken, request)
	if err != nil || status != 200 {
		t.Fatalf("status %d, error %v", status, err)
	}
	for name, limit := range map[string]*openapi.BaseUnitAmount{
		"spendingLimits.eth":  (*created.GetUnlock().SpendingLimits)["eth"].TxValueLimit,
		"allErc20TokensLimit": created.GetUnlock().AllErc20TokensLimit.TxValueLimit,
	} {
		if limit == nil || limit.String == nil || *limit.String != digits || limit.Int64 != nil {
			t.Errorf("%s came back as %+v, want the string %s", name, limit, digits)
		}
	}
}

func TestA400IsThePlatformErrorOfTheBadField(t *testing.T) {
	request := openapi.NewCreateAccessTokenRequest("go-bad-ip")
	request.SetIpRestrict([]string{"1.2.3.400"})

	_, status, err := create(t, suiteToken, request)
	platform := platformError(t, err)
	if status != 400 || platform.GetName() != "InvalidRequest" || platform.GetContext()["field"] != "ipRestrict[0]" {
		t.Errorf("status %d, error %+v", status, platform)
	}
	if platform.GetRequestId() == "" {
		t.Error("no requestId")
	}
}

func TestA401IsThePlatformErrorAndNeverShowsTheToken(t *testing.T) {
	const unknown = "unknown-go-token-5e7a"
	_, status, err := create(t, unknown, openapi.NewCreateAccessTokenRequest("go-who"))
	platform := platformError(t, err)
	if status != 401 || platform.GetName() != "Unauthorized" {
		t.Errorf("status %d, error %+v", status, platform)
	}
	if regexp.MustCompile(regexp.QuoteMeta(unknown)).MatchString(err.Error() + string(err.(*openapi.GenericOpenAPIError).Body())) {
		t.Error("the error shows the token")
	}
}

func platformError(t *testing.T, err error) openapi.PlatformError {
	t.Helper()
	var apiError *openapi.GenericOpenAPIError
	if !errors.As(err, &apiError) {
		t.Fatalf("want a *GenericOpenAPIError, got %T: %v", err, err)
	}
	platform, ok := apiError.Model().(openapi.PlatformError)
	if !ok {
		t.Fatalf("want the PlatformError model, got %T; body %s", apiError.Model(), apiError.Body())
	}
	return platform
}
