package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.compare.OpenApiDiffOptions;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Result;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Verdict;
import org.openbitgo.accesstoken.contract.ContractChanges.Breaking;
import org.openbitgo.accesstoken.contract.ContractChanges.Source;

class BreakingChangeGateTest {

  @TempDir Path dir;

  /** What the gate prints to the build log. */
  final ByteArrayOutputStream console = new ByteArrayOutputStream();

  final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
  Path baselines;
  Path spec;

  @BeforeEach
  void releaseOneZeroZero() {
    baselines = dir.resolve("baseline");
    SpecFixture.released().release(baselines);
    spec = dir.resolve("access-token.yaml");
  }

  private Result judge(SpecFixture candidate) {
    candidate.writeTo(spec);
    return BreakingChangeGate.evaluate(spec, baselines);
  }

  private Result judge(Consumer<SpecFixture> change) {
    return judge(SpecFixture.released().with(change));
  }

  /** Judges a change to the spec as it is now, against itself released. */
  private Result judgeAgainstTheCurrentRelease(Consumer<SpecFixture> change) {
    Path current = dir.resolve("current-release");
    SpecFixture.current().release(current);
    SpecFixture.current().with(change).writeTo(spec);
    return BreakingChangeGate.evaluate(spec, current);
  }

  /** The spec's Scope pattern with these names: the form ContractFacts.SCOPE has. */
  private static String scopePattern(List<String> names) {
    return "^(" + String.join("|", names) + "|" + ContractFacts.WALLET_BOUND_SCOPE.pattern() + ")$";
  }

  /** Judges the current spec with its documented scope names edited, against the release. */
  private Result judgeWithScopeNames(Consumer<List<String>> edit) {
    List<String> names = new ArrayList<>(ContractFacts.NAMED_SCOPES);
    edit.accept(names);
    return judgeAgainstTheCurrentRelease(
        f -> f.schema("/Scope").put("pattern", scopePattern(names)));
  }

  /** Asserts the gate refused for exactly one breaking change; returns that change to check. */
  private static AbstractStringAssert<?> refusedForOneBreakingChange(Result result) {
    assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
    return assertThat(breakingText(result)).singleElement(STRING);
  }

  /** Asserts the gate refused for exactly one problem of its inputs; returns it to check. */
  private static AbstractStringAssert<?> refusedForOneProblem(Result result) {
    assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
    return assertThat(result.problems()).singleElement(STRING);
  }

  private static List<String> breakingText(Result result) {
    return result.breaking().stream().map(Breaking::toString).toList();
  }

  @Test
  void theRepositorysSpecPassesAgainstItsOwnBaseline() {
    Result result = BreakingChangeGate.evaluate(SpecFixture.SPEC, Path.of("src/baseline"));
    assertThat(result.accepted()).as(ChangeReport.summary(result)).isTrue();
  }

  @Test
  void anUnchangedSpecHasNoChangesAndTheReportSaysSo() {
    Result result = judge(f -> {});
    assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGES);
    assertThat(ChangeReport.markdown(result, spec)).contains("No changes.");
  }

  @Nested
  class RefusesWhatBreaksClients {

    @Test
    void removingAResponseFieldIsRefusedByOurRuleThoughOpenapiDiffCallsItCompatible() {
      Result result = judge(f -> f.schema("/AccessToken/properties").remove("label"));

      assertThat(result.diff().isIncompatible()).as("openapi-diff 2.1.7 alone").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.breaking())
          .containsExactly(
              new Breaking(
                  "POST /api/v2/user/accesstoken response 200",
                  "property `label` removed: clients that read it get nothing and regenerated clients lose the getter",
                  Source.CONTRACT_RULE));
    }

    @Test
    void removingANestedResponseFieldIsRefusedWithItsPath() {
      Result result = judge(f -> f.schema("/TokenUnlock/properties").remove("time"));
      refusedForOneBreakingChange(result)
          .contains("response 200 `unlock`", "property `time` removed");
    }

    @Test
    void removingARequestFieldIsRefusedByOurRule() {
      Result result = judge(f -> f.schema("/CreateAccessTokenRequest/properties").remove("otp"));
      assertThat(result.diff().isIncompatible()).as("openapi-diff 2.1.7 alone").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken request body: property `otp` removed: servers stop honouring what"
                  + " clients send and regenerated clients lose the setter [contract rule]");
    }

    @Test
    void makingAnOptionalRequestFieldRequiredIsRefused() {
      Result result = judge(f -> f.array("/CreateAccessTokenRequest/required").add("duration"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.breaking())
          .containsExactly(
              new Breaking(
                  "POST /api/v2/user/accesstoken request body",
                  "became required [duration]: clients that omit them are refused",
                  Source.OPENAPI_DIFF));
    }

    @Test
    void droppingAScopeNameFromTheRequestPatternIsRefused() {
      Result result = judgeWithScopeNames(names -> names.remove("all"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken request body `scope[]`:"
                  + " pattern values removed [all]: clients sending them are refused [contract rule]");
    }

    @Test
    void aPatternAddedToARequestFieldIsRefused() {
      Result result =
          judge(
              f ->
                  f.schema("/CreateAccessTokenRequest/properties/enterprise")
                      .put("pattern", "^[0-9a-f]{32}$"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken request body `enterprise`:"
                  + " pattern added: values it does not match are refused [contract rule]");
    }

    @Test
    void changingARequestFieldsTypeIsRefused() {
      Result result =
          judge(
              f -> {
                ObjectNode duration = f.schema("/CreateAccessTokenRequest/properties/duration");
                duration.put("type", "string").put("example", "2592000");
                duration.remove(List.of("format", "minimum", "maximum"));
              });
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken request body `duration`: type changed from `integer` to `string`");
    }

    @Test
    void changingAResponseFieldsTypeIsRefused() {
      Result result =
          judge(
              f ->
                  f.schema("/AccessToken/properties/isExtensible")
                      .put("type", "string")
                      .put("example", "no"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken response 200 `isExtensible`: type changed from `boolean` to `string`");
    }

    @Test
    void aFormatAddedToAResponseStringIsNamedAsAFormatChange() {
      Result result =
          judge(f -> f.schema("/AccessToken/properties/label").put("format", "date-time"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken response 200 `label`: format changed from `none` to `date-time`");
      assertThat(ChangeReport.markdown(result, spec))
          .doesNotContain("from `string` to `string`")
          .contains(
              "| `label`: type `string` to `string/date-time` **(breaking)** | `label`: `string` becomes `Date`");
    }

    @Test
    void aResponseFieldBecomingNullableIsRefusedByOurRule() {
      Result result = judge(f -> f.schema("/AccessToken/properties/label").put("nullable", true));
      assertThat(result.diff().isIncompatible()).as("openapi-diff 2.1.7 alone").isFalse();
      refusedForOneBreakingChange(result).contains("`label`", "became nullable", "[contract rule]");
    }

    @Test
    void renamingAComponentSchemaIsRefusedByOurRuleBecauseGeneratedClassesDisappear() {
      Result result =
          judge(
              f -> {
                ObjectNode schemas = (ObjectNode) f.root().at("/components/schemas");
                schemas.set("Token", schemas.remove("AccessToken"));
                ((ObjectNode) f.operation().at("/responses/200/content/application~1json/schema"))
                    .put("$ref", "#/components/schemas/Token");
              });
      assertThat(result.diff().isDifferent()).as("openapi-diff 2.1.7 alone sees nothing").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "components.schemas.AccessToken: schema removed or renamed: the generated class `AccessToken`"
                  + " disappears from regenerated code [contract rule]");
    }

    @Test
    void changingTheOperationIdIsRefusedBecauseGeneratedMethodNamesChange() {
      Result result = judge(f -> f.operation().put("operationId", "createToken"));
      refusedForOneBreakingChange(result)
          .contains("operationId changed from `createAccessToken` to `createToken`");
    }

    @Test
    void aLongerMinimumLengthInARequestIsRefused() {
      Result result =
          judge(f -> f.schema("/CreateAccessTokenRequest/properties/label").put("minLength", 5));
      refusedForOneBreakingChange(result).contains("`label`", "minLength changed from `1` to `5`");
    }

    @Test
    void aWiderNumericRangeInAResponseIsRefused() {
      Result result =
          judge(f -> f.schema("/UnlockSpendingLimit/properties/txCount").put("minimum", -10));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      // UnlockSpendingLimit is used twice; each place a client reads it is named
      assertThat(breakingText(result))
          .allSatisfy(line -> assertThat(line).contains("minimum/maximum changed"))
          .anySatisfy(line -> assertThat(line).contains("`unlock.spendingLimits{*}.txCount`"))
          .anySatisfy(line -> assertThat(line).contains("`unlock.allErc20TokensLimit.txCount`"));
    }

    @Test
    void removingADocumentedResponseIsRefused() {
      Result result = judge(f -> ((ObjectNode) f.operation().get("responses")).remove("429"));
      refusedForOneBreakingChange(result).contains("response 429", "response removed");
    }
  }

  @Nested
  class AcceptsWhatExistingClientsSurvive {

    @Test
    void markingSecretsFormatPasswordIsCompatibleThoughOpenapiDiffCallsItAFormatChange() {
      Consumer<SpecFixture> markSecrets =
          f -> {
            f.schema("/AccessToken/properties/token").put("format", "password");
            f.schema("/CreateAccessTokenRequest/properties/otp").put("format", "password");
          };
      SpecFixture.released().with(markSecrets).writeTo(spec);
      ChangedOpenApi openapiDiffAlone =
          OpenApiCompare.fromFiles(
              baselines.resolve("access-token-1.0.0.yaml").toFile(),
              spec.toFile(),
              null,
              OpenApiDiffOptions.builder().build());
      assertThat(openapiDiffAlone.isIncompatible()).as("openapi-diff 2.1.7 alone").isTrue();

      Result result = judge(markSecrets);
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.breaking()).isEmpty();
      assertThat(result.compatible())
          .containsExactly(
              "`/components/schemas/AccessToken/properties/token`: marked `format: password`, a"
                  + " secret that generated models do not print; nothing changes on the wire",
              "`/components/schemas/CreateAccessTokenRequest/properties/otp`: marked `format:"
                  + " password`, a secret that generated models do not print; nothing changes on"
                  + " the wire");
    }

    @Test
    void aSecretsOtherFormatChangesAreStillRefused() {
      Result result =
          judgeAgainstTheCurrentRelease(
              f -> f.schema("/AccessToken/allOf/1/properties/token").put("format", "byte"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .containsExactly(
              "POST /api/v2/user/accesstoken response 200 `token`: format changed from `none` to `byte`");
    }

    @Test
    void addingAnOptionalRequestFieldIsCompatible() {
      Result result =
          judge(
              f ->
                  f.schema("/CreateAccessTokenRequest/properties")
                      .putObject("note")
                      .put("type", "string")
                      .put("description", "A free-text note."));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible())
          .containsExactly(
              "POST /api/v2/user/accesstoken request body: property `note` added to the request");
    }

    @Test
    void addingAnOptionalResponseFieldIsCompatible() {
      Result result =
          judge(
              f ->
                  f.schema("/AccessToken/properties")
                      .putObject("lastUsed")
                      .put("type", "string")
                      .put("format", "date-time")
                      .put("description", "Last use."));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible())
          .containsExactly(
              "POST /api/v2/user/accesstoken response 200: property `lastUsed` added to the response");
      assertThat(result.advice())
          .singleElement(STRING)
          .contains("run `./release-contract 1.1.0`", "sets info.version to 1.1.0");
    }

    @Test
    void addingAScopeNameToTheRequestPatternIsCompatible() {
      Result result = judgeWithScopeNames(names -> names.add("wallet_view_new"));
      assertThat(result.verdict()).as(ChangeReport.summary(result)).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible())
          .singleElement(STRING)
          .contains("request body `scope[]`", "values added [wallet_view_new]");
    }
  }

  @Test
  void aPatternRemovedFromARequestFieldIsCompatible() {
    Result result = judge(f -> f.schema("/SpendingLimit/properties/coin").remove("pattern"));
    assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
    assertThat(result.compatible())
        .singleElement(STRING)
        .contains("`spendingLimits[].coin`", "pattern `^[a-z0-9:_-]{1,40}$` removed");
  }

  /** The enum policy: clients must tolerate unknown values, so response enums may grow. */
  @Nested
  class ResponseEnums {

    @BeforeEach
    void releaseAnErrorNameEnum() throws IOException {
      Files.delete(baselines.resolve("access-token-1.0.0.yaml"));
      SpecFixture.released().with(ResponseEnums::errorNamesEnum).release(baselines);
    }

    static void errorNamesEnum(SpecFixture f) {
      f.schema("/PlatformError/properties/name")
          .putArray("enum")
          .add("InvalidRequest")
          .add("Unauthorized")
          .add("TooManyRequests")
          .add("InternalError");
    }

    @Test
    void addingAValueToAResponseEnumIsCompatibleBecauseClientsTolerateUnknownValues() {
      Result result =
          judge(
              SpecFixture.released()
                  .with(ResponseEnums::errorNamesEnum)
                  .with(f -> f.array("/PlatformError/properties/name/enum").add("Forbidden")));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible())
          .isNotEmpty()
          .allSatisfy(
              line ->
                  assertThat(line)
                      .contains(
                          "enum values added [Forbidden] (clients must tolerate unknown values)"));
    }

    @Test
    void removingAValueFromAResponseEnumIsCompatible() {
      Result result =
          judge(
              SpecFixture.released()
                  .with(ResponseEnums::errorNamesEnum)
                  .with(f -> f.array("/PlatformError/properties/name/enum").remove(0)));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible())
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(line).contains("enum values no longer sent [InvalidRequest]"));
    }
  }

  @Nested
  class Versions {

    private final Consumer<SpecFixture> removeLabel =
        f -> f.schema("/AccessToken/properties").remove("label");

    @Test
    void aBreakingChangeWithoutAMajorBumpTellsTheDeveloperWhatToDo() {
      Result result = judge(SpecFixture.released().with(removeLabel).version("1.1.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(String.join("\n", result.advice()))
          .contains("make it compatible")
          .contains("run `./release-contract 2.0.0`")
          .contains("sets info.version to 2.0.0")
          .contains(
              "copies the spec to "
                  + BreakingChangeGate.shown(baselines.resolve("access-token-2.0.0.yaml")));
    }

    @Test
    void aBreakingChangeIsAcceptedTogetherWithAMajorBump() {
      Result result = judge(SpecFixture.released().with(removeLabel).version("2.0.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.BREAKING_IN_NEW_MAJOR);
      assertThat(result.breaking()).hasSize(1);
      assertThat(result.advice()).singleElement(STRING).contains("access-token-2.0.0.yaml");
    }

    @Test
    void aReleasedMajorBecomesTheBaselineSoTheNextBreakNeedsTheNextMajor() {
      SpecFixture two = SpecFixture.released().with(removeLabel).version("2.0.0");
      two.release(baselines);

      assertThat(judge(two).verdict()).isEqualTo(Verdict.NO_CHANGES);
      Result again = judge(two.with(f -> f.schema("/AccessToken/properties").remove("client")));
      assertThat(again.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(again.baselineVersion()).isEqualTo("2.0.0");
      assertThat(String.join("\n", again.advice())).contains("./release-contract 3.0.0");
    }

    @Test
    void aVersionLowerThanTheReleasedOneIsRefusedEvenWithoutChanges() {
      SpecFixture.released().version("1.2.0").release(baselines);
      Result result = judge(SpecFixture.released().version("1.1.0"));
      refusedForOneProblem(result)
          .contains("info.version 1.1.0 is lower than the released contract 1.2.0");
    }

    @Test
    void aVersionThatIsNotMajorMinorPatchIsRefused() {
      Result result = judge(SpecFixture.released().version("1.1"));
      refusedForOneProblem(result).contains("is not MAJOR.MINOR.PATCH");
    }

    @Test
    void aBaselineWhoseNameDisagreesWithItsVersionIsRefused() {
      SpecFixture.released().writeTo(baselines.resolve("access-token-1.5.0.yaml"));
      Result result = judge(SpecFixture.released().version("1.5.0"));
      refusedForOneProblem(result)
          .contains("declares info.version 1.0.0 but its file name says 1.5.0");
    }

    @Test
    void noBaselineIsRefused() throws IOException {
      Files.delete(baselines.resolve("access-token-1.0.0.yaml"));
      Result result = judge(f -> {});
      refusedForOneProblem(result).contains("no released contract found");
    }
  }

  @Nested
  class TheBuildEntryPoint {

    @Test
    void writesTheChangeReportAndRecordsTheRefusalForTheBuild() throws IOException {
      SpecFixture.released()
          .with(f -> f.schema("/AccessToken/properties").remove("label"))
          .writeTo(spec);
      Path report = dir.resolve("target/contract-changes.md");
      Path refusals = dir.resolve("target/gate-refusals");

      boolean accepted =
          BreakingChangeGate.run(
              new String[] {
                spec.toString(), baselines.toString(), report.toString(), refusals.toString()
              },
              out);

      assertThat(accepted).isFalse();
      assertThat(console.toString(StandardCharsets.UTF_8).lines())
          .as("clear lines, no stack trace")
          .allSatisfy(
              line ->
                  assertThat(line)
                      .startsWith("[contract-breaking-change-gate] ")
                      .doesNotContain("Exception"))
          .anySatisfy(line -> assertThat(line).contains("REFUSED"));
      assertThat(refusals.resolve("contract-breaking-change-gate.txt"))
          .content()
          .contains(
              "REFUSED",
              "property `label` removed",
              "./release-contract 2.0.0",
              "The change report is");
      assertThat(Files.readString(report))
          .contains(
              "## Breaking changes",
              "property `label` removed",
              "## What it means for generated clients",
              "| `label`: property removed **(breaking)** | field `label` disappears from the interface",
              "## What to do",
              "## Full difference");
      assertThat(dir.resolve("target/contract-changes.html")).isNotEmptyFile();
    }

    @Test
    void writesTheChangeReportWhenNothingChangedAndClearsAnOldRefusal() throws IOException {
      SpecFixture.released().writeTo(spec);
      Path report = dir.resolve("target/contract-changes.md");
      Path refusals = Files.createDirectories(dir.resolve("target/gate-refusals"));
      Files.writeString(refusals.resolve("contract-breaking-change-gate.txt"), "REFUSED earlier");

      BreakingChangeGate.run(
          new String[] {
            spec.toString(), baselines.toString(), report.toString(), refusals.toString()
          },
          out);

      assertThat(Files.readString(report))
          .contains("No changes against release 1.0.0", "No changes.");
      assertThat(refusals.resolve("contract-breaking-change-gate.txt")).doesNotExist();
    }
  }
}
