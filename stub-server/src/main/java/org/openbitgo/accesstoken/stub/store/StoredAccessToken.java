package org.openbitgo.accesstoken.stub.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the store remembers of a created token. The secret itself is never kept: only its SHA-256
 * hash, enough to recognise the token when it is later sent as a bearer token.
 */
public record StoredAccessToken(
    String id,
    String secretSha256,
    String userId,
    String label,
    List<String> scope,
    List<String> ipRestrict,
    OffsetDateTime created,
    OffsetDateTime expires) {

  public StoredAccessToken {
    scope = scope == null ? List.of() : List.copyOf(scope);
    ipRestrict = ipRestrict == null ? List.of() : List.copyOf(ipRestrict);
  }
}
