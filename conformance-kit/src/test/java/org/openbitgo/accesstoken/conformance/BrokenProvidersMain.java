package org.openbitgo.accesstoken.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openbitgo.accesstoken.stub.StubEnvironment;
import org.openbitgo.accesstoken.stub.StubServer;

/**
 * Test only, for {@code conformance-kit/compare/run.sh}: one stub (with its state-change endpoint)
 * and, in front of it, an unbroken proxy and the twelve broken providers of issue 19. Prints one
 * line per provider, {@code <kind> <base URL>}, then {@code ready}; runs until stdin closes.
 */
public final class BrokenProvidersMain {

  private BrokenProvidersMain() {}

  public static void main(String[] args) throws IOException {
    StubServer stub = Stubs.start(StubEnvironment.TEST);
    List<BrokenProvider> providers = new ArrayList<>();
    BrokenProvider control = new BrokenProvider(stub.baseUri(), Breakages.none(), 8);
    providers.add(control);
    System.out.println("none " + control.baseUri() + " " + Breakages.STUB_TOKEN);
    for (Map.Entry<String, Breakages.BrokenKind> kind : Breakages.twelve().entrySet()) {
      BrokenProvider provider = new BrokenProvider(stub.baseUri(), kind.getValue().breakage(), 8);
      providers.add(provider);
      System.out.println(kind.getKey() + " " + provider.baseUri() + " " + Breakages.STUB_TOKEN);
    }
    System.out.println("ready");
    System.out.flush();
    while (System.in.read() != -1) {
      // until the script closes our stdin
    }
    providers.forEach(BrokenProvider::close);
    stub.close();
  }
}
