package org.openbitgo.accesstoken.consumercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the consumer test project from the README's own code blocks, so the README and its proof
 * cannot drift: a block preceded by {@code <!-- consumer-check: src/main/java/.../X.java -->} is
 * written verbatim to that path of the project. The blocks marked {@code <!-- consumer-check:
 * pom.xml -->} are the project's whole {@code pom.xml}, or, when a skeleton directory gives one,
 * are put in README order in place of its {@value #POM_SLOT}.
 *
 * <p>It also refuses a README whose Maven snippets name a version of a dependency other than the
 * one this build uses (e.g. an old {@code accesstoken-bom} version after a release).
 */
public final class ReadmeSnippets {

  /** Where the README's POM snippets go in the skeleton POM. */
  public static final String POM_SLOT = "<!-- @README_POM_SNIPPETS@ -->";

  static final String POM = "pom.xml";
  private static final Pattern MARKER = Pattern.compile("^<!-- consumer-check: (\\S+) -->\\s*$");
  private static final Pattern DEPENDENCY_OR_PLUGIN =
      Pattern.compile("<(dependency|plugin)>(.*?)</\\1>", Pattern.DOTALL);

  /** The group of a {@code <plugin>} that names none. */
  private static final String DEFAULT_PLUGIN_GROUP = "org.apache.maven.plugins";

  private final List<String> problems = new ArrayList<>();
  private final Map<String, StringBuilder> files = new LinkedHashMap<>();

  private ReadmeSnippets() {}

  /**
   * Reads the README's marked blocks.
   *
   * @param required the targets that must each have a block (so a deleted marker fails the check
   *     instead of shrinking it)
   * @param versions groupId to the version this build uses; a README dependency of that group with
   *     another version is refused
   * @throws IllegalStateException listing every problem found
   */
  public static Map<String, String> extract(
      String readme, List<String> required, Map<String, String> versions) {
    ReadmeSnippets snippets = new ReadmeSnippets();
    snippets.readBlocks(readme.split("\n", -1));
    for (String target : required) {
      if (!snippets.files.containsKey(target)) {
        snippets.problems.add(
            "no README code block is marked <!-- consumer-check: " + target + " -->");
      }
    }
    snippets.problems.addAll(versionProblems("README", readme, versions));
    if (!snippets.problems.isEmpty()) {
      throw new IllegalStateException(
          "The README's consumer snippets cannot be used:\n  - "
              + String.join("\n  - ", snippets.problems));
    }
    Map<String, String> result = new LinkedHashMap<>();
    snippets.files.forEach((target, text) -> result.put(target, text.toString()));
    return result;
  }

  private void readBlocks(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (!marker.matches()) {
        continue;
      }
      String target = marker.group(1);
      int line = i + 1;
      if (i + 1 >= lines.length || !lines[i + 1].startsWith("```")) {
        problems.add(
            "README line "
                + line
                + ": the marker for "
                + target
                + " is not directly followed by a ``` code block");
        continue;
      }
      int end = i + 2;
      while (end < lines.length && !lines[end].equals("```")) {
        end++;
      }
      if (end >= lines.length) {
        problems.add("README line " + line + ": the code block for " + target + " is never closed");
        return;
      }
      String body = String.join("\n", List.of(lines).subList(i + 2, end)) + "\n";
      i = end;
      if (!isInsideProject(target)) {
        problems.add(
            "README line " + line + ": " + target + " is not a relative path inside the project");
      } else if (files.containsKey(target) && !target.equals(POM)) {
        problems.add("README line " + line + ": a second block for " + target);
      } else {
        files.computeIfAbsent(target, t -> new StringBuilder()).append(body);
      }
    }
  }

  private static boolean isInsideProject(String target) {
    Path path = Path.of(target);
    return !path.isAbsolute() && path.normalize().equals(path) && !path.startsWith("..");
  }

  /**
   * The Maven dependencies and plugins in {@code readme} (named {@code name} in the problems) whose
   * {@code groupId:artifactId}, or else {@code groupId}, is in {@code versions} with another
   * version than the one this build uses.
   */
  static List<String> versionProblems(String name, String readme, Map<String, String> versions) {
    List<String> problems = new ArrayList<>();
    Matcher dependency = DEPENDENCY_OR_PLUGIN.matcher(readme);
    while (dependency.find()) {
      String body = dependency.group(2);
      String group = element(body, "groupId");
      if (group == null && dependency.group(1).equals("plugin")) {
        group = DEFAULT_PLUGIN_GROUP;
      }
      String version = element(body, "version");
      String expected =
          versions.getOrDefault(group + ":" + element(body, "artifactId"), versions.get(group));
      if (expected != null && version != null && !version.equals(expected)) {
        int line =
            1
                + (int)
                    readme.substring(0, dependency.start()).chars().filter(c -> c == '\n').count();
        problems.add(
            name
                + " line "
                + line
                + ": "
                + group
                + ":"
                + element(body, "artifactId")
                + " "
                + version
                + ", but this build uses "
                + expected);
      }
    }
    return problems;
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Writes the consumer project: the skeleton directory's files, then the README's blocks over
   * them, the POM snippets put into the skeleton's {@value #POM_SLOT}.
   */
  public static void writeProject(Map<String, String> snippets, Path skeleton, Path project) {
    try (Stream<Path> walk = Files.isDirectory(skeleton) ? Files.walk(skeleton) : Stream.empty()) {
      for (Path source : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        Path target = project.resolve(skeleton.relativize(source).toString());
        Files.createDirectories(target.getParent());
        Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      for (Map.Entry<String, String> snippet : snippets.entrySet()) {
        Path target = project.resolve(snippet.getKey());
        String text = snippet.getValue();
        // only a skeleton's own pom has a slot; a pom left by an earlier run is overwritten
        if (snippet.getKey().equals(POM) && Files.exists(skeleton.resolve(POM))) {
          String pom = Files.readString(target, StandardCharsets.UTF_8);
          if (!pom.contains(POM_SLOT)) {
            throw new IllegalStateException(
                target + " has no " + POM_SLOT + " for the README's snippets");
          }
          text = pom.replace(POM_SLOT, text.strip());
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code README skeletonDir projectDir [require=<target>]... [version=<groupId>=<version>]...
   * [versions-also-in=<directory>]...} — run by the build (exec-maven-plugin, {@code
   * readme-consumer-project}). The READMEs of a {@code versions-also-in} directory (its own and
   * each subdirectory's: the repository's and each module's) hold no marked blocks, but their Maven
   * snippets must name the versions this build uses too.
   */
  public static void main(String[] args) throws IOException {
    Path readme = Path.of(args[0]);
    List<String> required = new ArrayList<>();
    Map<String, String> versions = new LinkedHashMap<>();
    List<Path> otherReadmes = new ArrayList<>();
    for (String arg : List.of(args).subList(3, args.length)) {
      if (arg.startsWith("require=")) {
        required.add(arg.substring("require=".length()));
      } else if (arg.startsWith("version=")) {
        String[] pair = arg.substring("version=".length()).split("=", 2);
        versions.put(pair[0], pair[1]);
      } else if (arg.startsWith("versions-also-in=")) {
        otherReadmes.addAll(readmesOf(Path.of(arg.substring("versions-also-in=".length()))));
      } else {
        throw new IllegalArgumentException("unknown argument " + arg);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path other : otherReadmes) {
      problems.addAll(versionProblems(other.toString(), read(other), versions));
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "A README names other versions than this build uses:\n  - "
              + String.join("\n  - ", problems));
    }
    Map<String, String> snippets = extract(read(readme), required, versions);
    writeProject(snippets, Path.of(args[1]), Path.of(args[2]));
  }

  /** {@code root/README.md} and {@code root/<each directory>/README.md}, those that exist. */
  static List<Path> readmesOf(Path root) throws IOException {
    List<Path> readmes = new ArrayList<>();
    readmes.add(root.resolve("README.md"));
    try (Stream<Path> children = Files.list(root)) {
      children
          .filter(Files::isDirectory)
          .sorted()
          .forEach(dir -> readmes.add(dir.resolve("README.md")));
    }
    readmes.removeIf(readme -> !Files.isRegularFile(readme));
    return readmes;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
