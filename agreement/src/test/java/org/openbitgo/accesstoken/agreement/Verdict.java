package org.openbitgo.accesstoken.agreement;

/** What a component did with an input. */
enum Verdict {
  /** The component took the input: the stub answered 200, or a client sent it. */
  ACCEPT,
  /** The stub answered 400 (or 401 for a malformed token), or a client refused before sending. */
  REFUSE,
  /** A client sent it, and documents that it leaves this field to the server. */
  LEFT_TO_SERVER;

  /** A client's observation: refused before sending, or sent. */
  static Verdict ofClient(boolean refusedBeforeSending, boolean fieldLeftToServer) {
    if (refusedBeforeSending) {
      return REFUSE;
    }
    return fieldLeftToServer ? LEFT_TO_SERVER : ACCEPT;
  }

  String word() {
    return name().toLowerCase().replace('_', ' ');
  }
}
