package org.openbitgo.accesstoken.conformance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One request the kit sent and the answer it got, as the checks judge them. */
public record Exchange(Request request, Response response) {

  /** What was sent; header names as sent. */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {

    public String bodyText() {
      return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** {@code POST /api/v2/user/accesstoken} and a short body, for a report line. */
    public String summary() {
      String text = bodyText();
      boolean printable = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
      String shown =
          !printable
              ? body.length + " bytes (not printable)"
              : text.length() > 160 ? text.substring(0, 157) + "..." : text;
      return method + " " + path + (text.isEmpty() ? "" : " " + shown);
    }
  }

  /** What came back; header names in lower case. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public Response {
      Map<String, List<String>> lower = new TreeMap<>();
      headers.forEach(
          (name, values) -> lower.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
      headers = Map.copyOf(lower);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** {@code 400 application/json {"error":...}}, for a report line. */
    public String summary() {
      // cut only once redacted: cut first, a secret spelled across the cut would print in part
      String shown = Redactor.cutOnceRedacted(body, 200);
      return status
          + " "
          + (header("content-type") == null ? "(no Content-Type)" : header("content-type"))
          + " "
          + shown;
    }
  }
}
