package org.openbitgo.accesstoken.client;

import java.net.URI;
import org.openbitgo.accesstoken.contract.ContractFacts;

/** The two BitGo platforms a token can be created on: the spec's {@code servers}. */
public enum BitGoEnvironment {
  /** Test platform: no real funds; tokens need no IP restriction. */
  TEST("test"),
  /** Production platform: real funds; tokens must be restricted to IP addresses or CIDR blocks. */
  PRODUCTION("production");

  private final URI baseUrl;

  /**
   * @param name the server's {@code x-environment} in the spec, whose {@code url} this is
   */
  BitGoEnvironment(String name) {
    this.baseUrl = ContractFacts.environment(name);
  }

  /** The platform's base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }
}
