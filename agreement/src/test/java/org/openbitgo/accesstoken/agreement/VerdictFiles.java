package org.openbitgo.accesstoken.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what another language's harness observed ({@code agreement-verdicts.json} in its module's
 * {@code target/}): per row id, {@code refused} (before sending) or {@code sent}. A file made from
 * another version of the table is refused as stale.
 */
final class VerdictFiles {

  /** A component's name and its verdicts by row id. */
  record Verdicts(String component, Map<String, Verdict> byRow) {}

  private VerdictFiles() {}

  static Verdicts read(Path file, AgreementTable table) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file + " is missing: that language's tests did not write their verdicts");
    }
    try {
      return parse(Files.readString(file), table, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Verdicts parse(String json, AgreementTable table, String source) throws IOException {
    JsonNode file = AgreementTable.JSON.readTree(json);
    String component = file.path("component").asText();
    if (!table.sha256().equals(file.path("tableSha256").asText())) {
      throw new IllegalStateException(
          source + " (" + component + ") was made from another version of the table: stale");
    }
    Map<String, Verdict> byRow = new LinkedHashMap<>();
    for (AgreementTable.Row row : table.rows()) {
      String observed = file.path("observations").path(row.id()).asText("");
      if (observed.equals("refused") || observed.equals("sent")) {
        boolean leftToServer = table.leftToServer(component).contains(row.field());
        byRow.put(row.id(), Verdict.ofClient(observed.equals("refused"), leftToServer));
      }
    }
    return new Verdicts(component, byRow);
  }
}
