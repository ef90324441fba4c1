/**
 * The hand-written layer over the generated Feign client ({@code …client.generated}): one entry
 * point ({@link org.openbitgo.accesstoken.client.AccessTokenClient}), environments, bearer auth,
 * typed errors ({@link org.openbitgo.accesstoken.client.BitGoApiException}, {@link
 * org.openbitgo.accesstoken.client.BitGoTransportException}), retries only where safe, and logging
 * that never shows a secret.
 */
package org.openbitgo.accesstoken.client;
