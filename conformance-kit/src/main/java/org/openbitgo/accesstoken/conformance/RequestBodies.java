package org.openbitgo.accesstoken.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;

/**
 * The create bodies the kit sends. Every token it creates lives {@link #SHORT_DURATION_SECONDS}
 * (ten minutes), so a run against a real provider leaves nothing long-lived behind; labels carry
 * the run's id.
 */
final class RequestBodies {

  /** The lifetime of every token the kit creates (a spec example without one gets it too). */
  static final long SHORT_DURATION_SECONDS = 600;

  /** An address valid in both environments. */
  static final String ADDRESS = "203.0.113.7";

  /** A CIDR block valid in both environments (prod allows /24 to /32). */
  static final String CIDR_24 = "198.51.100.0/24";

  static final String WALLET_SCOPE = "wallet_spend:59cd72485007a239fb00282ed480da1f";
  static final String ENTERPRISE = "5a84db4d6dd6c7dd07d2e3b5a7e9d9c4";

  /** A string amount beyond 2^64 (30 digits): must come back digit for digit. */
  static final String AMOUNT_BEYOND_2_64 = "123456789012345678901234567890";

  /** A JSON-integer amount beyond int64 (the spec's integer form is int64; larger is advisory). */
  static final BigInteger INTEGER_AMOUNT_BEYOND_INT64 = new BigInteger("98765432109876543210987");

  private RequestBodies() {}

  /** Every documented field, valid in both environments. */
  static String full(CheckContext context) {
    ObjectNode body = minimalNode(context, "full");
    body.putArray("scope").add("wallet_view_all").add(WALLET_SCOPE);
    body.putArray("ipRestrict").add(ADDRESS).add(CIDR_24);
    body.put("enterprise", ENTERPRISE);
    body.put("admin", false);
    ArrayNode limits = body.putArray("spendingLimits");
    limits.addObject().put("coin", "btc").put("txValueLimit", 100000000L);
    limits.addObject().put("coin", "eth").put("txValueLimit", AMOUNT_BEYOND_2_64);
    ObjectNode erc20 = body.putObject("allErc20TokensLimit");
    erc20.put("enabled", true).put("txValueLimit", "5000000000000000000");
    return write(body);
  }

  /** A label and the short duration, plus {@code ipRestrict} in prod (where it is required). */
  static String minimal(CheckContext context, String purpose) {
    ObjectNode body = minimalNode(context, purpose);
    if (context.environment() == Environment.PROD) {
      body.putArray("ipRestrict").add(ADDRESS);
    }
    return write(body);
  }

  /** {@link #minimal} with {@code ipRestrict} set to these entries. */
  static String withIpRestrict(CheckContext context, String purpose, String... entries) {
    ObjectNode body = minimalNode(context, purpose);
    ArrayNode ipRestrict = body.putArray("ipRestrict");
    for (String entry : entries) {
      ipRestrict.add(entry);
    }
    return write(body);
  }

  /** {@link #minimal} with no {@code ipRestrict}, whatever the environment. */
  static String withoutIpRestrict(CheckContext context, String purpose) {
    return write(minimalNode(context, purpose));
  }

  /** A spending limit given as a JSON integer beyond int64. */
  static String integerAmountBeyondInt64(CheckContext context) {
    ObjectNode body = (ObjectNode) parse(minimal(context, "integer-amount"));
    body.putArray("spendingLimits")
        .addObject()
        .put("coin", "eth")
        .put("txValueLimit", INTEGER_AMOUNT_BEYOND_INT64);
    return write(body);
  }

  /** A spec example as sent: with the short duration when it gives none or a longer one. */
  static String shortLived(String exampleJson) {
    ObjectNode body = (ObjectNode) parse(exampleJson);
    JsonNode duration = body.get("duration");
    if (duration == null
        || !duration.canConvertToLong()
        || duration.asLong() > SHORT_DURATION_SECONDS) {
      body.put("duration", SHORT_DURATION_SECONDS);
    }
    return write(body);
  }

  static String label(CheckContext context, String purpose) {
    return "conformance-kit " + context.runId() + " " + purpose;
  }

  private static ObjectNode minimalNode(CheckContext context, String purpose) {
    ObjectNode body = CheckContext.JSON.createObjectNode();
    body.put("label", label(context, purpose));
    body.put("duration", SHORT_DURATION_SECONDS);
    return body;
  }

  static JsonNode parse(String json) {
    try {
      return CheckContext.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static String write(JsonNode body) {
    try {
      return CheckContext.JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
