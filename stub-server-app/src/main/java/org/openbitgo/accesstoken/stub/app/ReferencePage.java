package org.openbitgo.accesstoken.stub.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openbitgo.accesstoken.contract.ContractFacts;

/**
 * The API reference: one self-contained HTML page (Swagger UI from its webjar, its script and
 * stylesheet inlined, the spec inlined; nothing fetched from the network) of a copy of the contract
 * that also carries every operation's code samples ({@code x-codeSamples}, read from the sample
 * files that the build runs), the authentication and the changelog. The published contract stays
 * the hand-written spec; only the page's copy changes.
 *
 * <p>Built at build time by {@link #main}: into this application's classes (what {@code GET /docs}
 * serves, {@link DocsPage}) and into the {@code reference} module's {@code target/}.
 */
public final class ReferencePage {

  /** Where the built page is on the application's classpath. */
  public static final String PAGE_RESOURCE = "/docs/index.html";

  /** The languages every operation has a sample in, in the order the page shows them. */
  public enum SampleLanguage {
    CURL("sh", "Shell", "curl"),
    JAVA("java", "Java", "Java"),
    TYPESCRIPT("ts", "TypeScript", "TypeScript"),
    PYTHON("py", "Python", "Python"),
    GO("go", "Go", "Go");

    /** The sample file's extension, which says its language. */
    public final String extension;

    /** {@code x-codeSamples}' {@code lang} and {@code label}. */
    public final String lang;

    public final String label;

    SampleLanguage(String extension, String lang, String label) {
      this.extension = extension;
      this.lang = lang;
      this.label = label;
    }

    /** The language of a sample file, from its extension. */
    public static Optional<SampleLanguage> of(Path file) {
      String name = file.getFileName().toString();
      return Stream.of(values()).filter(l -> name.endsWith("." + l.extension)).findFirst();
    }
  }

  private static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/";
  private static final String SWAGGER_UI_VERSION =
      "META-INF/maven/org.webjars/swagger-ui/pom.properties";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReferencePage() {}

  /**
   * {@code ReferencePage <samples directory> <CHANGELOG.md> <output .html>}: builds the page of the
   * contract on the classpath.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: ReferencePage <samples directory> <CHANGELOG.md> <output .html>");
    }
    ObjectNode page = pageSpec(contract(), Path.of(args[0]), Files.readString(Path.of(args[1])));
    Path out = Path.of(args[2]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, render(page));
  }

  /** The hand-written spec, from the classpath. */
  public static ObjectNode contract() {
    try (InputStream in = ContractFacts.class.getResourceAsStream(ContractFacts.SPEC_RESOURCE)) {
      return (ObjectNode) new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every operation of {@code spec}: its object in {@code paths}, by operationId. */
  public static Map<String, ObjectNode> operations(JsonNode spec) {
    Map<String, ObjectNode> operations = new java.util.LinkedHashMap<>();
    spec.path("paths")
        .forEach(
            path ->
                path.properties()
                    .forEach(
                        method -> {
                          if (method.getValue().has("operationId")) {
                            operations.put(
                                method.getValue().get("operationId").asText(),
                                (ObjectNode) method.getValue());
                          }
                        }));
    return operations;
  }

  /**
   * The page's copy of {@code contract}: each operation's samples (the files in {@code
   * samples/<operationId>/}, one per language) as {@code x-codeSamples}, the authentication and a
   * link to the changelog in the introduction, and the changelog itself ({@code x-changelog}).
   *
   * @throws IllegalArgumentException a sample directory names no operation of the spec, or holds a
   *     file of no known language or two of one language
   */
  public static ObjectNode pageSpec(ObjectNode contract, Path samples, String changelog)
      throws IOException {
    ObjectNode page = contract.deepCopy();
    Map<String, ObjectNode> operations = operations(page);
    try (Stream<Path> directories = Files.list(samples)) {
      for (Path directory : directories.sorted().toList()) {
        String operationId = directory.getFileName().toString();
        ObjectNode operation = operations.get(operationId);
        if (operation == null) {
          throw new IllegalArgumentException(
              "samples for " + operationId + ", which is no operationId of the spec: " + directory);
        }
        operation.set("x-codeSamples", codeSamples(directory));
      }
    }
    ObjectNode info = (ObjectNode) page.get("info");
    info.put(
        "description",
        info.path("description").asText() + authentication(page) + "\n\n" + CHANGELOG_LINK);
    page.put("x-changelog", changelog);
    return page;
  }

  /** The link from the introduction to the changelog, shown at the end of the page. */
  static final String CHANGELOG_LINK =
      "**Changes:** every release and what changed in it, per language: [the changelog]"
          + "(#changelog) (`CHANGELOG.md`).";

  private static ArrayNode codeSamples(Path directory) throws IOException {
    Map<SampleLanguage, Path> files = new java.util.EnumMap<>(SampleLanguage.class);
    try (Stream<Path> listed = Files.list(directory)) {
      // files only: a tool's cache directory (__pycache__) is not a sample
      for (Path file : listed.filter(Files::isRegularFile).sorted().toList()) {
        SampleLanguage language =
            SampleLanguage.of(file)
                .orElseThrow(
                    () -> new IllegalArgumentException("a sample of no language: " + file));
        if (files.put(language, file) != null) {
          throw new IllegalArgumentException("two " + language.label + " samples in " + directory);
        }
      }
    }
    ArrayNode codeSamples = JSON.createArrayNode();
    for (Map.Entry<SampleLanguage, Path> sample : files.entrySet()) {
      codeSamples
          .addObject()
          .put("lang", sample.getKey().lang)
          .put("label", sample.getKey().label)
          .put("source", Files.readString(sample.getValue()).strip());
    }
    return codeSamples;
  }

  /** The security schemes and who needs them, which Swagger UI shows only behind a click. */
  private static String authentication(JsonNode spec) {
    StringBuilder text = new StringBuilder("\n\n**Authentication:** ");
    List<String> required = new ArrayList<>();
    spec.path("security")
        .forEach(requirement -> requirement.fieldNames().forEachRemaining(required::add));
    text.append(required.isEmpty() ? "none by default." : "every operation requires ")
        .append(String.join(" or ", new TreeSet<>(required)))
        .append(required.isEmpty() ? "" : " unless it says otherwise.");
    for (Map.Entry<String, JsonNode> scheme :
        spec.path("components").path("securitySchemes").properties()) {
      JsonNode value = scheme.getValue();
      text.append("\n\n- `")
          .append(scheme.getKey())
          .append("`: ")
          .append(value.path("type").asText())
          .append(value.has("scheme") ? " `" + value.get("scheme").asText() + "`" : "")
          .append(". ")
          .append(value.path("description").asText());
    }
    return text.toString();
  }

  /** The page: Swagger UI's script and stylesheet, ours, and the spec, all inlined. */
  public static String render(ObjectNode pageSpec) throws IOException {
    String swaggerUi = SWAGGER_UI + swaggerUiVersion() + "/";
    String specJson =
        // JSON has '<' only inside strings, where \u003c means the same; no "</script>" survives
        JSON.writeValueAsString(pageSpec).replace("<", "\\u003c");
    Map<String, String> parts =
        Map.of(
            "title", escapeHtml(pageSpec.path("info").path("title").asText()),
            "swagger-ui.css", resource(swaggerUi + "swagger-ui.css"),
            "reference-page.css", resource("docs/reference-page.css"),
            "swagger-ui-bundle.js", scriptText(resource(swaggerUi + "swagger-ui-bundle.js")),
            "reference-page.js", scriptText(resource("docs/reference-page.js")),
            "spec", specJson);
    // one pass over the template only: a part's own text is never read as a placeholder
    return PLACEHOLDER
        .matcher(resource("docs/reference-page.html"))
        .replaceAll(m -> Matcher.quoteReplacement(parts.get(m.group(1))));
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z.-]+)}}");

  private static String swaggerUiVersion() throws IOException {
    Properties properties = new Properties();
    try (InputStream in = stream(SWAGGER_UI_VERSION)) {
      properties.load(in);
    }
    return properties.getProperty("version");
  }

  /** A script inlined in HTML ends at the first {@code </script}: refuse one that has it. */
  private static String scriptText(String script) {
    if (script.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
      throw new IllegalStateException("the script contains </script and cannot be inlined");
    }
    return script;
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = stream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream stream(String name) throws IOException {
    InputStream in = ReferencePage.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the classpath");
    }
    return in;
  }
}
