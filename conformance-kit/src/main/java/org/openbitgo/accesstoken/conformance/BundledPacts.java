package org.openbitgo.accesstoken.conformance;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.InputStreamPactSource;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.support.json.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The pacts the build produced, bundled in the kit at {@value #RESOURCE_DIR} (the build copies
 * every {@code *.json} of its pacts folder there when it packages the kit).
 */
final class BundledPacts {

  static final String RESOURCE_DIR = "accesstoken-conformance/pacts";

  private BundledPacts() {}

  /** Every bundled pact, by file name; empty when the kit was built without pacts. */
  static List<Pact> load() {
    URL anchor = BundledPacts.class.getResource("BundledPacts.class");
    if (anchor == null) {
      return List.of();
    }
    try {
      URI uri = anchor.toURI();
      if ("jar".equals(uri.getScheme())) {
        String jar = uri.toString().substring(0, uri.toString().indexOf("!/"));
        FileSystem zip;
        try {
          zip = FileSystems.newFileSystem(URI.create(jar), Map.of());
        } catch (FileSystemAlreadyExistsException e) {
          zip = FileSystems.getFileSystem(URI.create(jar));
        }
        return read(zip.getPath("/" + RESOURCE_DIR));
      }
      // classes folder: climb from this class's package to the root
      Path root = Path.of(uri).getParent();
      for (int i = BundledPacts.class.getPackageName().split("\\.").length; i > 0; i--) {
        root = root.getParent();
      }
      return read(root.resolve(RESOURCE_DIR));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Pact> read(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Pact> pacts = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
        pacts.add(parse(Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return pacts;
  }

  static Pact parse(String json) {
    return DefaultPactReader.INSTANCE.pactFromJson(
        JsonParser.parseString(json).asObject(), InputStreamPactSource.INSTANCE);
  }
}
