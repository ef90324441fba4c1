package org.openbitgo.accesstoken.consumercheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relative links of Markdown files, outside code blocks: each must name a file that exists and,
 * with {@code #anchor}, a heading of that file (GitHub's anchors: lower case, punctuation dropped,
 * spaces as hyphens, {@code -1}, {@code -2} for repeats).
 */
final class ReadmeLinks {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#* *$");

  private ReadmeLinks() {}

  /** Every link of {@code markdown} that does not resolve, as {@code file:line: link (why)}. */
  static List<String> broken(Path markdown) {
    List<String> broken = new ArrayList<>();
    List<String> lines = lines(markdown);
    boolean inCode = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        continue;
      }
      Matcher link = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("^[a-z]+:.*")) {
          continue; // https:, mailto:: not ours to check offline
        }
        String why = whyBroken(markdown, target);
        if (why != null) {
          broken.add(markdown + ":" + (i + 1) + ": " + target + " (" + why + ")");
        }
      }
    }
    return broken;
  }

  private static String whyBroken(Path from, String target) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    Path resolved = file.isEmpty() ? from : from.getParent().resolve(file).normalize();
    if (!Files.exists(resolved)) {
      return "no such file";
    }
    if (hash < 0) {
      return null;
    }
    if (Files.isDirectory(resolved) || !resolved.toString().endsWith(".md")) {
      return "an anchor into something that is not a Markdown file";
    }
    return anchors(resolved).contains(target.substring(hash + 1)) ? null : "no such heading";
  }

  /** The anchors GitHub gives the headings of {@code markdown}. */
  static Set<String> anchors(Path markdown) {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inCode = false;
    for (String line : lines(markdown)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      }
      Matcher heading = HEADING.matcher(line);
      if (inCode || !heading.matches()) {
        continue;
      }
      String slug = slug(heading.group(1));
      int repeat = seen.merge(slug, 1, Integer::sum) - 1;
      anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
    }
    return anchors;
  }

  static String slug(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
