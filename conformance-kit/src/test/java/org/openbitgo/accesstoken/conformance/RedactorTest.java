package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Review finding: a provider quoting the token JSON-escaped ({@code sekret\/main}, as PHP writes a
 * {@code /}) passed {@code auth.token-never-echoed}, and the reports then printed it unredacted.
 */
class RedactorTest {

  private static final String TOKEN = "sekret/main+token/XYZ";

  @Test
  void findsAndRedactsTheTokenHoweverJsonSpellsIt() {
    Redactor redactor = new Redactor(TOKEN);
    for (String spelled :
        new String[] {
          TOKEN,
          "sekret\\/main+token\\/XYZ",
          "sekret/main\\u002Btoken/XYZ",
          "sekret\\u002fmain\\u002btoken\\/XYZ",
          "\\u0073ekret/main+token/XYZ"
        }) {
      String body = "{\"error\":\"not accepted: Bearer " + spelled + "\"}";
      assertThat(redactor.holdsSecret(body)).as(spelled).isTrue();
      assertThat(redactor.redact(body))
          .as(spelled)
          .isEqualTo("{\"error\":\"not accepted: Bearer " + Redactor.REDACTED + "\"}");
    }
  }

  @Test
  void leavesOtherTextAlone() {
    Redactor redactor = new Redactor(TOKEN);
    for (String other :
        new String[] {
          "sekret/main+token/XY", "sekret\\\\/main+token/XYZ", "sekret/main token/XYZ"
        }) {
      assertThat(redactor.holdsSecret(other)).as(other).isFalse();
      assertThat(redactor.redact(other)).isEqualTo(other);
    }
  }
}
