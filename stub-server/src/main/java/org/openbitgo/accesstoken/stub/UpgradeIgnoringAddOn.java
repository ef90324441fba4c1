package org.openbitgo.accesstoken.stub;

import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Serves requests that ask to switch protocols (e.g. {@code Upgrade: h2c}, which Java's default
 * HttpClient and {@code curl --http2} send over plain HTTP) as ordinary HTTP/1.1 requests.
 *
 * <p>Grizzly otherwise treats the body of such a request as bytes of the new protocol: the
 * request hangs until the idle timeout and ends in a 500. The stub speaks only HTTP/1.1, and a
 * server may ignore {@code Upgrade} (RFC 9110 §7.8), so the header is dropped as soon as the
 * codec reports it, before the body is read.
 */
final class UpgradeIgnoringAddOn implements AddOn {

  @Override
  public void setup(NetworkListener listener, FilterChainBuilder chain) {
    chain.add(chain.indexOfType(HttpServerFilter.class) + 1, new DropUpgrade());
  }

  private static final class DropUpgrade extends BaseFilter {
    @Override
    public NextAction handleEvent(FilterChainContext context, FilterChainEvent event) {
      if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
        HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
        header.getUpgradeDC().recycle();
        header.getHeaders().removeHeader(Header.Upgrade);
        header.setIgnoreContentModifiers(false);
      }
      return context.getInvokeAction();
    }
  }
}
