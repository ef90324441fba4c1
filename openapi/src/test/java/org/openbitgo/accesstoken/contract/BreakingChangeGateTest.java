package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Result;
import org.openbitgo.accesstoken.contract.BreakingChangeGate.Verdict;
import org.openbitgo.accesstoken.contract.ContractChanges.Breaking;
import org.openbitgo.accesstoken.contract.ContractChanges.Source;

class BreakingChangeGateTest {

  @TempDir Path dir;
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

  private Result judge(java.util.function.Consumer<SpecFixture> change) {
    return judge(SpecFixture.released().with(change));
  }

  private static List<String> breakingText(Result result) {
    return result.breaking().stream().map(Breaking::toString).toList();
  }

  @Test
  void theRepositorysSpecPassesAgainstItsOwnBaseline() {
    Result result = BreakingChangeGate.evaluate(SpecFixture.SPEC, Path.of("src/baseline"));
    assertThat(result.accepted()).as(BreakingChangeGate.summary(result)).isTrue();
  }

  @Test
  void anUnchangedSpecHasNoChangesAndTheReportSaysSo() {
    Result result = judge(f -> {});
    assertThat(result.verdict()).isEqualTo(Verdict.NO_CHANGES);
    assertThat(BreakingChangeGate.markdown(result, spec)).contains("No changes.");
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
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result))
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("response 200 `unlock`", "property `time` removed");
    }

    @Test
    void removingARequestFieldIsRefusedByOurRule() {
      Result result = judge(f -> f.schema("/CreateAccessTokenRequest/properties").remove("otp"));
      assertThat(result.diff().isIncompatible()).as("openapi-diff 2.1.7 alone").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).containsExactly(
          "POST /api/v2/user/accesstoken request body: property `otp` removed: servers stop honouring what"
              + " clients send and regenerated clients lose the setter [contract rule]");
    }

    @Test
    void makingAnOptionalRequestFieldRequiredIsRefused() {
      Result result = judge(f -> f.array("/CreateAccessTokenRequest/required").add("duration"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.breaking()).containsExactly(new Breaking(
          "POST /api/v2/user/accesstoken request body",
          "became required [duration]: clients that omit them are refused",
          Source.OPENAPI_DIFF));
    }

    @Test
    void narrowingARequestEnumIsRefused() {
      Result result = judge(f -> {
        var values = f.array("/NamedScope/enum");
        values.remove(values.size() - 1); // "all"
      });
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).containsExactly(
          "POST /api/v2/user/accesstoken request body `scope[]<NamedScope>`: enum values removed [all]:"
              + " clients sending them are refused");
    }

    @Test
    void changingARequestFieldsTypeIsRefused() {
      Result result = judge(f -> {
        ObjectNode duration = f.schema("/CreateAccessTokenRequest/properties/duration");
        duration.put("type", "string").put("example", "2592000");
        duration.remove(List.of("format", "minimum", "maximum"));
      });
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).containsExactly(
          "POST /api/v2/user/accesstoken request body `duration`: type changed from `integer` to `string`");
    }

    @Test
    void changingAResponseFieldsTypeIsRefused() {
      Result result = judge(f -> f.schema("/AccessToken/properties/isExtensible").put("type", "string").put("example", "no"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).containsExactly(
          "POST /api/v2/user/accesstoken response 200 `isExtensible`: type changed from `boolean` to `string`");
    }

    @Test
    void aResponseFieldBecomingNullableIsRefusedByOurRule() {
      Result result = judge(f -> f.schema("/AccessToken/properties/label").put("nullable", true));
      assertThat(result.diff().isIncompatible()).as("openapi-diff 2.1.7 alone").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("`label`", "became nullable", "[contract rule]");
    }

    @Test
    void renamingAComponentSchemaIsRefusedByOurRuleBecauseGeneratedClassesDisappear() {
      Result result = judge(f -> {
        ObjectNode schemas = (ObjectNode) f.root().at("/components/schemas");
        schemas.set("Token", schemas.remove("AccessToken"));
        ((ObjectNode) f.operation().at("/responses/200/content/application~1json/schema"))
            .put("$ref", "#/components/schemas/Token");
      });
      assertThat(result.diff().isDifferent()).as("openapi-diff 2.1.7 alone sees nothing").isFalse();
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).containsExactly(
          "components.schemas.AccessToken: schema removed or renamed: the generated class `AccessToken`"
              + " disappears from regenerated code [contract rule]");
    }

    @Test
    void changingTheOperationIdIsRefusedBecauseGeneratedMethodNamesChange() {
      Result result = judge(f -> f.operation().put("operationId", "createToken"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("operationId changed from `createAccessToken` to `createToken`");
    }

    @Test
    void aLongerMinimumLengthInARequestIsRefused() {
      Result result = judge(f -> f.schema("/CreateAccessTokenRequest/properties/label").put("minLength", 5));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("`label`", "minLength changed from `1` to `5`");
    }

    @Test
    void aWiderNumericRangeInAResponseIsRefused() {
      Result result = judge(f -> f.schema("/UnlockSpendingLimit/properties/txCount").put("minimum", -10));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).isNotEmpty().allSatisfy(line -> assertThat(line)
          .contains("`unlock.spendingLimits{*}.txCount`", "minimum/maximum changed"));
    }

    @Test
    void removingADocumentedResponseIsRefused() {
      Result result = judge(f -> ((ObjectNode) f.operation().get("responses")).remove("429"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(breakingText(result)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("response 429", "response removed");
    }
  }

  @Nested
  class AcceptsWhatExistingClientsSurvive {

    @Test
    void addingAnOptionalRequestFieldIsCompatible() {
      Result result = judge(f -> f.schema("/CreateAccessTokenRequest/properties").putObject("note")
          .put("type", "string").put("description", "A free-text note."));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible()).containsExactly(
          "POST /api/v2/user/accesstoken request body: property `note` added to the request");
    }

    @Test
    void addingAnOptionalResponseFieldIsCompatible() {
      Result result = judge(f -> f.schema("/AccessToken/properties").putObject("lastUsed")
          .put("type", "string").put("format", "date-time").put("description", "Last use."));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible()).containsExactly(
          "POST /api/v2/user/accesstoken response 200: property `lastUsed` added to the response");
      assertThat(result.advice()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("set info.version to 1.1.0");
    }

    @Test
    void addingAValueToARequestEnumIsCompatible() {
      Result result = judge(f -> f.array("/NamedScope/enum").add("wallet_view_new"));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("enum values added [wallet_view_new]");
    }
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
      f.schema("/PlatformError/properties/name").putArray("enum")
          .add("InvalidRequest").add("Unauthorized").add("TooManyRequests").add("InternalError");
    }

    @Test
    void addingAValueToAResponseEnumIsCompatibleBecauseClientsTolerateUnknownValues() {
      Result result = judge(SpecFixture.released().with(ResponseEnums::errorNamesEnum)
          .with(f -> f.array("/PlatformError/properties/name/enum").add("Forbidden")));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible()).isNotEmpty().allSatisfy(line -> assertThat(line)
          .contains("enum values added [Forbidden] (clients must tolerate unknown values)"));
    }

    @Test
    void removingAValueFromAResponseEnumIsCompatible() {
      Result result = judge(SpecFixture.released().with(ResponseEnums::errorNamesEnum)
          .with(f -> f.array("/PlatformError/properties/name/enum").remove(0)));
      assertThat(result.verdict()).isEqualTo(Verdict.COMPATIBLE);
      assertThat(result.compatible()).isNotEmpty().allSatisfy(line -> assertThat(line)
          .contains("enum values no longer sent [InvalidRequest]"));
    }
  }

  @Nested
  class Versions {

    private final java.util.function.Consumer<SpecFixture> removeLabel =
        f -> f.schema("/AccessToken/properties").remove("label");

    @Test
    void aBreakingChangeWithoutAMajorBumpTellsTheDeveloperWhatToDo() {
      Result result = judge(SpecFixture.released().with(removeLabel).version("1.1.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(String.join("\n", result.advice()))
          .contains("make it compatible")
          .contains("set info.version to 2.0.0")
          .contains("copy the spec to " + BreakingChangeGate.shown(baselines.resolve("access-token-2.0.0.yaml")));
    }

    @Test
    void aBreakingChangeIsAcceptedTogetherWithAMajorBump() {
      Result result = judge(SpecFixture.released().with(removeLabel).version("2.0.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.BREAKING_IN_NEW_MAJOR);
      assertThat(result.breaking()).hasSize(1);
      assertThat(result.advice()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("access-token-2.0.0.yaml");
    }

    @Test
    void aReleasedMajorBecomesTheBaselineSoTheNextBreakNeedsTheNextMajor() {
      SpecFixture two = SpecFixture.released().with(removeLabel).version("2.0.0");
      two.release(baselines);

      assertThat(judge(two).verdict()).isEqualTo(Verdict.NO_CHANGES);
      Result again = judge(two.with(f -> f.schema("/AccessToken/properties").remove("client")));
      assertThat(again.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(again.baselineVersion()).isEqualTo("2.0.0");
      assertThat(String.join("\n", again.advice())).contains("set info.version to 3.0.0");
    }

    @Test
    void aVersionLowerThanTheReleasedOneIsRefusedEvenWithoutChanges() {
      SpecFixture.released().version("1.2.0").release(baselines);
      Result result = judge(SpecFixture.released().version("1.1.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.problems()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("info.version 1.1.0 is lower than the released contract 1.2.0");
    }

    @Test
    void aVersionThatIsNotMajorMinorPatchIsRefused() {
      Result result = judge(SpecFixture.released().version("1.1"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.problems()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("is not MAJOR.MINOR.PATCH");
    }

    @Test
    void aBaselineWhoseNameDisagreesWithItsVersionIsRefused() {
      SpecFixture.released().writeTo(baselines.resolve("access-token-1.5.0.yaml"));
      Result result = judge(SpecFixture.released().version("1.5.0"));
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.problems()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("declares info.version 1.0.0 but its file name says 1.5.0");
    }

    @Test
    void noBaselineIsRefused() throws IOException {
      Files.delete(baselines.resolve("access-token-1.0.0.yaml"));
      Result result = judge(f -> {});
      assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
      assertThat(result.problems()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("no released contract found");
    }
  }

  @Nested
  class TheBuildEntryPoint {

    @Test
    void writesTheChangeReportAndFailsTheBuildOnABreakingChange() throws IOException {
      SpecFixture.released().with(f -> f.schema("/AccessToken/properties").remove("label")).writeTo(spec);
      Path report = dir.resolve("target/contract-changes.md");

      assertThatThrownBy(() -> BreakingChangeGate.main(
              new String[] {spec.toString(), baselines.toString(), report.toString()}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("REFUSED")
          .hasMessageContaining("property `label` removed")
          .hasMessageContaining("set info.version to 2.0.0");
      assertThat(Files.readString(report))
          .contains("## Breaking changes", "property `label` removed", "## What to do", "## Full difference");
      assertThat(dir.resolve("target/contract-changes.html")).isNotEmptyFile();
    }

    @Test
    void writesTheChangeReportWhenNothingChanged() throws IOException {
      SpecFixture.released().writeTo(spec);
      Path report = dir.resolve("target/contract-changes.md");
      BreakingChangeGate.main(new String[] {spec.toString(), baselines.toString(), report.toString()});
      assertThat(Files.readString(report)).contains("No changes against release 1.0.0", "No changes.");
    }
  }
}
