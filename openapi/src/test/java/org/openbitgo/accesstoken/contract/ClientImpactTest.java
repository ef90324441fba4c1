package org.openbitgo.accesstoken.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openbitgo.accesstoken.contract.ClientImpact.Language;
import org.openbitgo.accesstoken.contract.ContractChanges.Effect;
import org.openbitgo.accesstoken.contract.ContractChanges.EffectKind;

class ClientImpactTest {

  @Test
  void aRemovedPropertyDisappearsFromEachLanguagesGeneratedModel() {
    Effect removed =
        new Effect(EffectKind.PROPERTY_REMOVED, "unlock.spendingLimits{*}.txCount", "", "", true);

    assertThat(ClientImpact.describe(removed, Language.TYPESCRIPT))
        .contains("field `txCount` disappears");
    assertThat(ClientImpact.describe(removed, Language.PYTHON))
        .contains("attribute `tx_count` disappears");
    assertThat(ClientImpact.describe(removed, Language.GO))
        .contains("field `TxCount`", "`GetTxCount`");
    assertThat(ClientImpact.describe(removed, Language.JAVA))
        .contains("`getTxCount()`", "disappear");
  }

  @Test
  void aTypeChangeNamesEachLanguagesTypes() {
    Effect changed =
        new Effect(EffectKind.TYPE_CHANGED, "duration", "integer/int64", "string", true);

    assertThat(ClientImpact.describe(changed, Language.TYPESCRIPT))
        .contains("`number` becomes `string`");
    assertThat(ClientImpact.describe(changed, Language.PYTHON)).contains("`int` becomes `str`");
    assertThat(ClientImpact.describe(changed, Language.GO)).contains("`int64` becomes `string`");
    assertThat(ClientImpact.describe(changed, Language.JAVA)).contains("`Long` becomes `String`");
  }

  @Test
  void aFormatChangeThatKeepsALanguagesTypeSaysSo() {
    Effect changed =
        new Effect(EffectKind.TYPE_CHANGED, "label", "string", "string/date-time", true);

    assertThat(ClientImpact.describe(changed, Language.JAVA))
        .contains("`String` becomes `OffsetDateTime`");
    assertThat(
            ClientImpact.describe(
                new Effect(EffectKind.TYPE_CHANGED, "n", "integer", "integer/int32", true),
                Language.PYTHON))
        .isEqualTo("`n` stays `int`");
  }

  @Test
  void aOneOfReplacedByAStringNamesTheWrapperThatGoes() {
    Effect changed = new Effect(EffectKind.TYPE_CHANGED, "scope[]", "oneOf", "string", true);

    assertThat(ClientImpact.describe(changed, Language.GO))
        .isEqualTo("`scope`: a oneOf wrapper struct becomes `string` (compile error where used)");
    assertThat(ClientImpact.describe(changed, Language.TYPESCRIPT))
        .contains("a union type becomes `string`");
  }

  @Test
  void anAddedOperationNamesEachLanguagesNewMethod() {
    Effect added = new Effect(EffectKind.OPERATION_ADDED, "listAccessTokens", "", "", false);

    assertThat(ClientImpact.describe(added, Language.TYPESCRIPT))
        .isEqualTo("method `AccessTokenApi.listAccessTokens()` added");
    assertThat(ClientImpact.describe(added, Language.PYTHON))
        .isEqualTo("method `AccessTokenApi.list_access_tokens()` added");
    assertThat(ClientImpact.describe(added, Language.GO))
        .isEqualTo("method `AccessTokenAPI.ListAccessTokens(ctx)` added");
    assertThat(ClientImpact.describe(added, Language.JAVA))
        .isEqualTo("method `AccessTokenApi.listAccessTokens(...)` added");
  }

  @Test
  void aRemovedOperationIsACompileErrorWhereCalled() {
    Effect removed = new Effect(EffectKind.OPERATION_REMOVED, "revokeAccessToken", "", "", true);

    assertThat(ClientImpact.describe(removed, Language.GO))
        .contains("`RevokeAccessToken(ctx)` disappears (compile error)");
    assertThat(ClientImpact.describe(removed, Language.PYTHON))
        .contains("`revoke_access_token()` disappears");
  }

  @Test
  void theReportSectionHasARowPerChangeAndAColumnPerLanguage() {
    String md =
        ClientImpact.markdown(
            List.of(
                new Effect(EffectKind.PROPERTY_REMOVED, "label", "", "", true),
                new Effect(EffectKind.PROPERTY_ADDED, "note", "", "", false)));

    assertThat(md.lines()).contains("| change | TypeScript | Python | Go | Java |");
    assertThat(md)
        .contains("| `label`: property removed **(breaking)** | field `label` disappears")
        .contains("| `note`: property added | optional field `note?` added");
  }

  @Test
  void noEffectSaysTheGeneratedCodeIsUnchanged() {
    assertThat(ClientImpact.markdown(List.of()))
        .contains("code generated from the spec is the same in every language");
  }
}
