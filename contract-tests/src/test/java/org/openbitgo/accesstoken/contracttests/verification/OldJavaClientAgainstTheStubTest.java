package org.openbitgo.accesstoken.contracttests.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Feign;
import feign.FeignException;
import feign.jackson.JacksonEncoder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;
import org.openbitgo.accesstoken.contract.ContractJson;
import org.openbitgo.accesstoken.release200.client.ApiResponseDecoder;
import org.openbitgo.accesstoken.release200.client.api.AccessTokenApi;
import org.openbitgo.accesstoken.release200.client.model.AccessToken;
import org.openbitgo.accesstoken.release200.client.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.release200.client.model.SpendingLimit;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

/**
 * A MINOR release is what it says: the Java client generated from the 2.0.0 baseline spec ({@code
 * openapi/src/baseline/access-token-2.0.0.yaml}, package {@code …release200.client}, built into
 * target/ by this module's POM), wired with plain Feign as a 2.0.0 user would, runs a frozen copy
 * of the 2.0.0 create tests against today's stub. Do not update these tests for a new release: they
 * are the old client's users.
 */
class OldJavaClientAgainstTheStubTest {

  private static final String TOKEN = "v2x0ldc11e47ldc11e47ldc11e47ldc11e47ldc11e47";
  private static final String BIG_AMOUNT = "123456789012345678901234567890";

  private static StubServer stub;
  private static final ObjectMapper JSON = ContractJson.newObjectMapper();

  @BeforeAll
  static void start() {
    stub = StubServer.start(StubServerConfig.builder().port(0).acceptedToken(TOKEN).build());
  }

  @AfterAll
  static void stop() {
    stub.close();
  }

  @Test
  void theOldClientIsTheOneThe200SpecGenerates() {
    // the 2.0.0 interface has create only: this really is the old client, not today's
    assertThat(AccessTokenApi.class.getMethods())
        .extracting(java.lang.reflect.Method::getName)
        .doesNotContain("listAccessTokens", "revokeAccessToken")
        .contains("createAccessToken");
  }

  @Test
  void createsAMinimalToken() {
    AccessToken created = api(TOKEN).createAccessToken(new CreateAccessTokenRequest().label("ci"));

    assertThat(created.getId()).matches("[0-9a-f]{32}");
    assertThat(created.getToken()).startsWith("v2x");
    assertThat(created.getLabel()).isEqualTo("ci");
    assertThat(created.getExpires()).isAfter(created.getCreated());
  }

  @Test
  void createsAFullTokenWithAThirtyDigitAmountIntact() {
    CreateAccessTokenRequest request =
        new CreateAccessTokenRequest()
            .label("treasury-bot")
            .scope(List.of("wallet_view_all"))
            .duration(2_592_000L)
            .ipRestrict(List.of("203.0.113.7"))
            .spendingLimits(
                List.of(
                    new SpendingLimit()
                        .coin("eth")
                        .txValueLimit(BaseUnitAmount.ofString(BIG_AMOUNT)),
                    new SpendingLimit()
                        .coin("btc")
                        .txValueLimit(BaseUnitAmount.ofNumber(100_000_000L))));

    AccessToken created = api(TOKEN).createAccessToken(request);

    BaseUnitAmount eth = created.getUnlock().getSpendingLimits().get("eth").getTxValueLimit();
    assertThat(eth.isWrittenAsString()).isTrue();
    assertThat(eth.toBigInteger()).isEqualTo(new BigInteger(BIG_AMOUNT));
    assertThat(created.getUnlock().getSpendingLimits().get("btc").getTxValueLimit())
        .isEqualTo(BaseUnitAmount.ofNumber(100_000_000L));
    assertThat(created.getScope()).containsExactly("wallet_view_all");
  }

  @Test
  void getsTheDocumented400ForABadAddress() throws Exception {
    FeignException refused =
        catchThrowableOfType(
            FeignException.class,
            () ->
                api(TOKEN)
                    .createAccessToken(
                        new CreateAccessTokenRequest()
                            .label("x")
                            .ipRestrict(List.of("1.2.3.400"))));

    assertThat(refused.status()).isEqualTo(400);
    JsonNode error = JSON.readTree(refused.contentUTF8());
    assertThat(error.get("name").asText()).isEqualTo("InvalidRequest");
    assertThat(error.get("context").get("field").asText()).isEqualTo("ipRestrict[0]");
    assertThat(error.get("requestId").asText()).isNotBlank();
  }

  @Test
  void getsTheDocumented401ForAnUnknownToken() throws Exception {
    FeignException refused =
        catchThrowableOfType(
            FeignException.class,
            () ->
                api("v2xnotacceptednotacceptednotaccepted")
                    .createAccessToken(new CreateAccessTokenRequest().label("ci")));

    assertThat(refused.status()).isEqualTo(401);
    assertThat(JSON.readTree(refused.contentUTF8()).get("name").asText()).isEqualTo("Unauthorized");
  }

  /**
   * The old generated interface, wired with plain Feign and the contract's JSON settings, over the
   * JDK's HttpClient as the 2.0.0 client was (Feign's default HttpURLConnection drops a 401's
   * body).
   */
  private static AccessTokenApi api(String token) {
    return Feign.builder()
        .client(OldJavaClientAgainstTheStubTest::send)
        .encoder(new JacksonEncoder(JSON))
        .decoder(new ApiResponseDecoder(JSON))
        .requestInterceptor(template -> template.header("Authorization", "Bearer " + token))
        .target(AccessTokenApi.class, stub.baseUri().toString().replaceAll("/$", ""));
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Feign's request sent with the JDK's HttpClient, its answer handed back whole. */
  private static feign.Response send(feign.Request request, feign.Request.Options options)
      throws IOException {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(URI.create(request.url()))
            .timeout(Duration.ofSeconds(10))
            .method(
                request.httpMethod().name(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> http.header(name, value));
              }
            });
    HttpResponse<byte[]> answer;
    try {
      answer = HTTP.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return feign.Response.builder()
        .status(answer.statusCode())
        .reason("")
        .headers(new java.util.HashMap<>(answer.headers().map()))
        .body(answer.body())
        .request(request)
        .build();
  }
}
