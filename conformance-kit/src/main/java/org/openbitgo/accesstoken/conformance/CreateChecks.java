package org.openbitgo.accesstoken.conformance;

import static org.openbitgo.accesstoken.conformance.Check.advisory;
import static org.openbitgo.accesstoken.conformance.Check.contract;
import static org.openbitgo.accesstoken.conformance.CheckFailure.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openbitgo.accesstoken.contract.ContractJson;

/**
 * The semantic rules of create ({@code POST /api/v2/user/accesstoken}) that a black box can
 * observe: what the answer echoes, the token's secret and lifetime, unique ids, exact amounts.
 */
final class CreateChecks implements CheckGroup {

  @Override
  public List<Check> checks(Environment environment, KitOptions options) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        contract(
            "create.returns-token-secret",
            "The 200 answer carries the new token's secret, `token`, non-empty (spec: \"The"
                + " response holds its secret value, shown only once\").",
            c -> {
              JsonNode body = c.created(c.fullCreate());
              expect(
                  body.path("token").isTextual() && !body.path("token").asText().isEmpty(),
                  "a non-empty `token`",
                  "token " + (body.has("token") ? "empty or not a string" : "absent"),
                  c.fullCreate());
            }));
    checks.add(
        echo(
            "create.echoes-label",
            "`label` is the label given at creation (spec: AccessToken.label).",
            "label"));
    checks.add(
        echo(
            "create.echoes-scope",
            "`scope` lists the scopes granted, as requested (spec: AccessToken.scope).",
            "scope"));
    checks.add(
        echo(
            "create.echoes-ip-restrict",
            "`ipRestrict` lists the addresses and CIDR blocks the token is restricted to, as"
                + " requested (spec: AccessToken.ipRestrict).",
            "ipRestrict"));
    checks.add(
        echo(
            "create.echoes-enterprise",
            "`enterprise` is the enterprise the token acts for, as requested (spec:"
                + " AccessToken.enterprise).",
            "enterprise"));
    checks.add(
        contract(
            "create.echoes-spending-limits",
            "`unlock.spendingLimits` holds one entry per requested coin, with its `txValueLimit`"
                + " (spec: TokenUnlock.spendingLimits, keyed by coin).",
            c -> {
              Exchange exchange = c.fullCreate();
              JsonNode limits = c.created(exchange).path("unlock").path("spendingLimits");
              for (String coin : List.of("btc", "eth")) {
                expect(
                    limits.path(coin).has("txValueLimit"),
                    "unlock.spendingLimits." + coin + ".txValueLimit",
                    "unlock.spendingLimits = " + limits,
                    exchange);
              }
              expect(
                  digits(limits.path("btc").path("txValueLimit")).equals("100000000"),
                  "unlock.spendingLimits.btc.txValueLimit = 100000000",
                  "unlock.spendingLimits.btc = " + limits.path("btc"),
                  exchange);
            }));
    checks.add(
        contract(
            "create.amounts-exact",
            "An amount beyond 2^64 sent as a string of digits comes back digit for digit (spec:"
                + " BaseUnitAmount, \"readers must keep every digit\").",
            c -> expectLimitKept(c, c.fullCreate(), "eth", RequestBodies.AMOUNT_BEYOND_2_64)));
    checks.add(
        contract(
            "create.timestamps-utc-milliseconds",
            "`created` and `expires` are UTC with millisecond precision, e.g."
                + " 2026-11-27T10:15:30.000Z (spec: AccessToken.created/expires).",
            c -> {
              Exchange exchange = c.fullCreate();
              JsonNode body = c.created(exchange);
              for (String field : List.of("created", "expires")) {
                String value = body.path(field).asText(null);
                expect(
                    value != null && isContractTimestamp(value),
                    field + " as yyyy-MM-ddTHH:mm:ss.SSSZ",
                    field + " = " + body.path(field),
                    exchange);
              }
            }));
    checks.add(
        contract(
            "create.expires-is-created-plus-duration",
            "`expires` = `created` + `duration` seconds (spec: duration is the token's lifetime).",
            c -> {
              Exchange exchange = c.fullCreate();
              JsonNode body = c.created(exchange);
              Instant created = instant(body.path("created"), exchange);
              Instant expires = instant(body.path("expires"), exchange);
              Duration lifetime = Duration.between(created, expires);
              expect(
                  lifetime.equals(Duration.ofSeconds(RequestBodies.SHORT_DURATION_SECONDS)),
                  "expires - created = "
                      + RequestBodies.SHORT_DURATION_SECONDS
                      + " s (the duration sent)",
                  "created "
                      + body.path("created").asText()
                      + ", expires "
                      + body.path("expires").asText(),
                  exchange);
            }));
    checks.add(
        contract(
            "create.ids-unique-per-call",
            "Each create returns a new `id` and a new `token` (the id names one token; the secret"
                + " is one token's).",
            c -> {
              Exchange first = c.http().create(RequestBodies.minimal(c, "unique-1"));
              Exchange second = c.http().create(RequestBodies.minimal(c, "unique-2"));
              JsonNode a = c.created(first);
              JsonNode b = c.created(second);
              expect(
                  !a.path("id").asText().equals(b.path("id").asText()),
                  "two creates, two different ids",
                  "the same id twice: " + a.path("id").asText(),
                  second);
              expect(
                  !a.path("token").asText().equals(b.path("token").asText()),
                  "two creates, two different secrets",
                  "the same secret twice",
                  second);
            }));
    checks.add(
        advisory(
            "create.token-shape",
            "The stub's secrets are `v2x` + 64 hex (256 random bits); the spec does not pin a"
                + " shape. Advisory.",
            c -> {
              Exchange exchange = c.fullCreate();
              String token = c.created(exchange).path("token").asText("");
              expect(token.matches("v2x[0-9a-f]{64}"), "v2x + 64 hex", "another shape", exchange);
            }));
    checks.add(
        advisory(
            "create.integer-amount-beyond-int64",
            "A JSON-integer amount beyond int64 is kept digit for digit (release 1.0.0 promised"
                + " it; the spec's integer form is int64 and says to send larger amounts as"
                + " strings). Advisory.",
            c ->
                expectLimitKept(
                    c,
                    c.http().createOffRecord(RequestBodies.integerAmountBeyondInt64(c)),
                    "eth",
                    RequestBodies.INTEGER_AMOUNT_BEYOND_INT64.toString())));
    checks.add(
        advisory(
            "create.amount-form-kept",
            "An amount comes back in the form sent: a string stays a string, a number a number"
                + " (the stub's choice; the spec accepts either form). Advisory.",
            c -> {
              Exchange exchange = c.fullCreate();
              JsonNode limits = c.created(exchange).path("unlock").path("spendingLimits");
              expect(
                  limits.path("eth").path("txValueLimit").isTextual()
                      && limits.path("btc").path("txValueLimit").isIntegralNumber(),
                  "eth's limit a string, btc's a number, as sent",
                  "eth "
                      + limits.path("eth").path("txValueLimit")
                      + ", btc "
                      + limits.path("btc").path("txValueLimit"),
                  exchange);
            }));
    checks.add(
        advisory(
            "create.unlock-times-follow-token",
            "`unlock.time` = `created` and `unlock.expires` = `expires` (the stub's choice)."
                + " Advisory.",
            c -> {
              Exchange exchange = c.fullCreate();
              JsonNode body = c.created(exchange);
              expect(
                  body.path("unlock").path("time").equals(body.path("created"))
                      && body.path("unlock").path("expires").equals(body.path("expires")),
                  "unlock.time = created, unlock.expires = expires",
                  "unlock = " + body.path("unlock"),
                  exchange);
            }));
    checks.add(
        advisory(
            "create.cache-control-no-store",
            "The answer that carries a secret has `Cache-Control: no-store` (the stub's choice).",
            c -> {
              Exchange exchange = c.fullCreate();
              String cacheControl = exchange.response().header("cache-control");
              expect(
                  cacheControl != null && cacheControl.contains("no-store"),
                  "Cache-Control: no-store",
                  "Cache-Control: " + cacheControl,
                  exchange);
            }));
    return checks;
  }

  /** A request field the 200 answer must carry back unchanged. */
  private static Check echo(String name, String rule, String field) {
    return contract(
        name,
        rule,
        c -> {
          Exchange exchange = c.fullCreate();
          JsonNode sent = RequestBodies.parse(exchange.request().bodyText()).path(field);
          JsonNode got = c.created(exchange).path(field);
          expect(
              sent.equals(got),
              field + " = " + sent,
              field + " = " + (got.isMissingNode() ? "(absent)" : got),
              exchange);
        });
  }

  /** The coin's limit in the 200 answer has exactly these digits. */
  private static void expectLimitKept(
      CheckContext c, Exchange exchange, String coin, String digits) {
    JsonNode limit =
        c.created(exchange).path("unlock").path("spendingLimits").path(coin).path("txValueLimit");
    expect(
        digits(limit).equals(digits),
        "unlock.spendingLimits." + coin + ".txValueLimit = " + digits,
        "txValueLimit = " + limit,
        exchange);
  }

  /** The digits of an amount in either form; the text of anything else. */
  static String digits(JsonNode amount) {
    if (amount.isIntegralNumber()) {
      return amount.bigIntegerValue().toString();
    }
    if (amount.isTextual() && amount.asText().matches("[0-9]+")) {
      return new BigInteger(amount.asText()).toString();
    }
    return amount.toString();
  }

  /** Exactly the contract's form: what {@link ContractJson#formatTimestamp} writes for it. */
  static boolean isContractTimestamp(String value) {
    try {
      return ContractJson.formatTimestamp(OffsetDateTime.parse(value)).equals(value);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static Instant instant(JsonNode value, Exchange exchange) {
    try {
      return OffsetDateTime.parse(value.asText()).toInstant();
    } catch (DateTimeParseException e) {
      throw new CheckFailure("a date-time", String.valueOf(value), exchange);
    }
  }
}
