package org.openbitgo.accesstoken.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The agreement table ({@code agreement-table.json}): the inputs every component judges. Each row
 * names a field and a value; the field says where the value goes (the bearer token, or a request
 * body with {@code "$value"} in its place). The same file is read by the TypeScript and Python
 * harnesses.
 */
final class AgreementTable {

  /** Where a value goes. */
  enum Placement {
    AUTHORIZATION,
    BODY
  }

  /** One input and the verdict the table's author expects. */
  record Row(String id, String field, JsonNode value, Verdict expect, String why) {}

  /** How a field's value is sent. */
  record Field(String name, Placement in, JsonNode body, boolean judgedByEveryClient) {}

  static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode table;
  private final String sha256;
  private final List<Row> rows = new ArrayList<>();
  private final Map<String, Field> fields = new TreeMap<>();
  private final Map<String, Set<String>> leftToServer = new TreeMap<>();

  private AgreementTable(byte[] bytes) throws IOException {
    this.table = JSON.readTree(bytes);
    this.sha256 = sha256(bytes);
    table
        .path("fields")
        .properties()
        .forEach(
            f ->
                fields.put(
                    f.getKey(),
                    new Field(
                        f.getKey(),
                        Placement.valueOf(f.getValue().path("in").asText().toUpperCase()),
                        f.getValue().path("body"),
                        f.getValue().path("judgedByEveryClient").asBoolean(false))));
    table
        .path("leftToServer")
        .properties()
        .forEach(
            c -> {
              Set<String> names = new TreeSet<>();
              c.getValue().forEach(name -> names.add(name.asText()));
              leftToServer.put(c.getKey(), names);
            });
    for (JsonNode row : table.path("rows")) {
      rows.add(
          new Row(
              row.path("id").asText(),
              row.path("field").asText(),
              row.path("value"),
              Verdict.valueOf(row.path("expect").asText().toUpperCase()),
              row.path("why").asText()));
    }
  }

  static AgreementTable read(Path file) {
    try {
      return new AgreementTable(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AgreementTable parse(String json) {
    try {
      return new AgreementTable(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  Field field(String name) {
    Field field = fields.get(name);
    if (field == null) {
      throw new IllegalStateException("the table has no field " + name);
    }
    return field;
  }

  /** The fields {@code component} documents that it leaves to the server. */
  Set<String> leftToServer(String component) {
    return leftToServer.getOrDefault(component, Set.of());
  }

  /** The components that declare what they leave to the server: the clients. */
  Set<String> clients() {
    return leftToServer.keySet();
  }

  String callerToken() {
    return table.path("callerToken").asText();
  }

  /** Identifies this table's content: a verdict file made from another table is stale. */
  String sha256() {
    return sha256;
  }

  /** The request body of {@code row}: its field's body with the value in place of "$value". */
  JsonNode body(Row row) {
    JsonNode body = field(row.field()).body().deepCopy();
    return field(row.field()).in() == Placement.BODY ? replaced(body, row.value()) : body;
  }

  /** The bearer token {@code row} sends. */
  String bearerToken(Row row) {
    return field(row.field()).in() == Placement.AUTHORIZATION
        ? row.value().asText()
        : callerToken();
  }

  private static JsonNode replaced(JsonNode node, JsonNode value) {
    if (node.isTextual() && node.asText().equals("$value")) {
      return value;
    }
    if (node instanceof ObjectNode object) {
      object.properties().forEach(e -> e.setValue(replaced(e.getValue(), value)));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, replaced(array.get(i), value));
      }
    }
    return node;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
