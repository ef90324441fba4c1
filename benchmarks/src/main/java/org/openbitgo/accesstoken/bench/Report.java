package org.openbitgo.accesstoken.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the report: Markdown for people, JSON for tools. */
final class Report {

  private Report() {}

  static double round(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  /** The median (the mean of the middle two of an even count); NaN for none. */
  static double median(java.util.List<Double> values) {
    java.util.List<Double> sorted = new java.util.ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static String f(double v, int digits) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%,." + digits + "f", v);
  }

  static String f0(double v) {
    return f(v, 0);
  }

  static String f1(double v) {
    return f(v, 1);
  }

  static String f2(double v) {
    return f(v, 2);
  }

  static String f3(double v) {
    return f(v, 3);
  }

  static void writeJson(Path file, Object report) throws IOException {
    ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(file.getParent());
    Files.writeString(file, m.writeValueAsString(report) + "\n", StandardCharsets.UTF_8);
  }

  static void writeMarkdown(Path file, String markdown) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, markdown, StandardCharsets.UTF_8);
  }
}
