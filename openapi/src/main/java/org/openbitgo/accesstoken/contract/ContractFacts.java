package org.openbitgo.accesstoken.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Facts of the contract that code on every side needs, written once. The patterns are the spec's
 * own ({@code ContractFactsTest} compares them with it); the rest are names the spec uses.
 */
public final class ContractFacts {

  /** Where this artifact puts the spec on the classpath. */
  public static final String SPEC_RESOURCE = "/openapi/access-token.yaml";

  /** The path of the access-token collection: create ({@code POST}) and list ({@code GET}). */
  public static final String OPERATION_PATH = "/api/v2/user/accesstoken";

  /**
   * A token's public id (the spec's {@code TokenId}, also {@code prevId}): what revoke takes in its
   * path and list takes as its cursor.
   */
  public static final Pattern TOKEN_ID = Pattern.compile("[0-9a-f]{32}");

  /** The header that carries the request id on every response (and, optionally, on requests). */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** The documented scope names, in the order of the spec's {@code Scope} pattern. */
  public static final List<String> NAMED_SCOPES =
      List.of(
          "openid",
          "openid_enterprises",
          "profile",
          "user_manage",
          "enterprise_view_all",
          "enterprise_manage_all",
          "wallet_view",
          "wallet_view_enterprise",
          "wallet_view_all",
          "wallet_create",
          "wallet_freeze",
          "wallet_freeze_all",
          "wallet_manage",
          "wallet_manage_all",
          "wallet_approve",
          "wallet_approve_all",
          "wallet_spend",
          "wallet_spend_all",
          "wallet_edit",
          "wallet_edit_all",
          "wallet_stake",
          "wallet_stake_all",
          "wallet_edit_enterprise",
          "wallet_spend_enterprise",
          "wallet_approve_enterprise",
          "wallet_manage_enterprise",
          "settlement_network_read",
          "settlement_network_write",
          "portfolio_view",
          "trade_view",
          "trade_trade",
          "pending_approval_update",
          "metamask_institutional",
          "crypto_compare",
          "third_party_user_lookup",
          "private_verify_email",
          "all");

  /** A wallet scope bound to one wallet: {@code wallet_<name>:<32-hex walletId>}. */
  public static final Pattern WALLET_BOUND_SCOPE = Pattern.compile("wallet_[a-z_]+:[0-9a-f]{32}");

  /** The spec's {@code Scope}: a documented name or the wallet-bound form, nothing else. */
  public static final Pattern SCOPE =
      Pattern.compile(
          "(" + String.join("|", NAMED_SCOPES) + "|" + WALLET_BOUND_SCOPE.pattern() + ")");

  /** An entry of {@code ipRestrict}: an IPv4 address or CIDR block. */
  public static final Pattern IPV4_OR_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(/(3[0-2]|[12]?[0-9]))?");

  /**
   * What may follow {@code Authorization: Bearer }: RFC 6750's b64token ("token68"). Client and
   * stub accept the same tokens.
   */
  public static final Pattern BEARER_TOKEN68 = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

  /**
   * {@code info.version} as the spec writes it: two spaces in, under the top-level {@code info:}.
   */
  private static final Pattern INFO_VERSION =
      Pattern.compile("^  version: *['\"]?([0-9A-Za-z.+-]+)['\"]? *$");

  private ContractFacts() {}

  /**
   * The contract's version, the spec's {@code info.version} (e.g. {@code 2.0.0}), read from the
   * spec on the classpath so that it has one home. Read line by line rather than with a YAML
   * parser, which the stub server's runtime does not carry; {@code ContractFactsTest} compares it
   * with the parsed spec.
   */
  public static String contractVersion() {
    try (InputStream spec = ContractFacts.class.getResourceAsStream(SPEC_RESOURCE)) {
      if (spec == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
      }
      BufferedReader lines =
          new BufferedReader(new InputStreamReader(spec, StandardCharsets.UTF_8));
      boolean inInfo = false;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.startsWith(" ") && !line.isBlank()) {
          inInfo = line.equals("info:");
        } else if (inInfo) {
          Matcher version = INFO_VERSION.matcher(line);
          if (version.matches()) {
            return version.group(1);
          }
        }
      }
      throw new IllegalStateException(SPEC_RESOURCE + " has no info.version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
