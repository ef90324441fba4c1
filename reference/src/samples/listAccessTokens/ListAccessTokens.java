import java.net.URI;
import java.util.List;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;

/** Lists every unexpired token of the caller with the Java client, a page at a time. */
public final class ListAccessTokens {

  public static void main(String[] args) {
    try (AccessTokenClient client =
        AccessTokenClient.builder()
            .baseUrl(URI.create(System.getenv("BITGO_BASE_URL"))) // or .environment(...)
            .accessToken(System.getenv("BITGO_ACCESS_TOKEN")) // sent as Authorization: Bearer …
            .build()) {
      // listAll fetches the next page (here of 2) only when the stream reaches it
      List<AccessTokenInfo> tokens = client.listAll(2).toList();
      // each AccessTokenInfo: getId(), getLabel(), getScope(), getExpires(), ... (never the secret)
      System.out.println("listed " + tokens.size() + " unexpired tokens");
    } catch (BitGoApiException e) { // every non-2xx answer: e.status(), e.name(), e.requestId()
      System.err.println("refused: " + e.getMessage());
      System.exit(1);
    }
  }
}
// Prints (… is the count, which differs per caller):
// listed … unexpired tokens
