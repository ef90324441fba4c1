package org.openbitgo.accesstoken.stub.operations;

import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.UnknownTokenException;

/**
 * {@code DELETE /api/v2/user/accesstoken/{id}} once the caller is known: the id's constraint from
 * the generated method, then the revocation of the caller's user's token with that id.
 */
public final class RevokeAccessTokenEndpoint {

  private final AccessTokenOperations operations;

  public RevokeAccessTokenEndpoint(AccessTokenOperations operations) {
    this.operations = operations;
  }

  Answer revoke(String id, BearerAuth.Caller caller) {
    AccessTokenResource resource = new AccessTokenResource(operations, caller);
    Answer invalid = operations.validation().checkRevoke(resource, id);
    if (invalid != null) {
      return invalid;
    }
    try {
      return Answer.ok(resource.revokeAccessToken(id));
    } catch (UnknownTokenException e) {
      return e.answer();
    }
  }
}
