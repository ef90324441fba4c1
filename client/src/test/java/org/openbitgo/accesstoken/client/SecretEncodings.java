package org.openbitgo.accesstoken.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The ways a hostile peer may echo a secret back, so a test can both send and look for each. */
enum SecretEncodings {
  RAW,
  JSON_UNICODE_ESCAPED,
  /** Every other character escaped: a redactor looking for one whole form misses it. */
  JSON_UNICODE_MIXED,
  PERCENT_ENCODED,
  PERCENT_ENCODED_LOWER_CASE,
  BASE64,
  BASE64_URL;

  String encode(String secret) {
    StringBuilder out = new StringBuilder();
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    switch (this) {
      case RAW -> out.append(secret);
      case JSON_UNICODE_ESCAPED, JSON_UNICODE_MIXED -> {
        for (int i = 0; i < secret.length(); i++) {
          char c = secret.charAt(i);
          out.append(
              this == JSON_UNICODE_MIXED && i % 2 == 1
                  ? String.valueOf(c)
                  : "\\u%04x".formatted((int) c));
        }
      }
      case PERCENT_ENCODED, PERCENT_ENCODED_LOWER_CASE -> {
        for (byte b : bytes) {
          String hex = "%%%02X".formatted(b & 0xff);
          out.append(this == PERCENT_ENCODED ? hex : hex.toLowerCase(Locale.ROOT));
        }
      }
      case BASE64 -> out.append(Base64.getEncoder().encodeToString(bytes));
      case BASE64_URL -> out.append(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
    return out.toString();
  }

  /** Fails if {@code text} holds any of the secrets in any of these encodings. */
  static void assertHoldsNone(String text, String... secrets) {
    for (String secret : secrets) {
      for (SecretEncodings encoding : values()) {
        assertThat(text)
            .as("%s of a secret", encoding)
            .doesNotContainIgnoringCase(encoding.encode(secret));
      }
    }
  }
}
