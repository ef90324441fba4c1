package org.openbitgo.accesstoken.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison fails on every kind of disagreement, naming the input and the components. */
class AgreementComparisonTest {

  static final String TABLE_JSON =
      """
      {
        "callerToken": "agreement-caller-token",
        "fields": {
          "bearerToken": {"in": "authorization", "body": {"label": "x"}, "judgedByEveryClient": true},
          "label": {"in": "body", "body": {"label": "$value"}}
        },
        "leftToServer": {"python": [], "typescript": ["label"]},
        "rows": [
          {"id": "token/short", "field": "bearerToken", "value": "short", "expect": "refuse", "why": "too short"},
          {"id": "label/empty", "field": "label", "value": "", "expect": "refuse", "why": "minLength 1"}
        ]
      }
      """;

  static final AgreementTable TABLE = AgreementTable.parse(TABLE_JSON);

  private static Map<String, Map<String, Verdict>> verdicts(
      Verdict pythonOnToken, Verdict typescriptOnLabel) {
    Map<String, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
    verdicts.put("stub", Map.of("token/short", Verdict.REFUSE, "label/empty", Verdict.REFUSE));
    verdicts.put("python", Map.of("token/short", pythonOnToken, "label/empty", Verdict.REFUSE));
    verdicts.put(
        "typescript", Map.of("token/short", Verdict.REFUSE, "label/empty", typescriptOnLabel));
    return verdicts;
  }

  @Test
  void agreeingComponentsAndAClientLeavingADocumentedFieldToTheServerPass() {
    assertThat(Agreement.disagreements(TABLE, verdicts(Verdict.REFUSE, Verdict.LEFT_TO_SERVER)))
        .isEmpty();
  }

  @Test
  void aClientAcceptingWhatTheStubRefusesFailsNamingTheInputAndTheComponents() {
    assertThat(Agreement.disagreements(TABLE, verdicts(Verdict.ACCEPT, Verdict.LEFT_TO_SERVER)))
        .containsExactly(
            "token/short (bearerToken, too short): table refuse, stub refuse, python accept,"
                + " typescript refuse");
  }

  @Test
  void aClientRefusingAFieldItLeavesToTheServerIsStillCompared() {
    Map<String, Map<String, Verdict>> verdicts = verdicts(Verdict.REFUSE, Verdict.REFUSE);
    verdicts.put("stub", Map.of("token/short", Verdict.REFUSE, "label/empty", Verdict.ACCEPT));
    assertThat(Agreement.disagreements(TABLE, verdicts))
        .singleElement()
        .asString()
        .startsWith("label/empty (label, minLength 1): ")
        .contains("stub accept", "typescript refuse");
  }

  @Test
  void aMissingVerdictFails() {
    Map<String, Map<String, Verdict>> verdicts = verdicts(Verdict.REFUSE, Verdict.REFUSE);
    verdicts.put("python", Map.of("label/empty", Verdict.REFUSE));
    assertThat(Agreement.disagreements(TABLE, verdicts))
        .containsExactly("token/short: no verdict from python");
  }

  @Test
  void aClientLeavingTheBearerTokenToTheServerFails() {
    AgreementTable table =
        AgreementTable.parse(TABLE_JSON.replace("\"python\": []", "\"python\": [\"bearerToken\"]"));
    assertThat(Agreement.disagreements(table, verdicts(Verdict.REFUSE, Verdict.REFUSE)))
        .contains("python leaves bearerToken to the server, but every client must judge it");
  }

  @Test
  void aVerdictFileFromAnotherVersionOfTheTableIsRefusedAsStale() {
    String file =
        """
        {"component": "python", "tableSha256": "0000", "observations": {"token/short": "refused"}}
        """;
    assertThatThrownBy(() -> VerdictFiles.parse(file, TABLE, "verdicts.json"))
        .hasMessageContaining("stale");
  }

  @Test
  void aVerdictFileIsReadAsTheClientsVerdicts() throws Exception {
    String file =
        """
        {"component": "typescript", "tableSha256": "%s",
         "observations": {"token/short": "refused", "label/empty": "sent"}}
        """
            .formatted(TABLE.sha256());
    VerdictFiles.Verdicts verdicts = VerdictFiles.parse(file, TABLE, "verdicts.json");
    assertThat(verdicts.byRow())
        .containsEntry("token/short", Verdict.REFUSE)
        .containsEntry("label/empty", Verdict.LEFT_TO_SERVER);
  }
}
