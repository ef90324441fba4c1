package org.openbitgo.accesstoken.stub.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;
import org.openbitgo.accesstoken.stub.StubServerConfig;

class StubServerMainTest {

  @Test
  void readsEveryOption() {
    StubServerConfig config =
        StubServerMain.parse(
            List.of(
                "--port",
                "9090",
                "--host=0.0.0.0",
                "--environment",
                "prod",
                "--token",
                "a",
                "--token=b",
                "--rate-limit",
                "5",
                "--max-stored-tokens",
                "7"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.environment()).isEqualTo(StubEnvironment.PROD);
    assertThat(config.acceptedTokens()).containsExactly("a", "b");
    assertThat(config.rateLimitPerMinute()).isEqualTo(5);
    assertThat(config.maxStoredTokens()).isEqualTo(7);
    assertThat(config.providerStatesEndpoint()).isFalse();
  }

  @Test
  void providerStatesAreOptInAndAnnouncedAsTestOnly() {
    StubServerConfig config = StubServerMain.parse(List.of("--port", "0", "--provider-states"));
    assertThat(config.providerStatesEndpoint()).isTrue();

    try (StubServer server = StubServer.start(config)) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      StubServerMain.printBanner(
          new PrintStream(printed, true, StandardCharsets.UTF_8), server, true);

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("POST   http://127.0.0.1:" + server.port() + "/_pact/provider-states")
          .contains("DELETE http://127.0.0.1:" + server.port() + "/api/v2/user/accesstoken/{id}")
          .contains("test only");
    }
  }

  @Test
  void defaultsToLoopbackPort8080TestEnvironmentAndNoTokens() {
    StubServerConfig config = StubServerMain.parse(List.of());

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.environment()).isEqualTo(StubEnvironment.TEST);
    assertThat(config.acceptedTokens()).isEmpty();
  }

  @Test
  void anUnknownOptionIsNamedEvenAsTheLastArgument() {
    assertUsageError(List.of("--port", "0", "--bogus"), "unknown option --bogus");
    assertUsageError(List.of("--verbose", "x"), "unknown option --verbose");
    assertUsageError(List.of("--bogus=1"), "unknown option --bogus");
  }

  @Test
  void aStrayArgumentIsNamed() {
    assertUsageError(List.of("8081"), "unexpected argument 8081");
    assertUsageError(List.of("--port", "9090", "extra"), "unexpected argument extra");
  }

  @Test
  void anOptionWithoutItsValueIsNamed() {
    assertUsageError(List.of("--port"), "--port needs a value");
    assertUsageError(List.of("--token", "--port", "9090"), "--token needs a value");
    assertUsageError(List.of("--host="), "--host needs a value");
  }

  @Test
  void badNumbersNameTheOptionAndItsRange() {
    assertUsageError(List.of("--rate-limit", "-1"), "--rate-limit must be ≥ 0, got -1");
    assertUsageError(List.of("--max-stored-tokens", "0"), "--max-stored-tokens must be ≥ 1, got 0");
    assertUsageError(List.of("--port", "70000"), "--port must be 0 to 65535, got 70000");
    assertUsageError(List.of("--port", "eighty"), "--port needs a whole number, got \"eighty\"");
  }

  @Test
  void badWordsNameTheOption() {
    assertUsageError(
        List.of("--environment", "staging"), "--environment must be test or prod, got \"staging\"");
    assertUsageError(List.of("--provider-states=yes"), "--provider-states takes no value");
  }

  @Test
  void aMalformedTokenIsNamedWithoutEchoingIt() {
    List<String> err =
        assertUsageError(
            List.of("--token", "has space"),
            "--token must be 1 to 512 token68 characters (letters, digits, - . _ ~ + /, then = padding)");
    assertThat(String.join("\n", err)).doesNotContain("has space");
  }

  @Test
  void aPortInUseIsOneLineAndARuntimeFailure() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      StubServerConfig config = StubServerMain.parse(List.of("--port", String.valueOf(port)));

      assertThatThrownBy(() -> StubServerMain.listen(config, printStream(err)))
          .isInstanceOfSatisfying(
              StubServerMain.Exit.class,
              exit -> assertThat(exit.status).isEqualTo(StubServerMain.RUNTIME_FAILURE));
      assertThat(lines(err))
          .containsExactly("error: port " + port + " is in use; pick another with --port");
    }
  }

  @Test
  void anAddressItCannotBindIsOneLineAndARuntimeFailure() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    // TEST-NET-1 (RFC 5737): never an address of this machine
    StubServerConfig config = StubServerMain.parse(List.of("--host", "192.0.2.1", "--port", "0"));

    assertThatThrownBy(() -> StubServerMain.listen(config, printStream(err)))
        .isInstanceOfSatisfying(
            StubServerMain.Exit.class,
            exit -> assertThat(exit.status).isEqualTo(StubServerMain.RUNTIME_FAILURE));
    assertThat(lines(err))
        .singleElement()
        .asString()
        .startsWith("error: cannot listen on 192.0.2.1:0: ");
  }

  @Test
  void versionPrintsTheContractVersionOfTheSpec() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                StubServerMain.configure(List.of("--version"), printStream(out), printStream(out)))
        .isInstanceOfSatisfying(
            StubServerMain.Exit.class, exit -> assertThat(exit.status).isZero());

    assertThat(lines(out))
        .containsExactly(
            "access token stub server, implementing contract version "
                + ContractFacts.contractVersion()
                + " (/api/v2/user/accesstoken)");
  }

  @Test
  void helpListsEveryOptionOnStandardOutput() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThatThrownBy(
            () ->
                StubServerMain.configure(
                    List.of("--port", "1", "--help"), printStream(out), printStream(err)))
        .isInstanceOfSatisfying(
            StubServerMain.Exit.class, exit -> assertThat(exit.status).isZero());

    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(StubServerMain.USAGE)
        .contains(
            "--port N",
            "--token T",
            "--rate-limit N",
            "--max-stored-tokens N",
            "--provider-states",
            "--version",
            "--help");
    assertThat(err.size()).isZero();
  }

  /**
   * A command-line mistake: exit 2, and on stderr exactly the line naming it and the usage line.
   */
  private static List<String> assertUsageError(List<String> args, String problem) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThatThrownBy(() -> StubServerMain.configure(args, printStream(out), printStream(err)))
        .as("%s", args)
        .isInstanceOfSatisfying(
            StubServerMain.Exit.class,
            exit -> assertThat(exit.status).isEqualTo(StubServerMain.USAGE_ERROR));
    assertThat(lines(err))
        .as("%s", args)
        .containsExactly("error: " + problem, StubServerMain.USAGE_LINE);
    assertThat(out.size()).isZero();
    return lines(err);
  }

  private static PrintStream printStream(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  private static List<String> lines(ByteArrayOutputStream bytes) {
    return bytes.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void printsWhereItListensAndTheGeneratedToken() {
    try (StubServer server = StubServer.start(StubServerConfig.builder().port(0).build())) {
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      StubServerMain.printBanner(
          new PrintStream(printed, true, StandardCharsets.UTF_8), server, true);

      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("listening on http://127.0.0.1:" + server.port() + "/")
          .contains("Accepted bearer token (generated): " + server.initialTokens().get(0));
    }
  }
}
