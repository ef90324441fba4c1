package org.openbitgo.accesstoken.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The drift check of {@code generator-templates/}: every {@code X.mustache} override has a {@code
 * X.mustache.change} file naming the built-in template it copies and the lines it changes, and the
 * override must equal that built-in template, as the pinned generator ships it, with those lines
 * changed. A generator upgrade that touches a copied template therefore fails the build instead of
 * silently keeping the old copy.
 *
 * <p>A change file:
 *
 * <pre>
 * # why, in a line or two
 * upstream: Java/libraries/feign/pojo.mustache
 * - a line of the built-in template (consecutive "-" lines: a block that must occur exactly once)
 * + the line(s) that replace it
 * </pre>
 *
 * or {@code replaces: Java/libraries/feign/ApiClient.mustache} for an override that is not a copy
 * (then only the built-in template's existence is checked: the override still replaces something).
 */
public final class TemplateOverrides {

  private static final String SUFFIX = ".change";

  private TemplateOverrides() {}

  /** The built-in templates of the generator on the classpath (its jar, in the pinned version). */
  public static Optional<String> fromClasspath(String templatePath) {
    try (InputStream in = ClassLoader.getSystemResourceAsStream(templatePath)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One line per problem found under {@code overrides}; empty when every override matches. */
  public static List<String> drift(Path overrides, Function<String, Optional<String>> builtIn) {
    List<String> problems = new ArrayList<>();
    try (Stream<Path> files = Files.walk(overrides)) {
      for (Path template :
          files.filter(p -> p.toString().endsWith(".mustache")).sorted().toList()) {
        Path change = template.resolveSibling(template.getFileName() + SUFFIX);
        if (!Files.exists(change)) {
          problems.add(template + ": no " + change.getFileName() + " says what it changes and why");
          continue;
        }
        check(template, Files.readString(change), builtIn).ifPresent(problems::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return problems;
  }

  private static Optional<String> check(
      Path template, String change, Function<String, Optional<String>> builtIn) throws IOException {
    String upstreamPath = directive(change, "upstream: ");
    String replaced = directive(change, "replaces: ");
    if (replaced != null) {
      return builtIn.apply(replaced).isPresent()
          ? Optional.empty()
          : Optional.of(template + ": the generator has no " + replaced + " to replace any more");
    }
    if (upstreamPath == null) {
      return Optional.of(
          template + SUFFIX + ": names neither an upstream: nor a replaces: template");
    }
    Optional<String> upstream = builtIn.apply(upstreamPath);
    if (upstream.isEmpty()) {
      return Optional.of(template + ": the generator has no " + upstreamPath + " any more");
    }
    String expected = upstream.get();
    for (Hunk hunk : hunks(change)) {
      int first = expected.indexOf(hunk.removed());
      if (first < 0 || expected.indexOf(hunk.removed(), first + 1) >= 0) {
        return Optional.of(
            template
                + ": the lines it changes no longer occur exactly once in the generator's "
                + upstreamPath
                + " (upstream changed them): re-copy the template and re-apply "
                + template.getFileName()
                + SUFFIX);
      }
      expected = expected.replace(hunk.removed(), hunk.added());
    }
    return expected.equals(Files.readString(template))
        ? Optional.empty()
        : Optional.of(
            template
                + " differs from the generator's "
                + upstreamPath
                + " plus its documented change"
                + " (upstream changed it, or the copy was edited): re-copy and re-apply "
                + template.getFileName()
                + SUFFIX);
  }

  private record Hunk(String removed, String added) {}

  private static List<Hunk> hunks(String change) {
    List<Hunk> hunks = new ArrayList<>();
    StringBuilder removed = new StringBuilder();
    StringBuilder added = new StringBuilder();
    for (String line : (change + "\n#").split("\n", -1)) {
      boolean minus = line.startsWith("- ") || line.equals("-");
      boolean plus = line.startsWith("+ ") || line.equals("+");
      if ((minus && !added.isEmpty()) || (!minus && !plus && !removed.isEmpty())) {
        hunks.add(new Hunk(removed.toString(), added.toString()));
        removed.setLength(0);
        added.setLength(0);
      }
      if (minus) {
        removed.append(line.substring(Math.min(2, line.length()))).append('\n');
      } else if (plus) {
        added.append(line.substring(Math.min(2, line.length()))).append('\n');
      }
    }
    return hunks;
  }

  private static String directive(String change, String prefix) {
    return change
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).trim())
        .findFirst()
        .orElse(null);
  }
}
