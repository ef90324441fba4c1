package org.openbitgo.accesstoken.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Map;
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
          "%73%65%6B%72%65%74%2F%6D%61%69%6E%2B%74%6F%6B%65%6E%2F%58%59%5A",
          // a URL inside a URL's query: percent-encoded twice
          "sekret%252Fmain%252Btoken%252FXYZ",
          // JSON in a URL (PHP's urlencode(json_encode(...)), .NET's \u002B likewise)
          "sekret%5C%2Fmain%2Btoken%5C%2FXYZ",
          "sekret%2Fmain%5Cu002Btoken/XYZ"
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
  void aSpaceInASecretIsFoundAsAPlusTooAsAFormEncoderWritesIt() {
    Redactor redactor = new Redactor("not a token68 value");
    assertThat(redactor.holdsSecret("?retry=not+a+token68+value")).isTrue();
    assertThat(redactor.redact("?retry=not+a+token68+value"))
        .isEqualTo("?retry=" + Redactor.REDACTED);
  }

  /**
   * Review finding: an answer was cut to 200 characters before it was redacted, so a token spelled
   * across the cut (percent-encoded, escaped twice: three to seven times its length) no longer
   * matched, and its first part was printed in the report.
   */
  @Test
  void anAnswerIsCutOnlyOnceRedacted() {
    Redactor redactor = new Redactor(TOKEN);
    String encoded = "%73%65%6B%72%65%74%2F%6D%61%69%6E%2B%74%6F%6B%65%6E%2F%58%59%5A";
    String body =
        "{\"error\":\"" + "x".repeat(170) + encoded + "\",\"more\":\"" + "y".repeat(300) + "\"}";
    String line = redactor.redact("got: " + new Exchange.Response(401, Map.of(), body).summary());
    assertThat(line)
        .startsWith("got: 401 (no Content-Type) {\"error\":\"xxx")
        .contains(Redactor.REDACTED)
        .doesNotContain("%73%65")
        .endsWith("...")
        .hasSizeLessThan(260);
  }

  @Test
  void aMarkForgedByAnAnswerNeitherBreaksNorHidesTheRedaction() {
    Redactor redactor = new Redactor(TOKEN);
    for (String forged :
        new String[] {"\uE0001:", "\uE000x:" + TOKEN + "\uE001", "\uE0002:" + TOKEN + "\uE001"}) {
      String body = forged + " " + TOKEN + " " + "z".repeat(300);
      String line = redactor.redact(new Exchange.Response(401, Map.of(), body).summary());
      assertThat(line).doesNotContain(TOKEN).contains(Redactor.REDACTED);
    }
  }

  /** A create answered without its token registered "": found in every answer, honest or not. */
  @Test
  void anEmptyOrVeryShortSecretIsNotSearchedFor() {
    Redactor redactor = new Redactor(TOKEN);
    redactor.register("");
    redactor.register("ab");
    assertThat(redactor.holdsSecret("{\"ok\":true,\"label\":\"abc\"}")).isFalse();
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
