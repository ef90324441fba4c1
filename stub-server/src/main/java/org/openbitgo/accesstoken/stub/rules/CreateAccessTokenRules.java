package org.openbitgo.accesstoken.stub.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.openbitgo.accesstoken.contract.ContractFacts;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.server.generated.model.SpendingLimit;

/**
 * The contract's rules that Bean Validation on the generated models does not check: the ones the
 * schema cannot express (environment-dependent IP restrictions), the ones the generator dropped
 * ({@code scope} items became plain strings), and null items inside arrays. Runs after Bean
 * Validation, which has already checked each ipRestrict entry against the spec's pattern.
 */
public final class CreateAccessTokenRules {

  /** The spec's WalletBoundScope pattern. */
  private static final Pattern WALLET_BOUND_SCOPE = ContractFacts.WALLET_BOUND_SCOPE;

  /** In production, CIDR blocks may be no wider than a /24. */
  static final int WIDEST_ALLOWED_PROD_PREFIX = 24;

  private static final Set<String> NAMED_SCOPES = Set.copyOf(ContractFacts.NAMED_SCOPES);

  /** Production's rules: {@code ipRestrict} required, CIDR blocks no wider than a /24. */
  private final boolean productionIpRules;

  /**
   * @param productionIpRules whether to apply production's IP restrictions (the test environment
   *     has none)
   */
  public CreateAccessTokenRules(boolean productionIpRules) {
    this.productionIpRules = productionIpRules;
  }

  /** Throws {@link InvalidRequestException} naming the first offending field. */
  public void check(CreateAccessTokenRequest request) {
    checkScope(request.getScope());
    checkIpRestrict(request.getIpRestrict());
    checkSpendingLimits(request.getSpendingLimits());
  }

  private static void checkScope(List<String> scope) {
    if (scope == null) {
      return;
    }
    for (int i = 0; i < scope.size(); i++) {
      String entry = scope.get(i);
      if (entry == null
          || !(NAMED_SCOPES.contains(entry) || WALLET_BOUND_SCOPE.matcher(entry).matches())) {
        throw new InvalidRequestException(
            "scope[" + i + "]",
            "scope[" + i + "] must be a documented scope name or wallet_<scope>:<32-hex walletId>");
      }
    }
  }

  private void checkIpRestrict(List<String> ipRestrict) {
    if (productionIpRules && (ipRestrict == null || ipRestrict.isEmpty())) {
      throw new InvalidRequestException(
          "ipRestrict",
          "ipRestrict is required in the prod environment: list the IPv4 addresses or CIDR blocks"
              + " (/24 to /32) the token may be used from");
    }
    if (ipRestrict == null) {
      return;
    }
    for (int i = 0; i < ipRestrict.size(); i++) {
      String field = "ipRestrict[" + i + "]";
      String entry = ipRestrict.get(i);
      if (entry == null) { // @Pattern accepts null
        throw new InvalidRequestException(field, field + " must be an IPv4 address or CIDR block");
      }
      int slash = entry.indexOf('/');
      if (productionIpRules
          && slash >= 0
          && Integer.parseInt(entry.substring(slash + 1)) < WIDEST_ALLOWED_PROD_PREFIX) {
        throw new InvalidRequestException(
            field, field + " must use a CIDR prefix from /24 to /32 in the prod environment");
      }
    }
  }

  private static void checkSpendingLimits(List<SpendingLimit> spendingLimits) {
    if (spendingLimits == null) {
      return;
    }
    Set<String> coins = new HashSet<>();
    for (int i = 0; i < spendingLimits.size(); i++) {
      String field = "spendingLimits[" + i + "]";
      SpendingLimit limit = spendingLimits.get(i);
      if (limit == null) {
        throw new InvalidRequestException(
            field, field + " must be an object with coin and txValueLimit");
      }
      if (limit.getCoin() == null) {
        throw new InvalidRequestException(field + ".coin", field + ".coin is required");
      }
      if (limit.getTxValueLimit() == null) {
        throw new InvalidRequestException(
            field + ".txValueLimit", field + ".txValueLimit is required");
      }
      // the response keys unlock.spendingLimits by coin: a second limit would silently vanish
      if (!coins.add(limit.getCoin())) {
        throw new InvalidRequestException(
            field + ".coin", field + ".coin repeats a coin that already has a spending limit");
      }
    }
  }
}
