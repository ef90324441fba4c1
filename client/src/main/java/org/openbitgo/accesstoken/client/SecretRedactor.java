package org.openbitgo.accesstoken.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Removes secrets from text before it is logged or put in an exception: credential headers, bearer
 * values, JSON fields that hold secrets (the properties the spec marks {@code format: password}:
 * {@code token}, {@code otp}; {@link ContractFacts#SENSITIVE_PROPERTIES}), the client's own access
 * token and the {@code otp} of the request at hand, wherever a peer echoes them back and however it
 * encodes them: raw, JSON {@code \}{@code uXXXX} or {@code \/} escapes, percent-encoding or HTML
 * character references (any mix, any hex case), or Base64 (standard or URL-safe, at any byte
 * alignment).
 */
final class SecretRedactor {

  static final String REDACTED = "[REDACTED]";

  /** Feign logs one header per line, {@code Name: value}. */
  private static final Pattern SENSITIVE_HEADER_LINE =
      Pattern.compile("(?im)^(\\s*(?:proxy-)?authorization|\\s*cookie|\\s*set-cookie)(\\s*:).*$");

  private static final Pattern BEARER_VALUE = Pattern.compile("(?i)(bearer\\s+)[^\\s\",;]+");

  /** A string value (escapes included) or a bare scalar, so pretty-printed JSON is covered too. */
  private static final Pattern SENSITIVE_JSON_FIELD =
      Pattern.compile(
          "(\"(?:"
              + ContractFacts.SENSITIVE_PROPERTIES.stream()
                  .map(Pattern::quote)
                  .collect(Collectors.joining("|"))
              + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s,}\\]]+)");

  /** Shorter literals would redact ordinary words; real tokens are far longer. */
  static final int MIN_LITERAL_LENGTH = 8;

  /**
   * One-time passwords are short (6 to 8 digits); redacting every echo of one in an error answer
   * costs less than leaking it. Below this they would match too much to be useful.
   */
  private static final int MIN_OTP_LENGTH = 4;

  private final List<Pattern> knownSecrets;

  SecretRedactor(List<String> knownSecrets) {
    this(
        knownSecrets.stream()
            .filter(s -> s != null && s.length() >= MIN_LITERAL_LENGTH)
            .map(SecretRedactor::anyEncodingOf)
            .toArray(Pattern[]::new));
  }

  private SecretRedactor(Pattern... knownSecrets) {
    this.knownSecrets = List.of(knownSecrets);
  }

  /**
   * This redactor plus the request's own secret, its {@code otp}, which a peer may echo inside any
   * string of its answer. Built at most once per call, when a text is first redacted (see {@link
   * CallScope}).
   */
  SecretRedactor withOtp(String otp) {
    if (otp == null || otp.length() < MIN_OTP_LENGTH) {
      return this;
    }
    List<Pattern> patterns = new ArrayList<>(knownSecrets);
    patterns.add(anyEncodingOf(otp));
    return new SecretRedactor(patterns.toArray(Pattern[]::new));
  }

  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String redacted = text;
    for (Pattern secret : knownSecrets) {
      redacted = secret.matcher(redacted).replaceAll(Matcher.quoteReplacement(REDACTED));
    }
    redacted = SENSITIVE_HEADER_LINE.matcher(redacted).replaceAll("$1$2 " + REDACTED);
    redacted = BEARER_VALUE.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    return SENSITIVE_JSON_FIELD
        .matcher(redacted)
        .replaceAll("$1" + Matcher.quoteReplacement('"' + REDACTED + '"'));
  }

  /**
   * Redacts every string inside parsed JSON (maps, lists, nested), keys included. The raw text was
   * redacted before parsing; this also catches what only parsing makes recognisable.
   */
  @SuppressWarnings("unchecked")
  <T> T redactValues(T parsed) {
    if (parsed instanceof String text) {
      return (T) redact(text);
    }
    if (parsed instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach(
          (key, value) -> copy.put(key instanceof String k ? redact(k) : key, redactValues(value)));
      return (T) copy;
    }
    if (parsed instanceof List<?> list) {
      return (T) list.stream().map(this::redactValues).toList();
    }
    return parsed;
  }

  /**
   * Each character as itself or escaped (JSON, percent, HTML reference), so any mix of forms
   * matches; and, for secrets long enough to tell apart, the Base64 runs that encode only the
   * secret's own bytes, whatever bytes precede it.
   */
  private static Pattern anyEncodingOf(String secret) {
    StringBuilder chars = new StringBuilder("(?i:");
    secret
        .codePoints()
        .forEach(
            c -> {
              chars.append("(?:").append(Pattern.quote(Character.toString(c)));
              if (c <= 0xffff) {
                chars.append("|\\\\u").append("%04x".formatted(c));
              }
              if (c < 0x80) {
                chars.append("|%").append("%02x".formatted(c));
              }
              if (c == '/' || c == '"' || c == '\\') {
                chars.append("|\\\\").append(Pattern.quote(Character.toString(c)));
              }
              chars.append("|&#x0*").append(Integer.toHexString(c)).append(";?");
              chars.append("|&#0*").append(c).append(";?)");
            });
    chars.append(')');
    return Pattern.compile(
        Stream.concat(
                Stream.of(chars.toString()),
                // with the partial group after it, which still carries bits of the secret
                base64RunsOf(secret).map(run -> Pattern.quote(run) + "(?:[A-Za-z0-9+/_-]{1,3}=*)?"))
            .reduce((a, b) -> a + "|" + b)
            .orElseThrow());
  }

  private static Stream<String> base64RunsOf(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_LITERAL_LENGTH) {
      return Stream.empty();
    }
    List<String> runs = new ArrayList<>();
    for (int offset = 0; offset < 3; offset++) {
      byte[] shifted = new byte[offset + bytes.length];
      System.arraycopy(bytes, 0, shifted, offset, bytes.length);
      String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
      // 3-byte groups wholly inside the secret encode to 4 characters that depend on it alone.
      int firstGroup = offset == 0 ? 0 : 1;
      int endGroup = shifted.length / 3;
      String run = encoded.substring(4 * firstGroup, 4 * endGroup);
      runs.add(run);
      runs.add(run.replace('+', '-').replace('/', '_'));
    }
    return runs.stream().distinct();
  }

  @Override
  public String toString() {
    return "SecretRedactor[" + knownSecrets.size() + " known secret(s), values hidden]";
  }
}
