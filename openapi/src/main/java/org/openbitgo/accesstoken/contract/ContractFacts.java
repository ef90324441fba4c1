package org.openbitgo.accesstoken.contract;

import java.util.regex.Pattern;

/**
 * Facts of the contract that code on every side needs, written once. The patterns are the spec's
 * own ({@code ContractFactsTest} compares them with it); the rest are names the spec uses.
 */
public final class ContractFacts {

  /** Where this artifact puts the spec on the classpath. */
  public static final String SPEC_RESOURCE = "/openapi/access-token.yaml";

  /** The path of the contract's one operation, {@code POST}. */
  public static final String OPERATION_PATH = "/api/v2/user/accesstoken";

  /** The header that carries the request id on every response (and, optionally, on requests). */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** {@code WalletBoundScope}: {@code wallet_<name>:<32-hex walletId>}. */
  public static final Pattern WALLET_BOUND_SCOPE = Pattern.compile("wallet_[a-z_]+:[0-9a-f]{32}");

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

  private ContractFacts() {}
}
