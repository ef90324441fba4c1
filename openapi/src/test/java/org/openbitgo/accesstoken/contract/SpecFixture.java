package org.openbitgo.accesstoken.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A copy of the contract as a YAML tree, edited in a test to make one change and written to a
 * temporary directory, so each gate test states its change in a line next to its verdict.
 */
final class SpecFixture {

  static final Path SPEC = Path.of("src/main/resources/openapi/access-token.yaml");
  static final Path RELEASED_1_0_0 = Path.of("src/baseline/access-token-1.0.0.yaml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final ObjectNode root;

  private SpecFixture(ObjectNode root) {
    this.root = root;
  }

  /** The released contract 1.0.0. */
  static SpecFixture released() {
    return read(RELEASED_1_0_0);
  }

  /** The spec as it is now. */
  static SpecFixture current() {
    return read(SPEC);
  }

  private static SpecFixture read(Path file) {
    try {
      return new SpecFixture((ObjectNode) YAML.readTree(file.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  SpecFixture with(Consumer<SpecFixture> change) {
    SpecFixture copy = new SpecFixture(root.deepCopy());
    change.accept(copy);
    return copy;
  }

  SpecFixture version(String version) {
    return with(f -> ((ObjectNode) f.root.get("info")).put("version", version));
  }

  /** A node under {@code components.schemas}, addressed as a JSON pointer below it. */
  ObjectNode schema(String pointer) {
    return (ObjectNode) root.at("/components/schemas" + pointer);
  }

  ArrayNode array(String pointer) {
    return (ArrayNode) root.at("/components/schemas" + pointer);
  }

  ObjectNode operation() {
    return (ObjectNode) root.at("/paths/~1api~1v2~1user~1accesstoken/post");
  }

  ObjectNode root() {
    return root;
  }

  Path writeTo(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      YAML.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes this as a release into {@code baselineDir}, named after its info.version. */
  Path release(Path baselineDir) {
    return writeTo(
        baselineDir.resolve("access-token-" + root.at("/info/version").asText() + ".yaml"));
  }
}
