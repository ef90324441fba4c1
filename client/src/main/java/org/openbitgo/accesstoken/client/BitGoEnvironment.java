package org.openbitgo.accesstoken.client;

import java.net.URI;

/** The two BitGo platforms a token can be created on. */
public enum BitGoEnvironment {
  /** Test platform: no real funds; tokens need no IP restriction. */
  TEST(URI.create("https://app.bitgo-test.com")),
  /** Production platform: real funds; tokens must be restricted to IP addresses or CIDR blocks. */
  PRODUCTION(URI.create("https://app.bitgo.com"));

  private final URI baseUrl;

  BitGoEnvironment(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The platform's base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }
}
