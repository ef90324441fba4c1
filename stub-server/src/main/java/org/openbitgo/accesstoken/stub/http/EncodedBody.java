package org.openbitgo.accesstoken.stub.http;

/**
 * An answer's entity already encoded, sent as is with its media type instead of written as JSON:
 * for an application's own pages outside the contract (the stub application's {@code GET /docs}).
 *
 * @param mediaType the {@code Content-Type} sent, e.g. {@code text/html; charset=utf-8}
 * @param bytes the body
 */
public record EncodedBody(String mediaType, byte[] bytes) {}
