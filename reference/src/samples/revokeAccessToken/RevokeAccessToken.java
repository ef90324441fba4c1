import java.net.URI;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.AccessTokenInfo;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;

/** Revokes a token by its public id with the Java client (here one it has just created). */
public final class RevokeAccessToken {

  public static void main(String[] args) {
    try (AccessTokenClient client =
        AccessTokenClient.builder()
            .baseUrl(URI.create(System.getenv("BITGO_BASE_URL"))) // or .environment(...)
            .accessToken(System.getenv("BITGO_ACCESS_TOKEN")) // sent as Authorization: Bearer …
            .build()) {
      AccessToken created = client.createAccessToken(new CreateAccessTokenRequest().label("rotate-me"));
      // by its public id, never its secret; client.revokeByLabel("rotate-me") also works when
      // exactly one token has that label
      AccessTokenInfo revoked = client.revoke(created.getId());
      System.out.println("revoked " + revoked.getLabel() + " (" + revoked.getId() + ")");
      System.out.println("expired: " + !revoked.getExpires().isAfter(java.time.OffsetDateTime.now()));
    } catch (BitGoApiException e) { // every non-2xx answer: 404 when no token of yours has the id
      System.err.println("refused: " + e.getMessage());
      System.exit(1);
    }
  }
}
// Prints (… is the id):
// revoked rotate-me (…)
// expired: true
