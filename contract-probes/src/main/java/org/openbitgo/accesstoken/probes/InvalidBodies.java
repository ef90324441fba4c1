package org.openbitgo.accesstoken.probes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * Invalid create-request bodies, each a mutation of a valid one, drawn from a seeded {@link
 * Random}: the same seed yields the same bodies in the same order, so a failure found with one seed
 * is replayed by passing it again. Every body breaks the contract's request schema; a provider must
 * refuse each with a 4xx in the platform error shape.
 */
public final class InvalidBodies {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One generated body and the kind of mutation that made it (for the test's name). */
  public record Case(String kind, byte[] body) {

    /** The body as text when it is printable ASCII, else its bytes. */
    public String printable() {
      String text = new String(body, StandardCharsets.UTF_8);
      return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
          ? text
          : "bytes " + Arrays.toString(body);
    }
  }

  /** A create body that is valid in both environments, using every documented field. */
  public static final String VALID_BODY =
      """
      {"label":"treasury-bot","scope":["wallet_view_all","wallet_spend:59cd72485007a239fb00282ed480da1f"],\
      "duration":2592000,"ipRestrict":["203.0.113.7","198.51.100.0/24"],\
      "enterprise":"5a84db4d6dd6c7dd07d2e3b5a7e9d9c4","admin":false,\
      "spendingLimits":[{"coin":"btc","txValueLimit":"100000000"},\
      {"coin":"eth","txValueLimit":123456789012345678901234567890}],\
      "allErc20TokensLimit":{"enabled":true,"txValueLimit":"5000000000000000000"}}""";

  private static final List<String> NUMBERS =
      List.of("0", "-1", "3.5", "1e9", "12345678901234567890123");
  private static final List<String> BOOLEANS = List.of("true", "false");
  private static final List<String> ARRAYS = List.of("[]", "[1]", "[\"a\",2]", "[[]]", "[{}]");
  private static final List<String> OBJECTS = List.of("{}", "{\"a\":1}", "{\"label\":\"x\"}");
  private static final List<String> BAD_ITEMS = List.of("[1]", "[true]", "[{}]", "[[]]");
  private static final String ALPHA = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final BigInteger BEYOND_INT64 =
      BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);

  private final Random random;

  public InvalidBodies(long seed) {
    this.random = new Random(seed);
  }

  /** How many kinds of invalid body there are: {@link #ofKind} takes 0 to {@code KINDS - 1}. */
  public static final int KINDS = 8;

  private static final int GARBAGE = KINDS - 1;

  /** The next body: eight in nine are JSON mutations of the valid body, one in nine raw bytes. */
  public Case next() {
    return ofKind(random.nextInt(9) == 0 ? GARBAGE : random.nextInt(7));
  }

  /**
   * A body of one kind (0 to {@link #KINDS} - 1, each a different {@link Case#kind()}), drawn from
   * this generator's sequence: a run that starts with one of each covers every kind, whatever the
   * seed.
   */
  public Case ofKind(int kind) {
    return switch (kind) {
      case GARBAGE -> new Case("garbage bytes", garbageBytes());
      case 0 -> json("wrong type", wrongType());
      case 1 -> json("bad ipRestrict", badIpRestriction());
      case 2 -> json("out-of-range duration", outOfRangeDuration());
      case 3 -> json("bad scope", badScope());
      case 4 -> json("bad spending limit", badSpendingLimit());
      case 5 -> json("null where a value is required", nullWhereValueIsRequired());
      case 6 -> json("truncated", VALID_BODY.substring(0, random.nextInt(VALID_BODY.length())));
      default -> throw new IllegalArgumentException("no kind " + kind + ": 0 to " + GARBAGE);
    };
  }

  /** A field of the valid body replaced by a value of a JSON type the schema does not allow. */
  private String wrongType() {
    Supplier<String> numbers = () -> pick(NUMBERS);
    Supplier<String> strings = () -> quoted(randomString(ALPHA, 8));
    Supplier<String> booleans = () -> pick(BOOLEANS);
    Supplier<String> arrays = () -> pick(ARRAYS);
    Supplier<String> objects = () -> pick(OBJECTS);
    Supplier<String> badItems = () -> pick(BAD_ITEMS);
    return switch (random.nextInt(8)) {
      case 0 -> withField("label", oneOf(numbers, booleans, arrays, objects, () -> "\"\""));
      case 1 -> withField("scope", oneOf(numbers, strings, booleans, objects, badItems));
      case 2 ->
          withField(
              "duration",
              oneOf(
                  strings,
                  booleans,
                  arrays,
                  objects,
                  () -> pick(List.of("1.5", "1e3", "60.0", "\"60\""))));
      case 3 -> withField("ipRestrict", oneOf(numbers, strings, booleans, objects, badItems));
      case 4 -> withField("enterprise", oneOf(numbers, booleans, arrays, objects));
      case 5 -> withField("admin", oneOf(numbers, strings, arrays, objects));
      case 6 ->
          withField(
              "spendingLimits",
              oneOf(
                  numbers,
                  strings,
                  booleans,
                  objects,
                  () -> pick(List.of("[1]", "[\"btc\"]", "[[]]", "[true]"))));
      default -> withField("allErc20TokensLimit", oneOf(numbers, strings, booleans, arrays));
    };
  }

  /** A list of valid entries with one that is not an IPv4 address or CIDR block, anywhere in it. */
  private String badIpRestriction() {
    String bad =
        random.nextBoolean()
            ? randomStringNotMatching(
                "0123456789./:abx -", 22, ContractFacts.IPV4_OR_CIDR.asMatchPredicate())
            : random.nextInt(1000) + "." + between(256, 999) + ".0.1/" + between(33, 200);
    List<String> entries =
        new ArrayList<>(List.of(quoted("203.0.113.7"), quoted("198.51.100.0/24")));
    entries.add(random.nextInt(3), quoted(bad));
    return withField("ipRestrict", "[" + String.join(",", entries) + "]");
  }

  private String outOfRangeDuration() {
    String duration =
        switch (random.nextInt(4)) {
          case 0 ->
              String.valueOf(
                  edgeOr(
                      List.of(0L, -1L, Long.MIN_VALUE),
                      () -> -(random.nextLong() & Long.MAX_VALUE)));
          case 1 ->
              String.valueOf(
                  edgeOr(
                      List.of(315_360_001L, Long.MAX_VALUE),
                      () ->
                          315_360_001L
                              + (random.nextLong() & Long.MAX_VALUE)
                                  % (Long.MAX_VALUE - 315_360_001L)));
          case 2 -> {
            // beyond int64, up to 60 digits, either sign
            BigInteger value =
                BEYOND_INT64.add(new BigInteger(199, random).mod(BigInteger.TEN.pow(60)));
            yield (random.nextBoolean() ? "-" : "") + value;
          }
          default -> String.format(Locale.ROOT, "%.3f1", (random.nextDouble() * 2 - 1) * 1e12);
        };
    return withField("duration", duration);
  }

  /** A scope that is neither a named scope nor a wallet-bound one, beside a valid scope. */
  private String badScope() {
    String scope =
        randomStringNotMatching(
            "abcdefghijklmnopqrstuvwxyz_:0123456789ABCDEF",
            60,
            ContractFacts.SCOPE.asMatchPredicate());
    return withField("scope", "[\"wallet_view_all\"," + quoted(scope) + "]");
  }

  private String badSpendingLimit() {
    String limit =
        switch (random.nextInt(3)) {
          case 0 ->
              "{\"coin\":\"btc\",\"txValueLimit\":"
                  + pick(
                      List.of(
                          "-1",
                          "1.5",
                          "\"1.5\"",
                          "\"-1\"",
                          "\"abc\"",
                          "\"\"",
                          "true",
                          "{}",
                          "[]",
                          "null",
                          "\"" + "9".repeat(79) + "\"",
                          "\" 1\""))
                  + "}";
          case 1 ->
              "{\"coin\":"
                  + pick(
                      List.of(
                          "\"BTC\"",
                          "\"\"",
                          "\"b t c\"",
                          "1",
                          "null",
                          "[]",
                          "\"" + "a".repeat(41) + "\""))
                  + ",\"txValueLimit\":\"1\"}";
          default ->
              pick(
                  List.of(
                      "{\"coin\":\"btc\"}",
                      "{\"txValueLimit\":\"1\"}",
                      "{}",
                      "null",
                      "{\"maxLimit\":true}"));
        };
    return withField("spendingLimits", "[{\"coin\":\"ltc\",\"txValueLimit\":5}," + limit + "]");
  }

  private String nullWhereValueIsRequired() {
    return pick(
        List.of(
            withField("label", "null"),
            withField("scope", "[null]"),
            withField("ipRestrict", "[\"203.0.113.7\",null]"),
            withField("spendingLimits", "[null]"),
            withField("spendingLimits", "[{\"coin\":null,\"txValueLimit\":\"1\"}]"),
            withField("spendingLimits", "[{\"coin\":\"btc\",\"txValueLimit\":null}]"),
            // no property of the spec is nullable: null is not the same as left out
            withField("scope", "null"),
            withField("duration", "null"),
            withField("allErc20TokensLimit", "{\"enabled\":true,\"txValueLimit\":null}"),
            "null",
            "{\"label\":null}"));
  }

  private byte[] garbageBytes() {
    byte[] bytes = new byte[between(1, 300)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static Case json(String kind, String body) {
    return new Case(kind, body.getBytes(StandardCharsets.UTF_8));
  }

  @SafeVarargs
  private String oneOf(Supplier<String>... choices) {
    return choices[random.nextInt(choices.length)].get();
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** One of the edge values a quarter of the time, else a drawn one. */
  private long edgeOr(List<Long> edges, Supplier<Long> drawn) {
    return random.nextInt(4) == 0 ? pick(edges) : drawn.get();
  }

  private int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  private String randomString(String alphabet, int maxLength) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private String randomStringNotMatching(String alphabet, int maxLength, Predicate<String> valid) {
    String candidate;
    do {
      candidate = randomString(alphabet, maxLength);
    } while (valid.test(candidate));
    return candidate;
  }

  /** The valid body with {@code field} set to the raw JSON {@code value}. */
  private static String withField(String field, String value) {
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(VALID_BODY);
      String placeholder = "__value_of_" + field + "__";
      body.put(field, placeholder);
      return JSON.writeValueAsString(body).replace(quoted(placeholder), value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String quoted(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
