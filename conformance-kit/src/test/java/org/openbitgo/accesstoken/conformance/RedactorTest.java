package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Review finding: a provider quoting the token JSON-escaped ({@code sekret\/main}, as PHP writes a
 * {@code /}) passed {@code auth.token-never-echoed}, and the reports then printed it unredacted.
 * The same held for a token escaped twice (JSON inside a JSON string) or percent-encoded (a URL in
 * a header).
 */
class RedactorTest {

  private static final String TOKEN = "sekret/main+token/XYZ";

  @Test
  void findsAndRedactsTheTokenHoweverJsonOrAUrlSpellsIt() {
    Redactor redactor = new Redactor(TOKEN);
    for (String spelled :
        new String[] {
          TOKEN,
          "sekret\\/main+token\\/XYZ",
          "sekret/main\\u002Btoken/XYZ",
          "sekret\\u002fmain\\u002btoken\\/XYZ",
          "\\u0073ekret/main+token/XYZ",
          // JSON inside a JSON string: each escape's backslash escaped again
          "sekret\\\\/main+token\\\\\\/XYZ",
          "sekret/main\\\\u002Btoken/XYZ",
          "\\\\u0073ekret/main+token/XYZ",
          // percent-encoded, as in a URL: reserved characters only, or every one
          "sekret%2Fmain%2btoken%2FXYZ",
          "%73%65%6B%72%65%74%2F%6D%61%69%6E%2B%74%6F%6B%65%6E%2F%58%59%5A"
        }) {
      String body = "{\"error\":\"not accepted: Bearer " + spelled + "\"}";
      assertThat(redactor.holdsSecret(body)).as(spelled).isTrue();
      assertThat(redactor.redact(body))
          .as(spelled)
          .isEqualTo("{\"error\":\"not accepted: Bearer " + Redactor.REDACTED + "\"}");
    }
  }

  /**
   * Hostile-peer finding on the spellings above: a search that tried every backslash of a long run
   * cost the square of the run's length (40,000 backslashes: 0.36 s; a 1 MiB answer of them held
   * the check for minutes). Linear now: the bound is two orders of magnitude above what it takes.
   */
  @Test
  void aLongRunOfBackslashesOrPercentSignsIsSearchedInLinearTime() {
    Redactor redactor = new Redactor(TOKEN);
    for (String hostile :
        new String[] {
          "\\".repeat(1 << 20), "s" + "\\".repeat(1 << 20), "%".repeat(1 << 20) + "sekret"
        }) {
      assertTimeoutPreemptively(
          Duration.ofSeconds(10), () -> assertThat(redactor.holdsSecret(hostile)).isFalse());
    }
  }

  @Test
  void leavesOtherTextAlone() {
    Redactor redactor = new Redactor(TOKEN);
    for (String other :
        new String[] {
          "sekret/main+token/XY",
          "sekret/main token/XYZ",
          // a space, percent-encoded: a '+' in a query string decodes as one, but it is not the
          // token
          "sekret/main%20token/XYZ",
          "sekret/main\\u0020token/XYZ"
        }) {
      assertThat(redactor.holdsSecret(other)).as(other).isFalse();
      assertThat(redactor.redact(other)).isEqualTo(other);
    }
  }
}
