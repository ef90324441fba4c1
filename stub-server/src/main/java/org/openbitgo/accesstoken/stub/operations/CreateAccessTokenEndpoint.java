package org.openbitgo.accesstoken.stub.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.openbitgo.accesstoken.server.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.stub.http.EncodedBody;
import org.openbitgo.accesstoken.stub.http.Utf8;
import org.openbitgo.accesstoken.stub.rules.Answer;
import org.openbitgo.accesstoken.stub.rules.InvalidRequestException;
import org.openbitgo.accesstoken.stub.rules.JsonErrorDescriber;
import org.openbitgo.accesstoken.stub.rules.JsonPath;
import org.openbitgo.accesstoken.stub.rules.PlatformErrors;

/**
 * {@code POST /api/v2/user/accesstoken} once the caller is known and the body is read: the body
 * read strictly into the generated model, the interface's Bean Validation constraints, the
 * contract's other rules, and the new token.
 */
public final class CreateAccessTokenEndpoint {

  private final ObjectReader requestReader;
  private final AccessTokenOperations operations;

  public CreateAccessTokenEndpoint(ObjectMapper mapper, AccessTokenOperations operations) {
    this.requestReader = mapper.readerFor(CreateAccessTokenRequest.class);
    this.operations = operations;
  }

  Answer create(byte[] body, int length, BearerAuth.Caller caller) {
    String text = Utf8.decode(body, length);
    if (text == null) {
      return PlatformErrors.invalidRequest(
          JsonPath.WHOLE_BODY, "request body is not valid UTF-8 JSON");
    }
    CreateAccessTokenRequest request;
    try {
      request = requestReader.readValue(text);
    } catch (JsonProcessingException e) {
      return JsonErrorDescriber.describe(e);
    }
    AccessTokenResource resource = new AccessTokenResource(operations, caller);
    Answer invalid = operations.validation().check(resource, request);
    if (invalid != null) {
      return invalid;
    }
    try {
      return Answer.ok(EncodedBody.json(resource.issue(request).answerJson()));
    } catch (InvalidRequestException e) {
      return PlatformErrors.invalidRequest(e.field(), e.getMessage());
    }
  }
}
