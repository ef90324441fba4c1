import java.net.URI;
import java.util.List;
import org.openbitgo.accesstoken.client.AccessTokenClient;
import org.openbitgo.accesstoken.client.BitGoApiException;
import org.openbitgo.accesstoken.client.generated.model.AccessToken;
import org.openbitgo.accesstoken.client.generated.model.CreateAccessTokenRequest;
import org.openbitgo.accesstoken.client.generated.model.SpendingLimit;
import org.openbitgo.accesstoken.contract.BaseUnitAmount;

/** Creates a token with the Java client (org.openbitgo.accesstoken:accesstoken-client). */
public final class CreateAccessToken {

  public static void main(String[] args) {
    try (AccessTokenClient client =
        AccessTokenClient.builder()
            .baseUrl(URI.create(System.getenv("BITGO_BASE_URL"))) // or .environment(...)
            .accessToken(System.getenv("BITGO_ACCESS_TOKEN")) // sent as Authorization: Bearer …
            .build()) {
      AccessToken token =
          client.createAccessToken(
              new CreateAccessTokenRequest()
                  .label("treasury-bot")
                  .scope(List.of("wallet_view_all"))
                  .spendingLimits(
                      List.of(
                          new SpendingLimit()
                              .coin("eth")
                              .txValueLimit(
                                  BaseUnitAmount.ofString("123456789012345678901234567890")))));
      // token.getToken() is the secret, returned only this once: store it, never log it
      System.out.println(
          "created " + token.getLabel() + " with scope " + String.join(",", token.getScope()));
      System.out.println(
          "eth limit per transaction: "
              + token.getUnlock().getSpendingLimits().get("eth").getTxValueLimit().digits());
    } catch (BitGoApiException e) { // every non-2xx answer: e.status(), e.name(), e.requestId()
      System.err.println("refused: " + e.getMessage());
      System.exit(1);
    }
  }
}
// Prints:
// created treasury-bot with scope wallet_view_all
// eth limit per transaction: 123456789012345678901234567890
