package org.openbitgo.accesstoken.stub.http;

import org.openbitgo.accesstoken.stub.rules.Answer;

/**
 * What a {@link RequestRouter} decided from the headers: either the answer now (the body is then
 * not read, e.g. a 401), or what answers once the whole body has arrived.
 *
 * @param answerNow the answer the headers alone decide, or null to read the body
 * @param afterBody what answers the request once its body is read; null when {@code answerNow} is
 *     set
 */
public record Routing(Answer answerNow, BodyHandler afterBody) {

  /** Answers a request from its whole body. */
  @FunctionalInterface
  public interface BodyHandler {
    /** {@code body[0..length)} is the request body, as received. */
    Answer answer(byte[] body, int length);
  }

  /** Answers at once, without reading the body. */
  public static Routing answer(Answer answer) {
    return new Routing(answer, null);
  }

  /** Reads the body, then lets {@code handler} answer. */
  public static Routing readBody(BodyHandler handler) {
    return new Routing(null, handler);
  }
}
