package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code format: password} on a string marks a secret: generated models do not print it (Java's
 * {@code toString()} shows {@code *}, Python's pydantic types it {@code SecretStr}), but what
 * travels on the wire is the same string. openapi-diff 2.1.7 calls adding or removing it a changed
 * format (the parser even makes it another schema class), which breaks nothing. So the gate
 * compares the two specs with the marking taken out, and lists where it was added or removed as
 * compatible changes.
 *
 * @param yaml the document without any {@code format: password}
 * @param marked where it was, as JSON pointers
 */
record SecretMarking(String yaml, Set<String> marked) {

  private static final YAMLMapper YAML = new YAMLMapper();

  /** Reads {@code spec} and takes {@code format: password} off every string schema. */
  static SecretMarking strip(Path spec) {
    try {
      JsonNode tree = YAML.readTree(spec.toFile());
      Set<String> marked = new TreeSet<>();
      unmark(tree, "", marked);
      return new SecretMarking(YAML.writeValueAsString(tree), marked);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What changed in the marking from {@code before} to this, as compatible changes. */
  List<String> changesSince(SecretMarking before) {
    List<String> changes = new ArrayList<>();
    for (String at : marked) {
      if (!before.marked().contains(at)) {
        changes.add(
            "`"
                + at
                + "`: marked `format: password`, a secret that generated models do not print;"
                + " nothing changes on the wire");
      }
    }
    for (String at : before.marked()) {
      if (!marked.contains(at)) {
        changes.add(
            "`" + at + "`: no longer marked `format: password`; nothing changes on the wire");
      }
    }
    return changes;
  }

  private static void unmark(JsonNode node, String at, Set<String> marked) {
    if (node instanceof ObjectNode object) {
      boolean string = !object.has("type") || "string".equals(object.path("type").asText());
      if (string && "password".equals(object.path("format").asText(null))) {
        object.remove("format");
        marked.add(at);
      }
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        unmark(field.getValue(), at + "/" + escaped(field.getKey()), marked);
      }
    } else if (node != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unmark(node.get(i), at + "/" + i, marked);
      }
    }
  }

  private static String escaped(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
