package org.openbitgo.accesstoken.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a sample prints, as its own file documents it: the comment lines after a {@code Prints ...:}
 * comment at its end, in which {@code …} stands for any text (ids, secrets, times).
 */
record DocumentedAnswer(List<String> lines) {

  private static final Pattern MARKER = Pattern.compile("^(#|//) Prints\\b.*:$");

  /** The documented answer of a sample's source. */
  static DocumentedAnswer of(String source) {
    List<String> lines = new ArrayList<>();
    String prefix = null;
    for (String line : source.strip().split("\n")) {
      var marker = MARKER.matcher(line);
      if (prefix == null && marker.matches()) {
        prefix = marker.group(1) + " ";
      } else if (prefix != null && line.startsWith(prefix)) {
        lines.add(line.substring(prefix.length()));
      } else if (prefix != null) {
        throw new IllegalArgumentException("the Prints comment must end the sample: " + line);
      }
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("the sample documents no answer (a Prints comment)");
    }
    return new DocumentedAnswer(List.copyOf(lines));
  }

  /** Whether {@code output} (trailing white space aside) is what the sample documents. */
  boolean matches(String output) {
    String pattern =
        lines.stream()
            .map(
                line ->
                    Arrays.stream(line.split("…", -1))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("[^\\n]*")))
            .collect(Collectors.joining("\n"));
    return Pattern.compile(pattern).matcher(output.strip()).matches();
  }
}
