package org.openbitgo.accesstoken.stub;

/** Names of the request properties the filters hand to the resource, the mappers and the log. */
final class RequestAttributes {
  static final String REQUEST_ID = "org.openbitgo.accesstoken.stub.requestId";
  static final String STARTED_NANOS = "org.openbitgo.accesstoken.stub.startedNanos";
  static final String USER_ID = "org.openbitgo.accesstoken.stub.userId";
  static final String CALLER_IP = "org.openbitgo.accesstoken.stub.callerIp";

  private RequestAttributes() {}
}
